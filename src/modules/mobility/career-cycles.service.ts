/**
 * Career-report cycles (issue 7): once a year each company's HR opens a round (opening and due dates, reminder
 * days before the due date). Opening it tells every employee of the company; reminders go to those who have not
 * submitted (sendCareerReminders, run daily by the server and by `tekizai careers reminders`).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type {
  CareerCycle,
  CareerRemindersResult,
  CreateCareerCycleRequest,
  UpdateCareerCycleRequest,
} from "../../shared/careers-api";
import { addDays, today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { CareerCycleStatus } from "../../shared/mobility-vocab";
import { assert, canManageCompany } from "../access/access.policy";
import { type Actor, SYSTEM_ACTOR } from "../access/actor";
import { audit } from "../audit/audit.service";
import { notifyPersons } from "../notifications/notify";
import { companyExists } from "../org/org.repo";
import { hrCompanyScope } from "../skills/skills.policy";
import { translateCareerDbError } from "./career.errors";
import {
  activePersonIds,
  type CycleView,
  cycleViews,
  findCycle,
  insertCycle,
  notSubmittedPersonIds,
  updateCycleRow,
} from "./career.repo";

export function presentCycle(row: CycleView): CareerCycle {
  return {
    id: row.id,
    companyId: row.companyId,
    company: {
      id: row.companyId,
      code: row.companyCode,
      name: { ja: row.companyNameJa, en: row.companyNameEn },
    },
    fiscalYear: row.fiscalYear,
    opensOn: row.opensOn,
    dueOn: row.dueOn,
    reminderDays: row.reminderDays,
    status: row.status,
  };
}

/** Cycles of the companies the actor is HR for (group HR: all), optionally of one company. */
export async function listCycles(
  db: Db,
  actor: Actor,
  companyId: number | undefined,
): Promise<CareerCycle[]> {
  const scope = hrCompanyScope(actor);
  if (companyId !== undefined)
    assert(canManageCompany(actor, companyId), "Only the company's HR sees its cycles.");
  else if (scope !== null && scope.length === 0) assert(false, "Only HR sees career-report cycles.");
  const where =
    companyId !== undefined
      ? sql`cy.company_id = ${companyId}`
      : scope === null
        ? sql`true`
        : sql`cy.company_id = any(${`{${scope.join(",")}}`}::int[])`;
  return (await cycleViews(db, where)).map(presentCycle);
}

export async function createCycle(
  db: Db,
  actor: Actor,
  request: CreateCareerCycleRequest,
): Promise<CareerCycle> {
  if (!(await companyExists(db, request.companyId))) {
    throw AppError.validation([
      { path: "companyId", message: `company ${request.companyId} does not exist` },
    ]);
  }
  assert(canManageCompany(actor, request.companyId), "Only the company's HR opens its career-report cycles.");
  const id = await translateCareerDbError(() =>
    db.transaction(async (tx) => {
      const cycleId = await insertCycle(tx, {
        ...request,
        status: "draft",
        createdByUserId: actor.kind === "user" ? actor.userId : null,
      });
      await audit(tx, actor, "career_cycle.create", {
        entity: "career_report_cycle",
        entityId: cycleId,
        detail: request,
      });
      return cycleId;
    }),
  );
  return presentCycle((await findCycle(db, id))!);
}

const TRANSITIONS: Record<CareerCycleStatus, CareerCycleStatus[]> = {
  draft: ["open"],
  open: ["closed"],
  closed: ["open"],
};

/** Opens, closes (or reopens) a cycle, or moves its due date / reminder days. Opening tells the employees. */
export async function updateCycle(
  db: Db,
  actor: Actor,
  id: number,
  request: UpdateCareerCycleRequest,
): Promise<CareerCycle> {
  const cycle = await findCycle(db, id);
  if (!cycle) throw AppError.notFound("Career-report cycle", id);
  assert(canManageCompany(actor, cycle.companyId), "Only the company's HR changes its career-report cycles.");
  if (
    request.status !== undefined &&
    request.status !== cycle.status &&
    !TRANSITIONS[cycle.status].includes(request.status)
  ) {
    throw AppError.validation([
      {
        path: "status",
        message: `a ${cycle.status} cycle can become ${TRANSITIONS[cycle.status].join(" or ")}, not ${request.status}`,
      },
    ]);
  }
  if (request.dueOn !== undefined && request.dueOn < cycle.opensOn) {
    throw AppError.validation([
      { path: "dueOn", message: `must be on or after the opening day ${cycle.opensOn}` },
    ]);
  }
  await db.transaction(async (tx) => {
    await updateCycleRow(tx, id, request);
    if (request.status === "open" && cycle.status !== "open") {
      const people = await activePersonIds(tx, cycle.companyId, today());
      await notifyPersons(tx, people, {
        kind: "careers.cycle_opened",
        params: { fiscalYear: cycle.fiscalYear, dueOn: request.dueOn ?? cycle.dueOn },
        link: "/careers/report",
        dedupeKey: `career-cycle-opened:${id}`,
      });
    }
    await audit(tx, actor, "career_cycle.update", {
      entity: "career_report_cycle",
      entityId: id,
      detail: request,
    });
  });
  return presentCycle((await findCycle(db, id))!);
}

/**
 * Sends the reminders that are due on `asOf`: for each open cycle, the latest reminder day whose date
 * (due date minus the days) has come, to everyone expected who has not submitted. Idempotent: a reminder
 * goes once per cycle, reminder day and person (dedupe key), however often this runs.
 */
export async function sendCareerReminders(db: Db, asOf: string = today()): Promise<CareerRemindersResult> {
  const cycles = await cycleViews(
    db,
    sql`cy.status = 'open' and cy.opens_on <= ${asOf}::date and cy.due_on >= ${asOf}::date`,
  );
  const result: CareerRemindersResult = { asOf, cycles: [] };
  for (const cycle of cycles) {
    const due = [...cycle.reminderDays]
      .filter((days) => addDays(cycle.dueOn, -days) <= asOf)
      .sort((a, b) => a - b);
    const reminderDay = due[0];
    if (reminderDay === undefined) continue;
    const notified = await db.transaction(async (tx) => {
      const people = await notSubmittedPersonIds(tx, cycle.id, cycle.companyId, asOf);
      const count = await notifyPersons(tx, people, {
        kind: "careers.reminder",
        params: { fiscalYear: cycle.fiscalYear, dueOn: cycle.dueOn },
        link: "/careers/report",
        dedupeKey: `career-reminder:${cycle.id}:${reminderDay}`,
      });
      if (count > 0) {
        await audit(tx, SYSTEM_ACTOR, "career_cycle.reminders", {
          entity: "career_report_cycle",
          entityId: cycle.id,
          detail: { asOf, reminderDay, notified: count },
        });
      }
      return count;
    });
    result.cycles.push({ cycleId: cycle.id, reminderDay, notified });
  }
  return result;
}
