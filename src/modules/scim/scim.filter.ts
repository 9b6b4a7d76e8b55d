/**
 * SCIM filters (RFC 7644 §3.4.2.2): a tokenizer, a recursive-descent parser and an evaluator over SCIM
 * resources as JSON. Attribute names are case-insensitive; string comparisons are case-insensitive
 * (caseExact false); dates are ISO 8601 strings and compare in order.
 */
import { CORE_GROUP, CORE_USER } from "./scim.discovery";
import { ScimError } from "./scim.errors";

export type CompareOp = "eq" | "ne" | "co" | "sw" | "ew" | "gt" | "ge" | "lt" | "le";
export type FilterValue = string | number | boolean | null;

export type Filter =
  | { kind: "compare"; path: AttrPath; op: CompareOp; value: FilterValue }
  | { kind: "present"; path: AttrPath }
  | { kind: "and" | "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter }
  /** `emails[type eq "work"]` or `emails[type eq "work"].value ...` */
  | { kind: "valuePath"; attr: AttrPath; filter: Filter };

/** An attribute path: schema URN (optional), attribute, sub-attribute (optional). */
export interface AttrPath {
  urn: string | null;
  attr: string;
  sub: string | null;
}

type Token = { t: "word"; v: string } | { t: "str"; v: string } | { t: "(" | ")" | "[" | "]" } | { t: "end" };

const COMPARE_OPS = new Set(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);

function invalid(message: string): ScimError {
  return new ScimError(400, `Invalid filter: ${message}`, "invalidFilter");
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "(" || c === ")" || c === "[" || c === "]") {
      tokens.push({ t: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let raw = '"';
      while (j < input.length && input[j] !== '"') {
        raw += input[j] === "\\" ? input[j++]! + (input[j] ?? "") : input[j];
        j++;
      }
      if (j >= input.length) throw invalid("unterminated string");
      try {
        tokens.push({ t: "str", v: JSON.parse(`${raw}"`) as string });
      } catch {
        throw invalid("bad string escape");
      }
      i = j + 1;
    } else {
      const match = /^[^\s()[\]"]+/.exec(input.slice(i));
      if (!match) throw invalid(`unexpected character ${c}`);
      tokens.push({ t: "word", v: match[0] });
      i += match[0].length;
    }
  }
  tokens.push({ t: "end" });
  return tokens;
}

const CORE_SCHEMAS = new Set([CORE_USER.toLowerCase(), CORE_GROUP.toLowerCase()]);
const ATTR_RE = /^[A-Za-z][\w$-]*(\.[A-Za-z][\w$-]*)?$/;

/** Parses `name.familyName`, `urn:...:User:employeeNumber`, `urn:...:User:manager.value`. */
export function parseAttrPath(text: string): AttrPath {
  let urn: string | null = null;
  let rest = text;
  if (text.toLowerCase().startsWith("urn:")) {
    const colon = text.lastIndexOf(":");
    urn = text.slice(0, colon);
    // The core schema's attributes live at the top level of the resource.
    if (CORE_SCHEMAS.has(urn.toLowerCase())) urn = null;
    rest = text.slice(colon + 1);
  }
  if (!ATTR_RE.test(rest)) throw invalid(`bad attribute path ${text}`);
  const [attr, sub] = rest.split(".");
  return { urn, attr: attr!, sub: sub ?? null };
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isWord(word: string): boolean {
    const token = this.peek();
    return token.t === "word" && token.v.toLowerCase() === word;
  }
  private expect(kind: "(" | ")" | "[" | "]"): void {
    if (this.next().t !== kind) throw invalid(`expected ${kind}`);
  }

  parseAll(): Filter {
    const filter = this.parseOr();
    if (this.peek().t !== "end") throw invalid("unexpected text after the filter");
    return filter;
  }

  parseOr(): Filter {
    let left = this.parseAnd();
    while (this.isWord("or")) {
      this.next();
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): Filter {
    let left = this.parseUnary();
    while (this.isWord("and")) {
      this.next();
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): Filter {
    if (this.isWord("not")) {
      this.next();
      this.expect("(");
      const filter = this.parseOr();
      this.expect(")");
      return { kind: "not", filter };
    }
    if (this.peek().t === "(") {
      this.next();
      const filter = this.parseOr();
      this.expect(")");
      return filter;
    }
    return this.parseAttrExp();
  }

  private parseAttrExp(): Filter {
    const token = this.next();
    if (token.t !== "word") throw invalid("expected an attribute");
    const path = parseAttrPath(token.v);
    if (this.peek().t === "[") {
      this.next();
      const inner = this.parseOr();
      this.expect("]");
      const after = this.peek();
      if (after.t === "word" && after.v.startsWith(".")) {
        // emails[type eq "work"].value eq "x": the sub-attribute follows the bracket
        this.next();
        const sub = after.v.slice(1);
        if (!/^[A-Za-z][\w$-]*$/.test(sub)) throw invalid(`bad sub-attribute ${sub}`);
        return this.parseOp({ ...path, sub }, inner);
      }
      return { kind: "valuePath", attr: path, filter: inner };
    }
    return this.parseOp(path, null);
  }

  /** After an attribute path: `pr` or `op value`. With `within`, the comparison applies to the matching values only. */
  private parseOp(path: AttrPath, within: Filter | null): Filter {
    const opToken = this.next();
    if (opToken.t !== "word") throw invalid("expected an operator");
    const op = opToken.v.toLowerCase();
    let filter: Filter;
    if (op === "pr") {
      filter = { kind: "present", path };
    } else {
      if (!COMPARE_OPS.has(op)) throw invalid(`unknown operator ${opToken.v}`);
      filter = { kind: "compare", path, op: op as CompareOp, value: this.parseValue() };
    }
    if (!within) return filter;
    // Restrict the comparison to the values matching the bracket filter.
    return {
      kind: "valuePath",
      attr: { ...path, sub: null },
      filter: {
        kind: "and",
        left: within,
        right: { ...filter, path: { urn: null, attr: path.sub!, sub: null } },
      },
    };
  }

  private parseValue(): FilterValue {
    const token = this.next();
    if (token.t === "str") return token.v;
    if (token.t !== "word") throw invalid("expected a value");
    if (token.v === "true") return true;
    if (token.v === "false") return false;
    if (token.v === "null") return null;
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(token.v)) return Number(token.v);
    throw invalid(`bad value ${token.v}`);
  }
}

export function parseFilter(input: string): Filter {
  if (input.length > 2000) throw invalid("too long");
  return new Parser(tokenize(input)).parseAll();
}

// ---- evaluation ----

type Json = unknown;

function getCi(obj: Json, key: string): Json {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return undefined;
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(obj)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The values an attribute path selects in a resource (multi-valued attributes flattened). */
export function resolvePath(resource: Json, path: AttrPath): Json[] {
  const base = path.urn ? getCi(resource, path.urn) : resource;
  let values = [getCi(base, path.attr)].flat();
  if (path.sub) values = values.flatMap((v) => [getCi(v, path.sub!)].flat());
  return values.filter((v) => v !== undefined && v !== null);
}

function compare(actual: Json, op: CompareOp, expected: FilterValue): boolean {
  if (expected === null) return op === "eq" ? actual === null : op === "ne" ? actual !== null : false;
  if (typeof actual === "boolean" || typeof expected === "boolean") {
    if (op === "eq") return actual === expected;
    if (op === "ne") return actual !== expected;
    throw invalid(`${op} is not defined for booleans`);
  }
  const a = typeof actual === "string" ? actual.toLowerCase() : actual;
  const e = typeof expected === "string" ? expected.toLowerCase() : expected;
  if (typeof a === "string" && typeof e === "string") {
    switch (op) {
      case "eq":
        return a === e;
      case "ne":
        return a !== e;
      case "co":
        return a.includes(e);
      case "sw":
        return a.startsWith(e);
      case "ew":
        return a.endsWith(e);
      case "gt":
        return a > e;
      case "ge":
        return a >= e;
      case "lt":
        return a < e;
      case "le":
        return a <= e;
    }
  }
  if (typeof a === "number" && typeof e === "number") {
    const ops: Record<CompareOp, boolean> = {
      eq: a === e,
      ne: a !== e,
      gt: a > e,
      ge: a >= e,
      lt: a < e,
      le: a <= e,
      co: false,
      sw: false,
      ew: false,
    };
    return ops[op];
  }
  return op === "ne";
}

export function matches(resource: Json, filter: Filter): boolean {
  switch (filter.kind) {
    case "and":
      return matches(resource, filter.left) && matches(resource, filter.right);
    case "or":
      return matches(resource, filter.left) || matches(resource, filter.right);
    case "not":
      return !matches(resource, filter.filter);
    case "present":
      return resolvePath(resource, filter.path).some(
        (v) => v !== "" && !(Array.isArray(v) && v.length === 0),
      );
    case "valuePath": {
      const base = filter.attr.urn ? getCi(resource, filter.attr.urn) : resource;
      const values = [getCi(base, filter.attr.attr)].flat().filter((v) => v && typeof v === "object");
      return values.some((v) => matches(v, filter.filter));
    }
    case "compare": {
      const values = resolvePath(resource, filter.path);
      if (filter.op === "ne") return !values.some((v) => compare(v, "eq", filter.value));
      return values.some((v) => compare(v, filter.op, filter.value));
    }
  }
}
