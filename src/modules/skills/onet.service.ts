/** Loads the O*NET starter library into the group's skill library (idempotent: existing codes are kept). */
import type { Db } from "../../db/client";
import type { LoadOnetResponse } from "../../shared/skills-api";
import { assert, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { maxScaleLevel } from "./library.service";
import { ONET_ATTRIBUTION, onetLevelToScale, onetLibrary, onetSkillCode } from "./onet";
import {
  findCategoryByCode,
  findSkillByCode,
  insertCategory,
  insertSkill,
  replaceAnchors,
} from "./skills.repo";
import { translateSkillsDbError } from "./skills.errors";

export async function loadOnetLibrary(db: Db, actor: Actor): Promise<LoadOnetResponse> {
  assert(isGroupAdmin(actor), "Only group HR may load the starter library.");
  const library = onetLibrary();
  const max = await maxScaleLevel(db);
  return translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const result: LoadOnetResponse = {
        attribution: ONET_ATTRIBUTION,
        categories: { created: 0, existing: 0 },
        skills: { created: 0, existing: 0 },
        anchors: 0,
      };
      const categoryIds = new Map<string, number>();
      for (const category of library.categories) {
        const code = `ONET-${category.code}`;
        const existing = await findCategoryByCode(tx, null, code);
        if (existing) {
          result.categories.existing++;
          categoryIds.set(category.elementId, existing.id);
          continue;
        }
        const created = await insertCategory(tx, {
          companyId: null,
          code,
          nameJa: category.nameJa,
          nameEn: category.nameEn,
          sortOrder: category.sortOrder,
        });
        result.categories.created++;
        categoryIds.set(category.elementId, created.id);
      }
      for (const skill of library.skills) {
        const code = onetSkillCode(skill.elementId);
        if (await findSkillByCode(tx, null, code)) {
          result.skills.existing++;
          continue;
        }
        const skillId = await insertSkill(tx, {
          categoryId: categoryIds.get(skill.category)!,
          companyId: null,
          code,
          nameJa: skill.nameJa,
          nameEn: skill.nameEn,
          descriptionJa: skill.descriptionJa,
          descriptionEn: skill.descriptionEn,
          onetElementId: skill.elementId,
        });
        // O*NET anchors sit at 2, 4 and 6 of its 0–7 scale; two may land on one level of a short scale.
        const anchors = new Map<number, { level: number; descriptionJa: string; descriptionEn: string }>();
        for (const anchor of skill.anchors) {
          const level = onetLevelToScale(anchor.onetLevel, max);
          if (!anchors.has(level))
            anchors.set(level, { level, descriptionJa: anchor.ja, descriptionEn: anchor.en });
        }
        await replaceAnchors(tx, skillId, [...anchors.values()]);
        result.skills.created++;
        result.anchors += anchors.size;
      }
      await audit(tx, actor, "skills.library.load_onet", { entity: "skill_library", detail: result });
      return result;
    }),
  );
}
