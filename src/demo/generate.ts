/**
 * The deterministic demo-group generator: a fictional Japanese corporate group (a parent company, 25 domestic
 * subsidiaries and 57 overseas affiliates) with org trees, grade ladders, O*NET-based positions, people and
 * ten fiscal years of history ending at `today`, plus four demo logins. The same seed, scale and `today` give
 * the same rows on every machine and on both engines.
 *
 * The group is built in memory (build.ts → history.ts) and written in one transaction (write.ts), so a
 * failure leaves the database empty.
 */
import type { Database } from "../db/client";
import { hashPassword } from "../modules/auth/password";
import { AppError } from "../shared/errors";
import { buildDemoModel } from "./build";
import { DEMO_SCALES, type DemoScale } from "./companies";
import { dayFromIso, localToday } from "./dates";
import type { DemoModel } from "./model";
import { DEMO_PASSWORD, selectDemoUsers } from "./users";
import { assertEmpty, inTransaction, writeDemo } from "./write";
import { writeLearningDemo } from "./learning-write"; // skills and learning (issue 6)
import { writeScoutsDemo } from "./mobility-scouts"; // matching and scouting (issue 7)
import { writeCareersDemo } from "./mobility-careers"; // career reports, work history, consent (issue 7)
import { writePostingsDemo } from "./mobility-postings"; // postings, applications, past moves (issue 7)

export type { DemoScale } from "./companies";
export { DEMO_SCALES } from "./companies";
export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from "./users";

export interface DemoProgress {
  phase: string;
  done: number;
  total: number;
}

export interface DemoSummary {
  scale: DemoScale;
  seed: number;
  companies: number;
  orgUnits: number;
  persons: number;
  employments: number;
  assignments: number;
  /** People employed on `today` (a person counts once). */
  activeEmployees: number;
  users: number;
  millis: number;
}

export interface DemoOptions {
  scale: DemoScale;
  seed: number;
  /** YYYY-MM-DD; the history ends on this day. Default: today's date on this machine. */
  today?: string;
  onProgress?: (progress: DemoProgress) => void;
}

function activeOn(model: DemoModel): number {
  const people = new Set<number>();
  for (const e of model.employments) {
    if (e.hire <= model.today && (e.termination === null || e.termination >= model.today))
      people.add(e.personId);
  }
  return people.size;
}

export async function generateDemo(database: Database, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  if (!DEMO_SCALES.includes(options.scale)) {
    throw AppError.validation([{ path: "scale", message: `One of ${DEMO_SCALES.join(", ")}.` }]);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw AppError.validation([{ path: "seed", message: "An integer." }]);
  }
  const today = options.today ?? localToday();
  try {
    dayFromIso(today);
  } catch {
    throw AppError.validation([{ path: "today", message: "A date as YYYY-MM-DD." }]);
  }
  const report = (phase: string, done: number, total: number) => options.onProgress?.({ phase, done, total });

  await inTransaction(database, assertEmpty);

  const model = buildDemoModel({ scale: options.scale, seed: options.seed, today, onProgress: report });
  const users = selectDemoUsers(model);
  const passwordHashes = await Promise.all(users.map(() => hashPassword(DEMO_PASSWORD)));

  const assignments = await inTransaction(database, async (query) => {
    // Two generators started at once: the second waits here, then finds the companies and stops.
    await query("LOCK TABLE companies IN SHARE ROW EXCLUSIVE MODE");
    await assertEmpty(query);
    const written = await writeDemo(query, {
      model,
      users,
      passwordHashes,
      meta: {
        demo: "true",
        demo_seed: String(options.seed),
        demo_scale: options.scale,
        demo_generated_at: new Date().toISOString(),
      },
      progress: report,
    });
    await writeLearningDemo(query, { model, users, seed: options.seed, progress: report }); // skills and learning (issue 6)
    // The mobility demo's set-based queries read what was just written in this transaction: without statistics the
    // planner takes the tables for empty, and at large scale the scouts' lateral scans ran for over half an hour.
    await query("ANALYZE");
    await writeCareersDemo(query, { today, seed: options.seed }); // career reports, work history, consent (issue 7)
    await writePostingsDemo(query, { model, users, seed: options.seed }); // postings, applications, past moves (issue 7): before scouts
    await query("ANALYZE scouting_consents, postings, posting_skills, applications, user_roles");
    await writeScoutsDemo(query, { today, seed: options.seed }); // matching and scouting (issue 7): last, after careers and postings
    return written;
  });
  // Planner statistics for the freshly written tables: PGlite has no autovacuum, and a server's would take
  // a while; without them the org chart and the directory are planned blind (bench/README.md).
  await database.exec("ANALYZE");

  return {
    scale: options.scale,
    seed: options.seed,
    companies: model.companies.length,
    orgUnits: model.companies.reduce((sum, c) => sum + c.units.length, 0),
    persons: model.persons.length,
    employments: model.employments.length,
    assignments,
    activeEmployees: activeOn(model),
    users: users.length,
    millis: Math.round(performance.now() - started),
  };
}
