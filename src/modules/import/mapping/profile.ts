import { z } from "zod";
import { DATE_FORMATS, normalizeDateFormat, type DateFormat } from "./dates";

/**
 * A mapping profile: how a company's file in its own shape maps onto an import kind's canonical fields.
 * Saved per company (import_mappings), exported and imported as this JSON (the CLI's --mapping file).
 * Fields the profile does not name are read from a column whose header is the field's name or label.
 */
export const MAPPING_FORMAT = "tekizai.import-mapping.v1";

const ZDateFormat = z.string().transform((value, ctx): DateFormat => {
  const format = normalizeDateFormat(value);
  if (!format) {
    ctx.addIssue({
      code: "custom",
      message: `unknown date format "${value}"; one of: ${DATE_FORMATS.join(", ")}, m/d/yy, d/m/yyyy`,
    });
    return z.NEVER;
  }
  return format;
});

const ZCenturyPivot = z
  .number()
  .int("must be a whole number")
  .min(0, "must be from 0 to 99")
  .max(99, "must be from 0 to 99");

export const ZFieldMapping = z
  .object({
    /** The source column (header text as in the file). */
    column: z.string().min(1).max(255).optional(),
    /** A fixed value for every row instead of a column. */
    constant: z.string().max(1000).optional(),
    /** Strip surrounding spaces (default true). */
    trim: z.boolean().default(true),
    /** Source value → value to use (matched exactly after trimming, then ignoring case). "" empties a value. */
    values: z.record(z.string(), z.string()).optional(),
    /** Value for empty cells. */
    default: z.string().max(1000).optional(),
    dateFormat: ZDateFormat.optional(),
    centuryPivot: ZCenturyPivot.optional(),
    /**
     * Take one part of a full name: "Yamada, Taro" (family, given) or "山田 太郎" / "Taro Yamada" split at the
     * first space according to nameOrder.
     */
    namePart: z.enum(["family", "given"]).optional(),
    nameOrder: z.enum(["family_first", "given_first"]).default("family_first"),
    /** For code lookups: match the unit's (grade's, position's) code (default) or its Japanese or English name. */
    lookupBy: z.enum(["code", "name"]).default("code"),
  })
  .refine((m) => m.column !== undefined || m.constant !== undefined || m.default !== undefined, {
    message: "give column, constant or default",
  })
  .refine((m) => !(m.column !== undefined && m.constant !== undefined), {
    message: "give column or constant, not both",
  });
export type FieldMapping = z.infer<typeof ZFieldMapping>;

export const ZMappingProfile = z.object({
  format: z.literal(MAPPING_FORMAT).default(MAPPING_FORMAT),
  name: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters").default("mapping"),
  kind: z.string().min(1).max(64),
  /** CSV: utf8, cp932 or auto (default). */
  encoding: z.enum(["auto", "utf8", "cp932"]).default("auto"),
  /** CSV: , ; tab or |; detected when absent. */
  delimiter: z.enum([",", ";", "\t", "|"]).optional(),
  /** Default date format of every date field (default auto: YYYY-MM-DD, YYYY/MM/DD or Japanese era). */
  dateFormat: ZDateFormat.default("auto"),
  centuryPivot: ZCenturyPivot.optional(),
  fields: z.record(z.string(), ZFieldMapping).default({}),
});
export type MappingProfile = z.infer<typeof ZMappingProfile>;
export type MappingProfileInput = z.input<typeof ZMappingProfile>;

/** Parses a profile; field errors name the JSON path (fields.birthDate.dateFormat). */
export function parseMappingProfile(
  input: unknown,
): { profile: MappingProfile } | { errors: { path: string; message: string }[] } {
  const parsed = ZMappingProfile.safeParse(input);
  if (parsed.success) return { profile: parsed.data };
  return {
    errors: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "mapping",
      message: issue.message,
    })),
  };
}

/** A profile with nothing mapped: every field is read from the column with its canonical name or label. */
export function emptyProfile(kind: string): MappingProfile {
  return ZMappingProfile.parse({ kind });
}
