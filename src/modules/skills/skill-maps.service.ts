/** Skill maps (required and desirable levels per position, grade and job category) and job description pages. */
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type { JobDescription, SetSkillMapRequest } from "../../shared/skills-api";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany, findPosition, listGrades } from "../org/org.repo";
import { jobCategories } from "../org/org.schema";
import { levelErrors } from "./library.service";
import { deriveSkillMap, ONET_ATTRIBUTION, onetSkillCode } from "./onet";
import { anchorText, loc, presentScaleLevel } from "./skills.presenter";
import { anchorsOf, existingSkills, findSkillByCode, listScaleLevels } from "./skills.repo";
import { translateSkillsDbError } from "./skills.errors";
import {
  deleteLines,
  endLines,
  insertLines,
  laterLines,
  linesFrom,
  positionHolders,
  positionsWithMaps,
  requirementsInForce,
  resolveRequirements,
} from "./skill-maps.repo";

async function requirePosition(db: Db, positionId: number) {
  const position = await findPosition(db, positionId);
  if (!position) throw AppError.notFound("Position", positionId);
  return position;
}

/** The page a person reads to see what a role needs: every signed-in user may read it. */
export async function getJobDescription(
  db: Db,
  actor: Actor,
  positionId: number,
  query: { asOf?: string | undefined; gradeId?: number | undefined },
): Promise<JobDescription> {
  const asOf = query.asOf ?? today();
  const position = await requirePosition(db, positionId);
  const company = (await findCompany(db, position.companyId))!;
  const grades = await listGrades(db, position.companyId);
  const gradeId = query.gradeId ?? null;
  if (gradeId !== null && !grades.some((g) => g.id === gradeId)) {
    throw AppError.validation([{ path: "gradeId", message: "is not a grade of the position's company" }]);
  }
  const [category] = position.jobCategoryId
    ? await db.select().from(jobCategories).where(eq(jobCategories.id, position.jobCategoryId))
    : [];
  const rows = await requirementsInForce(
    db,
    { positionIds: [positionId], jobCategoryIds: category && gradeId !== null ? [category.id] : [] },
    asOf,
  );
  const lines = resolveRequirements(rows, { positionId, jobCategoryId: category?.id ?? null, gradeId });
  const [scale, anchors, holders] = await Promise.all([
    listScaleLevels(db),
    anchorsOf(
      db,
      lines.map((l) => l.skillId),
    ),
    positionHolders(db, positionId, asOf),
  ]);
  const anchorsBySkill = (skillId: number) => anchors.filter((a) => a.skillId === skillId);
  return {
    asOf,
    position: {
      id: position.id,
      code: position.code,
      name: loc(position.nameJa, position.nameEn),
      onetSocCode: position.onetSocCode,
      company: { id: company.id, code: company.code, name: loc(company.nameJa, company.nameEn) },
      jobCategory: category
        ? { id: category.id, code: category.code, name: loc(category.nameJa, category.nameEn) }
        : null,
    },
    gradeId,
    grades: grades.map((g) => ({ id: g.id, code: g.code, name: loc(g.nameJa, g.nameEn) })),
    entries: lines.map((line) => ({
      skill: {
        id: line.skillId,
        code: line.skillCode,
        name: loc(line.skillNameJa, line.skillNameEn),
        category: loc(line.categoryNameJa, line.categoryNameEn),
      },
      requiredLevel: line.requiredLevel,
      desirableLevel: line.desirableLevel,
      source: line.source,
      gradeId: line.gradeId,
      validFrom: line.validFrom,
      requiredAnchor: anchorText(line.requiredLevel, anchorsBySkill(line.skillId), scale),
      desirableAnchor:
        line.desirableLevel === null
          ? null
          : anchorText(line.desirableLevel, anchorsBySkill(line.skillId), scale),
    })),
    scale: scale.map(presentScaleLevel),
    holders,
    canEdit: canManageCompany(actor, position.companyId),
    attribution: lines.some((l) => l.skillCode.startsWith("ONET-")) ? ONET_ATTRIBUTION : null,
  };
}

export async function positionCatalog(db: Db, companyId: number, asOf = today()) {
  if (!(await findCompany(db, companyId))) throw AppError.notFound("Company", companyId);
  return {
    items: (await positionsWithMaps(db, companyId, asOf)).map((row) => ({
      id: row.id,
      code: row.code,
      name: loc(row.nameJa, row.nameEn),
      jobCategory:
        row.jobCategoryId === null
          ? null
          : {
              id: row.jobCategoryId,
              code: row.jobCategoryCode ?? "",
              name: loc(row.jobCategoryNameJa ?? "", row.jobCategoryNameEn ?? ""),
            },
      skills: row.skills,
    })),
  };
}

