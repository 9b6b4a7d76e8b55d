/**
 * The explanation of a match, batched: for a set of (person, posting) pairs — the 50 candidates of one posting,
 * or the fitting postings of one person — a fixed number of queries whatever the number of pairs: posting skills,
 * levels, work-history entries, months in the job category, the latest submitted career report, and courses.
 * Skills: has / level gap / missing per required and preferred skill. Experience: entries that used a posting
 * skill, and months in the posting position's job category. Wishes: from the latest submitted career report.
 * Courses: from the training map, those above the person's level for each gap (at most 3, those reaching the
 * level first). For recruiters courses are not filtered by audience (the audience is the person's business);
 * for the person's own view only courses whose audience includes them are shown (see match.service.ts).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { LocalizedName } from "../../shared/api";
import type {
  MatchExplanation,
  MatchPerson,
  MatchSkillLine,
  MatchWish,
  PostingRef,
} from "../../shared/matching-api";
import type { MoveTiming, OverseasProgram, PostingKind } from "../../shared/mobility-vocab";
import type { CurrentLevelRule } from "../../shared/skills-vocab";
import { type CourseForSkill, coursesForSkills } from "../learning/training-map.repo";
import { presentName } from "../people/people.presenter";
import { fullPoints, pointsPerLevel, scoreOfPoints } from "./match.tiers";
import { placeFits } from "./places";

const COURSES_PER_SKILL = 3;
const ENTRIES_SHOWN = 5;
const intArray = (values: number[]) => `{${[...new Set(values)].join(",")}}`;
const loc = (ja: string | null, en: string | null): LocalizedName => ({
  ja: ja ?? en ?? "",
  en: en ?? ja ?? "",
});

export interface PostingRow {
  id: number;
  kind: PostingKind;
  status: string;
  companyId: number;
  orgUnitId: number;
  titleJa: string;
  titleEn: string;
  companyNameJa: string;
  companyNameEn: string;
  unitNameJa: string | null;
  unitNameEn: string | null;
  location: string | null;
  overseasProgram: OverseasProgram | null;
  positionId: number | null;
  jobCategoryId: number | null;
  eligibility: unknown;
  gradeRankMin: number | null;
  gradeRankMax: number | null;
}

/** Postings with what the explanation and the lists need (unit names as of the day). */
export function findPostings(db: Db, postingIds: number[], asOf: string): Promise<PostingRow[]> {
  if (postingIds.length === 0) return Promise.resolve([]);
  return queryRows<PostingRow>(
    db,
    sql`select po.id, po.kind, po.status, po.company_id as "companyId", po.org_unit_id as "orgUnitId",
               po.title_ja as "titleJa", po.title_en as "titleEn",
               c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
               v.name_ja as "unitNameJa", v.name_en as "unitNameEn", po.location,
               po.overseas_program as "overseasProgram", po.position_id as "positionId",
               pos.job_category_id as "jobCategoryId", po.eligibility,
               po.grade_rank_min as "gradeRankMin", po.grade_rank_max as "gradeRankMax"
        from postings po
        join companies c on c.id = po.company_id
        left join positions pos on pos.id = po.position_id
        left join lateral (
          select name_ja, name_en from org_unit_versions
          where org_unit_id = po.org_unit_id and valid_from <= ${asOf}::date
          order by valid_from desc, id desc limit 1
        ) v on true
        where po.id = any(${intArray(postingIds)}::int[])
        order by po.id`,
  );
}

export function presentPosting(row: PostingRow): PostingRef {
  return {
    id: row.id,
    kind: row.kind,
    title: loc(row.titleJa, row.titleEn),
    company: { id: row.companyId, name: loc(row.companyNameJa, row.companyNameEn) },
    orgUnit: { id: row.orgUnitId, name: loc(row.unitNameJa, row.unitNameEn) },
    location: row.location,
    status: row.status,
    overseasProgram: row.overseasProgram,
  };
}

export interface NeedRow {
  postingId: number;
  skillId: number;
  level: number;
  required: boolean;
  code: string;
  nameJa: string;
  nameEn: string;
}

