/**
 * Career reports (issue 7). Each employee writes one per cycle: reflection on the past year, vision, desired
 * job categories, positions, places and timing, wish to transfer or go overseas. Submitting fixes the manager
 * (`manager_person_id`, the person's manager that day) who then adds comments. Career wishes are sensitive
 * (DESIGN.md), so who reads a report is narrow and does not move with later reorganisations:
 * - the employee: their own, draft or submitted, every year;
 * - the manager at submission: only after submission;
 * - company HR: submitted reports of their company (the cycle's company); group HR: all submitted reports;
 * - nobody else — to them the report does not exist (404). Recruiters do not read reports here.
 * Every read by HR (a report or the list) is written to the audit log, as are manager reads.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type {
  CareerReport,
  CareerReportList,
  CareerReportListQuery,
  CareerReportRow,
  CareerWishOptions,
  MyCareerReports,
  SaveCareerReportRequest,
} from "../../shared/careers-api";
import { today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import { MOVE_TIMINGS, type MoveTiming } from "../../shared/mobility-vocab";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { notifyPersons } from "../notifications/notify";
import { presentName } from "../people/people.presenter";
import { translateCareerDbError } from "./career.errors";
import {
  countReports,
  cycleSummary,
  cycleViews,
  expectedCount,
  findCycle,
  findReport,
  findReportForUpdate,
  groupJobCategories,
  insertReport,
  jobCategoryRefs,
  managerOf,
  openCyclesForPerson,
  positionRefs,
  type ReportRow,
  type ReportView,
  reportOf,
  reportViews,
  updateReportRow,
} from "./career.repo";
import { presentCycle } from "./career-cycles.service";

type ReaderRole = "owner" | "manager" | "hr";

function readerRole(
  actor: Actor,
  report: Pick<ReportRow, "personId" | "status" | "managerPersonId" | "companyId">,
): ReaderRole | null {
  if (actor.kind === "system") return "hr";
  if (actor.personId !== null && actor.personId === report.personId) return "owner";
  if (report.status === "draft") return null;
  if (actor.personId !== null && actor.personId === report.managerPersonId) return "manager";
  if (actor.isGroupHr || actor.hrCompanyIds.includes(report.companyId)) return "hr";
  return null;
}

function ownPerson(actor: Actor): number {
  if (actor.kind !== "user" || actor.personId === null) {
    throw new AppError("FORBIDDEN", {
      message: "Only an employee writes a career report (no linked person).",
    });
  }
  return actor.personId;
}

async function presentReports(db: Db, rows: ReportView[]): Promise<CareerReport[]> {
  const categoryIds = [...new Set(rows.flatMap((row) => row.desiredJobCategoryIds))];
  const positionIds = [...new Set(rows.flatMap((row) => row.desiredPositionIds))];
  const categories = new Map((await jobCategoryRefs(db, categoryIds)).map((row) => [row.id, row]));
  const positions = new Map((await positionRefs(db, positionIds)).map((row) => [row.id, row]));
  const refs = (ids: number[], names: Map<number, { nameJa: string; nameEn: string }>) =>
    ids.flatMap((id) => {
      const found = names.get(id);
      return found ? [{ id, name: { ja: found.nameJa, en: found.nameEn } }] : [];
    });
  return rows.map((row) => ({
    id: row.id,
    cycleId: row.cycleId,
    fiscalYear: row.fiscalYear,
    companyId: row.companyId,
    person: { personId: row.personId, name: presentName(row.person) },
    status: row.status,
    reflection: row.reflection,
    vision: row.vision,
    desiredJobCategories: refs(row.desiredJobCategoryIds, categories),
    desiredPositions: refs(row.desiredPositionIds, positions),
    desiredLocations: row.desiredLocations,
    moveTiming: row.moveTiming,
    wantsTransfer: row.wantsTransfer,
    openToOverseas: row.openToOverseas,
    manager:
      row.managerPersonId !== null && row.manager
        ? { personId: row.managerPersonId, name: presentName(row.manager) }
        : null,
    managerComment: row.managerComment,
    managerCommentedAt: row.managerCommentedAt,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
  }));
}

function presentRow(row: ReportView): CareerReportRow {
  return {
    id: row.id,
    fiscalYear: row.fiscalYear,
    companyId: row.companyId,
    person: { personId: row.personId, name: presentName(row.person) },
    orgUnit:
      row.orgUnitId !== null
        ? {
            id: row.orgUnitId,
            name: { ja: row.orgUnitNameJa ?? "", en: row.orgUnitNameEn ?? row.orgUnitNameJa ?? "" },
          }
        : null,
    status: row.status,
    moveTiming: row.moveTiming,
    wantsTransfer: row.wantsTransfer,
    openToOverseas: row.openToOverseas,
    desiredLocations: row.desiredLocations,
    submittedAt: row.submittedAt,
    managerCommentedAt: row.managerCommentedAt,
  };
}

async function oneReport(db: Db, id: number): Promise<CareerReport> {
  const [report] = await presentReports(db, await reportViews(db, sql`r.id = ${id}`));
  return report!;
}

/** The caller's open cycles (with their report so far) and all their reports, newest year first. */
export async function myCareerReports(db: Db, actor: Actor): Promise<MyCareerReports> {
  const personId = ownPerson(actor);
  const cycles = await openCyclesForPerson(db, personId, today());
  const reports = await presentReports(db, await reportViews(db, sql`r.person_id = ${personId}`));
  return {
    open: cycles.map((cycle) => ({
      cycle: presentCycle(cycle),
      report: reports.find((report) => report.cycleId === cycle.id) ?? null,
    })),
    reports,
  };
}

