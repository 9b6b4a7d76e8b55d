/**
 * The disability employment figures: per Japanese company, per configured group application and for the
 * scope as a whole, from the counting rules of disability.rules.ts. Sensitive: the engine computes every
 * unit, the service redacts what the caller may not see; units counting fewer people than the threshold are
 * withheld here.
 */
import type { Db } from "../../db/client";
import type { LocalizedName } from "../../shared/api";
import type { DisabilityUnit } from "../../shared/metrics-api";
import { type GroupApplication, listGroupApplications } from "./applications.repo";
import {
  type DisabilityTotals,
  denominatorHalves,
  disabilityOutcome,
  hoursBand,
  numeratorHalves,
  statutoryRateOn,
} from "./disability.rules";
import { type DisabilityGroupRow, disabilityGroups } from "./figures.repo";
import type { CompanyPeriod } from "./period";
import { inSlot } from "./populations";
import type { CompanyInfo, OrgUnitInfo } from "./scope.repo";

export interface DisabilityContext {
  /** The scope's companies (domestic and overseas). */
  companies: readonly CompanyInfo[];
  /** Every company of the group, for the members of group applications outside the scope. */
  allCompanies: readonly CompanyInfo[];
  /** How many periods (slots) to count, and each company's period in a slot. */
  slots: number;
  periodsFor: (companies: readonly CompanyInfo[], slot: number) => CompanyPeriod[];
  orgUnit: OrgUnitInfo | null;
  /** One company (or an org unit of it): its own figure is the headline. */
  singleCompany: boolean;
}

export interface DisabilityResult {
  /** The scope's figure: the one company, the org unit, or the domestic companies added up. */
  headline: DisabilityUnit;
  /** Each company of the scope (overseas: not_applicable), then each group application whose parent is in it. */
  units: DisabilityUnit[];
}

interface Counted extends DisabilityTotals {
  /** People in the denominator (for the small-group rule). */
  people: number;
}

function count(rows: readonly DisabilityGroupRow[], day: string): Counted {
  const totals: Counted = { denominatorHalves: 0, numeratorHalves: 0, people: 0 };
  for (const row of rows) {
    if (!row.regularWorker) continue;
    const band = hoursBand(row.weeklyHours);
    const weight = denominatorHalves(band);
    totals.denominatorHalves += weight * row.people;
    if (weight > 0) totals.people += row.people;
    if (row.disabilityCategory !== null) {
      totals.numeratorHalves += numeratorHalves(row.disabilityCategory, row.severe, band, day) * row.people;
    }
  }
  return totals;
}

function unitOf(
  identity: Pick<DisabilityUnit, "kind" | "id" | "code" | "name" | "companyIds">,
  counted: Counted,
  day: string,
  threshold: number,
): DisabilityUnit {
  const tenths = statutoryRateOn(day);
  const base = {
    ...identity,
    referenceDate: day,
    statutoryRate: tenths === null ? null : tenths / 10,
    denominator: null,
    numerator: null,
    rate: null,
    requiredNumber: null,
    surplus: null,
  };
  if (tenths === null) return { ...base, status: "not_applicable", reason: "no_statutory_rate" };
  if (counted.people < threshold) return { ...base, status: "withheld", reason: "small_group" };
  const outcome = disabilityOutcome(counted, tenths);
  return {
    ...base,
    status: outcome.rate === null ? "no_data" : "ok",
    reason: outcome.rate === null ? "empty" : null,
    denominator: outcome.denominator,
    numerator: outcome.numerator,
    rate: outcome.rate,
    requiredNumber: outcome.requiredNumber,
    surplus: outcome.surplus,
  };
}

const nameOf = (c: { nameJa: string; nameEn: string }): LocalizedName => ({ ja: c.nameJa, en: c.nameEn });

function overseasUnit(company: CompanyInfo, day: string): DisabilityUnit {
  return {
    kind: "company",
    id: company.id,
    code: company.code,
    name: nameOf(company),
    companyIds: [company.id],
    status: "not_applicable",
    reason: "overseas",
    referenceDate: day,
    statutoryRate: null,
    denominator: null,
    numerator: null,
    rate: null,
    requiredNumber: null,
    surplus: null,
  };
}

interface SlotPlan {
  slot: number;
  dayOf: (companyId: number) => string;
  applications: GroupApplication[];
  /** Every domestic company to count: the scope's, and the members of its group applications. */
  needed: CompanyInfo[];
}

