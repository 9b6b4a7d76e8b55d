import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { openDatabase } from "../../src/db/client";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const TEKIZAI_BIN = path.join(ROOT, "bin", "tekizai.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a `tekizai` run against an embedded data directory (no server, no secrets from outside). */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TEKIZAI_DATA_DIR: dataDir,
    DATABASE_URL: "",
    SESSION_SECRET: "",
    PORT: "",
    ...extra,
  };
}

/** Runs the real `tekizai` command (bin/tekizai.js, a process of its own) and waits for it. */
export function runTekizai(
  dataDir: string,
  args: string[],
  options: { input?: string; timeoutMs?: number; env?: Record<string, string> } = {},
): CliResult {
  const result = spawnSync(process.execPath, [TEKIZAI_BIN, ...args], {
    env: cliEnv(dataDir, options.env),
    input: options.input ?? "",
    encoding: "utf8",
    timeout: options.timeoutMs ?? 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A new TEKIZAI_DATA_DIR holding an embedded database restored from the test run's migrated template (empty, or
 * with the tiny demo group): a CLI test then spends its time on the command it tests, not on migrating PGlite.
 * Remove it with `fs.rmSync(dir, { recursive: true, force: true })`.
 */
export async function preparedDataDir(content: "empty" | "demo" = "empty"): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-cli-"));
  const file = inject(content === "demo" ? "pgliteDemoTemplate" : "pgliteEmptyTemplate");
  const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
  await database.close();
  return dir;
}
