import {
  type DefinitionSpec,
  HIRE_EXCLUSIONS,
  LEAVER_DIMENSIONS,
  LEAVER_EXCLUSIONS,
  PERCENT_RATIO,
  STOCK_DIMENSIONS,
} from "./types";

const GRI =
  'GRI 401-1 (2016) New employee hires and employee turnover; reference/metrics.md "Workforce basics".';
const FLOW_DATE =
  "Events in each company's period: its own fiscal year (fy), or the twelve months ending on the as-of date (asOf). Rates divide by the headcount on the period's last day.";
const HIRE_RULE =
  "An employment whose hire date lies in the period. A move between group companies (the previous employment ended with reason transfer_within_group at most 31 days before) is not a hire: inside the scope it is left out (move_within_scope), from outside it is a transfer in, reported apart. Reemployment after retirement is a new employment and counts as a hire (its employment type shows it in the breakdown).";
const LEAVER_RULE =
  "An employment whose termination date (the last day employed) lies in the period: a leaver on March 31 is employed on March 31 and a leaver of the fiscal year ending that day. Termination reason transfer_within_group is not a leaver: when the next employment (at most 31 days later) is inside the scope it is left out (move_within_scope), otherwise it is a transfer out, reported apart (transfer_out_unmatched when no next employment is recorded).";

const hires = { population: "hires", condition: "hire" } as const;
const leavers = { population: "leavers", condition: "leaver" } as const;
const headcount = { population: "stock", condition: "employed" } as const;

