import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { ZIdParams } from "../../shared/api";
import {
  type Application,
  ZApplication,
  ZApplicationList,
  ZApplicationQuery,
  ZApplyRequest,
  ZCompanyParams,
  ZConfirmRequest,
  ZCreatePostingRequest,
  ZMobilitySettings,
  ZPostingDetail,
  ZPostingList,
  ZPostingQuery,
  ZReleaseRequest,
  ZStepRequest,
  ZUpdateMobilitySettingsRequest,
  ZUpdatePostingRequest,
} from "../../shared/postings-api";
import {
  advanceApplication,
  applyToPosting,
  getApplication,
  listApplications,
  postingApplications,
  rejectApplication,
  withdrawApplication,
} from "./application.service";
import { completeDueMoves, confirmApplication, releaseApplication } from "./application-release.service";
import { getMobilitySettings, updateMobilitySettings } from "./mobility-settings.service";
import { createPosting, getPosting, listPostings, setPostingStatus, updatePosting } from "./posting.service";

const tags = ["mobility"];
const user = { access: "user" as const };
/** How often the running server marks due moves (the job is idempotent; it also runs at start). */
const MOVES_EVERY_MS = 6 * 60 * 60 * 1000;

export function registerPostingRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  let timer: NodeJS.Timeout | undefined;
  const runMoves = () =>
    completeDueMoves(db).catch((err: unknown) => app.log.error({ err }, "completing due moves failed"));
  app.addHook("onReady", async () => {
    void runMoves();
    timer = setInterval(runMoves, MOVES_EVERY_MS);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    if (timer) clearInterval(timer);
  });

  app.get(
    "/api/postings",
    {
      config: user,
      schema: {
        tags,
        summary:
          "The postings board (open postings), or with view=manage the postings the caller manages or owns",
        querystring: ZPostingQuery,
        response: { 200: ZPostingList },
      },
    },
    async (request) => listPostings(db, requireActor(request), request.query),
  );
  app.post(
    "/api/postings",
    {
      config: user,
      schema: {
        tags,
        summary: "Create a posting (draft) — HR or recruiters of the posting company, group HR",
        body: ZCreatePostingRequest,
        response: { 201: ZPostingDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPosting(db, requireActor(request), request.body)),
  );
  app.get(
    "/api/postings/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A posting with the caller's application and eligibility",
        params: ZIdParams,
        response: { 200: ZPostingDetail },
      },
    },
    async (request) => getPosting(db, requireActor(request), request.params.id),
  );
  app.patch(
    "/api/postings/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Change a posting (skills are replaced when given)",
        params: ZIdParams,
        body: ZUpdatePostingRequest,
        response: { 200: ZPostingDetail },
      },
    },
    async (request) => updatePosting(db, requireActor(request), request.params.id, request.body),
  );
  for (const [path, target] of [
    ["open", "open"],
    ["close", "closed"],
  ] as const) {
    app.post(
      `/api/postings/:id/${path}`,
      {
        config: user,
        schema: {
          tags,
          summary: `${path === "open" ? "Open" : "Close"} a posting`,
          params: ZIdParams,
          response: { 200: ZPostingDetail },
        },
      },
      async (request) => setPostingStatus(db, requireActor(request), request.params.id, target),
    );
  }
  app.get(
    "/api/postings/:id/applications",
    {
      config: user,
      schema: {
        tags,
        summary: "Applications to a posting (its owner, HR and recruiters of the posting company)",
        params: ZIdParams,
        response: { 200: ZApplicationList },
      },
    },
    async (request) => postingApplications(db, requireActor(request), request.params.id),
  );
  app.post(
    "/api/postings/:id/applications",
    {
      config: user,
      schema: {
        tags,
        summary: "Apply to an open posting (the signed-in employee)",
        params: ZIdParams,
        body: ZApplyRequest,
        response: { 201: ZApplication },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await applyToPosting(db, requireActor(request), {
          postingId: request.params.id,
          motivation: request.body.motivation,
          scoutId: request.body.scoutId,
        }),
      ),
  );
  app.get(
    "/api/applications",
    {
      config: user,
      schema: {
        tags,
        summary: "My applications, those waiting for my release, or (HR) those waiting for confirmation",
        querystring: ZApplicationQuery,
        response: { 200: ZApplicationList },
      },
    },
    async (request) => listApplications(db, requireActor(request), request.query.view),
  );
  app.get(
    "/api/applications/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "An application with its status timeline and the steps the caller may take",
        params: ZIdParams,
        response: { 200: ZApplication },
      },
    },
    async (request) => getApplication(db, requireActor(request), request.params.id),
  );
  const step = (
    path: string,
    summary: string,
    run: (actor: ReturnType<typeof requireActor>, id: number, note: string | null) => Promise<Application>,
  ) =>
    app.post(
      `/api/applications/:id/${path}`,
      {
        config: user,
        schema: { tags, summary, params: ZIdParams, body: ZStepRequest, response: { 200: ZApplication } },
      },
      async (request) => run(requireActor(request), request.params.id, request.body.note),
    );
  step(
    "advance",
    "Move an application to the workflow's next step (posting owner / HR / recruiter)",
    (actor, id, note) => advanceApplication(db, actor, id, note),
  );
  step("reject", "Turn an application down (posting owner / HR / recruiter)", (actor, id, note) =>
    rejectApplication(db, actor, id, note),
  );
  step("withdraw", "Withdraw my application", (actor, id, note) =>
    withdrawApplication(db, actor, id, note, "withdrawn"),
  );
  step("decline", "Decline an offer", (actor, id, note) =>
    withdrawApplication(db, actor, id, note, "declined"),
  );
  app.post(
    "/api/applications/:id/release",
    {
      config: user,
      schema: {
        tags,
        summary:
          "Release the applicant (their current manager); for side assignments approve the share of time",
        params: ZIdParams,
        body: ZReleaseRequest,
        response: { 200: ZApplication },
      },
    },
    async (request) => releaseApplication(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    "/api/applications/:id/confirm",
    {
      config: user,
      schema: {
        tags,
        summary:
          "Confirm a released application with its effective date (HR); writes the move as dated assignments",
        params: ZIdParams,
        body: ZConfirmRequest,
        response: { 200: ZApplication },
      },
    },
    async (request) => confirmApplication(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    "/api/mobility/settings/:companyId",
    {
      config: user,
      schema: {
        tags,
        summary: "A company's application workflow (optional steps)",
        params: ZCompanyParams,
        response: { 200: ZMobilitySettings },
      },
    },
    async (request) => getMobilitySettings(db, requireActor(request), request.params.companyId),
  );
  app.put(
    "/api/mobility/settings/:companyId",
    {
      config: user,
      schema: {
        tags,
        summary: "Choose the optional steps of a company's application workflow (its HR)",
        params: ZCompanyParams,
        body: ZUpdateMobilitySettingsRequest,
        response: { 200: ZMobilitySettings },
      },
    },
    async (request) =>
      updateMobilitySettings(db, requireActor(request), request.params.companyId, request.body),
  );
}
