/**
 * The end of an application: the current manager releases the person (for side assignments and projects: approves
 * the share of time, refused when the person's total FTE would exceed 100%); HR of the posting company or of the
 * applicant's company confirms with an effective date (today or later) and the move is written at once as dated
 * assignments (moves.service.ts); on the effective date `completeDueMoves` marks the application `moved` and tells
 * the people concerned. It runs at server start, every few hours while the server runs, and from
 * `tekizai mobility run-moves`.
 */
import type { Db } from "../../db/client";
import { addDays, today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { Application } from "../../shared/postings-api";
import { type Actor, SYSTEM_ACTOR } from "../access/actor";
import { audit } from "../audit/audit.service";
import { dueApplications, insertEvent, lockApplication, updateApplication } from "./application.repo";
import { getApplication, runStep } from "./application.service";
import { applicationView, notifyAbout } from "./application.view";
import { assignmentsFrom } from "./moves.repo";
import { periodEnd } from "./moves.rules";
import { type Move, scheduleMove } from "./moves.service";
import { checkSideShare } from "./moves.side-assignment";
import { findPosting } from "./posting.repo";

const takesShare = (kind: string) => kind === "side_assignment" || kind === "project";

export function releaseApplication(
  db: Db,
  actor: Actor,
  applicationId: number,
  request: { approvedFteShare: number | null; note: string | null },
): Promise<Application> {
  let share: number | null = null;
  return runStep(db, actor, applicationId, {
    action: "release",
    allowed: (roles) => roles.releaser,
    denied: "Only the applicant's current manager may release them.",
    async check(row) {
      if (
        row.releasingManagerPersonId === null ||
        !["applied", "in_review", "interviewing", "offered"].includes(row.status)
      )
        throw new AppError("CONFLICT", {
          message: `The application is ${row.status}; it does not wait for a release.`,
        });
      if (!takesShare(row.postingKind)) {
        if (request.approvedFteShare !== null)
          throw AppError.validation([
            { path: "approvedFteShare", message: "only side assignments and projects take a share of time" },
          ]);
        return;
      }
      share = request.approvedFteShare ?? row.postingFteShare;
      if (share === null || (row.postingFteShare !== null && share > row.postingFteShare + 1e-9))
        throw AppError.validation([
          {
            path: "approvedFteShare",
            message: `must be more than 0 and at most the posting's share ${row.postingFteShare ?? "?"}`,
          },
        ]);
      const day = today();
      const until = row.postingDurationMonths === null ? null : periodEnd(day, row.postingDurationMonths);
      const running = await assignmentsFrom(db, row.personId, day);
      const problem = checkSideShare(running, row.employmentId, share, day, until);
      if (problem) throw AppError.validation([{ path: "approvedFteShare", message: problem.message }]);
    },
    async apply(tx, row) {
      await updateApplication(tx, row.id, { status: "released", approvedFteShare: share });
      await notifyAbout(tx, row, "released", ["applicant", "owner", "hr"]);
      return { to: "released", note: request.note, detail: { approvedFteShare: share } };
    },
  });
}

export async function confirmApplication(
  db: Db,
  actor: Actor,
  applicationId: number,
  request: { effectiveOn: string; endsOn: string | null; note: string | null },
): Promise<Application> {
  const day = today();
  let move: Move | undefined;
  const result = await runStep(db, actor, applicationId, {
    action: "confirm",
    allowed: (roles) => roles.confirmer,
    denied: "Only HR of the posting company or of the applicant's company confirms a move.",
    async check(row) {
      if (row.status !== "released")
        throw new AppError("CONFLICT", {
          message: `The application is ${row.status}; HR confirms released ones.`,
        });
      if (request.effectiveOn < day)
        throw AppError.validation([
          { path: "effectiveOn", message: `must not be in the past (today is ${day})` },
        ]);
      const posting = (await findPosting(db, row.postingId))!;
      const base = {
        personId: row.personId,
        effectiveOn: request.effectiveOn,
        toOrgUnitId: posting.orgUnitId,
        toPositionId: posting.positionId,
        fromEmploymentId: row.employmentId,
      };
      const defaultEnd =
        posting.durationMonths === null ? null : periodEnd(request.effectiveOn, posting.durationMonths);
      const endsOn = request.endsOn ?? defaultEnd;
      if (posting.kind === "transfer") {
        if (request.endsOn !== null)
          throw AppError.validation([{ path: "endsOn", message: "a transfer has no end date" }]);
        move = { ...base, kind: "transfer" };
      } else if (endsOn !== null && endsOn < request.effectiveOn) {
        throw AppError.validation([{ path: "endsOn", message: "must not be before the effective date" }]);
      } else if (posting.kind === "overseas") {
        move = { ...base, kind: "overseas", endsOn: endsOn ?? addDays(request.effectiveOn, 364) };
      } else {
        move = {
          ...base,
          kind: "side_assignment",
          fte: row.approvedFteShare ?? posting.fteShare ?? 0,
          endsOn,
        };
      }
    },
    async apply(tx, row) {
      const scheduled = await scheduleMove(tx, actor, move!);
      await updateApplication(tx, row.id, {
        status: "confirmed",
        effectiveOn: scheduled.effectiveOn,
        endsOn: scheduled.endsOn,
        resultingAssignmentId: scheduled.assignmentId,
      });
      await notifyAbout(tx, row, "confirmed", ["applicant", "manager", "owner"], {
        effectiveOn: scheduled.effectiveOn,
      });
      return { to: "confirmed", note: request.note, detail: { move: scheduled } };
    },
  });
  if (request.effectiveOn <= day) {
    await completeDueMoves(db, day);
    return getApplication(db, actor, applicationId);
  }
  return result;
}

/**
 * Marks every confirmed application whose effective date has come as `moved` and notifies the applicant, the
 * releasing manager and the posting owner (once: the notifications carry dedupe keys). Returns the ids moved.
 */
export async function completeDueMoves(db: Db, asOf: string = today()): Promise<number[]> {
  const actor: Actor = { ...SYSTEM_ACTOR, origin: "mobility.run-moves" };
  const moved: number[] = [];
  for (const { id } of await dueApplications(db, asOf)) {
    const done = await db.transaction(async (tx) => {
      const locked = await lockApplication(tx, id);
      if (locked?.status !== "confirmed") return false;
      await updateApplication(tx, id, { status: "moved" });
      await insertEvent(tx, {
        applicationId: id,
        fromStatus: "confirmed",
        toStatus: "moved",
        actorUserId: null,
      });
      await audit(tx, actor, "mobility.application.moved", {
        entity: "application",
        entityId: id,
        detail: { asOf, effectiveOn: locked.effectiveOn },
      });
      const row = (await applicationView(tx, id))!;
      await notifyAbout(tx, row, "moved", ["applicant", "manager", "owner"], {
        effectiveOn: locked.effectiveOn,
      });
      return true;
    });
    if (done) moved.push(id);
  }
  return moved;
}
