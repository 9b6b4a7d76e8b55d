/**
 * Demo scouts (issue 7, matching), written last: after the careers demo (consents, recruiter accounts) and the
 * postings demo (postings, applications). Each open posting with skills gets up to three scouts from a recruiter
 * of its company to the opted-in people holding its lead skill (required first) highest above the asked level —
 * about a quarter declined, a sixth withdrawn by the recruiter, the rest unanswered — and about a quarter of the
 * applications by opted-in people came from a scout, accepted a few days before applying (linked to it).
 * Deterministic (ordered by level and person id; answers from md5 of ids and the seed), set-based, and cheap at
 * any scale (one index scan per posting, stopping after three). Without recruiters or postings it writes nothing.
 */
import type { Query } from "./write";

export async function writeScoutsDemo(query: Query, input: { today: string; seed: number }): Promise<number> {
  const seed = String(input.seed);
  const result = await query(
    `with recruiter as (
       select distinct on (r.company_id) r.company_id, r.user_id
       from user_roles r join users u on u.id = r.user_id
       where r.role = 'recruiter' and u.disabled_at is null
       order by r.company_id, r.user_id
     ),
     lead as (
       -- each open posting's first skill (required first, highest level): its holders are where scouts go
       select distinct on (ps.posting_id) ps.posting_id, ps.skill_id, ps.level
       from posting_skills ps join postings po on po.id = ps.posting_id
       where po.status = 'open'
       order by ps.posting_id, ps.required desc, ps.level desc, ps.skill_id
     ),
     chosen as (
       -- the best three holders of that skill who opted in for the company (an index scan stopping after three)
       select po.id as posting_id, pick.person_id, rc.user_id,
              ('x' || substr(md5(po.id || ':' || pick.person_id || ':' || $2), 1, 8))::bit(32)::int as h
       from lead
       join postings po on po.id = lead.posting_id
       join recruiter rc on rc.company_id = po.company_id
       cross join lateral (
         select l.person_id from person_skill_levels l
         where l.skill_id = lead.skill_id and l.any_level >= lead.level
           and exists (select 1 from scouting_consents c where c.person_id = l.person_id and c.withdrawn_at is null
                         and (c.all_companies or c.company_ids @> jsonb_build_array(po.company_id)))
           and exists (select 1 from assignments a where a.person_id = l.person_id and a.kind = 'primary'
                         and a.during @> $1::date and a.org_unit_id <> po.org_unit_id)
         order by l.any_level desc, l.person_id desc
         limit 3
       ) pick
     )
     insert into scouts (posting_id, person_id, recruiter_user_id, message, status, response_note, sent_at, responded_at)
     select posting_id, person_id, user_id,
            'Your experience fits this posting well. Would you like to talk? / ご経験がこの公募に合うと考えご連絡しました。一度お話ししませんか。',
            case when abs(h) % 12 < 3 then 'declined' when abs(h) % 12 < 5 then 'withdrawn' else 'sent' end,
            case when abs(h) % 12 < 3 then 'Not this year, thank you. / 今年は見送ります。' end,
            ($1::date - (abs(h) % 60) * interval '1 day' - interval '10 hours'),
            case when abs(h) % 12 < 5 then ($1::date - (abs(h) % 60) * interval '1 day' + interval '2 days') end
     from chosen
     order by posting_id, person_id
     returning id`,
    [input.today, seed],
  );
  // About a quarter of the applications by opted-in people came from a scout: accepted a few days before applying.
  await query(
    `with recruiter as (
       select distinct on (r.company_id) r.company_id, r.user_id
       from user_roles r join users u on u.id = r.user_id
       where r.role = 'recruiter' and u.disabled_at is null
       order by r.company_id, r.user_id
     ),
     chosen as (
       select a.id as application_id, a.posting_id, a.person_id, a.created_at, rc.user_id
       from applications a
       join postings po on po.id = a.posting_id
       join recruiter rc on rc.company_id = po.company_id
       where a.scout_id is null
         and ('x' || substr(md5(a.id || ':' || $1), 1, 8))::bit(32)::int % 4 = 0
         and exists (select 1 from scouting_consents c where c.person_id = a.person_id
                       and (c.all_companies or c.company_ids @> jsonb_build_array(po.company_id)))
         and not exists (select 1 from scouts s where s.posting_id = a.posting_id and s.person_id = a.person_id)
     ),
     made as (
       insert into scouts (posting_id, person_id, recruiter_user_id, message, status, sent_at, responded_at)
       select posting_id, person_id, user_id,
              'We think this posting suits you. / この公募はあなたに合うと考えご連絡しました。', 'accepted',
              created_at - interval '5 days', created_at
       from chosen order by application_id
       returning id, posting_id, person_id
     )
     update applications a set scout_id = made.id
     from made join chosen on chosen.posting_id = made.posting_id and chosen.person_id = made.person_id
     where a.id = chosen.application_id`,
    [seed],
  );
  return result.rows.length;
}
