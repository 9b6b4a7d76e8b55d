/**
 * The one error catalogue. Services throw AppError with a stable code; the HTTP layer maps the code to a
 * status in one place (server/errors.ts), the CLI prints the message, the web app translates the code.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: "Some fields are not valid." },
  UNAUTHENTICATED: { status: 401, message: "Sign in to continue." },
  INVALID_CREDENTIALS: { status: 401, message: "Wrong email or password." },
  FORBIDDEN: { status: 403, message: "You do not have permission to do this." },
  NOT_FOUND: { status: 404, message: "Not found." },
  CONFLICT: { status: 409, message: "This conflicts with existing records." },
  DATED_OVERLAP: { status: 409, message: "The period overlaps an existing record." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Wait a minute and try again." },
  DATA_DIR_LOCKED: { status: 503, message: "The data directory is in use by another process." },
  DATABASE_UNAVAILABLE: { status: 503, message: "The database is not available." },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface FieldError {
  /** Dotted path of the field, e.g. `assignments.0.validFrom` or `email`. */
  path: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, options: { message?: string; fields?: FieldError[]; cause?: unknown } = {}) {
    super(options.message ?? ERROR_CATALOGUE[code].message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  toBody(): ErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message };
  }

  static validation(fields: FieldError[], message?: string): AppError {
    return new AppError("VALIDATION_FAILED", { fields, ...(message ? { message } : {}) });
  }

  static notFound(what: string, id: string | number): AppError {
    return new AppError("NOT_FOUND", { message: `${what} ${id} was not found.` });
  }
}