/** The skills of the postings, required first, then by skill code. */
export function postingNeeds(db: Db, postingIds: number[]): Promise<NeedRow[]> {
  if (postingIds.length === 0) return Promise.resolve([]);
  return queryRows<NeedRow>(
    db,
    sql`select ps.posting_id as "postingId", ps.skill_id as "skillId", ps.level, ps.required,
               s.code, s.name_ja as "nameJa", s.name_en as "nameEn"
        from posting_skills ps join skills s on s.id = ps.skill_id
        where ps.posting_id = any(${intArray(postingIds)}::int[])
        order by ps.posting_id, ps.required desc, s.code, ps.skill_id`,
  );
}

interface PersonRow {
  id: number;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: "family_first" | "given_first";
  companyId: number | null;
  companyNameJa: string | null;
  companyNameEn: string | null;
  orgUnitId: number | null;
  unitNameJa: string | null;
  unitNameEn: string | null;
  positionId: number | null;
  positionNameJa: string | null;
  positionNameEn: string | null;
}

/** People with where they work on the day (primary assignment), in the order of the ids given. */
export async function matchPeople(
  db: Db,
  personIds: number[],
  asOf: string,
): Promise<Map<number, MatchPerson>> {
  if (personIds.length === 0) return new Map();
  const rows = await queryRows<PersonRow>(
    db,
    sql`select p.id, p.family_name as "familyName", p.given_name as "givenName",
               p.family_name_kana as "familyNameKana", p.given_name_kana as "givenNameKana",
               p.family_name_latin as "familyNameLatin", p.given_name_latin as "givenNameLatin",
               p.name_order as "nameOrder",
               a.company_id as "companyId", c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
               a.org_unit_id as "orgUnitId", v.name_ja as "unitNameJa", v.name_en as "unitNameEn",
               a.position_id as "positionId", pos.name_ja as "positionNameJa", pos.name_en as "positionNameEn"
        from persons p
        left join lateral (
          select company_id, org_unit_id, position_id from assignments
          where person_id = p.id and kind = 'primary' and during @> ${asOf}::date
          order by valid_from desc, id desc limit 1
        ) a on true
        left join companies c on c.id = a.company_id
        left join positions pos on pos.id = a.position_id
        left join lateral (
          select name_ja, name_en from org_unit_versions
          where org_unit_id = a.org_unit_id and during @> ${asOf}::date
          order by valid_from desc, id desc limit 1
        ) v on true
        where p.id = any(${intArray(personIds)}::int[])
        order by p.id`,
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: presentName(row),
        company:
          row.companyId === null
            ? null
            : { id: row.companyId, name: loc(row.companyNameJa, row.companyNameEn) },
        orgUnit:
          row.orgUnitId === null ? null : { id: row.orgUnitId, name: loc(row.unitNameJa, row.unitNameEn) },
        position:
          row.positionId === null
            ? null
            : { id: row.positionId, name: loc(row.positionNameJa, row.positionNameEn) },
      },
    ]),
  );
}

interface WishRow {
  personId: number;
  fiscalYear: number;
  desiredJobCategoryIds: unknown;
  desiredPositionIds: unknown;
  desiredLocations: unknown;
  moveTiming: MoveTiming;
  wantsTransfer: boolean;
  openToOverseas: boolean;
}

/** Each person's latest submitted career report (by fiscal year), the source of stated wishes. */
export async function latestWishes(db: Db, personIds: number[]): Promise<Map<number, WishRow>> {
  if (personIds.length === 0) return new Map();
  const rows = await queryRows<WishRow>(
    db,
    sql`select distinct on (cr.person_id) cr.person_id as "personId", cy.fiscal_year as "fiscalYear",
               cr.desired_job_category_ids as "desiredJobCategoryIds", cr.desired_position_ids as "desiredPositionIds",
               cr.desired_locations as "desiredLocations", cr.move_timing as "moveTiming",
               cr.wants_transfer as "wantsTransfer", cr.open_to_overseas as "openToOverseas"
        from career_reports cr join career_report_cycles cy on cy.id = cr.cycle_id
        where cr.person_id = any(${intArray(personIds)}::int[]) and cr.status in ('submitted', 'commented')
        order by cr.person_id, cy.fiscal_year desc, cr.id desc`,
  );
  return new Map(rows.map((row) => [row.personId, row]));
}