/**
 * The choices of the career-report form: the group's job categories (a wish may be for another group company's
 * work). Like the org catalogues, readable by every signed-in user; stored wishes stay valid whatever is listed.
 */
export async function careerWishOptions(db: Db, _actor: Actor): Promise<CareerWishOptions> {
  return {
    jobCategories: (await groupJobCategories(db)).map((row) => ({
      id: row.id,
      code: row.code,
      name: { ja: row.nameJa, en: row.nameEn },
      company: {
        id: row.companyId,
        code: row.companyCode,
        name: { ja: row.companyNameJa, en: row.companyNameEn },
      },
    })),
  };
}

async function wishErrors(db: Db, request: SaveCareerReportRequest): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const categories = new Set((await jobCategoryRefs(db, request.desiredJobCategoryIds)).map((row) => row.id));
  request.desiredJobCategoryIds.forEach((id, index) => {
    if (!categories.has(id))
      fields.push({ path: `desiredJobCategoryIds.${index}`, message: `job category ${id} does not exist` });
  });
  const positions = new Set((await positionRefs(db, request.desiredPositionIds)).map((row) => row.id));
  request.desiredPositionIds.forEach((id, index) => {
    if (!positions.has(id))
      fields.push({ path: `desiredPositionIds.${index}`, message: `position ${id} does not exist` });
  });
  return fields;
}

/** Writes (or rewrites) the caller's draft for an open cycle of their company. A submitted report is final. */
export async function saveMyCareerReport(
  db: Db,
  actor: Actor,
  cycleId: number,
  request: SaveCareerReportRequest,
): Promise<CareerReport> {
  const personId = ownPerson(actor);
  const cycle = await findCycle(db, cycleId);
  const open = (await openCyclesForPerson(db, personId, today())).some((row) => row.id === cycleId);
  if (!cycle || !open) {
    if (cycle && cycle.status !== "open") {
      throw AppError.validation([
        { path: "cycleId", message: `the ${cycle.fiscalYear} career-report cycle is ${cycle.status}` },
      ]);
    }
    throw AppError.notFound("Career-report cycle", cycleId);
  }
  const fields = await wishErrors(db, request);
  if (fields.length) throw AppError.validation(fields);
  const id = await translateCareerDbError(() =>
    db.transaction(async (tx) => {
      const existing = await reportOf(tx, cycleId, personId);
      if (existing && existing.status !== "draft") {
        throw new AppError("CONFLICT", {
          message: "This career report is already submitted and can no longer be changed.",
          fields: [{ path: "cycleId", message: "the report for this cycle is already submitted" }],
        });
      }
      const values = { ...request, desiredLocations: [...new Set(request.desiredLocations)] };
      let reportId: number;
      if (existing) {
        await updateReportRow(tx, existing.id, values);
        reportId = existing.id;
      } else {
        reportId = await insertReport(tx, {
          cycleId,
          companyId: cycle.companyId,
          personId,
          status: "draft",
          ...values,
        });
      }
      await audit(tx, actor, existing ? "career_report.update" : "career_report.create", {
        entity: "career_report",
        entityId: reportId,
      });
      return reportId;
    }),
  );
  return oneReport(db, id);
}

