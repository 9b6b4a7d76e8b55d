import type { Role } from "../../shared/enums";

/** A role a user holds; company_hr and recruiter carry the company they cover, recruiter optionally its division. */
export interface RoleGrant {
  role: Role;
  companyId: number | null;
  /** recruiter only: the recruiting division (org unit); null or absent = the whole company. */
  orgUnitId?: number | null;
}

/**
 * A recruiter role: the company of the recruiting division and, optionally, the division (org unit) itself;
 * null = the whole company. Scouting consents name companies or divisions; see consent.visibility.ts.
 */
export interface RecruiterGrant {
  companyId: number;
  orgUnitId: number | null;
}

/**
 * Who is acting, with the scope their roles give them, resolved once per request (or CLI command).
 * Services take an Actor and ask the access policy; they never look at HTTP.
 */
export interface UserActor {
  kind: "user";
  userId: number;
  email: string;
  personId: number | null;
  roles: RoleGrant[];
  /** Companies the user is HR for (company_hr grants). */
  hrCompanyIds: number[];
  isGroupHr: boolean;
  /** Org units the user's person heads today (roots of the manager scope); empty unless role manager. */
  managedOrgUnitIds: number[];
  /** recruiter grants (empty unless role recruiter). Being HR gives no recruiter visibility. */
  recruiterGrants: RecruiterGrant[];
  /** Where the request came from (IP), for the audit log. */
  origin: string | null;
}

/** The command line and internal jobs acting with full rights (the operator owns the installation). */
export interface SystemActor {
  kind: "system";
  origin: string;
}

export type Actor = UserActor | SystemActor;

export const SYSTEM_ACTOR: SystemActor = { kind: "system", origin: "cli" };

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.userId : null;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === "user" && actor.roles.some((grant) => grant.role === role);
}
