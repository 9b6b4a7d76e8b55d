/**
 * Whether a person may apply to a posting today: employed with a primary assignment; group tenure (months since
 * the earliest hire date of the person's employments in the group) at least the minimum; grade rank of the
 * current primary assignment within the range; employed by one of the listed companies; not already in the
 * posting's unit (transfers) or at the host company (overseas). Each failed rule is one reason with a message key.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { Eligibility, Ineligibility } from "../../shared/postings-api";
import { type PersonContext, personContextAt } from "../skills/person-context";
import type { PostingRow } from "./posting.repo";

export function parseEligibility(raw: unknown): Eligibility {
  const value = (raw ?? {}) as Eligibility;
  return {
    ...(value.minTenureMonths !== undefined ? { minTenureMonths: value.minTenureMonths } : {}),
    ...(value.gradeRanks !== undefined ? { gradeRanks: value.gradeRanks } : {}),
    ...(value.companyIds !== undefined ? { companyIds: value.companyIds } : {}),
  };
}

/** Whole months from `from` to `to` (a month counts once its day is reached). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

export interface ApplicantContext {
  context: PersonContext;
  employmentId: number;
  groupHireDate: string;
}

/** The person's place today: primary assignment, its employment and the first hire date in the group. */
export async function applicantContext(
  db: Db,
  personId: number,
  day: string,
): Promise<ApplicantContext | null> {
  const context = await personContextAt(db, personId, day);
  if (!context) return null;
  const [row] = await queryRows<{ employmentId: number; groupHireDate: string }>(
    db,
    sql`select (select a.employment_id from assignments a where a.person_id = ${personId} and a.kind = 'primary'
                  and a.during @> ${day}::date order by a.valid_from desc, a.id desc limit 1) as "employmentId",
               (select min(hire_date)::text from employments where person_id = ${personId}) as "groupHireDate"`,
  );
  return { context, employmentId: row!.employmentId, groupHireDate: row!.groupHireDate };
}

export function ineligibility(
  posting: Pick<PostingRow, "kind" | "orgUnitId" | "hostCompanyId" | "status" | "eligibility">,
  applicant: ApplicantContext | null,
  day: string,
): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (posting.status !== "open")
    reasons.push({ code: "closed", params: {}, message: "the posting is not open for applications" });
  if (!applicant) {
    reasons.push({
      code: "not_employed",
      params: { day },
      message: `you have no current primary assignment on ${day}`,
    });
    return reasons;
  }
  const rules = parseEligibility(posting.eligibility);
  const { context } = applicant;
  if (rules.minTenureMonths !== undefined) {
    const months = monthsBetween(applicant.groupHireDate, day);
    if (months < rules.minTenureMonths)
      reasons.push({
        code: "tenure",
        params: { required: rules.minTenureMonths, actual: months },
        message: `needs at least ${rules.minTenureMonths} months in the group (you have ${months})`,
      });
  }
  const ranks = rules.gradeRanks;
  if (ranks && (ranks.min !== undefined || ranks.max !== undefined)) {
    const rank = context.gradeRank;
    if (
      rank === null ||
      (ranks.min !== undefined && rank < ranks.min) ||
      (ranks.max !== undefined && rank > ranks.max)
    )
      reasons.push({
        code: "grade",
        params: { min: ranks.min ?? null, max: ranks.max ?? null, actual: rank },
        message: `is open to grade ranks ${ranks.min ?? "any"} to ${ranks.max ?? "any"} (yours: ${rank ?? "none"})`,
      });
  }
  if (rules.companyIds && rules.companyIds.length > 0 && !rules.companyIds.includes(context.companyId))
    reasons.push({
      code: "company",
      params: {},
      message: "is open to employees of other companies than yours",
    });
  if (posting.kind !== "overseas" && context.orgUnitId === posting.orgUnitId)
    reasons.push({ code: "same_unit", params: {}, message: "you already work in the posting's unit" });
  if (posting.kind === "overseas" && context.companyId === posting.hostCompanyId)
    reasons.push({ code: "host_company", params: {}, message: "you already work at the host company" });
  return reasons;
}
