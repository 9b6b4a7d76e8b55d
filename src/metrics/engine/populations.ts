/**
 * The populations every figure is counted from, as hand-written SQL (PostgreSQL 15). Each builder returns a
 * `WITH` list ending in `pop`: one row per person (stock) or per employment event (hires, leavers, retirees),
 * with the same columns, so that a figure is "a condition on a population" and a drill-down lists exactly the
 * rows that were counted.
 *
 * Rules (reference/metrics.md "Workforce basics"):
 * - Employed on D: hire_date ≤ D ≤ termination_date (the last day employed) or no termination date.
 * - stock: people employed on their company's period end, once per person (several employments in the scope:
 *   the earliest hired, then the lowest id, is the one whose attributes are used).
 * - hires / leavers: employments starting / ending in the company's period. A move between group companies
 *   (termination reason transfer_within_group, followed within LINK_WINDOW_DAYS by an employment of the same
 *   person at another group company) is `internal` when both ends lie in the scope, else `transfer_in` /
 *   `transfer_out`; neither counts as a hire or leaver.
 * - retirees: mandatory retirements in the period; `reemployed` when an employment of type reemployed (at any
 *   group company) starts within LINK_WINDOW_DAYS of the last day.
 * - Attributes (grade, manager level, org unit) come from the primary assignment on the row's reference date:
 *   the period end for stock, the hire date or last day for events.
 *
 * - training, mandatory, ojt_trainers: see training-populations.ts.
 *
 * A lookup of a person's other employments row by row lets the planner probe the gist index of the exclusion
 * constraint employments_number_one_person (company_id, employee_number, person_id) with person_id alone, which
 * scans most of it for every row (seconds at 20,000 employees): every link between employments is one set-based
 * join written so that only a btree index or a hash can serve it (hires: the partial index of
 * transfer_within_group ends; leavers: a row comparison on (person_id, hire_date); tenure: from the moves only).
 *
 * Every join is bounded by an index or hashes a small side: employments by (company_id, hire_date),
 * (company_id, termination_date) and (person_id, hire_date), the primary assignment by the gist index of
 * `assignments_one_primary` (employment_id, during) or, for the manager level alone, the hash of the
 * assignments on manager and executive grades (read by grade from assignments_primary_grade_idx: the grades
 * as an array, so that the planner sees how few rows they are), org unit versions by
 * (parent_org_unit_id, during).
 *
 * Slots: one query may cover several periods at once (a report's five fiscal years): each period row carries
 * a slot, every population row the slot it was counted in, and each slot is counted exactly as it would be
 * alone (a person once per slot, links and exclusions within the slot's period).
 *
 * Attributes: the rows are decorated only with the attribute groups a caller reads (see `Attribute`): a
 * headcount joins nothing, an average age only the persons, a drill-down everything it lists.
 */
import { type SQL, sql } from "drizzle-orm";
import type { CompanyPeriod } from "./period";
import {
  mandatoryBase,
  ojtTrainersBase,
  TRAINED,
  traineesCte,
  traineesJoin,
  trainingBase,
} from "./training-populations";

/** Days after an employment's last day within which the next employment counts as its continuation. */
export const LINK_WINDOW_DAYS = 31;

export type PopulationKind =
  | "stock"
  | "hires"
  | "leavers"
  | "retirees"
  | "disability"
  | "training"
  | "mandatory"
  | "ojt_trainers";

/** The most periods one query may cover (trained people carry a bit per slot in an int). */
export const MAX_SLOTS = 31;

/** A company's period in one slot of a query over several periods. */
export interface SlotPeriod extends CompanyPeriod {
  slot: number;
}

export interface PopulationInput {
  /** Each company's period, in each slot (one slot: 0). */
  periods: readonly SlotPeriod[];
  /** Every company of the scope (for telling internal moves from transfers). */
  scopeCompanyIds: readonly number[];
  /** Org unit subtree scope: its root (the scope then has exactly one company). */
  orgUnitId: number | null;
  /**
   * Each company as a scope of its own (the companies side by side): a person is counted once per company,
   * and a move between two companies is a transfer for both.
   */
  perCompany?: boolean;
  /**
   * The scope's figures and, beside them, each company's own (as its company scope would count it), from the
   * same rows: the stock keeps every employment employed on the day — a person once per company, since a
   * person's employments at one company never overlap (employments_no_overlap) — and marks `first` the one the
   * scope counts (the earliest hired, then the lowest id). Only for figures whose rows read the same whatever
   * the scope (see EACH_COMPANY_CONDITIONS in figures.ts); the scope's totals count the `first` rows alone.
   */
  eachCompany?: boolean;
}