/** Submits the caller's draft to their manager (fixed now) and HR; the manager is told. */
export async function submitCareerReport(db: Db, actor: Actor, id: number): Promise<CareerReport> {
  const personId = ownPerson(actor);
  await db.transaction(async (tx) => {
    const report = await findReportForUpdate(tx, id);
    if (!report || report.personId !== personId) throw AppError.notFound("Career report", id);
    if (report.status !== "draft") {
      throw new AppError("CONFLICT", {
        message: "This career report is already submitted.",
        fields: [{ path: "status", message: `is ${report.status}` }],
      });
    }
    const cycle = (await findCycle(tx, report.cycleId))!;
    if (cycle.status !== "open") {
      throw AppError.validation([
        { path: "cycleId", message: `the ${cycle.fiscalYear} career-report cycle is ${cycle.status}` },
      ]);
    }
    const managerPersonId = await managerOf(tx, personId, report.companyId, today());
    await updateReportRow(tx, id, { status: "submitted", submittedAt: new Date(), managerPersonId });
    await audit(tx, actor, "career_report.submit", {
      entity: "career_report",
      entityId: id,
      detail: { managerPersonId },
    });
    if (managerPersonId !== null) {
      await notifyPersons(tx, [managerPersonId], {
        kind: "careers.report_submitted",
        params: { fiscalYear: cycle.fiscalYear },
        link: `/careers/reports/${id}`,
        dedupeKey: `career-report-submitted:${id}`,
      });
    }
  });
  return oneReport(db, id);
}

/** One report, for the people allowed to read it; HR and manager reads are audited. */
export async function getCareerReport(db: Db, actor: Actor, id: number): Promise<CareerReport> {
  const report = await findReport(db, id);
  const role = report ? readerRole(actor, report) : null;
  if (!report || role === null) throw AppError.notFound("Career report", id);
  if (role !== "owner") {
    await db.transaction((tx) =>
      audit(tx, actor, "career_report.read", {
        entity: "career_report",
        entityId: id,
        detail: { as: role, personId: report.personId },
      }),
    );
  }
  return oneReport(db, id);
}

/** The manager at submission adds (or rewrites) comments; the employee is told. */
export async function commentCareerReport(
  db: Db,
  actor: Actor,
  id: number,
  comment: string,
): Promise<CareerReport> {
  await db.transaction(async (tx) => {
    const report = await findReportForUpdate(tx, id);
    const role = report ? readerRole(actor, report) : null;
    if (!report || role === null) throw AppError.notFound("Career report", id);
    assert(role === "manager", "Only the manager the report was submitted to adds comments.");
    await updateReportRow(tx, id, {
      status: "commented",
      managerComment: comment,
      managerCommentedAt: new Date(),
    });
    await audit(tx, actor, "career_report.comment", { entity: "career_report", entityId: id });
    const cycle = (await findCycle(tx, report.cycleId))!;
    await notifyPersons(tx, [report.personId], {
      kind: "careers.report_commented",
      params: { fiscalYear: cycle.fiscalYear },
      link: "/careers/report",
      dedupeKey: report.status === "submitted" ? `career-report-commented:${id}` : null,
    });
  });
  return oneReport(db, id);
}

