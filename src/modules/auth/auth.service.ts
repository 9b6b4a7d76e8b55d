import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import type { CreateUserRequest, Me } from "../../shared/api";
import { today } from "../../shared/dates";
import type { Locale } from "../../shared/enums";
import { AppError } from "../../shared/errors";
import { assert, isGroupAdmin, permissionsOf } from "../access/access.policy";
import type { Actor, RoleGrant, UserActor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { companyExists } from "../org/org.repo";
import { personExists } from "../people/people.repo";
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionUser,
  findUserByEmail,
  headedOrgUnitIds,
  insertSession,
  insertUser,
  listUsers as listUserRows,
  orgUnitBelongsTo,
  rolesOf,
  type UserRow,
  updateUserLocale,
} from "./auth.repo";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./password";

export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

async function actorFor(db: Db, user: UserRow, origin: string | null): Promise<UserActor> {
  const roles = (await rolesOf(db, [user.id])).get(user.id) ?? [];
  const isManager = roles.some((grant) => grant.role === "manager");
  const managedOrgUnitIds =
    isManager && user.personId ? await headedOrgUnitIds(db, user.personId, today()) : [];
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    personId: user.personId,
    roles,
    hrCompanyIds: roles.filter((grant) => grant.role === "company_hr").map((grant) => grant.companyId!),
    isGroupHr: roles.some((grant) => grant.role === "group_hr"),
    managedOrgUnitIds,
    recruiterGrants: roles
      .filter((grant) => grant.role === "recruiter" && grant.companyId !== null)
      .map((grant) => ({ companyId: grant.companyId!, orgUnitId: grant.orgUnitId ?? null })),
    origin,
  };
}

export interface LoginResult {
  token: string;
  actor: UserActor;
  user: UserRow;
}

/** Signs in with email and password. Unknown email and wrong password give the same error and take the same time. */
export async function login(
  db: Db,
  credentials: { email: string; password: string },
  context: { ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const user = await findUserByEmail(db, credentials.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), credentials.password);
  if (!user || !valid || user.disabledAt) {
    await db.transaction(async (tx) => {
      await audit(tx, { kind: "system", origin: context.ip ?? "unknown" }, "auth.login_failed", {
        entity: "user",
        entityId: user?.id ?? null,
        detail: { email: credentials.email },
      });
    });
    throw new AppError("INVALID_CREDENTIALS");
  }
  const token = randomBytes(32).toString("base64url");
  const actor = await actorFor(db, user, context.ip);
  await db.transaction(async (tx) => {
    await deleteExpiredSessions(tx, new Date());
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 400) ?? null,
    });
    await audit(tx, actor, "auth.login", { entity: "user", entityId: user.id });
  });
  return { token, actor, user };
}

export async function logout(db: Db, token: string, origin: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const userId = await deleteSession(tx, hashToken(token));
    if (userId !== undefined) {
      await audit(tx, { kind: "system", origin: origin ?? "unknown" }, "auth.logout", {
        entity: "user",
        entityId: userId,
      });
    }
  });
}

/** The actor behind a session token, or undefined when the session is unknown, expired or the user disabled. */
export async function actorForSession(
  db: Db,
  token: string,
  origin: string | null,
): Promise<UserActor | undefined> {
  const user = await findSessionUser(db, hashToken(token), new Date());
  return user ? actorFor(db, user, origin) : undefined;
}

export async function describeMe(db: Db, actor: UserActor): Promise<Me> {
  const user = await findUserByEmail(db, actor.email);
  if (!user) throw new AppError("UNAUTHENTICATED");
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    personId: user.personId,
    roles: actor.roles,
    permissions: permissionsOf(actor),
  };
}

export async function setMyLocale(db: Db, actor: UserActor, locale: Locale): Promise<Me> {
  await db.transaction(async (tx) => {
    await updateUserLocale(tx, actor.userId, locale);
    await audit(tx, actor, "user.update", { entity: "user", entityId: actor.userId, detail: { locale } });
  });
  return describeMe(db, actor);
}

export async function listUsers(db: Db, actor: Actor) {
  assert(isGroupAdmin(actor));
  const rows = await listUserRows(db);
  const roles = await rolesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    personId: row.personId,
    roles: roles.get(row.id) ?? [],
    disabled: row.disabledAt !== null,
  }));
}

/** Creates a local account. Only group HR (or the operator through the CLI) may; the first administrator comes from the CLI. */
export async function createUser(db: Db, actor: Actor, request: CreateUserRequest): Promise<number> {
  assert(isGroupAdmin(actor));
  const fields: { path: string; message: string }[] = [];
  const roles: RoleGrant[] = [];
  for (const [index, grant] of request.roles.entries()) {
    const takesCompany = grant.role === "company_hr" || grant.role === "recruiter";
    const orgUnitId = grant.orgUnitId ?? null;
    if (takesCompany && grant.companyId === null) {
      fields.push({
        path: `roles.${index}.companyId`,
        message:
          grant.role === "company_hr"
            ? "company_hr needs the company it covers"
            : "recruiter needs the company of its recruiting division",
      });
    } else if (!takesCompany && grant.companyId !== null) {
      fields.push({ path: `roles.${index}.companyId`, message: `${grant.role} takes no company` });
    } else if (grant.companyId !== null && !(await companyExists(db, grant.companyId))) {
      fields.push({ path: `roles.${index}.companyId`, message: `company ${grant.companyId} does not exist` });
    } else if (orgUnitId !== null && grant.role !== "recruiter") {
      fields.push({
        path: `roles.${index}.orgUnitId`,
        message: `${grant.role} takes no org unit (recruiter only)`,
      });
    } else if (
      orgUnitId !== null &&
      grant.companyId !== null &&
      !(await orgUnitBelongsTo(db, orgUnitId, grant.companyId))
    ) {
      fields.push({
        path: `roles.${index}.orgUnitId`,
        message: `org unit ${orgUnitId} is not an org unit of company ${grant.companyId}`,
      });
    }
    if ((grant.role === "employee" || grant.role === "manager") && request.personId === null) {
      fields.push({
        path: "personId",
        message: `the ${grant.role} role needs the person the user signs in as`,
      });
    }
    roles.push(
      grant.role === "recruiter"
        ? { role: grant.role, companyId: grant.companyId, orgUnitId }
        : { role: grant.role, companyId: grant.companyId },
    );
  }
  if (request.personId !== null && !(await personExists(db, request.personId))) {
    fields.push({ path: "personId", message: `person ${request.personId} does not exist` });
  }
  if (fields.length) throw AppError.validation(fields);
  const unique = roles.filter(
    (grant, index) =>
      roles.findIndex(
        (other) =>
          other.role === grant.role &&
          other.companyId === grant.companyId &&
          (other.orgUnitId ?? null) === (grant.orgUnitId ?? null),
      ) === index,
  );
  const passwordHash = await hashPassword(request.password);
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const id = await insertUser(
        tx,
        { email: request.email, displayName: request.displayName, passwordHash, personId: request.personId },
        unique,
      );
      await audit(tx, actor, "user.create", {
        entity: "user",
        entityId: id,
        detail: { email: request.email, roles: unique },
      });
      return id;
    }),
  );
}
