/**
 * Applications to postings, up to the release: apply → the company's optional steps (owner review, interviews,
 * offer; see mobility-settings.service.ts) → the release is requested from the applicant's current manager, who
 * learns of the application only then. Every step is one transaction writing the application, an
 * application_events row, the audit log and the notifications. The release, HR confirmation and the move are in
 * application-release.service.ts.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { ApplicationStatus } from "../../shared/mobility-vocab";
import type { Application } from "../../shared/postings-api";
import { assert } from "../access/access.policy";
import { type Actor, actorUserId } from "../access/actor";
import { audit } from "../audit/audit.service";
import {
  type ApplicationViewRow,
  applicationViews,
  currentManagerOf,
  insertApplication,
  insertEvent,
  lockApplication,
  openApplicationOf,
  scoutMatches,
  updateApplication,
} from "./application.repo";
import {
  applicationView,
  BEFORE_CONFIRMATION,
  canRead,
  notifyAbout,
  presentApplications,
  type Roles,
  rolesOf,
} from "./application.view";
import { applicationStepsOf, stepsBeforeRelease } from "./mobility-settings.service";
import { applicantContext, ineligibility } from "./posting.eligibility";
import { canManagePostingOf, isGroupHr } from "./posting.policy";
import { findPosting, lockPosting } from "./posting.repo";

/** One application as the actor may see it (404 when they may not: its existence is not disclosed). */
export async function getApplication(db: Db, actor: Actor, applicationId: number): Promise<Application> {
  const row = await applicationView(db, applicationId);
  if (!row || !canRead(await rolesOf(db, actor, row))) throw AppError.notFound("Application", applicationId);
  return (await presentApplications(db, actor, [row]))[0]!;
}

/**
 * The caller's applications (mine), those waiting for the caller's release (release), or those waiting for HR
 * confirmation in the caller's companies (confirm).
 */
export async function listApplications(
  db: Db,
  actor: Actor,
  view: "mine" | "release" | "confirm",
): Promise<{ items: Application[] }> {
  const personId = actor.kind === "user" ? actor.personId : null;
  if (view === "mine" || view === "release") {
    if (personId === null) return { items: [] };
    const where =
      view === "mine"
        ? sql`ap.person_id = ${personId}`
        : sql`ap.releasing_manager_person_id = ${personId} and ap.status in ('applied','in_review','interviewing','offered')`;
    return { items: await presentApplications(db, actor, await applicationViews(db, where)) };
  }
  if (!isGroupHr(actor) && (actor.kind !== "user" || actor.hrCompanyIds.length === 0))
    throw new AppError("FORBIDDEN", { message: "The confirmation queue is for HR." });
  const scope =
    actor.kind === "user" && !actor.isGroupHr
      ? sql`and (p.company_id = any(${`{${actor.hrCompanyIds.join(",")}}`}::int[]) or e.company_id = any(${`{${actor.hrCompanyIds.join(",")}}`}::int[]))`
      : sql``;
  const rows = await applicationViews(db, sql`ap.status = 'released' ${scope}`);
  return { items: await presentApplications(db, actor, rows) };
}

/** The applications to a posting, for those who manage or own it. */
export async function postingApplications(
  db: Db,
  actor: Actor,
  postingId: number,
): Promise<{ items: Application[] }> {
  const posting = await findPosting(db, postingId);
  if (!posting) throw AppError.notFound("Posting", postingId);
  assert(
    (actor.kind === "user" && posting.ownerUserId === actor.userId) ||
      (await canManagePostingOf(db, actor, posting)),
    "Only the posting's owner, HR and recruiters of the posting company see its applications.",
  );
  const rows = await applicationViews(db, sql`ap.posting_id = ${postingId}`);
  return { items: await presentApplications(db, actor, rows) };
}

/**
 * The signed-in employee applies to an open posting they are eligible for. Refused (nothing written) when the
 * posting is closed or a draft, the person is not eligible, or they already have an open application to it.
 * Also called by scout acceptance (with the scout's id).
 */
