import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedDataDir, runTekizai } from "../../../test/support/cli";

describe("tekizai skills load-onet", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await preparedDataDir();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Two CLI processes: well over the default 30 s on a busy two-core machine.
  it("loads the starter library once, with attribution, as JSON", { timeout: 120_000 }, () => {
    const first = runTekizai(dataDir, ["skills", "load-onet", "--json"]);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      attribution: "O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license.",
      categories: { created: 7, existing: 0 },
      skills: { created: 35, existing: 0 },
      anchors: 105,
    });
    const second = runTekizai(dataDir, ["skills", "load-onet"]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 skills added \(35 already there\)/);
    expect(second.stdout).toMatch(/CC BY 4\.0/);
  });
});
