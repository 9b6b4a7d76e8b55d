/** The database engines the integration suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export type TestEngine = "pglite" | "postgres";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export const TEST_ENGINES: TestEngine[] = TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

/** A fixed "today" for demo data in tests, so that figures do not move with the calendar. */
export const TEST_TODAY = "2026-11-23";

/** postgres://.../test → postgres://.../other */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
