import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { queryRows } from "../../src/db/query";
import type { UserActor } from "../../src/modules/access/actor";
import { bruteForceRank, type RankPath, rankTraced } from "../../src/modules/mobility/match.engine";
import { explainPairs, findPostings, postingNeeds } from "../../src/modules/mobility/match.explain";
import {
  candidatePopulation,
  candidatesForPosting,
  postingsForMe,
} from "../../src/modules/mobility/match.service";
import { currentLevelRule } from "../../src/modules/skills/skills.repo";
import { today as serviceToday } from "../../src/shared/dates";
import type { Sample } from "../lib/stats";
import type { Benchmark, Row } from "../lib/types";

/**
 * Matching at group scale. Figures: "candidates for this posting" (top 50 opted-in people, each explained) and
 * "postings that fit me" (the 20 best open postings for an employee, explained), as service calls, p50 and p95
 * over many postings / people. Anchors, measured in the same run on the same copy:
 *   - candidates: the brute-force scan — score every opted-in, employed holder of any of the posting's skills
 *     (the plain aggregate over person_skill_levels), then the same explanation for its top 50;
 *   - postings that fit me: explain every open posting for the person and keep the best 20.
 *
 * Setup (set-based, on the bench's own copy of the demo group): when the demo holds fewer open postings with
 * skills than one per 100 employees, or fewer active scouting consents than a third of the people employed,
 * the bench adds them — postings built from the positions' skill maps (required = the map's required level,
 * preferred = one more skill at its desirable level), consents for every third person employed — and says so.
 */
const CANDIDATES = 50;
const FITTING = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const point = (value: number, runs: number): Sample => ({ median: value, min: value, max: value, runs });

export async function prepareMobilityData(
  db: Db,
  today: string,
  log: (m: string) => void,
): Promise<string[]> {
  const notes: string[] = [];
  const [counts] = await queryRows<{ employed: number; consents: number; postings: number }>(
    db,
    sql`select (select count(distinct person_id) from assignments where kind = 'primary' and during @> ${today}::date)::int as employed,
               (select count(*) from scouting_consents where withdrawn_at is null)::int as consents,
               (select count(*) from postings po where po.status = 'open'
                  and exists (select 1 from posting_skills ps where ps.posting_id = po.id))::int as postings`,
  );
  const employed = counts!.employed;
  if (counts!.consents < employed / 3) {
    await db.execute(
      sql`insert into scouting_consents (person_id, all_companies, company_ids)
          select a.person_id, (a.person_id % 2 = 0), case when a.person_id % 2 = 0 then '[]'::jsonb else jsonb_build_array(a.company_id) end
          from (select distinct on (person_id) person_id, company_id from assignments
                where kind = 'primary' and during @> ${today}::date order by person_id, valid_from desc, id desc) a
          where a.person_id % 3 = 0
            and not exists (select 1 from scouting_consents c where c.person_id = a.person_id and c.withdrawn_at is null)`,
    );
    notes.push("consents added for every third person employed (the demo had fewer than a third)");
  }
  const wanted = Math.max(10, Math.floor(employed / 100));
  if (counts!.postings < wanted) {
    const missing = wanted - counts!.postings;
    await db.execute(
      sql`with maps as (
            select r.position_id, min(r.company_id) as company_id,
                   array_agg(r.skill_id order by r.required_level desc, r.skill_id) as skill_ids,
                   array_agg(r.required_level order by r.required_level desc, r.skill_id) as levels,
                   array_agg(coalesce(r.desirable_level, r.required_level) order by r.required_level desc, r.skill_id) as desirable
            from skill_requirements r
            where r.position_id is not null and r.grade_id is null and r.during @> ${today}::date
            group by r.position_id having count(*) >= 3
          ),
          units as (
            select distinct on (a.position_id) a.position_id, a.org_unit_id from assignments a
            where a.kind = 'primary' and a.during @> ${today}::date and a.position_id in (select position_id from maps)
            order by a.position_id, a.org_unit_id
          ),
          picked as (
            select m.*, u.org_unit_id, n from maps m join units u using (position_id)
            cross join generate_series(1, ${missing}) n
            order by md5(m.position_id::text || '-' || n), m.position_id, n
            limit ${missing}
          ),
          made as (
            insert into postings (company_id, org_unit_id, kind, status, title_ja, title_en, position_id, opened_on, location)
            select company_id, org_unit_id, 'transfer', 'open', 'ベンチ募集 ' || position_id || '-' || n,
                   'Bench posting ' || position_id || '-' || n, position_id, ${today}::date, 'Tokyo'
            from picked order by position_id, n
            returning id, position_id
          )
          insert into posting_skills (posting_id, skill_id, level, required)
          select made.id, s.skill_id, greatest(1, case when s.k <= 4 then s.level else s.desirable end), s.k <= 4
          from made join maps m using (position_id)
          cross join lateral unnest(m.skill_ids, m.levels, m.desirable) with ordinality as s(skill_id, level, desirable, k)
          where s.k <= 6`,
    );
    notes.push(`${missing.toLocaleString("en")} open postings added from the positions' skill maps`);
  }
  if (notes.length > 0) log(`  mobility: ${notes.join("; ")}`);
  // Standing in for autovacuum (which vacuums bulk-loaded tables within a minute on a real server): the visibility
  // map lets the engine read person_skill_levels by index only, as a running server would.
  // The same for the GIN indexes of person_skill_tokens: a bulk load leaves their entries in the pending list,
  // which every search reads in full until a vacuum moves it into the index proper.
  await db.execute(
    sql`vacuum analyze person_skill_levels, person_skill_tokens, scouting_consents, postings, posting_skills`,
  );
  return notes;
}

