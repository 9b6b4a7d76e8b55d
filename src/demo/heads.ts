/**
 * Unit heads and line managers. A unit large enough to need a head gets one from inside (the most senior
 * member of its subtree, or the head of a sub-unit, who is promoted to the unit's head grade), from elsewhere
 * in the company, from the parent company (a subsidiary's president), or from outside. Line managers follow
 * the heads: whenever a head changes, the people below get a new assignment version naming their new manager.
 */
import type { Day } from "./dates";
import type { Emp, SimCompany, SimUnit } from "./model";
import type { Workforce } from "./workforce";

function subtreeUnits(unit: SimUnit, out: SimUnit[] = []): SimUnit[] {
  out.push(unit);
  for (const child of unit.children) subtreeUnits(child, out);
  return out;
}

function eligible(emp: Emp, day: Day): boolean {
  return emp.employment.type === "regular" && emp.secondment < 0 && emp.lastChange <= day;
}

/** Higher rank first, then longer in that rank; a little noise breaks ties. */
function score(emp: Emp, day: Day, noise: number): number {
  return emp.rank * 100_000 + Math.min(day - emp.rankSince, 90_000) + noise;
}

function bestInternal(wf: Workforce, unit: SimUnit, day: Day): Emp | null {
  const minMember = unit.level === "section" ? Math.max(2, unit.headRank - 2) : unit.headRank - 1;
  const minChildHead = unit.level === "root" ? 1 : unit.headRank - 2;
  let best: Emp | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const u of subtreeUnits(unit)) {
    for (const emp of u.members) {
      if (!eligible(emp, day)) continue;
      const childHead = emp.isHead && u.parent === unit && u.head === emp;
      if (emp.isHead && !childHead) continue;
      if (emp.rank < (childHead ? minChildHead : minMember)) continue;
      const s = score(emp, day, wf.rng.next() * 1000);
      if (s > bestScore) {
        bestScore = s;
        best = emp;
      }
    }
  }
  return best;
}

function bestInCompany(wf: Workforce, company: SimCompany, minRank: number, day: Day): Emp | null {
  let best: Emp | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const emp of company.active) {
    if (!emp.active || emp.isHead || emp.rank < minRank || !eligible(emp, day)) continue;
    const s = score(emp, day, wf.rng.next() * 1000);
    if (s > bestScore) {
      bestScore = s;
      best = emp;
    }
  }
  return best;
}

function subtreeMemberCount(unit: SimUnit): number {
  let n = unit.members.length;
  for (const child of unit.children) n += subtreeMemberCount(child);
  return n;
}

/**
 * A senior manager of the parent company moves to head a subsidiary (its employment at the parent ends the
 * day before and a new one starts at the subsidiary).
 */
function transferFromParent(wf: Workforce, parent: SimCompany, unit: SimUnit, day: Day): boolean {
  const candidate = bestInCompany(wf, parent, 5, day);
  if (!candidate || candidate.lastChange >= day) return false;
  const age = (day - candidate.person.birth) / 365.25;
  if (age > 58) return false;
  const moved = transferToCompany(wf, candidate, unit.company, unit, day);
  wf.appoint(moved, unit, day);
  return true;
}

/** Ends the employment on day − 1 (transfer within the group) and starts one at `target` on `day`. */
export function transferToCompany(wf: Workforce, emp: Emp, target: SimCompany, unit: SimUnit, day: Day): Emp {
  wf.terminate(emp, day - 1, "transfer_within_group");
  const rank = Math.min(emp.rank, target.grades.length);
  const employment = wf.startEmployment(
    emp.person,
    target,
    day,
    emp.employment.type,
    emp.employment.type === "part_time" ? emp.employment.weeklyHours : standardHoursOf(target),
  );
  const moved = wf.addEmp(
    emp.person,
    employment,
    target,
    unit,
    rank,
    wf.positionFor(target, unit.fn, "staff"),
    day,
  );
  moved.moves = emp.moves + 1;
  moved.promotions = emp.promotions;
  moved.rankSince = emp.rankSince;
  return moved;
}

function standardHoursOf(company: SimCompany): number {
  return company.isParent ? 37.5 : company.country.weeklyHours;
}

/** Fills the head of every open unit that needs one, top-down. */
export function fillVacancies(wf: Workforce, company: SimCompany, day: Day, initial: boolean): void {
  const parent = wf.companies[0] as SimCompany;
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    const units = company.units
      .filter((u) => u.open && !u.head && u.target >= u.headThreshold)
      .sort((a, b) => depth(a) - depth(b) || a.id - b.id);
    for (const unit of units) {
      if (unit.head) continue;
      if (unit.level === "root" && !company.isParent && !initial && wf.rng.chance(0.5)) {
        if (transferFromParent(wf, parent, unit, day)) {
          changed = true;
          continue;
        }
      }
      let candidate = bestInternal(wf, unit, day);
      if (!candidate && unit.level !== "section" && unit.level !== "root") {
        candidate = bestInCompany(wf, company, unit.headRank - 1, day);
      }
      if (!candidate && unit.level === "root" && company.target < 10) {
        candidate = bestInCompany(wf, company, 1, day);
      }
      if (candidate) {
        wf.appoint(candidate, unit, day);
        changed = true;
      } else if (unit.level === "root" || subtreeMemberCount(unit) >= 2) {
        const japanese = !company.isDomestic && unit.level === "root" && wf.rng.chance(0.4);
        wf.hire(company, day, unit, {
          rank: unit.headRank,
          head: true,
          ...(japanese ? { pool: "ja" as const } : {}),
        });
        changed = true;
      }
    }
    if (!changed) break;
  }
}

function depth(unit: SimUnit): number {
  let d = 0;
  for (let u = unit.parent; u; u = u.parent) d++;
  return d;
}

/** Gives everyone whose line manager changed a new assignment version from `day`. */
export function refreshManagers(wf: Workforce, company: SimCompany, day: Day): void {
  const manager = wf.store.manager;
  for (const emp of company.active) {
    if (!emp.active) continue;
    const m = wf.managerOf(emp);
    if (manager[emp.rec] !== m) wf.change(emp, day, { manager: m });
  }
}
