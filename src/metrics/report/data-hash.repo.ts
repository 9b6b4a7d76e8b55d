/**
 * A content hash of the records a report was computed from: the employments, primary assignments, persons,
 * disability records, grades, companies, group applications, training records (in the window, and OJT trainer
 * trainings before it: the cumulative count) and mandatory enrolments due in the window that can reach its figures — those of the scope's companies whose
 * dates touch the report's window (plus 31 days for the links between employments), and the other employments
 * of the same people. A back-dated correction inside the window changes the hash; records added after the
 * window (a hire next year) do not.
 *
 * Per table: the row count and the sum of a 60-bit slice of each row's md5 (order-free, computed in one pass);
 * the final SHA-256 over those is taken in TypeScript. It detects corrections; it is not a signature.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { intArray, LINK_WINDOW_DAYS } from "../engine/populations";

const slice = (row: ReturnType<typeof sql>) =>
  sql`('x' || substr(md5(${row}::text), 1, 15))::bit(60)::bigint`;

export async function sourceDataHash(
  db: Db,
  companyIds: readonly number[],
  from: string,
  to: string,
): Promise<string> {
  const ids = intArray(companyIds);
  const rows = await queryRows<{ part: string; n: number; total: string }>(
    db,
    sql`with
      scoped as (
        select e.id, e.person_id from employments e
        where e.company_id = any(${ids}) and e.hire_date <= ${to}::date + ${LINK_WINDOW_DAYS}::int
          and (e.termination_date is null or e.termination_date >= ${from}::date - ${LINK_WINDOW_DAYS}::int)
      ),
      people as (select distinct person_id from scoped),
      emp as (
        select e.* from employments e join people p on p.person_id = e.person_id
        where e.hire_date <= ${to}::date + ${LINK_WINDOW_DAYS}::int
          and (e.termination_date is null or e.termination_date >= ${from}::date - ${LINK_WINDOW_DAYS}::int)
      )
      select 'employments' as part, count(*)::int as n,
             coalesce(sum(${slice(sql`row(e.id, e.person_id, e.company_id, e.hire_date, e.termination_date, e.termination_reason, e.employment_type, e.weekly_hours)`)}), 0)::text as total
      from emp e
      union all
      select 'assignments', count(*)::int,
             coalesce(sum(${slice(sql`row(a.id, a.employment_id, a.kind, a.org_unit_id, a.grade_id, a.valid_from, a.valid_to)`)}), 0)::text
      from assignments a join scoped s on s.id = a.employment_id
      where a.kind = 'primary' and a.valid_from <= ${to}::date and (a.valid_to is null or a.valid_to >= ${from}::date)
      union all
      select 'persons', count(*)::int, coalesce(sum(${slice(sql`row(p.id, p.gender, p.birth_date)`)}), 0)::text
      from persons p join people x on x.person_id = p.id
      union all
      select 'person_sensitive', count(*)::int,
             coalesce(sum(${slice(sql`row(s.person_id, s.disability_category, s.disability_severe)`)}), 0)::text
      from person_sensitive s join people x on x.person_id = s.person_id
      union all
      select 'grades', count(*)::int, coalesce(sum(${slice(sql`row(g.id, g.company_id, g.is_manager_level, g.is_executive)`)}), 0)::text
      from grades g where g.company_id = any(${ids})
      union all
      select 'companies', count(*)::int,
             coalesce(sum(${slice(sql`row(c.id, c.is_domestic, c.country, c.fiscal_year_start_month)`)}), 0)::text
      from companies c
      union all
      select 'group_applications', count(*)::int,
             coalesce(sum(${slice(sql`row(a.id, a.parent_company_id, a.valid_from, a.valid_to, array(select m.company_id from disability_group_application_members m where m.application_id = a.id order by m.company_id))`)}), 0)::text
      from disability_group_applications a
      union all
      select 'training_records', count(*)::int,
             coalesce(sum(${slice(sql`row(t.id, t.person_id, t.company_id, t.course_id, t.enrolment_id, t.completed_on, t.days, t.hours)`)}), 0)::text
      from training_records t
      where t.company_id = any(${ids}) and t.completed_on <= ${to}::date
        and (t.completed_on >= ${from}::date
             or t.course_id in (select c.id from courses c where c.kind = 'ojt_trainer'))
      union all
      select 'enrolments', count(*)::int,
             coalesce(sum(${slice(sql`row(n.id, n.person_id, n.company_id, n.status, n.due_on)`)}), 0)::text
      from enrolments n
      where n.company_id = any(${ids}) and n.due_on between ${from}::date and ${to}::date
      order by 1`,
  );
  const hash = createHash("sha256");
  for (const row of rows) hash.update(`${row.part}:${Number(row.n)}:${row.total}\n`);
  return hash.digest("hex");
}
