import { z } from "zod";
import { ZCompanyQuery, ZId, ZIdParams, ZIsoDate } from "../../shared/api";
import {
  ZAssessment,
  ZAssessmentHistory,
  ZCreateAssessmentRequest,
  ZCreateSkillCategoryRequest,
  ZCreateSkillRequest,
  ZHeatmap,
  ZHeatmapQuery,
  ZJobDescription,
  ZJobDescriptionQuery,
  ZLoadOnetResponse,
  ZPersonSkills,
  ZPersonSkillsQuery,
  ZPositionCatalog,
  ZScarcity,
  ZScarcityQuery,
  ZSetSkillMapRequest,
  ZSkillCategory,
  ZSkillCategoryList,
  ZSkillDetail,
  ZSkillList,
  ZSkillQuery,
  ZSkillScale,
  ZSkillSettings,
  ZUpdateSkillRequest,
  ZUpdateSkillScaleRequest,
  ZUpdateSkillSettingsRequest,
} from "../../shared/skills-api";
import { requireActor } from "../../server/context";
import type { RouteDeps, ZodApp } from "../../server/types";
import { getAssessmentHistory, recordAssessment } from "./assessments.service";
import { personSkills } from "./gaps.service";
import {
  categories,
  createCategory,
  createSkill,
  getScale,
  getSkill,
  skillsList,
  updateScale,
  updateSkill,
} from "./library.service";
import { loadOnetLibrary } from "./onet.service";
import { getSkillSettings, updateSkillSettings } from "./settings.service";
import {
  deriveSkillMapFromOnet,
  getJobDescription,
  positionCatalog,
  setSkillMap,
} from "./skill-maps.service";
import { scarceSkills, teamHeatmap } from "./team.service";

const tags = ["skills"];
const user = { access: "user" as const };
const ZCategoryQuery = z.object({ companyId: ZId.optional() });
const ZPersonSkillParams = z.object({ id: ZId, skillId: ZId });

