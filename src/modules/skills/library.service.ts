/** The skill library: the proficiency scale, categories, skills and their level anchors. */
import type { z } from "zod";
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/query";
import { AppError, type FieldError } from "../../shared/errors";
import type {
  CreateSkillRequest,
  SkillDetail,
  SkillScale,
  ZCreateSkillCategoryRequest,
  ZUpdateSkillRequest,
  ZUpdateSkillScaleRequest,
} from "../../shared/skills-api";
import { assert, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany } from "../org/org.repo";
import { coursesForSkills } from "../learning/training-map.repo";
import { canEditCatalog } from "./skills.policy";
import { loc, presentScaleLevel, presentSkill } from "./skills.presenter";
import {
  anchorsOf,
  currentLevelRule,
  findCategory,
  findSkill,
  insertCategory,
  insertSkill,
  listCategories,
  listScaleLevels,
  listSkills,
  replaceAnchors,
  replaceScaleLevels,
  saveCurrentLevelRule,
  updateSkill as updateSkillRow,
} from "./skills.repo";
import { translateSkillsDbError } from "./skills.errors";

export async function getScale(db: Db): Promise<SkillScale> {
  const [levels, rule] = await Promise.all([listScaleLevels(db), currentLevelRule(db)]);
  return {
    levels: levels.map(presentScaleLevel),
    maxLevel: levels.at(-1)?.level ?? 0,
    currentLevelRule: rule,
  };
}

/** The highest level of the scale; every level a client sends is checked against it. */
export async function maxScaleLevel(db: Db): Promise<number> {
  return (await listScaleLevels(db)).at(-1)?.level ?? 5;
}

export function levelErrors(
  levels: { path: string; level: number | null | undefined }[],
  max: number,
): FieldError[] {
  return levels
    .filter((l) => l.level !== null && l.level !== undefined && (l.level < 0 || l.level > max))
    .map((l) => ({ path: l.path, message: `must be a level of the scale, 0 to ${max}` }));
}

/** Group HR changes the scale; levels still in use (maps, assessments, courses) may not disappear. */
export async function updateScale(
  db: Db,
  actor: Actor,
  request: z.infer<typeof ZUpdateSkillScaleRequest>,
): Promise<SkillScale> {
  assert(isGroupAdmin(actor), "Only group HR may change the proficiency scale.");
  const max = request.levels.length - 1;
  const [used] = await queryRows<{ level: number | null }>(
    db,
    sql`select greatest(
          (select max(greatest(required_level, coalesce(desirable_level, 0))) from skill_requirements),
          (select max(level) from skill_assessments),
          (select max(target_level) from course_skills),
          (select max(level) from skill_level_anchors))::int as level`,
  );
  if (used?.level !== null && used?.level !== undefined && used.level > max) {
    throw AppError.validation([
      {
        path: "levels",
        message: `level ${used.level} is in use; the scale must reach at least ${used.level}`,
      },
    ]);
  }
  await db.transaction(async (tx) => {
    await replaceScaleLevels(
      tx,
      request.levels.map((l) => ({ ...l })),
    );
    await saveCurrentLevelRule(tx, request.currentLevelRule);
    await audit(tx, actor, "skills.scale.update", { entity: "skill_scale", detail: request });
  });
  return getScale(db);
}

export async function categories(db: Db, companyId: number | undefined) {
  return (await listCategories(db, companyId)).map((row) => ({
    id: row.id,
    companyId: row.companyId,
    code: row.code,
    name: loc(row.nameJa, row.nameEn),
    sortOrder: row.sortOrder,
  }));
}

async function checkCompany(db: Db, companyId: number | null): Promise<void> {
  if (companyId !== null && !(await findCompany(db, companyId))) {
    throw AppError.validation([{ path: "companyId", message: `company ${companyId} does not exist` }]);
  }
}

