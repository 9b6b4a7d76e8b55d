/**
 * Ten fiscal years of history, simulated month by month from the first April to `today`, plus the
 * reorganisations of the org trees (applied on their dates; future ones only as dated versions).
 */
import { addMonths, type Day, ymdOf } from "./dates";
import {
  groupTransfers,
  midCareerHires,
  monthlyLeavers,
  newGraduates,
  promotions,
  rotations,
  secondments,
  sideAssignments,
} from "./events";
import { fillVacancies, refreshManagers } from "./heads";
import { createInitialWorkforce } from "./initial";
import { OPEN_END, type SimCompany, type SimUnit } from "./model";
import { findUnit, REORGANISATIONS, type Reorganisation, reorganisationDay } from "./org";
import type { Workforce } from "./workforce";

function companyByCode(wf: Workforce, code: string): SimCompany {
  const found = wf.companies.find((c) => c.def.code === code);
  if (!found) throw new Error(`Unknown demo company ${code}`);
  return found;
}

/** Ends the unit's current version on day − 1 and starts a new one (new name or new parent). */
function newVersion(
  unit: SimUnit,
  day: Day,
  change: { nameJa?: string; nameEn?: string; parent?: SimUnit },
): void {
  const current = unit.versions.at(-1);
  if (!current) throw new Error(`Org unit ${unit.code} has no version`);
  current.to = day - 1;
  unit.versions.push({
    from: day,
    to: OPEN_END,
    parentId: change.parent ? change.parent.id : current.parentId,
    nameJa: change.nameJa ?? current.nameJa,
    nameEn: change.nameEn ?? current.nameEn,
  });
}

function detach(unit: SimUnit): void {
  if (!unit.parent) return;
  const siblings = unit.parent.children;
  siblings.splice(siblings.indexOf(unit), 1);
}

function applyReorganisation(wf: Workforce, event: Reorganisation, day: Day): void {
  const company = companyByCode(wf, event.company);
  const unit = findUnit(company, event.unit);
  if (event.kind === "rename") {
    newVersion(unit, day, {
      ...(event.nameJa ? { nameJa: event.nameJa } : {}),
      ...(event.nameEn ? { nameEn: event.nameEn } : {}),
    });
  } else if (event.kind === "move" && event.parent) {
    const parent = findUnit(company, event.parent);
    newVersion(unit, day, { parent });
    detach(unit);
    unit.parent = parent;
    parent.children.push(unit);
  } else if (event.kind === "merge" && event.into) {
    const into = findUnit(company, event.into);
    for (const emp of company.active) {
      if (emp.sideUnit === unit) wf.endSide(emp, day - 1, day);
    }
    for (const emp of [...unit.members]) {
      if (unit.head === emp) {
        // The former head stays at the manager grade, as a specialist of the merged section.
        unit.head = null;
        emp.positionId = wf.positionFor(company, into.fn, "staff");
      }
      emp.isHead = false;
      emp.moves += 1;
      wf.moveTo(emp, into, day, { head: false, positionId: emp.positionId });
    }
    const current = unit.versions.at(-1);
    if (current) current.to = day - 1;
    unit.open = false;
    detach(unit);
    company.leaves = company.leaves.filter((leaf) => leaf !== unit);
  }
}

/** Opens the units whose first version starts on or before `day`; a new unit in a running company is staffed by transfers. */
function openUnits(wf: Workforce, company: SimCompany, day: Day): void {
  const opened: SimUnit[] = [];
  for (const unit of company.units) {
    if (!unit.open && unit.opensOn <= day && unit.versions[0]!.to === OPEN_END) {
      unit.open = true;
      opened.push(unit);
    }
  }
  if (opened.length === 0 || company.active.length === 0) return;
  wf.updateTargets(company, day);
  for (const unit of opened) {
    if (!unit.isLeaf) continue;
    const wanted = Math.round(unit.target);
    for (let tries = 0; unit.members.length < wanted && tries < wanted * 20; tries++) {
      const emp = wf.rng.pick(company.active);
      if (!emp.active || emp.isHead || emp.employment.type !== "regular" || emp.unit === unit) continue;
      if (emp.rank < 2 || emp.rank > 4 || emp.side >= 0 || emp.secondment >= 0 || emp.unitSince >= day)
        continue;
      emp.moves += 1;
      emp.positionId = wf.positionFor(company, unit.fn, "staff");
      wf.moveTo(emp, unit, day, { positionId: emp.positionId });
    }
  }
}

export function runHistory(wf: Workforce, onStep: (done: number, total: number) => void): void {
  const start = wf.historyStart;
  const steps: Day[] = [];
  for (let day = start; day <= wf.today; day = addMonths(day, 1)) steps.push(day);
  const dated = REORGANISATIONS.map((event) => ({ event, day: reorganisationDay(event, start, wf.today) }));
  const companies = wf.companies;

  steps.forEach((day, k) => {
    const { month } = ymdOf(day);
    if (k > 0) for (const company of companies) monthlyLeavers(wf, company, day);
    for (const { event, day: on } of dated) {
      if (on === day && event.kind !== "open") applyReorganisation(wf, event, day);
    }
    for (const company of companies) openUnits(wf, company, day);
    for (const company of companies) wf.updateTargets(company, day);

    if (k === 0) {
      for (const company of companies) {
        if (company.founded < start) createInitialWorkforce(wf, company, start);
        fillVacancies(wf, company, day, true);
      }
    } else {
      const japaneseRotation = month === 4 || month === 10;
      if (japaneseRotation) groupTransfers(wf, day);
      for (const company of companies) {
        if (company.isDomestic && japaneseRotation) rotations(wf, company, day, month === 4 ? 0.1 : 0.03);
        else if (!company.isDomestic && month === company.def.fiscalYearStartMonth)
          rotations(wf, company, day, 0.04);
        if (month === company.def.fiscalYearStartMonth) promotions(wf, company, day);
      }
      for (const company of companies) fillVacancies(wf, company, day, false);
      for (const company of companies) wf.compact(company);
      for (const company of companies) {
        if (company.isDomestic && month === 4) newGraduates(wf, company, day);
        midCareerHires(wf, company, day);
      }
      for (const company of companies) fillVacancies(wf, company, day, false);
      if (japaneseRotation) sideAssignments(wf, day);
      if (month === 4) secondments(wf, day);
    }
    for (const company of companies) {
      wf.compact(company);
      refreshManagers(wf, company, day);
    }
    onStep(k + 1, steps.length);
  });

  // Reorganisations decided for after today: dated versions only.
  for (const { event, day } of dated) {
    if (day <= wf.today || event.kind === "open") continue;
    applyReorganisation(wf, event, day);
  }
}
