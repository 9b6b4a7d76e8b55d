/** API errors → messages in the UI language. */
import { isApiError } from "../lib/api";
import type { MessageKey } from "./en";
import { en } from "./en";
import type { Translate } from "./locale";

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for an error from an API call (by its catalogue code), or a generic one. */
export function errorMessage(t: Translate, error: unknown): string {
  if (isApiError(error)) {
    const key = `error.${error.code}`;
    if (isMessageKey(key)) return t(key);
    return error.message || t("error.unknown");
  }
  return t("error.unknown");
}

/** Known server field messages (see the zod schemas in src/shared/api.ts) with a translation. */
const FIELD_MESSAGES: Array<[RegExp, MessageKey]> = [
  [/^is required$/, "field.required"],
  [/^must be an email address$/, "field.email"],
  [/^(is too long|must be at most)/, "field.tooLong"],
  [/^must be a date written YYYY-MM-DD/, "field.date"],
];

/** A server field message in the UI language where known, else as sent. */
export function fieldMessage(t: Translate, message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  for (const [pattern, key] of FIELD_MESSAGES) if (pattern.test(message)) return t(key);
  return message;
}
