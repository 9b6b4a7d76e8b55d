/**
 * A person's skills against their position's map (and an aspired position's): current level by the group's
 * rule, the latest self-assessment, the gap, and the courses that close it (the training map from the gap's
 * side), limited to courses whose audience includes the person.
 *
 * Speed (bench/benchmarks/learning.ts): one round of independent queries, sent at once (on the PostgreSQL server
 * each on a connection of its own), none waiting for another: who and where the person is, the skill maps in
 * force for their position and the aspired one, their current levels (person_skill_levels) and
 * self-assessments, their units, the settings, and the courses for every skill of the maps with their next
 * sessions (the gaps pick from them).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { PersonSkills, SkillGapLine, SuggestedCourse } from "../../shared/skills-api";
import type { CurrentLevelRule } from "../../shared/skills-vocab";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { type AudienceContext, inAudience, parseAudience, toAudienceContext } from "../learning/audience";
import { type CourseWithNextSession, coursesWithNextSession } from "../learning/training-map.repo";
import { findPosition } from "../org/org.repo";
import { presentName } from "../people/people.presenter";
import { type LevelRow, latestLevels, type PersonLevelRow, personLevels } from "./assessments.repo";
import { sourcesFor } from "./assessments.service";
import { personContextAt, personOrgUnitAncestry } from "./person-context";
import {
  personRequirementLines,
  type RequirementRow,
  requirementsForPerson,
  resolveRequirements,
} from "./skill-maps.repo";
import { canSeePerson, isHrOf, isManagerOf, isSelf, relationAndPerson } from "./skills.policy";
import { loc, presentScaleLevel } from "./skills.presenter";
import { currentLevelRule, listScaleLevels } from "./skills.repo";

const SUGGESTIONS_PER_SKILL = 3;

interface LineInput {
  skillId: number;
  code: string;
  nameJa: string;
  nameEn: string;
  categoryJa: string;
  categoryEn: string;
  required: number | null;
  desirable: number | null;
}

export async function personSkills(
  db: Db,
  actor: Actor,
  personId: number,
  query: { asOf?: string | undefined; aspiredPositionId?: number | undefined },
): Promise<PersonSkills> {
  const asOf = query.asOf ?? today();
  // one round of independent reads (the access check among them: nothing is returned before it passes)
  const [{ relation, person }, context, rule, scale, assessedRows, aspired, rows, ancestry, courses] =
    await Promise.all([
      relationAndPerson(db, actor, personId),
      personContextAt(db, personId, asOf),
      currentLevelRule(db),
      listScaleLevels(db),
      personLevels(db, personId, asOf),
      query.aspiredPositionId === undefined ? undefined : findPosition(db, query.aspiredPositionId),
      requirementsForPerson(db, personId, asOf, query.aspiredPositionId),
      personOrgUnitAncestry(db, personId, asOf),
      // the courses for every skill of the maps; those for gaps are picked below
      coursesWithNextSession(
        db,
        sql`select r.skill_id from skill_requirements r
            where ${personRequirementLines(personId, asOf, query.aspiredPositionId)}`,
        asOf,
      ),
    ]);
  assert(canSeePerson(actor, relation), "You may not see this person.");
  if (query.aspiredPositionId !== undefined && !aspired) {
    throw AppError.validation([
      { path: "aspiredPositionId", message: `position ${query.aspiredPositionId} does not exist` },
    ]);
  }

  const gradeFor = (companyId: number) =>
    context && context.companyId === companyId ? context.gradeId : null;
  const toInput = (line: RequirementRow): LineInput => ({
    skillId: line.skillId,
    code: line.skillCode,
    nameJa: line.skillNameJa,
    nameEn: line.skillNameEn,
    categoryJa: line.categoryNameJa,
    categoryEn: line.categoryNameEn,
    required: line.requiredLevel,
    desirable: line.desirableLevel,
  });
  const current = context?.positionId
    ? resolveRequirements(rows, {
        positionId: context.positionId,
        jobCategoryId: context.jobCategoryId,
        gradeId: context.gradeId,
      }).map(toInput)
    : [];
  const aspiredLines = aspired
    ? resolveRequirements(rows, {
        positionId: aspired.id,
        jobCategoryId: aspired.jobCategoryId,
        gradeId: gradeFor(aspired.companyId),
      }).map(toInput)
    : [];

  const mapped = new Set([...current, ...aspiredLines].map((l) => l.skillId));
  const others: LineInput[] = assessedRows
    .filter((r) => !mapped.has(r.skillId))
    .map((r) => ({
      skillId: r.skillId,
      code: r.code,
      nameJa: r.nameJa,
      nameEn: r.nameEn,
      categoryJa: r.categoryJa,
      categoryEn: r.categoryEn,
      required: null,
      desirable: null,
    }));
  const { levels, selfLevels } = await levelsOn(db, personId, asOf, rule, assessedRows, [
    ...mapped,
    ...others.map((o) => o.skillId),
  ]);
  const audience = context ? toAudienceContext(context, ancestry) : undefined;
  const suggestions = suggestCourses(courses, [...current, ...aspiredLines], levels, audience);

  const line = (input: LineInput): SkillGapLine => {
    const level = levels.get(input.skillId);
    const currentLevel = level?.level ?? null;
    return {
      skill: {
        id: input.skillId,
        code: input.code,
        name: loc(input.nameJa, input.nameEn),
        category: loc(input.categoryJa, input.categoryEn),
      },
      requiredLevel: input.required,
      desirableLevel: input.desirable,
      currentLevel,
      currentSource: level?.source ?? null,
      currentOn: level?.assessedOn ?? null,
      selfLevel: selfLevels.get(input.skillId) ?? null,
      gap: Math.max(0, (input.required ?? 0) - (currentLevel ?? 0)),
      suggestedCourses:
        input.required !== null && (input.required ?? 0) > (currentLevel ?? 0)
          ? (suggestions.get(`${input.skillId}:${input.required}`) ?? [])
          : [],
    };
  };
  const positionRef = (p: { id: number; nameJa: string; nameEn: string; companyId: number } | undefined) =>
    p ? { id: p.id, name: loc(p.nameJa, p.nameEn), companyId: p.companyId } : null;
  return {
    asOf,
    personId,
    name: presentName(person),
    position:
      context?.positionId != null
        ? {
            id: context.positionId,
            name: loc(context.positionNameJa ?? "", context.positionNameEn ?? ""),
            companyId: context.companyId,
          }
        : null,
    aspiredPosition: positionRef(aspired),
    currentLevelRule: rule,
    scale: scale.map(presentScaleLevel),
    lines: current.map(line),
    aspiredLines: aspiredLines.map(line),
    otherSkills: others.map(line),
    canSelfAssess: isSelf(actor, relation),
    canManagerAssess: isManagerOf(actor, relation),
    canHrAssess: isHrOf(actor, relation),
  };
}

/**
 * The person's current level (by the group's rule) and latest self-assessment per skill on the day. Today's view
 * (no assessment after the day) comes from person_skill_levels, read with the skills' names already; a day
 * before some assessment reads the history of those skills instead.
 */