export const MOVEMENT_DEFINITIONS: DefinitionSpec[] = [
  {
    id: "hires",
    title: { ja: "採用者数", en: "Hires" },
    summary: {
      ja: "期間中に入社した人数(グループ内異動を除く)",
      en: "Employments started in the period, moves within the group excluded",
    },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: HIRE_RULE,
      date: FLOW_DATE,
      rule: "Count of hire events (a person hired twice counts twice).",
      source: GRI,
    },
    computation: { kind: "count", part: hires },
    exclusion: HIRE_EXCLUSIONS,
  },
  {
    id: "female_hires",
    title: { ja: "女性採用者数", en: "Female hires" },
    summary: { ja: "採用者のうち女性の人数", en: "Hires whose gender is female" },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: HIRE_RULE,
      date: FLOW_DATE,
      rule: "Count of hires whose gender is female.",
      source: GRI,
    },
    computation: { kind: "count", part: { population: "hires", condition: "femaleHire" } },
    exclusion: HIRE_EXCLUSIONS,
  },
  {
    id: "female_hire_share",
    title: { ja: "採用者に占める女性比率", en: "Share of women among new hires" },
    summary: { ja: "採用者に占める女性の割合", en: "Women among hires" },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: HIRE_RULE,
      date: FLOW_DATE,
      rule: "female hires ÷ hires × 100, one decimal, rounded half up.",
      source: `${GRI} Act on Promotion of Women's Participation (女性の採用比率).`,
    },
    computation: {
      kind: "ratio",
      numerator: { population: "hires", condition: "femaleHire" },
      denominator: hires,
    },
    exclusion: HIRE_EXCLUSIONS,
  },
  {
    id: "new_hire_rate",
    title: { ja: "採用率", en: "New-hire rate" },
    summary: { ja: "採用者数 ÷ 期末従業員数", en: "Hires ÷ headcount at the end of the period" },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: `${HIRE_RULE} Denominator: the headcount on the period's last day.`,
      date: FLOW_DATE,
      rule: "hires in P ÷ headcount at the end of P × 100 (GRI 401-1), one decimal, rounded half up. By a dimension: the hires of a group ÷ the headcount of the same group (age on the hire date for hires, on the last day for the headcount).",
      source: GRI,
    },
    computation: { kind: "ratio", numerator: hires, denominator: headcount },
    exclusion: HIRE_EXCLUSIONS,
  },
  {
    id: "leavers",
    title: { ja: "離職者数", en: "Leavers" },
    summary: {
      ja: "期間中に退職した人数(グループ内異動を除く)",
      en: "Employments ended in the period, moves within the group excluded",
    },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: LEAVER_DIMENSIONS,
    documentation: {
      counts: `${LEAVER_RULE} Every other reason counts: voluntary, involuntary (dismissal), mandatory retirement, death, end of contract; break down by reason to see them.`,
      date: FLOW_DATE,
      rule: "Count of leaver events.",
      source: GRI,
    },
    computation: { kind: "count", part: leavers },
    exclusion: LEAVER_EXCLUSIONS,
  },
  {
    id: "voluntary_leavers",
    title: { ja: "自己都合離職者数", en: "Voluntary leavers" },
    summary: { ja: "自己都合で退職した人数", en: "Leavers with reason voluntary" },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: LEAVER_RULE,
      date: FLOW_DATE,
      rule: "Count of leavers whose termination reason is voluntary.",
      source: GRI,
    },
    computation: { kind: "count", part: { population: "leavers", condition: "voluntaryLeaver" } },
    exclusion: LEAVER_EXCLUSIONS,
  },
  {
    id: "turnover_rate",
    title: { ja: "離職率", en: "Turnover rate" },
    summary: { ja: "離職者数 ÷ 期末従業員数", en: "Leavers ÷ headcount at the end of the period" },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: `${LEAVER_RULE} Denominator: the headcount on the period's last day.`,
      date: FLOW_DATE,
      rule: "leavers in P ÷ headcount at the end of P × 100 (GRI 401-1), one decimal, rounded half up; by gender, age group (<30, 30–50, >50) and region (country) as GRI asks, and by the other dimensions.",
      source: GRI,
    },
    computation: { kind: "ratio", numerator: leavers, denominator: headcount },
    exclusion: LEAVER_EXCLUSIONS,
  },
  {
    id: "voluntary_turnover_rate",
    title: { ja: "自己都合離職率", en: "Voluntary turnover rate" },
    summary: {
      ja: "自己都合離職者数 ÷ 期末従業員数",
      en: "Voluntary leavers ÷ headcount at the end of the period",
    },
    ...PERCENT_RATIO,
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts: LEAVER_RULE,
      date: FLOW_DATE,
      rule: "voluntary leavers in P ÷ headcount at the end of P × 100, one decimal, rounded half up.",
      source: GRI,
    },
    computation: {
      kind: "ratio",
      numerator: { population: "leavers", condition: "voluntaryLeaver" },
      denominator: headcount,
    },
    exclusion: LEAVER_EXCLUSIONS,
  },
  {
    id: "transfers_in",
    title: { ja: "グループ内転入者数", en: "Transfers in" },
    summary: {
      ja: "スコープ外のグループ会社からの転入",
      en: "Moves in from group companies outside the scope",
    },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "Employments started in the period whose person's previous employment, at a group company outside the scope, ended with reason transfer_within_group at most 31 days before. Reported apart from hires; always 0 for the whole group.",
      date: FLOW_DATE,
      rule: "Count of transfer-in events.",
      source:
        'reference/metrics.md "Workforce basics" (company scope: transfer in, reported apart from turnover).',
    },
    computation: { kind: "count", part: { population: "hires", condition: "transferIn" } },
    exclusion: null,
  },
  {
    id: "transfers_out",
    title: { ja: "グループ内転出者数", en: "Transfers out" },
    summary: { ja: "スコープ外のグループ会社への転出", en: "Moves out to group companies outside the scope" },
    kind: "count",
    unit: "people",
    decimals: 0,
    rounding: "half_up",
    sensitive: false,
    dataAvailable: true,
    dimensions: STOCK_DIMENSIONS,
    documentation: {
      counts:
        "Employments ended in the period with reason transfer_within_group whose next employment is outside the scope, or not recorded. Reported apart from leavers and turnover; for the whole group only unmatched ones (no next employment recorded) remain.",
      date: FLOW_DATE,
      rule: "Count of transfer-out events.",
      source:
        'reference/metrics.md "Workforce basics" (company scope: transfer out, reported apart from turnover).',
    },
    computation: { kind: "count", part: { population: "leavers", condition: "transferOut" } },
    exclusion: null,
  },
];
