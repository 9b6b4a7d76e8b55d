/**
 * The training populations (reference/metrics.md "Training", GRI 404), read from the training records of the
 * skills and learning capability (`training_records`, `enrolments`, docs/skills-and-learning.md). Each is a
 * `base` CTE with the columns every population has (person, employment, company, reference date, kind), so the
 * shared decoration (gender, age, employment type, grade...) and the breakdowns apply unchanged.
 *
 * - training: one row per person and company with training completed in the company's period (records of the
 *   scope's companies, `completed_on` in that company's period), with the days, hours and number of completions
 *   summed. The attributes are the person's on their last completion in the period (`ref_date`), from their
 *   employment at the company on that day (or, failing one, the latest hired there). Every record counts: the
 *   database refuses a training record of a person never employed at its company (migration 0013), so each one
 *   can be placed and nothing needs looking up to check it.
 * - mandatory: one row per enrolment with a due date (`due_on`, mandatory training assigned by HR) in the
 *   enrolling company's period; `kind` on_time (a completion recorded on or before the due date), late (after
 *   it), open (none), or cancelled / rejected (not counted: exclusions).
 * - ojt_trainers: one row per person (per person and company side by side) whose first completion of a course of
 *   kind `ojt_trainer` at a company of the scope lies on or before that company's period end; `kind` in_year
 *   when it lies in the period, earlier otherwise (the rule of the OJT figures, src/modules/ojt/ojt.repo.ts).
 *
 * Stock rows get `trained`: the person completed training at a company of the scope (side by side: at the
 * row's company) in that company's period (participation rate).
 */
import { type SQL, sql } from "drizzle-orm";
import { inUnits, type PopulationInput } from "./populations";

/**
 * Row `alias` has an employment of its person at its company: a hash of the employments, never a lookup per
 * row. Compared as written, the planner either probes the gist index of employments_number_one_person with
 * person_id alone for every row (it reads the whole index each time: seconds for one company's year) or, with
 * `=` on the company tying employments to the periods, reads each person's records again. The person is
 * compared as int8 (no index can take it) and the company with IS NOT DISTINCT FROM (the same for these
 * non-null columns).
 */
const HAS_EMPLOYMENT = (alias: string) =>
  `exists (select 1 from employments e where e.person_id::int8 = ${alias}.person_id::int8
                                          and e.company_id is not distinct from ${alias}.company_id)`;

/**
 * `<name>`: the rows of CTE `source` with `em_id`, the person's employment at the row's company on the row's
 * `day` (or, failing one, the latest hired there), as one set-based join: probing row by row, the planner takes
 * the gist index of employments_number_one_person and spends seconds at 20,000 employees. Rows whose person has
 * no employment at the company are dropped. Without `placing` (nothing reads the employment: no org unit, no
 * employment, grade or level attribute) the rows are only checked to have one, with `em_id` null — unless
 * `employed` says the database guarantees it (training records, migration 0013).
 */
function placed(
  name: string,
  source: string,
  key: string,
  day: string,
  placing: boolean,
  employed = false,
): SQL {
  if (!placing) {
    return sql.raw(`${name} as (
      select x.*, null::int as em_id
      from ${source} x
      ${employed ? "" : `where ${HAS_EMPLOYMENT("x")}`}
    )`);
  }
  return sql.raw(`${name} as (
    select distinct on (${key}) x.*, e.id as em_id
    from ${source} x
    join employments e on e.person_id = x.person_id and e.company_id = x.company_id
    order by ${key}, (e.hire_date <= x.${day} and (e.termination_date is null or e.termination_date >= x.${day})) desc,
             e.hire_date desc, e.id desc
  )`);
}

/**
 * The training population. `records`: the caller only sums days and hours over the rows, in total or by
 * company, without an org unit, and never counts them: the rows are then the sums per slot and company, read
 * from the records' covering index (training_records_company_amount_idx) without grouping every person's
 * records first; `person_id` is null.
 */
