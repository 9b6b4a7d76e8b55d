/**
 * What a rotation plan would do, before anything is committed: per move the person's fit to the new position's
 * skill map, their stated wishes and their tenure; per unit touched by the plan (every source and target unit)
 * the headcount, the share of women and the skills covered (held at level 3 or more by someone in the unit,
 * by the group's current-level rule), before and after the plan's effective date. "Before" is the unit as the
 * dated records stand on the effective date; "after" moves the plan's people.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { LocalizedName } from "../../shared/api";
import type { MatchSkillLine, RotationMove, RotationUnitEffect } from "../../shared/matching-api";
import type { CurrentLevelRule } from "../../shared/skills-vocab";
import { requirementsInForce, resolveRequirements } from "../skills/skill-maps.repo";
import { scoreOf } from "./match.engine";
import { judgeWishes, latestWishes, matchPeople, type PostingRow } from "./match.explain";

const COVERED_LEVEL = 3;
const ids = (values: number[]) => `{${[...new Set(values)].join(",")}}`;
const loc = (ja: string | null, en: string | null): LocalizedName => ({
  ja: ja ?? en ?? "",
  en: en ?? ja ?? "",
});

export interface MoveRow {
  id: number;
  personId: number;
  toCompanyId: number;
  toOrgUnitId: number;
  toPositionId: number | null;
  toGradeId: number | null;
  note: string | null;
  resultingAssignmentId: number | null;
}

interface TargetRow {
  moveId: number;
  companyNameJa: string;
  companyNameEn: string;
  unitNameJa: string | null;
  unitNameEn: string | null;
  positionNameJa: string | null;
  positionNameEn: string | null;
  jobCategoryId: number | null;
  gradeNameJa: string | null;
  gradeNameEn: string | null;
}

interface SourceRow {
  personId: number;
  orgUnitId: number;
  companyId: number;
  unitSince: string;
  hireDate: string;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** Where each person is on the day (primary assignment), since when in that unit, and their hire date. */
function sources(db: Db, personIds: number[], day: string): Promise<SourceRow[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return queryRows<SourceRow>(
    db,
    sql`select distinct on (a.person_id) a.person_id as "personId", a.org_unit_id as "orgUnitId", a.company_id as "companyId",
               (select min(b.valid_from) from assignments b
                where b.employment_id = a.employment_id and b.kind = 'primary' and b.org_unit_id = a.org_unit_id
                  and b.valid_from <= a.valid_from)::text as "unitSince",
               e.hire_date::text as "hireDate"
        from assignments a join employments e on e.id = a.employment_id
        where a.person_id = any(${ids(personIds)}::int[]) and a.kind = 'primary' and a.during @> ${day}::date
        order by a.person_id, a.valid_from desc, a.id desc`,
  );
}

