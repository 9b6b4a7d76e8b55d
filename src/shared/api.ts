/**
 * The HTTP API's request and response shapes (zod), shared by the server (validation + OpenAPI), the web app
 * and the CLI. Naming: Z<Thing> for a shape, Z<Action>Request / Z<Action>Response for a route's body.
 * Dates are ISO `YYYY-MM-DD` strings; `validTo` / `terminationDate` are the last day (inclusive), null = open.
 */
import { z } from "zod";
import {
  ASSIGNMENT_KINDS,
  DISABILITY_CATEGORIES,
  EMPLOYMENT_TYPES,
  GENDERS,
  LOCALES,
  NAME_ORDERS,
  ROLES,
  TERMINATION_REASONS,
} from "./enums";

// ---------- primitives ----------

const isValidIsoDate = (value: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    y >= 1900 &&
    y <= 2999
  );
};

export const ZIsoDate = z
  .string()
  .refine(isValidIsoDate, { message: "must be a date written YYYY-MM-DD (years 1900-2999)" });
export const ZId = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .positive("must be a positive whole number")
  .max(2_147_483_647, "is too large");
export const ZIdParams = z.object({ id: ZId });
export const ZLocalizedName = z.object({ ja: z.string(), en: z.string() });
export type LocalizedName = z.infer<typeof ZLocalizedName>;

export const ZPersonName = z.object({
  family: z.string(),
  given: z.string(),
  familyKana: z.string().nullable(),
  givenKana: z.string().nullable(),
  familyLatin: z.string().nullable(),
  givenLatin: z.string().nullable(),
  order: z.enum(NAME_ORDERS),
});
export type PersonName = z.infer<typeof ZPersonName>;

// ---------- auth / me ----------

export const ZLoginRequest = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(254, "is too long"),
  password: z.string().min(1, "is required").max(200, "is too long"),
});

export const ZRoleGrant = z.object({
  role: z.enum(ROLES),
  companyId: z.number().int().nullable(),
  /** recruiter only: the recruiting division (org unit); null or absent = the whole company. */
  orgUnitId: z.number().int().nullable().optional(),
});

/** What the signed-in user may do: the web app shows only these. */
export const ZPermissions = z.object({
  viewDirectory: z.boolean(),
  viewOrgChart: z.boolean(),
  /** Company ids the user may see people of; null = every company. */
  companyScope: z.array(z.number().int()).nullable(),
  /** Org unit ids the user heads (manager scope roots). */
  managedOrgUnitIds: z.array(z.number().int()),
  editPeople: z.boolean(),
  manageCompanies: z.boolean(),
  manageUsers: z.boolean(),
  viewAudit: z.boolean(),
  /** The user holds a recruiter role: may search and scout people who opted in (scouting consent). */
  recruit: z.boolean(),
});
export type Permissions = z.infer<typeof ZPermissions>;

export const ZMe = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES).nullable(),
  personId: z.number().int().nullable(),
  roles: z.array(ZRoleGrant),
  permissions: ZPermissions,
});
export type Me = z.infer<typeof ZMe>;

export const ZLoginResponse = z.object({ user: ZMe });

export const ZUpdateMeRequest = z.object({ locale: z.enum(LOCALES) });

// ---------- companies and org ----------

export const ZCompany = z.object({
  id: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  country: z.string(),
  currency: z.string(),
  isDomestic: z.boolean(),
  fiscalYearStartMonth: z.number().int(),
  parentCompanyId: z.number().int().nullable(),
});
export type Company = z.infer<typeof ZCompany>;
export const ZCompanyList = z.object({ items: z.array(ZCompany) });

export const ZCreateCompanyRequest = z.object({
  code: z
    .string()
    .trim()
    .min(1, "is required")
    .max(32, "must be at most 32 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "may contain only letters, digits, - and _"),
  nameJa: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  nameEn: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  country: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, "must be a two-letter ISO country code such as JP"),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, "must be a three-letter ISO currency code such as JPY"),
  isDomestic: z.boolean(),
  fiscalYearStartMonth: z
    .number()
    .int()
    .min(1, "must be a month from 1 to 12")
    .max(12, "must be a month from 1 to 12")
    .default(4),
  parentCompanyId: z.number().int().positive().nullable().default(null),
});

export const ZGrade = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  rank: z.number().int(),
  isManagerLevel: z.boolean(),
  isExecutive: z.boolean(),
});
export const ZGradeList = z.object({ items: z.array(ZGrade) });

export const ZPosition = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  jobCategoryId: z.number().int().nullable(),
});
export const ZPositionList = z.object({ items: z.array(ZPosition) });

export const ZJobCategory = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
});
export const ZJobCategoryList = z.object({ items: z.array(ZJobCategory) });

export const ZCompanyQuery = z.object({ companyId: ZId });

