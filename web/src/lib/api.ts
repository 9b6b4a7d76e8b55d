/**
 * The one fetch wrapper: same-origin requests with the session cookie, JSON in and out, and every non-2xx
 * response turned into an ApiError carrying the catalogue code (see src/shared/errors.ts) and field messages.
 */
import type { FieldError } from "../../../src/shared/errors";

export type QueryValue = string | number | boolean | null | undefined;

export class ApiError extends Error {
  readonly status: number;
  /** A code from the error catalogue, or NETWORK when the server could not be reached. */
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** The message for one field (by dotted path), if the server flagged it. */
  fieldMessage(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** `/api/people?q=x&limit=50`, leaving out empty values. */
export function apiPath(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function parseFields(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f): FieldError[] =>
    isRecord(f) && typeof f.path === "string" && typeof f.message === "string"
      ? [{ path: f.path, message: f.message }]
      : [],
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isRecord(body) && typeof body.code === "string") {
    const message = typeof body.message === "string" ? body.message : response.statusText;
    return new ApiError(response.status, body.code, message, parseFields(body.fields));
  }
  const code =
    response.status === 401 ? "UNAUTHENTICATED" : response.status === 404 ? "NOT_FOUND" : "INTERNAL";
  return new ApiError(response.status, code, response.statusText || "Request failed");
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(apiPath(path, options.query), {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "The server could not be reached.");
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Sends a file as the raw request body (imports: `POST /api/imports?…`), JSON back. */
export async function apiUpload<T>(path: string, file: Blob, query?: Record<string, QueryValue>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiPath(path, query), {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": file.type || "application/octet-stream" },
      body: file,
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The server could not be reached.");
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}
