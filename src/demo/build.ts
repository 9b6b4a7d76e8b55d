/** Builds the whole demo group in memory (no database): companies, org trees, people and ten years of history. */
import type { DemoScale } from "./companies";
import { type Day, dayFromIso, dayOf, fiscalYearStart, ymdOf } from "./dates";
import { runHistory } from "./history";
import { type DemoModel, IdSequence } from "./model";
import { buildCompanies } from "./org";
import { Random } from "./random";
import { Workforce } from "./workforce";

export interface BuildOptions {
  scale: DemoScale;
  seed: number;
  /** YYYY-MM-DD */
  today: string;
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** The first day of the history: April 1 nine fiscal years before the one that contains `today`. */
export function historyStartFor(today: Day): Day {
  return dayOf(ymdOf(fiscalYearStart(today, 4)).year - 9, 4, 1);
}

export function buildDemoModel(options: BuildOptions): DemoModel {
  const today = dayFromIso(options.today);
  const historyStart = historyStartFor(today);
  const progress = options.onProgress ?? (() => {});
  progress("companies", 0, 1);
  const unitIds = new IdSequence();
  const companies = buildCompanies({
    scale: options.scale,
    historyStart,
    today,
    ids: {
      grade: new IdSequence(),
      jobCategory: new IdSequence(),
      position: new IdSequence(),
      unit: unitIds,
    },
  });
  progress("companies", 1, 1);
  // The label carries the whole seed, so seeds beyond 32 bits still differ.
  const seed = options.seed >>> 0;
  const workforce = new Workforce(
    companies,
    Random.derive(seed, `events:${options.seed}`),
    Random.derive(seed, `names:${options.seed}`),
    historyStart,
    today,
  );
  runHistory(workforce, (done, total) => progress("history", done, total));
  let unitVersionCount = 0;
  for (const company of companies) for (const unit of company.units) unitVersionCount += unit.versions.length;
  return {
    companies,
    persons: workforce.persons,
    employments: workforce.employments,
    assignments: workforce.store,
    unitVersionCount,
    today,
    historyStart,
  };
}
