/** What differs between a frozen report and the same report computed today. */
import type { DisclosureReport, Figure, FigureChange, ReportCell } from "../../shared/metrics-api";

const same = (a: Figure, b: Figure) =>
  a.status === b.status &&
  a.value === b.value &&
  a.numerator === b.numerator &&
  a.denominator === b.denominator;

const figureOf = (cell: ReportCell): Figure => ({
  metric: cell.metric,
  status: cell.status,
  reason: cell.reason,
  value: cell.value,
  numerator: cell.numerator,
  denominator: cell.denominator,
});

const EMPTY = (metric: ReportCell["metric"]): Figure => ({
  metric,
  status: "no_data",
  reason: "empty",
  value: null,
  numerator: null,
  denominator: null,
});

/** Every cell whose figure changed, added or disappeared, in the frozen report's order. */
export function compareReports(frozen: DisclosureReport, current: DisclosureReport): FigureChange[] {
  const changes: FigureChange[] = [];
  const index = new Map<string, ReportCell>();
  for (const table of current.tables) {
    for (const row of table.rows)
      for (const cell of row.cells) index.set(`${table.id}|${row.key}|${cell.metric}`, cell);
  }
  const seen = new Set<string>();
  for (const table of frozen.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const key = `${table.id}|${row.key}|${cell.metric}`;
        seen.add(key);
        const now = index.get(key);
        const currentFigure = now ? figureOf(now) : EMPTY(cell.metric);
        if (!same(figureOf(cell), currentFigure)) {
          changes.push({
            table: table.id,
            rowKey: row.key,
            metric: cell.metric,
            frozen: figureOf(cell),
            current: currentFigure,
          });
        }
      }
    }
  }
  for (const table of current.tables) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const key = `${table.id}|${row.key}|${cell.metric}`;
        if (!seen.has(key) && !same(EMPTY(cell.metric), figureOf(cell))) {
          changes.push({
            table: table.id,
            rowKey: row.key,
            metric: cell.metric,
            frozen: EMPTY(cell.metric),
            current: figureOf(cell),
          });
        }
      }
    }
  }
  return changes;
}
