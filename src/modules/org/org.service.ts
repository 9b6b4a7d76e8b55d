import type { z } from "zod";
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import type {
  Company,
  OrgChartResponse,
  ZCreateCompanyRequest,
  ZCreateOrgUnitRequest,
  ZReorganizeOrgUnitRequest,
} from "../../shared/api";
import { addDays, today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import { assert, canManageCompany, directoryScope, isGroupAdmin } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { presentName, presentSummary } from "../people/people.presenter";
import { orgUnitMembers, personsByIds } from "../people/people.repo";
import {
  companyHeadcounts,
  endOrgUnitVersion,
  findCompany,
  findOrgUnit,
  insertCompany,
  insertOrgUnit,
  insertOrgUnitVersion,
  listCompanies as listCompanyRows,
  listGrades,
  listJobCategories,
  listPositions,
  orgChartUnits,
  orgUnitVersionAt,
  orgUnitVersionsOf,
  subtreeOrgUnitIds,
  type CompanyRow,
  type OrgUnitVersionRow,
} from "./org.repo";

export function presentCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    code: row.code,
    name: { ja: row.nameJa, en: row.nameEn },
    country: row.country,
    currency: row.currency,
    isDomestic: row.isDomestic,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    parentCompanyId: row.parentCompanyId,
  };
}

const presentVersion = (row: OrgUnitVersionRow) => ({
  versionId: row.versionId,
  orgUnitId: row.orgUnitId,
  companyId: row.companyId,
  code: row.code,
  name: { ja: row.nameJa, en: row.nameEn },
  parentId: row.parentId,
  validFrom: row.validFrom,
  validTo: row.validTo,
});

/** The group's companies: names and structure are not personal data, every signed-in user may list them. */
export async function listCompanies(db: Db, _actor: Actor): Promise<Company[]> {
  return (await listCompanyRows(db)).map(presentCompany);
}

async function requireCompany(db: Db, companyId: number): Promise<CompanyRow> {
  const company = await findCompany(db, companyId);
  if (!company) throw AppError.notFound("Company", companyId);
  return company;
}

export async function createCompany(
  db: Db,
  actor: Actor,
  request: z.infer<typeof ZCreateCompanyRequest>,
): Promise<Company> {
  assert(isGroupAdmin(actor), "Only group HR may add companies.");
  if (request.parentCompanyId !== null && !(await findCompany(db, request.parentCompanyId))) {
    throw AppError.validation([
      { path: "parentCompanyId", message: `company ${request.parentCompanyId} does not exist` },
    ]);
  }
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const row = await insertCompany(tx, { ...request, code: request.code.toUpperCase() });
      await audit(tx, actor, "company.create", {
        entity: "company",
        entityId: row.id,
        detail: { code: row.code },
      });
      return presentCompany(row);
    }),
  );
}

export async function gradesOf(db: Db, _actor: Actor, companyId: number) {
  await requireCompany(db, companyId);
  return (await listGrades(db, companyId)).map((row) => ({
    id: row.id,
    companyId: row.companyId,
    code: row.code,
    name: { ja: row.nameJa, en: row.nameEn },
    rank: row.rank,
    isManagerLevel: row.isManagerLevel,
    isExecutive: row.isExecutive,
  }));
}

export async function positionsOf(db: Db, _actor: Actor, companyId: number) {
  await requireCompany(db, companyId);
  return (await listPositions(db, companyId)).map((row) => ({
    id: row.id,
    companyId: row.companyId,
    code: row.code,
    name: { ja: row.nameJa, en: row.nameEn },
    jobCategoryId: row.jobCategoryId,
  }));
}

export async function jobCategoriesOf(db: Db, _actor: Actor, companyId: number) {
  await requireCompany(db, companyId);
  return (await listJobCategories(db, companyId)).map((row) => ({
    id: row.id,
    companyId: row.companyId,
    code: row.code,
    name: { ja: row.nameJa, en: row.nameEn },
  }));
}

/**
 * The org chart on a date, for one company or the whole group: units, how many people are assigned to each,
 * and who heads it. Structure, counts and heads are visible to every signed-in user; members are not.
 */
export async function orgChart(
  db: Db,
  _actor: Actor,
  query: { asOf?: string | undefined; companyId?: number | undefined },
): Promise<OrgChartResponse> {
  const asOf = query.asOf ?? today();
  const companyRows =
    query.companyId === undefined ? await listCompanyRows(db) : [await requireCompany(db, query.companyId)];
  const [units, headcounts] = await Promise.all([
    orgChartUnits(db, asOf, query.companyId),
    companyHeadcounts(db, asOf),
  ]);
  const headIds = [
    ...new Set(units.flatMap((unit) => (unit.headPersonId === null ? [] : [unit.headPersonId]))),
  ];
  const heads = new Map((await personsByIds(db, headIds)).map((row) => [row.id, row]));
  const byCompany = new Map<number, typeof units>();
  for (const unit of units) {
    const list = byCompany.get(unit.companyId) ?? [];
    list.push(unit);
    byCompany.set(unit.companyId, list);
  }
  return {
    asOf,
    companies: companyRows.map((company) => ({
      company: presentCompany(company),
      headcount: headcounts.get(company.id) ?? 0,
      units: (byCompany.get(company.id) ?? []).map((unit) => {
        const head = unit.headPersonId === null ? undefined : heads.get(unit.headPersonId);
        return {
          ...presentVersion(unit),
          id: unit.orgUnitId,
          headcount: unit.headcount,
          head: head ? { personId: head.id, name: presentName(head) } : null,
        };
      }),
    })),
  };
}