/** The figures of every slot, from one query over all of them. */
export async function computeDisability(
  db: Db,
  context: DisabilityContext,
  options: { smallGroupThreshold: number; includeApplications: boolean },
): Promise<DisabilityResult[]> {
  const domestic = context.companies.filter((c) => c.isDomestic);
  const domesticIds = new Set(context.allCompanies.filter((c) => c.isDomestic).map((c) => c.id));
  const configured =
    options.includeApplications && context.orgUnit === null ? await listGroupApplications(db) : [];

  const plans = Array.from({ length: context.slots }, (_, slot): SlotPlan => {
    const scopePeriods = new Map(context.periodsFor(context.companies, slot).map((p) => [p.companyId, p]));
    const dayOf = (companyId: number) =>
      scopePeriods.get(companyId)?.disabilityDate ??
      context.periodsFor(
        context.allCompanies.filter((c) => c.id === companyId),
        slot,
      )[0]!.disabilityDate;
    const applications = configured.filter((application) => {
      const day = dayOf(application.parentCompanyId);
      const valid =
        application.validFrom <= day && (application.validTo === null || application.validTo >= day);
      const inScope = domestic.some((c) => c.id === application.parentCompanyId);
      return valid && inScope && application.memberCompanyIds.every((id) => domesticIds.has(id));
    });
    const neededIds = new Set([
      ...domestic.map((c) => c.id),
      ...applications.flatMap((a) => a.memberCompanyIds),
    ]);
    return { slot, dayOf, applications, needed: context.allCompanies.filter((c) => neededIds.has(c.id)) };
  });

  const periods = plans.flatMap((plan) => inSlot(context.periodsFor(plan.needed, plan.slot), plan.slot));
  const rows = periods.length
    ? await disabilityGroups(db, {
        periods,
        scopeCompanyIds: [...new Set(periods.map((p) => p.companyId))],
        orgUnitId: context.orgUnit?.id ?? null,
      })
    : [];
  return plans.map((plan) =>
    slotResult(
      context,
      plan,
      rows.filter((row) => row.slot === plan.slot),
      options.smallGroupThreshold,
    ),
  );
}

function slotResult(
  context: DisabilityContext,
  plan: SlotPlan,
  rows: readonly DisabilityGroupRow[],
  threshold: number,
): DisabilityResult {
  const { dayOf, applications } = plan;
  const domestic = context.companies.filter((c) => c.isDomestic);
  const rowsOf = (ids: readonly number[]) => rows.filter((row) => ids.includes(row.companyId));
  const countOf = (ids: readonly number[]) => {
    const totals: Counted = { denominatorHalves: 0, numeratorHalves: 0, people: 0 };
    for (const id of ids) {
      const c = count(rowsOf([id]), dayOf(id));
      totals.denominatorHalves += c.denominatorHalves;
      totals.numeratorHalves += c.numeratorHalves;
      totals.people += c.people;
    }
    return totals;
  };

  const companyUnits = context.companies.map((company) =>
    company.isDomestic
      ? unitOf(
          {
            kind: "company",
            id: company.id,
            code: company.code,
            name: nameOf(company),
            companyIds: [company.id],
          },
          countOf([company.id]),
          dayOf(company.id),
          threshold,
        )
      : overseasUnit(company, dayOf(company.id)),
  );
  const applicationUnits = applications.map((application) =>
    unitOf(
      {
        kind: "application",
        id: application.id,
        code: application.code,
        name: nameOf(application),
        companyIds: application.memberCompanyIds,
      },
      countOf(application.memberCompanyIds),
      dayOf(application.parentCompanyId),
      threshold,
    ),
  );

  if (context.singleCompany && context.orgUnit === null)
    return { headline: companyUnits[0]!, units: companyUnits };

  const scopeIdentity = {
    kind: "scope" as const,
    id: context.orgUnit?.id ?? 0,
    code: "",
    name: context.orgUnit
      ? nameOf(context.orgUnit)
      : { ja: "国内グループ会社合算", en: "Domestic companies combined" },
    companyIds: domestic.map((c) => c.id),
  };
  const units = context.orgUnit ? [] : [...companyUnits, ...applicationUnits];
  if (domestic.length === 0) {
    const day = context.companies[0] ? dayOf(context.companies[0].id) : "";
    return {
      headline: { ...overseasUnit(context.companies[0] ?? EMPTY_COMPANY, day), ...scopeIdentity },
      units,
    };
  }
  // The day most of the domestic companies use (mixed fiscal years may give several).
  const days = domestic.map((c) => dayOf(c.id));
  const frequency = (d: string) => days.filter((x) => x === d).length;
  const day = [...new Set(days)].sort((a, b) => frequency(b) - frequency(a) || a.localeCompare(b))[0]!;
  const headline = unitOf(scopeIdentity, countOf(domestic.map((c) => c.id)), day, threshold);
  return { headline, units };
}

const EMPTY_COMPANY: CompanyInfo = {
  id: 0,
  code: "",
  nameJa: "",
  nameEn: "",
  country: "",
  isDomestic: false,
  fiscalYearStartMonth: 4,
  parentCompanyId: null,
};
