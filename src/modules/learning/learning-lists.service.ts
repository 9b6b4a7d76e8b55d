/** Lists for managers and HR (approvals waiting, overdue mandatory training, session rosters) and a person's learning. */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { Enrolment, PersonLearning } from "../../shared/skills-api";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany, findOrgUnit, subtreeOrgUnitIds } from "../org/org.repo";
import { personContextAt } from "../skills/person-context";
import { translateSkillsDbError } from "../skills/skills.errors";
import { canSeePerson, hrCompanyScope, isHrOf, isSelf, relationTo } from "../skills/skills.policy";
import { loc } from "../skills/skills.presenter";
import { certificationReminderDays } from "../skills/skills.repo";
import { certificationsHeld, findCertification, insertPersonCertification } from "./certifications.repo";
import { presentCourse, presentEnrolment, presentSession } from "./learning.presenter";
import {
  enrolmentViews,
  findCourse,
  findSession,
  skillsOfCourses,
  trainingRecordsOf,
  trainingTotals,
} from "./learning.repo";

const LIST_LIMIT = 500;

const intList = (ids: number[]) => `{${ids.join(",")}}`;

/** People assigned on the day in the subtrees of the given units. */
function inUnits(unitIds: number[], day: string): SQL {
  return sql`exists (select 1 from assignments a where a.person_id = e.person_id and a.during @> ${day}::date
                      and a.org_unit_id = any(${intList(unitIds)}::int[]))`;
}

