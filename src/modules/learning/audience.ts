/** Target-audience rules of a course, and whether a person falls inside them on a day. */
import type { Db } from "../../db/client";
import { type CourseAudience, ZCourseAudience } from "../../shared/skills-api";
import { orgUnitAncestry, type PersonContext, personContextAt } from "../skills/person-context";

export interface AudienceContext {
  companyId: number;
  gradeRank: number | null;
  jobCategoryCode: string | null;
  /** The person's org unit and every unit above it. */
  orgUnitIds: number[];
  isManager: boolean;
}

export async function audienceContextOf(
  db: Db,
  personId: number,
  day: string,
): Promise<AudienceContext | undefined> {
  const context = await personContextAt(db, personId, day);
  if (!context) return undefined;
  return toAudienceContext(context, await orgUnitAncestry(db, context.orgUnitId, day));
}

export function toAudienceContext(context: PersonContext, orgUnitIds: number[]): AudienceContext {
  return {
    companyId: context.companyId,
    gradeRank: context.gradeRank,
    jobCategoryCode: context.jobCategoryCode,
    orgUnitIds,
    isManager: context.isManagerLevel || context.isHead,
  };
}

/** Reads a stored audience (jsonb), tolerating rows written before a rule existed. */
export function parseAudience(value: unknown): CourseAudience {
  const parsed = ZCourseAudience.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Every rule given must hold; an empty audience is everyone. Somebody without an assignment is in no audience with rules. */
export function inAudience(audience: CourseAudience, context: AudienceContext | undefined): boolean {
  const hasRules =
    !!audience.companyIds?.length ||
    audience.gradeRankMin !== undefined ||
    audience.gradeRankMax !== undefined ||
    !!audience.jobCategoryCodes?.length ||
    !!audience.orgUnitIds?.length ||
    audience.managersOnly === true;
  if (!hasRules) return true;
  if (!context) return false;
  if (audience.companyIds?.length && !audience.companyIds.includes(context.companyId)) return false;
  if (
    audience.gradeRankMin !== undefined &&
    (context.gradeRank === null || context.gradeRank < audience.gradeRankMin)
  )
    return false;
  if (
    audience.gradeRankMax !== undefined &&
    (context.gradeRank === null || context.gradeRank > audience.gradeRankMax)
  )
    return false;
  if (
    audience.jobCategoryCodes?.length &&
    (context.jobCategoryCode === null || !audience.jobCategoryCodes.includes(context.jobCategoryCode))
  ) {
    return false;
  }
  if (audience.orgUnitIds?.length && !audience.orgUnitIds.some((id) => context.orgUnitIds.includes(id)))
    return false;
  if (audience.managersOnly === true && !context.isManager) return false;
  return true;
}
