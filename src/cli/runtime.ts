import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { embeddedDatabaseExists, migrateDatabase, openDatabase, type Database } from "../db/client";
import { AppError } from "../shared/errors";

/** Opens the configured database (server or embedded), migrated. The embedded directory is locked while open. */
export async function openConfiguredDatabase(
  config: Config,
): Promise<{ database: Database; created: boolean }> {
  const created = !config.databaseUrl && !embeddedDatabaseExists(config.dataDir);
  let database: Database;
  try {
    database = await openDatabase(
      config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === "DATA_DIR_LOCKED") {
      throw new AppError("DATA_DIR_LOCKED", {
        message: `${err.message}\nCommands that use the embedded database cannot run while the server has it open; with DATABASE_URL they can.`,
      });
    }
    throw err;
  }
  try {
    await migrateDatabase(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { database, created };
}

/** The cookie-signing secret: from SESSION_SECRET, else generated once and kept (mode 600) in the data directory. */
export function sessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(48).toString("base64url");
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