export async function createCategory(
  db: Db,
  actor: Actor,
  request: z.infer<typeof ZCreateSkillCategoryRequest>,
) {
  await checkCompany(db, request.companyId);
  assert(canEditCatalog(actor, request.companyId), "You may not add skill categories here.");
  return translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const row = await insertCategory(tx, { ...request, code: request.code.toUpperCase() });
      await audit(tx, actor, "skills.category.create", {
        entity: "skill_category",
        entityId: row.id,
        detail: request,
      });
      return {
        id: row.id,
        companyId: row.companyId,
        code: row.code,
        name: loc(row.nameJa, row.nameEn),
        sortOrder: row.sortOrder,
      };
    }),
  );
}

export async function skillsList(db: Db, filter: { companyId?: number | undefined; q?: string | undefined }) {
  return (await listSkills(db, filter)).map(presentSkill);
}

export async function getSkill(db: Db, skillId: number): Promise<SkillDetail> {
  const row = await findSkill(db, skillId);
  if (!row) throw AppError.notFound("Skill", skillId);
  const [anchors, courseRows] = await Promise.all([
    anchorsOf(db, [skillId]),
    coursesForSkills(db, [skillId]),
  ]);
  return {
    ...presentSkill(row),
    anchors: anchors.map((a) => ({ level: a.level, description: loc(a.descriptionJa, a.descriptionEn) })),
    courses: courseRows.map((c) => ({
      id: c.courseId,
      code: c.code,
      title: loc(c.titleJa, c.titleEn),
      targetLevel: c.targetLevel,
    })),
  };
}

function anchorChecks(anchors: { level: number }[], max: number): FieldError[] {
  const fields = levelErrors(
    anchors.map((a, i) => ({ path: `anchors.${i}.level`, level: a.level })),
    max,
  );
  const seen = new Set<number>();
  anchors.forEach((a, i) => {
    if (seen.has(a.level))
      fields.push({ path: `anchors.${i}.level`, message: `level ${a.level} is given twice` });
    seen.add(a.level);
  });
  return fields;
}

export async function createSkill(db: Db, actor: Actor, request: CreateSkillRequest): Promise<SkillDetail> {
  await checkCompany(db, request.companyId);
  assert(canEditCatalog(actor, request.companyId), "You may not add skills here.");
  const fields = anchorChecks(request.anchors, await maxScaleLevel(db));
  const category = await findCategory(db, request.categoryId);
  if (!category)
    fields.push({ path: "categoryId", message: `skill category ${request.categoryId} does not exist` });
  else if (category.companyId !== null && category.companyId !== request.companyId) {
    fields.push({ path: "categoryId", message: "the category belongs to another company" });
  }
  if (fields.length) throw AppError.validation(fields);
  const id = await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const { anchors, ...skill } = request;
      const skillId = await insertSkill(tx, { ...skill, code: skill.code.toUpperCase() });
      await replaceAnchors(tx, skillId, anchors);
      await audit(tx, actor, "skills.skill.create", { entity: "skill", entityId: skillId, detail: request });
      return skillId;
    }),
  );
  return getSkill(db, id);
}

export async function updateSkill(
  db: Db,
  actor: Actor,
  skillId: number,
  request: z.infer<typeof ZUpdateSkillRequest>,
): Promise<SkillDetail> {
  const row = await findSkill(db, skillId);
  if (!row) throw AppError.notFound("Skill", skillId);
  assert(canEditCatalog(actor, row.companyId), "You may not change this skill.");
  if (request.anchors) {
    const fields = anchorChecks(request.anchors, await maxScaleLevel(db));
    if (fields.length) throw AppError.validation(fields);
  }
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const { anchors, ...values } = request;
      await updateSkillRow(tx, skillId, values);
      if (anchors) await replaceAnchors(tx, skillId, anchors);
      await audit(tx, actor, "skills.skill.update", { entity: "skill", entityId: skillId, detail: request });
    }),
  );
  return getSkill(db, skillId);
}