export function registerSkillsRoutes(app: ZodApp, { database }: RouteDeps): void {
  const { db } = database;

  app.get(
    "/api/skills/scale",
    {
      config: user,
      schema: {
        tags,
        summary: "The proficiency scale and the current-level rule",
        response: { 200: ZSkillScale },
      },
    },
    async () => getScale(db),
  );
  app.put(
    "/api/skills/scale",
    {
      config: user,
      schema: {
        tags,
        summary: "Change the proficiency scale (group HR)",
        body: ZUpdateSkillScaleRequest,
        response: { 200: ZSkillScale },
      },
    },
    async (request) => updateScale(db, requireActor(request), request.body),
  );
  app.get(
    "/api/skills/settings",
    {
      config: user,
      schema: {
        tags,
        summary:
          "The group's skill settings: current-level rule, certification reminder lead times (group HR)",
        response: { 200: ZSkillSettings },
      },
    },
    async (request) => getSkillSettings(db, requireActor(request)),
  );
  app.put(
    "/api/skills/settings",
    {
      config: user,
      schema: {
        tags,
        summary: "Change the current-level rule and/or the certification reminder lead times (group HR)",
        body: ZUpdateSkillSettingsRequest,
        response: { 200: ZSkillSettings },
      },
    },
    async (request) => updateSkillSettings(db, requireActor(request), request.body),
  );
  app.post(
    "/api/skills/load-onet",
    {
      config: user,
      schema: {
        tags,
        summary: "Load the O*NET starter library (group HR; idempotent)",
        response: { 200: ZLoadOnetResponse },
      },
    },
    async (request) => loadOnetLibrary(db, requireActor(request)),
  );
  app.get(
    "/api/skill-categories",
    {
      config: user,
      schema: {
        tags,
        summary: "Skill categories (the group's, and a company's own)",
        querystring: ZCategoryQuery,
        response: { 200: ZSkillCategoryList },
      },
    },
    async (request) => ({ items: await categories(db, request.query.companyId) }),
  );
  app.post(
    "/api/skill-categories",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a skill category (group HR, or company HR for their company)",
        body: ZCreateSkillCategoryRequest,
        response: { 201: ZSkillCategory },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCategory(db, requireActor(request), request.body)),
  );
  app.get(
    "/api/skills",
    {
      config: user,
      schema: { tags, summary: "The skill library", querystring: ZSkillQuery, response: { 200: ZSkillList } },
    },
    async (request) => ({ items: await skillsList(db, request.query) }),
  );
  app.post(
    "/api/skills",
    {
      config: user,
      schema: {
        tags,
        summary: "Add a skill (group HR, or company HR for their company)",
        body: ZCreateSkillRequest,
        response: { 201: ZSkillDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSkill(db, requireActor(request), request.body)),
  );
  app.get(
    "/api/skills/heatmap",
    {
      config: user,
      schema: {
        tags,
        summary: "Skills × people of an org unit's subtree (its managers, HR)",
        querystring: ZHeatmapQuery,
        response: { 200: ZHeatmap },
      },
    },
    async (request) => teamHeatmap(db, requireActor(request), request.query),
  );
  app.get(
    "/api/skills/scarcity",
    {
      config: user,
      schema: {
        tags,
        summary: "Where skills are scarce: coverage of required levels (HR)",
        querystring: ZScarcityQuery,
        response: { 200: ZScarcity },
      },
    },
    async (request) => scarceSkills(db, requireActor(request), request.query),
  );
  app.get(
    "/api/skills/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "A skill with its level anchors and the courses that build it",
        params: ZIdParams,
        response: { 200: ZSkillDetail },
      },
    },
    async (request) => getSkill(db, request.params.id),
  );
  app.patch(
    "/api/skills/:id",
    {
      config: user,
      schema: {
        tags,
        summary: "Change a skill (its owner's HR)",
        params: ZIdParams,
        body: ZUpdateSkillRequest,
        response: { 200: ZSkillDetail },
      },
    },
    async (request) => updateSkill(db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    "/api/job-descriptions",
    {
      config: user,
      schema: {
        tags,
        summary: "A company's positions with the size of their skill maps",
        querystring: ZCompanyQuery,
        response: { 200: ZPositionCatalog },
      },
    },
    async (request) => positionCatalog(db, request.query.companyId),
  );
  app.get(
    "/api/positions/:id/job-description",
    {
      config: user,
      schema: {
        tags,
        summary: "A position's job description: its skill map with level anchors",
        params: ZIdParams,
        querystring: ZJobDescriptionQuery,
        response: { 200: ZJobDescription },
      },
    },
    async (request) => getJobDescription(db, requireActor(request), request.params.id, request.query),
  );
  app.put(
    "/api/positions/:id/skill-map",
    {
      config: user,
      schema: {
        tags,
        summary: "Set a position's skill map from a date (company HR)",
        params: ZIdParams,
        body: ZSetSkillMapRequest,
        response: { 200: ZJobDescription },
      },
    },
    async (request) => setSkillMap(db, requireActor(request), request.params.id, request.body),
  );
  app.post(
    "/api/positions/:id/skill-map/onet",
    {
      config: user,
      schema: {
        tags,
        summary: "Set a position's skill map from O*NET's ratings of its O*NET-SOC code (company HR)",
        params: ZIdParams,
        body: z.object({ validFrom: ZIsoDate }),
        response: { 200: ZJobDescription },
      },
    },
    async (request) =>
      deriveSkillMapFromOnet(db, requireActor(request), request.params.id, request.body.validFrom),
  );
  app.get(
    "/api/people/:id/skills",
    {
      config: user,
      schema: {
        tags,
        summary: "A person's skills and gaps, with courses that close them",
        params: ZIdParams,
        querystring: ZPersonSkillsQuery,
        response: { 200: ZPersonSkills },
      },
    },
    async (request) => personSkills(db, requireActor(request), request.params.id, request.query),
  );
  app.get(
    "/api/people/:id/skills/:skillId/assessments",
    {
      config: user,
      schema: {
        tags,
        summary: "The assessment history of a person's skill",
        params: ZPersonSkillParams,
        response: { 200: ZAssessmentHistory },
      },
    },
    async (request) =>
      getAssessmentHistory(db, requireActor(request), request.params.id, request.params.skillId),
  );
  app.post(
    "/api/people/:id/assessments",
    {
      config: user,
      schema: {
        tags,
        summary: "Record a self, manager or HR assessment",
        params: ZIdParams,
        body: ZCreateAssessmentRequest,
        response: { 201: ZAssessment },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordAssessment(db, requireActor(request), request.params.id, request.body)),
  );
}
