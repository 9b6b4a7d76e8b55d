import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { NameOrder } from "../../shared/enums";
import type { OjtGoalStatus, OjtPairStatus } from "../../shared/skills-vocab";
import { ojtCheckins, ojtGoals, ojtPairs } from "./ojt.schema";

export type OjtPairRow = typeof ojtPairs.$inferSelect;

export async function findPair(db: Db, id: number): Promise<OjtPairRow | undefined> {
  const [row] = await db.select().from(ojtPairs).where(eq(ojtPairs.id, id));
  return row;
}

export async function insertPair(db: Db, row: typeof ojtPairs.$inferInsert): Promise<number> {
  const [created] = await db.insert(ojtPairs).values(row).returning({ id: ojtPairs.id });
  return created!.id;
}

export async function closePair(
  db: Db,
  id: number,
  values: { reviewedOn: string; reviewNote: string; validTo: string },
): Promise<void> {
  await db
    .update(ojtPairs)
    .set({ status: "closed", ...values })
    .where(eq(ojtPairs.id, id));
}

interface NameColumns {
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: NameOrder;
}

export interface PairView {
  id: number;
  companyId: number;
  fiscalYear: number;
  validFrom: string;
  validTo: string | null;
  status: OjtPairStatus;
  reviewNote: string | null;
  reviewedOn: string | null;
  goals: number;
  checkins: number;
  lastCheckinOn: string | null;
  traineePersonId: number;
  trainee: NameColumns;
  trainerPersonId: number;
  trainer: NameColumns;
}

const nameOf = (alias: string) =>
  sql.raw(`json_build_object('familyName', ${alias}.family_name, 'givenName', ${alias}.given_name,
    'familyNameKana', ${alias}.family_name_kana, 'givenNameKana', ${alias}.given_name_kana,
    'familyNameLatin', ${alias}.family_name_latin, 'givenNameLatin', ${alias}.given_name_latin, 'nameOrder', ${alias}.name_order)`);

export function pairViews(db: Db, where: SQL, limit = 500): Promise<PairView[]> {
  return queryRows<PairView>(
    db,
    sql`select o.id, o.company_id as "companyId", o.fiscal_year as "fiscalYear", o.valid_from::text as "validFrom",
               o.valid_to::text as "validTo", o.status, o.review_note as "reviewNote", o.reviewed_on::text as "reviewedOn",
               (select count(*) from ojt_goals g where g.pair_id = o.id)::int as goals,
               (select count(*) from ojt_checkins k where k.pair_id = o.id)::int as checkins,
               (select max(k.held_on)::text from ojt_checkins k where k.pair_id = o.id) as "lastCheckinOn",
               o.trainee_person_id as "traineePersonId", ${nameOf("te")} as trainee,
               o.trainer_person_id as "trainerPersonId", ${nameOf("tr")} as trainer
        from ojt_pairs o
        join persons te on te.id = o.trainee_person_id
        join persons tr on tr.id = o.trainer_person_id
        where ${where}
        order by o.fiscal_year desc, o.valid_from desc, o.id desc
        limit ${limit}`,
  );
}

export function goalsOf(db: Db, pairId: number) {
  return db.select().from(ojtGoals).where(eq(ojtGoals.pairId, pairId)).orderBy(asc(ojtGoals.id));
}

export async function insertGoal(db: Db, row: typeof ojtGoals.$inferInsert): Promise<number> {
  const [created] = await db.insert(ojtGoals).values(row).returning({ id: ojtGoals.id });
  return created!.id;
}

export async function findGoal(db: Db, id: number) {
  const [row] = await db.select().from(ojtGoals).where(eq(ojtGoals.id, id));
  return row;
}

export async function setGoalStatus(db: Db, id: number, status: OjtGoalStatus): Promise<void> {
  await db.update(ojtGoals).set({ status }).where(eq(ojtGoals.id, id));
}

export function checkinsOf(db: Db, pairId: number) {
  return db
    .select()
    .from(ojtCheckins)
    .where(eq(ojtCheckins.pairId, pairId))
    .orderBy(asc(ojtCheckins.heldOn), asc(ojtCheckins.id));
}

