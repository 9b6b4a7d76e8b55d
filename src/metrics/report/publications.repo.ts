import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { DisclosureReport } from "../../shared/metrics-api";
import { publishedReports } from "../metrics.schema";

export interface PublicationRow {
  id: number;
  scopeKey: string;
  companyId: number | null;
  fiscalYear: number;
  version: number;
  dataHash: string;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
}

export const scopeKeyOf = (companyId: number | null) =>
  companyId === null ? "group" : `company:${companyId}`;

const columns = sql`r.id, r.scope_key as "scopeKey", r.company_id as "companyId", r.fiscal_year::int as "fiscalYear",
  r.version, r.data_hash as "dataHash", r.note, to_char(r.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "publishedAt",
  u.email as "publishedBy"`;

/** Inserts the next version for the scope and year (call inside a transaction). */
export async function insertPublication(
  db: Db,
  values: {
    companyId: number | null;
    fiscalYear: number;
    report: DisclosureReport;
    dataHash: string;
    note: string | null;
    userId: number | null;
  },
): Promise<number> {
  const scopeKey = scopeKeyOf(values.companyId);
  // Serialise publications of the same scope and year (the unique index would refuse a race anyway).
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`published_reports:${scopeKey}:${values.fiscalYear}`}))`,
  );
  const [last] = await queryRows<{ version: number | null }>(
    db,
    sql`select max(version)::int as version from published_reports where scope_key = ${scopeKey} and fiscal_year = ${values.fiscalYear}`,
  );
  const [row] = await db
    .insert(publishedReports)
    .values({
      scopeKey,
      companyId: values.companyId,
      fiscalYear: values.fiscalYear,
      version: (last?.version ?? 0) + 1,
      report: values.report,
      dataHash: values.dataHash,
      note: values.note,
      publishedByUserId: values.userId,
    })
    .returning({ id: publishedReports.id });
  return row!.id;
}

export function listPublicationRows(
  db: Db,
  filter: { fiscalYear?: number | undefined; scopeKey?: string | undefined },
): Promise<PublicationRow[]> {
  return queryRows<PublicationRow>(
    db,
    sql`select ${columns} from published_reports r left join users u on u.id = r.published_by_user_id
        where true
        ${filter.fiscalYear === undefined ? sql`` : sql`and r.fiscal_year = ${filter.fiscalYear}`}
        ${filter.scopeKey === undefined ? sql`` : sql`and r.scope_key = ${filter.scopeKey}`}
        order by r.fiscal_year desc, r.scope_key, r.version desc, r.id desc`,
  );
}

export async function findPublication(
  db: Db,
  id: number,
): Promise<(PublicationRow & { report: DisclosureReport }) | undefined> {
  const [row] = await queryRows<PublicationRow & { report: DisclosureReport }>(
    db,
    sql`select ${columns}, r.report from published_reports r left join users u on u.id = r.published_by_user_id where r.id = ${id}`,
  );
  return row;
}
