import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const BIN = path.join(ROOT, "bin", "tekizai.js");

describe("tekizai skills load-onet", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-skills-cli-"));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, TEKIZAI_DATA_DIR: dataDir, DATABASE_URL: "", SESSION_SECRET: "", PORT: "" },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("loads the starter library once, with attribution, as JSON", () => {
    const first = run(["skills", "load-onet", "--json"]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      attribution: "O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license.",
      categories: { created: 7, existing: 0 },
      skills: { created: 35, existing: 0 },
      anchors: 105,
    });
    const second = run(["skills", "load-onet"]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 skills added \(35 already there\)/);
    expect(second.stdout).toMatch(/CC BY 4\.0/);
  });
});