/**
 * Attribute groups a population's rows can be decorated with, beyond the base columns (slot, person_id,
 * employment_id, company_id, ref_date, kind, reason, other_company_id and the population's own):
 * - person: gender, birth_date, age (full years on the day), age_group;
 * - employment: employment_type, hire_date, weekly_hours, employee_number;
 * - grade: the grade of the primary assignment on the day (grade_id, grade_code, grade_name_ja/en,
 *   grade_rank) and its level;
 * - level: the level alone (is_manager, is_executive, manager_level), from the primary assignments on a
 *   manager or executive grade only (a tenth of them: the join is that much smaller);
 * - company: company_code, company_name_ja/en, country;
 * - tenure (stock): tenure_years; trained (stock): trained;
 * - sensitive: disability_category, disability_severe, regular_worker (and the employment's) for the
 *   disability population; null for the others.
 */
export type Attribute =
  | "person"
  | "employment"
  | "grade"
  | "level"
  | "company"
  | "tenure"
  | "trained"
  | "sensitive";
export type Attributes = ReadonlySet<Attribute>;

/** What a list of rows shows (every attribute but tenure, which no list reads). */
export const LISTED: Attributes = new Set<Attribute>([
  "person",
  "employment",
  "grade",
  "company",
  "trained",
  "sensitive",
]);

export const intArray = (values: readonly number[]) => sql`${`{${values.join(",")}}`}::int[]`;
const dateArray = (values: readonly string[]) => sql`${`{${values.join(",")}}`}::date[]`;

/** One slot of periods for a single-period request. */
export function inSlot(periods: readonly CompanyPeriod[], slot = 0): SlotPeriod[] {
  return periods.map((p) => ({ ...p, slot }));
}

/** `per(slot, company_id, p_from, p_to, p_dis)`: the period of each company of the scope, in each slot. */
function periodsCte(periods: readonly SlotPeriod[]): SQL {
  return sql`per(slot, company_id, p_from, p_to, p_dis) as (
    select * from unnest(${intArray(periods.map((p) => p.slot))}, ${intArray(periods.map((p) => p.companyId))},
                         ${dateArray(periods.map((p) => p.from))}, ${dateArray(periods.map((p) => p.to))},
                         ${dateArray(periods.map((p) => p.disabilityDate))})
  )`;
}

/**
 * `units(slot, id)`: the org unit and the units below it, in each slot. For a stock, the tree on the reference
 * day; for events, every unit that was below it at any time during the period.
 */
function unitsCte(orgUnitId: number, kind: PopulationKind): SQL {
  const span =
    kind === "stock"
      ? sql`daterange(min(p_to), max(p_to), '[]')`
      : kind === "disability"
        ? sql`daterange(min(p_dis), max(p_dis), '[]')`
        : sql`daterange(min(p_from), max(p_to), '[]')`;
  return sql`spans(slot, during) as (select slot, ${span} from per group by slot),
  units(slot, id) as (
    select slot, ${orgUnitId}::int from spans
    union
    select t.slot, v.org_unit_id from units t
    join spans s on s.slot = t.slot
    join org_unit_versions v on v.parent_org_unit_id = t.id and v.during && s.during
  )`;
}

/**
 * The primary assignment of employment `e` (or `employment`) on `day` lies in the org unit scope of the row's
 * slot (or true without one).
 */
export function inUnits(
  input: PopulationInput,
  day: SQL,
  employment: SQL = sql`e.id`,
  slot: SQL = sql`per.slot`,
): SQL {
  if (input.orgUnitId === null) return sql`true`;
  // (slot, unit) against the whole list, not the slot's units: a list that does not depend on the row is hashed
  return sql`exists (select 1 from assignments ua where ua.employment_id = ${employment} and ua.kind = 'primary'
    and ua.during @> ${day} and (${slot}, ua.org_unit_id) in (select u.slot, u.id from units u))`;
}

/** Whether another company belongs to the scope (an org unit scope has no "other" company inside it). */
function otherInScope(input: PopulationInput, column: SQL): SQL {
  if (input.orgUnitId !== null || input.perCompany) return sql`false`;
  return sql`${column} = any(${intArray(input.scopeCompanyIds)})`;
}

