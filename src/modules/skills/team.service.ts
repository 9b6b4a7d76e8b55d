/** The team heat map (skills × people of an org unit's subtree) and the group view of scarce skills. */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { Heatmap, Scarcity } from "../../shared/skills-api";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { findOrgUnit, orgUnitVersionAt, subtreeOrgUnitIds } from "../org/org.repo";
import { presentName } from "../people/people.presenter";
import { personsByIds } from "../people/people.repo";
import { latestLevels, levelMap } from "./assessments.repo";
import { sourcesFor } from "./assessments.service";
import { personContextsAt } from "./person-context";
import { requirementsInForce, resolveRequirements } from "./skill-maps.repo";
import { hrCompanyScope } from "./skills.policy";
import { loc } from "./skills.presenter";
import { currentLevelRule } from "./skills.repo";

const HEATMAP_PEOPLE = 80;
const HEATMAP_SKILLS = 30;
/** A level counted as expert in the scarcity view. */
const EXPERT_LEVEL = 4;

/** Managers of the unit (it lies in a subtree they head today), HR of its company, group HR. */
async function assertUnitAccess(db: Db, actor: Actor, orgUnitId: number): Promise<number> {
  const unit = await findOrgUnit(db, orgUnitId);
  if (!unit) throw AppError.notFound("Org unit", orgUnitId);
  let allowed = canManageCompany(actor, unit.companyId);
  if (!allowed && actor.kind === "user" && actor.managedOrgUnitIds.length) {
    allowed = (await subtreeOrgUnitIds(db, actor.managedOrgUnitIds, today())).includes(orgUnitId);
  }
  assert(allowed, "Only the unit's managers and HR may see its skills.");
  return unit.companyId;
}

export async function teamHeatmap(
  db: Db,
  actor: Actor,
  query: { orgUnitId: number; asOf?: string | undefined },
): Promise<Heatmap> {
  const asOf = query.asOf ?? today();
  await assertUnitAccess(db, actor, query.orgUnitId);
  const version = await orgUnitVersionAt(db, query.orgUnitId, asOf);
  const units = await subtreeOrgUnitIds(db, [query.orgUnitId], asOf);
  const members = await queryRows<{ personId: number }>(
    db,
    sql`select distinct a.person_id as "personId" from assignments a
        where a.org_unit_id = any(${`{${units.join(",")}}`}::int[]) and a.kind = 'primary' and a.during @> ${asOf}::date
        order by a.person_id limit ${HEATMAP_PEOPLE + 1}`,
  );
  const truncated = members.length > HEATMAP_PEOPLE;
  const personIds = members.slice(0, HEATMAP_PEOPLE).map((m) => m.personId);
  const [contexts, people, rule] = await Promise.all([
    personContextsAt(db, personIds, asOf),
    personsByIds(db, personIds),
    currentLevelRule(db),
  ]);
  const rows = await requirementsInForce(
    db,
    {
      positionIds: [...new Set(contexts.flatMap((c) => (c.positionId ? [c.positionId] : [])))],
      jobCategoryIds: [...new Set(contexts.flatMap((c) => (c.jobCategoryId ? [c.jobCategoryId] : [])))],
    },
    asOf,
  );
  const required = new Map<number, Map<number, number>>();
  const skillInfo = new Map<number, { code: string; ja: string; en: string; requiredBy: number }>();
  for (const context of contexts) {
    const lines = resolveRequirements(rows, {
      positionId: context.positionId,
      jobCategoryId: context.jobCategoryId,
      gradeId: context.gradeId,
    });
    const mine = new Map<number, number>();
    for (const line of lines) {
      if (line.requiredLevel < 1) continue;
      mine.set(line.skillId, line.requiredLevel);
      const info = skillInfo.get(line.skillId) ?? {
        code: line.skillCode,
        ja: line.skillNameJa,
        en: line.skillNameEn,
        requiredBy: 0,
      };
      info.requiredBy++;
      skillInfo.set(line.skillId, info);
    }
    required.set(context.personId, mine);
  }
  const skillOrder = [...skillInfo.entries()]
    .sort(([a, x], [b, y]) => y.requiredBy - x.requiredBy || x.code.localeCompare(y.code) || a - b)
    .slice(0, HEATMAP_SKILLS);
  const levels = levelMap(
    await latestLevels(
      db,
      personIds,
      skillOrder.map(([id]) => id),
      asOf,
      sourcesFor(rule),
    ),
  );
  const contextOf = new Map(contexts.map((c) => [c.personId, c]));
  const sortedPeople = [...people].sort((a, b) => {
    const pa = contextOf.get(a.id)?.positionNameEn ?? "";
    const pb = contextOf.get(b.id)?.positionNameEn ?? "";
    return (
      pa.localeCompare(pb) ||
      (a.familyNameLatin ?? a.familyName).localeCompare(b.familyNameLatin ?? b.familyName) ||
      a.id - b.id
    );
  });
  return {
    asOf,
    orgUnit: { id: query.orgUnitId, name: loc(version?.nameJa ?? "", version?.nameEn ?? "") },
    skills: skillOrder.map(([id, info]) => ({
      id,
      code: info.code,
      name: loc(info.ja, info.en),
      requiredBy: info.requiredBy,
    })),
    people: sortedPeople.map((person) => {
      const context = contextOf.get(person.id);
      return {
        personId: person.id,
        name: presentName(person),
        position: context?.positionId
          ? loc(context.positionNameJa ?? "", context.positionNameEn ?? "")
          : null,
        cells: skillOrder.map(([skillId]) => ({
          required: required.get(person.id)?.get(skillId) ?? null,
          current: levels.get(`${person.id}:${skillId}`)?.level ?? null,
        })),
      };
    }),
    truncated,
  };
}

