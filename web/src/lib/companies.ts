import type { Company } from "../../../src/shared/api";

export type CompanyGroup = "parent" | "domestic" | "overseas";

export function companyGroup(company: Company): CompanyGroup {
  if (company.parentCompanyId === null) return "parent";
  return company.isDomestic ? "domestic" : "overseas";
}

const GROUP_ORDER: Record<CompanyGroup, number> = { parent: 0, domestic: 1, overseas: 2 };

/** Parent company first, then domestic subsidiaries, then overseas affiliates; by code, then id. */
export function compareCompanies(a: Company, b: Company): number {
  return (
    GROUP_ORDER[companyGroup(a)] - GROUP_ORDER[companyGroup(b)] || a.code.localeCompare(b.code) || a.id - b.id
  );
}
