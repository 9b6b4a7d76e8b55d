/** OJT figures for HR: trainers trained in a fiscal year and in total, pairs active; the trained trainers of a company. */
import type { Db } from "../../db/client";
import { today } from "../../shared/dates";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { presentName } from "../people/people.presenter";
import { hrCompanyScope } from "../skills/skills.policy";
import { activePairsInYear, trainedTrainers, trainerCounts } from "./ojt.repo";

export async function ojtFigures(
  db: Db,
  actor: Actor,
  query: { companyId?: number | undefined; fiscalYear: number },
) {
  const scope = hrCompanyScope(actor);
  if (query.companyId !== undefined)
    assert(canManageCompany(actor, query.companyId), "Only the company's HR may see its OJT figures.");
  else assert(scope === null || scope.length > 0, "Only HR may see OJT figures.");
  const companies = query.companyId !== undefined ? [query.companyId] : scope;
  const [counts, pairs] = await Promise.all([
    trainerCounts(db, companies, query.fiscalYear),
    activePairsInYear(db, companies, query.fiscalYear),
  ]);
  return {
    fiscalYear: query.fiscalYear,
    companyId: query.companyId ?? null,
    trainersTrainedInYear: counts.inYear,
    trainersTrainedTotal: counts.total,
    pairsActive: pairs,
  };
}

export async function ojtTrainers(db: Db, actor: Actor, companyId: number) {
  assert(canManageCompany(actor, companyId), "Only the company's HR may list its OJT trainers.");
  const rows = await trainedTrainers(db, companyId, today());
  return {
    items: rows.map((row) => ({
      personId: row.personId,
      name: presentName(row),
      trainedOn: row.trainedOn,
      activePairs: row.activePairs,
    })),
  };
}
