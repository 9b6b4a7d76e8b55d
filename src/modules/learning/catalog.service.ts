/** The training catalog: courses, the skills they build, their sessions, and the certifications recognised. */
import { asc, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type {
  Course,
  CourseDetail,
  CreateCourseRequest,
  CreateSessionRequest,
  Session,
  UpdateSessionRequest,
  ZCourseQuery,
  ZCreateCertificationRequest,
  ZUpdateCourseRequest,
} from "../../shared/skills-api";
import { assert, canManageCompany, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { findCompany } from "../org/org.repo";
import { levelErrors, maxScaleLevel } from "../skills/library.service";
import { translateSkillsDbError } from "../skills/skills.errors";
import { canEditCatalog } from "../skills/skills.policy";
import { loc } from "../skills/skills.presenter";
import { existingSkills } from "../skills/skills.repo";
import { audienceContextOf, inAudience, parseAudience } from "./audience";
import { presentCourse, presentEnrolment, presentSession } from "./learning.presenter";
import {
  enrolmentViews,
  findCourse,
  findSession,
  insertCourse,
  insertSession,
  listCourses,
  lockSession,
  replaceCourseSkills,
  seatsTaken,
  sessionsOfCourse,
  skillsOfCourses,
  upcomingSessionCounts,
  updateCourseRow,
  updateSessionRow,
} from "./learning.repo";
import { certifications } from "./learning.schema";

export async function listCatalog(
  db: Db,
  actor: Actor,
  query: z.infer<typeof ZCourseQuery>,
): Promise<{ total: number; items: Course[] }> {
  let rows = await listCourses(db, query);
  if (query.forMe) {
    const personId = actor.kind === "user" ? actor.personId : null;
    const context = personId === null ? undefined : await audienceContextOf(db, personId, today());
    rows = rows.filter((row) => inAudience(parseAudience(row.audience), context));
  }
  const page = rows.slice(query.offset, query.offset + query.limit);
  const ids = page.map((r) => r.id);
  const [skillRows, upcoming] = await Promise.all([
    skillsOfCourses(db, ids),
    upcomingSessionCounts(db, ids, today()),
  ]);
  return {
    total: rows.length,
    items: page.map((row) => presentCourse(row, skillRows, upcoming.get(row.id) ?? 0)),
  };
}

export async function requireCourse(db: Db, courseId: number) {
  const course = await findCourse(db, courseId);
  if (!course) throw AppError.notFound("Course", courseId);
  return course;
}

/** HR rights over a course: group HR for group-wide courses, the company's HR for its own. */
export const canManageCourse = (actor: Actor, companyId: number | null): boolean =>
  canEditCatalog(actor, companyId);

export async function getCourse(db: Db, actor: Actor, courseId: number): Promise<CourseDetail> {
  const course = await requireCourse(db, courseId);
  const day = today();
  const [skillRows, upcoming, sessions] = await Promise.all([
    skillsOfCourses(db, [courseId]),
    upcomingSessionCounts(db, [courseId], day),
    sessionsOfCourse(db, courseId, day),
  ]);
  const personId = actor.kind === "user" ? actor.personId : null;
  const mine =
    personId === null
      ? []
      : await enrolmentViews(
          db,
          sql`e.course_id = ${courseId} and e.person_id = ${personId}`,
          sql`e.created_at desc`,
          20,
        );
  const context = personId === null ? undefined : await audienceContextOf(db, personId, day);
  const hrOfSessions = sessions.some((s) => canManageCompany(actor, s.companyId));
  return {
    ...presentCourse(course, skillRows, upcoming.get(courseId) ?? 0),
    sessions: sessions.map(presentSession),
    myEnrolments: mine.map((row) => presentEnrolment(row, day)),
    inAudience: personId !== null && inAudience(parseAudience(course.audience), context),
    canManage: canManageCourse(actor, course.companyId) || hrOfSessions,
  };
}

async function courseSkillErrors(
  db: Db,
  skillsIn: { skillId: number; targetLevel: number }[],
  companyId: number | null,
): Promise<FieldError[]> {
  const fields = levelErrors(
    skillsIn.map((s, i) => ({ path: `skills.${i}.targetLevel`, level: s.targetLevel })),
    await maxScaleLevel(db),
  );
  const known = await existingSkills(
    db,
    skillsIn.map((s) => s.skillId),
  );
  const seen = new Set<number>();
  skillsIn.forEach((s, i) => {
    const skill = known.get(s.skillId);
    if (!skill) fields.push({ path: `skills.${i}.skillId`, message: `skill ${s.skillId} does not exist` });
    else if (skill.companyId !== null && skill.companyId !== companyId)
      fields.push({ path: `skills.${i}.skillId`, message: "the skill belongs to another company" });
    if (seen.has(s.skillId))
      fields.push({ path: `skills.${i}.skillId`, message: "a course may build each skill only once" });
    seen.add(s.skillId);
  });
  return fields;
}

export async function createCourse(
  db: Db,
  actor: Actor,
  request: CreateCourseRequest,
): Promise<CourseDetail> {
  if (request.companyId !== null && !(await findCompany(db, request.companyId))) {
    throw AppError.validation([
      { path: "companyId", message: `company ${request.companyId} does not exist` },
    ]);
  }
  assert(canManageCourse(actor, request.companyId), "You may not add courses here.");
  const fields = await courseSkillErrors(db, request.skills, request.companyId);
  if (fields.length) throw AppError.validation(fields);
  const id = await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const { skills: courseSkillList, ...course } = request;
      const courseId = await insertCourse(tx, { ...course, code: course.code.toUpperCase() });
      await replaceCourseSkills(tx, courseId, courseSkillList);
      await audit(tx, actor, "learning.course.create", {
        entity: "course",
        entityId: courseId,
        detail: request,
      });
      return courseId;
    }),
  );
  return getCourse(db, actor, id);
}