/**
 * Replaces a position's map (for all grades, or one grade) from a date: lines in force end the day before,
 * lines already starting that day are replaced, and a map planned for a later date is refused.
 */
export async function setSkillMap(
  db: Db,
  actor: Actor,
  positionId: number,
  request: SetSkillMapRequest,
): Promise<JobDescription> {
  const position = await requirePosition(db, positionId);
  assert(canManageCompany(actor, position.companyId), "You may not change this company's skill maps.");
  const max = (await listScaleLevels(db)).at(-1)?.level ?? 5;
  const fields: FieldError[] = [];
  if (request.gradeId !== null) {
    const grades = await listGrades(db, position.companyId);
    if (!grades.some((g) => g.id === request.gradeId))
      fields.push({ path: "gradeId", message: "is not a grade of the position's company" });
  }
  const known = await existingSkills(
    db,
    request.entries.map((e) => e.skillId),
  );
  const seen = new Set<number>();
  request.entries.forEach((entry, i) => {
    const skill = known.get(entry.skillId);
    if (!skill)
      fields.push({ path: `entries.${i}.skillId`, message: `skill ${entry.skillId} does not exist` });
    else if (skill.companyId !== null && skill.companyId !== position.companyId) {
      fields.push({ path: `entries.${i}.skillId`, message: "the skill belongs to another company" });
    }
    if (seen.has(entry.skillId))
      fields.push({ path: `entries.${i}.skillId`, message: "the skill is listed twice" });
    seen.add(entry.skillId);
    fields.push(
      ...levelErrors(
        [
          { path: `entries.${i}.requiredLevel`, level: entry.requiredLevel },
          { path: `entries.${i}.desirableLevel`, level: entry.desirableLevel },
        ],
        max,
      ),
    );
    if (entry.desirableLevel !== null && entry.desirableLevel < entry.requiredLevel) {
      fields.push({ path: `entries.${i}.desirableLevel`, message: "must not be below the required level" });
    }
  });
  const later = await laterLines(db, positionId, request.gradeId, request.validFrom);
  if (later.length) {
    fields.push({
      path: "validFrom",
      message: `a later version of this map starts on ${later[0]!.validFrom}; change it from that date`,
    });
  }
  if (fields.length) throw AppError.validation(fields);
  await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const current = await linesFrom(tx, positionId, request.gradeId, request.validFrom);
      await deleteLines(
        tx,
        current.filter((l) => l.validFrom === request.validFrom).map((l) => l.id),
      );
      await endLines(
        tx,
        current.filter((l) => l.validFrom < request.validFrom).map((l) => l.id),
        addDays(request.validFrom, -1),
      );
      await insertLines(
        tx,
        request.entries.map((e) => ({
          companyId: position.companyId,
          positionId,
          jobCategoryId: null,
          gradeId: request.gradeId,
          skillId: e.skillId,
          requiredLevel: e.requiredLevel,
          desirableLevel: e.desirableLevel,
          validFrom: request.validFrom,
        })),
      );
      await audit(tx, actor, "skills.map.set", {
        entity: "position",
        entityId: positionId,
        detail: {
          ...request,
          before: current.map((l) => ({
            skillId: l.skillId,
            requiredLevel: l.requiredLevel,
            validFrom: l.validFrom,
          })),
        },
      });
    }),
  );
  return getJobDescription(db, actor, positionId, {
    asOf: request.validFrom,
    ...(request.gradeId ? { gradeId: request.gradeId } : {}),
  });
}

/** Sets a position's map from O*NET's ratings of its O*NET-SOC code (needs the O*NET starter library). */
export async function deriveSkillMapFromOnet(
  db: Db,
  actor: Actor,
  positionId: number,
  validFrom: string,
): Promise<JobDescription> {
  const position = await requirePosition(db, positionId);
  if (!position.onetSocCode) {
    throw AppError.validation([{ path: "positionId", message: "the position has no O*NET-SOC code" }]);
  }
  const max = (await listScaleLevels(db)).at(-1)?.level ?? 5;
  const derived = deriveSkillMap(position.onetSocCode, { maxLevel: max });
  if (derived.length === 0) {
    throw AppError.validation([
      { path: "positionId", message: `O*NET has no skill ratings for ${position.onetSocCode}` },
    ]);
  }
  const entries = [];
  for (const line of derived) {
    const skill = await findSkillByCode(db, null, onetSkillCode(line.elementId));
    if (!skill)
      throw AppError.validation([
        { path: "positionId", message: "load the O*NET starter library first (tekizai skills load-onet)" },
      ]);
    entries.push({
      skillId: skill.id,
      requiredLevel: line.requiredLevel,
      desirableLevel: line.desirableLevel,
    });
  }
  return setSkillMap(db, actor, positionId, { validFrom, gradeId: null, entries });
}
