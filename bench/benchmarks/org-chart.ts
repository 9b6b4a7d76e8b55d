import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { queryRows } from "../../src/db/query";
import { orgChart } from "../../src/modules/org/org.service";
import { summarize, timeRepeated } from "../lib/stats";
import type { Benchmark } from "../lib/types";

/**
 * The anchor: one hand-written query returning the same data as the org chart of the whole group — every
 * company with its headcount, every unit valid on the date with its parent, headcount and head's name.
 */
export function orgChartSql(db: Db, asOf: string) {
  return queryRows<{ orgUnitId: number | null }>(
    db,
    sql`with unit_people as (
          select org_unit_id, count(distinct person_id) as headcount, min(person_id) filter (where is_head) as head_id
          from assignments where during @> ${asOf}::date group by org_unit_id
        ), company_people as (
          select company_id, count(distinct person_id) as headcount from employments
          where hire_date <= ${asOf}::date and (termination_date is null or termination_date >= ${asOf}::date)
          group by company_id
        )
        select c.id as "companyId", c.code as "companyCode", c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
               coalesce(cp.headcount, 0)::int as "companyHeadcount",
               v.org_unit_id as "orgUnitId", u.code, v.name_ja as "nameJa", v.name_en as "nameEn",
               v.parent_org_unit_id as "parentId", v.valid_from::text as "validFrom", v.valid_to::text as "validTo",
               coalesce(up.headcount, 0)::int as headcount, h.id as "headPersonId",
               h.family_name as "headFamilyName", h.given_name as "headGivenName",
               h.family_name_latin as "headFamilyNameLatin", h.given_name_latin as "headGivenNameLatin"
        from companies c
        left join company_people cp on cp.company_id = c.id
        left join org_unit_versions v on v.company_id = c.id and v.during @> ${asOf}::date
        left join org_units u on u.id = v.org_unit_id
        left join unit_people up on up.org_unit_id = v.org_unit_id
        left join persons h on h.id = up.head_id
        order by c.code, c.id, u.code, v.org_unit_id`,
  );
}

/** GET /api/org-chart?asOf= for the whole group: as a service call and over HTTP, beside the query alone. */
export const orgChartBenchmark: Benchmark = {
  name: "org-chart",
  summary: "org chart of the whole group as of a date (service call and HTTP) beside the hand-written SQL",
  scope: "per-engine",
  async run(ctx) {
    const server = await ctx.demoServer(ctx.engine);
    const { db } = server.database;
    const asOf = ctx.options.today;
    const options = ctx.profile.calls;

    let units = 0;
    const service = await timeRepeated(async () => {
      const chart = await orgChart(db, server.actor, { asOf });
      units = chart.companies.reduce((sum, c) => sum + c.units.length, 0);
    }, options);
    const http = await timeRepeated(async () => {
      const response = await server.app.inject({
        method: "GET",
        url: `/api/org-chart?asOf=${asOf}`,
        headers: { cookie: server.cookie },
      });
      if (response.statusCode !== 200) throw new Error(`GET /api/org-chart answered ${response.statusCode}`);
    }, options);
    let anchorUnits = 0;
    const query = await timeRepeated(async () => {
      anchorUnits = (await orgChartSql(db, asOf)).filter((row) => row.orgUnitId !== null).length;
    }, options);

    const anchor = { label: "hand-written SQL", sample: summarize(query) };
    const note = `${units.toLocaleString("en")} units${anchorUnits === units ? "" : ` (the SQL found ${anchorUnits}!)`}`;
    return [
      {
        benchmark: "org-chart service",
        engine: ctx.engine,
        unit: "ms",
        figure: summarize(service),
        anchor,
        note,
      },
      {
        benchmark: "org-chart HTTP (inject)",
        engine: ctx.engine,
        unit: "ms",
        figure: summarize(http),
        anchor,
        note,
      },
    ];
  },
};
