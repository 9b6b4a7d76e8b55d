/**
 * What happens to people month by month: leaving (for the reasons the disclosures count), retirement and
 * reemployment, hiring (April graduates in Japan, mid-career hires everywhere), promotions at the start of
 * each company's fiscal year, rotations, moves between group companies, side assignments and secondments.
 */
import { addMonths, type Day, ymdOf } from "./dates";
import { partTimeHours, pickHireRank, standardHours, voluntaryRate } from "./demographics";
import { transferToCompany } from "./heads";
import type { Emp, SimCompany, SimUnit } from "./model";
import type { Workforce } from "./workforce";

const YEAR = 365.25;

function openLeavesUnder(unit: SimUnit, out: SimUnit[] = []): SimUnit[] {
  if (!unit.open) return out;
  if (unit.isLeaf) out.push(unit);
  for (const child of unit.children) openLeavesUnder(child, out);
  return out;
}

/** Retired at 60, continues on a reemployment contract from the next day (same company, same number). */
function reemploy(wf: Workforce, emp: Emp, day: Day): void {
  const company = emp.company;
  const leaves = openLeavesUnder(emp.unit);
  const unit = leaves.length > 0 ? wf.rng.pick(leaves) : (wf.pickLeaf(company) ?? company.root);
  const hours = wf.rng.chance(0.8) ? standardHours(company) : partTimeHours(wf.rng);
  const employment = wf.startEmployment(emp.person, company, day, "reemployed", hours);
  const rank = Math.min(emp.rank, 3);
  const next = wf.addEmp(
    emp.person,
    employment,
    company,
    unit,
    rank,
    wf.positionFor(company, unit.fn, "staff"),
    day,
  );
  next.moves = emp.moves;
  next.promotions = emp.promotions;
}

/** Leavers of the previous month, planned ends (retirement, contracts, side assignments, secondments). */
export function monthlyLeavers(wf: Workforce, company: SimCompany, day: Day): void {
  const rng = wf.rng;
  const { year, month } = ymdOf(day);
  const previousMonth = addMonths(day, -1);
  const involuntaryRate = company.isDomestic ? 0.0015 : company.def.country === "US" ? 0.01 : 0.005;
  // Reemployed workers join the list during the loop; they are not checked again this month.
  const count = company.active.length;
  for (let i = 0; i < count; i++) {
    const emp = company.active[i] as Emp;
    if (!emp.active) continue;
    if (emp.retireDay !== null && emp.retireDay < day) {
      const last = Math.max(emp.retireDay, emp.lastChange);
      if (emp.employment.type === "reemployed") {
        wf.terminate(emp, last, "end_of_contract");
      } else {
        wf.terminate(emp, last, "mandatory_retirement");
        const executive = wf.isExecutiveRank(company, emp.rank);
        if (company.isDomestic && !executive && rng.chance(0.8)) reemploy(wf, emp, last + 1);
      }
      continue;
    }
    if (emp.contractEnd !== null && emp.contractEnd < day) {
      const temporary = emp.employment.type === "temporary";
      if (rng.chance(temporary ? 0.35 : 0.8)) {
        emp.contractEnd = addMonths(emp.contractEnd + 1, temporary ? 6 : 12) - 1;
      } else {
        wf.terminate(emp, Math.max(emp.contractEnd, emp.lastChange), "end_of_contract");
        continue;
      }
    }
    const age = year - emp.person.birthYear - (month <= emp.person.birthMonth ? 1 : 0);
    const tenure = (day - emp.employment.hire) / YEAR;
    const death = (age < 50 ? 0.0003 : 0.0015) / 12;
    const involuntary = involuntaryRate / 12;
    const voluntary = voluntaryRate(company, emp.employment.type, age, tenure, emp.isHead) / 12;
    const roll = rng.next();
    if (roll < death + involuntary + voluntary) {
      const reason = roll < death ? "death" : roll < death + involuntary ? "involuntary" : "voluntary";
      let last: Day;
      // Heads leave at a month end: people hired earlier in the month already report to them.
      if (emp.isHead) {
        last = day - 1;
      } else if (company.isDomestic && reason !== "death") {
        last = rng.chance(0.85) ? day - 1 : previousMonth + 14;
      } else {
        last = previousMonth + rng.int(0, day - 1 - previousMonth);
      }
      wf.terminate(emp, Math.max(last, emp.lastChange), reason);
      continue;
    }
    if (emp.side >= 0 && emp.sideEnd < day) wf.endSide(emp, emp.sideEnd, day);
    if (emp.secondment >= 0 && emp.secondmentEnd < day) {
      emp.secondment = -1;
      emp.unitSince = 0; // back home: due for a rotation
    }
  }
  wf.compact(company);
}

