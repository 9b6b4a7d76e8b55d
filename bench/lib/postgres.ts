import pg from "pg";

/**
 * Databases the bench owns on the PostgreSQL server. Names:
 *   tekizai_bench_tpl_<scale>_<seed>_<fingerprint>  kept between runs (the cache), cloned per use;
 *   tekizai_bench_tpl_empty_<fingerprint>           migrated and empty, kept likewise;
 *   tekizai_bench_run_<pid>_<n>                      scratch clones, dropped at the end of the run;
 *   tekizai_bench_build_<pid>_<n>                    a template being built, renamed when complete.
 */
export const PREFIX = "tekizai_bench_";

/**
 * Settings for a small (2-core) server, set on every database the bench creates, so that every connection
 * to it (the bench's pool and a `tekizai start` child alike) runs with them: one core per query under
 * request load instead of parallel workers competing with the other requests.
 */
export const SMALL_SERVER_SETTINGS: Record<string, string> = { max_parallel_workers_per_gather: "0" };

export function databaseUrl(serverUrl: string, database: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Undefined when the server answers, else why not. */
export async function unreachableReason(serverUrl: string): Promise<string | undefined> {
  try {
    await withAdmin(serverUrl, (client) => client.query("select 1"));
    return undefined;
  } catch (err) {
    return (err as Error).message || String(err);
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
};

export async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  const { rows } = await client.query("select 1 from pg_database where datname = $1", [name]);
  return rows.length > 0;
}

export async function createDatabase(client: pg.Client, name: string, template?: string): Promise<void> {
  await client.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
  for (const [key, value] of Object.entries(SMALL_SERVER_SETTINGS)) {
    await client.query(`ALTER DATABASE ${ident(name)} SET ${key} = ${value}`);
  }
}

export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  await client.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

export async function renameDatabase(client: pg.Client, from: string, to: string): Promise<void> {
  await client.query(`ALTER DATABASE ${ident(from)} RENAME TO ${ident(to)}`);
}

export async function listDatabases(client: pg.Client, prefix: string): Promise<string[]> {
  const { rows } = await client.query<{ datname: string }>(
    "select datname from pg_database where starts_with(datname, $1) order by datname",
    [prefix],
  );
  return rows.map((row) => row.datname);
}

/** Whether a process with this id runs (the owner of a scratch database or a half-written cache file). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Drops scratch and half-built databases left by bench runs that are no longer running. */
export async function dropStaleDatabases(client: pg.Client): Promise<string[]> {
  const dropped: string[] = [];
  for (const name of await listDatabases(client, PREFIX)) {
    const match = /^tekizai_bench_(?:run|build)_(\d+)_\d+$/.exec(name);
    if (match && Number(match[1]) !== process.pid && !isRunning(Number(match[1]))) {
      await dropDatabase(client, name);
      dropped.push(name);
    }
  }
  return dropped;
}