/** The moves of a plan, each with fit, wishes and tenure. */
export async function describeMoves(
  db: Db,
  moves: MoveRow[],
  effectiveOn: string,
  rule: CurrentLevelRule,
): Promise<RotationMove[]> {
  if (moves.length === 0) return [];
  const personIds = moves.map((m) => m.personId);
  const lc = rule === "latest_any" ? sql.raw("any_level") : sql.raw("confirmed_level");
  const [targets, people, wishes, from, levels] = await Promise.all([
    queryRows<TargetRow>(
      db,
      sql`select m.id as "moveId", c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
                 v.name_ja as "unitNameJa", v.name_en as "unitNameEn",
                 pos.name_ja as "positionNameJa", pos.name_en as "positionNameEn", pos.job_category_id as "jobCategoryId",
                 g.name_ja as "gradeNameJa", g.name_en as "gradeNameEn"
          from rotation_moves m
          join companies c on c.id = m.to_company_id
          left join positions pos on pos.id = m.to_position_id
          left join grades g on g.id = m.to_grade_id
          left join lateral (
            select name_ja, name_en from org_unit_versions where org_unit_id = m.to_org_unit_id and valid_from <= ${effectiveOn}::date
            order by valid_from desc, id desc limit 1
          ) v on true
          where m.id = any(${ids(moves.map((m) => m.id))}::int[])
          order by m.id`,
    ),
    matchPeople(db, personIds, effectiveOn),
    latestWishes(db, personIds),
    sources(db, personIds, effectiveOn),
    queryRows<{ personId: number; skillId: number; level: number }>(
      db,
      sql`select person_id as "personId", skill_id as "skillId", ${lc} as level from person_skill_levels
          where person_id = any(${ids(personIds)}::int[]) and ${lc} is not null order by person_id, skill_id`,
    ),
  ]);
  const targetOf = new Map(targets.map((t) => [t.moveId, t]));
  const fromOf = new Map(from.map((s) => [s.personId, s]));
  const levelOf = new Map(levels.map((l) => [`${l.personId}:${l.skillId}`, Number(l.level)]));
  const positionIds = moves.map((m) => m.toPositionId).filter((id): id is number => id !== null);
  const categoryIds = targets.map((t) => t.jobCategoryId).filter((id): id is number => id !== null);
  const requirements = await requirementsInForce(
    db,
    { positionIds, jobCategoryIds: categoryIds },
    effectiveOn,
  );

  return moves.map((move) => {
    const target = targetOf.get(move.id)!;
    let fit: RotationMove["fit"] = null;
    if (move.toPositionId !== null) {
      const lines = resolveRequirements(requirements, {
        positionId: move.toPositionId,
        jobCategoryId: target.jobCategoryId,
        gradeId: move.toGradeId,
      });
      if (lines.length > 0) {
        const skills: MatchSkillLine[] = lines.map((line) => {
          const have = levelOf.get(`${move.personId}:${line.skillId}`) ?? null;
          return {
            skill: { id: line.skillId, code: line.skillCode, name: loc(line.skillNameJa, line.skillNameEn) },
            required: true,
            level: line.requiredLevel,
            personLevel: have,
            status: have === null ? "missing" : have >= line.requiredLevel ? "has" : "gap",
            gap: Math.max(0, line.requiredLevel - (have ?? 0)),
          };
        });
        const points = skills.reduce((sum, l) => sum + Math.min(l.personLevel ?? 0, l.level) / l.level, 0);
        fit = { score: scoreOf(points, skills.length), skills };
      }
    }
    const pseudoPosting = {
      kind: "transfer",
      positionId: move.toPositionId,
      jobCategoryId: target.jobCategoryId,
      location: null,
    } as PostingRow;
    const wish = wishes.get(move.personId);
    const source = fromOf.get(move.personId);
    return {
      id: move.id,
      person: people.get(move.personId)!,
      to: {
        company: { id: move.toCompanyId, name: loc(target.companyNameJa, target.companyNameEn) },
        orgUnit: { id: move.toOrgUnitId, name: loc(target.unitNameJa, target.unitNameEn) },
        position:
          move.toPositionId === null
            ? null
            : { id: move.toPositionId, name: loc(target.positionNameJa, target.positionNameEn) },
        grade:
          move.toGradeId === null
            ? null
            : { id: move.toGradeId, name: loc(target.gradeNameJa, target.gradeNameEn) },
      },
      fit,
      wishes: judgeWishes(pseudoPosting, wish),
      careerReportYear: wish?.fiscalYear ?? null,
      tenure: source
        ? {
            unitMonths: monthsBetween(source.unitSince, effectiveOn),
            companyMonths: monthsBetween(source.hireDate, effectiveOn),
          }
        : null,
      note: move.note,
      resultingAssignmentId: move.resultingAssignmentId,
    };
  });
}

