import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/support/db";
import { TEST_ENGINES, TEST_TODAY, type TestEngine } from "../../test/support/engines";
import type { Database } from "../db/client";
import { verifyPassword } from "../modules/auth/password";
import { AppError } from "../shared/errors";
import { DEMO_LOGINS, DEMO_PASSWORD, type DemoSummary, generateDemo } from "./generate";

const TODAY = TEST_TODAY;
const SEED = 20261123;
const HOOK_TIMEOUT = 120_000;

async function rows<T>(db: Database, text: string, params: unknown[] = []): Promise<T[]> {
  if (db.pglite) return (await db.pglite.query<T>(text, params)).rows;
  return (await db.pool!.query(text, params)).rows as T[];
}

async function one<T>(db: Database, text: string, params: unknown[] = []): Promise<T> {
  const [row] = await rows<T>(db, text, params);
  if (!row) throw new Error(`No row: ${text}`);
  return row;
}

/** md5 of an ordered dump of the generated content (timestamps and password hashes left out). */
async function contentDigest(db: Database): Promise<string> {
  const parts: [string, string][] = [
    [
      "companies",
      "id, code, name_ja, name_en, country, currency, is_domestic, fiscal_year_start_month, parent_company_id",
    ],
    ["grades", "id, company_id, code, name_ja, rank, is_manager_level, is_executive"],
    ["positions", "id, company_id, job_category_id, code, name_ja, onet_soc_code"],
    ["org_units", "id, company_id, code"],
    ["org_unit_versions", "id, org_unit_id, parent_org_unit_id, name_ja, name_en, valid_from, valid_to"],
    [
      "persons",
      "id, family_name, given_name, family_name_kana, family_name_latin, given_name_latin, gender, birth_date, email",
    ],
    [
      "employments",
      "id, person_id, company_id, employee_number, hire_date, termination_date, termination_reason, employment_type, weekly_hours",
    ],
    [
      "assignments",
      "id, employment_id, person_id, kind, org_unit_id, position_id, grade_id, line_manager_person_id, is_head, fte, valid_from, valid_to",
    ],
    ["users", "id, email, display_name, person_id, locale"],
    ["user_roles", "id, user_id, role, company_id"],
  ];
  const digests: string[] = [];
  for (const [table, columns] of parts) {
    const row = await one<{ digest: string }>(
      db,
      `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS digest FROM (SELECT ${columns} FROM ${table}) t`,
    );
    digests.push(row.digest);
  }
  const sensitive = await one<{ digest: string }>(
    db,
    "SELECT md5(string_agg(t::text, '|' ORDER BY t.person_id)) AS digest FROM (SELECT person_id, disability_category, disability_severe FROM person_sensitive) t",
  );
  digests.push(sensitive.digest);
  return digests.join(":");
}

const withoutMillis = ({ millis: _millis, ...rest }: DemoSummary) => rest;

const digestsByEngine = new Map<TestEngine, string>();