function mobile(emp: Emp, day: Day): boolean {
  return (
    emp.active &&
    !emp.isHead &&
    emp.employment.type === "regular" &&
    emp.side < 0 &&
    emp.secondment < 0 &&
    emp.lastChange < day
  );
}

/** Moves between Japanese group companies, in April and October (transfer within the group). */
export function groupTransfers(wf: Workforce, day: Day): void {
  const domestic = wf.companies.filter((c) => c.isDomestic && c.founded <= day);
  const pool: Emp[] = [];
  for (const company of domestic)
    for (const emp of company.active) if (mobile(emp, day) && emp.rank >= 2) pool.push(emp);
  if (pool.length === 0) return;
  const count = Math.max(1, wf.rng.round(pool.length * 0.004));
  const weights = domestic.map((c) => c.target);
  for (let i = 0; i < count; i++) {
    const emp = wf.rng.pick(pool);
    if (!mobile(emp, day)) continue;
    let target: SimCompany;
    if (!emp.company.isParent && wf.rng.chance(0.5)) target = domestic[0] as SimCompany;
    else target = domestic[wf.rng.weightedIndex(weights)] as SimCompany;
    if (target === emp.company) continue;
    const unit = wf.pickLeaf(target);
    if (!unit) continue;
    transferToCompany(wf, emp, target, unit, day);
  }
  for (const company of domestic) wf.compact(company);
}

/** Rotations within the company: in Japan each April (and a few in October), abroad at the fiscal year start. */
export function rotations(wf: Workforce, company: SimCompany, day: Day, probability: number): void {
  if (company.leaves.length < 2) return;
  for (const emp of company.active) {
    if (!mobile(emp, day) || day - emp.unitSince < 2 * YEAR || !wf.rng.chance(probability)) continue;
    const unit = wf.pickLeaf(company, emp.unit, emp.sideUnit);
    if (!unit) continue;
    const positionId = unit.fn === emp.unit.fn ? emp.positionId : wf.positionFor(company, unit.fn, "staff");
    emp.positionId = positionId;
    emp.moves += 1;
    wf.moveTo(emp, unit, day, { positionId });
  }
}

const PROMOTION_DOMESTIC: Record<number, [years: number, probability: number]> = {
  1: [2, 0.6],
  2: [3, 0.35],
  3: [3, 0.25],
};
const PROMOTION_OVERSEAS: Record<number, [number, number]> = { 1: [1, 0.4], 2: [2, 0.3], 3: [3, 0.2] };

/** Promotions on the first day of the company's fiscal year. */
export function promotions(wf: Workforce, company: SimCompany, day: Day): void {
  const table = company.isDomestic ? PROMOTION_DOMESTIC : PROMOTION_OVERSEAS;
  for (const emp of company.active) {
    if (!emp.active || emp.employment.type !== "regular") continue;
    const years = (day - emp.rankSince) / YEAR + 0.05;
    if (emp.isHead) {
      // Long-serving executive officers heading the parent's divisions become managing executive officers.
      if (
        company.isParent &&
        emp.unit.level === "division" &&
        emp.rank === 8 &&
        years >= 3 &&
        wf.rng.chance(0.12)
      ) {
        wf.promote(emp, day, 9);
      }
      continue;
    }
    const rule = table[emp.rank];
    if (rule) {
      if (years >= rule[0] && wf.rng.chance(rule[1])) wf.promote(emp, day, emp.rank + 1);
    } else if (emp.rank === company.maxStaffRank && years >= 5) {
      // Manager-level specialists (担当課長) without a unit of their own.
      const age = (day - emp.person.birth) / YEAR;
      if (age >= 38 && wf.rng.chance(company.isDomestic ? 0.04 : 0.03)) wf.promote(emp, day, emp.rank + 1);
    }
  }
}

const GRADUATE_RATE: Partial<Record<string, number>> = {
  holding: 0.035,
  si: 0.035,
  cloud: 0.03,
  manufacturing: 0.03,
  special: 0,
};

/** New graduates join Japanese companies on April 1. */
export function newGraduates(wf: Workforce, company: SimCompany, day: Day): void {
  const count = wf.rng.round(company.target * (GRADUATE_RATE[company.def.profile] ?? 0.02));
  for (let i = 0; i < count; i++) {
    const unit = wf.pickLeaf(company);
    if (!unit) return;
    wf.hire(company, day, unit, { rank: 1, type: "regular", newGraduate: true });
  }
}

