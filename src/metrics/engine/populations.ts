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
 * scans most of it for every row (seconds at 20,000 employees): hires link to their previous employment with one
 * set-based join; leavers look up only their transfer_within_group rows.
 *
 * Every join is bounded by an index: employments by (company_id, hire_date) and (person_id, hire_date), the
 * primary assignment by the gist index of `assignments_one_primary` (employment_id, during), org unit
 * versions by (parent_org_unit_id, during).
 */
import { type SQL, sql } from "drizzle-orm";
import type { CompanyPeriod } from "./period";
import { mandatoryBase, ojtTrainersBase, trainedColumn, trainingBase } from "./training-populations";

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

export interface PopulationInput {
  periods: readonly CompanyPeriod[];
  /** Every company of the scope (for telling internal moves from transfers). */
  scopeCompanyIds: readonly number[];
  /** Org unit subtree scope: its root (the scope then has exactly one company). */
  orgUnitId: number | null;
  /**
   * Each company as a scope of its own (the companies side by side): a person is counted once per company,
   * and a move between two companies is a transfer for both.
   */
  perCompany?: boolean;
}

export const intArray = (values: readonly number[]) => sql`${`{${values.join(",")}}`}::int[]`;
const dateArray = (values: readonly string[]) => sql`${`{${values.join(",")}}`}::date[]`;

/** `per(company_id, p_from, p_to, p_dis)`: the period of each company in the scope. */
function periodsCte(periods: readonly CompanyPeriod[]): SQL {
  return sql`per(company_id, p_from, p_to, p_dis) as (
    select * from unnest(${intArray(periods.map((p) => p.companyId))}, ${dateArray(periods.map((p) => p.from))},
                         ${dateArray(periods.map((p) => p.to))}, ${dateArray(periods.map((p) => p.disabilityDate))})
  )`;
}

/**
 * `units(id)`: the org unit and the units below it. For a stock, the tree on the reference day; for events,
 * every unit that was below it at any time during the period.
 */
function unitsCte(orgUnitId: number, during: SQL): SQL {
  return sql`units(id) as (
    select ${orgUnitId}::int
    union
    select v.org_unit_id from org_unit_versions v join units t on v.parent_org_unit_id = t.id
    where v.during && ${during}
  )`;
}

/** The primary assignment of employment `e` (or `employment`) on `day` lies in the org unit scope (or true without one). */
export function inUnits(input: PopulationInput, day: SQL, employment: SQL = sql`e.id`): SQL {
  if (input.orgUnitId === null) return sql`true`;
  return sql`exists (select 1 from assignments ua where ua.employment_id = ${employment} and ua.kind = 'primary'
    and ua.during @> ${day} and ua.org_unit_id in (select id from units))`;
}

/** Whether another company belongs to the scope (an org unit scope has no "other" company inside it). */
function otherInScope(input: PopulationInput, column: SQL): SQL {
  if (input.orgUnitId !== null || input.perCompany) return sql`false`;
  return sql`${column} = any(${intArray(input.scopeCompanyIds)})`;
}

function stockBase(input: PopulationInput, dayColumn: "p_to" | "p_dis"): SQL {
  const day = sql.raw(`per.${dayColumn}`);
  const once = input.perCompany ? sql`e.person_id, e.company_id` : sql`e.person_id`;
  return sql`base as (
    select distinct on (${once}) e.person_id, e.id as employment_id, e.company_id, ${day} as ref_date,
           'employed'::text as kind, null::text as reason, null::int as other_company_id
    from per
    join employments e on e.company_id = per.company_id and e.hire_date <= ${day}
                       and (e.termination_date is null or e.termination_date >= ${day})
    where ${inUnits(input, day)}
    order by ${once}, e.hire_date, e.id
  )`;
}

