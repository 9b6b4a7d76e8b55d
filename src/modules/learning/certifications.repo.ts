import { asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { certifications, personCertifications } from "./learning.schema";

export async function findCertification(db: Db, id: number) {
  const [row] = await db.select().from(certifications).where(eq(certifications.id, id));
  return row;
}

export async function insertPersonCertification(
  db: Db,
  row: typeof personCertifications.$inferInsert,
): Promise<number> {
  const [created] = await db
    .insert(personCertifications)
    .values(row)
    .returning({ id: personCertifications.id });
  return created!.id;
}

export function certificationsHeld(db: Db, personId: number) {
  return db
    .select({
      id: personCertifications.id,
      certificationId: certifications.id,
      code: certifications.code,
      nameJa: certifications.nameJa,
      nameEn: certifications.nameEn,
      issuer: certifications.issuer,
      validityMonths: certifications.validityMonths,
      obtainedOn: personCertifications.obtainedOn,
      expiresOn: personCertifications.expiresOn,
    })
    .from(personCertifications)
    .innerJoin(certifications, eq(certifications.id, personCertifications.certificationId))
    .where(eq(personCertifications.personId, personId))
    .orderBy(desc(personCertifications.obtainedOn), asc(personCertifications.id));
}

export interface ExpiringRow {
  id: number;
  personId: number;
  companyId: number;
  certificationId: number;
  code: string;
  nameJa: string;
  nameEn: string;
  issuer: string;
  validityMonths: number | null;
  obtainedOn: string;
  expiresOn: string;
  daysLeft: number;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: "family_first" | "given_first";
  managerPersonId: number | null;
}

/**
 * Certifications of people employed on the day that expire between `from` and `to` and were not renewed (no
 * later holding of the same certification), with the holder's employing company and manager (the line manager,
 * else the head of the holder's unit). `scope` narrows the holders (a condition on `pc` and `emp`).
 */
export function expiringCertifications(
  db: Db,
  day: string,
  from: string,
  to: string,
  scope: SQL | null,
): Promise<ExpiringRow[]> {
  return queryRows<ExpiringRow>(
    db,
    sql`select pc.id, pc.person_id as "personId", emp.company_id as "companyId", c.id as "certificationId", c.code,
               c.name_ja as "nameJa", c.name_en as "nameEn", c.issuer, c.validity_months as "validityMonths",
               pc.obtained_on::text as "obtainedOn", pc.expires_on::text as "expiresOn",
               (pc.expires_on - ${day}::date)::int as "daysLeft",
               p.family_name as "familyName", p.given_name as "givenName", p.family_name_kana as "familyNameKana",
               p.given_name_kana as "givenNameKana", p.family_name_latin as "familyNameLatin",
               p.given_name_latin as "givenNameLatin", p.name_order as "nameOrder",
               coalesce(a.line_manager_person_id,
                 (select h.person_id from assignments h
                   where h.org_unit_id = a.org_unit_id and h.is_head and h.during @> ${day}::date
                     and h.person_id <> pc.person_id
                   order by h.id limit 1)) as "managerPersonId"
        from person_certifications pc
        join certifications c on c.id = pc.certification_id
        join persons p on p.id = pc.person_id
        join lateral (select e.company_id from employments e
                       where e.person_id = pc.person_id and e.hire_date <= ${day}::date
                         and (e.termination_date is null or e.termination_date >= ${day}::date)
                       order by e.hire_date desc, e.id desc limit 1) emp on true
        left join lateral (select x.org_unit_id, x.line_manager_person_id from assignments x
                            where x.person_id = pc.person_id and x.kind = 'primary' and x.during @> ${day}::date
                            order by x.id limit 1) a on true
        where pc.expires_on between ${from}::date and ${to}::date
          and not exists (select 1 from person_certifications n
                           where n.person_id = pc.person_id and n.certification_id = pc.certification_id
                             and n.obtained_on > pc.obtained_on)
          ${scope ? sql`and ${scope}` : sql``}
        order by pc.expires_on, pc.id`,
  );
}

/** Users who receive a person's reminders: the person's own accounts, by person. */
export function usersOfPersons(db: Db, personIds: number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return queryRows<{ userId: number; personId: number }>(
    db,
    sql`select id as "userId", person_id as "personId" from users
        where disabled_at is null and person_id = any(${`{${personIds.join(",")}}`}::int[]) order by person_id, id`,
  );
}

/** The company HR users of the companies. */
export function hrUsersOfCompanies(db: Db, companyIds: number[]) {
  if (companyIds.length === 0) return Promise.resolve([]);
  return queryRows<{ userId: number; companyId: number }>(
    db,
    sql`select distinct r.user_id as "userId", r.company_id as "companyId" from user_roles r
        join users u on u.id = r.user_id and u.disabled_at is null
        where r.role = 'company_hr' and r.company_id = any(${`{${companyIds.join(",")}}`}::int[])
        order by r.company_id, r.user_id`,
  );
}

/** Person names of managers. */
export function personNames(db: Db, personIds: number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return queryRows<{
    id: number;
    familyName: string;
    givenName: string;
    familyNameKana: string | null;
    givenNameKana: string | null;
    familyNameLatin: string | null;
    givenNameLatin: string | null;
    nameOrder: "family_first" | "given_first";
  }>(
    db,
    sql`select id, family_name as "familyName", given_name as "givenName", family_name_kana as "familyNameKana",
               given_name_kana as "givenNameKana", family_name_latin as "familyNameLatin",
               given_name_latin as "givenNameLatin", name_order as "nameOrder"
        from persons where id = any(${`{${personIds.join(",")}}`}::int[]) order by id`,
  );
}
