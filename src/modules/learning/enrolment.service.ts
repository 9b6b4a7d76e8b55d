/**
 * Enrolment: the employee asks and the manager approves (or HR assigns); seats are taken at approval, and when a
 * session is full the enrolment waits on the waitlist and moves up when a seat frees. One transaction per
 * change; the session row is locked while seats are counted.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type { Enrolment, EnrolmentStatus, EnrolRequest } from "../../shared/skills-api";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findOrgUnit, listGrades, subtreeOrgUnitIds } from "../org/org.repo";
import { orgUnitAncestry, personContextsAt } from "../skills/person-context";
import { translateSkillsDbError } from "../skills/skills.errors";
import { canSeePerson, isHrOf, isManagerOf, isSelf, relationTo } from "../skills/skills.policy";
import { audienceContextOf, inAudience, parseAudience, toAudienceContext } from "./audience";
import { requireCourse } from "./catalog.service";
import { presentEnrolment } from "./learning.presenter";
import {
  enrolmentViews,
  findEnrolment,
  findSession,
  firstWaitlisted,
  insertEnrolments,
  lockSession,
  openEnrolmentHolders,
  seatsTaken,
  setEnrolmentStatus,
} from "./learning.repo";

export async function enrolmentView(db: Db, enrolmentId: number): Promise<Enrolment> {
  const [row] = await enrolmentViews(db, sql`e.id = ${enrolmentId}`, sql`e.id`, 1);
  if (!row) throw AppError.notFound("Enrolment", enrolmentId);
  return presentEnrolment(row, today());
}

/** Checks the course and session of an enrolment; returns the session (null for e-learning). */
async function checkCourseAndSession(db: Db, courseId: number, sessionId: number | null) {
  const course = await requireCourse(db, courseId);
  const fields: FieldError[] = [];
  if (!course.active) fields.push({ path: "courseId", message: "the course is no longer offered" });
  let session: Awaited<ReturnType<typeof findSession>>;
  if (course.delivery === "e_learning") {
    if (sessionId !== null)
      fields.push({ path: "sessionId", message: "e-learning is taken without a session" });
  } else if (sessionId === null) {
    fields.push({ path: "sessionId", message: "choose a session of the course" });
  } else {
    session = await findSession(db, sessionId);
    if (!session || session.courseId !== courseId)
      fields.push({ path: "sessionId", message: "is not a session of this course" });
    else if (session.status !== "open")
      fields.push({ path: "sessionId", message: "the session is not open for enrolment" });
    else if (session.startsOn <= today())
      fields.push({ path: "sessionId", message: `the session started on ${session.startsOn}` });
  }
  return { course, session, fields };
}

/** A seat if one is free, else the waitlist (e-learning has no seats). Call inside the transaction. */
async function allocate(tx: Db, sessionId: number | null): Promise<EnrolmentStatus> {
  if (sessionId === null) return "enrolled";
  await lockSession(tx, sessionId);
  const session = (await findSession(tx, sessionId))!;
  return (await seatsTaken(tx, sessionId)) < session.capacity ? "enrolled" : "waitlisted";
}

/**
 * The employee asks for a place (status requested: the manager decides), or HR enrols someone of their
 * companies (a seat or the waitlist at once; with a due date it is mandatory). Refused outside the course's
 * audience, on a past or closed session, or when the person already holds a place.
 */
export async function enrol(db: Db, actor: Actor, request: EnrolRequest): Promise<Enrolment> {
  const self = actor.kind === "user" ? actor.personId : null;
  const personId = request.personId ?? self;
  if (personId === null)
    throw AppError.validation([
      { path: "personId", message: "your account is not linked to a person; name the person" },
    ]);
  const relation = await relationTo(db, actor, personId);
  const bySelf = isSelf(actor, relation);
  const byHr = !bySelf && isHrOf(actor, relation);
  assert(bySelf || byHr, "You may enrol yourself, or (as HR) people of your companies.");
  const { course, fields } = await checkCourseAndSession(db, request.courseId, request.sessionId);
  if (request.dueOn !== null && !byHr) fields.push({ path: "dueOn", message: "only HR sets due dates" });
  const day = today();
  const context = await audienceContextOf(db, personId, day);
  if (!context) fields.push({ path: "personId", message: "the person has no current assignment" });
  else if (!inAudience(parseAudience(course.audience), context)) {
    fields.push({ path: "courseId", message: "the person is outside the course's target audience" });
  }
  if ((await openEnrolmentHolders(db, course.id, [personId])).has(personId)) {
    throw new AppError("CONFLICT", {
      fields: [{ path: "courseId", message: "already enrolled (or waiting) on this course" }],
    });
  }
  if (fields.length) throw AppError.validation(fields);
  const id = await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const status: EnrolmentStatus = bySelf ? "requested" : await allocate(tx, request.sessionId);
      const [enrolmentId] = await insertEnrolments(tx, [
        {
          courseId: course.id,
          sessionId: request.sessionId,
          personId,
          companyId: context!.companyId,
          status,
          origin: bySelf ? "self" : "hr",
          dueOn: request.dueOn,
          requestedByUserId: actor.kind === "user" ? actor.userId : null,
          requestNote: request.note,
        },
      ]);
      await audit(tx, actor, "learning.enrolment.create", {
        entity: "enrolment",
        entityId: enrolmentId!,
        detail: { ...request, personId, status },
      });
      return enrolmentId!;
    }),
  );
  return enrolmentView(db, id);
}