export function trainingBase(input: PopulationInput, placing: boolean, records: boolean): SQL {
  if (records) {
    return sql`base as (
      select per.slot, null::int as person_id, null::int as employment_id, t.company_id, max(t.completed_on) as ref_date,
             'training'::text as kind, null::text as reason, null::int as other_company_id,
             sum(t.days)::float8 as days, sum(t.hours)::float8 as hours, count(*)::int as completions
      from per
      join training_records t on t.company_id = per.company_id and t.completed_on between per.p_from and per.p_to
      group by per.slot, t.company_id
    )`;
  }
  return sql`summed as (
    select per.slot, t.person_id, t.company_id, max(t.completed_on) as ref_date, sum(t.days)::float8 as days,
           sum(t.hours)::float8 as hours, count(*)::int as completions
    from per
    join training_records t on t.company_id = per.company_id and t.completed_on between per.p_from and per.p_to
    group by t.person_id, t.company_id, per.slot
  ),
  ${placed("summed_at", "summed", "x.person_id, x.company_id, x.slot", "ref_date", placing, true)},
  base as (
    select s.slot, s.person_id, s.em_id as employment_id, s.company_id, s.ref_date, 'training'::text as kind,
           null::text as reason, null::int as other_company_id, s.days, s.hours, s.completions
    from summed_at s
    where ${inUnits(input, sql`s.ref_date`, sql`s.em_id`, sql`s.slot`)}
  )`;
}

export function mandatoryBase(input: PopulationInput, placing: boolean): SQL {
  return sql`due as (
    select per.slot, n.id, n.person_id, n.company_id, n.due_on, n.status, t.completed_on
    from per
    join enrolments n on n.company_id = per.company_id and n.due_on between per.p_from and per.p_to
    -- at most one record completes an enrolment (training_records_enrolment_key); a join, not a subquery per
    -- row, which the planner copies into each use of completed_on (8 lookups per enrolment, 1.6 s for the
    -- 118,602 due in one year at large scale)
    left join training_records t on t.enrolment_id = n.id
  ),
  ${placed("due_at", "due", "x.id, x.slot", "due_on", placing)},
  base as (
    select n.slot, n.person_id, n.em_id as employment_id, n.company_id, n.due_on as ref_date,
           case when n.status in ('cancelled', 'rejected') then n.status
                when n.completed_on is null then 'open'
                when n.completed_on <= n.due_on then 'on_time'
                else 'late' end as kind,
           null::text as reason, null::int as other_company_id, n.id as enrolment_id
    from due_at n
    where ${inUnits(input, sql`n.due_on`, sql`n.em_id`, sql`n.slot`)}
  )`;
}

export function ojtTrainersBase(input: PopulationInput, placing: boolean): SQL {
  const once = input.perCompany ? sql`t.person_id, t.company_id` : sql`t.person_id`;
  return sql`firsts as (
    select distinct on (${once}, per.slot) per.slot, t.person_id, t.company_id, t.completed_on, per.p_from
    from per
    join training_records t on t.company_id = per.company_id and t.completed_on <= per.p_to
    join courses c on c.id = t.course_id and c.kind = 'ojt_trainer'
    order by ${once}, per.slot, t.completed_on, t.id
  ),
  ${placed("firsts_at", "firsts", "x.person_id, x.company_id, x.slot", "completed_on", placing, true)},
  base as (
    select f.slot, f.person_id, f.em_id as employment_id, f.company_id, f.completed_on as ref_date,
           case when f.completed_on >= f.p_from then 'in_year' else 'earlier' end as kind,
           null::text as reason, null::int as other_company_id
    from firsts_at f
    where ${inUnits(input, sql`f.completed_on`, sql`f.em_id`, sql`f.slot`)}
  )`;
}

/**
 * `trainees(person_id[, company_id], slots)`: the people who completed training at a company of the scope (side
 * by side: per company) in a slot's period, with a bit for each such slot: a stock row is `trained` when it
 * finds its slot's bit here. One set-based pass over the periods' records, grouped by person only (a fifth of
 * the groups of a five-year report), not a lookup per employee; a query that does not read `trained` drops
 * the join (the rows are unique on its keys).
 */
export function traineesCte(input: PopulationInput): SQL {
  const company = input.perCompany ? sql`, t.company_id` : sql``;
  return sql`trainees as (
    select t.person_id ${company}, bit_or(1 << per.slot) as slots
    from per
    join training_records t on t.company_id = per.company_id and t.completed_on between per.p_from and per.p_to
    group by t.person_id ${company}
  )`;
}

/** The join that gives a stock row `b` its `trained` column (see traineesCte). */
export function traineesJoin(input: PopulationInput): SQL {
  const company = input.perCompany ? sql`and tn.company_id = b.company_id` : sql``;
  return sql`left join trainees tn on tn.person_id = b.person_id ${company}`;
}

/** The `trained` column of a stock row `b` joined to its trainees row `tn`. */
export const TRAINED = sql`coalesce((tn.slots >> b.slot) & 1 = 1, false) as trained`;
