import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../shared/errors";
import { lockDataDir } from "./lock";

describe("data directory lock", () => {
  it("refuses a second holder while the first runs, and takes over a lock left by a dead process", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-lock-"));
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(path.join(dir, "tekizai.lock"), `${sleeper.pid}\n`);
      let error: unknown;
      try {
        lockDataDir(dir);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("DATA_DIR_LOCKED");
      expect((error as AppError).message).toContain(`pid ${sleeper.pid}`);
    } finally {
      sleeper.kill();
      await new Promise((resolve) => sleeper.once("exit", resolve));
    }
    const lock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "tekizai.lock"), "utf8").trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, "tekizai.lock"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
