import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { CurrentLevelRule } from "../../shared/skills-vocab";
import { skillCategories, skillLevelAnchors, skillScaleLevels, skillSettings, skills } from "./skills.schema";

export type ScaleLevelRow = typeof skillScaleLevels.$inferSelect;
export type SkillCategoryRow = typeof skillCategories.$inferSelect;
export type SkillRow = typeof skills.$inferSelect;
export type AnchorRow = typeof skillLevelAnchors.$inferSelect;

export function listScaleLevels(db: Db): Promise<ScaleLevelRow[]> {
  return db.select().from(skillScaleLevels).orderBy(asc(skillScaleLevels.level));
}

export async function replaceScaleLevels(
  db: Db,
  levels: (typeof skillScaleLevels.$inferInsert)[],
): Promise<void> {
  await db.delete(skillScaleLevels);
  if (levels.length) await db.insert(skillScaleLevels).values(levels);
}

export async function currentLevelRule(db: Db): Promise<CurrentLevelRule> {
  const [row] = await db.select().from(skillSettings).where(eq(skillSettings.id, 1));
  return row?.currentLevelRule ?? "latest_confirmed";
}

export async function saveCurrentLevelRule(db: Db, rule: CurrentLevelRule): Promise<void> {
  await saveSkillSettings(db, { currentLevelRule: rule });
}

/** The group's skill settings row (the defaults of the table when the row is missing). */
export async function skillSettingsRow(
  db: Db,
): Promise<{ currentLevelRule: CurrentLevelRule; certificationReminderDays: number[] }> {
  const [row] = await db
    .select({
      currentLevelRule: skillSettings.currentLevelRule,
      certificationReminderDays: skillSettings.certificationReminderDays,
    })
    .from(skillSettings)
    .where(eq(skillSettings.id, 1));
  return row ?? { currentLevelRule: "latest_confirmed", certificationReminderDays: [90, 30] };
}

/** The certification-expiry reminder lead times in days, largest first. */
export async function certificationReminderDays(db: Db): Promise<number[]> {
  return [...(await skillSettingsRow(db)).certificationReminderDays].sort((a, b) => b - a);
}

export async function saveSkillSettings(
  db: Db,
  patch: { currentLevelRule?: CurrentLevelRule; certificationReminderDays?: number[] },
): Promise<void> {
  await db
    .insert(skillSettings)
    .values({ id: 1, ...patch })
    .onConflictDoUpdate({ target: skillSettings.id, set: { ...patch, updatedAt: sql`now()` } });
}

export function listCategories(db: Db, companyId: number | undefined): Promise<SkillCategoryRow[]> {
  const scope =
    companyId === undefined
      ? isNull(skillCategories.companyId)
      : or(isNull(skillCategories.companyId), eq(skillCategories.companyId, companyId));
  return db
    .select()
    .from(skillCategories)
    .where(scope)
    .orderBy(asc(skillCategories.sortOrder), asc(skillCategories.code), asc(skillCategories.id));
}

export async function findCategory(db: Db, id: number): Promise<SkillCategoryRow | undefined> {
  const [row] = await db.select().from(skillCategories).where(eq(skillCategories.id, id));
  return row;
}

export async function findCategoryByCode(
  db: Db,
  companyId: number | null,
  code: string,
): Promise<SkillCategoryRow | undefined> {
  const [row] = await db
    .select()
    .from(skillCategories)
    .where(
      and(
        companyId === null ? isNull(skillCategories.companyId) : eq(skillCategories.companyId, companyId),
        eq(skillCategories.code, code),
      ),
    );
  return row;
}

export async function insertCategory(
  db: Db,
  row: typeof skillCategories.$inferInsert,
): Promise<SkillCategoryRow> {
  const [created] = await db.insert(skillCategories).values(row).returning();
  return created!;
}

export interface SkillWithCategory extends SkillRow {
  categoryNameJa: string;
  categoryNameEn: string;
}

const skillColumns = {
  id: skills.id,
  categoryId: skills.categoryId,
  companyId: skills.companyId,
  code: skills.code,
  nameJa: skills.nameJa,
  nameEn: skills.nameEn,
  descriptionJa: skills.descriptionJa,
  descriptionEn: skills.descriptionEn,
  onetElementId: skills.onetElementId,
  active: skills.active,
  createdAt: skills.createdAt,
  categoryNameJa: skillCategories.nameJa,
  categoryNameEn: skillCategories.nameEn,
};

/** The group library plus (optionally) one company's own skills, by category then code. */
export function listSkills(
  db: Db,
  filter: { companyId?: number | undefined; q?: string | undefined; ids?: number[] },
): Promise<SkillWithCategory[]> {
  const conditions: SQL[] = [];
  if (filter.ids) conditions.push(filter.ids.length ? inArray(skills.id, filter.ids) : sql`false`);
  else
    conditions.push(
      filter.companyId === undefined
        ? isNull(skills.companyId)
        : or(isNull(skills.companyId), eq(skills.companyId, filter.companyId))!,
    );
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(
      sql`(lower(${skills.nameEn}) like ${pattern} or ${skills.nameJa} like ${pattern} or lower(${skills.code}) like ${pattern})`,
    );
  }
  return db
    .select(skillColumns)
    .from(skills)
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .where(and(...conditions))
    .orderBy(asc(skillCategories.sortOrder), asc(skillCategories.id), asc(skills.code), asc(skills.id));
}

export async function findSkill(db: Db, id: number): Promise<SkillWithCategory | undefined> {
  const [row] = await db
    .select(skillColumns)
    .from(skills)
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .where(eq(skills.id, id));
  return row;
}

export async function findSkillByCode(
  db: Db,
  companyId: number | null,
  code: string,
): Promise<SkillRow | undefined> {
  const [row] = await db
    .select()
    .from(skills)
    .where(
      and(
        companyId === null ? isNull(skills.companyId) : eq(skills.companyId, companyId),
        eq(skills.code, code),
      ),
    );
  return row;
}

export async function insertSkill(db: Db, row: typeof skills.$inferInsert): Promise<number> {
  const [created] = await db.insert(skills).values(row).returning({ id: skills.id });
  return created!.id;
}

export async function updateSkill(
  db: Db,
  id: number,
  values: Partial<typeof skills.$inferInsert>,
): Promise<void> {
  if (Object.keys(values).length) await db.update(skills).set(values).where(eq(skills.id, id));
}

export function anchorsOf(db: Db, skillIds: number[]): Promise<AnchorRow[]> {
  if (skillIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(skillLevelAnchors)
    .where(inArray(skillLevelAnchors.skillId, skillIds))
    .orderBy(asc(skillLevelAnchors.skillId), asc(skillLevelAnchors.level));
}

export async function replaceAnchors(
  db: Db,
  skillId: number,
  anchors: Omit<AnchorRow, "skillId">[],
): Promise<void> {
  await db.delete(skillLevelAnchors).where(eq(skillLevelAnchors.skillId, skillId));
  if (anchors.length) await db.insert(skillLevelAnchors).values(anchors.map((a) => ({ ...a, skillId })));
}

/** Which of the given skills exist (and are active), for checking references. */
export async function existingSkills(db: Db, ids: number[]): Promise<Map<number, SkillRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(skills).where(inArray(skills.id, ids)).orderBy(asc(skills.id));
  return new Map(rows.map((row) => [row.id, row]));
}