async function levelsOn(
  db: Db,
  personId: number,
  asOf: string,
  rule: CurrentLevelRule,
  assessed: PersonLevelRow[],
  skillIds: number[],
): Promise<{ levels: Map<number, LevelRow>; selfLevels: Map<number, number> }> {
  const levels = new Map<number, LevelRow>();
  const selfLevels = new Map<number, number>();
  if (assessed.every((r) => r.any.assessedOn <= asOf)) {
    for (const r of assessed) {
      const level = rule === "latest_any" ? r.any : r.confirmed;
      if (level) levels.set(r.skillId, { personId, skillId: r.skillId, ...level });
      if (r.selfLevel !== null) selfLevels.set(r.skillId, r.selfLevel);
    }
    return { levels, selfLevels };
  }
  const [history, self] = await Promise.all([
    latestLevels(db, [personId], skillIds, asOf, sourcesFor(rule)),
    latestLevels(db, [personId], skillIds, asOf, ["self"]),
  ]);
  for (const row of history) levels.set(row.skillId, row);
  for (const row of self) selfLevels.set(row.skillId, row.level);
  return { levels, selfLevels };
}

/**
 * Courses per (skill, required level) that raise the person above their current level, in their audience:
 * those reaching the required level first, then by target level and code.
 */
function suggestCourses(
  candidates: CourseWithNextSession[],
  lines: LineInput[],
  levels: Map<number, LevelRow>,
  audience: AudienceContext | undefined,
): Map<string, SuggestedCourse[]> {
  const gaps = lines.filter((l) => (l.required ?? 0) > (levels.get(l.skillId)?.level ?? 0));
  const result = new Map<string, SuggestedCourse[]>();
  if (gaps.length === 0) return result;
  const usable = candidates.filter((c) => inAudience(parseAudience(c.audience), audience));
  for (const gap of gaps) {
    const have = levels.get(gap.skillId)?.level ?? 0;
    const required = gap.required ?? 0;
    const list = usable
      .filter((c) => c.skillId === gap.skillId && c.targetLevel > have)
      .sort(
        (a, b) =>
          Number(b.targetLevel >= required) - Number(a.targetLevel >= required) ||
          a.targetLevel - b.targetLevel ||
          a.code.localeCompare(b.code) ||
          a.courseId - b.courseId,
      )
      .slice(0, SUGGESTIONS_PER_SKILL)
      .map(
        (c): SuggestedCourse => ({
          id: c.courseId,
          code: c.code,
          title: loc(c.titleJa, c.titleEn),
          kind: c.kind,
          delivery: c.delivery,
          durationDays: c.durationDays,
          targetLevel: c.targetLevel,
          nextSession: c.nextSession
            ? {
                id: c.nextSession.sessionId,
                startsOn: c.nextSession.startsOn,
                seatsLeft: c.nextSession.seatsLeft,
              }
            : null,
        }),
      );
    result.set(`${gap.skillId}:${gap.required}`, list);
  }
  return result;
}
