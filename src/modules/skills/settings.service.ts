/**
 * The group's skill settings (the single row of skill_settings): the current-level rule (docs/skills-and-learning.md
 * "Current level") and the certification-expiry reminder lead times. Group HR only; every field checked and named
 * in the error, saved in one transaction and audited. The proficiency scale (PUT /api/skills/scale) also sets the
 * current-level rule.
 */
import type { Db } from "../../db/client";
import { AppError, type FieldError } from "../../shared/errors";
import {
  REMINDER_DAYS_BOUNDS,
  type SkillSettings,
  type UpdateSkillSettingsRequest,
} from "../../shared/skills-api";
import { assert, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { translateSkillsDbError } from "./skills.errors";
import { saveSkillSettings, skillSettingsRow } from "./skills.repo";

const { minCount, maxCount, minDays, maxDays } = REMINDER_DAYS_BOUNDS;
const ACCEPTED = `${minCount} to ${maxCount} whole numbers of days, each from ${minDays} to ${maxDays} (e.g. 90, 30)`;

/**
 * Checks reminder lead times: 1–5 whole numbers of days, each 1–366. A day given twice counts once; the result
 * is largest first (the order the reminders go out in).
 */
export function checkReminderDays(
  value: readonly number[],
  path = "certificationReminderDays",
): { days: number[] } | { errors: FieldError[] } {
  const wrong = value.filter((d) => !Number.isInteger(d) || d < minDays || d > maxDays);
  if (wrong.length)
    return {
      errors: [{ path, message: `must be ${ACCEPTED}; ${wrong.join(", ")} is not` }],
    };
  const days = [...new Set(value)].sort((a, b) => b - a);
  if (days.length < minCount || days.length > maxCount)
    return {
      errors: [{ path, message: `must be ${ACCEPTED}; ${days.length} lead times given` }],
    };
  return { days };
}

const present = (row: Awaited<ReturnType<typeof skillSettingsRow>>): SkillSettings => ({
  currentLevelRule: row.currentLevelRule,
  certificationReminderDays: [...row.certificationReminderDays].sort((a, b) => b - a),
});

export async function getSkillSettings(db: Db, actor: Actor): Promise<SkillSettings> {
  assert(isGroupAdmin(actor), "Only group HR may see the group's skill settings.");
  return present(await skillSettingsRow(db));
}

/** Changes either setting or both (a field left out keeps its value). */
export async function updateSkillSettings(
  db: Db,
  actor: Actor,
  request: UpdateSkillSettingsRequest,
): Promise<SkillSettings> {
  assert(isGroupAdmin(actor), "Only group HR may change the group's skill settings.");
  const patch: {
    currentLevelRule?: SkillSettings["currentLevelRule"];
    certificationReminderDays?: number[];
  } = {};
  if (request.currentLevelRule !== undefined) patch.currentLevelRule = request.currentLevelRule;
  if (request.certificationReminderDays !== undefined) {
    const checked = checkReminderDays(request.certificationReminderDays);
    if ("errors" in checked) throw AppError.validation(checked.errors);
    patch.certificationReminderDays = checked.days;
  }
  if (Object.keys(patch).length === 0)
    throw AppError.validation([
      { path: "body", message: "give currentLevelRule, certificationReminderDays or both" },
    ]);
  await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const before = present(await skillSettingsRow(tx));
      await saveSkillSettings(tx, patch);
      await audit(tx, actor, "skills.settings.update", {
        entity: "skill_settings",
        entityId: 1,
        detail: { before, after: { ...before, ...patch } },
      });
    }),
  );
  return present(await skillSettingsRow(db));
}