/**
 * Where skills are scarce: per skill, how many people in scope (employed on the day, primary assignment) have
 * a position that requires it, how many of them meet the requirement, and how many experts there are; the
 * skills with the most people below their required level first.
 */
export async function scarceSkills(
  db: Db,
  actor: Actor,
  query: { companyId?: number | undefined; asOf?: string | undefined },
): Promise<Scarcity> {
  const asOf = query.asOf ?? today();
  const scope = hrCompanyScope(actor);
  assert(scope === null || scope.length > 0, "Only HR may see where skills are scarce.");
  if (query.companyId !== undefined)
    assert(canManageCompany(actor, query.companyId), "You may not see this company's figures.");
  const companies = query.companyId !== undefined ? [query.companyId] : scope;
  const rule = await currentLevelRule(db);
  const companyFilter =
    companies === null ? sql`` : sql`and a.company_id = any(${`{${companies.join(",")}}`}::int[])`;
  const rows = await queryRows<{
    skillId: number;
    code: string;
    nameJa: string;
    nameEn: string;
    required: number;
    meeting: number;
    experts: number;
  }>(
    db,
    sql`with people as (
          select distinct on (a.person_id) a.person_id, a.position_id, a.grade_id, pos.job_category_id
          from assignments a left join positions pos on pos.id = a.position_id
          where a.kind = 'primary' and a.during @> ${asOf}::date ${companyFilter}
          order by a.person_id, a.valid_from desc, a.id desc
        ),
        lines as (
          select pe.person_id, r.skill_id, r.required_level,
                 row_number() over (partition by pe.person_id, r.skill_id
                   order by case when r.position_id is not null and r.grade_id is not null then 0
                                 when r.position_id is not null then 1 else 2 end, r.id) as pick
          from people pe join skill_requirements r on r.during @> ${asOf}::date and (
            (r.position_id = pe.position_id and (r.grade_id is null or r.grade_id = pe.grade_id))
            or (r.position_id is null and r.job_category_id = pe.job_category_id and r.grade_id = pe.grade_id))
        ),
        needs as (select person_id, skill_id, required_level from lines where pick = 1 and required_level >= 1),
        levels as (
          select distinct on (s.person_id, s.skill_id) s.person_id, s.skill_id, s.level
          from skill_assessments s join people pe on pe.person_id = s.person_id
          where s.assessed_on <= ${asOf}::date and s.source = any(${`{${sourcesFor(rule).join(",")}}`}::text[])
          order by s.person_id, s.skill_id, s.assessed_on desc, s.id desc
        ),
        per_skill as (
          select n.skill_id, count(*)::int as required,
                 count(*) filter (where l.level >= n.required_level)::int as meeting
          from needs n left join levels l on l.person_id = n.person_id and l.skill_id = n.skill_id
          group by n.skill_id
        ),
        experts as (select skill_id, count(*)::int as experts from levels where level >= ${EXPERT_LEVEL} group by skill_id)
        select k.id as "skillId", k.code, k.name_ja as "nameJa", k.name_en as "nameEn",
               ps.required, ps.meeting, coalesce(e.experts, 0)::int as experts
        from per_skill ps join skills k on k.id = ps.skill_id left join experts e on e.skill_id = ps.skill_id
        order by ps.required - ps.meeting desc, (ps.meeting::float / ps.required), k.code, k.id`,
  );
  return {
    asOf,
    companyId: query.companyId ?? null,
    items: rows.map((row) => ({
      skill: { id: row.skillId, code: row.code, name: loc(row.nameJa, row.nameEn) },
      required: row.required,
      meeting: row.meeting,
      coverage: row.required === 0 ? 1 : row.meeting / row.required,
      experts: row.experts,
    })),
  };
}
