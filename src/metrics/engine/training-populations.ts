/**
 * The training populations (reference/metrics.md "Training", GRI 404), read from the training records of the
 * skills and learning capability (`training_records`, `enrolments`, docs/skills-and-learning.md). Each is a
 * `base` CTE with the columns every population has (person, employment, company, reference date, kind), so the
 * shared decoration (gender, age, employment type, grade...) and the breakdowns apply unchanged.
 *
 * - training: one row per person and company with training completed in the company's period (records of the
 *   scope's companies, `completed_on` in that company's period), with the days, hours and number of completions
 *   summed. The attributes are the person's on their last completion in the period (`ref_date`), from their
 *   employment at the company on that day (or, failing one, the latest hired there). Records of a person with no
 *   employment at the company at all cannot be placed and are not counted.
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
 * `<name>`: the rows of CTE `source` with `em_id`, the person's employment at the row's company on the row's
 * `day` (or, failing one, the latest hired there), as one set-based join: probing row by row, the planner takes
 * the gist index of employments_number_one_person and spends seconds at 20,000 employees.
 */
function placed(name: string, source: string, key: string, day: string): SQL {
  return sql.raw(`${name} as (
    select distinct on (${key}) x.*, e.id as em_id
    from ${source} x
    join employments e on e.person_id = x.person_id and e.company_id = x.company_id
    order by ${key}, (e.hire_date <= x.${day} and (e.termination_date is null or e.termination_date >= x.${day})) desc,
             e.hire_date desc, e.id desc
  )`);
}

export function trainingBase(input: PopulationInput): SQL {
  return sql`summed as (
    select t.person_id, t.company_id, max(t.completed_on) as ref_date, sum(t.days)::float8 as days,
           sum(t.hours)::float8 as hours, count(*)::int as completions
    from per
    join training_records t on t.company_id = per.company_id and t.completed_on between per.p_from and per.p_to
    group by t.person_id, t.company_id
  ),
  ${placed("summed_at", "summed", "x.person_id, x.company_id", "ref_date")},
  base as (
    select s.person_id, s.em_id as employment_id, s.company_id, s.ref_date, 'training'::text as kind,
           null::text as reason, null::int as other_company_id, s.days, s.hours, s.completions
    from summed_at s
    where ${inUnits(input, sql`s.ref_date`, sql`s.em_id`)}
  )`;
}

export function mandatoryBase(input: PopulationInput): SQL {
  return sql`due as (
    select n.id, n.person_id, n.company_id, n.due_on, n.status,
           (select min(t.completed_on) from training_records t where t.enrolment_id = n.id) as completed_on
    from per
    join enrolments n on n.company_id = per.company_id and n.due_on between per.p_from and per.p_to
  ),
  ${placed("due_at", "due", "x.id", "due_on")},
  base as (
    select n.person_id, n.em_id as employment_id, n.company_id, n.due_on as ref_date,
           case when n.status in ('cancelled', 'rejected') then n.status
                when n.completed_on is null then 'open'
                when n.completed_on <= n.due_on then 'on_time'
                else 'late' end as kind,
           null::text as reason, null::int as other_company_id, n.id as enrolment_id
    from due_at n
    where ${inUnits(input, sql`n.due_on`, sql`n.em_id`)}
  )`;
}

export function ojtTrainersBase(input: PopulationInput): SQL {
  const once = input.perCompany ? sql`t.person_id, t.company_id` : sql`t.person_id`;
  return sql`firsts as (
    select distinct on (${once}) t.person_id, t.company_id, t.completed_on, per.p_from
    from per
    join training_records t on t.company_id = per.company_id and t.completed_on <= per.p_to
    join courses c on c.id = t.course_id and c.kind = 'ojt_trainer'
    order by ${once}, t.completed_on, t.id
  ),
  ${placed("firsts_at", "firsts", "x.person_id, x.company_id", "completed_on")},
  base as (
    select f.person_id, f.em_id as employment_id, f.company_id, f.completed_on as ref_date,
           case when f.completed_on >= f.p_from then 'in_year' else 'earlier' end as kind,
           null::text as reason, null::int as other_company_id
    from firsts_at f
    where ${inUnits(input, sql`f.completed_on`, sql`f.em_id`)}
  )`;
}

/** `trained` on a stock row `b`: training completed in the period at a company of the scope (or at its own company). */
export function trainedColumn(input: PopulationInput): SQL {
  const company = input.perCompany ? sql`and tp.company_id = b.company_id` : sql``;
  return sql`exists (
    select 1 from per tp join training_records tr on tr.company_id = tp.company_id
      and tr.completed_on between tp.p_from and tp.p_to
    where tr.person_id = b.person_id ${company}
  ) as trained`;
}
