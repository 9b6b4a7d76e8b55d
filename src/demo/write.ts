/**
 * Writes the in-memory demo group in one transaction, in batches of a few thousand rows per statement:
 * `INSERT INTO t (...) OVERRIDING SYSTEM VALUE SELECT ... FROM unnest($1::int4[], $2::text[], ...)`, with the
 * identity values the generator assigned, then moves each identity sequence past them. Dates travel as day
 * numbers (`date '1970-01-01' + n`). The same SQL runs on PGlite and on a PostgreSQL server.
 */
import type { Database } from "../db/client";
import { AppError } from "../shared/errors";
import { type DemoModel, OPEN_END } from "./model";
import type { DemoUser } from "./users";

export type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

type ColumnType = "int4" | "int2" | "text" | "bool" | "numeric" | "date";
type Column = readonly [name: string, type: ColumnType];

const BATCH_ROWS = 5000;

export async function inTransaction<T>(database: Database, work: (query: Query) => Promise<T>): Promise<T> {
  if (database.pglite) {
    return database.pglite.transaction((tx) =>
      work(async (text, params) => {
        const result = await tx.query<Record<string, unknown>>(text, params);
        return { rows: result.rows };
      }),
    );
  }
  if (!database.pool) throw new Error("Database handle has neither PGlite nor a pool");
  const client = await database.pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(async (text, params) => {
      const r = await client.query(text, params);
      return { rows: r.rows as Record<string, unknown>[] };
    });
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Refuses to write into a database that already holds a group (demo or real). */
export async function assertEmpty(query: Query): Promise<void> {
  const { rows } = await query("SELECT count(*)::int AS n FROM companies");
  if (Number(rows[0]?.n ?? 0) > 0) {
    throw new AppError("CONFLICT", {
      message:
        "The database already holds data (companies exist); the demo group can only be generated into an empty database.",
    });
  }
}

/** Inserts `count` rows given column by column, in batches. */
async function insertColumns(
  query: Query,
  table: string,
  columns: readonly Column[],
  count: number,
  rowAt: (row: number) => readonly unknown[],
  options: { identity: boolean; onBatch?: (done: number) => void },
): Promise<void> {
  const names = columns.map(([name]) => name).join(", ");
  const select = columns
    .map(([name, type]) => (type === "date" ? `date '1970-01-01' + u.${name}` : `u.${name}`))
    .join(", ");
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type === "date" ? "int4" : type}[]`).join(", ");
  const text = `INSERT INTO ${table} (${names})${options.identity ? " OVERRIDING SYSTEM VALUE" : ""} SELECT ${select} FROM unnest(${unnest}) AS u(${names})`;
  for (let start = 0; start < count; start += BATCH_ROWS) {
    const end = Math.min(count, start + BATCH_ROWS);
    const params = columns.map(() => new Array<unknown>(end - start));
    for (let r = start; r < end; r++) {
      const row = rowAt(r);
      for (let c = 0; c < columns.length; c++) (params[c] as unknown[])[r - start] = row[c];
    }
    await query(text, params);
    options.onBatch?.(end);
  }
}

/** Inserts plain row objects (small tables). */
async function insertRows(
  query: Query,
  table: string,
  columns: readonly Column[],
  rows: readonly unknown[][],
  identity = true,
): Promise<void> {
  await insertColumns(query, table, columns, rows.length, (r) => rows[r] as unknown[], { identity });
}

const nullable = (n: number): number | null => (n === 0 ? null : n);
const openEnd = (day: number): number | null => (day === OPEN_END ? null : day);

export interface WriteInput {
  model: DemoModel;
  users: DemoUser[];
  passwordHashes: string[];
  meta: Record<string, string>;
  progress: (phase: string, done: number, total: number) => void;
}

/** Writes everything; returns the number of assignment rows written. */
export async function writeDemo(query: Query, input: WriteInput): Promise<number> {
  const { model, progress } = input;
  const companies = model.companies;
  progress("writing companies", 0, 1);
  await insertRows(
    query,
    "companies",
    [
      ["id", "int4"],
      ["code", "text"],
      ["name_ja", "text"],
      ["name_en", "text"],
      ["country", "text"],
      ["currency", "text"],
      ["is_domestic", "bool"],
      ["fiscal_year_start_month", "int2"],
      ["parent_company_id", "int4"],
    ],
    companies.map((c) => [
      c.id,
      c.def.code,
      c.def.nameJa,
      c.def.nameEn,
      c.def.country,
      c.country.currency,
      c.isDomestic,
      c.def.fiscalYearStartMonth,
      c.isParent ? null : (companies[0]?.id ?? null),
    ]),
  );
  await insertRows(
    query,
    "grades",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["code", "text"],
      ["name_ja", "text"],
      ["name_en", "text"],
      ["rank", "int2"],
      ["is_manager_level", "bool"],
      ["is_executive", "bool"],
      ["description", "text"],
    ],
    companies.flatMap((c) =>
      c.grades.map((g) => [
        g.id,
        c.id,
        g.code,
        g.nameJa,
        g.nameEn,
        g.rank,
        g.isManagerLevel,
        g.isExecutive,
        g.description,
      ]),
    ),
  );
  await insertRows(
    query,
    "job_categories",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["code", "text"],
      ["name_ja", "text"],
      ["name_en", "text"],
    ],
    companies.flatMap((c) => c.jobCategories.map((j) => [j.id, j.companyId, j.code, j.nameJa, j.nameEn])),
  );
  await insertRows(
    query,
    "positions",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["job_category_id", "int4"],
      ["code", "text"],
      ["name_ja", "text"],
      ["name_en", "text"],
      ["onet_soc_code", "text"],
    ],
    companies.flatMap((c) =>
      c.positions.map((p) => [p.id, p.companyId, p.jobCategoryId, p.code, p.nameJa, p.nameEn, p.soc]),
    ),
  );
  progress("writing companies", 1, 1);

  progress("writing org units", 0, 1);
  const units = companies.flatMap((c) => c.units);
  await insertRows(
    query,
    "org_units",
    [
      ["id", "int4"],
      ["company_id", "int4"],
      ["code", "text"],
    ],
    units.map((u) => [u.id, u.company.id, u.code]),
  );
  let versionId = 0;
  const versions = units.flatMap((u) =>
    u.versions.map((v) => [
      ++versionId,
      u.id,
      u.company.id,
      v.parentId,
      v.nameJa,
      v.nameEn,
      v.from,
      openEnd(v.to),
    ]),
  );
  await insertRows(
    query,
    "org_unit_versions",
    [
      ["id", "int4"],
      ["org_unit_id", "int4"],
      ["company_id", "int4"],
      ["parent_org_unit_id", "int4"],
      ["name_ja", "text"],
      ["name_en", "text"],
      ["valid_from", "date"],
      ["valid_to", "date"],
    ],
    versions,
  );
  progress("writing org units", 1, 1);

  const persons = model.persons;
  await insertColumns(
    query,
    "persons",
    [
      ["id", "int4"],
      ["family_name", "text"],
      ["given_name", "text"],
      ["family_name_kana", "text"],
      ["given_name_kana", "text"],
      ["family_name_latin", "text"],
      ["given_name_latin", "text"],
      ["name_order", "text"],
      ["gender", "text"],
      ["birth_date", "date"],
      ["email", "text"],
    ],
    persons.length,
    (r) => {
      const p = persons[r]!;
      const n = p.name;
      return [
        p.id,
        n.familyName,
        n.givenName,
        n.familyNameKana,
        n.givenNameKana,
        n.familyNameLatin,
        n.givenNameLatin,
        n.nameOrder,
        p.gender,
        p.birth,
        p.email,
      ];
    },
    { identity: true, onBatch: (done) => progress("writing persons", done, persons.length) },
  );
  const disabled = persons.filter((p) => p.disability !== null);
  await insertRows(
    query,
    "person_sensitive",
    [
      ["person_id", "int4"],
      ["disability_category", "text"],
      ["disability_severe", "bool"],
    ],
    disabled.map((p) => [p.id, p.disability?.category, p.disability?.severe]),
    false,
  );

  const employments = model.employments;
  await insertColumns(
    query,
    "employments",
    [
      ["id", "int4"],
      ["person_id", "int4"],
      ["company_id", "int4"],
      ["employee_number", "text"],
      ["hire_date", "date"],
      ["termination_date", "date"],
      ["termination_reason", "text"],
      ["employment_type", "text"],
      ["weekly_hours", "numeric"],
    ],
    employments.length,
    (r) => {
      const e = employments[r]!;
      return [
        e.id,
        e.personId,
        e.companyId,
        e.employeeNumber,
        e.hire,
        e.termination,
        e.reason,
        e.type,
        e.weeklyHours,
      ];
    },
    { identity: true, onBatch: (done) => progress("writing employments", done, employments.length) },
  );

  // Assignments, without the rows dropped during the simulation; ids follow creation order.
  const store = model.assignments;
  const kept: number[] = [];
  for (let i = 0; i < store.length; i++) if (store.dropped[i] === 0) kept.push(i);
  const kinds = ["primary", "secondary", "secondment"];
  await insertColumns(
    query,
    "assignments",
    [
      ["id", "int4"],
      ["employment_id", "int4"],
      ["company_id", "int4"],
      ["person_id", "int4"],
      ["kind", "text"],
      ["org_unit_id", "int4"],
      ["position_id", "int4"],
      ["grade_id", "int4"],
      ["line_manager_person_id", "int4"],
      ["is_head", "bool"],
      ["fte", "numeric"],
      ["valid_from", "date"],
      ["valid_to", "date"],
    ],
    kept.length,
    (r) => {
      const i = kept[r]!;
      return [
        r + 1,
        store.employment[i],
        store.company[i],
        store.person[i],
        kinds[store.kind[i]!],
        store.unit[i],
        nullable(store.position[i]!),
        nullable(store.grade[i]!),
        nullable(store.manager[i]!),
        store.head[i] === 1,
        store.fte100[i]! / 100,
        store.from[i],
        openEnd(store.to[i]!),
      ];
    },
    { identity: true, onBatch: (done) => progress("writing assignments", done, kept.length) },
  );

  progress("users", 0, input.users.length);
  await insertRows(
    query,
    "users",
    [
      ["id", "int4"],
      ["email", "text"],
      ["display_name", "text"],
      ["password_hash", "text"],
      ["person_id", "int4"],
      ["locale", "text"],
    ],
    input.users.map((u, i) => [i + 1, u.email, u.displayName, input.passwordHashes[i], u.personId, u.locale]),
  );
  let roleId = 0;
  await insertRows(
    query,
    "user_roles",
    [
      ["id", "int4"],
      ["user_id", "int4"],
      ["role", "text"],
      ["company_id", "int4"],
    ],
    input.users.flatMap((u, i) => u.roles.map((r) => [++roleId, i + 1, r.role, r.companyId])),
  );
  progress("users", input.users.length, input.users.length);

  for (const table of [
    "companies",
    "grades",
    "job_categories",
    "positions",
    "org_units",
    "org_unit_versions",
    "persons",
    "employments",
    "assignments",
    "users",
    "user_roles",
  ]) {
    await query(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
    );
  }
  const meta = Object.entries(input.meta);
  await query(
    "INSERT INTO app_meta (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    [meta.map(([k]) => k), meta.map(([, v]) => v)],
  );
  return kept.length;
}