async function enrolmentForChange(db: Db, actor: Actor, enrolmentId: number) {
  const enrolment = await findEnrolment(db, enrolmentId);
  if (!enrolment) throw AppError.notFound("Enrolment", enrolmentId);
  const relation = await relationTo(db, actor, enrolment.personId);
  assert(canSeePerson(actor, relation), "You may not see this enrolment.");
  return { enrolment, relation };
}

/** The manager (or HR) approves or turns down a request; approval takes a seat or joins the waitlist. */
export async function decideEnrolment(
  db: Db,
  actor: Actor,
  enrolmentId: number,
  decision: { approve: boolean; note: string | null },
): Promise<Enrolment> {
  const { enrolment, relation } = await enrolmentForChange(db, actor, enrolmentId);
  assert(
    isManagerOf(actor, relation) || (isHrOf(actor, relation) && !isSelf(actor, relation)),
    "Only the person's manager or HR may decide.",
  );
  if (enrolment.status !== "requested") {
    throw new AppError("CONFLICT", {
      message: `The enrolment is ${enrolment.status}, not waiting for a decision.`,
    });
  }
  if (decision.approve && enrolment.sessionId !== null) {
    const session = await findSession(db, enrolment.sessionId);
    if (session?.status !== "open" || session.startsOn <= today()) {
      throw AppError.validation([
        {
          path: "approve",
          message: "the session has started or is closed; the request can only be turned down",
        },
      ]);
    }
  }
  await db.transaction(async (tx) => {
    const status: EnrolmentStatus = decision.approve ? await allocate(tx, enrolment.sessionId) : "rejected";
    await setEnrolmentStatus(tx, enrolmentId, {
      status,
      decided: true,
      decidedByUserId: actor.kind === "user" ? actor.userId : null,
      decisionNote: decision.note,
    });
    await audit(tx, actor, decision.approve ? "learning.enrolment.approve" : "learning.enrolment.reject", {
      entity: "enrolment",
      entityId: enrolmentId,
      detail: { status, note: decision.note },
    });
  });
  return enrolmentView(db, enrolmentId);
}

/** The person or HR withdraws before the session starts; a freed seat goes to the first on the waitlist. */
export async function cancelEnrolment(db: Db, actor: Actor, enrolmentId: number): Promise<Enrolment> {
  const { enrolment, relation } = await enrolmentForChange(db, actor, enrolmentId);
  assert(
    isSelf(actor, relation) || isHrOf(actor, relation),
    "Only the person or HR may cancel an enrolment.",
  );
  if (!["requested", "enrolled", "waitlisted"].includes(enrolment.status)) {
    throw new AppError("CONFLICT", {
      message: `The enrolment is ${enrolment.status} and can no longer be cancelled.`,
    });
  }
  if (enrolment.sessionId !== null) {
    const session = await findSession(db, enrolment.sessionId);
    if (session && session.startsOn <= today()) {
      throw AppError.validation([{ path: "id", message: `the session started on ${session.startsOn}` }]);
    }
  }
  await db.transaction(async (tx) => {
    let promoted: number | undefined;
    if (enrolment.sessionId !== null && enrolment.status === "enrolled") {
      await lockSession(tx, enrolment.sessionId);
      promoted = await firstWaitlisted(tx, enrolment.sessionId);
    }
    await setEnrolmentStatus(tx, enrolmentId, { status: "cancelled" });
    if (promoted !== undefined) await setEnrolmentStatus(tx, promoted, { status: "enrolled" });
    await audit(tx, actor, "learning.enrolment.cancel", {
      entity: "enrolment",
      entityId: enrolmentId,
      detail: { promoted: promoted ?? null },
    });
  });
  return enrolmentView(db, enrolmentId);
}

/**
 * HR assigns a course to people of a company (all in the audience when no list is given): mandatory when a due
 * date is set. People already holding a place are skipped; a full session puts the rest on the waitlist.
 */
