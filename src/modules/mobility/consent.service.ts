/**
 * Scouting consent (issue 7): the employee chooses whether recruiting divisions may see their work-history
 * record, wishes and skills, and which — every group company, some companies, or some divisions (with their
 * sub-units). A change replaces the active consent (the old one is closed, a new row starts: the history is
 * kept); withdrawal takes effect at once, because every recruiter path filters with consent.visibility.ts on
 * each request. Only the person gives or withdraws their consent; HR cannot do it for them.
 */
import type { Db } from "../../db/client";
import type {
  GrantScoutingConsentRequest,
  ScoutingConsent,
  ScoutingConsentState,
} from "../../shared/careers-api";
import { today } from "../../shared/dates";
import { AppError, type FieldError } from "../../shared/errors";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { translateCareerDbError } from "./career.errors";
import {
  activeConsentForUpdate,
  allCompanyRefs,
  type ConsentRow,
  companyRefs,
  consentsOf,
  existingOrgUnitIds,
  insertConsent,
  orgUnitRefs,
  recruitingDivisionIds,
  withdrawConsentRow,
} from "./consent.repo";

function ownPerson(actor: Actor): number {
  if (actor.kind !== "user" || actor.personId === null) {
    throw new AppError("FORBIDDEN", {
      message: "Only an employee gives a scouting consent (no linked person).",
    });
  }
  return actor.personId;
}

async function present(db: Db, rows: ConsentRow[]): Promise<ScoutingConsent[]> {
  const companyIds = [...new Set(rows.flatMap((row) => row.companyIds as number[]))];
  const unitIds = [...new Set(rows.flatMap((row) => row.orgUnitIds as number[]))];
  const companies = new Map((await companyRefs(db, companyIds)).map((row) => [row.id, row]));
  const units = new Map((await orgUnitRefs(db, unitIds, today())).map((row) => [row.id, row]));
  return rows.map((row) => ({
    id: row.id,
    allCompanies: row.allCompanies,
    companies: (row.companyIds as number[]).flatMap((id) => {
      const company = companies.get(id);
      return company ? [{ id, code: company.code, name: { ja: company.nameJa, en: company.nameEn } }] : [];
    }),
    orgUnits: (row.orgUnitIds as number[]).flatMap((id) => {
      const unit = units.get(id);
      return unit ? [{ id, companyId: unit.companyId, name: { ja: unit.nameJa, en: unit.nameEn } }] : [];
    }),
    grantedAt: row.grantedAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  }));
}

export async function myScoutingConsent(db: Db, actor: Actor): Promise<ScoutingConsentState> {
  const personId = ownPerson(actor);
  const history = await present(db, await consentsOf(db, personId));
  return { current: history.find((consent) => consent.withdrawnAt === null) ?? null, history };
}

/** Gives (or changes) the caller's consent. Unknown companies or divisions are refused, naming them. */
export async function grantScoutingConsent(
  db: Db,
  actor: Actor,
  request: GrantScoutingConsentRequest,
): Promise<ScoutingConsentState> {
  const personId = ownPerson(actor);
  const fields: FieldError[] = [];
  const knownCompanies = new Set((await companyRefs(db, request.companyIds)).map((row) => row.id));
  request.companyIds.forEach((id, index) => {
    if (!knownCompanies.has(id))
      fields.push({ path: `companyIds.${index}`, message: `company ${id} does not exist` });
  });
  const knownUnits = await existingOrgUnitIds(db, request.orgUnitIds);
  request.orgUnitIds.forEach((id, index) => {
    if (!knownUnits.has(id))
      fields.push({ path: `orgUnitIds.${index}`, message: `org unit ${id} does not exist` });
  });
  if (fields.length) throw AppError.validation(fields);
  await translateCareerDbError(() =>
    db.transaction(async (tx) => {
      const now = new Date();
      const active = await activeConsentForUpdate(tx, personId);
      if (active) await withdrawConsentRow(tx, active.id, now);
      const id = await insertConsent(tx, { personId, ...request, grantedAt: now });
      await audit(tx, actor, "scouting_consent.grant", {
        entity: "scouting_consent",
        entityId: id,
        detail: { ...request, replaces: active?.id ?? null },
      });
    }),
  );
  return myScoutingConsent(db, actor);
}

/** Withdraws the caller's consent, with immediate effect. Withdrawing when none is active changes nothing. */
export async function withdrawScoutingConsent(db: Db, actor: Actor): Promise<ScoutingConsentState> {
  const personId = ownPerson(actor);
  await db.transaction(async (tx) => {
    const active = await activeConsentForUpdate(tx, personId);
    if (!active) return;
    await withdrawConsentRow(tx, active.id, new Date());
    await audit(tx, actor, "scouting_consent.withdraw", { entity: "scouting_consent", entityId: active.id });
  });
  return myScoutingConsent(db, actor);
}

/** The companies and recruiting divisions a consent can name. */
export async function scoutingScopeOptions(db: Db) {
  const companies = await allCompanyRefs(db);
  const divisions = await orgUnitRefs(db, await recruitingDivisionIds(db), today());
  return {
    companies: companies.map((row) => ({
      id: row.id,
      code: row.code,
      name: { ja: row.nameJa, en: row.nameEn },
    })),
    divisions: divisions.map((row) => ({
      id: row.id,
      companyId: row.companyId,
      name: { ja: row.nameJa, en: row.nameEn },
    })),
  };
}