function stockBase(input: PopulationInput): SQL {
  if (input.eachCompany) {
    // one sort by person and slot serves both: `first` is the row the scope counts once
    return sql`base as (
      select per.slot, e.person_id, e.id as employment_id, e.company_id, per.p_to as ref_date,
             'employed'::text as kind, null::text as reason, null::int as other_company_id, e.hire_date as hired_on,
             row_number() over (partition by e.person_id, per.slot order by e.hire_date, e.id) = 1 as first
      from per
      join employments e on e.company_id = per.company_id and e.hire_date <= per.p_to
                         and (e.termination_date is null or e.termination_date >= per.p_to)
      where ${inUnits(input, sql`per.p_to`)}
    )`;
  }
  const once = input.perCompany ? sql`e.person_id, e.company_id` : sql`e.person_id`;
  // The constant columns are added after the de-duplication: the sort carries only what it must. The slot comes
  // after the person in the sort key: the same slot first would make every comparison go past it.
  return sql`employed as (
    select distinct on (${once}, per.slot) per.slot, e.person_id, e.id as employment_id, e.company_id,
           per.p_to as ref_date, e.hire_date as hired_on
    from per
    join employments e on e.company_id = per.company_id and e.hire_date <= per.p_to
                       and (e.termination_date is null or e.termination_date >= per.p_to)
    where ${inUnits(input, sql`per.p_to`)}
    order by ${once}, per.slot, e.hire_date, e.id
  ),
  base as (
    select s.slot, s.person_id, s.employment_id, s.company_id, s.ref_date, 'employed'::text as kind,
           null::text as reason, null::int as other_company_id, s.hired_on
    from employed s
  )`;
}

/**
 * Disability counts per employer: one row per employment (no de-duplication across companies), with the
 * employment's columns (every row needs them: see decorated).
 */
function disabilityBase(input: PopulationInput): SQL {
  return sql`base as (
    select per.slot, e.person_id, e.id as employment_id, e.company_id, per.p_dis as ref_date,
           'employed'::text as kind, null::text as reason, null::int as other_company_id,
           ${EMPLOYMENT_COLUMNS("e")}
    from per
    join employments e on e.company_id = per.company_id and e.hire_date <= per.p_dis
                       and (e.termination_date is null or e.termination_date >= per.p_dis)
    where ${inUnits(input, sql`per.p_dis`)}
  )`;
}

function hiresBase(input: PopulationInput): SQL {
  // The link to a previous employment is one set-based join (hash or index, as the planner sees fit), not a
  // lookup per hire: per hire, the planner tends to probe the gist index of employments_number_one_person.
  return sql`hired as (
    select per.slot, e.person_id, e.id, e.company_id, e.hire_date
    from per
    join employments e on e.company_id = per.company_id and e.hire_date between per.p_from and per.p_to
    where ${inUnits(input, sql`e.hire_date`)}
  ),
  linked as (
    select distinct on (h.id, h.slot) h.slot, h.id, s.company_id
    from hired h
    join employments s on s.person_id = h.person_id and s.termination_reason = 'transfer_within_group'
                      and s.company_id is distinct from h.company_id
                      and s.termination_date between h.hire_date - ${LINK_WINDOW_DAYS}::int and h.hire_date
    order by h.id, h.slot, s.termination_date desc, s.id desc
  ),
  base as (
    select h.slot, h.person_id, h.id as employment_id, h.company_id, h.hire_date as ref_date,
           case when src.company_id is null then 'hire'
                when ${otherInScope(input, sql`src.company_id`)} then 'internal'
                else 'transfer_in' end as kind,
           null::text as reason, src.company_id as other_company_id
    from hired h
    left join linked src on src.slot = h.slot and src.id = h.id
  )`;
}