/** Disability counts per employer: one row per employment (no de-duplication across companies). */
function disabilityBase(input: PopulationInput): SQL {
  return sql`base as (
    select e.person_id, e.id as employment_id, e.company_id, per.p_dis as ref_date,
           'employed'::text as kind, null::text as reason, null::int as other_company_id
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
    select e.person_id, e.id, e.company_id, e.hire_date
    from per
    join employments e on e.company_id = per.company_id and e.hire_date between per.p_from and per.p_to
    where ${inUnits(input, sql`e.hire_date`)}
  ),
  linked as (
    select distinct on (h.id) h.id, s.company_id
    from hired h
    join employments s on s.person_id = h.person_id and s.termination_reason = 'transfer_within_group'
                      and s.company_id is distinct from h.company_id
                      and s.termination_date between h.hire_date - ${LINK_WINDOW_DAYS}::int and h.hire_date
    order by h.id, s.termination_date desc, s.id desc
  ),
  base as (
    select h.person_id, h.id as employment_id, h.company_id, h.hire_date as ref_date,
           case when src.company_id is null then 'hire'
                when ${otherInScope(input, sql`src.company_id`)} then 'internal'
                else 'transfer_in' end as kind,
           null::text as reason, src.company_id as other_company_id
    from hired h
    left join linked src on src.id = h.id
  )`;
}

function leaversBase(input: PopulationInput, retireesOnly: boolean): SQL {
  if (retireesOnly) {
    return sql`retired as (
      select e.person_id, e.id, e.company_id, e.termination_date, e.termination_reason
      from per
      join employments e on e.company_id = per.company_id and e.termination_date between per.p_from and per.p_to
                         and e.termination_reason = 'mandatory_retirement'
      where ${inUnits(input, sql`e.termination_date`)}
    ),
    rehired as (
      select distinct on (x.id) x.id, r.company_id
      from retired x
      join employments r on r.person_id = x.person_id and r.employment_type = 'reemployed'
                        and r.hire_date between x.termination_date and x.termination_date + ${LINK_WINDOW_DAYS}::int
      order by x.id, r.hire_date, r.id
    ),
    base as (
      select x.person_id, x.id as employment_id, x.company_id, x.termination_date as ref_date,
             case when re.company_id is null then 'retired' else 'reemployed' end as kind,
             x.termination_reason as reason, re.company_id as other_company_id
      from retired x
      left join rehired re on re.id = x.id
    )`;
  }
  return sql`base as (
    select e.person_id, e.id as employment_id, e.company_id, e.termination_date as ref_date,
           case when e.termination_reason <> 'transfer_within_group' then 'leaver'
                when ${otherInScope(input, sql`dst.company_id`)} then 'internal'
                else 'transfer_out' end as kind,
           e.termination_reason as reason, dst.company_id as other_company_id
    from per
    join employments e on e.company_id = per.company_id and e.termination_date between per.p_from and per.p_to
    left join lateral (
      select d.company_id from employments d
      where e.termination_reason = 'transfer_within_group'
        and d.person_id = e.person_id and d.company_id is distinct from e.company_id
        and d.hire_date between e.termination_date and e.termination_date + ${LINK_WINDOW_DAYS}::int
      order by d.hire_date, d.id limit 1
    ) dst on true
    where ${inUnits(input, sql`e.termination_date`)}
  )`;
}

/**
 * Continuous service for the stock: from the hire date, extended back over moves from other companies of the
 * scope (a group scope counts group service; a company scope counts service at the company).
 */
