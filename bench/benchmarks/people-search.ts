import { httpRows } from "../lib/http-load";
import type { Benchmark } from "../lib/types";

/** GET /api/people?q=... as group HR, cycling through search terms (family names, full names, kana readings). */
export const peopleSearch: Benchmark = {
  name: "people-search",
  summary: "GET /api/people?q= (directory search, group HR) under autocannon at 10 and 100 connections",
  scope: "per-engine",
  async run(ctx) {
    const server = await ctx.demoServer(ctx.engine);
    const asOf = ctx.options.today;
    return httpRows(ctx, "people-search", {
      url: server.url,
      paths: server.searchTerms.map((q) => `/api/people?q=${encodeURIComponent(q)}&asOf=${asOf}&limit=50`),
      headers: { cookie: server.cookie },
      idle: server.idle,
    });
  },
};