export async function applyToPosting(
  db: Db,
  actor: Actor,
  request: { postingId: number; motivation: string; scoutId?: number | null },
): Promise<Application> {
  const personId = actor.kind === "user" ? actor.personId : null;
  if (personId === null)
    throw AppError.validation([{ path: "personId", message: "your account is not linked to a person" }]);
  const posting = await findPosting(db, request.postingId);
  if (!posting || (posting.status === "draft" && !(await canManagePostingOf(db, actor, posting))))
    throw AppError.notFound("Posting", request.postingId);
  if (posting.status !== "open")
    throw AppError.validation([
      { path: "postingId", message: `the posting is ${posting.status}; it takes no applications` },
    ]);
  const existing = await openApplicationOf(db, posting.id, personId);
  if (existing)
    throw new AppError("CONFLICT", {
      message: `You already applied to this posting (application ${existing.id} is ${existing.status}).`,
      fields: [
        { path: "postingId", message: `already applied (application ${existing.id}, ${existing.status})` },
      ],
    });
  const day = today();
  const applicant = await applicantContext(db, personId, day);
  const reasons = ineligibility(posting, applicant, day);
  if (reasons.length)
    throw AppError.validation(
      reasons.map((reason) => ({ path: "postingId", message: reason.message })),
      "You are not eligible for this posting.",
    );
  const scoutId = request.scoutId ?? null;
  if (scoutId !== null && !(await scoutMatches(db, scoutId, posting.id, personId)))
    throw AppError.validation([{ path: "scoutId", message: "is not a scout to you about this posting" }]);
  const id = await withDbErrors(() =>
    db.transaction(async (tx) => {
      const locked = await lockPosting(tx, posting.id);
      if (locked?.status !== "open")
        throw AppError.validation([{ path: "postingId", message: "the posting was closed meanwhile" }]);
      const applicationId = await insertApplication(tx, {
        postingId: posting.id,
        personId,
        employmentId: applicant!.employmentId,
        motivation: request.motivation,
        scoutId,
      });
      await insertEvent(tx, {
        applicationId,
        fromStatus: null,
        toStatus: "applied",
        actorUserId: actorUserId(actor),
      });
      await audit(tx, actor, "mobility.application.create", {
        entity: "application",
        entityId: applicationId,
        detail: { postingId: posting.id, scoutId },
      });
      const row = (await applicationView(tx, applicationId))!;
      await notifyAbout(tx, row, "submitted", ["applicant"]);
      await notifyAbout(tx, row, "received", ["owner"]);
      return applicationId;
    }),
  );
  return getApplication(db, actor, id);
}

/** Runs one step on a locked application: status change, event, audit, then the step's own effects. */
export async function runStep(
  db: Db,
  actor: Actor,
  applicationId: number,
  step: {
    action: string;
    allowed: (roles: Roles, row: ApplicationViewRow) => boolean;
    denied: string;
    check: (row: ApplicationViewRow) => Promise<void> | void;
    apply: (
      tx: Db,
      row: ApplicationViewRow,
    ) => Promise<{ to: ApplicationStatus; note: string | null; detail?: unknown }>;
  },
): Promise<Application> {
  const row = await applicationView(db, applicationId);
  if (!row) throw AppError.notFound("Application", applicationId);
  const roles = await rolesOf(db, actor, row);
  if (!canRead(roles) && !isGroupHr(actor)) throw AppError.notFound("Application", applicationId);
  assert(step.allowed(roles, row), step.denied);
  await step.check(row);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      const locked = await lockApplication(tx, applicationId);
      if (locked?.status !== row.status || locked.releasingManagerPersonId !== row.releasingManagerPersonId)
        throw new AppError("CONFLICT", { message: "The application changed meanwhile; reload it." });
      const { to, note, detail } = await step.apply(tx, row);
      await insertEvent(tx, {
        applicationId,
        fromStatus: row.status,
        toStatus: to,
        actorUserId: actorUserId(actor),
        note,
      });
      await audit(tx, actor, `mobility.application.${step.action}`, {
        entity: "application",
        entityId: applicationId,
        detail: { from: row.status, to, note, ...(detail as object | undefined) },
      });
    }),
  );
  return getApplication(db, actor, applicationId);
}

