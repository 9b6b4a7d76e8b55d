import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedDataDir } from "../../../test/support/cli";
import { openDatabase } from "../../db/client";
import { DATA_TABLES } from "./import.test-support";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = path.join(ROOT, "bin", "tekizai.js");
const EXAMPLES = path.join(ROOT, "docs", "examples");
const HRDATASET = path.join(ROOT, "src", "modules", "import", "testdata", "HRDataset_v14.csv");
const env = (dataDir: string) => ({
  ...process.env,
  TEKIZAI_DATA_DIR: dataDir,
  DATABASE_URL: "",
  SESSION_SECRET: "",
  PORT: "",
});

function tekizai(dataDir: string, args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: env(dataDir),
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (result: { stdout: string; stderr: string }) => {
  try {
    return JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`not JSON: ${result.stdout}\n${result.stderr}`);
  }
};

async function tableCounts(dataDir: string): Promise<Record<string, number>> {
  const database = await openDatabase({ dataDir });
  try {
    const counts: Record<string, number> = {};
    for (const table of DATA_TABLES) {
      const result = (await database.pglite!.query<{ n: number }>(`select count(*)::int as n from ${table}`))
        .rows;
      counts[table] = result[0]!.n;
    }
    return counts;
  } finally {
    await database.close();
  }
}

/** The walkthrough of docs/import.md, run as a user would, on an embedded data directory of its own. */
describe("tekizai import", () => {
  let dataDir: string;
  beforeAll(async () => {
    // the test run's migrated template: the first command does not spend its time migrating
    dataDir = await preparedDataDir();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("imports the HRDataset walkthrough: company, org units, positions, then people with a mapping; re-applying changes nothing", () => {
    expect(
      json(
        tekizai(dataDir, [
          "import",
          path.join(EXAMPLES, "hrdataset-v14.company.csv"),
          "--kind",
          "companies",
          "--json",
        ]),
      ),
    ).toMatchObject({ status: "applied", inserted: 1 });
    expect(
      json(
        tekizai(dataDir, [
          "import",
          path.join(EXAMPLES, "hrdataset-v14.org-units.csv"),
          "--kind",
          "org-units",
          "--company",
          "HRDS",
          "--json",
        ]),
      ),
    ).toMatchObject({ inserted: 7 });
    expect(
      json(
        tekizai(dataDir, [
          "import",
          path.join(EXAMPLES, "hrdataset-v14.positions.csv"),
          "--kind",
          "positions",
          "--company",
          "HRDS",
          "--json",
        ]),
      ),
    ).toMatchObject({ inserted: 31 });
    const args = [
      "import",
      HRDATASET,
      "--kind",
      "persons",
      "--company",
      "HRDS",
      "--mapping",
      path.join(EXAMPLES, "hrdataset-v14.mapping.json"),
      "--json",
    ];
    const preview = tekizai(dataDir, [...args, "--dry-run"]);
    expect(preview.status, preview.stderr).toBe(0);
    expect(json(preview)).toMatchObject({
      kind: "persons",
      status: "previewed",
      rows: 311,
      inserted: 311,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      errors: [],
    });
    const applied = tekizai(dataDir, args);
    expect(applied.status, applied.stderr).toBe(0);
    expect(json(applied)).toEqual({
      importId: expect.any(Number),
      kind: "persons",
      status: "applied",
      dryRun: false,
      rows: 311,
      inserted: 311,
      updated: 0,
      unchanged: 0,
      terminations: 104,
      rejected: 0,
      message: null,
      errors: [],
    });
    expect(json(tekizai(dataDir, args))).toMatchObject({
      status: "applied",
      inserted: 0,
      updated: 0,
      unchanged: 311,
    });
  }, 180_000);

  it("exits non-zero with the rejected rows as JSON", () => {
    const file = path.join(dataDir, "bad.csv");
    fs.writeFileSync(
      file,
      "employeeNumber,familyName,givenName,gender,hireDate\r\nX1,山田,太郎,male,2024-13-01\r\nX2,山田,花子,female,2024-04-01\r\n",
    );
    const result = tekizai(dataDir, ["import", file, "--kind", "persons", "--company", "HRDS", "--json"]);
    expect(result.status).toBe(2);
    expect(json(result)).toMatchObject({
      status: "rejected",
      rows: 2,
      inserted: 1,
      rejected: 1,
      errors: [
        {
          row: 2,
          column: "hireDate",
          value: "2024-13-01",
          message: "hireDate has no month 13",
          code: "cell.badDate",
        },
      ],
    });
    const human = tekizai(dataDir, ["import", file, "--kind", "persons", "--company", "HRDS", "--dry-run"]);
    expect(human.status).toBe(2);
    expect(human.stdout).toContain('row 2, hireDate "2024-13-01": hireDate has no month 13');
  }, 60_000);

  it("writes templates", () => {
    const out = path.join(dataDir, "persons.xlsx");
    expect(
      json(
        tekizai(dataDir, [
          "import",
          "template",
          "persons",
          "--format",
          "xlsx",
          "--lang",
          "ja",
          "--out",
          out,
          "--json",
        ]),
      ),
    ).toMatchObject({ format: "xlsx", lang: "ja" });
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(tekizai(dataDir, ["import", "template", "grades"]).stdout).toBe(
      "\uFEFFcode,nameJa,nameEn,rank,isManagerLevel,isExecutive,description\r\n",
    );
  }, 60_000);

  it("leaves the database as it was when killed in the middle of writing, and the data directory still opens", async () => {
    const file = path.join(dataDir, "large.csv");
    const lines = ["employeeNumber,familyName,givenName,gender,hireDate,orgUnitCode"];
    for (let i = 0; i < 20_000; i++)
      lines.push(
        `K${String(i).padStart(6, "0")},Family${i},Given${i},${i % 2 ? "male" : "female"},2015-04-01,PROD`,
      );
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    const before = await tableCounts(dataDir);
    const child = spawn(process.execPath, [BIN, "import", file, "--kind", "persons", "--company", "HRDS"], {
      env: env(dataDir),
    });
    let stderr = "";
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(
        () => reject(new Error(`never reached the writing phase: ${stderr}`)),
        90_000,
      );
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("writing")) {
          clearTimeout(timeout);
          setTimeout(resolve, 1500);
        }
      });
    });
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await tableCounts(dataDir)).toEqual(before);
    // the directory opens again (the stale lock is taken over) and imports still work
    const after = tekizai(dataDir, [
      "import",
      path.join(EXAMPLES, "hrdataset-v14.positions.csv"),
      "--kind",
      "positions",
      "--company",
      "HRDS",
      "--json",
    ]);
    expect(after.status, after.stderr).toBe(0);
    expect(json(after)).toMatchObject({ status: "applied", unchanged: 31 });
  }, 180_000);
});