export async function insertCheckin(db: Db, row: typeof ojtCheckins.$inferInsert): Promise<number> {
  const [created] = await db.insert(ojtCheckins).values(row).returning({ id: ojtCheckins.id });
  return created!.id;
}

/** The day a person first completed an OJT trainer training on or before the day (null = never). */
export async function trainedOn(db: Db, personId: number, day: string): Promise<string | null> {
  const [row] = await queryRows<{ trainedOn: string | null }>(
    db,
    sql`select min(r.completed_on)::text as "trainedOn" from training_records r join courses c on c.id = r.course_id
        where r.person_id = ${personId} and c.kind = 'ojt_trainer' and r.completed_on <= ${day}::date`,
  );
  return row?.trainedOn ?? null;
}

/** Whether the person heads the unit (or a unit above it) on the day. */
export async function headsUnitAbove(
  db: Db,
  personId: number,
  orgUnitId: number,
  day: string,
): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`with recursive up(id, depth) as (
          select ${orgUnitId}::int, 0
          union all
          select v.parent_org_unit_id, up.depth + 1 from org_unit_versions v join up on v.org_unit_id = up.id
          where v.during @> ${day}::date and v.parent_org_unit_id is not null and up.depth < 50
        )
        select exists (select 1 from assignments a join up on up.id = a.org_unit_id
                       where a.person_id = ${personId} and a.is_head and a.during @> ${day}::date) as found`,
  );
  return row?.found === true;
}

/**
 * Trained OJT trainers per fiscal year: people whose first OJT-trainer completion (in scope) falls in the year,
 * and everyone who completed one by the year's end. The fiscal year is the completing company's.
 */
export async function trainerCounts(db: Db, companyIds: number[] | null, fiscalYear: number) {
  const scope =
    companyIds === null ? sql`` : sql`and r.company_id = any(${`{${companyIds.join(",")}}`}::int[])`;
  const [row] = await queryRows<{ inYear: number; total: number }>(
    db,
    sql`with firsts as (
          select distinct on (r.person_id) r.person_id, r.completed_on,
                 case when extract(month from r.completed_on) >= co.fiscal_year_start_month
                      then extract(year from r.completed_on) else extract(year from r.completed_on) - 1 end::int as fy
          from training_records r join courses c on c.id = r.course_id join companies co on co.id = r.company_id
          where c.kind = 'ojt_trainer' ${scope}
          order by r.person_id, r.completed_on, r.id
        )
        select count(*) filter (where fy = ${fiscalYear})::int as "inYear", count(*) filter (where fy <= ${fiscalYear})::int as total
        from firsts`,
  );
  return row ?? { inYear: 0, total: 0 };
}

export async function activePairsInYear(
  db: Db,
  companyIds: number[] | null,
  fiscalYear: number,
): Promise<number> {
  const scope =
    companyIds === null ? sql`` : sql`and company_id = any(${`{${companyIds.join(",")}}`}::int[])`;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ojt_pairs where fiscal_year = ${fiscalYear} ${scope}`,
  );
  return row?.n ?? 0;
}

/** Trained trainers employed at the company on the day, with their open pairs. */
export function trainedTrainers(db: Db, companyId: number, day: string) {
  return queryRows<{ personId: number; trainedOn: string; activePairs: number } & NameColumns>(
    db,
    sql`select p.id as "personId", t.trained_on::text as "trainedOn",
               (select count(*) from ojt_pairs o where o.trainer_person_id = p.id and o.during @> ${day}::date)::int as "activePairs",
               p.family_name as "familyName", p.given_name as "givenName", p.family_name_kana as "familyNameKana",
               p.given_name_kana as "givenNameKana", p.family_name_latin as "familyNameLatin", p.given_name_latin as "givenNameLatin",
               p.name_order as "nameOrder"
        from (select r.person_id, min(r.completed_on) as trained_on from training_records r join courses c on c.id = r.course_id
              where c.kind = 'ojt_trainer' and r.completed_on <= ${day}::date group by r.person_id) t
        join persons p on p.id = t.person_id
        where exists (select 1 from employments e where e.person_id = p.id and e.company_id = ${companyId}
                        and e.hire_date <= ${day}::date and (e.termination_date is null or e.termination_date >= ${day}::date))
        order by lower(coalesce(p.family_name_latin, p.family_name)), p.id
        limit 1000`,
  );
}