describe.each(TEST_ENGINES)("generateDemo on %s", (engine) => {
  const opened: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createTestDatabase(engine, "empty");
    opened.push(database);
    return database;
  };
  let db: Database;
  let summary: DemoSummary;
  let digest: string;

  beforeAll(async () => {
    db = await fresh();
    summary = await generateDemo(db, { scale: "tiny", seed: SEED, today: TODAY });
    digest = await contentDigest(db);
    digestsByEngine.set(engine, digest);
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    for (const database of opened) await database.destroy();
  }, HOOK_TIMEOUT);

  it("writes a tiny group of plausible size, matching its summary", async () => {
    expect(summary).toMatchObject({ scale: "tiny", seed: SEED, companies: 83, users: 4 });
    expect(summary.activeEmployees).toBeGreaterThanOrEqual(150);
    expect(summary.activeEmployees).toBeLessThanOrEqual(300);
    expect(summary.persons).toBeGreaterThan(summary.activeEmployees);
    expect(summary.assignments).toBeGreaterThan(summary.employments);
    const counts = await one<Record<string, number>>(
      db,
      `SELECT (SELECT count(*)::int FROM companies) AS companies, (SELECT count(*)::int FROM org_units) AS org_units,
              (SELECT count(*)::int FROM persons) AS persons, (SELECT count(*)::int FROM employments) AS employments,
              (SELECT count(*)::int FROM assignments) AS assignments,
              (SELECT count(DISTINCT person_id)::int FROM employments
                WHERE hire_date <= $1::date AND (termination_date IS NULL OR termination_date >= $1::date)) AS active`,
      [TODAY],
    );
    expect(counts).toEqual({
      companies: summary.companies,
      org_units: summary.orgUnits,
      persons: summary.persons,
      employments: summary.employments,
      assignments: summary.assignments,
      active: summary.activeEmployees,
    });
    const meta = await rows<{ key: string; value: string }>(
      db,
      "SELECT key, value FROM app_meta ORDER BY key",
    );
    expect(Object.fromEntries(meta.map((m) => [m.key, m.value]))).toMatchObject({
      demo: "true",
      demo_seed: String(SEED),
      demo_scale: "tiny",
    });
  });

  it(
    "gives the same content for the same seed and different content for another seed",
    async () => {
      const again = await fresh();
      expect(withoutMillis(await generateDemo(again, { scale: "tiny", seed: SEED, today: TODAY }))).toEqual(
        withoutMillis(summary),
      );
      expect(await contentDigest(again)).toBe(digest);
      const other = await fresh();
      await generateDemo(other, { scale: "tiny", seed: SEED + 1, today: TODAY });
      expect(await contentDigest(other)).not.toBe(digest);
      // The same rows on both engines.
      const first = digestsByEngine.get("pglite");
      if (engine !== "pglite" && first) expect(digest).toBe(first);
    },
    HOOK_TIMEOUT,
  );

  it("creates the five demo logins with their roles and the demo password", async () => {
    const users = await rows<{ email: string; password_hash: string; person_id: number; roles: string }>(
      db,
      `SELECT u.email, u.password_hash, u.person_id,
              string_agg(r.role || coalesce(':' || c.code, ''), ',' ORDER BY r.role) AS roles
         FROM users u JOIN user_roles r ON r.user_id = u.id LEFT JOIN companies c ON c.id = r.company_id
        GROUP BY u.id ORDER BY u.id`,
    );
    expect(users.map((u) => [u.email, u.roles])).toEqual([
      ["group-hr@demo.tekizai.dev", "employee,group_hr"],
      ["company-hr@demo.tekizai.dev", "company_hr:HQ,employee"],
      ["manager@demo.tekizai.dev", "employee,manager"],
      ["employee@demo.tekizai.dev", "employee"],
      ["recruiter@demo.tekizai.dev", "recruiter:HQ"],
    ]);
    expect(users.map((u) => u.email)).toEqual(DEMO_LOGINS.map((l) => l.email));
    for (const user of users) {
      expect(await verifyPassword(user.password_hash, DEMO_PASSWORD)).toBe(true);
      if (user.email.startsWith("recruiter@")) {
        expect(user.person_id).toBeNull(); // the recruiting division's account signs in as no employee
        continue;
      }
      const employed = await one<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM employments e JOIN companies c ON c.id = e.company_id
          WHERE e.person_id = $1 AND c.code = 'HQ' AND e.hire_date <= $2::date AND e.termination_date IS NULL`,
        [user.person_id, TODAY],
      );
      expect(employed.n).toBe(1);
    }
    const hr = await rows<{ code: string }>(
      db,
      `SELECT ou.code FROM users u JOIN assignments a ON a.person_id = u.person_id AND a.kind = 'primary'
         AND a.during @> $1::date JOIN org_units ou ON ou.id = a.org_unit_id
        WHERE u.email LIKE '%hr@%' ORDER BY u.id`,
      [TODAY],
    );
    expect(hr.map((h) => h.code.startsWith("ADM-HR"))).toEqual([true, true]);
  });

  it("makes the manager head of a unit with sections and 8-20 people, the employee among them", async () => {
    const result = await one<{
      children: number;
      people: number;
      employee_inside: boolean;
      employee_versions: number;
    }>(
      db,
      `WITH RECURSIVE
         today_versions AS (SELECT * FROM org_unit_versions WHERE during @> $1::date),
         manager_unit AS (
           SELECT a.org_unit_id FROM users u JOIN assignments a ON a.person_id = u.person_id
            WHERE u.email = 'manager@demo.tekizai.dev' AND a.kind = 'primary' AND a.is_head AND a.during @> $1::date),
         subtree AS (
           SELECT org_unit_id FROM manager_unit
           UNION ALL SELECT v.org_unit_id FROM today_versions v JOIN subtree s ON v.parent_org_unit_id = s.org_unit_id),
         employee AS (SELECT person_id FROM users WHERE email = 'employee@demo.tekizai.dev')
       SELECT (SELECT count(*)::int FROM today_versions v JOIN manager_unit m ON v.parent_org_unit_id = m.org_unit_id) AS children,
              (SELECT count(DISTINCT a.person_id)::int FROM assignments a JOIN subtree s ON s.org_unit_id = a.org_unit_id
                WHERE a.kind = 'primary' AND a.during @> $1::date) AS people,
              EXISTS (SELECT 1 FROM assignments a JOIN subtree s ON s.org_unit_id = a.org_unit_id JOIN employee e
                        ON e.person_id = a.person_id WHERE a.kind = 'primary' AND a.during @> $1::date) AS employee_inside,
              (SELECT count(DISTINCT (a.org_unit_id, a.grade_id, a.company_id))::int FROM assignments a JOIN employee e
                 ON e.person_id = a.person_id WHERE a.kind = 'primary') AS employee_versions`,
      [TODAY],
    );
    expect(result.children).toBeGreaterThanOrEqual(1);
    expect(result.people).toBeGreaterThanOrEqual(8);
    expect(result.people).toBeLessThanOrEqual(20);
    expect(result.employee_inside).toBe(true);
    expect(result.employee_versions).toBeGreaterThanOrEqual(2);
  });

  it("has ten years of varied history: leavers, reemployment, part-time, secondments, side jobs, disabilities", async () => {
    const reasons = await rows<{ termination_reason: string }>(
      db,
      "SELECT DISTINCT termination_reason FROM employments WHERE termination_reason IS NOT NULL ORDER BY 1",
    );
    expect(reasons.map((r) => r.termination_reason)).toEqual(
      expect.arrayContaining([
        "end_of_contract",
        "mandatory_retirement",
        "transfer_within_group",
        "voluntary",
      ]),
    );
    const facts = await one<Record<string, number>>(
      db,
      `SELECT
         (SELECT count(*)::int FROM employments WHERE employment_type = 'reemployed') AS reemployed,
         (SELECT count(*)::int FROM employments e WHERE employment_type = 'reemployed' AND EXISTS (
            SELECT 1 FROM employments r WHERE r.person_id = e.person_id AND r.company_id = e.company_id
              AND r.termination_reason = 'mandatory_retirement' AND r.termination_date + 1 = e.hire_date)) AS after_retirement,
         (SELECT count(*)::int FROM employments WHERE employment_type = 'part_time' AND weekly_hours BETWEEN 20 AND 30) AS part_time,
         (SELECT count(*)::int FROM assignments a JOIN org_units ou ON ou.id = a.org_unit_id
           WHERE a.kind = 'secondment' AND ou.company_id <> a.company_id) AS secondments,
         (SELECT count(*)::int FROM assignments WHERE kind = 'secondary' AND fte = 0.2) AS side_jobs,
         (SELECT count(DISTINCT disability_category)::int FROM person_sensitive) AS disability_categories,
         (SELECT count(*)::int FROM companies WHERE NOT is_domestic AND fiscal_year_start_month <> 4) AS non_april,
         (SELECT count(*)::int FROM employments WHERE hire_date < '2017-04-01') AS before_history,
         (SELECT count(*)::int FROM employments e JOIN companies c ON c.id = e.company_id
           WHERE c.is_domestic AND e.hire_date = make_date(extract(year FROM e.hire_date)::int, 4, 1)
             AND e.hire_date >= '2017-04-01') AS april_hires,
         (SELECT count(*)::int FROM (SELECT org_unit_id FROM org_unit_versions GROUP BY 1 HAVING count(*) > 1) x) AS reorganised,
         (SELECT count(*)::int FROM org_unit_versions WHERE valid_from > $1::date) AS future_versions,
         (SELECT count(DISTINCT line_manager_person_id)::int FROM assignments) AS managers`,
      [TODAY],
    );
    expect(facts.reemployed).toBeGreaterThan(0);
    expect(facts.after_retirement).toBeGreaterThan(0);
    expect(facts.part_time).toBeGreaterThan(0);
    expect(facts.secondments).toBeGreaterThan(0);
    expect(facts.side_jobs).toBeGreaterThan(0);
    expect(facts.disability_categories).toBeGreaterThanOrEqual(2);
    expect(facts.non_april).toBeGreaterThanOrEqual(20);
    expect(facts.before_history).toBeGreaterThan(0);
    expect(facts.april_hires).toBeGreaterThan(0);
    expect(facts.reorganised).toBeGreaterThanOrEqual(3);
    expect(facts.future_versions).toBeGreaterThanOrEqual(1);
    expect(facts.managers).toBeGreaterThan(10);
    const names = await rows<{ name_order: string; kana: boolean }>(
      db,
      "SELECT DISTINCT name_order, family_name_kana IS NOT NULL AS kana FROM persons ORDER BY 1, 2",
    );
    expect(names).toEqual([
      { name_order: "family_first", kana: false },
      { name_order: "family_first", kana: true },
      { name_order: "given_first", kana: false },
    ]);
  });

  it("refuses to run on a database that already holds companies, leaving it unchanged", async () => {
    const error = await generateDemo(db, { scale: "tiny", seed: SEED + 7, today: TODAY }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toMatch(/already holds data/);
    expect(await contentDigest(db)).toBe(digest);
  });
});