/** Reports submitted to the caller as manager (every year), those waiting for comments first. */
export async function managerCareerQueue(db: Db, actor: Actor): Promise<CareerReportRow[]> {
  if (actor.kind !== "user" || actor.personId === null) return [];
  const rows = await reportViews(
    db,
    sql`r.manager_person_id = ${actor.personId} and r.status in ('submitted', 'commented')`,
    {
      orderBy: sql`(r.status = 'submitted') desc, cy.fiscal_year desc, r.submitted_at desc, r.id desc`,
      limit: 500,
    },
  );
  return rows.map(presentRow);
}

/** HR's list of a company's submitted reports for a fiscal year (default: the latest cycle), with filters and a summary. Audited. */
export async function listCareerReports(
  db: Db,
  actor: Actor,
  query: CareerReportListQuery,
): Promise<CareerReportList> {
  assert(canManageCompany(actor, query.companyId), "Only the company's HR reads its career reports.");
  const cycles = await cycleViews(
    db,
    query.fiscalYear !== undefined
      ? sql`cy.company_id = ${query.companyId} and cy.fiscal_year = ${query.fiscalYear}`
      : sql`cy.company_id = ${query.companyId} and cy.status <> 'draft'`,
  );
  const cycle = cycles[0];
  const byMoveTiming = Object.fromEntries(MOVE_TIMINGS.map((timing) => [timing, 0])) as Record<
    MoveTiming,
    number
  >;
  if (!cycle) {
    return {
      cycle: null,
      total: 0,
      items: [],
      summary: {
        expected: 0,
        submitted: 0,
        commented: 0,
        submittedShare: null,
        moveWithinYear: 0,
        openToOverseas: 0,
        wantsTransfer: 0,
        byMoveTiming,
      },
    };
  }
  const conditions = [sql`r.cycle_id = ${cycle.id}`, sql`r.status in ('submitted', 'commented')`];
  if (query.moveWithinYear === true) conditions.push(sql`r.move_timing = 'within_1y'`);
  if (query.moveWithinYear === false) conditions.push(sql`r.move_timing <> 'within_1y'`);
  if (query.openToOverseas !== undefined) conditions.push(sql`r.open_to_overseas = ${query.openToOverseas}`);
  if (query.wantsTransfer !== undefined) conditions.push(sql`r.wants_transfer = ${query.wantsTransfer}`);
  if (query.moveTiming !== undefined) conditions.push(sql`r.move_timing = ${query.moveTiming}`);
  if (query.status !== undefined) conditions.push(sql`r.status = ${query.status}`);
  const where = sql.join(conditions, sql` and `);
  const [total, rows, counts, expected] = [
    await countReports(db, where),
    await reportViews(db, where, {
      orderBy: sql`r.submitted_at desc, r.id desc`,
      limit: query.limit,
      offset: query.offset,
    }),
    await cycleSummary(db, cycle.id),
    await expectedCount(db, cycle.companyId, cycle.opensOn),
  ];
  byMoveTiming.within_1y = counts.withinOneYear;
  byMoveTiming.within_3y = counts.withinThreeYears;
  byMoveTiming.later = counts.later;
  byMoveTiming.no_wish = counts.noWish;
  await db.transaction((tx) =>
    audit(tx, actor, "career_report.list", {
      entity: "career_report_cycle",
      entityId: cycle.id,
      detail: { ...query, returned: rows.length, personIds: rows.map((row) => row.personId) },
    }),
  );
  return {
    cycle: presentCycle(cycle),
    total,
    items: rows.map(presentRow),
    summary: {
      expected,
      submitted: counts.submitted,
      commented: counts.commented,
      submittedShare: expected > 0 ? Math.round((counts.submitted / expected) * 1000) / 1000 : null,
      moveWithinYear: counts.moveWithinYear,
      openToOverseas: counts.openToOverseas,
      wantsTransfer: counts.wantsTransfer,
      byMoveTiming,
    },
  };
}