export async function orgUnitHistory(db: Db, _actor: Actor, orgUnitId: number) {
  if (!(await findOrgUnit(db, orgUnitId))) throw AppError.notFound("Org unit", orgUnitId);
  return { orgUnitId, versions: (await orgUnitVersionsOf(db, orgUnitId)).map(presentVersion) };
}

/** Who is assigned to the unit on the date: HR of its company, group HR, and managers whose subtree holds it. */
export async function membersOf(db: Db, actor: Actor, orgUnitId: number, asOf = today()) {
  const unit = await findOrgUnit(db, orgUnitId);
  if (!unit) throw AppError.notFound("Org unit", orgUnitId);
  const scope = directoryScope(actor);
  let allowed = scope.all || scope.companyIds.includes(unit.companyId);
  if (!allowed && !scope.all && scope.managedOrgUnitIds.length) {
    allowed = (await subtreeOrgUnitIds(db, scope.managedOrgUnitIds, today())).includes(orgUnitId);
  }
  assert(allowed, "You may not see the members of this org unit.");
  const rows = await orgUnitMembers(db, orgUnitId, asOf);
  return {
    asOf,
    items: rows.map((row) => ({
      ...presentSummary(row),
      assignmentKind: row.assignmentKind!,
      isHead: row.isHead === true,
    })),
  };
}

async function checkParent(
  db: Db,
  companyId: number,
  parentId: number | null,
  validFrom: string,
  selfId?: number,
) {
  if (parentId === null) return;
  const parent = await findOrgUnit(db, parentId);
  if (!parent || parent.companyId !== companyId) {
    throw AppError.validation([
      { path: "parentOrgUnitId", message: `org unit ${parentId} is not a unit of this company` },
    ]);
  }
  if (!(await orgUnitVersionAt(db, parentId, validFrom))) {
    throw AppError.validation([
      { path: "parentOrgUnitId", message: `org unit ${parentId} does not exist on ${validFrom}` },
    ]);
  }
  if (selfId !== undefined && (await subtreeOrgUnitIds(db, [selfId], validFrom)).includes(parentId)) {
    throw AppError.validation([
      { path: "parentOrgUnitId", message: "a unit cannot be placed under its own sub-unit" },
    ]);
  }
}

export async function createOrgUnit(db: Db, actor: Actor, request: z.infer<typeof ZCreateOrgUnitRequest>) {
  await requireCompany(db, request.companyId);
  assert(canManageCompany(actor, request.companyId), "You may not change this company's organisation.");
  await checkParent(db, request.companyId, request.parentOrgUnitId, request.validFrom);
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      const orgUnitId = await insertOrgUnit(tx, { companyId: request.companyId, code: request.code });
      await insertOrgUnitVersion(tx, {
        orgUnitId,
        companyId: request.companyId,
        parentOrgUnitId: request.parentOrgUnitId,
        nameJa: request.nameJa,
        nameEn: request.nameEn,
        validFrom: request.validFrom,
      });
      await audit(tx, actor, "org_unit.create", { entity: "org_unit", entityId: orgUnitId, detail: request });
      return { orgUnitId, versions: (await orgUnitVersionsOf(tx, orgUnitId)).map(presentVersion) };
    }),
  );
}

/**
 * A reorganisation: from `validFrom` the unit has a new name and/or parent. The version in force then ends the
 * day before (its history stays); a future date is allowed. A later version already planned is refused.
 */
export async function reorganizeOrgUnit(
  db: Db,
  actor: Actor,
  orgUnitId: number,
  request: z.infer<typeof ZReorganizeOrgUnitRequest>,
) {
  const unit = await findOrgUnit(db, orgUnitId);
  if (!unit) throw AppError.notFound("Org unit", orgUnitId);
  assert(canManageCompany(actor, unit.companyId), "You may not change this company's organisation.");
  const current = await orgUnitVersionAt(db, orgUnitId, request.validFrom);
  if (!current)
    throw AppError.validation([
      { path: "validFrom", message: `the unit does not exist on ${request.validFrom}` },
    ]);
  if (current.validTo !== null) {
    throw AppError.validation([
      {
        path: "validFrom",
        message: `a later version starts on ${addDays(current.validTo, 1)}; reorganise from the latest version`,
      },
    ]);
  }
  if (current.validFrom === request.validFrom) {
    throw AppError.validation([{ path: "validFrom", message: "must be after the current version's start" }]);
  }
  const parentId = request.parentOrgUnitId === undefined ? current.parentId : request.parentOrgUnitId;
  await checkParent(db, unit.companyId, parentId, request.validFrom, orgUnitId);
  return withDbErrors(() =>
    db.transaction(async (tx) => {
      await endOrgUnitVersion(tx, current.versionId, addDays(request.validFrom, -1));
      await insertOrgUnitVersion(tx, {
        orgUnitId,
        companyId: unit.companyId,
        parentOrgUnitId: parentId,
        nameJa: request.nameJa ?? current.nameJa,
        nameEn: request.nameEn ?? current.nameEn,
        validFrom: request.validFrom,
      });
      await audit(tx, actor, "org_unit.reorganize", {
        entity: "org_unit",
        entityId: orgUnitId,
        detail: { before: presentVersion(current), change: request },
      });
      return { orgUnitId, versions: (await orgUnitVersionsOf(tx, orgUnitId)).map(presentVersion) };
    }),
  );
}
