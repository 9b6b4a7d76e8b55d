import { z } from "zod";
import {
  ZAsOfQuery,
  ZChangeAssignmentRequest,
  ZCreateEmploymentRequest,
  ZCreatePersonRequest,
  ZIdParams,
  ZPeopleQuery,
  ZPeopleResponse,
  ZPersonDetail,
  ZPersonSensitive,
  ZTerminateEmploymentRequest,
  ZUpdatePersonSensitiveRequest,
} from "../../shared/api";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import {
  addAssignment,
  addEmployment,
  createPerson,
  getPerson,
  getSensitive,
  searchPeople,
  terminateEmployment,
  updateSensitive,
} from "./people.service";

const tags = ["people"];
const ZCreated = z.object({ id: z.number().int() });

export function registerPeopleRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;
  const user = { access: "user" as const };

  app.get(
    "/api/people",
    {
      config: user,
      schema: {
        tags,
        summary: "The people directory, within the caller's scope",
        querystring: ZPeopleQuery,
        response: { 200: ZPeopleResponse },
      },
    },
    async (request) => searchPeople(db, requireActor(request), request.query),
  );

  app.post(
    "/api/people",
    {
      config: user,
      schema: {
        tags,
        summary: "Hire a person (company HR)",
        body: ZCreatePersonRequest,
        response: { 201: ZPersonDetail },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createPerson(db, actor, request.body);
      return reply.status(201).send(await getPerson(db, actor, id));
    },
  );

  app.get(
    "/api/people/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A person with the timeline of employments and assignments",
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZPersonDetail },
      },
    },
    async (request) => getPerson(db, requireActor(request), request.params.id, request.query.asOf),
  );

  app.get(
    "/api/people/:id/sensitive",
    {
      config: user,
      schema: {
        tags,
        summary: "Sensitive attributes (company HR and the person; every read is audited)",
        params: ZIdParams,
        response: { 200: ZPersonSensitive },
      },
    },
    async (request) => getSensitive(db, requireActor(request), request.params.id),
  );

  app.put(
    "/api/people/:id/sensitive",
    {
      config: user,
      schema: {
        tags,
        summary: "Set sensitive attributes (company HR)",
        params: ZIdParams,
        body: ZUpdatePersonSensitiveRequest,
        response: { 200: ZPersonSensitive },
      },
    },
    async (request) => updateSensitive(db, requireActor(request), request.params.id, request.body),
  );

  app.post(
    "/api/people/:id/employments",
    {
      config: user,
      schema: {
        tags,
        summary: "Add an employment (a hire at another group company, a rehire)",
        params: ZIdParams,
        body: ZCreateEmploymentRequest,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ id: await addEmployment(db, requireActor(request), request.params.id, request.body) }),
  );

  app.post(
    "/api/employments/:id/termination",
    {
      config: user,
      schema: {
        tags,
        summary: "End an employment on its last day (running assignments end with it)",
        params: ZIdParams,
        body: ZTerminateEmploymentRequest,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await terminateEmployment(db, requireActor(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/employments/:id/assignments",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a dated assignment; with replacesAssignmentId, a transfer or promotion",
        params: ZIdParams,
        body: ZChangeAssignmentRequest.partial({ replacesAssignmentId: true }),
        response: { 201: ZCreated },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ id: await addAssignment(db, requireActor(request), request.params.id, request.body) }),
  );
}
