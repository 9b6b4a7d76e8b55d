import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { translateDbError } from "../db/errors";
import { AppError, type ErrorBody } from "../shared/errors";

/** Turns `/employment/hireDate` into `employment.hireDate`. */
function fieldPath(instancePath: string, missingProperty: unknown): string {
  const base = instancePath.replace(/^\//, "").replaceAll("/", ".");
  if (typeof missingProperty === "string") return base ? `${base}.${missingProperty}` : missingProperty;
  return base || "body";
}

/** The one place where errors become HTTP responses. Unknown errors are a plain 500 without internals. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  let appError: AppError;
  if (error instanceof AppError) {
    appError = error;
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    appError = AppError.validation(
      error.validation.map((issue) => ({
        path: fieldPath(
          issue.instancePath,
          (issue.params as { missingProperty?: unknown } | undefined)?.missingProperty,
        ),
        message: issue.message ?? "is not valid",
      })),
    );
  } else if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, "response did not match its schema");
    appError = new AppError("INTERNAL");
  } else {
    const fastifyError = error as FastifyError;
    const translated = translateDbError(error);
    if (translated) {
      appError = translated;
    } else if (fastifyError.statusCode === 429) {
      appError = new AppError("RATE_LIMITED");
    } else if (fastifyError.statusCode === 415 || fastifyError.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") {
      appError = AppError.validation([
        { path: "body", message: "must be JSON (Content-Type: application/json)" },
      ]);
    } else if (fastifyError.statusCode === 400 && fastifyError.code?.startsWith("FST_ERR_CTP")) {
      appError = AppError.validation([{ path: "body", message: "is not valid JSON" }]);
    } else if (fastifyError.statusCode === 413) {
      appError = AppError.validation([{ path: "body", message: "is too large" }]);
    } else {
      request.log.error({ err: error }, "unexpected error");
      appError = new AppError("INTERNAL");
    }
  }
  const body: ErrorBody = appError.toBody();
  void reply.status(appError.status).send(body);
}
