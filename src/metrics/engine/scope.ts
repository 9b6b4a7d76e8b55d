/**
 * Scopes: which companies (and, for an org unit, which subtree) a figure covers. The whole group, one
 * company, a set of companies, a country, the domestic companies or the overseas affiliates, or an org unit
 * and the units below it.
 */
import type { Db } from "../../db/client";
import type { LocalizedName } from "../../shared/api";
import { AppError } from "../../shared/errors";
import type { FigureQuery, ResolvedScope, ScopeSpec } from "../../shared/metrics-api";
import { allCompanies, type CompanyInfo, findOrgUnitInfo, type OrgUnitInfo } from "./scope.repo";

export interface ScopeContext {
  spec: ScopeSpec;
  /** The companies of the scope, by code. */
  companies: CompanyInfo[];
  /** Every company of the group (group applications may reach outside the scope). */
  allCompanies: CompanyInfo[];
  orgUnit: OrgUnitInfo | null;
}

/** The scope named by query parameters; a missing parameter is a validation error naming it. */
export function scopeFromQuery(
  query: Pick<FigureQuery, "scope" | "companyId" | "companyIds" | "country" | "orgUnitId">,
): ScopeSpec {
  const missing = (path: string): never => {
    throw AppError.validation([{ path, message: `is required with scope=${query.scope}` }]);
  };
  switch (query.scope) {
    case "group":
      return { kind: "group" };
    case "company":
      return { kind: "company", companyId: query.companyId ?? missing("companyId") };
    case "companies":
      return { kind: "companies", companyIds: query.companyIds ?? missing("companyIds") };
    case "country":
      return { kind: "country", country: query.country ?? missing("country") };
    case "domestic":
      return { kind: "domestic" };
    case "overseas":
      return { kind: "overseas" };
    case "orgUnit":
      return { kind: "orgUnit", orgUnitId: query.orgUnitId ?? missing("orgUnitId") };
  }
}

export async function resolveScope(db: Db, spec: ScopeSpec): Promise<ScopeContext> {
  const companies = await allCompanies(db);
  const byId = new Map(companies.map((c) => [c.id, c]));
  const pick = (id: number, path: string): CompanyInfo => {
    const company = byId.get(id);
    if (!company) throw AppError.validation([{ path, message: `company ${id} does not exist` }]);
    return company;
  };
  switch (spec.kind) {
    case "group":
      return { spec, companies, allCompanies: companies, orgUnit: null };
    case "company":
      return { spec, companies: [pick(spec.companyId, "companyId")], allCompanies: companies, orgUnit: null };
    case "companies": {
      const ids = [...new Set(spec.companyIds)];
      const chosen = ids.map((id) => pick(id, "companyIds"));
      return {
        spec: { kind: "companies", companyIds: ids },
        companies: sortByCode(chosen),
        allCompanies: companies,
        orgUnit: null,
      };
    }
    case "country":
      return {
        spec,
        companies: companies.filter((c) => c.country === spec.country),
        allCompanies: companies,
        orgUnit: null,
      };
    case "domestic":
      return {
        spec,
        companies: companies.filter((c) => c.isDomestic),
        allCompanies: companies,
        orgUnit: null,
      };
    case "overseas":
      return {
        spec,
        companies: companies.filter((c) => !c.isDomestic),
        allCompanies: companies,
        orgUnit: null,
      };
    case "orgUnit": {
      const unit = await findOrgUnitInfo(db, spec.orgUnitId);
      if (!unit)
        throw AppError.validation([
          { path: "orgUnitId", message: `org unit ${spec.orgUnitId} does not exist` },
        ]);
      return { spec, companies: [pick(unit.companyId, "orgUnitId")], allCompanies: companies, orgUnit: unit };
    }
  }
}

function sortByCode(companies: CompanyInfo[]): CompanyInfo[] {
  return [...companies].sort((a, b) => a.code.localeCompare(b.code) || a.id - b.id);
}

export function scopeLabel(context: ScopeContext): LocalizedName {
  const { spec } = context;
  switch (spec.kind) {
    case "group":
      return { ja: "グループ全体", en: "Whole group" };
    case "company":
      return { ja: context.companies[0]!.nameJa, en: context.companies[0]!.nameEn };
    case "companies":
      return { ja: `${context.companies.length}社`, en: `${context.companies.length} companies` };
    case "country":
      return { ja: `国: ${spec.country}`, en: `Country: ${spec.country}` };
    case "domestic":
      return { ja: "国内グループ会社", en: "Domestic companies" };
    case "overseas":
      return { ja: "海外グループ会社", en: "Overseas affiliates" };
    case "orgUnit":
      return { ja: `${context.orgUnit!.nameJa}(配下を含む)`, en: `${context.orgUnit!.nameEn} (and below)` };
  }
}

export function presentScope(context: ScopeContext): ResolvedScope {
  return {
    spec: context.spec,
    label: scopeLabel(context),
    companyCount: context.companies.length,
    companies:
      context.companies.length <= 10
        ? context.companies.map((c) => ({ id: c.id, code: c.code, name: { ja: c.nameJa, en: c.nameEn } }))
        : [],
    orgUnit: context.orgUnit
      ? { id: context.orgUnit.id, name: { ja: context.orgUnit.nameJa, en: context.orgUnit.nameEn } }
      : null,
  };
}