export async function updateCourse(
  db: Db,
  actor: Actor,
  courseId: number,
  request: z.infer<typeof ZUpdateCourseRequest>,
): Promise<CourseDetail> {
  const course = await requireCourse(db, courseId);
  assert(canManageCourse(actor, course.companyId), "You may not change this course.");
  if (request.skills) {
    const fields = await courseSkillErrors(db, request.skills, course.companyId);
    if (fields.length) throw AppError.validation(fields);
  }
  await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const { skills: courseSkillList, ...values } = request;
      await updateCourseRow(tx, courseId, values);
      if (courseSkillList) await replaceCourseSkills(tx, courseId, courseSkillList);
      await audit(tx, actor, "learning.course.update", {
        entity: "course",
        entityId: courseId,
        detail: request,
      });
    }),
  );
  return getCourse(db, actor, courseId);
}

/** A new run of a course, by the HR of the company that hosts it (group-wide courses run in any company). */
export async function createSession(
  db: Db,
  actor: Actor,
  courseId: number,
  request: CreateSessionRequest,
): Promise<Session> {
  const course = await requireCourse(db, courseId);
  if (!(await findCompany(db, request.companyId))) {
    throw AppError.validation([
      { path: "companyId", message: `company ${request.companyId} does not exist` },
    ]);
  }
  assert(canManageCompany(actor, request.companyId), "You may not run sessions for this company.");
  const fields: FieldError[] = [];
  if (course.companyId !== null && course.companyId !== request.companyId) {
    fields.push({ path: "companyId", message: "the course belongs to another company" });
  }
  if (course.delivery === "e_learning")
    fields.push({ path: "courseId", message: "e-learning courses are taken without sessions" });
  if (!course.active) fields.push({ path: "courseId", message: "the course is no longer offered" });
  if (fields.length) throw AppError.validation(fields);
  const id = await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const sessionId = await insertSession(tx, { ...request, courseId });
      await audit(tx, actor, "learning.session.create", {
        entity: "course_session",
        entityId: sessionId,
        detail: { courseId, ...request },
      });
      return sessionId;
    }),
  );
  return presentSession((await findSession(db, id))!);
}

/**
 * HR of the hosting company change a session: dates, place or link, seats, status. Seats may not drop below the
 * places taken; a session that has started keeps its start date.
 */
export async function updateSession(
  db: Db,
  actor: Actor,
  sessionId: number,
  request: UpdateSessionRequest,
): Promise<Session> {
  const session = await findSession(db, sessionId);
  if (!session) throw AppError.notFound("Session", sessionId);
  assert(canManageCompany(actor, session.companyId), "Only the HR running the session may change it.");
  const startsOn = request.startsOn ?? session.startsOn;
  const endsOn = request.endsOn ?? session.endsOn;
  const fields: FieldError[] = [];
  if (endsOn < startsOn)
    fields.push({ path: "endsOn", message: `must not be before startsOn (${startsOn})` });
  if (request.startsOn !== undefined && request.startsOn !== session.startsOn && session.startsOn <= today())
    fields.push({ path: "startsOn", message: `the session started on ${session.startsOn}` });
  if (fields.length) throw AppError.validation(fields);
  await translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      await lockSession(tx, sessionId);
      if (request.capacity !== undefined) {
        const taken = await seatsTaken(tx, sessionId);
        if (request.capacity < taken)
          throw AppError.validation([
            {
              path: "capacity",
              message: `${taken} places are taken: the capacity must be at least ${taken}`,
            },
          ]);
      }
      await updateSessionRow(tx, sessionId, request);
      await audit(tx, actor, "learning.session.update", {
        entity: "course_session",
        entityId: sessionId,
        detail: request,
      });
    }),
  );
  return presentSession((await findSession(db, sessionId))!);
}

export async function listCertifications(db: Db) {
  const rows = await db
    .select()
    .from(certifications)
    .orderBy(asc(certifications.code), asc(certifications.id));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: loc(row.nameJa, row.nameEn),
    issuer: row.issuer,
    validityMonths: row.validityMonths,
  }));
}

export async function createCertification(
  db: Db,
  actor: Actor,
  request: z.infer<typeof ZCreateCertificationRequest>,
) {
  assert(isGroupAdmin(actor), "Only group HR may add certifications.");
  return translateSkillsDbError(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(certifications)
        .values({ ...request, code: request.code.toUpperCase() })
        .returning();
      await audit(tx, actor, "learning.certification.create", {
        entity: "certification",
        entityId: row!.id,
        detail: request,
      });
      return {
        id: row!.id,
        code: row!.code,
        name: loc(row!.nameJa, row!.nameEn),
        issuer: row!.issuer,
        validityMonths: row!.validityMonths,
      };
    }),
  );
}
