import fs from "node:fs";
import path from "node:path";
import { AppError } from "../shared/errors";

/**
 * An exclusive lock on the embedded data directory, held for the life of the process.
 * PGlite does not lock its directory itself: two processes writing one directory would corrupt it.
 * The lock file holds the owner's pid; a lock left by a process that no longer runs is taken over.
 */
export interface DataDirLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, "tekizai.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new AppError("DATA_DIR_LOCKED", {
          message: `The data directory ${dataDir} is in use by another Tekizai process (pid ${owner}). Stop it first, or set TEKIZAI_DATA_DIR to another directory.`,
        });
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError("DATA_DIR_LOCKED", { message: `Could not lock the data directory ${dataDir}.` });
}