/** The plan's effect on every unit it touches (see the top of this file), units by company then name. */
export async function planEffect(
  db: Db,
  moves: MoveRow[],
  effectiveOn: string,
  rule: CurrentLevelRule,
): Promise<RotationUnitEffect[]> {
  if (moves.length === 0) return [];
  const from = await sources(
    db,
    moves.map((m) => m.personId),
    effectiveOn,
  );
  const fromUnit = new Map(from.map((s) => [s.personId, s.orgUnitId]));
  const unitIds = [...new Set([...from.map((s) => s.orgUnitId), ...moves.map((m) => m.toOrgUnitId)])];
  const lc = rule === "latest_any" ? sql.raw("any_level") : sql.raw("confirmed_level");
  const [units, members] = await Promise.all([
    queryRows<{
      id: number;
      companyId: number;
      companyNameJa: string;
      companyNameEn: string;
      nameJa: string;
      nameEn: string;
    }>(
      db,
      sql`select u.id, u.company_id as "companyId", c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
                 coalesce(v.name_ja, u.code) as "nameJa", coalesce(v.name_en, u.code) as "nameEn"
          from org_units u join companies c on c.id = u.company_id
          left join lateral (
            select name_ja, name_en from org_unit_versions where org_unit_id = u.id and valid_from <= ${effectiveOn}::date
            order by valid_from desc, id desc limit 1
          ) v on true
          where u.id = any(${ids(unitIds)}::int[])
          order by c.code, c.id, "nameJa", u.id`,
    ),
    queryRows<{ orgUnitId: number; personId: number; gender: string }>(
      db,
      sql`select distinct a.org_unit_id as "orgUnitId", a.person_id as "personId", p.gender
          from assignments a join persons p on p.id = a.person_id
          where a.kind = 'primary' and a.during @> ${effectiveOn}::date and a.org_unit_id = any(${ids(unitIds)}::int[])
          order by a.org_unit_id, a.person_id`,
    ),
  ]);
  const everyone = [...new Set([...members.map((m) => m.personId), ...moves.map((m) => m.personId)])];
  const [skills, genders] = await Promise.all([
    queryRows<{ personId: number; skillId: number; nameJa: string; nameEn: string }>(
      db,
      sql`select l.person_id as "personId", l.skill_id as "skillId", s.name_ja as "nameJa", s.name_en as "nameEn"
          from person_skill_levels l join skills s on s.id = l.skill_id
          where l.person_id = any(${ids(everyone)}::int[]) and l.${lc} >= ${COVERED_LEVEL}
          order by l.person_id, s.code, l.skill_id`,
    ),
    queryRows<{ id: number; gender: string }>(
      db,
      sql`select id, gender from persons where id = any(${ids(moves.map((m) => m.personId))}::int[]) order by id`,
    ),
  ]);
  const genderOf = new Map([
    ...members.map((m) => [m.personId, m.gender] as const),
    ...genders.map((g) => [g.id, g.gender] as const),
  ]);
  const skillsOf = new Map<number, { skillId: number; name: LocalizedName }[]>();
  for (const row of skills) {
    const list = skillsOf.get(row.personId) ?? [];
    list.push({ skillId: row.skillId, name: { ja: row.nameJa, en: row.nameEn } });
    skillsOf.set(row.personId, list);
  }
  const moving = new Set(moves.map((m) => m.personId));
  const summary = (people: number[]) => {
    const women = people.filter((p) => genderOf.get(p) === "female").length;
    const covered = new Map<number, LocalizedName>();
    for (const p of people) for (const s of skillsOf.get(p) ?? []) covered.set(s.skillId, s.name);
    return { count: people.length, women: people.length === 0 ? null : women / people.length, covered };
  };
  return units.map((unit) => {
    const before = members.filter((m) => m.orgUnitId === unit.id).map((m) => m.personId);
    const after = [
      ...before.filter((p) => !moving.has(p) || moves.find((m) => m.personId === p)!.toOrgUnitId === unit.id),
      ...moves
        .filter((m) => m.toOrgUnitId === unit.id && fromUnit.get(m.personId) !== unit.id)
        .map((m) => m.personId),
    ];
    const b = summary(before);
    const a = summary(after);
    const diff = (x: Map<number, LocalizedName>, y: Map<number, LocalizedName>) =>
      [...x.entries()].filter(([id]) => !y.has(id)).map(([id, name]) => ({ id, name }));
    const round = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 1000);
    return {
      company: { id: unit.companyId, name: loc(unit.companyNameJa, unit.companyNameEn) },
      orgUnit: { id: unit.id, name: loc(unit.nameJa, unit.nameEn) },
      headcount: { before: b.count, after: a.count },
      womenShare: { before: round(b.women), after: round(a.women) },
      skillsCovered: { before: b.covered.size, after: a.covered.size },
      skillsLost: diff(b.covered, a.covered),
      skillsGained: diff(a.covered, b.covered),
    };
  });
}
