/**
 * A person's skills against their position's map (and an aspired position's): current level by the group's
 * rule, the latest self-assessment, the gap, and the courses that close it (the training map from the gap's
 * side), limited to courses whose audience includes the person.
 */
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { PersonSkills, SkillGapLine, SuggestedCourse } from "../../shared/skills-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audienceContextOf, inAudience, parseAudience } from "../learning/audience";
import { coursesForSkills, nextSessions } from "../learning/training-map.repo";
import { findPerson } from "../people/people.repo";
import { presentName } from "../people/people.presenter";
import { findPosition } from "../org/org.repo";
import { assessedSkillIds, latestLevels, levelMap, type LevelRow } from "./assessments.repo";
import { sourcesFor } from "./assessments.service";
import { personContextAt } from "./person-context";
import { requirementsInForce, resolveRequirements, type RequirementRow } from "./skill-maps.repo";
import { canSeePerson, isHrOf, isManagerOf, isSelf, relationTo } from "./skills.policy";
import { loc, presentScaleLevel } from "./skills.presenter";
import { currentLevelRule, listScaleLevels, listSkills } from "./skills.repo";

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
  const relation = await relationTo(db, actor, personId);
  assert(canSeePerson(actor, relation), "You may not see this person.");
  const asOf = query.asOf ?? today();
  const person = (await findPerson(db, personId))!;
  const [context, rule, scale] = await Promise.all([
    personContextAt(db, personId, asOf),
    currentLevelRule(db),
    listScaleLevels(db),
  ]);
  const aspired =
    query.aspiredPositionId === undefined ? undefined : await findPosition(db, query.aspiredPositionId);
  if (query.aspiredPositionId !== undefined && !aspired) {
    throw AppError.validation([
      { path: "aspiredPositionId", message: `position ${query.aspiredPositionId} does not exist` },
    ]);
  }

  const gradeFor = (companyId: number) =>
    context && context.companyId === companyId ? context.gradeId : null;
  const rows = await requirementsInForce(
    db,
    {
      positionIds: [context?.positionId, aspired?.id].filter((id): id is number => typeof id === "number"),
      jobCategoryIds: [context?.jobCategoryId, aspired?.jobCategoryId].filter(
        (id): id is number => typeof id === "number",
      ),
    },
    asOf,
  );
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
  const assessed = (await assessedSkillIds(db, personId))
    .map((r) => r.skillId)
    .filter((id) => !mapped.has(id));
  const others: LineInput[] = (await listSkills(db, { ids: assessed })).map((s) => ({
    skillId: s.id,
    code: s.code,
    nameJa: s.nameJa,
    nameEn: s.nameEn,
    categoryJa: s.categoryNameJa,
    categoryEn: s.categoryNameEn,
    required: null,
    desirable: null,
  }));

  const skillIds = [...mapped, ...assessed];
  const [levels, selfLevels] = await Promise.all([
    latestLevels(db, [personId], skillIds, asOf, sourcesFor(rule)).then(levelMap),
    latestLevels(db, [personId], skillIds, asOf, ["self"]).then(levelMap),
  ]);
  const suggestions = await suggestCourses(db, personId, asOf, [...current, ...aspiredLines], levels);

  const line = (input: LineInput): SkillGapLine => {
    const level = levels.get(`${personId}:${input.skillId}`);
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
      selfLevel: selfLevels.get(`${personId}:${input.skillId}`)?.level ?? null,
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
 * Courses per (skill, required level) that raise the person above their current level, in their audience:
 * those reaching the required level first, then by target level and code.
 */
async function suggestCourses(
  db: Db,
  personId: number,
  asOf: string,
  lines: LineInput[],
  levels: Map<string, LevelRow>,
): Promise<Map<string, SuggestedCourse[]>> {
  const gaps = lines.filter((l) => (l.required ?? 0) > (levels.get(`${personId}:${l.skillId}`)?.level ?? 0));
  const result = new Map<string, SuggestedCourse[]>();
  if (gaps.length === 0) return result;
  const candidates = await coursesForSkills(db, [...new Set(gaps.map((g) => g.skillId))]);
  const audience = await audienceContextOf(db, personId, asOf);
  const usable = candidates.filter((c) => inAudience(parseAudience(c.audience), audience));
  const sessions = new Map(
    (await nextSessions(db, [...new Set(usable.map((c) => c.courseId))], asOf)).map((s) => [s.courseId, s]),
  );
  for (const gap of gaps) {
    const have = levels.get(`${personId}:${gap.skillId}`)?.level ?? 0;
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
      .map((c): SuggestedCourse => {
        const session = sessions.get(c.courseId);
        return {
          id: c.courseId,
          code: c.code,
          title: loc(c.titleJa, c.titleEn),
          kind: c.kind,
          delivery: c.delivery,
          durationDays: c.durationDays,
          targetLevel: c.targetLevel,
          nextSession: session
            ? { id: session.sessionId, startsOn: session.startsOn, seatsLeft: session.seatsLeft }
            : null,
        };
      });
    result.set(`${gap.skillId}:${gap.required}`, list);
  }
  return result;
}
