/**
 * What the postings demo reads from the demo history (mobility-postings.ts): people's primary stints, assignment
 * ids as write.ts gives them, and the history's moves that could have gone through a posting (rotations and
 * transfers between group companies into a non-head place, 20% side assignments, secondments abroad), grouped
 * into would-be postings and chosen within a budget that follows the scale.
 */
import type { Day } from "./dates";
import { type DemoModel, type EmploymentRecord, OPEN_END, type SimCompany, type SimUnit } from "./model";
import type { Random } from "./random";

export interface Stint {
  idx: number;
  employment: number;
  from: Day;
  to: Day;
  unit: number;
  position: number;
  grade: number;
  manager: number;
  head: boolean;
  fte100: number;
}

export interface HistoryMove {
  kind: "transfer" | "side" | "overseas";
  personId: number;
  /** The employment the person applied from and the stint before the move. */
  fromEmployment: number;
  before: Stint;
  company: number;
  unit: number;
  position: number;
  grade: number;
  day: Day;
  end: Day | null;
  resultIdx: number;
}

export interface DemoHistory {
  today: Day;
  parent: SimCompany;
  companies: Map<number, SimCompany>;
  units: Map<number, SimUnit>;
  rankOf: Map<number, number>;
  positions: Map<number, { nameJa: string; nameEn: string }>;
  employments: Map<number, EmploymentRecord>;
  /** First hire date in the group per person. */
  groupHire: Map<number, Day>;
  /** Assignment id per store index (0 for dropped rows). */
  idOf: Int32Array;
  /** People with a side assignment or secondment running today. */
  busy: Set<number>;
  /** Active employments today. */
  activeCount: number;
  stintAt(employmentId: number, day: Day): Stint | undefined;
  unitName(unit: SimUnit, day: Day): { ja: string; en: string };
  unitOpen(unit: SimUnit, day: Day): boolean;
  /** Would-be postings: groups of moves of one kind into one unit and position in one fiscal year. */
  chosen: HistoryMove[][];
}

