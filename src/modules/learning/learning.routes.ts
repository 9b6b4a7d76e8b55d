import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZAsOfQuery, ZIdParams } from "../../shared/api";
import {
  ZAddCertificationRequest,
  ZAssignCourseRequest,
  ZAssignCourseResponse,
  ZCertification,
  ZCertificationList,
  ZCompletionRequest,
  ZCourseDetail,
  ZCourseList,
  ZCourseQuery,
  ZCreateCertificationRequest,
  ZCreateCourseRequest,
  ZCreateSessionRequest,
  ZDecisionRequest,
  ZEnrolment,
  ZEnrolmentList,
  ZEnrolRequest,
  ZExpiringCertificationList,
  ZExpiringCertificationsQuery,
  ZOverdueQuery,
  ZPersonLearning,
  ZRosterResponse,
  ZSession,
  ZUpdateCourseRequest,
  ZUpdateSessionRequest,
} from "../../shared/skills-api";
import {
  createCertification,
  createCourse,
  createSession,
  getCourse,
  listCatalog,
  listCertifications,
  updateCourse,
  updateSession,
} from "./catalog.service";
import { expiringCertificationList } from "./certification-reminders.service";
import { completeEnrolment } from "./completion.service";
import { assignCourse, cancelEnrolment, decideEnrolment, enrol } from "./enrolment.service";
import {
  addCertification,
  overdueTraining,
  pendingApprovals,
  personLearning,
  sessionRoster,
} from "./learning-lists.service";

const tags = ["learning"];
const user = { access: "user" as const };

export function registerLearningRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/api/courses",
    {
      config: user,
      schema: {
        tags,
        summary: "The training catalog",
        querystring: ZCourseQuery,
        response: { 200: ZCourseList },
      },
    },
    async (request) => listCatalog(db, requireActor(request), request.query),
  );
  app.post(
    "/api/courses",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a course (group HR, or company HR for their company)",
        body: ZCreateCourseRequest,
        response: { 201: ZCourseDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCourse(db, requireActor(request), request.body)),
  );
  app.get(
    "/api/courses/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A course with its sessions and the caller's enrolments",
        params: ZIdParams,
        response: { 200: ZCourseDetail },
      },
    },
    async (request) => getCourse(db, requireActor(request), request.params.id),
  );
  app.patch(
    "/api/courses/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Change a course (its owner's HR)",
        params: ZIdParams,
        body: ZUpdateCourseRequest,
        response: { 200: ZCourseDetail },
      },
    },
    async (request) => updateCourse(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    "/api/courses/:id/sessions",
    {
      config: user,
      schema: {
        tags,
        summary: "Schedule a session (HR of the hosting company)",
        params: ZIdParams,
        body: ZCreateSessionRequest,
        response: { 201: ZSession },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSession(db, requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/sessions/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Change a session's dates, place or link, capacity or status (HR of the hosting company)",
        params: ZIdParams,
        body: ZUpdateSessionRequest,
        response: { 200: ZSession },
      },
    },
    async (request) => updateSession(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    "/api/learning/certifications/expiring",
    {
      config: user,
      schema: {
        tags,
        summary: "Certifications expiring soon or just expired, not renewed (managers: their units; HR)",
        querystring: ZExpiringCertificationsQuery,
        response: { 200: ZExpiringCertificationList },
      },
    },
    async (request) => expiringCertificationList(db, requireActor(request), request.query),
  );
  app.post(
    "/api/courses/:id/assignments",
    {
      config: user,
      schema: {
        tags,
        summary:
          "Assign a course to a company's people (all in its audience, an org unit, grades or a list), mandatory with a due date (company HR)",
        params: ZIdParams,
        body: ZAssignCourseRequest,
        response: { 200: ZAssignCourseResponse },
      },
    },
    async (request) => assignCourse(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    "/api/sessions/:id/roster",
    {
      config: user,
      schema: {
        tags,
        summary: "Everyone on a session (HR running it)",
        params: ZIdParams,
        response: { 200: ZRosterResponse },
      },
    },
    async (request) => sessionRoster(db, requireActor(request), request.params.id),
  );
  app.post(
    "/api/enrolments",
    {
      config: user,
      schema: {
        tags,
        summary: "Ask for a place (employee) or enrol someone (company HR)",
        body: ZEnrolRequest,
        response: { 201: ZEnrolment },
      },
    },
    async (request, reply) => reply.status(201).send(await enrol(db, requireActor(request), request.body)),
  );
  app.post(
    "/api/enrolments/:id/decision",
    {
      config: user,
      schema: {
        tags,
        summary: "Approve or turn down a request (manager, HR)",
        params: ZIdParams,
        body: ZDecisionRequest,
        response: { 200: ZEnrolment },
      },
    },
    async (request) => decideEnrolment(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    "/api/enrolments/:id/cancel",
    {
      config: user,
      schema: {
        tags,
        summary: "Withdraw before the session starts (the person, HR)",
        params: ZIdParams,
        response: { 200: ZEnrolment },
      },
    },
    async (request) => cancelEnrolment(db, requireActor(request), request.params.id),
  );
  app.post(
    "/api/enrolments/:id/completion",
    {
      config: user,
      schema: {
        tags,
        summary: "Record attendance and completion (HR; the person for their own e-learning)",
        params: ZIdParams,
        body: ZCompletionRequest,
        response: { 200: ZEnrolment },
      },
    },
    async (request) => completeEnrolment(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    "/api/learning/approvals",
    {
      config: user,
      schema: {
        tags,
        summary: "Requests waiting for the caller's decision (managers, HR)",
        response: { 200: ZEnrolmentList },
      },
    },
    async (request) => pendingApprovals(db, requireActor(request)),
  );
  app.get(
    "/api/learning/overdue",
    {
      config: user,
      schema: {
        tags,
        summary: "Mandatory training past its due date (managers, HR)",
        querystring: ZOverdueQuery,
        response: { 200: ZEnrolmentList },
      },
    },
    async (request) => overdueTraining(db, requireActor(request), request.query),
  );
  app.get(
    "/api/people/:id/learning",
    {
      config: user,
      schema: {
        tags,
        summary: "A person's enrolments, training records and certifications",
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZPersonLearning },
      },
    },
    async (request) => personLearning(db, requireActor(request), request.params.id, request.query.asOf),
  );
  app.post(
    "/api/people/:id/certifications",
    {
      config: user,
      schema: {
        tags,
        summary: "Record a certification held (the person, HR)",
        params: ZIdParams,
        body: ZAddCertificationRequest,
        response: { 201: ZPersonLearning },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addCertification(db, requireActor(request), request.params.id, request.body)),
  );
  app.get(
    "/api/certifications",
    {
      config: user,
      schema: { tags, summary: "Certifications the group recognises", response: { 200: ZCertificationList } },
    },
    async () => ({ items: await listCertifications(db) }),
  );
  app.post(
    "/api/certifications",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a certification (group HR)",
        body: ZCreateCertificationRequest,
        response: { 201: ZCertification },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCertification(db, requireActor(request), request.body)),
  );
}
