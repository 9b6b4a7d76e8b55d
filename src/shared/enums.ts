/** Closed vocabularies shared by the database, the API, the CLI and the web app. */

export const GENDERS = ["female", "male", "other", "undisclosed"] as const;
export type Gender = (typeof GENDERS)[number];

export const EMPLOYMENT_TYPES = [
  "regular",
  "contract",
  "part_time",
  "reemployed",
  "temporary",
  "executive_officer",
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const TERMINATION_REASONS = [
  "voluntary",
  "involuntary",
  "mandatory_retirement",
  "death",
  "end_of_contract",
  "transfer_within_group",
] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** primary: the one main job at a time; secondary: side assignment (e.g. Select Job); secondment: work at another group company. */
export const ASSIGNMENT_KINDS = ["primary", "secondary", "secondment"] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

export const DISABILITY_CATEGORIES = ["physical", "intellectual", "mental"] as const;
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];

export const NAME_ORDERS = ["family_first", "given_first"] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export const ROLES = ["employee", "manager", "company_hr", "group_hr", "recruiter"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["en", "ja"] as const;
export type Locale = (typeof LOCALES)[number];

/** SQL `IN (...)` list for a check constraint over one of the vocabularies above. */
export function sqlList(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(", ");
}
