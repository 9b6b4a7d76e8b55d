/** Helpers for the import tests (not used by the application). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "../../db/client";
import { SYSTEM_ACTOR, type Actor } from "../access/actor";
import { countRows } from "../../../test/support/fixtures";
import type { ImportResult } from "./import.history";
import { startImport, type StartImportInput } from "./import.service";

export const TEST_IMPORT_TODAY = "2026-11-23";

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-import-test-"));
let fileCounter = 0;

export function writeTempFile(content: string | Buffer, name = "file.csv"): string {
  const file = path.join(tmpDir, `${++fileCounter}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

/** Runs an import to its end and returns the result (like the CLI does). */
export async function importFile(
  db: Db,
  options: Partial<Omit<StartImportInput, "file">> & {
    kind: string;
    content: string | Buffer;
    actor?: Actor;
  },
): Promise<ImportResult> {
  const fileName = options.fileName ?? "file.csv";
  const { importId: _id, done } = await startImport(db, options.actor ?? SYSTEM_ACTOR, {
    companyId: null,
    dryRun: false,
    acceptValidRows: false,
    via: "cli",
    today: TEST_IMPORT_TODAY,
    ...options,
    fileName,
    file: writeTempFile(options.content, fileName),
  });
  return done;
}

export const DATA_TABLES = [
  "companies",
  "org_units",
  "org_unit_versions",
  "grades",
  "positions",
  "job_categories",
  "persons",
  "employments",
  "assignments",
  "import_changes",
] as const;

/** Row counts of the personnel tables (to check that a refused import wrote nothing). */
export async function dataCounts(db: Db): Promise<Record<(typeof DATA_TABLES)[number], number>> {
  const counts = {} as Record<(typeof DATA_TABLES)[number], number>;
  for (const table of DATA_TABLES) counts[table] = await countRows(db, table);
  return counts;
}

export const csv = (rows: string[][]) =>
  `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\r\n")}\r\n`;
