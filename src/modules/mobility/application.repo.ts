/** SQL of applications and their events. */
import { eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { NameOrder } from "../../shared/enums";
import type { ApplicationStatus, PostingKind } from "../../shared/mobility-vocab";
import { applicationEvents, applications } from "./mobility.schema";

export type ApplicationRow = typeof applications.$inferSelect;

const OPEN = sql.raw(`('applied','in_review','interviewing','offered','released','confirmed')`);

/** The person's open application to the posting, else their latest one. */
export async function myLatestApplication(
  db: Db,
  postingId: number,
  personId: number,
): Promise<{ id: number; status: ApplicationStatus } | null> {
  const [row] = await queryRows<{ id: number; status: ApplicationStatus }>(
    db,
    sql`select id, status from applications where posting_id = ${postingId} and person_id = ${personId}
        order by (status in ${OPEN}) desc, id desc limit 1`,
  );
  return row ?? null;
}

export async function openApplicationOf(
  db: Db,
  postingId: number,
  personId: number,
): Promise<{ id: number; status: ApplicationStatus } | undefined> {
  const [row] = await queryRows<{ id: number; status: ApplicationStatus }>(
    db,
    sql`select id, status from applications where posting_id = ${postingId} and person_id = ${personId}
        and status in ${OPEN} order by id limit 1`,
  );
  return row;
}

export async function findApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** Reads the application with a row lock (concurrent steps on one application queue up). */
export async function lockApplication(db: Db, id: number): Promise<ApplicationRow | undefined> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from applications where id = ${id} for update`,
  );
  return rows.length ? findApplication(db, id) : undefined;
}

export async function insertApplication(db: Db, row: typeof applications.$inferInsert): Promise<number> {
  const [inserted] = await db.insert(applications).values(row).returning({ id: applications.id });
  return inserted!.id;
}

export async function updateApplication(
  db: Db,
  id: number,
  values: Partial<typeof applications.$inferInsert>,
): Promise<void> {
  await db
    .update(applications)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(applications.id, id));
}

export async function insertEvent(db: Db, row: typeof applicationEvents.$inferInsert): Promise<void> {
  await db.insert(applicationEvents).values(row);
}

export interface ApplicationViewRow {
  id: number;
  postingId: number;
  postingKind: PostingKind;
  postingTitleJa: string;
  postingTitleEn: string;
  postingCompanyId: number;
  postingCompanyNameJa: string;
  postingCompanyNameEn: string;
  postingOrgUnitId: number;
  postingOrgUnitNameJa: string | null;
  postingOrgUnitNameEn: string | null;
  postingFteShare: number | null;
  postingDurationMonths: number | null;
  postingOwnerUserId: number | null;
  personId: number;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: NameOrder;
  employmentId: number;
  employmentCompanyId: number;
  status: ApplicationStatus;
  motivation: string;
  scoutId: number | null;
  releasingManagerPersonId: number | null;
  approvedFteShare: number | null;
  effectiveOn: string | null;
  endsOn: string | null;
  createdAt: string;
}

/** Applications matching the condition (alias `ap` for applications, `p` for postings), newest first. */
export function applicationViews(db: Db, where: SQL, limit = 500): Promise<ApplicationViewRow[]> {
  return queryRows<ApplicationViewRow>(
    db,
    sql`select ap.id, ap.posting_id as "postingId", p.kind as "postingKind", p.title_ja as "postingTitleJa",
               p.title_en as "postingTitleEn", p.company_id as "postingCompanyId", c.name_ja as "postingCompanyNameJa",
               c.name_en as "postingCompanyNameEn", p.org_unit_id as "postingOrgUnitId",
               v.name_ja as "postingOrgUnitNameJa", v.name_en as "postingOrgUnitNameEn",
               p.fte_share::float8 as "postingFteShare", p.duration_months as "postingDurationMonths",
               p.owner_user_id as "postingOwnerUserId",
               ap.person_id as "personId", pe.family_name as "familyName", pe.given_name as "givenName",
               pe.family_name_kana as "familyNameKana", pe.given_name_kana as "givenNameKana",
               pe.family_name_latin as "familyNameLatin", pe.given_name_latin as "givenNameLatin",
               pe.name_order as "nameOrder", ap.employment_id as "employmentId", e.company_id as "employmentCompanyId",
               ap.status, ap.motivation, ap.scout_id as "scoutId",
               ap.releasing_manager_person_id as "releasingManagerPersonId",
               ap.approved_fte_share::float8 as "approvedFteShare", ap.effective_on::text as "effectiveOn",
               ap.ends_on::text as "endsOn", ap.created_at as "createdAt"
        from applications ap
        join postings p on p.id = ap.posting_id
        join companies c on c.id = p.company_id
        join persons pe on pe.id = ap.person_id
        join employments e on e.id = ap.employment_id
        left join lateral (
          select name_ja, name_en from org_unit_versions ov
          where ov.org_unit_id = p.org_unit_id order by (ov.valid_from <= current_date) desc, ov.valid_from desc limit 1
        ) v on true
        where ${where}
        order by ap.id desc
        limit ${limit}`,
  );
}

export interface EventRow {
  id: number;
  applicationId: number;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  note: string | null;
  actorName: string | null;
  at: string;
}

export function eventsOf(db: Db, applicationIds: number[]): Promise<EventRow[]> {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return queryRows<EventRow>(
    db,
    sql`select ev.id::int as id, ev.application_id as "applicationId", ev.from_status as "fromStatus",
               ev.to_status as "toStatus", ev.note, u.display_name as "actorName", ev.at
        from application_events ev left join users u on u.id = ev.actor_user_id
        where ev.application_id = any(${`{${applicationIds.join(",")}}`}::int[])
        order by ev.application_id, ev.id`,
  );
}

/** Confirmed applications whose effective date has come (for completeDueMoves), oldest first. */
export function dueApplications(db: Db, asOf: string): Promise<{ id: number }[]> {
  return queryRows<{ id: number }>(
    db,
    sql`select id from applications where status = 'confirmed' and effective_on <= ${asOf}::date
        order by effective_on, id`,
  );
}

/** The scout the person answers with this application must be theirs and about this posting. */
export async function scoutMatches(
  db: Db,
  scoutId: number,
  postingId: number,
  personId: number,
): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from scouts where id = ${scoutId} and posting_id = ${postingId}
          and person_id = ${personId}) as ok`,
  );
  return row?.ok === true;
}

/** The releasing manager: the line manager of the primary assignment, else the nearest head above the person. */
export async function currentManagerOf(db: Db, personId: number, day: string): Promise<number | null> {
  const [row] = await queryRows<{ managerId: number | null }>(
    db,
    sql`with recursive primary_a as (
          select org_unit_id, line_manager_person_id from assignments
          where person_id = ${personId} and kind = 'primary' and during @> ${day}::date
          order by valid_from desc, id desc limit 1
        ), up(id, depth) as (
          select org_unit_id, 0 from primary_a
          union all
          select v.parent_org_unit_id, up.depth + 1 from org_unit_versions v join up on v.org_unit_id = up.id
          where v.during @> ${day}::date and v.parent_org_unit_id is not null and up.depth < 50
        )
        select coalesce(
          (select line_manager_person_id from primary_a where line_manager_person_id <> ${personId}),
          (select h.person_id from up join assignments h on h.org_unit_id = up.id and h.is_head
             and h.during @> ${day}::date and h.person_id <> ${personId}
           order by up.depth, h.person_id limit 1)
        ) as "managerId"`,
  );
  return row?.managerId ?? null;
}
