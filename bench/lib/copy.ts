import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { Database } from "../../src/db/client";

/** The rows of one table in COPY's text format, with the columns they fill. */
export interface TableDump {
  table: string;
  columns: string[];
  rows: number;
  data: Buffer;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function rows<T>(database: Database, text: string): Promise<T[]> {
  if (database.pglite) return (await database.pglite.query<T>(text)).rows;
  return (await database.pool!.query(text)).rows as T[];
}

/** The public tables in an order that satisfies their foreign keys (parents first; self-references aside). */
async function tablesInLoadOrder(database: Database): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    database,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  const edges = await rows<{ child: string; parent: string }>(
    database,
    `select c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const edge of edges) if (edge.child === table) visit(edge.parent);
    ordered.push(table);
  };
  for (const { name } of tables) visit(name);
  return ordered;
}

/**
 * Tables that triggers keep from other tables' rows (migrations 0010, 0012 and 0014): loading the source rows fills
 * them, so they are not copied themselves (a copy would collide with what the triggers wrote); and the report
 * cache's epoch, whose one row the migration writes.
 */
const TRIGGER_KEPT_TABLES = new Set([
  "person_skill_levels",
  "person_skill_tokens",
  "metric_data_changes",
  "metric_data_epoch",
]);

/**
 * Dumps the rows of every non-empty public table but those triggers keep (columns that are not generated, ordered by primary key so that
 * self-references point backwards) with `COPY (SELECT ...) TO`: on PGlite to '/dev/blob', on pg to STDOUT.
 */
export async function dumpTables(database: Database): Promise<TableDump[]> {
  const dumps: TableDump[] = [];
  for (const table of await tablesInLoadOrder(database)) {
    if (TRIGGER_KEPT_TABLES.has(table)) continue;
    const [count] = await rows<{ n: number }>(database, `select count(*)::int as n from ${quote(table)}`);
    if (!count?.n) continue;
    const columns = (
      await rows<{ name: string }>(
        database,
        `select column_name as name from information_schema.columns
         where table_schema = 'public' and table_name = '${table}' and is_generated = 'NEVER'
         order by ordinal_position`,
      )
    ).map((row) => row.name);
    const key = await rows<{ name: string }>(
      database,
      `select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = '${quote(table)}'::regclass and i.indisprimary order by a.attnum`,
    );
    const order = key.length ? ` order by ${key.map((k) => quote(k.name)).join(", ")}` : "";
    const select = `select ${columns.map(quote).join(", ")} from ${quote(table)}${order}`;
    dumps.push({ table, columns, rows: count.n, data: await copyOut(database, select) });
  }
  return dumps;
}

async function copyOut(database: Database, select: string): Promise<Buffer> {
  if (database.pglite) {
    const result = await database.pglite.query(`COPY (${select}) TO '/dev/blob'`);
    return Buffer.from(await result.blob!.arrayBuffer());
  }
  const client = await database.pool!.connect();
  try {
    const chunks: Buffer[] = [];
    const stream = client.query(copyTo(`COPY (${select}) TO STDOUT`));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}

/** Empties the tables about to be loaded (a migrated database may hold rows of its own, e.g. settings). */
export async function emptyTables(database: Database, dumps: TableDump[]): Promise<void> {
  if (dumps.length) await database.exec(`TRUNCATE ${dumps.map((d) => quote(d.table)).join(", ")} CASCADE`);
}

/**
 * Returns the load of the dumps with `COPY ... FROM` in one transaction (the anchor for bulk writes), ready to
 * be timed: the buffers are wrapped beforehand.
 */
export function copyLoader(database: Database, dumps: TableDump[]): () => Promise<void> {
  const statement = (d: TableDump, source: string) =>
    `COPY ${quote(d.table)} (${d.columns.map(quote).join(", ")}) FROM ${source}`;
  if (database.pglite) {
    const pglite = database.pglite;
    const blobs = dumps.map((d) => new Blob([d.data]));
    return async () => {
      await pglite.transaction(async (tx) => {
        for (const [i, d] of dumps.entries())
          await tx.query(statement(d, "'/dev/blob'"), [], { blob: blobs[i]! });
      });
    };
  }
  const pool = database.pool!;
  return async () => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (const d of dumps)
        await pipeline(Readable.from([d.data]), client.query(copyFrom(statement(d, "STDIN"))));
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };
}
