/** SQL of postings and their skills. */
import { eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { OverseasProgram, PostingKind, PostingStatus } from "../../shared/mobility-vocab";
import { postingSkills, postings } from "./mobility.schema";

export type PostingRow = typeof postings.$inferSelect;

export interface PostingViewRow {
  id: number;
  companyId: number;
  companyCode: string;
  companyNameJa: string;
  companyNameEn: string;
  orgUnitId: number;
  orgUnitNameJa: string | null;
  orgUnitNameEn: string | null;
  kind: PostingKind;
  status: PostingStatus;
  titleJa: string;
  titleEn: string;
  descriptionJa: string;
  descriptionEn: string;
  positionId: number | null;
  positionCode: string | null;
  positionNameJa: string | null;
  positionNameEn: string | null;
  gradeRankMin: number | null;
  gradeRankMax: number | null;
  fteShare: number | null;
  durationMonths: number | null;
  hostCompanyId: number | null;
  hostCompanyCode: string | null;
  hostCompanyNameJa: string | null;
  hostCompanyNameEn: string | null;
  overseasProgram: OverseasProgram | null;
  location: string | null;
  eligibility: unknown;
  openedOn: string | null;
  closedOn: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
  openApplications: number;
}

const viewSelect = (day: string) => sql`
  select p.id, p.company_id as "companyId", c.code as "companyCode", c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
    p.org_unit_id as "orgUnitId", v.name_ja as "orgUnitNameJa", v.name_en as "orgUnitNameEn",
    p.kind, p.status, p.title_ja as "titleJa", p.title_en as "titleEn",
    p.description_ja as "descriptionJa", p.description_en as "descriptionEn",
    p.position_id as "positionId", pos.code as "positionCode", pos.name_ja as "positionNameJa", pos.name_en as "positionNameEn",
    p.grade_rank_min as "gradeRankMin", p.grade_rank_max as "gradeRankMax", p.fte_share::float8 as "fteShare",
    p.duration_months as "durationMonths", p.host_company_id as "hostCompanyId", hc.code as "hostCompanyCode",
    hc.name_ja as "hostCompanyNameJa", hc.name_en as "hostCompanyNameEn", p.overseas_program as "overseasProgram",
    p.location, p.eligibility, p.opened_on::text as "openedOn", p.closed_on::text as "closedOn",
    p.owner_user_id as "ownerUserId", ou.display_name as "ownerName",
    (select count(*)::int from applications ap where ap.posting_id = p.id
       and ap.status in ('applied','in_review','interviewing','offered','released','confirmed')) as "openApplications"
  from postings p
  join companies c on c.id = p.company_id
  left join lateral (
    select name_ja, name_en from org_unit_versions ov
    where ov.org_unit_id = p.org_unit_id and ov.valid_from <= coalesce(p.closed_on, ${day}::date)
    order by ov.valid_from desc limit 1
  ) v on true
  left join positions pos on pos.id = p.position_id
  left join companies hc on hc.id = p.host_company_id
  left join users ou on ou.id = p.owner_user_id`;

export async function postingView(db: Db, id: number, day: string): Promise<PostingViewRow | undefined> {
  const [row] = await queryRows<PostingViewRow>(db, sql`${viewSelect(day)} where p.id = ${id}`);
  return row;
}

export interface PostingFilter {
  kind?: PostingKind | undefined;
  companyId?: number | undefined;
  status?: PostingStatus | undefined;
  q?: string | undefined;
  /** Extra condition (e.g. the postings an actor manages). */
  scope?: SQL | undefined;
  limit: number;
  offset: number;
}

/** Postings matching the filter, newest opening first, then id. */
export async function listPostingViews(
  db: Db,
  filter: PostingFilter,
  day: string,
): Promise<{ total: number; rows: PostingViewRow[] }> {
  const conditions: SQL[] = [sql`true`];
  if (filter.kind) conditions.push(sql`p.kind = ${filter.kind}`);
  if (filter.companyId !== undefined) conditions.push(sql`p.company_id = ${filter.companyId}`);
  if (filter.status) conditions.push(sql`p.status = ${filter.status}`);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      sql`(lower(p.title_ja) like ${pattern} or lower(p.title_en) like ${pattern} or lower(coalesce(p.location, '')) like ${pattern})`,
    );
  }
  if (filter.scope) conditions.push(filter.scope);
  const where = sql.join(conditions, sql` and `);
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from postings p where ${where}`,
  );
  const rows = await queryRows<PostingViewRow>(
    db,
    sql`${viewSelect(day)} where ${where}
        order by p.opened_on desc nulls first, p.id desc limit ${filter.limit} offset ${filter.offset}`,
  );
  return { total: count?.n ?? 0, rows };
}

export interface PostingSkillRow {
  postingId: number;
  skillId: number;
  code: string;
  nameJa: string;
  nameEn: string;
  level: number;
  required: boolean;
}

export function skillsOfPostings(db: Db, postingIds: number[]): Promise<PostingSkillRow[]> {
  if (postingIds.length === 0) return Promise.resolve([]);
  return queryRows<PostingSkillRow>(
    db,
    sql`select ps.posting_id as "postingId", ps.skill_id as "skillId", s.code, s.name_ja as "nameJa", s.name_en as "nameEn",
               ps.level, ps.required
        from posting_skills ps join skills s on s.id = ps.skill_id
        where ps.posting_id = any(${`{${postingIds.join(",")}}`}::int[])
        order by ps.posting_id, ps.required desc, s.code, ps.skill_id`,
  );
}

export async function findPosting(db: Db, id: number): Promise<PostingRow | undefined> {
  const [row] = await db.select().from(postings).where(eq(postings.id, id));
  return row;
}

export async function lockPosting(db: Db, id: number): Promise<PostingRow | undefined> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from postings where id = ${id} for update`);
  return row ? findPosting(db, id) : undefined;
}

export async function insertPosting(db: Db, row: typeof postings.$inferInsert): Promise<number> {
  const [inserted] = await db.insert(postings).values(row).returning({ id: postings.id });
  return inserted!.id;
}

export async function updatePostingRow(
  db: Db,
  id: number,
  values: Partial<typeof postings.$inferInsert>,
): Promise<void> {
  await db
    .update(postings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(postings.id, id));
}

export async function replacePostingSkills(
  db: Db,
  postingId: number,
  rows: { skillId: number; level: number; required: boolean }[],
): Promise<void> {
  await db.delete(postingSkills).where(eq(postingSkills.postingId, postingId));
  if (rows.length) await db.insert(postingSkills).values(rows.map((row) => ({ postingId, ...row })));
}

/** Whether the user exists and is enabled (a posting owner must be). */
export async function enabledUserExists(db: Db, userId: number): Promise<boolean> {
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from users where id = ${userId} and disabled_at is null) as ok`,
  );
  return row?.ok === true;
}

export async function existingCompanyIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from companies where id = any(${`{${ids.join(",")}}`}::int[]) order by id`,
  );
  return new Set(rows.map((row) => row.id));
}