/** Mid-career hires for the company's shortfall against its target, and for units below their staffing floor. */
export function midCareerHires(wf: Workforce, company: SimCompany, day: Day): void {
  for (const leaf of company.leaves) {
    const floor = Math.max(leaf.min, leaf.fixed ?? 0);
    for (let n = leaf.members.length; leaf.open && n < floor; n++) {
      wf.hire(company, day, leaf, { rank: pickHireRank(wf.rng), type: "regular" });
    }
  }
  const deficit = company.target - company.active.length;
  if (deficit <= 0) return;
  const founding = day - company.founded < 31;
  const count = founding ? Math.ceil(deficit) : wf.rng.round(deficit * (company.isDomestic ? 0.35 : 0.7));
  for (let i = 0; i < count; i++) {
    const unit = wf.pickLeaf(company) ?? company.root;
    let start = day;
    if (company.isDomestic) start = wf.rng.chance(0.8) ? day : day + 15;
    else if (!founding) start = day + wf.rng.int(0, 27);
    wf.hire(company, Math.min(start, wf.today), unit, { rank: pickHireRank(wf.rng) });
  }
}

/** Six-month side assignments (20%) in another unit of the same company, in April and October. */
export function sideAssignments(wf: Workforce, day: Day): void {
  const pool: Emp[] = [];
  for (const company of wf.companies) {
    if (!company.isDomestic || company.leaves.length < 2) continue;
    for (const emp of company.active) if (mobile(emp, day) && emp.rank >= 2) pool.push(emp);
  }
  if (pool.length === 0) return;
  const count = Math.max(1, wf.rng.round(pool.length * 0.006));
  const end = addMonths(day, 6) - 1;
  for (let i = 0; i < count; i++) {
    const emp = wf.rng.pick(pool);
    if (!mobile(emp, day)) continue;
    const unit = wf.pickLeaf(emp.company, emp.unit);
    if (!unit) continue;
    emp.side = wf.store.add({
      employment: emp.employment.id,
      company: emp.company.id,
      person: emp.person.id,
      kind: "secondary",
      unit: unit.id,
      position: wf.positionFor(emp.company, unit.fn, "staff"),
      grade: wf.gradeId(emp.company, emp.rank),
      manager: wf.managerForUnit(unit),
      head: false,
      fte100: 20,
      from: day,
      to: end,
    });
    emp.sideUnit = unit;
    emp.sideEnd = end;
    emp.fte100 = 80;
    wf.change(emp, day, { fte100: 80 });
  }
}

/** Secondments (出向) from Japanese companies to other group companies, mostly abroad, starting in April. */
export function secondments(wf: Workforce, day: Day): void {
  const pool: Emp[] = [];
  for (const company of wf.companies) {
    if (!company.isDomestic) continue;
    for (const emp of company.active) if (mobile(emp, day) && emp.rank >= 3 && emp.rank <= 6) pool.push(emp);
  }
  const hosts = wf.companies.filter((c) => !c.isParent && c.founded <= day && c.active.length > 0);
  const overseas = hosts.filter((c) => !c.isDomestic);
  if (pool.length === 0 || hosts.length === 0) return;
  const count = Math.max(1, wf.rng.round(pool.length * 0.002));
  for (let i = 0; i < count; i++) {
    const emp = wf.rng.pick(pool);
    if (!mobile(emp, day)) continue;
    const abroad = overseas.length > 0 && wf.rng.chance(0.7);
    const host = wf.rng.pick(abroad ? overseas : hosts);
    if (host === emp.company) continue;
    const unit = wf.pickLeaf(host);
    if (!unit) continue;
    const end = addMonths(day, 12 * (abroad ? wf.rng.int(2, 4) : wf.rng.int(1, 2))) - 1;
    emp.secondment = wf.store.add({
      employment: emp.employment.id,
      company: emp.company.id,
      person: emp.person.id,
      kind: "secondment",
      unit: unit.id,
      position: wf.positionFor(host, unit.fn, "staff"),
      grade: wf.gradeId(emp.company, emp.rank),
      manager: wf.managerForUnit(unit),
      head: false,
      fte100: 100,
      from: day,
      to: end,
    });
    emp.secondmentEnd = end;
    if (day > emp.lastChange) emp.lastChange = day;
  }
}