const numbers = (value: unknown): number[] =>
  Array.isArray(value) ? value.map(Number).filter((n) => Number.isInteger(n)) : [];
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((s): s is string => typeof s === "string") : [];

export function judgeWishes(posting: PostingRow, wish: WishRow | undefined): MatchWish[] {
  if (!wish) return [];
  const out: MatchWish[] = [];
  const categories = numbers(wish.desiredJobCategoryIds);
  if (categories.length > 0 && posting.jobCategoryId !== null)
    out.push({ kind: "job_category", fits: categories.includes(posting.jobCategoryId), detail: null });
  if (posting.positionId !== null && numbers(wish.desiredPositionIds).includes(posting.positionId))
    out.push({ kind: "position", fits: true, detail: null });
  const places = strings(wish.desiredLocations);
  if (places.length > 0 && posting.location) {
    const where = posting.location;
    out.push({ kind: "location", fits: places.some((p) => placeFits(p, where)), detail: places.join(", ") });
  }
  if (posting.kind === "transfer" && wish.wantsTransfer)
    out.push({ kind: "transfer", fits: true, detail: null });
  if (posting.kind === "overseas") out.push({ kind: "overseas", fits: wish.openToOverseas, detail: null });
  if (wish.moveTiming === "within_1y" || wish.moveTiming === "within_3y")
    out.push({ kind: "timing", fits: true, detail: wish.moveTiming });
  else if (wish.moveTiming === "later" && posting.kind !== "side_assignment" && posting.kind !== "project")
    out.push({ kind: "timing", fits: false, detail: wish.moveTiming });
  return out;
}

export interface ExplainOptions {
  rule: CurrentLevelRule;
  asOf: string;
  /** The postings' skills (postingNeeds), when the caller has them already: one round trip less. */
  needs?: NeedRow[];
  /** Keeps only the courses a person may take (the person's own view); all courses when absent. */
  courseFilter?: (personId: number, course: CourseForSkill) => boolean;
}

export interface Pair {
  personId: number;
  postingId: number;
}

export const pairKey = (pair: Pair) => `${pair.personId}:${pair.postingId}`;