function leaversBase(input: PopulationInput, retireesOnly: boolean): SQL {
  if (retireesOnly) {
    return sql`retired as (
      select per.slot, e.person_id, e.id, e.company_id, e.termination_date, e.termination_reason
      from per
      join employments e on e.company_id = per.company_id and e.termination_date between per.p_from and per.p_to
                         and e.termination_reason = 'mandatory_retirement'
      where ${inUnits(input, sql`e.termination_date`)}
    ),
    rehired as (
      select distinct on (x.id, x.slot) x.slot, x.id, r.company_id
      from retired x
      join employments r on r.person_id = x.person_id and r.employment_type = 'reemployed'
                        and r.hire_date between x.termination_date and x.termination_date + ${LINK_WINDOW_DAYS}::int
      order by x.id, x.slot, r.hire_date, r.id
    ),
    base as (
      select x.slot, x.person_id, x.id as employment_id, x.company_id, x.termination_date as ref_date,
             case when re.company_id is null then 'retired' else 'reemployed' end as kind,
             x.termination_reason as reason, re.company_id as other_company_id
      from retired x
      left join rehired re on re.slot = x.slot and re.id = x.id
    )`;
  }
  // As for hires, the link to the next employment is one set-based join over the period's moves. The person and
  // day are one row comparison on (person_id, hire_date): only the btree index employments_person_idx can take
  // it, where `d.person_id = l.person_id` lets the planner probe the gist index of
  // employments_number_one_person with person_id alone (2 ms a leaver at 120,000 employees).
  return sql`ended as (
    select per.slot, e.person_id, e.id, e.company_id, e.termination_date, e.termination_reason
    from per
    join employments e on e.company_id = per.company_id and e.termination_date between per.p_from and per.p_to
    where ${inUnits(input, sql`e.termination_date`)}
  ),
  moved as (
    select distinct on (l.id, l.slot) l.slot, l.id, d.company_id
    from ended l
    join employments d
      on (d.person_id, d.hire_date) between (l.person_id, l.termination_date)
                                        and (l.person_id, l.termination_date + ${LINK_WINDOW_DAYS}::int)
     and d.company_id is distinct from l.company_id
    where l.termination_reason = 'transfer_within_group'
    order by l.id, l.slot, d.hire_date, d.id
  ),
  base as (
    select l.slot, l.person_id, l.id as employment_id, l.company_id, l.termination_date as ref_date,
           case when l.termination_reason <> 'transfer_within_group' then 'leaver'
                when ${otherInScope(input, sql`dst.company_id`)} then 'internal'
                else 'transfer_out' end as kind,
           l.termination_reason as reason, dst.company_id as other_company_id
    from ended l
    left join moved dst on dst.slot = l.slot and dst.id = l.id
  )`;
}

/**
 * Continuous service for the stock: from the hire date, extended back over moves from other companies of the
 * scope (a group scope counts group service; a company scope counts service at the company). It depends on
 * the employment alone, not on the slot. `tenure` lists the employments whose service starts before their
 * hire date: the walk starts only from those that follow a move (the others start on `hired_on`).
 */
function tenureCte(input: PopulationInput): SQL {
  return sql`chain(employment_id, person_id, company_id, start_date) as (
    select distinct b.employment_id, b.person_id, b.company_id, b.hired_on
    from base b
    where exists (select 1 from employments m where m.person_id = b.person_id
                    and m.termination_reason = 'transfer_within_group'
                    and b.hired_on between m.termination_date and m.termination_date + ${LINK_WINDOW_DAYS}::int)
    union all
    select c.employment_id, c.person_id, s.company_id, s.hire_date
    from chain c
    join employments s on s.person_id = c.person_id and s.company_id is distinct from c.company_id
                       and s.termination_reason = 'transfer_within_group'
                       and c.start_date between s.termination_date and s.termination_date + ${LINK_WINDOW_DAYS}::int
                       and s.hire_date < c.start_date
    where ${otherInScope(input, sql`s.company_id`)}
  ),
  tenure as (select employment_id, min(start_date) as start_date from chain group by employment_id)`;
}

/** The employment attribute group, from employments `alias`. */
const EMPLOYMENT_COLUMNS = (alias: string) =>
  sql.raw(`${alias}.employment_type, ${alias}.hire_date, ${alias}.weekly_hours::float8 as weekly_hours,
    ${alias}.employee_number`);

