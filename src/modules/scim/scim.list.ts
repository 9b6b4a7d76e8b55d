/** Filtering, sorting and paging of SCIM list requests (RFC 7644 §3.4.2). */
import { LIST_RESPONSE } from "./scim.discovery";
import { ScimError } from "./scim.errors";
import { matches, parseAttrPath, parseFilter, resolvePath } from "./scim.filter";

export interface ListQuery {
  filter?: string | undefined;
  sortBy?: string | undefined;
  sortOrder?: string | undefined;
  startIndex?: string | undefined;
  count?: string | undefined;
  attributes?: string | undefined;
  excludedAttributes?: string | undefined;
}

export const MAX_RESULTS = 1000;

function integerParam(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^-?\d+$/.test(value)) throw new ScimError(400, `${name} must be an integer`, "invalidValue");
  return Number(value);
}

export function listResponse<T extends Record<string, unknown>>(resources: T[], query: ListQuery) {
  let items = resources;
  if (query.filter !== undefined) {
    const filter = parseFilter(query.filter);
    items = items.filter((resource) => matches(resource, filter));
  }
  if (query.sortBy) {
    const path = parseAttrPath(query.sortBy);
    const descending = query.sortOrder?.toLowerCase() === "descending";
    if (query.sortOrder && !["ascending", "descending"].includes(query.sortOrder.toLowerCase())) {
      throw new ScimError(400, "sortOrder must be ascending or descending", "invalidValue");
    }
    const key = (resource: T) => {
      const value = resolvePath(resource, path)[0];
      return value === undefined
        ? undefined
        : typeof value === "string"
          ? value.toLowerCase()
          : String(value);
    };
    items = [...items].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      // Resources without a value come last in either order.
      if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1;
      const order = ka < kb ? -1 : ka > kb ? 1 : 0;
      return descending ? -order : order;
    });
  }
  const startIndex = Math.max(1, integerParam(query.startIndex, "startIndex") ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, integerParam(query.count, "count") ?? MAX_RESULTS));
  const page = items.slice(startIndex - 1, startIndex - 1 + count);
  return {
    schemas: [LIST_RESPONSE],
    totalResults: items.length,
    startIndex,
    itemsPerPage: page.length,
    Resources: page.map((resource) => project(resource, query.attributes, query.excludedAttributes)),
  };
}

/**
 * `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5), comma-separated attribute paths: `id` and `schemas`
 * are always returned; `meta` only when asked for (or not excluded).
 */
export function project<T extends Record<string, unknown>>(
  resource: T,
  attributes: string | undefined,
  excluded: string | undefined,
): Record<string, unknown> {
  const paths = (text: string | undefined) =>
    (text ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map(parseAttrPath);
  const wanted = paths(attributes);
  const unwanted = paths(excluded);
  if (wanted.length === 0 && unwanted.length === 0) return resource;
  const lower = (s: string) => s.toLowerCase();
  const copy: Record<string, unknown> = structuredClone(resource);
  const containerOf = (obj: Record<string, unknown>, urn: string | null) => {
    if (!urn) return obj;
    const key = Object.keys(obj).find((k) => lower(k) === lower(urn));
    const inner = key === undefined ? undefined : obj[key];
    return inner && typeof inner === "object" && !Array.isArray(inner)
      ? (inner as Record<string, unknown>)
      : undefined;
  };
  if (wanted.length > 0) {
    const keep = (key: string, urn: string | null) =>
      wanted.filter((p) => lower(p.attr) === lower(key) && (p.urn ?? "") === (urn ?? ""));
    const prune = (obj: Record<string, unknown>, urn: string | null) => {
      for (const key of Object.keys(obj)) {
        if (!urn && ["id", "schemas"].includes(key)) continue;
        if (!urn && key.toLowerCase().startsWith("urn:")) {
          const inner = containerOf(obj, key);
          if (inner) prune(inner, lower(key));
          if (!inner || Object.keys(inner).length === 0) delete obj[key];
          continue;
        }
        const matched = keep(key, urn);
        if (matched.length === 0) delete obj[key];
        else if (matched.every((p) => p.sub) && obj[key] && typeof obj[key] === "object") {
          const subs = new Set(matched.map((p) => lower(p.sub!)));
          for (const item of [obj[key]].flat() as Record<string, unknown>[]) {
            for (const subKey of Object.keys(item)) if (!subs.has(lower(subKey))) delete item[subKey];
          }
        }
      }
    };
    wanted.forEach((p) => {
      if (p.urn) p.urn = lower(p.urn);
    });
    prune(copy, null);
  }
  for (const p of unwanted) {
    if (!p.urn && ["id", "schemas"].includes(p.attr)) continue;
    const container = containerOf(copy, p.urn);
    if (!container) continue;
    const key = Object.keys(container).find((k) => lower(k) === lower(p.attr));
    if (key === undefined) continue;
    if (!p.sub) delete container[key];
    else
      for (const item of [container[key]].flat() as Record<string, unknown>[]) {
        const subKey = Object.keys(item ?? {}).find((k) => lower(k) === lower(p.sub!));
        if (subKey !== undefined) delete item[subKey];
      }
  }
  return copy;
}