export const ZOrgChartQuery = z.object({
  asOf: ZIsoDate.optional(),
  /** Omit for the whole group. */
  companyId: ZId.optional(),
});

export const ZOrgChartUnit = z.object({
  id: z.number().int(),
  versionId: z.number().int(),
  companyId: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  parentId: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** People with an assignment (any kind) to this unit on the date. */
  headcount: z.number().int(),
  head: z.object({ personId: z.number().int(), name: ZPersonName }).nullable(),
});
export type OrgChartUnit = z.infer<typeof ZOrgChartUnit>;

export const ZOrgChartResponse = z.object({
  asOf: z.string(),
  companies: z.array(
    z.object({ company: ZCompany, headcount: z.number().int(), units: z.array(ZOrgChartUnit) }),
  ),
});
export type OrgChartResponse = z.infer<typeof ZOrgChartResponse>;

export const ZCreateOrgUnitRequest = z.object({
  companyId: z.number().int().positive(),
  code: z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"),
  nameJa: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  nameEn: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  parentOrgUnitId: z.number().int().positive().nullable().default(null),
  validFrom: ZIsoDate,
});

/** A reorganisation: a new version of the unit from `validFrom` (the current version ends the day before). */
export const ZReorganizeOrgUnitRequest = z.object({
  nameJa: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters").optional(),
  nameEn: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters").optional(),
  parentOrgUnitId: z.number().int().positive().nullable().optional(),
  validFrom: ZIsoDate,
});

export const ZOrgUnitVersion = z.object({
  versionId: z.number().int(),
  orgUnitId: z.number().int(),
  companyId: z.number().int(),
  code: z.string(),
  name: ZLocalizedName,
  parentId: z.number().int().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const ZOrgUnitDetail = z.object({ orgUnitId: z.number().int(), versions: z.array(ZOrgUnitVersion) });

export const ZAsOfQuery = z.object({ asOf: ZIsoDate.optional() });

// ---------- people ----------

export const ZAssignment = z.object({
  id: z.number().int(),
  employmentId: z.number().int(),
  kind: z.enum(ASSIGNMENT_KINDS),
  orgUnit: z.object({
    id: z.number().int(),
    companyId: z.number().int(),
    code: z.string(),
    name: ZLocalizedName,
  }),
  position: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
  grade: z
    .object({ id: z.number().int(), code: z.string(), name: ZLocalizedName, isManagerLevel: z.boolean() })
    .nullable(),
  lineManager: z.object({ personId: z.number().int(), name: ZPersonName }).nullable(),
  isHead: z.boolean(),
  fte: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Assignment = z.infer<typeof ZAssignment>;

export const ZEmployment = z.object({
  id: z.number().int(),
  company: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName }),
  employeeNumber: z.string(),
  hireDate: z.string(),
  terminationDate: z.string().nullable(),
  terminationReason: z.enum(TERMINATION_REASONS).nullable(),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  weeklyHours: z.number(),
  assignments: z.array(ZAssignment),
});
export type Employment = z.infer<typeof ZEmployment>;

/** One row of the people directory. `current` is the primary assignment on the `asOf` date (null if none). */
export const ZPersonSummary = z.object({
  id: z.number().int(),
  name: ZPersonName,
  gender: z.enum(GENDERS),
  employmentId: z.number().int().nullable(),
  company: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName }).nullable(),
  employeeNumber: z.string().nullable(),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullable(),
  orgUnit: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
  position: z.object({ id: z.number().int(), name: ZLocalizedName }).nullable(),
  grade: z.object({ id: z.number().int(), code: z.string(), name: ZLocalizedName }).nullable(),
});
export type PersonSummary = z.infer<typeof ZPersonSummary>;

export const ZPeopleQuery = z.object({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  companyId: ZId.optional(),
  orgUnitId: ZId.optional(),
  gradeId: ZId.optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES).optional(),
  /** Active (employed) on this date; default today. */
  asOf: ZIsoDate.optional(),
  /** Include people not employed on `asOf` (former employees). */
  includeInactive: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, "must be between 1 and 200")
    .max(200, "must be between 1 and 200")
    .default(50),
  offset: z.coerce.number().int().min(0, "must be 0 or more").max(1_000_000).default(0),
});
export type PeopleQuery = z.infer<typeof ZPeopleQuery>;

export const ZPeopleResponse = z.object({
  asOf: z.string(),
  total: z.number().int(),
  items: z.array(ZPersonSummary),
});

export const ZPersonDetail = z.object({
  id: z.number().int(),
  name: ZPersonName,
  gender: z.enum(GENDERS),
  birthDate: z.string().nullable(),
  email: z.string().nullable(),
  employments: z.array(ZEmployment),
  /** Whether the caller may read the sensitive attributes (GET /api/people/:id/sensitive). */
  canViewSensitive: z.boolean(),
  canEdit: z.boolean(),
});
export type PersonDetail = z.infer<typeof ZPersonDetail>;

