import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedDataDir } from "../../../test/support/cli";
import { seedFixtureGroup } from "../../../test/support/fixtures";
import { openDatabase } from "../../db/client";
import { addDays, today } from "../../shared/dates";
import { ZCreateCourseRequest } from "../../shared/skills-api";
import { SYSTEM_ACTOR } from "../access/actor";
import { csv } from "../import/import.test-support";
import { loadOnetLibrary } from "../skills/onet.service";
import { updateSkillSettings } from "../skills/settings.service";
import { findSkillByCode } from "../skills/skills.repo";
import { createCertification, createCourse } from "./catalog.service";
import { addCertification } from "./learning-lists.service";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = path.join(ROOT, "bin", "tekizai.js");

function tekizai(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, TEKIZAI_DATA_DIR: dataDir, DATABASE_URL: "", SESSION_SECRET: "", PORT: "" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
// biome-ignore lint/suspicious/noExplicitAny: the CLI's JSON is read field by field
const json = (result: { stdout: string; stderr: string }): any => {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON: ${result.stdout}\n${result.stderr}`);
  }
};

async function countRecords(dataDir: string): Promise<{ records: number; assessments: number }> {
  const database = await openDatabase({ dataDir });
  try {
    const rows = (
      await database.pglite!.query<{ records: number; assessments: number }>(
        "select (select count(*) from training_records)::int as records, (select count(*) from skill_assessments)::int as assessments",
      )
    ).rows;
    return rows[0]!;
  } finally {
    await database.close();
  }
}

/** `tekizai import --kind training-completions` and `tekizai learning reminders`, as an operator runs them. */
describe("tekizai import training-completions and tekizai learning reminders", () => {
  let dataDir: string;
  const day = today();
  beforeAll(async () => {
    dataDir = await preparedDataDir();
    const database = await openDatabase({ dataDir });
    try {
      const group = await seedFixtureGroup(database.db);
      await loadOnetLibrary(database.db, SYSTEM_ACTOR);
      const programming = (await findSkillByCode(database.db, null, "ONET-2.B.3.e"))!;
      await createCourse(
        database.db,
        SYSTEM_ACTOR,
        ZCreateCourseRequest.parse({
          code: "PROG-EL",
          titleJa: "プログラミング入門",
          titleEn: "Programming basics",
          kind: "role",
          delivery: "e_learning",
          durationDays: 0.5,
          durationHours: 4,
          skills: [{ skillId: programming.id, targetLevel: 2 }],
        }),
      );
      const cert = await createCertification(database.db, SYSTEM_ACTOR, {
        code: "CISSP",
        nameJa: "CISSP",
        nameEn: "CISSP",
        issuer: "ISC2",
        validityMonths: 36,
      });
      // Emi's certification expires in 20 days (the 30-day notice), Oto's in 200 (not yet)
      await addCertification(database.db, SYSTEM_ACTOR, group.people.emi, {
        certificationId: cert.id,
        obtainedOn: "2024-01-01",
        expiresOn: addDays(day, 20),
        credentialId: null,
      });
      await addCertification(database.db, SYSTEM_ACTOR, group.people.oto, {
        certificationId: cert.id,
        obtainedOn: "2024-01-01",
        expiresOn: addDays(day, 200),
        credentialId: null,
      });
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("imports completions (raising skill levels), re-applies unchanged, and refuses a bad file writing nothing", async () => {
    const file = path.join(dataDir, "completions.csv");
    fs.writeFileSync(
      file,
      csv([
        ["社員番号", "講座コード", "修了日", "得点"],
        ["H0002", "PROG-EL", "2025-05-20", "88"],
        ["H0003", "PROG-EL", "2025-05-21", ""],
      ]),
    );
    const args = ["import", file, "--kind", "training-completions", "--company", "HQ", "--json"];
    const applied = tekizai(dataDir, args);
    expect(applied.status, applied.stderr).toBe(0);
    expect(json(applied)).toMatchObject({
      kind: "training-completions",
      status: "applied",
      rows: 2,
      inserted: 2,
      rejected: 0,
      errors: [],
    });
    expect(await countRecords(dataDir)).toEqual({ records: 2, assessments: 2 });
    const again = tekizai(dataDir, args);
    expect(json(again)).toMatchObject({ status: "applied", inserted: 0, updated: 0, unchanged: 2 });

    const bad = path.join(dataDir, "bad.csv");
    fs.writeFileSync(
      bad,
      csv([
        ["employeeNumber", "courseCode", "completedOn"],
        ["H0004", "PROG-EL", "2025-05-20"],
        ["H0004", "NOPE", "2025-05-20"],
      ]),
    );
    // the first spelling of the kind still works, for scripts written before the hyphenated names
    const refused = tekizai(dataDir, [
      "import",
      bad,
      "--kind",
      "training_completions",
      "--company",
      "HQ",
      "--json",
    ]);
    expect(refused.status).toBe(2);
    expect(json(refused)).toMatchObject({
      kind: "training-completions",
      status: "rejected",
      rejected: 1,
      errors: [
        {
          row: 3,
          column: "courseCode",
          value: "NOPE",
          message: 'no course of this company has the code "NOPE"',
        },
      ],
    });
    expect(await countRecords(dataDir)).toEqual({ records: 2, assessments: 2 });
  }, 180_000);

  it("lists the reminders due, the same on every run; --lead-days and --as-of change which are due", () => {
    const first = tekizai(dataDir, ["learning", "reminders", "--json"]);
    expect(first.status, first.stderr).toBe(0);
    const result = json(first);
    expect(result).toMatchObject({ asOf: day, leadDays: [90, 30] });
    expect(result.reminders).toHaveLength(1);
    expect(result.reminders[0]).toMatchObject({
      kind: "learning.certification.expiring",
      stage: 30,
      certificationCode: "CISSP",
      params: { daysLeft: 20, expiresOn: addDays(day, 20) },
      recipients: expect.arrayContaining([
        { userId: expect.any(Number), as: "holder" },
        { userId: expect.any(Number), as: "manager" },
        { userId: expect.any(Number), as: "company_hr" },
      ]),
    });
    const second = json(tekizai(dataDir, ["learning", "reminders", "--json"]));
    expect(second).toEqual(result);
    const later = json(
      tekizai(dataDir, [
        "learning",
        "reminders",
        "--as-of",
        addDays(day, 60),
        "--lead-days",
        "150",
        "--json",
      ]),
    );
    expect(
      later.reminders.map((r: { stage: unknown; params: { daysLeft: number } }) => [
        r.stage,
        r.params.daysLeft,
      ]),
    ).toEqual([
      ["expired", -40],
      [150, 140],
    ]);
    const human = tekizai(dataDir, ["learning", "reminders"]);
    expect(human.stdout).toContain("CISSP of 江 美");
    const wrong = tekizai(dataDir, ["learning", "reminders", "--lead-days", "soon", "--json"]);
    expect(wrong.status).toBe(2);
    expect(json(wrong).error.fields[0].path).toBe("--lead-days");
  }, 180_000);

  it("takes the lead times from the group's setting; import help shows the hyphenated kind names", async () => {
    const database = await openDatabase({ dataDir });
    try {
      await updateSkillSettings(database.db, SYSTEM_ACTOR, { certificationReminderDays: [60, 14] });
    } finally {
      await database.close();
    }
    const result = json(tekizai(dataDir, ["learning", "reminders", "--json"]));
    expect(result).toMatchObject({ asOf: day, leadDays: [60, 14] });
    expect(result.reminders.map((r: { stage: unknown }) => r.stage)).toEqual([60]);
    const help = tekizai(dataDir, ["import", "--help"]);
    expect(help.stdout).toContain('"skill-assessments", "training-completions"');
    expect(help.stdout).not.toMatch(/skill_assessments|training_completions/);
  }, 180_000);
});