export const mobilityBenchmark: Benchmark = {
  name: "mobility",
  summary: "top 50 explained candidates for a posting, and postings that fit me, beside brute-force scans",
  scope: "per-engine",
  async run(ctx) {
    const dataset = await ctx.dataset(ctx.engine);
    const copy = await dataset.openDemo();
    try {
      const db = copy.database.db;
      const today = ctx.options.today;
      const notes = await prepareMobilityData(db, today, ctx.log);
      const postings = await queryRows<{ id: number; companyId: number }>(
        db,
        sql`select po.id, po.company_id as "companyId" from postings po
            where po.status = 'open' and exists (select 1 from posting_skills ps where ps.posting_id = po.id)
            order by md5(po.id::text), po.id limit 200`,
      );
      const people = await queryRows<{ id: number }>(
        db,
        sql`select distinct person_id as id from person_skill_levels order by id limit 5000`,
      );
      const sampledPeople = people.filter((_p, i) => i % Math.max(1, Math.floor(people.length / 200)) === 0);
      const [stats] = await queryRows<{ people: number; visible: number; levels: number }>(
        db,
        sql`select (select count(*) from persons)::int as people,
                   (select count(*) from scouting_consents where withdrawn_at is null)::int as visible,
                   (select count(*) from person_skill_levels)::int as levels`,
      );
      const recruiterFor = (companyId: number): UserActor => ({
        kind: "user",
        userId: 0,
        email: "bench-recruiter@bench",
        personId: null,
        roles: [{ role: "recruiter", companyId }],
        hrCompanyIds: [],
        isGroupHr: false,
        managedOrgUnitIds: [],
        recruiterGrants: [{ companyId, orgUnitId: null }],
        origin: null,
      });
      const employee = (personId: number): UserActor => ({
        ...recruiterFor(0),
        recruiterGrants: [],
        roles: [],
        personId,
      });
      const runs = ctx.options.quick ? 10 : 60;
      const warmup = ctx.options.quick ? 1 : 5;
      const rule = await currentLevelRule(db);

      const measure = async (fn: (i: number) => Promise<unknown>) => {
        for (let i = 0; i < warmup; i++) await fn(i + 1000);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t0 = performance.now();
          await fn(i);
          times.push(performance.now() - t0);
        }
        return times;
      };
      const posting = (i: number) => postings[i % postings.length]!;

      // The services work as of the real day (today()): so do the anchors and the trace.
      const asOf = serviceToday();
      let found = 0;
      const candidates = await measure(async (i) => {
        const p = posting(i);
        const result = await candidatesForPosting(db, recruiterFor(p.companyId), p.id, { limit: CANDIDATES });
        found += result.candidates.length;
      });
      const rankOptions = async (p: { id: number; companyId: number }) => ({
        needs: await postingNeeds(db, [p.id]),
        rule,
        population: candidatePopulation(recruiterFor(p.companyId), asOf),
        limit: CANDIDATES,
      });
      const brute = await measure(async (i) => {
        const p = posting(i);
        const [row] = await findPostings(db, [p.id], asOf);
        const options = await rankOptions(p);
        const ranked = await bruteForceRank(db, options);
        await explainPairs(
          db,
          ranked.map((r) => ({ personId: r.personId, postingId: p.id })),
          new Map([[p.id, row!]]),
          { rule, asOf, needs: options.needs },
        );
      });
      // Which method answered each posting measured, and whether it agreed with the brute force (untimed).
      const paths = new Map<RankPath, number>();
      let disagreements = 0;
      for (let i = 0; i < runs; i++) {
        const options = await rankOptions(posting(i));
        const traced = await rankTraced(db, options);
        paths.set(traced.path, (paths.get(traced.path) ?? 0) + 1);
        if (JSON.stringify(traced.people) !== JSON.stringify(await bruteForceRank(db, options)))
          disagreements++;
      }
      if (disagreements > 0)
        throw new Error(`mobility: the engine and the brute force disagree on ${disagreements} postings`);
      const fits = await measure(async (i) => {
        await postingsForMe(db, employee(sampledPeople[i % sampledPeople.length]!.id), { limit: FITTING });
      });
      const openPostings = await queryRows<{ id: number }>(
        db,
        sql`select id from postings where status = 'open' order by id`,
      );
      const allOpen = await findPostings(
        db,
        openPostings.map((p) => p.id),
        asOf,
      );
      const byId = new Map(allOpen.map((p) => [p.id, p]));
      const fitsBrute = await measure(async (i) => {
        const personId = sampledPeople[i % sampledPeople.length]!.id;
        const explained = await explainPairs(
          db,
          allOpen.map((p) => ({ personId, postingId: p.id })),
          byId,
          { rule, asOf },
        );
        [...explained.values()].sort((a, b) => b.score - a.score).slice(0, FITTING);
      });

      const size = `${stats!.people.toLocaleString("en")} people, ${stats!.visible.toLocaleString("en")} opted in, ${stats!.levels.toLocaleString("en")} current skill levels, ${openPostings.length.toLocaleString("en")} open postings`;
      const setup = notes.length > 0 ? `; setup: ${notes.join("; ")}` : "";
      const rows: Row[] = [];
      const add = (name: string, figure: number[], anchor: number[], label: string, note?: string) => {
        rows.push({
          benchmark: `${name} p50`,
          engine: ctx.engine,
          unit: "ms",
          figure: point(percentile(figure, 50), figure.length),
          anchor: { label, sample: point(percentile(anchor, 50), anchor.length) },
          ...(note ? { note } : {}),
        });
        rows.push({
          benchmark: `${name} p95`,
          engine: ctx.engine,
          unit: "ms",
          figure: point(percentile(figure, 95), figure.length),
          anchor: { label, sample: point(percentile(anchor, 95), anchor.length) },
        });
      };
      add(
        "mobility: top 50 candidates",
        candidates,
        brute,
        "brute-force scan + explain",
        `${size}; ${runs} postings cycled, ${(found / (runs + warmup)).toFixed(0)} candidates each on average; answered by ${[...paths].map(([path, n]) => `${path} ${n}`).join(", ")} (same top 50 as the brute force for every one)${setup}`,
      );
      add("mobility: postings that fit me", fits, fitsBrute, "explain every open posting");
      return rows;
    } finally {
      await copy.destroy();
    }
  },
};