export async function assignCourse(
  db: Db,
  actor: Actor,
  courseId: number,
  request: {
    companyId: number;
    personIds?: number[] | undefined;
    orgUnitId?: number | undefined;
    gradeIds?: number[] | undefined;
    sessionId: number | null;
    dueOn: string | null;
    dryRun?: boolean | undefined;
  },
): Promise<{ assigned: number; skipped: number; waitlisted: number; dryRun: boolean }> {
  assert(canManageCompany(actor, request.companyId), "You may not assign courses to this company's people.");
  const { course, session, fields } = await checkCourseAndSession(db, courseId, request.sessionId);
  if (session && session.companyId !== request.companyId)
    fields.push({ path: "sessionId", message: "the session is run by another company" });
  if (request.dueOn !== null && request.dueOn < today())
    fields.push({ path: "dueOn", message: "must not be in the past" });
  const day = today();
  const employed = await personContextsAt(db, await employedAt(db, request.companyId, day), day);
  const byPerson = new Map(
    employed.filter((c) => c.companyId === request.companyId).map((c) => [c.personId, c]),
  );
  const audience = parseAudience(course.audience);
  if (request.orgUnitId !== undefined) {
    const unit = await findOrgUnit(db, request.orgUnitId);
    if (!unit || unit.companyId !== request.companyId)
      fields.push({
        path: "orgUnitId",
        message: `org unit ${request.orgUnitId} is not a unit of the company`,
      });
    else {
      const units = new Set(await subtreeOrgUnitIds(db, [request.orgUnitId], day));
      for (const [personId, context] of byPerson)
        if (!units.has(context.orgUnitId)) byPerson.delete(personId);
    }
  }
  if (request.gradeIds?.length) {
    const known = new Set((await listGrades(db, request.companyId)).map((g) => g.id));
    request.gradeIds.forEach((id, i) => {
      if (!known.has(id))
        fields.push({ path: `gradeIds.${i}`, message: `grade ${id} is not a grade of the company` });
    });
    const wanted = new Set(request.gradeIds);
    for (const [personId, context] of byPerson)
      if (context.gradeId === null || !wanted.has(context.gradeId)) byPerson.delete(personId);
  }
  let targets: number[];
  if (request.personIds) {
    request.personIds.forEach((id, i) => {
      if (!byPerson.has(id))
        fields.push({
          path: `personIds.${i}`,
          message:
            request.orgUnitId !== undefined || request.gradeIds?.length
              ? `person ${id} is not employed at the company in the chosen org unit and grades`
              : `person ${id} is not employed at the company`,
        });
    });
    targets = [...new Set(request.personIds)];
  } else {
    targets = [];
    for (const context of byPerson.values()) {
      const ancestry = audience.orgUnitIds?.length
        ? await orgUnitAncestry(db, context.orgUnitId, day)
        : [context.orgUnitId];
      if (inAudience(audience, toAudienceContext(context, ancestry))) targets.push(context.personId);
    }
  }
  if (fields.length) throw AppError.validation(fields);
  targets.sort((a, b) => a - b);
  const holders = await openEnrolmentHolders(db, courseId, targets);
  const fresh = targets.filter((id) => !holders.has(id));
  if (request.dryRun) {
    const free =
      request.sessionId === null
        ? Number.POSITIVE_INFINITY
        : session!.capacity - (await seatsTaken(db, request.sessionId));
    return {
      assigned: fresh.length,
      skipped: targets.length - fresh.length,
      waitlisted: Math.max(0, fresh.length - Math.max(0, free)),
      dryRun: true,
    };
  }
  return translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      let free = Number.POSITIVE_INFINITY;
      if (request.sessionId !== null) {
        await lockSession(tx, request.sessionId);
        free = session!.capacity - (await seatsTaken(tx, request.sessionId));
      }
      const rows = fresh.map((personId, i) => ({
        courseId,
        sessionId: request.sessionId,
        personId,
        companyId: request.companyId,
        status: (i < free ? "enrolled" : "waitlisted") as EnrolmentStatus,
        origin: "hr" as const,
        dueOn: request.dueOn,
        requestedByUserId: actor.kind === "user" ? actor.userId : null,
      }));
      for (let start = 0; start < rows.length; start += 1000)
        await insertEnrolments(tx, rows.slice(start, start + 1000));
      const waitlisted = rows.filter((r) => r.status === "waitlisted").length;
      await audit(tx, actor, "learning.course.assign", {
        entity: "course",
        entityId: courseId,
        detail: {
          ...request,
          personIds: undefined,
          assigned: rows.length,
          skipped: targets.length - rows.length,
          waitlisted,
        },
      });
      return { assigned: rows.length, skipped: targets.length - rows.length, waitlisted, dryRun: false };
    }),
  );
}

async function employedAt(db: Db, companyId: number, day: string): Promise<number[]> {
  const rows = await queryRows<{ personId: number }>(
    db,
    sql`select distinct person_id as "personId" from employments
        where company_id = ${companyId} and hire_date <= ${day}::date and (termination_date is null or termination_date >= ${day}::date)
        order by person_id`,
  );
  return rows.map((r) => r.personId);
}
