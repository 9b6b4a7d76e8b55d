import type { ScaleLevel, Skill } from "../../shared/skills-api";
import type { AnchorRow, ScaleLevelRow, SkillWithCategory } from "./skills.repo";

export const loc = (ja: string, en: string) => ({ ja, en });

export function presentScaleLevel(row: ScaleLevelRow): ScaleLevel {
  return {
    level: row.level,
    name: loc(row.nameJa, row.nameEn),
    description: loc(row.descriptionJa, row.descriptionEn),
  };
}

export function presentSkill(row: SkillWithCategory): Skill {
  return {
    id: row.id,
    categoryId: row.categoryId,
    category: loc(row.categoryNameJa, row.categoryNameEn),
    companyId: row.companyId,
    code: row.code,
    name: loc(row.nameJa, row.nameEn),
    description: loc(row.descriptionJa, row.descriptionEn),
    onetElementId: row.onetElementId,
    active: row.active,
  };
}

/**
 * What a level means for a skill: the skill's own anchor at that level, else the scale's description of the
 * level (so that every required level on a job description reads as something concrete).
 */
export function anchorText(
  level: number,
  skillAnchors: AnchorRow[],
  scale: ScaleLevelRow[],
): { ja: string; en: string } {
  const own = skillAnchors.find((a) => a.level === level);
  if (own) return loc(own.descriptionJa, own.descriptionEn);
  const generic = scale.find((s) => s.level === level);
  return generic ? loc(generic.descriptionJa, generic.descriptionEn) : loc("", "");
}
