import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { Locale } from "../../shared/enums";
import type { RoleGrant } from "../access/actor";
import { orgUnits } from "../org/org.schema";
import { assignments } from "../people/people.schema";
import { sessions, userRoles, users } from "./auth.schema";

export interface UserRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string;
  personId: number | null;
  locale: Locale | null;
  disabledAt: Date | null;
}

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  personId: users.personId,
  locale: users.locale,
  disabledAt: users.disabledAt,
};

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.email, email.toLowerCase()));
  return row;
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function rolesOf(db: Db, userIds: number[]): Promise<Map<number, RoleGrant[]>> {
  const byUser = new Map<number, RoleGrant[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({
      userId: userRoles.userId,
      role: userRoles.role,
      companyId: userRoles.companyId,
      orgUnitId: userRoles.orgUnitId,
    })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.userId), asc(userRoles.id));
  for (const row of rows) {
    const list = byUser.get(row.userId) ?? [];
    list.push(
      row.role === "recruiter"
        ? { role: row.role, companyId: row.companyId, orgUnitId: row.orgUnitId }
        : { role: row.role, companyId: row.companyId },
    );
    byUser.set(row.userId, list);
  }
  return byUser;
}

export async function findSessionUser(db: Db, tokenHash: string, now: Date): Promise<UserRow | undefined> {
  const [row] = await db
    .select(userColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), isNull(users.disabledAt)));
  return row;
}

export async function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: number;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function deleteSession(db: Db, tokenHash: string): Promise<number | undefined> {
  const [row] = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ userId: sessions.userId });
  return row?.userId;
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= ${now.toISOString()}`);
}

/** Org units the person heads on the date (the roots of a manager's scope). */
export async function headedOrgUnitIds(db: Db, personId: number, date: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ orgUnitId: assignments.orgUnitId })
    .from(assignments)
    .where(
      and(
        eq(assignments.personId, personId),
        eq(assignments.isHead, true),
        sql`${assignments.during} @> ${date}::date`,
      ),
    )
    .orderBy(asc(assignments.orgUnitId));
  return rows.map((row) => row.orgUnitId);
}

export async function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      personId: users.personId,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .orderBy(asc(users.email), asc(users.id));
}

export async function insertUser(
  db: Db,
  user: { email: string; displayName: string; passwordHash: string; personId: number | null },
  roles: RoleGrant[],
): Promise<number> {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  const id = row!.id;
  await db.insert(userRoles).values(
    roles.map((grant) => ({
      userId: id,
      role: grant.role,
      companyId: grant.companyId,
      orgUnitId: grant.orgUnitId ?? null,
    })),
  );
  return id;
}

export async function updateUserLocale(db: Db, userId: number, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Whether the org unit exists and belongs to the company (a recruiter's division). */
export async function orgUnitBelongsTo(db: Db, orgUnitId: number, companyId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, orgUnitId), eq(orgUnits.companyId, companyId)));
  return row !== undefined;
}

/** The org unit of the company with this code (case-insensitive). */
export async function findOrgUnitIdByCode(
  db: Db,
  companyId: number,
  code: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.companyId, companyId), sql`lower(${orgUnits.code}) = lower(${code})`))
    .orderBy(asc(orgUnits.id))
    .limit(1);
  return row?.id;
}
