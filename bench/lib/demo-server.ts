import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../src/db/client";
import { queryRows } from "../../src/db/query";
import { DEMO_PASSWORD } from "../../src/demo/generate";
import type { UserActor } from "../../src/modules/access/actor";
import { actorForSession } from "../../src/modules/auth/auth.service";
import { buildApp } from "../../src/server/app";
import { SESSION_COOKIE } from "../../src/server/context";
import type { Dataset } from "./datasets";

export const GROUP_HR_EMAIL = "group-hr@demo.tekizai.dev";
const SAMPLE_SIZE = 200;

/** Tekizai's server on a copy of the demo group, listening on loopback, with a group-HR session. */
export interface DemoServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  /** Cookie header of the group-HR session (from POST /api/auth/login). */
  cookie: string;
  /** The same session as an Actor, for calling services directly. */
  actor: UserActor;
  /** People employed on the as-of date, in a fixed pseudo-random order. */
  personIds: number[];
  /** Directory search terms as people type them: family names, full names in kanji, kana readings. */
  searchTerms: string[];
  /** Resolves when the database has worked off what a load run left queued. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

async function signIn(url: string): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: GROUP_HR_EMAIL, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${GROUP_HR_EMAIL} failed: ${response.status}`);
  const raw = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!raw) throw new Error("the login response set no session cookie");
  return { cookie: raw, token: decodeURIComponent(raw.slice(SESSION_COOKIE.length + 1)) };
}

export async function startDemoServer(dataset: Dataset, today: string): Promise<DemoServer> {
  const { database, destroy } = await dataset.openDemo();
  const app = await buildApp({
    database,
    sessionSecret: "bench-secret-bench-secret-bench-secret!",
    demo: true,
    logLevel: "silent",
    serveWeb: false,
  });
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const { cookie, token } = await signIn(url);
    const unsigned = app.unsignCookie(token);
    const actor =
      unsigned.valid && unsigned.value ? await actorForSession(database.db, unsigned.value, null) : undefined;
    if (!actor) throw new Error("the group-HR session cookie did not resolve to a user");
    const people = await queryRows<{ id: number; family: string; full: string; kana: string | null }>(
      database.db,
      sql`select p.id, p.family_name as family, p.family_name || p.given_name as full,
                 p.family_name_kana as kana
          from persons p
          where exists (select 1 from employments e where e.person_id = p.id and e.hire_date <= ${today}::date
                        and (e.termination_date is null or e.termination_date >= ${today}::date))
          order by md5(p.id::text), p.id
          limit ${SAMPLE_SIZE}`,
    );
    if (people.length === 0) throw new Error("the demo group has nobody employed on the as-of date");
    const searchTerms = people.map((p, i) => [p.family, p.full, p.kana ?? p.family][i % 3]!);
    return {
      url,
      app,
      database,
      cookie,
      actor,
      personIds: people.map((p) => p.id),
      searchTerms,
      async idle() {
        // Requests a load run left in flight still hold the database (PGlite runs one query at a time; the
        // pool queues): wait until a trivial query, queued behind them, comes back at once twice in a row.
        const deadline = Date.now() + 120_000;
        let quick = 0;
        while (quick < 2 && Date.now() < deadline) {
          const t0 = performance.now();
          await database.exec("select 1");
          quick = performance.now() - t0 < 5 ? quick + 1 : 0;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      async close() {
        await app.close();
        await destroy();
      },
    };
  } catch (err) {
    await app.close();
    await destroy();
    throw err;
  }
}
