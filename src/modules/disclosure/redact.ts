/**
 * Redaction of sensitive figures for a reader: a figure built from disability records stays only when the
 * reader is company HR of every company it counts (canSeeSensitiveFigure); otherwise it becomes
 * `withheld` / `restricted` with no numbers.
 */

import { definitionOf } from "../../metrics/definitions";
import type {
  BreakdownRow,
  DisabilityUnit,
  DisclosureReport,
  FigureChange,
  FigureResult,
  ReportCell,
} from "../../shared/metrics-api";
import type { Actor } from "../access/actor";
import { canSeeSensitiveFigure } from "./disclosure.policy";

const HIDDEN = {
  status: "withheld",
  reason: "restricted",
  value: null,
  numerator: null,
  denominator: null,
} as const;

function redactUnit(actor: Actor, unit: DisabilityUnit): DisabilityUnit {
  if (canSeeSensitiveFigure(actor, unit.companyIds)) return unit;
  return {
    ...unit,
    status: "withheld",
    reason: "restricted",
    denominator: null,
    numerator: null,
    rate: null,
    requiredNumber: null,
    surplus: null,
  };
}

export function redactFigure(actor: Actor, figure: FigureResult): FigureResult {
  // the units carry every disability figure, whichever of them was asked for
  const units = figure.disability ? figure.disability.map((unit) => redactUnit(actor, unit)) : null;
  if (!definitionOf(figure.metric).sensitive) return { ...figure, disability: units };
  const headline = figure.disability?.[0];
  const headlineVisible = headline ? canSeeSensitiveFigure(actor, headline.companyIds) : false;
  const rows = figure.breakdown?.rows.map(
    (row): BreakdownRow =>
      canSeeSensitiveFigure(actor, [Number(row.key)])
        ? row
        : { ...row, status: "withheld", value: null, numerator: null, denominator: null },
  );
  return {
    ...figure,
    ...(headlineVisible ? {} : HIDDEN),
    breakdown: figure.breakdown && rows ? { ...figure.breakdown, rows } : null,
    disability: units,
  };
}

export function redactCell(actor: Actor, cell: ReportCell): ReportCell {
  if (cell.restrictedTo === null || canSeeSensitiveFigure(actor, cell.restrictedTo)) return cell;
  return { ...cell, ...HIDDEN, drill: null };
}

export function redactReport(actor: Actor, report: DisclosureReport): DisclosureReport {
  return {
    ...report,
    tables: report.tables.map((table) => ({
      ...table,
      rows: table.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => redactCell(actor, cell)) })),
    })),
  };
}

/** Changes the reader may see: a change to a figure hidden from them is left out. */
export function visibleChanges(
  actor: Actor,
  report: DisclosureReport,
  changes: FigureChange[],
): FigureChange[] {
  const restricted = new Map<string, number[] | null>();
  for (const table of report.tables) {
    for (const row of table.rows)
      for (const cell of row.cells)
        restricted.set(`${table.id}|${row.key}|${cell.metric}`, cell.restrictedTo);
  }
  return changes.filter((change) => {
    const companyIds = restricted.get(`${change.table}|${change.rowKey}|${change.metric}`);
    if (companyIds === undefined) return !definitionOf(change.metric).sensitive || actor.kind === "system";
    return companyIds === null || canSeeSensitiveFigure(actor, companyIds);
  });
}