function tenureCte(input: PopulationInput): SQL {
  return sql`chain(employment_id, person_id, company_id, start_date) as (
    select b.employment_id, b.person_id, b.company_id, e.hire_date
    from base b join employments e on e.id = b.employment_id
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

/** `pop`: the base rows with the person's, employment's, assignment's and company's attributes on the reference date. */
function decorated(kind: PopulationKind, input: PopulationInput, withTenure: boolean): SQL {
  const tenure = withTenure
    ? sql`((b.ref_date - t.start_date)::float8 / 365.25) as tenure_years`
    : sql`null::float8 as tenure_years`;
  const tenureJoin = withTenure ? sql`left join tenure t on t.employment_id = b.employment_id` : sql``;
  const disability =
    kind === "disability"
      ? sql`s.disability_category, s.disability_severe,
            (e.employment_type <> 'executive_officer'
              and (e.employment_type <> 'temporary' or e.hire_date < (b.ref_date - interval '1 year')::date)) as regular_worker`
      : sql`null::text as disability_category, null::boolean as disability_severe, null::boolean as regular_worker`;
  const sensitiveJoin =
    kind === "disability" ? sql`left join person_sensitive s on s.person_id = b.person_id` : sql``;
  return sql`aged as (
    select b.*, p.gender, e.employment_type, e.hire_date, e.weekly_hours::float8 as weekly_hours, e.employee_number,
           case when p.birth_date is null then null else date_part('year', age(b.ref_date, p.birth_date))::int end as age,
           g.id as grade_id, g.code as grade_code, g.name_ja as grade_name_ja, g.name_en as grade_name_en, g.rank as grade_rank,
           coalesce(g.is_manager_level, false) as is_manager, coalesce(g.is_executive, false) as is_executive,
           c.code as company_code, c.name_ja as company_name_ja, c.name_en as company_name_en, c.country,
           ${tenure}, ${disability}, ${kind === "stock" ? trainedColumn(input) : sql`null::boolean as trained`}
    from base b
    join persons p on p.id = b.person_id
    join employments e on e.id = b.employment_id
    join companies c on c.id = b.company_id
    left join assignments a on a.employment_id = b.employment_id and a.kind = 'primary' and a.during @> b.ref_date
    left join grades g on g.id = a.grade_id
    ${tenureJoin}
    ${sensitiveJoin}
  ),
  pop as (
    select aged.*,
           case when age is null then 'unknown' when age < 30 then 'under_30' when age <= 50 then '30_to_50'
                else 'over_50' end as age_group,
           case when is_executive then 'executive' when is_manager then 'manager' else 'non_manager' end as manager_level
    from aged
  )`;
}

/**
 * The `WITH RECURSIVE ...` list ending in `pop` for one population. `lean`: `pop` is the base rows alone
 * (person, employment, company, day, kind, reason and, for training, days and hours) without the attributes —
 * with the company's code, names and country — for totals, or company and country breakdowns, whose conditions
 * read only those columns (the decoration's inner joins never drop a row: every employment has its person and
 * company, so the counts are the same, at a fraction of the cost). `tenure`: compute continuous service (stock;
 * a recursive walk over moves between companies, only when a figure averages it).
 */
export function populationCte(
  kind: PopulationKind,
  input: PopulationInput,
  lean = false,
  tenure = true,
): SQL {
  const parts: SQL[] = [periodsCte(input.periods)];
  if (input.orgUnitId !== null) {
    const during =
      kind === "stock"
        ? sql`(select daterange(p_to, p_to, '[]') from per limit 1)`
        : kind === "disability"
          ? sql`(select daterange(p_dis, p_dis, '[]') from per limit 1)`
          : sql`(select daterange(min(p_from), max(p_to), '[]') from per)`;
    parts.push(unitsCte(input.orgUnitId, during));
  }
  const withTenure = kind === "stock" && !lean && tenure;
  if (kind === "stock") parts.push(stockBase(input, "p_to"), ...(withTenure ? [tenureCte(input)] : []));
  else if (kind === "disability") parts.push(disabilityBase(input));
  else if (kind === "hires") parts.push(hiresBase(input));
  else if (kind === "training") parts.push(trainingBase(input));
  else if (kind === "mandatory") parts.push(mandatoryBase(input));
  else if (kind === "ojt_trainers") parts.push(ojtTrainersBase(input));
  else parts.push(leaversBase(input, kind === "retirees"));
  parts.push(
    lean
      ? sql`pop as (select b.*, c.code as company_code, c.name_ja as company_name_ja, c.name_en as company_name_en,
                           c.country
                    from base b join companies c on c.id = b.company_id)`
      : decorated(kind, input, withTenure),
  );
  return sql`with recursive ${sql.join(parts, sql`, `)}`;
}