/** `pop`: the base rows with the attribute groups asked for, on the row's reference date. */
function decorated(kind: PopulationKind, input: PopulationInput, attributes: Attributes): SQL {
  const has = (attribute: Attribute) => attributes.has(attribute);
  const sensitive = kind === "disability" && has("sensitive");
  const columns: SQL[] = [sql`b.*`];
  const joins: SQL[] = [];
  if (has("person")) {
    // full years, from the day's and the birth date's fields (timestamps without a time zone)
    columns.push(sql`p.gender, p.birth_date,
      date_part('year', age(b.ref_date::timestamp, p.birth_date::timestamp))::int as age`);
    joins.push(sql`join persons p on p.id = b.person_id`);
  }
  // the disability base carries the employment's columns already
  const em = kind === "disability" ? sql.raw("b") : sql.raw("e");
  if ((has("employment") || sensitive) && kind !== "disability") {
    columns.push(EMPLOYMENT_COLUMNS("e"));
    joins.push(sql`join employments e on e.id = b.employment_id`);
  }
  if (has("grade")) {
    columns.push(sql`g.id as grade_id, g.code as grade_code, g.name_ja as grade_name_ja, g.name_en as grade_name_en,
      g.rank as grade_rank, coalesce(g.is_manager_level, false) as is_manager, coalesce(g.is_executive, false) as is_executive`);
    joins.push(sql`left join assignments a on a.employment_id = b.employment_id and a.kind = 'primary' and a.during @> b.ref_date
      left join grades g on g.id = a.grade_id`);
  } else if (has("level")) {
    columns.push(
      sql`coalesce(ml.is_manager_level, false) as is_manager, coalesce(ml.is_executive, false) as is_executive`,
    );
    joins.push(sql`left join (
        select a.employment_id, a.during, g.is_manager_level, g.is_executive
        from assignments a join grades g on g.id = a.grade_id
        where a.kind = 'primary'
          and a.grade_id = any(array(select id from grades where is_manager_level or is_executive))
      ) ml on ml.employment_id = b.employment_id and ml.during @> b.ref_date`);
  }
  if (has("company")) {
    columns.push(
      sql`c.code as company_code, c.name_ja as company_name_ja, c.name_en as company_name_en, c.country`,
    );
    joins.push(sql`join companies c on c.id = b.company_id`);
  }
  if (kind === "stock" && has("tenure")) {
    columns.push(sql`((b.ref_date - coalesce(t.start_date, b.hired_on))::float8 / 365.25) as tenure_years`);
    joins.push(sql`left join tenure t on t.employment_id = b.employment_id`);
  }
  if (kind === "stock" && has("trained")) {
    columns.push(TRAINED);
    joins.push(traineesJoin(input));
  }
  if (sensitive) {
    columns.push(sql`s.disability_category, s.disability_severe,
      (${em}.employment_type <> 'executive_officer'
        and (${em}.employment_type <> 'temporary' or ${em}.hire_date < (b.ref_date - interval '1 year')::date)) as regular_worker`);
    joins.push(sql`left join person_sensitive s on s.person_id = b.person_id`);
  } else if (has("sensitive")) {
    // only the disability population reads the sensitive records; the others list the columns empty
    columns.push(
      sql`null::text as disability_category, null::boolean as disability_severe, null::boolean as regular_worker`,
    );
  }
  const derived: SQL[] = [sql`d.*`];
  if (has("person")) {
    derived.push(sql`case when d.age is null then 'unknown' when d.age < 30 then 'under_30' when d.age <= 50 then '30_to_50'
      else 'over_50' end as age_group`);
  }
  if (has("grade") || has("level")) {
    derived.push(
      sql`case when d.is_executive then 'executive' when d.is_manager then 'manager' else 'non_manager' end as manager_level`,
    );
  }
  return sql`decorated as (
    select ${sql.join(columns, sql`, `)}
    from base b
    ${sql.join(joins, sql` `)}
  ),
  pop as (select ${sql.join(derived, sql`, `)} from decorated d)`;
}

/** Whether the training populations must find each row's employment (see training-populations.ts). */
function placing(input: PopulationInput, attributes: Attributes): boolean {
  return (
    input.orgUnitId !== null ||
    attributes.has("employment") ||
    attributes.has("grade") ||
    attributes.has("level") ||
    attributes.has("sensitive")
  );
}

/**
 * The `WITH RECURSIVE ...` list ending in `pop` for one population, its rows decorated with `attributes`
 * (the decoration's inner joins never drop a row: every employment has its person and company, so the counts
 * are the same whatever is asked for). Tenure (stock) is a recursive walk over moves between companies, made
 * only when asked for. `sumsOnly`: the caller reads only sums over the rows, never counts them (see
 * trainingBase).
 */
export function populationCte(
  kind: PopulationKind,
  input: PopulationInput,
  attributes: Attributes,
  options: { sumsOnly?: boolean } = {},
): SQL {
  const parts: SQL[] = [periodsCte(input.periods)];
  if (input.orgUnitId !== null) parts.push(unitsCte(input.orgUnitId, kind));
  if (kind === "stock") {
    parts.push(stockBase(input));
    if (attributes.has("tenure")) parts.push(tenureCte(input));
    if (attributes.has("trained")) parts.push(traineesCte(input));
  } else if (kind === "disability") parts.push(disabilityBase(input));
  else if (kind === "hires") parts.push(hiresBase(input));
  else if (kind === "training") {
    const records =
      options.sumsOnly === true && input.orgUnitId === null && [...attributes].every((a) => a === "company");
    parts.push(trainingBase(input, placing(input, attributes), records));
  } else if (kind === "mandatory") parts.push(mandatoryBase(input, placing(input, attributes)));
  else if (kind === "ojt_trainers") parts.push(ojtTrainersBase(input, placing(input, attributes)));
  else parts.push(leaversBase(input, kind === "retirees"));
  parts.push(decorated(kind, input, attributes));
  return sql`with recursive ${sql.join(parts, sql`, `)}`;
}
