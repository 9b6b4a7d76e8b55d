/**
 * Demo careers data (issue 7, helper M1), set-based and deterministic (md5 of ids and the seed):
 * - a recruiter account for the parent company (recruiter@demo.tekizai.dev, the demo password);
 * - work-history records: one entry per primary assignment (source 'assignment'), plus a project entry with
 *   achievements for about a quarter of the people;
 * - scouting consents for about 35% of the active people (a few withdrawn and given again, some limited to
 *   their own company);
 * - career-report cycles per company for the last three fiscal years (closed) and the current one (open), and
 *   reports: about 75% submitted in past years (most commented by the manager at submission), about 40% so far
 *   in the current one — never for the demo logins, so they can write theirs.
 */
import type { Query } from "./write";

const h = (expr: string) => `('x' || substr(md5(${expr}), 1, 8))::bit(32)::int`;

export async function writeCareersDemo(query: Query, input: { today: string; seed: number }): Promise<void> {
  const seed = String(input.seed);
  const today = input.today;

  // Recruiter of the parent company (same password hash as the other demo logins).
  await query(
    `with parent as (select id from companies where parent_company_id is null order by id limit 1),
          hash as (select password_hash from users order by id limit 1),
          u as (
            insert into users (email, display_name, password_hash, locale)
            select 'recruiter@demo.tekizai.dev', '採用 担当 (Recruiter)', password_hash, 'ja' from hash
            returning id
          )
     insert into user_roles (user_id, role, company_id) select u.id, 'recruiter', parent.id from u, parent`,
  );

  // Work history from Tekizai's own assignment history.
  await query(
    `insert into work_history_entries (person_id, period_from, period_to, organisation, role, source, assignment_id)
     select a.person_id, a.valid_from, a.valid_to,
            left(c.name_ja || ' ' || coalesce(v.name_ja, '') || ' / ' || c.name_en || ' ' || coalesce(v.name_en, ''), 200),
            left(coalesce(pos.name_ja || ' / ' || pos.name_en, g.name_ja || ' / ' || g.name_en, '所属 / Member'), 200),
            'assignment', a.id
     from assignments a
     join companies c on c.id = a.company_id
     left join lateral (select name_ja, name_en from org_unit_versions
                        where org_unit_id = a.org_unit_id and during @> a.valid_from
                        order by valid_from desc limit 1) v on true
     left join positions pos on pos.id = a.position_id
     left join grades g on g.id = a.grade_id
     where a.kind = 'primary'
     order by a.id`,
  );
  const projects = [
    [
      "基幹システム刷新プロジェクト / Core system renewal",
      "プロジェクトリーダー / Project lead",
      "Led a team of 8; cut batch time by 40%. 8名のチームを率い、バッチ処理時間を40%短縮。",
    ],
    [
      "海外販売拠点立ち上げ / New overseas sales office",
      "立ち上げメンバー / Launch member",
      "Opened the Singapore office; first-year sales target met. シンガポール拠点を開設し初年度目標を達成。",
    ],
    [
      "品質改善活動 / Quality improvement",
      "リーダー / Lead",
      "Defect rate halved across two plants. 2工場で不良率を半減。",
    ],
    [
      "新卒採用プロジェクト / Graduate recruiting",
      "面接官・企画 / Interviewer and planner",
      "Redesigned internships; offers accepted up 15%. インターンを刷新し内定承諾率15%向上。",
    ],
    [
      "データ活用推進 / Data analytics programme",
      "アナリスト / Analyst",
      "Built the sales dashboard used by 300 people. 300名が使う営業ダッシュボードを構築。",
    ],
  ];
  await query(
    `with people as (
       select distinct on (a.person_id) a.person_id, a.valid_from, ${h(`a.person_id || ':wh:' || $2`)} as x
       from assignments a where a.kind = 'primary' and a.during @> $1::date
       order by a.person_id, a.valid_from desc, a.id desc
     ), p as (select * from jsonb_to_recordset($3::jsonb) as p(i int, org text, role text, ach text))
     insert into work_history_entries (person_id, period_from, period_to, organisation, role, achievements, source)
     select people.person_id, $1::date - 900, $1::date - 300, p.org, p.role, p.ach, 'self'
     from people join p on p.i = abs(people.x) % 5
     where abs(people.x) % 100 < 25 and people.valid_from <= $1::date - 900
     order by people.person_id`,
    [today, seed, JSON.stringify(projects.map(([org, role, ach], i) => ({ i, org, role, ach })))],
  );

  // Scouting consents: ~35% of active people; some to their own company only; ~5% withdrew an earlier one.
  await query(
    `with people as (
       select distinct on (a.person_id) a.person_id, a.company_id, ${h(`a.person_id || ':consent:' || $2`)} as x
       from assignments a where a.kind = 'primary' and a.during @> $1::date
         and not exists (select 1 from users u where u.person_id = a.person_id)
       order by a.person_id, a.valid_from desc, a.id desc
     ), earlier as (
       insert into scouting_consents (person_id, all_companies, granted_at, withdrawn_at)
       select person_id, true, $1::date - 400, $1::date - 200 from people where abs(x) % 100 < 5
     )
     insert into scouting_consents (person_id, all_companies, company_ids, granted_at)
     select person_id, abs(x) % 3 <> 0,
            case when abs(x) % 3 = 0 then jsonb_build_array(company_id) else '[]'::jsonb end,
            $1::date - (abs(x) % 300)
     from people where abs(x) % 100 < 35
     order by person_id`,
    [today, seed],
  );

  // Cycles: the last three fiscal years (closed) and the current one (open, due in a month).
  await query(
    `with fy as (
       select c.id as company_id, c.fiscal_year_start_month as m,
              extract(year from $1::date)::int - case when extract(month from $1::date) < c.fiscal_year_start_month then 1 else 0 end as current
       from companies c
     )
     insert into career_report_cycles (company_id, fiscal_year, opens_on, due_on, status)
     select company_id, current - k,
            (case when k = 0 then $1::date - 14 else make_date(current - k, m, 1) + interval '6 months' end)::date,
            (case when k = 0 then $1::date + 30 else make_date(current - k, m, 1) + interval '7 months' end)::date,
            case when k = 0 then 'open' else 'closed' end
     from fy cross join generate_series(0, 3) k
     order by company_id, k`,
    [today],
  );

  // Reports of the people employed at the company when each cycle opened.
  await query(
    `with expected as (
       select cy.id as cycle_id, cy.company_id, cy.status as cycle_status, cy.opens_on, cy.due_on,
              a.person_id, a.line_manager_person_id,
              ${h(`cy.id || ':' || a.person_id || ':' || $2`)} as x
       from career_report_cycles cy
       join lateral (
         select distinct on (person_id) person_id, line_manager_person_id from assignments
         where company_id = cy.company_id and kind = 'primary' and during @> cy.opens_on
         order by person_id, valid_from desc, id desc
       ) a on true
       where not exists (select 1 from users u where u.person_id = a.person_id and cy.status = 'open')
     )
     insert into career_reports (cycle_id, company_id, person_id, status, reflection, vision, desired_locations,
                                 move_timing, wants_transfer, open_to_overseas, manager_person_id, manager_comment,
                                 manager_commented_at, submitted_at, created_at, updated_at)
     select cycle_id, company_id, person_id,
            case when line_manager_person_id is not null and cycle_status = 'closed' and abs(x) % 10 < 7 then 'commented' else 'submitted' end,
            (array['担当業務を着実に遂行し、後輩の育成にも取り組んだ。 / Delivered my projects and mentored two juniors.',
                   '新しい顧客層を開拓した。 / Opened up a new customer segment.',
                   '業務改善で残業を減らした。 / Cut overtime through process improvements.'])[1 + abs(x) % 3],
            (array['専門性を高めてチームを率いたい。 / Grow my expertise and lead a team.',
                   '海外で事業の立ち上げに関わりたい。 / Help launch a business overseas.',
                   '企画職に挑戦したい。 / Try a planning role.',
                   '現在の仕事を深めたい。 / Go deeper in my current job.'])[1 + abs(x / 7) % 4],
            case abs(x / 11) % 5 when 0 then '["東京"]'::jsonb when 1 then '["Osaka", "大阪"]'::jsonb
                 when 2 then '["Singapore"]'::jsonb else '[]'::jsonb end,
            (array['within_1y', 'within_3y', 'later', 'no_wish', 'no_wish'])[1 + abs(x / 13) % 5],
            abs(x / 17) % 4 = 0,
            abs(x / 19) % 5 = 0,
            line_manager_person_id,
            case when line_manager_person_id is not null and cycle_status = 'closed' and abs(x) % 10 < 7
                 then 'よく頑張りました。希望を踏まえて検討します。 / Well done; we will consider your wishes.' end,
            case when line_manager_person_id is not null and cycle_status = 'closed' and abs(x) % 10 < 7
                 then least(due_on, $1::date) + interval '10 days' end,
            opens_on + (abs(x) % 20) * interval '1 day',
            opens_on, opens_on
     from expected
     where abs(x) % 100 < case when cycle_status = 'open' then 40 else 75 end
     order by cycle_id, person_id`,
    [today, seed],
  );
}