/** Whose enrolments the actor oversees: their managed subtrees and their HR companies (null = everyone). */
async function oversight(db: Db, actor: Actor, day: string): Promise<SQL | null> {
  const scope = hrCompanyScope(actor);
  if (scope === null) return null;
  const parts: SQL[] = [];
  if (scope.length) parts.push(sql`e.company_id = any(${intList(scope)}::int[])`);
  if (actor.kind === "user" && actor.managedOrgUnitIds.length) {
    parts.push(inUnits(await subtreeOrgUnitIds(db, actor.managedOrgUnitIds, day), day));
  }
  assert(parts.length > 0, "Only managers and HR oversee others' training.");
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Requests waiting for the actor's decision (never their own). */
export async function pendingApprovals(db: Db, actor: Actor): Promise<{ items: Enrolment[] }> {
  const day = today();
  const scope = await oversight(db, actor, day);
  const self =
    actor.kind === "user" && actor.personId !== null ? sql`and e.person_id <> ${actor.personId}` : sql``;
  const rows = await enrolmentViews(
    db,
    sql`e.status = 'requested' ${self} ${scope ? sql`and ${scope}` : sql``}`,
    sql`e.created_at`,
    LIST_LIMIT,
  );
  return { items: rows.map((row) => presentEnrolment(row, day)) };
}

/** Mandatory training past its due date and not completed: for a unit (its managers, HR), a company (HR), or all in scope. */
export async function overdueTraining(
  db: Db,
  actor: Actor,
  query: { companyId?: number | undefined; orgUnitId?: number | undefined; asOf?: string | undefined },
): Promise<{ items: Enrolment[] }> {
  const day = query.asOf ?? today();
  const conditions: SQL[] = [
    sql`e.due_on < ${day}::date and e.status in ('requested', 'enrolled', 'waitlisted')`,
  ];
  if (query.orgUnitId !== undefined) {
    const unit = await findOrgUnit(db, query.orgUnitId);
    if (!unit) throw AppError.notFound("Org unit", query.orgUnitId);
    let allowed = canManageCompany(actor, unit.companyId);
    if (!allowed && actor.kind === "user" && actor.managedOrgUnitIds.length) {
      allowed = (await subtreeOrgUnitIds(db, actor.managedOrgUnitIds, today())).includes(query.orgUnitId);
    }
    assert(allowed, "Only the unit's managers and HR may see its overdue training.");
    conditions.push(inUnits(await subtreeOrgUnitIds(db, [query.orgUnitId], today()), today()));
  } else if (query.companyId !== undefined) {
    if (!(await findCompany(db, query.companyId))) throw AppError.notFound("Company", query.companyId);
    assert(canManageCompany(actor, query.companyId), "Only the company's HR may see its overdue training.");
    conditions.push(sql`e.company_id = ${query.companyId}`);
  } else {
    const scope = await oversight(db, actor, today());
    if (scope) conditions.push(scope);
  }
  const rows = await enrolmentViews(db, sql.join(conditions, sql` and `), sql`e.due_on, p.id`, LIST_LIMIT);
  return { items: rows.map((row) => presentEnrolment(row, day)) };
}

/** Everyone on a session, for the HR who run it. */
export async function sessionRoster(db: Db, actor: Actor, sessionId: number) {
  const session = await findSession(db, sessionId);
  if (!session) throw AppError.notFound("Session", sessionId);
  const course = (await findCourse(db, session.courseId))!;
  assert(canManageCompany(actor, session.companyId), "Only the HR running the session may see its roster.");
  const rows = await enrolmentViews(
    db,
    sql`e.session_id = ${sessionId}`,
    sql`case e.status when 'enrolled' then 0 when 'completed' then 1 when 'not_completed' then 2 when 'waitlisted' then 3 when 'requested' then 4 else 5 end`,
    LIST_LIMIT * 4,
  );
  const skillRows = await skillsOfCourses(db, [course.id]);
  return {
    session: presentSession(session),
    course: presentCourse(course, skillRows, 0),
    items: rows.map((row) => presentEnrolment(row, today())),
  };
}

function fiscalYearOf(day: string, startMonth: number): { year: number; from: string; to: string } {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const year = m >= startMonth ? y : y - 1;
  const from = `${year}-${String(startMonth).padStart(2, "0")}-01`;
  const nextFrom = `${year + 1}-${String(startMonth).padStart(2, "0")}-01`;
  return { year, from, to: addDays(nextFrom, -1) };
}

/** A person's enrolments, training records (with this fiscal year's days and hours) and certifications. */
export async function personLearning(
  db: Db,
  actor: Actor,
  personId: number,
  asOf = today(),
): Promise<PersonLearning> {
  const relation = await relationTo(db, actor, personId);
  assert(canSeePerson(actor, relation), "You may not see this person.");
  const context = await personContextAt(db, personId, asOf);
  const company = context ? await findCompany(db, context.companyId) : undefined;
  const fy = fiscalYearOf(asOf, company?.fiscalYearStartMonth ?? 4);
  const [enrolmentRows, records, totals, held, leadDays] = await Promise.all([
    enrolmentViews(
      db,
      sql`e.person_id = ${personId}`,
      sql`(e.status in ('requested', 'enrolled', 'waitlisted')) desc, e.created_at desc`,
      200,
    ),
    trainingRecordsOf(db, personId, 300),
    trainingTotals(db, personId, fy.from, fy.to),
    certificationsHeld(db, personId),
    certificationReminderDays(db),
  ]);
  const soon = addDays(asOf, Math.max(...leadDays));
  const daysBetween = (from: string, to: string) =>
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return {
    asOf,
    personId,
    enrolments: enrolmentRows.map((row) => presentEnrolment(row, asOf)),
    records: records.map((r) => ({
      id: r.id,
      course: { id: r.courseId, code: r.code, title: loc(r.titleJa, r.titleEn), kind: r.kind },
      completedOn: r.completedOn,
      days: r.days,
      hours: r.hours,
      score: r.score,
    })),
    certifications: held.map((h) => ({
      id: h.id,
      certification: {
        id: h.certificationId,
        code: h.code,
        name: loc(h.nameJa, h.nameEn),
        issuer: h.issuer,
        validityMonths: h.validityMonths,
      },
      obtainedOn: h.obtainedOn,
      expiresOn: h.expiresOn,
      expired: h.expiresOn !== null && h.expiresOn < asOf,
      expiringSoon: h.expiresOn !== null && h.expiresOn >= asOf && h.expiresOn <= soon,
      daysLeft: h.expiresOn === null ? null : daysBetween(asOf, h.expiresOn),
      renewed: held.some(
        (other) => other.certificationId === h.certificationId && other.obtainedOn > h.obtainedOn,
      ),
    })),
    totals: { fiscalYear: fy.year, days: totals.days, hours: totals.hours, courses: totals.courses },
  };
}

function addMonthsIso(day: string, months: number): string {
  const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** The person (self-declared) or HR records a certification; expiry defaults to the certification's validity. */
export async function addCertification(
  db: Db,
  actor: Actor,
  personId: number,
  request: {
    certificationId: number;
    obtainedOn: string;
    expiresOn?: string | null | undefined;
    credentialId: string | null;
  },
) {
  const relation = await relationTo(db, actor, personId);
  assert(
    isSelf(actor, relation) || isHrOf(actor, relation),
    "Only the person or HR may record certifications.",
  );
  const certification = await findCertification(db, request.certificationId);
  if (!certification)
    throw AppError.validation([
      { path: "certificationId", message: `certification ${request.certificationId} does not exist` },
    ]);
  const expiresOn =
    request.expiresOn !== undefined
      ? request.expiresOn
      : certification.validityMonths === null
        ? null
        : addDays(addMonthsIso(request.obtainedOn, certification.validityMonths), -1);
  const fields = [];
  if (request.obtainedOn > today()) fields.push({ path: "obtainedOn", message: "must not be in the future" });
  if (expiresOn !== null && expiresOn < request.obtainedOn)
    fields.push({ path: "expiresOn", message: "must not be before obtainedOn" });
  if (fields.length) throw AppError.validation(fields);
  const context = await personContextAt(db, personId, request.obtainedOn);
  await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const id = await insertPersonCertification(tx, {
        personId,
        certificationId: certification.id,
        companyId: context?.companyId ?? null,
        obtainedOn: request.obtainedOn,
        expiresOn,
        credentialId: request.credentialId,
      });
      await audit(tx, actor, "learning.certification.add", {
        entity: "person",
        entityId: personId,
        detail: { id, ...request, expiresOn },
      });
    }),
  );
  return personLearning(db, actor, personId);
}