/** Explains every pair; the postings must exist (see findPostings). */
export async function explainPairs(
  db: Db,
  pairs: Pair[],
  postings: Map<number, PostingRow>,
  options: ExplainOptions,
): Promise<Map<string, MatchExplanation>> {
  const result = new Map<string, MatchExplanation>();
  if (pairs.length === 0) return result;
  const personIds = [...new Set(pairs.map((p) => p.personId))];
  const postingIds = [...new Set(pairs.map((p) => p.postingId))];
  const needs = options.needs ?? (await postingNeeds(db, postingIds));
  const skillIds = [...new Set(needs.map((n) => n.skillId))];
  const categoryIds = [
    ...new Set([...postings.values()].map((p) => p.jobCategoryId).filter((id): id is number => id !== null)),
  ];
  const lc = options.rule === "latest_any" ? sql.raw("any_level") : sql.raw("confirmed_level");
  const [levels, entries, months, wishes, courses] = await Promise.all([
    skillIds.length === 0
      ? Promise.resolve([])
      : queryRows<{ personId: number; skillId: number; level: number }>(
          db,
          sql`select person_id as "personId", skill_id as "skillId", ${lc} as level from person_skill_levels
              where person_id = any(${intArray(personIds)}::int[]) and skill_id = any(${intArray(skillIds)}::int[])
                and ${lc} is not null
              order by person_id, skill_id`,
        ),
    queryRows<{
      id: number;
      personId: number;
      periodFrom: string;
      periodTo: string | null;
      organisation: string;
      role: string;
      skillIds: unknown;
    }>(
      db,
      sql`select id, person_id as "personId", period_from::text as "periodFrom", period_to::text as "periodTo",
                 organisation, role, skill_ids as "skillIds"
          from work_history_entries where person_id = any(${intArray(personIds)}::int[])
          order by person_id, period_from desc, id desc`,
    ),
    categoryIds.length === 0
      ? Promise.resolve([])
      : queryRows<{ personId: number; jobCategoryId: number; days: number }>(
          db,
          sql`select a.person_id as "personId", pos.job_category_id as "jobCategoryId",
                     sum(least(coalesce(a.valid_to, ${options.asOf}::date), ${options.asOf}::date) - a.valid_from + 1)::int as days
              from assignments a join positions pos on pos.id = a.position_id
              where a.person_id = any(${intArray(personIds)}::int[]) and pos.job_category_id = any(${intArray(categoryIds)}::int[])
                and a.valid_from <= ${options.asOf}::date
              group by a.person_id, pos.job_category_id
              order by a.person_id, pos.job_category_id`,
        ),
    latestWishes(db, personIds),
    coursesForSkills(db, skillIds),
  ]);

  const levelOf = new Map(levels.map((l) => [`${l.personId}:${l.skillId}`, Number(l.level)]));
  const monthsOf = new Map(
    months.map((m) => [`${m.personId}:${m.jobCategoryId}`, Math.floor(Number(m.days) / 30.4375)]),
  );
  const entriesOf = new Map<number, typeof entries>();
  for (const entry of entries) {
    const list = entriesOf.get(entry.personId) ?? [];
    list.push(entry);
    entriesOf.set(entry.personId, list);
  }
  const needsOf = new Map<number, NeedRow[]>();
  for (const need of needs) {
    const list = needsOf.get(need.postingId) ?? [];
    list.push(need);
    needsOf.set(need.postingId, list);
  }

  for (const pair of pairs) {
    const posting = postings.get(pair.postingId);
    if (!posting) continue;
    const lines: MatchSkillLine[] = (needsOf.get(pair.postingId) ?? []).map((need) => {
      const have = levelOf.get(`${pair.personId}:${need.skillId}`) ?? null;
      return {
        skill: { id: need.skillId, code: need.code, name: loc(need.nameJa, need.nameEn) },
        required: need.required,
        level: need.level,
        personLevel: have,
        status: have === null ? "missing" : have >= need.level ? "has" : "gap",
        gap: Math.max(0, need.level - (have ?? 0)),
      };
    });
    // Whole points, as the engine counts them (match.engine.ts), so that both give the same score.
    const full = fullPoints(lines);
    const points = lines.reduce(
      (sum, l) => sum + pointsPerLevel(l) * Math.min(l.personLevel ?? 0, l.level),
      0,
    );
    const postingSkillIds = new Set(lines.map((l) => l.skill.id));
    const relevant = (entriesOf.get(pair.personId) ?? [])
      .map((e) => ({ ...e, used: numbers(e.skillIds).filter((id) => postingSkillIds.has(id)) }))
      .filter((e) => e.used.length > 0)
      .slice(0, ENTRIES_SHOWN);
    const wish = wishes.get(pair.personId);
    const gapCourses = lines
      .filter((l) => l.status !== "has")
      .map((l) => ({
        skillId: l.skill.id,
        courses: courses
          .filter(
            (c) =>
              c.skillId === l.skill.id &&
              c.targetLevel > (l.personLevel ?? 0) &&
              (options.courseFilter?.(pair.personId, c) ?? true),
          )
          .sort(
            (a, b) =>
              Number(b.targetLevel >= l.level) - Number(a.targetLevel >= l.level) ||
              a.targetLevel - b.targetLevel ||
              a.code.localeCompare(b.code) ||
              a.courseId - b.courseId,
          )
          .slice(0, COURSES_PER_SKILL)
          .map((c) => ({
            id: c.courseId,
            code: c.code,
            title: loc(c.titleJa, c.titleEn),
            targetLevel: c.targetLevel,
            durationDays: Number(c.durationDays),
          })),
      }))
      .filter((g) => g.courses.length > 0);
    result.set(pairKey(pair), {
      score: full === 0 ? 0 : scoreOfPoints(points, full),
      skills: lines,
      experience: {
        monthsInJobCategory:
          posting.jobCategoryId === null
            ? 0
            : (monthsOf.get(`${pair.personId}:${posting.jobCategoryId}`) ?? 0),
        entries: relevant.map((e) => ({
          id: e.id,
          periodFrom: e.periodFrom,
          periodTo: e.periodTo,
          organisation: e.organisation,
          role: e.role,
          skillIds: e.used,
        })),
      },
      wishes: judgeWishes(posting, wish),
      careerReportYear: wish?.fiscalYear ?? null,
      courses: gapCourses,
    });
  }
  return result;
}