const isOpen = (status: ApplicationStatus) => BEFORE_CONFIRMATION.includes(status);

function refuseUnless(condition: boolean, message: string): void {
  if (!condition) throw new AppError("CONFLICT", { message });
}

/**
 * The posting owner (or whoever manages the posting) moves the application to the company's next step; after the
 * last optional step the release is requested from the applicant's current manager, who is told only now.
 */
export function advanceApplication(db: Db, actor: Actor, applicationId: number, note: string | null) {
  let manager: number | null = null;
  let next: ApplicationStatus | "release" = "release";
  return runStep(db, actor, applicationId, {
    action: "advance",
    allowed: (roles) => roles.reviewer,
    denied: "Only the posting's owner, HR or recruiters of the posting company move an application on.",
    async check(row) {
      const steps = stepsBeforeRelease(await applicationStepsOf(db, row.postingCompanyId));
      refuseUnless(
        steps.includes(row.status) && row.releasingManagerPersonId === null,
        `The application is ${row.status}${row.releasingManagerPersonId ? " and waits for the manager's release" : ""}; it cannot be moved on.`,
      );
      next = steps[steps.indexOf(row.status) + 1] ?? "release";
      if (next === "release") {
        manager = await currentManagerOf(db, row.personId, today());
        if (manager === null)
          throw AppError.validation([
            {
              path: "id",
              message:
                "the applicant has no line manager or unit head on record today; HR must record one first",
            },
          ]);
      }
    },
    async apply(tx, row) {
      if (next === "release") {
        await updateApplication(tx, row.id, { releasingManagerPersonId: manager });
        const told = { ...row, releasingManagerPersonId: manager };
        await notifyAbout(tx, told, "release_requested", ["manager"]);
        await notifyAbout(tx, told, "step", ["applicant"], { status: "release_requested" });
        return { to: row.status, note, detail: { releasingManagerPersonId: manager } };
      }
      await updateApplication(tx, row.id, { status: next });
      await notifyAbout(tx, row, "step", ["applicant"], { status: next });
      return { to: next, note };
    },
  });
}

/** The posting's reviewers turn an application down (any time before HR confirmation). */
export function rejectApplication(db: Db, actor: Actor, applicationId: number, note: string | null) {
  return runStep(db, actor, applicationId, {
    action: "reject",
    allowed: (roles) => roles.reviewer,
    denied: "Only the posting's owner, HR or recruiters of the posting company turn an application down.",
    check: (row) =>
      refuseUnless(isOpen(row.status), `The application is ${row.status}; it can no longer be turned down.`),
    async apply(tx, row) {
      await updateApplication(tx, row.id, { status: "rejected" });
      await notifyAbout(tx, row, "rejected", ["applicant"]);
      return { to: "rejected", note };
    },
  });
}

/** The applicant withdraws (before HR confirmation), or declines an offer. */
export function withdrawApplication(
  db: Db,
  actor: Actor,
  applicationId: number,
  note: string | null,
  how: "withdrawn" | "declined",
) {
  return runStep(db, actor, applicationId, {
    action: how === "withdrawn" ? "withdraw" : "decline",
    allowed: (roles) => roles.applicant,
    denied: "Only the applicant withdraws or declines.",
    check: (row) =>
      how === "declined"
        ? refuseUnless(
            row.status === "offered",
            `The application is ${row.status}; only an offer can be declined.`,
          )
        : refuseUnless(
            isOpen(row.status),
            `The application is ${row.status}; it can no longer be withdrawn.`,
          ),
    async apply(tx, row) {
      await updateApplication(tx, row.id, { status: how });
      await notifyAbout(tx, row, how, ["owner", "manager"]);
      return { to: how, note };
    },
  });
}
