import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";

export interface CompanyInfo {
  id: number;
  code: string;
  nameJa: string;
  nameEn: string;
  country: string;
  isDomestic: boolean;
  fiscalYearStartMonth: number;
  parentCompanyId: number | null;
}

export function allCompanies(db: Db): Promise<CompanyInfo[]> {
  return queryRows<CompanyInfo>(
    db,
    sql`select id, code, name_ja as "nameJa", name_en as "nameEn", country, is_domestic as "isDomestic",
               fiscal_year_start_month::int as "fiscalYearStartMonth", parent_company_id as "parentCompanyId"
        from companies order by code, id`,
  );
}

export interface OrgUnitInfo {
  id: number;
  companyId: number;
  nameJa: string;
  nameEn: string;
}

/** The org unit with its latest version's names. */
export async function findOrgUnitInfo(db: Db, orgUnitId: number): Promise<OrgUnitInfo | undefined> {
  const [row] = await queryRows<OrgUnitInfo>(
    db,
    sql`select u.id, u.company_id as "companyId", v.name_ja as "nameJa", v.name_en as "nameEn"
        from org_units u
        join lateral (select name_ja, name_en from org_unit_versions ov where ov.org_unit_id = u.id
                      order by ov.valid_from desc, ov.id desc limit 1) v on true
        where u.id = ${orgUnitId}`,
  );
  return row;
}
