import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { queryRows } from "../../../db/query";

/**
 * Set-based writes for the appliers: a batch of rows travels as ONE JSON parameter and is expanded by
 * `json_populate_recordset(null::table, ...)`, which types every value by the table's own columns (dates, enums,
 * numerics, jsonb). One statement and one round trip per batch, whatever its size, on PGlite and PostgreSQL alike;
 * the table's constraints and triggers run exactly as for single-row writes.
 *
 * Keys of the row objects are column names (snake_case). Table and column names come from the appliers, never
 * from a file.
 */
export type BulkRow = Record<string, unknown>;

const ident = (name: string) => sql.identifier(name);

/** Reserves `count` ids of the table's identity column, in ascending order (the sequence is looked up once). */
export async function reserveIds(tx: Db, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select nextval(s.seq)::int as id
        from (select pg_get_serial_sequence(${table}, 'id')::regclass as seq) as s, generate_series(1, ${count}::int) as g(n)
        order by g.n`,
  );
  return rows.map((row) => Number(row.id));
}

/**
 * INSERT of the rows (every row with the same keys; an `id` key gives the identity value). `nested`: the rows
 * hold JSON documents for jsonb columns (the history's before/after); they then travel as jsonb, parsed once
 * (as json, each document would be parsed again for its column) — for flat rows json is the cheaper.
 */
export async function bulkInsert(
  tx: Db,
  table: string,
  rows: readonly BulkRow[],
  options: { nested?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const list = sql.join(
    columns.map((c) => ident(c)),
    sql`, `,
  );
  const overriding = columns.includes("id") ? sql` overriding system value` : sql``;
  const source = options.nested
    ? sql`jsonb_populate_recordset(null::${ident(table)}, ${JSON.stringify(rows)}::jsonb)`
    : sql`json_populate_recordset(null::${ident(table)}, ${JSON.stringify(rows)}::json)`;
  await tx.execute(sql`insert into ${ident(table)} (${list})${overriding} select ${list} from ${source}`);
}

/** UPDATE ... SET the given columns FROM the rows, matched on `id` (one row per id). */
export async function bulkUpdate(
  tx: Db,
  table: string,
  columns: readonly string[],
  rows: readonly BulkRow[],
): Promise<void> {
  if (!rows.length) return;
  const set = sql.join(
    columns.map((c) => sql`${ident(c)} = x.${ident(c)}`),
    sql`, `,
  );
  await tx.execute(
    sql`update ${ident(table)} as t set ${set} from json_populate_recordset(null::${ident(table)}, ${JSON.stringify(rows)}::json) as x where t.id = x.id`,
  );
}
