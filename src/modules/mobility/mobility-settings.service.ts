/**
 * A company's application workflow: which optional steps (owner review, interviews, offer) its postings use.
 * Release by the current manager and HR confirmation are always part of it. Without a row every step is used.
 * HR of the company (and group HR) read and change it; every signed-in user may read it (the applicant's status
 * timeline shows the steps ahead).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { AppError } from "../../shared/errors";
import {
  type ApplicationStatus,
  OPTIONAL_APPLICATION_STEPS,
  type OptionalApplicationStep,
} from "../../shared/mobility-vocab";
import type { MobilitySettings } from "../../shared/postings-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany } from "../org/org.repo";
import { mobilitySettings } from "./mobility.schema";
import { isCompanyHr } from "./posting.policy";

export async function applicationStepsOf(db: Db, companyId: number): Promise<OptionalApplicationStep[]> {
  const [row] = await db
    .select({ steps: mobilitySettings.applicationSteps })
    .from(mobilitySettings)
    .where(eq(mobilitySettings.companyId, companyId));
  if (!row) return [...OPTIONAL_APPLICATION_STEPS];
  const chosen = row.steps as string[];
  return OPTIONAL_APPLICATION_STEPS.filter((step) => chosen.includes(step));
}

/** The statuses an application passes before the release, in order: applied, then the company's optional steps. */
export function stepsBeforeRelease(optional: OptionalApplicationStep[]): ApplicationStatus[] {
  return ["applied", ...OPTIONAL_APPLICATION_STEPS.filter((step) => optional.includes(step))];
}

export async function getMobilitySettings(
  db: Db,
  _actor: Actor,
  companyId: number,
): Promise<MobilitySettings> {
  if (!(await findCompany(db, companyId))) throw AppError.notFound("Company", companyId);
  return { companyId, applicationSteps: await applicationStepsOf(db, companyId) };
}

export async function updateMobilitySettings(
  db: Db,
  actor: Actor,
  companyId: number,
  request: { applicationSteps: OptionalApplicationStep[] },
): Promise<MobilitySettings> {
  if (!(await findCompany(db, companyId))) throw AppError.notFound("Company", companyId);
  assert(isCompanyHr(actor, companyId), "Only HR of the company may change its application workflow.");
  const steps = OPTIONAL_APPLICATION_STEPS.filter((step) => request.applicationSteps.includes(step));
  await db.transaction(async (tx) => {
    const before = await applicationStepsOf(tx, companyId);
    await tx
      .insert(mobilitySettings)
      .values({ companyId, applicationSteps: steps })
      .onConflictDoUpdate({
        target: mobilitySettings.companyId,
        set: { applicationSteps: steps, updatedAt: sql`now()` },
      });
    await audit(tx, actor, "mobility.settings.update", {
      entity: "company",
      entityId: companyId,
      detail: { before, after: steps },
    });
  });
  return { companyId, applicationSteps: steps };
}
