/** Field rules shared by the skills, learning and OJT API shapes. */
import { z } from "zod";
import { ZLocalizedName, ZPersonName } from "./api";

export const text = (max: number) =>
  z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
export const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).default("");
export const code = z
  .string()
  .trim()
  .min(1, "is required")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "may contain only letters, digits, '.', '-' and '_'");
/** A level as sent by a client; the service checks it against the group's scale. */
export const level = z
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(0, "must be 0 or more")
  .max(10, "must be at most 10");
export const ZRef = z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName });
export const ZPersonRef = z.object({ personId: z.number().int(), name: ZPersonName });
