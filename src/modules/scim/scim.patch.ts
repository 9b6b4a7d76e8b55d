/**
 * PATCH (RFC 7644 §3.5.2) applied to a User's SCIM JSON in memory: add, replace and remove, with a path
 * (attribute, sub-attribute, extension URN prefix, value filter such as `emails[type eq "work"].value`) or
 * without (the value is an object of attributes). The result is then saved like a PUT.
 */
import { ENTERPRISE_USER, PATCH_OP } from "./scim.discovery";
import { ScimError } from "./scim.errors";
import { type AttrPath, type Filter, matches, parseAttrPath, parseFilter } from "./scim.filter";

type Obj = Record<string, unknown>;

interface PatchOperation {
  op: string;
  path?: unknown;
  value?: unknown;
}

const READ_ONLY = new Set(["id", "meta", "schemas"]);

const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function keyCi(obj: Obj, key: string): string {
  return Object.keys(obj).find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
}

interface Target {
  path: AttrPath;
  filter: Filter | null;
}

function parseTarget(text: string): Target {
  const bracket = /^([^[]+)\[(.*)\](?:\.([A-Za-z][\w$-]*))?$/.exec(text);
  if (!bracket) return { path: parseAttrPath(text), filter: null };
  try {
    const path = parseAttrPath(bracket[1]!);
    return { path: { ...path, sub: bracket[3] ?? null }, filter: parseFilter(bracket[2]!) };
  } catch {
    throw new ScimError(400, `Invalid path ${text}`, "invalidPath");
  }
}

function containerFor(resource: Obj, path: AttrPath, create: boolean): Obj | undefined {
  if (!path.urn) return resource;
  const key = keyCi(resource, path.urn);
  if (!isObj(resource[key])) {
    if (!create) return undefined;
    resource[key] = {};
  }
  return resource[key] as Obj;
}

function applyAt(resource: Obj, op: "add" | "replace" | "remove", target: Target, value: unknown): void {
  const { path, filter } = target;
  if (READ_ONLY.has(path.attr.toLowerCase()) && !path.urn) {
    throw new ScimError(400, `${path.attr} is read-only`, "mutability");
  }
  const container = containerFor(resource, path, op !== "remove");
  if (!container) return;
  const attrKey = keyCi(container, path.attr);
  if (filter) {
    const list = container[attrKey];
    const items = Array.isArray(list) ? (list as unknown[]) : [];
    const hits = items.filter((item) => isObj(item) && matches(item, filter)) as Obj[];
    if (hits.length === 0) {
      if (op === "remove" || op === "replace")
        throw new ScimError(400, "No value matches the path filter", "noTarget");
      return;
    }
    if (op === "remove" && !path.sub) {
      container[attrKey] = items.filter((item) => !hits.includes(item as Obj));
      return;
    }
    for (const hit of hits) {
      if (path.sub) {
        if (op === "remove") delete hit[keyCi(hit, path.sub)];
        else hit[keyCi(hit, path.sub)] = value;
      } else if (isObj(value)) Object.assign(hit, value);
    }
    return;
  }
  if (path.sub) {
    if (op === "remove") {
      if (isObj(container[attrKey]))
        delete (container[attrKey] as Obj)[keyCi(container[attrKey] as Obj, path.sub)];
      return;
    }
    if (!isObj(container[attrKey])) container[attrKey] = {};
    const parent = container[attrKey] as Obj;
    parent[keyCi(parent, path.sub)] = value;
    return;
  }
  if (op === "remove") {
    delete container[attrKey];
    return;
  }
  const existing = container[attrKey];
  if (op === "add" && Array.isArray(existing)) {
    container[attrKey] = [...existing, ...[value].flat()];
  } else if (op === "add" && isObj(existing) && isObj(value)) {
    Object.assign(existing, value);
  } else {
    container[attrKey] = value;
  }
}

function applyWithoutPath(resource: Obj, op: "add" | "replace", value: unknown): void {
  if (!isObj(value)) throw new ScimError(400, "Without a path, the value must be an object", "invalidValue");
  for (const [key, inner] of Object.entries(value)) {
    if (key.toLowerCase() === ENTERPRISE_USER.toLowerCase() && isObj(inner)) {
      // An extension object: its attributes, one by one.
      for (const [sub, subValue] of Object.entries(inner)) {
        applyAt(resource, op, parseTarget(`${key}:${sub}`), subValue);
      }
    } else {
      applyAt(resource, op, parseTarget(key), inner);
    }
  }
}

/** Applies a PatchOp request body to a copy of the resource. */
export function applyPatch(resource: Obj, body: unknown): Obj {
  if (!isObj(body) || !Array.isArray(body.schemas) || !body.schemas.includes(PATCH_OP)) {
    throw new ScimError(400, `The request must have schemas ["${PATCH_OP}"]`, "invalidSyntax");
  }
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new ScimError(400, "Operations must be a non-empty array", "invalidSyntax");
  }
  const copy = structuredClone(resource);
  for (const raw of operations as PatchOperation[]) {
    if (!isObj(raw) || typeof raw.op !== "string")
      throw new ScimError(400, "Each operation needs an op", "invalidSyntax");
    const op = raw.op.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") {
      throw new ScimError(400, `Unknown op ${raw.op}`, "invalidSyntax");
    }
    if (raw.path !== undefined && typeof raw.path !== "string") {
      throw new ScimError(400, "path must be a string", "invalidPath");
    }
    if (raw.path === undefined || raw.path === "") {
      if (op === "remove") throw new ScimError(400, "remove needs a path", "noTarget");
      applyWithoutPath(copy, op, raw.value);
    } else {
      let target: Target;
      try {
        target = parseTarget(raw.path);
      } catch {
        throw new ScimError(400, `Invalid path ${raw.path}`, "invalidPath");
      }
      if (op !== "remove" && raw.value === undefined) {
        throw new ScimError(400, `${op} needs a value`, "invalidValue");
      }
      applyAt(copy, op, target, raw.value);
    }
  }
  return copy;
}
