import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { addDays, today } from "../../shared/dates";
import { csv, importFile } from "../import/import.test-support";
import { holdSession } from "../skills/skills.test-support";
import { createHarness, type Harness } from "../skills/test-harness";

const TABLES = ["training_records", "skill_assessments", "import_changes"] as const;
async function counts(db: Db) {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = await countRows(db, table);
  return out;
}

async function levelOf(db: Db, personId: number, skillId: number) {
  const [row] = await queryRows<{ level: number; source: string }>(
    db,
    sql`select level, source from skill_assessments where person_id = ${personId} and skill_id = ${skillId}
        and source <> 'self' order by assessed_on desc, id desc limit 1`,
  );
  return row;
}

const COMPLETION_HEADER = ["employeeNumber", "courseCode", "completedOn", "sessionStartsOn", "score"];

describe.each(TEST_ENGINES)("import kinds training-completions and skill-assessments on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const day = today();

  it("imports completions through recordTrainingCompletion: dry run, apply raises levels, re-apply is unchanged, a changed score is a change", async () => {
    const clone = await harness.clone();
    try {
      const db = clone.database.db;
      const { companies, sessions, people, skills } = harness.fixture;
      await holdSession(db, sessions.programming);
      const started = addDays(day, -3);
      const rows = [
        COMPLETION_HEADER,
        ["H0002", "PROG-201", addDays(day, -2), started, "82"],
        ["H0002", "comp-el", "2025-06-01", "", ""],
        ["H0003", "COMP-EL", "2025-06-02", "", "90"],
        ["H0001", "OJT-TRAINER", "2024-05-10", "", ""],
      ];
      const run = (extra: Record<string, unknown> = {}, content = csv(rows)) =>
        importFile(db, {
          kind: "training-completions",
          companyId: companies.hq,
          content,
          today: day,
          ...extra,
        });
      const before = await counts(db);
      const preview = await run({ dryRun: true });
      expect(preview).toMatchObject({
        status: "previewed",
        counts: { rows: 4, inserted: 4, updated: 0, unchanged: 0, rejected: 0 },
      });
      expect(preview.preview[0]).toMatchObject({
        row: 2,
        entity: "training_record",
        action: "insert",
        after: { courseCode: "PROG-201", days: 2, hours: 14, score: 82 },
      });
      expect(await counts(db)).toEqual(before);

      const applied = await run();
      expect(applied).toMatchObject({ status: "applied", counts: { inserted: 4, rejected: 0 } });
      const after = await counts(db);
      expect(after.training_records! - before.training_records!).toBe(4);
      // PROG-201 builds programming to level 3: the completion raised Emi's level, as an assessment from the course
      expect(await levelOf(db, people.emi, skills.programming)).toEqual({ level: 3, source: "course" });
      const [record] = await queryRows<{ source: string; sessionId: number; days: number }>(
        db,
        sql`select source, session_id as "sessionId", days::float8 as days from training_records
            where person_id = ${people.emi} and course_id = ${harness.fixture.courses.programming}`,
      );
      expect(record).toEqual({ source: "import", sessionId: sessions.programming, days: 2 });

      const again = await run();
      expect(again).toMatchObject({
        status: "applied",
        counts: { inserted: 0, updated: 0, unchanged: 4, rejected: 0 },
      });
      expect((await counts(db)).training_records).toBe(after.training_records);

      const rescored = rows.map((r, i) => (i === 3 ? [...r.slice(0, 4), "75"] : r));
      const changed = await run({}, csv(rescored));
      expect(changed).toMatchObject({ counts: { inserted: 0, updated: 1, unchanged: 3 } });
      expect(changed.preview[0]).toMatchObject({ row: 4, before: { score: 90 }, after: { score: 75 } });
      expect((await counts(db)).training_records).toBe(after.training_records);
    } finally {
      await clone.close();
    }
  });

  it("refuses bad completion rows with row errors and leaves the database unchanged; accept-valid-rows writes the rest", async () => {
    const clone = await harness.clone();
    try {
      const db = clone.database.db;
      const { companies, sessions } = harness.fixture;
      await holdSession(db, sessions.programming);
      const started = addDays(day, -3);
      const rows = [
        COMPLETION_HEADER,
        ["H0002", "COMP-EL", "2025-06-01", "", ""],
        ["H0002", "NOPE-1", "2025-06-01", "", ""],
        ["H0002", "PROG-201", addDays(day, -4), started, ""],
        ["H0002", "PROG-201", addDays(day, -1), "2020-01-01", ""],
        ["H9999", "COMP-EL", "2025-06-01", "", ""],
        ["H0002", "COMP-EL", "2019-06-01", "", ""],
        ["H0002", "COMP-EL", "2025-06-01", "", ""],
        ["H0003", "COMP-EL", addDays(day, 5), "", ""],
        ["H0003", "COMP-EL", "2025-06-03", "2025-06-03", ""],
        ["H0003", "COMP-EL", "2025-06-04", "", "150"],
      ];
      const before = await counts(db);
      const refused = await importFile(db, {
        kind: "training-completions",
        companyId: companies.hq,
        content: csv(rows),
        today: day,
      });
      expect(refused).toMatchObject({ status: "rejected", counts: { rows: 10, inserted: 1, rejected: 9 } });
      const byRow = Object.fromEntries(refused.errors.map((e) => [e.row, e]));
      expect(byRow[3]).toMatchObject({
        column: "courseCode",
        value: "NOPE-1",
        message: 'no course of this company has the code "NOPE-1"',
      });
      expect(byRow[4]).toMatchObject({
        column: "completedOn",
        message: `completedOn ${addDays(day, -4)} is before the session started (${started})`,
      });
      expect(byRow[5]).toMatchObject({ column: "sessionStartsOn" });
      expect(byRow[5]!.message).toContain("no session of course PROG-201 starts on 2020-01-01");
      expect(byRow[6]).toMatchObject({
        column: "employeeNumber",
        message: "no employee of this company has the number H9999",
      });
      expect(byRow[7]!.message).toContain("is not employed on 2019-06-01");
      expect(byRow[8]!.message).toBe(
        "duplicate of row 2 (the same training completions key H0002|COMP-EL|2025-06-01)",
      );
      expect(byRow[9]!.message).toContain("is in the future");
      expect(byRow[10]!.message).toContain("is e-learning");
      expect(byRow[11]).toMatchObject({ column: "score", value: "150" });
      expect(await counts(db)).toEqual({ ...before, import_changes: before.import_changes });

      // the first spelling of the kind still works (scripts written before the hyphenated names)
      const partial = await importFile(db, {
        kind: "training_completions",
        companyId: companies.hq,
        content: csv(rows),
        today: day,
        acceptValidRows: true,
      });
      expect(partial).toMatchObject({ status: "applied", counts: { inserted: 1, rejected: 9 } });
      expect((await counts(db)).training_records).toBe(before.training_records! + 1);
    } finally {
      await clone.close();
    }
  });

  it("imports skill assessments: new rows, re-apply unchanged, a changed level adds a newer assessment; bad rows write nothing", async () => {
    const clone = await harness.clone();
    try {
      const db = clone.database.db;
      const { companies, people, skills } = harness.fixture;
      const header = [
        "employeeNumber",
        "skillCode",
        "level",
        "assessedOn",
        "source",
        "assessorEmployeeNumber",
      ];
      const good = [
        header,
        ["H0002", "ONET-2.B.3.e", "2", "2025-09-30", "manager", "H0001"],
        ["H0002", "NET-OPS", "1", "2025-09-30", "", ""],
        ["H0003", "ONET-2.B.1.c", "3", "2025-09-30", "self", ""],
      ];
      const run = (content: string, extra: Record<string, unknown> = {}) =>
        importFile(db, { kind: "skill-assessments", companyId: companies.hq, content, today: day, ...extra });
      const before = await counts(db);
      expect(await run(csv(good), { dryRun: true })).toMatchObject({
        status: "previewed",
        counts: { inserted: 3, rejected: 0 },
      });
      expect(await counts(db)).toEqual(before);
      expect(await run(csv(good))).toMatchObject({ status: "applied", counts: { inserted: 3 } });
      expect((await counts(db)).skill_assessments).toBe(before.skill_assessments! + 3);
      expect(await levelOf(db, people.emi, skills.network)).toEqual({ level: 1, source: "import" });
      expect(await run(csv(good))).toMatchObject({ counts: { inserted: 0, updated: 0, unchanged: 3 } });
      const raised = good.map((r, i) => (i === 2 ? ["H0002", "NET-OPS", "2", "2025-09-30", "", ""] : r));
      expect(await run(csv(raised))).toMatchObject({ counts: { updated: 1, unchanged: 2 } });
      expect(await levelOf(db, people.emi, skills.network)).toEqual({ level: 2, source: "import" });
      expect((await counts(db)).skill_assessments).toBe(before.skill_assessments! + 4);

      const mid = await counts(db);
      const bad = [
        header,
        ["H0002", "ONET-2.A.2.a", "3", "2025-10-01", "manager", "H0001"],
        ["H0002", "ONET-2.A.2.a", "7", "2025-10-02", "manager", ""],
        ["H0002", "NO-SUCH", "2", "2025-10-01", "", ""],
        ["H0002", "ONET-2.A.2.a", "3", "2025-10-01", "manager", "H0001"],
        ["H0002", "ONET-2.A.2.a", "2.5", "2025-10-03", "", ""],
        ["H0002", "ONET-2.A.2.a", "2", "2015-10-03", "", ""],
        ["H0002", "ONET-2.A.2.a", "2", "2025-10-04", "manager", "H0002"],
        ["H0002", "ONET-2.A.2.a", "2", "2025-10-05", "boss", ""],
      ];
      const refused = await run(csv(bad));
      expect(refused).toMatchObject({ status: "rejected", counts: { rows: 8, inserted: 1, rejected: 7 } });
      const byRow = Object.fromEntries(refused.errors.map((e) => [e.row, e]));
      expect(byRow[3]).toMatchObject({
        column: "level",
        value: "7",
        message: "level 7 is outside the scale: must be a level of the scale, 0 to 5",
      });
      expect(byRow[4]).toMatchObject({ column: "skillCode", value: "NO-SUCH" });
      expect(byRow[5]!.message).toContain("duplicate of row 2");
      expect(byRow[6]!.message).toBe("level must be a whole number");
      expect(byRow[7]!.message).toContain("is not employed on 2015-10-03");
      expect(byRow[8]!.message).toContain("not by the person themself");
      expect(byRow[9]).toMatchObject({ column: "source", value: "boss" });
      expect(await counts(db)).toEqual(mid);
    } finally {
      await clone.close();
    }
  });

  it("company HR imports completions for their company only; employees and managers may not import", async () => {
    const clone = await harness.clone();
    try {
      const { companies } = harness.fixture;
      const content = csv([COMPLETION_HEADER, ["H0003", "COMP-EL", "2025-06-02", "", ""]]);
      const upload = (role: keyof Harness["cookies"], companyId: number, kind = "training-completions") =>
        clone.app.inject({
          method: "POST",
          url: `/api/imports?kind=${kind}&companyId=${companyId}&wait=true&dryRun=true&fileName=c.csv`,
          payload: content,
          headers: { cookie: harness.cookies[role], "content-type": "text/csv" },
        });
      expect((await upload("employee", companies.hq)).statusCode).toBe(403);
      expect((await upload("manager", companies.hq)).statusCode).toBe(403);
      expect((await upload("subHr", companies.hq)).statusCode).toBe(403);
      const ok = await upload("hqHr", companies.hq);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: "previewed", counts: { inserted: 1 } });
      expect((await upload("groupHr", companies.hq)).statusCode).toBe(200);
      // the first spelling is an alias: the same kind, recorded under the hyphenated name
      const alias = await upload("hqHr", companies.hq, "training_completions");
      expect(alias.statusCode).toBe(200);
      expect(alias.json()).toMatchObject({ kind: "training-completions", counts: { inserted: 1 } });
      expect((await upload("hqHr", companies.hq, "training_records")).statusCode).toBe(400);
      // the history and saved mappings answer a filter by either spelling, and keep the hyphenated name
      const get = (url: string) =>
        clone.app.inject({ method: "GET", url, headers: { cookie: harness.cookies.hqHr } });
      for (const spelling of ["training-completions", "training_completions"]) {
        const history = await get(`/api/imports?kind=${spelling}&companyId=${companies.hq}`);
        expect(history.statusCode).toBe(200);
        const runKinds = history.json().items.map((r: { kind: string }) => r.kind);
        expect(runKinds.length).toBeGreaterThanOrEqual(3);
        expect(new Set(runKinds)).toEqual(new Set(["training-completions"]));
      }
      const saved = await clone.app.inject({
        method: "POST",
        url: "/api/import-mappings",
        payload: {
          companyId: companies.hq,
          definition: { kind: "training_completions", name: "LMS export" },
        },
        headers: { cookie: harness.cookies.hqHr },
      });
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toMatchObject({
        kind: "training-completions",
        definition: { kind: "training-completions" },
      });
      for (const spelling of ["training-completions", "training_completions"]) {
        const mappings = await get(`/api/import-mappings?kind=${spelling}`);
        expect(mappings.json().items.map((m: { name: string }) => m.name)).toEqual(["LMS export"]);
      }
      const kinds = await clone.app.inject({
        method: "GET",
        url: "/api/import-kinds",
        headers: { cookie: harness.cookies.hqHr },
      });
      const names = kinds.json().items.map((k: { name: string }) => k.name);
      expect(names).toEqual(expect.arrayContaining(["skill-assessments", "training-completions"]));
      expect(names.filter((n: string) => n.includes("_"))).toEqual([]);
      const template = await clone.app.inject({
        method: "GET",
        url: "/api/import-templates/training-completions?format=csv&lang=ja",
        headers: { cookie: harness.cookies.hqHr },
      });
      expect(template.statusCode).toBe(200);
      expect(template.headers["content-disposition"]).toContain("tekizai-training-completions-ja.csv");
      expect(template.body).toContain("社員番号,講座コード,修了日,開催開始日,研修日数,研修時間,得点");
      const xlsx = await clone.app.inject({
        method: "GET",
        url: "/api/import-templates/skill_assessments?format=xlsx&lang=en",
        headers: { cookie: harness.cookies.hqHr },
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers["content-disposition"]).toContain("tekizai-skill-assessments-en.xlsx");
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    } finally {
      await clone.close();
    }
  });
});
