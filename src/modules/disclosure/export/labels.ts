/**
 * The words of the exported report (Excel, CSV, PDF), in English and Japanese: the same table titles, statuses
 * and units as the web report (web/src/i18n "metrics.*").
 */
import type { Locale } from "../../../shared/enums";
import type {
  DisclosureReport,
  FigureStatus,
  MetricUnit,
  ReportCell,
  ReportTable,
  ReportTableId,
} from "../../../shared/metrics-api";

type Words = Record<Locale, string>;

const TABLES: Record<ReportTableId, Words> = {
  workforce: { en: "Employees and leavers", ja: "従業員数・離職者数" },
  leaver_reasons: { en: "Leavers by reason, {fy}", ja: "退職理由別 離職者数({fy})" },
  diversity: { en: "Diversity", ja: "ダイバーシティ" },
  managers: { en: "Managers and female managers", ja: "管理職・女性管理職" },
  hires: { en: "Hiring", ja: "採用" },
  companies: { en: "Companies side by side, {fy}", ja: "会社別の比較({fy})" },
  disability: { en: "Disability employment", ja: "障害者雇用" },
  disability_units: { en: "Disability employment by company, {fy}", ja: "会社別 障害者雇用({fy})" },
  training: { en: "Training", ja: "研修" },
  reemployment: { en: "Reemployment after mandatory retirement", ja: "定年後再雇用" },
  pay_and_leave: { en: "Gender wage gap and male childcare leave", ja: "男女の賃金の差異・男性育児休業" },
};

const STATUS: Record<Exclude<FigureStatus, "ok">, Words> = {
  no_data: { en: "No data", ja: "データなし" },
  withheld: { en: "Withheld", ja: "非表示" },
  not_applicable: { en: "n/a", ja: "対象外" },
};

export const WORDS = {
  title: { en: "Disclosure report", ja: "開示レポート" },
  definitions: { en: "Definitions", ja: "定義" },
  published: { en: "Published version {version}, {at}", ja: "公開版 第{version}版({at})" },
  live: { en: "Computed {at}", ja: "{at} 集計" },
  period: { en: "Period", ja: "期間" },
  companies: { en: "companies", ja: "社" },
  page: { en: "Page {n}", ja: "{n}ページ" },
  columns: {
    table: { en: "table", ja: "表" },
    row: { en: "row", ja: "行" },
    figure: { en: "figure", ja: "指標" },
    scope: { en: "scope", ja: "範囲" },
    period: { en: "period", ja: "期間" },
    value: { en: "value", ja: "値" },
    numerator: { en: "numerator", ja: "分子" },
    denominator: { en: "denominator", ja: "分母" },
    unit: { en: "unit", ja: "単位" },
    definition: { en: "definition", ja: "定義名" },
    status: { en: "status", ja: "状態" },
    title: { en: "title", ja: "名称" },
    summary: { en: "summary", ja: "概要" },
    counts: { en: "what counts", ja: "対象" },
    date: { en: "date", ja: "基準日" },
    rule: { en: "rule", ja: "計算方法" },
    source: { en: "source", ja: "出典" },
    decimals: { en: "decimals", ja: "小数桁" },
    rounding: { en: "rounding", ja: "端数処理" },
  },
  units: {
    people: { en: "people", ja: "人" },
    percent: { en: "%", ja: "%" },
    years: { en: "years", ja: "年" },
    days: { en: "days", ja: "日" },
    hours: { en: "hours", ja: "時間" },
    weighted_people: { en: "weighted people", ja: "人(換算)" },
  } satisfies Record<MetricUnit, Words>,
} as const;

export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));
}

export function tableTitle(table: ReportTable, report: DisclosureReport, lang: Locale): string {
  return fill(TABLES[table.id][lang], { fy: fiscalYearLabel(report.fiscalYear, lang) });
}

export const fiscalYearLabel = (year: number, lang: Locale) => (lang === "ja" ? `${year}年度` : `FY${year}`);

/** The cell as a reader sees it: the number with its unit, or why there is none. */
export function cellText(cell: ReportCell, unit: MetricUnit, decimals: number, lang: Locale): string {
  if (cell.status !== "ok" || cell.value === null) {
    if (cell.status === "no_data" && cell.reason === "empty") return "—";
    return STATUS[cell.status === "ok" ? "no_data" : cell.status][lang];
  }
  const shown =
    unit === "people" ? 0 : unit === "weighted_people" && Number.isInteger(cell.value) ? 0 : decimals;
  const text = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", {
    minimumFractionDigits: shown,
    maximumFractionDigits: shown,
  }).format(cell.value);
  switch (unit) {
    case "percent":
      return `${text}%`;
    case "years":
      return lang === "ja" ? `${text}年` : `${text} yrs`;
    case "days":
      return lang === "ja" ? `${text}日` : `${text} days`;
    case "hours":
      return lang === "ja" ? `${text}時間` : `${text} h`;
    default:
      return text;
  }
}

/** Status words for the CSV and the Excel sheets (ok → empty). */
export function statusText(cell: ReportCell, lang: Locale): string {
  if (cell.status === "ok") return "";
  return `${STATUS[cell.status][lang]}${cell.reason ? ` (${cell.reason})` : ""}`;
}
