import { httpRows } from "../lib/http-load";
import type { Benchmark } from "../lib/types";

/** GET /api/people/:id as group HR: a person with their employments and assignments, cycling through people. */
export const personPage: Benchmark = {
  name: "person-page",
  summary: "GET /api/people/:id (person page, group HR) under autocannon at 10 and 100 connections",
  scope: "per-engine",
  async run(ctx) {
    const server = await ctx.demoServer(ctx.engine);
    const asOf = ctx.options.today;
    return httpRows(ctx, "person-page", {
      url: server.url,
      paths: server.personIds.map((id) => `/api/people/${id}?asOf=${asOf}`),
      headers: { cookie: server.cookie },
      idle: server.idle,
    });
  },
};