export function readHistory(model: DemoModel, rng: Random): DemoHistory {
  const today = model.today;
  const store = model.assignments;
  const companies = new Map(model.companies.map((c) => [c.id, c]));
  const units = new Map<number, SimUnit>();
  const rankOf = new Map<number, number>();
  const positions = new Map<number, { nameJa: string; nameEn: string }>();
  for (const c of model.companies) {
    for (const u of c.units) units.set(u.id, u);
    for (const g of c.grades) rankOf.set(g.id, g.rank);
    for (const p of c.positions) positions.set(p.id, p);
  }
  const parent = model.companies[0] as SimCompany;
  const employments = new Map(model.employments.map((e) => [e.id, e]));
  const groupHire = new Map<number, Day>();
  for (const e of model.employments)
    groupHire.set(e.personId, Math.min(groupHire.get(e.personId) ?? e.hire, e.hire));

  // Assignment ids as write.ts gives them (creation order without dropped rows); primary stints per employment.
  const idOf = new Int32Array(store.length);
  const stints = new Map<number, Stint[]>();
  const busy = new Set<number>(); // people with a side assignment or secondment running today
  for (let i = 0, id = 0; i < store.length; i++) {
    if (store.dropped[i] !== 0) continue;
    idOf[i] = ++id;
    if (store.kind[i] !== 0) {
      if (store.from[i]! <= today && store.to[i]! >= today) busy.add(store.person[i]!);
      continue;
    }
    const list = stints.get(store.employment[i]!) ?? [];
    list.push({
      idx: i,
      employment: store.employment[i]!,
      from: store.from[i]!,
      to: store.to[i]!,
      unit: store.unit[i]!,
      position: store.position[i]!,
      grade: store.grade[i]!,
      manager: store.manager[i]!,
      head: store.head[i] === 1,
      fte100: store.fte100[i]!,
    });
    stints.set(store.employment[i]!, list);
  }
  for (const list of stints.values()) list.sort((a, b) => a.from - b.from);
  const stintAt = (employmentId: number, day: Day) =>
    stints.get(employmentId)?.find((s) => s.from <= day && s.to >= day);
  const unitName = (unit: SimUnit, day: Day) => {
    const v =
      unit.versions.find((x) => x.from <= day && x.to >= day) ?? unit.versions[unit.versions.length - 1]!;
    return { ja: v.nameJa, en: v.nameEn };
  };
  const unitOpen = (unit: SimUnit, day: Day) => unit.versions.some((v) => v.from <= day && v.to >= day);

  // The history's moves that could have gone through a posting.
  const moves: HistoryMove[] = [];
  const usable = (before: Stint | undefined, day: Day, employmentId: number): before is Stint =>
    before !== undefined &&
    !before.head &&
    before.manager !== 0 &&
    employments.get(employmentId)!.type === "regular" &&
    employments.get(employmentId)!.hire <= day - 200;
  for (const [employmentId, list] of stints) {
    const employment = employments.get(employmentId)!;
    for (let k = 1; k < list.length; k++) {
      const [p, q] = [list[k - 1]!, list[k]!];
      if (p.to + 1 !== q.from || p.unit === q.unit || q.head || q.position === 0) continue;
      if (usable(p, q.from, employmentId))
        moves.push({
          kind: "transfer",
          personId: employment.personId,
          fromEmployment: employmentId,
          before: p,
          company: employment.companyId,
          unit: q.unit,
          position: q.position,
          grade: q.grade,
          day: q.from,
          end: null,
          resultIdx: q.idx,
        });
    }
  }
  const nextHire = new Map(model.employments.map((f) => [`${f.personId}:${f.hire}`, f]));
  for (const e of model.employments) {
    if (e.reason !== "transfer_within_group" || e.termination === null) continue;
    const next = nextHire.get(`${e.personId}:${e.termination + 1}`);
    const first = next ? stints.get(next.id)?.[0] : undefined;
    const before = stintAt(e.id, e.termination);
    if (!next || !first || first.from !== next.hire || first.head || first.position === 0) continue;
    if (usable(before, next.hire, e.id))
      moves.push({
        kind: "transfer",
        personId: e.personId,
        fromEmployment: e.id,
        before,
        company: next.companyId,
        unit: first.unit,
        position: first.position,
        grade: first.grade,
        day: next.hire,
        end: null,
        resultIdx: first.idx,
      });
  }
  for (let i = 0; i < store.length; i++) {
    if (store.dropped[i] !== 0 || store.kind[i] === 0 || store.from[i]! > today) continue;
    const unit = units.get(store.unit[i]!)!;
    const side = store.kind[i] === 1 && store.fte100[i] === 20;
    const abroad = store.kind[i] === 2 && !unit.company.isDomestic;
    const before = stintAt(store.employment[i]!, store.from[i]! - 1);
    if ((side || abroad) && store.position[i] !== 0 && usable(before, store.from[i]!, store.employment[i]!))
      moves.push({
        kind: side ? "side" : "overseas",
        personId: store.person[i]!,
        fromEmployment: store.employment[i]!,
        before,
        company: store.company[i]!,
        unit: unit.id,
        position: store.position[i]!,
        grade: store.grade[i]!,
        day: store.from[i]!,
        end: store.to[i] === OPEN_END ? null : store.to[i]!,
        resultIdx: i,
      });
  }

  // Groups (one posting each): same kind, posting company, unit, position and fiscal year (April).
  const groups = new Map<string, HistoryMove[]>();
  for (const m of moves) {
    const fy = Math.floor((m.day - 90) / 365.25);
    const key = `${m.kind}:${m.company}:${m.unit}:${m.position}:${m.kind === "side" ? m.day : fy}`;
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  const active = model.employments.filter(
    (e) => e.hire <= today && (e.termination === null || e.termination >= today),
  );
  const budget = Math.min(350, Math.max(12, Math.round(active.length / 50)));
  const quota = {
    transfer: Math.ceil(budget * 0.55),
    side: Math.ceil(budget * 0.25),
    overseas: Math.ceil(budget * 0.2),
  };
  const chosen: HistoryMove[][] = [];
  for (const kind of ["overseas", "side", "transfer"] as const) {
    const candidates = [...groups.values()].filter((g) => g[0]!.kind === kind);
    // Bigger groups first, ties in random order; transfers across companies get a fair share.
    const ranked = rng
      .shuffled(candidates)
      .map((g) => ({
        g,
        w:
          g.length +
          rng.next() * 2 +
          (employments.get(g[0]!.fromEmployment)!.companyId !== g[0]!.company ? 2 : 0),
      }))
      .sort((a, b) => b.w - a.w);
    for (const { g } of ranked.slice(0, quota[kind])) chosen.push(g.slice(0, 12));
  }
  return {
    today,
    parent,
    companies,
    units,
    rankOf,
    positions,
    employments,
    groupHire,
    idOf,
    busy,
    activeCount: active.length,
    stintAt,
    unitName,
    unitOpen,
    chosen,
  };
}