export const ZPersonSensitive = z.object({
  personId: z.number().int(),
  disabilityCategory: z.enum(DISABILITY_CATEGORIES).nullable(),
  disabilitySevere: z.boolean().nullable(),
});

export const ZUpdatePersonSensitiveRequest = z
  .object({
    disabilityCategory: z.enum(DISABILITY_CATEGORIES).nullable(),
    disabilitySevere: z.boolean().nullable(),
  })
  .refine((v) => (v.disabilityCategory === null) === (v.disabilitySevere === null), {
    message: "give both disabilityCategory and disabilitySevere, or neither",
    path: ["disabilitySevere"],
  });

const nameField = (label: string) =>
  z.string().trim().min(1, "is required").max(100, `must be at most 100 characters (${label})`);
const optionalNameField = z
  .string()
  .trim()
  .max(100, "must be at most 100 characters")
  .nullable()
  .default(null);

export const ZNewAssignment = z.object({
  kind: z.enum(ASSIGNMENT_KINDS).default("primary"),
  orgUnitId: z.number().int().positive(),
  positionId: z.number().int().positive().nullable().default(null),
  gradeId: z.number().int().positive().nullable().default(null),
  lineManagerPersonId: z.number().int().positive().nullable().default(null),
  isHead: z.boolean().default(false),
  fte: z.number().gt(0, "must be more than 0").max(1, "must be at most 1").default(1),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullable().default(null),
});
export type NewAssignment = z.infer<typeof ZNewAssignment>;

export const ZNewEmployment = z.object({
  companyId: z.number().int().positive(),
  employeeNumber: z.string().trim().min(1, "is required").max(32, "must be at most 32 characters"),
  hireDate: ZIsoDate,
  employmentType: z.enum(EMPLOYMENT_TYPES),
  weeklyHours: z.number().gt(0, "must be more than 0").max(80, "must be at most 80").default(40),
  assignment: ZNewAssignment.omit({ validFrom: true, validTo: true }).optional(),
});
export type NewEmployment = z.infer<typeof ZNewEmployment>;

export const ZCreatePersonRequest = z.object({
  familyName: nameField("family name"),
  givenName: nameField("given name"),
  familyNameKana: optionalNameField,
  givenNameKana: optionalNameField,
  familyNameLatin: optionalNameField,
  givenNameLatin: optionalNameField,
  nameOrder: z.enum(NAME_ORDERS).default("family_first"),
  gender: z.enum(GENDERS),
  birthDate: ZIsoDate.nullable().default(null),
  email: z.string().trim().toLowerCase().email("must be an email address").max(254).nullable().default(null),
  employment: ZNewEmployment,
});
export type CreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;

export const ZCreateEmploymentRequest = ZNewEmployment;

export const ZTerminateEmploymentRequest = z.object({
  terminationDate: ZIsoDate,
  terminationReason: z.enum(TERMINATION_REASONS),
});

export const ZCreateAssignmentRequest = ZNewAssignment;

/** Ends the open assignment(s) of the same kind the day before `validFrom` and starts this one (a transfer or promotion). */
export const ZChangeAssignmentRequest = ZNewAssignment.extend({
  replacesAssignmentId: z.number().int().positive(),
});

export const ZOrgUnitMembersResponse = z.object({
  asOf: z.string(),
  items: z.array(ZPersonSummary.extend({ assignmentKind: z.enum(ASSIGNMENT_KINDS), isHead: z.boolean() })),
});

// ---------- users ----------

export const ZUser = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  personId: z.number().int().nullable(),
  roles: z.array(ZRoleGrant),
  disabled: z.boolean(),
});
export const ZUserList = z.object({ items: z.array(ZUser) });

export const ZCreateUserRequest = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(254, "is too long"),
  displayName: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  password: z.string().min(12, "must be at least 12 characters").max(200, "must be at most 200 characters"),
  personId: z.number().int().positive().nullable().default(null),
  roles: z
    .array(
      z.object({
        role: z.enum(ROLES),
        companyId: z.number().int().positive().nullable().default(null),
        /** recruiter only: the recruiting division (an org unit of companyId). */
        orgUnitId: z.number().int().positive().nullable().optional(),
      }),
    )
    .min(1, "give at least one role"),
});
export type CreateUserRequest = z.infer<typeof ZCreateUserRequest>;

// ---------- health and audit ----------

export const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  engine: z.enum(["pglite", "postgres"]),
  migrations: z.object({ applied: z.number().int(), available: z.number().int(), upToDate: z.boolean() }),
  demo: z.boolean(),
  version: z.string(),
});

export const ZAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500, "must be at most 500").default(100),
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
});
export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.number().int().nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.unknown(),
});
export const ZAuditResponse = z.object({ items: z.array(ZAuditEntry) });

export const ZErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
