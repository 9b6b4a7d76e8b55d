import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { companies, orgUnits } from "../org/org.schema";
import { scoutingConsents } from "./mobility.schema";

export type ConsentRow = typeof scoutingConsents.$inferSelect;

export function consentsOf(db: Db, personId: number): Promise<ConsentRow[]> {
  return db
    .select()
    .from(scoutingConsents)
    .where(eq(scoutingConsents.personId, personId))
    .orderBy(desc(scoutingConsents.grantedAt), desc(scoutingConsents.id));
}

/** Locks and returns the person's active consent (so that two requests cannot both replace it). */
export async function activeConsentForUpdate(db: Db, personId: number): Promise<ConsentRow | undefined> {
  const [row] = await db
    .select()
    .from(scoutingConsents)
    .where(and(eq(scoutingConsents.personId, personId), isNull(scoutingConsents.withdrawnAt)))
    .for("update");
  return row;
}

export async function withdrawConsentRow(db: Db, id: number, at: Date): Promise<void> {
  await db.update(scoutingConsents).set({ withdrawnAt: at }).where(eq(scoutingConsents.id, id));
}

export async function insertConsent(
  db: Db,
  row: {
    personId: number;
    allCompanies: boolean;
    companyIds: number[];
    orgUnitIds: number[];
    grantedAt: Date;
  },
): Promise<number> {
  const [created] = await db.insert(scoutingConsents).values(row).returning({ id: scoutingConsents.id });
  return created!.id;
}

export function companyRefs(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: companies.id, code: companies.code, nameJa: companies.nameJa, nameEn: companies.nameEn })
    .from(companies)
    .where(inArray(companies.id, ids))
    .orderBy(asc(companies.code), asc(companies.id));
}

export function allCompanyRefs(db: Db) {
  return db
    .select({ id: companies.id, code: companies.code, nameJa: companies.nameJa, nameEn: companies.nameEn })
    .from(companies)
    .orderBy(asc(companies.code), asc(companies.id));
}

export interface UnitRef {
  id: number;
  companyId: number;
  nameJa: string;
  nameEn: string;
}

/** Org units with their names as of the day (or their latest version, for units since closed). */
export function orgUnitRefs(db: Db, ids: number[], asOf: string): Promise<UnitRef[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<UnitRef>(
    db,
    sql`select u.id, u.company_id as "companyId", coalesce(v.name_ja, u.code) as "nameJa",
               coalesce(v.name_en, v.name_ja, u.code) as "nameEn"
        from org_units u
        left join lateral (
          select name_ja, name_en from org_unit_versions
          where org_unit_id = u.id and valid_from <= ${asOf}::date
          order by valid_from desc limit 1
        ) v on true
        where u.id = any(${`{${ids.join(",")}}`}::int[])
        order by u.company_id, u.id`,
  );
}

export async function existingOrgUnitIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** Org units that are some recruiter's division (what a consent can name besides companies). */
export async function recruitingDivisionIds(db: Db): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct org_unit_id as id from user_roles ur join users u on u.id = ur.user_id
        where ur.role = 'recruiter' and ur.org_unit_id is not null and u.disabled_at is null
        order by org_unit_id`,
  );
  return rows.map((row) => row.id);
}
