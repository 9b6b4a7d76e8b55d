/**
 * The recruiters' scouting search over opted-in records: skills and levels, experience (months in a job
 * category), job category and company of the current assignment, career-report wishes, and free text over the
 * work history (pg_trgm on work_history_entries.search_text, Japanese and English alike). The population is
 * always "visible to this recruiter" (consent.visibility.ts) and employed today, so neither the hits nor the
 * paging say anything about people who did not opt in. Keyset paging by person id.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { ScoutingSearchQuery, ScoutingSearchResponse } from "../../shared/matching-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { skillLevelToken } from "../skills/current-levels.schema";
import { currentLevelRule } from "../skills/skills.repo";
import { visibleToRecruiterSql } from "./consent.visibility";
import { latestWishes, matchPeople } from "./match.explain";

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function parseSkillFilter(value: string | undefined): { skillId: number; minLevel: number }[] {
  if (!value) return [];
  return value.split(",").map((pair) => {
    const [skillId, minLevel] = pair.split(":").map(Number) as [number, number];
    return { skillId, minLevel };
  });
}

export async function scoutingSearch(
  db: Db,
  actor: Actor,
  query: ScoutingSearchQuery,
): Promise<ScoutingSearchResponse> {
  assert(
    actor.kind === "system" || actor.recruiterGrants.length > 0,
    "Only recruiters search scouting records.",
  );
  if (query.minMonthsInJobCategory !== undefined && query.jobCategoryId === undefined)
    throw AppError.validation([
      { path: "minMonthsInJobCategory", message: "needs jobCategoryId (months in which job category?)" },
    ]);
  const skills = parseSkillFilter(query.skills);
  if (skills.length > 10) throw AppError.validation([{ path: "skills", message: "at most 10 skills" }]);
  const asOf = today();
  const rule = await currentLevelRule(db);
  const lc = rule === "latest_any" ? sql.raw("any_level") : sql.raw("confirmed_level");
  const visible =
    actor.kind === "system"
      ? sql`true`
      : visibleToRecruiterSql(actor.recruiterGrants, sql`sc.person_id`, asOf);

  const conditions: SQL[] = [sql`sc.withdrawn_at is null`, visible, sql`cur.person_id is not null`];
  if (query.after !== undefined) conditions.push(sql`sc.person_id > ${query.after}`);
  // Skills at a level: one containment over the person's level tokens (person_skill_tokens); "at level 0" only
  // asks for a current level at all. A token holds levels up to 15 (levels stop at 10).
  const tokens = skills.filter((s) => s.minLevel > 0).map((s) => skillLevelToken(s.skillId, s.minLevel));
  if (skills.some((s) => s.minLevel > 15)) conditions.push(sql`false`);
  else if (tokens.length > 0)
    conditions.push(
      sql`exists (select 1 from person_skill_tokens t where t.person_id = sc.person_id
                  and t.${rule === "latest_any" ? sql.raw("any_tokens") : sql.raw("confirmed_tokens")} @> ${`{${tokens.join(",")}}`}::int[])`,
    );
  for (const skill of skills.filter((s) => s.minLevel === 0))
    conditions.push(
      sql`exists (select 1 from person_skill_levels l where l.person_id = sc.person_id and l.skill_id = ${skill.skillId} and l.${lc} is not null)`,
    );
  if (query.q)
    conditions.push(
      sql`exists (select 1 from work_history_entries w where w.person_id = sc.person_id and w.search_text like ${likePattern(query.q)})`,
    );
  if (query.companyId !== undefined) conditions.push(sql`cur.company_id = ${query.companyId}`);
  if (query.jobCategoryId !== undefined && query.minMonthsInJobCategory === undefined)
    conditions.push(sql`cur.job_category_id = ${query.jobCategoryId}`);
  if (query.jobCategoryId !== undefined && query.minMonthsInJobCategory !== undefined)
    conditions.push(
      sql`(select coalesce(sum(least(coalesce(a.valid_to, ${asOf}::date), ${asOf}::date) - a.valid_from + 1), 0)
           from assignments a join positions pos on pos.id = a.position_id
           where a.person_id = sc.person_id and pos.job_category_id = ${query.jobCategoryId} and a.valid_from <= ${asOf}::date)
          >= ${Math.ceil(query.minMonthsInJobCategory * 30.4375)}`,
    );
  const wishConditions: SQL[] = [];
  if (query.wantsTransfer) wishConditions.push(sql`cr.wants_transfer`);
  if (query.openToOverseas) wishConditions.push(sql`cr.open_to_overseas`);
  if (query.moveTiming) wishConditions.push(sql`cr.move_timing = ${query.moveTiming}`);
  if (query.desiredJobCategoryId !== undefined)
    wishConditions.push(
      sql`cr.desired_job_category_ids @> ${JSON.stringify([query.desiredJobCategoryId])}::jsonb`,
    );
  if (wishConditions.length > 0)
    conditions.push(
      sql`exists (select 1 from (
            select cr.* from career_reports cr join career_report_cycles cy on cy.id = cr.cycle_id
            where cr.person_id = sc.person_id and cr.status in ('submitted', 'commented')
            order by cy.fiscal_year desc, cr.id desc limit 1) cr
          where ${sql.join(wishConditions, sql` and `)})`,
    );

  const rows = await queryRows<{ personId: number }>(
    db,
    sql`select sc.person_id as "personId"
        from scouting_consents sc
        left join lateral (
          select a.person_id, a.company_id, pos.job_category_id from assignments a
          left join positions pos on pos.id = a.position_id
          where a.person_id = sc.person_id and a.kind = 'primary' and a.during @> ${asOf}::date
          order by a.valid_from desc, a.id desc limit 1
        ) cur on true
        where ${sql.join(conditions, sql` and `)}
        order by sc.person_id
        limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit).map((r) => r.personId);
  const ids = `{${page.join(",")}}`;
  const [people, wishes, levels, entries] = await Promise.all([
    matchPeople(db, page, asOf),
    latestWishes(db, page),
    page.length === 0
      ? Promise.resolve([])
      : queryRows<{ personId: number; skillId: number; nameJa: string; nameEn: string; level: number }>(
          db,
          sql`select * from (
                select l.person_id as "personId", l.skill_id as "skillId", s.name_ja as "nameJa", s.name_en as "nameEn",
                       l.${lc} as level,
                       row_number() over (partition by l.person_id
                         order by (l.skill_id = any(${`{${skills.map((s) => s.skillId).join(",")}}`}::int[])) desc, l.${lc} desc, s.code, l.skill_id) as n
                from person_skill_levels l join skills s on s.id = l.skill_id
                where l.person_id = any(${ids}::int[]) and l.${lc} is not null
              ) t where n <= 5 order by "personId", n`,
        ),
    page.length === 0
      ? Promise.resolve([])
      : queryRows<{ personId: number; organisation: string; role: string; periodFrom: string }>(
          db,
          sql`select distinct on (w.person_id) w.person_id as "personId", w.organisation, w.role, w.period_from::text as "periodFrom"
              from work_history_entries w where w.person_id = any(${ids}::int[])
              order by w.person_id, ${query.q ? sql`(w.search_text like ${likePattern(query.q)}) desc,` : sql``} w.period_from desc, w.id desc`,
        ),
  ]);
  const entryOf = new Map(entries.map((e) => [e.personId, e]));
  return {
    hits: page.map((personId) => {
      const wish = wishes.get(personId);
      const entry = entryOf.get(personId);
      return {
        person: people.get(personId)!,
        skills: levels
          .filter((l) => l.personId === personId)
          .map((l) => ({ skillId: l.skillId, name: { ja: l.nameJa, en: l.nameEn }, level: Number(l.level) })),
        wishes: wish
          ? {
              year: wish.fiscalYear,
              wantsTransfer: wish.wantsTransfer,
              openToOverseas: wish.openToOverseas,
              moveTiming: wish.moveTiming,
            }
          : null,
        entry: entry
          ? { organisation: entry.organisation, role: entry.role, periodFrom: entry.periodFrom }
          : null,
      };
    }),
    nextAfter: rows.length > query.limit ? (page[page.length - 1] ?? null) : null,
  };
}
