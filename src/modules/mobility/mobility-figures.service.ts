/**
 * Mobility figures for a fiscal year, per company (each company's own fiscal year, see companies.
 * fiscal_year_start_month) and in total: internal moves through postings (applications that reached `moved`
 * with an effective date in the year, counted at the posting company, by kind), Select Job participants (people
 * whose side-assignment application was confirmed or moved and whose period overlaps the year), people overseas
 * by program (on the year's last day, or today when earlier), scouts sent in the year and their answers, and the
 * share of career reports submitted in the year's cycle (submitted ÷ people employed on its due date).
 * Readable by group HR (every company) and company HR (their companies). `options.today` is the day the
 * overseas count falls back to for a year not over yet (tests pass their own calendar; default: today).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type {
  MobilityFigures,
  MobilityFiguresQuery,
  MobilityFiguresResponse,
} from "../../shared/matching-api";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";

interface Row {
  companyId: number;
  code: string;
  nameJa: string;
  nameEn: string;
  fromDay: string;
  toDay: string;
  moved: number;
  movedTransfer: number;
  movedSide: number;
  movedOverseas: number;
  movedProject: number;
  selectJob: number;
  overseasYoung: number;
  overseasMid: number;
  overseasOther: number;
  scoutsSent: number;
  scoutsAccepted: number;
  scoutsDeclined: number;
  expected: number;
  submitted: number;
}

const int = (value: unknown) => Number(value ?? 0);

export async function mobilityFigures(
  db: Db,
  actor: Actor,
  query: MobilityFiguresQuery,
  options: { today?: string } = {},
): Promise<MobilityFiguresResponse> {
  const all = actor.kind === "system" || actor.isGroupHr;
  assert(all || actor.hrCompanyIds.length > 0, "Mobility figures are for group HR and company HR.");
  if (query.companyId !== undefined && !all && !actor.hrCompanyIds.includes(query.companyId))
    throw new AppError("FORBIDDEN", { message: `You are not HR of company ${query.companyId}.` });
  const scope =
    query.companyId !== undefined
      ? sql`c.id = ${query.companyId}`
      : all
        ? sql`true`
        : sql`c.id = any(${`{${actor.kind === "user" ? actor.hrCompanyIds.join(",") : ""}}`}::int[])`;
  const day = options.today ?? today();
  const rows = await queryRows<Row>(
    db,
    sql`with fy as (
          select c.id, c.code, c.name_ja, c.name_en,
                 make_date(${query.fy}, c.fiscal_year_start_month, 1) as from_day,
                 (make_date(${query.fy} + 1, c.fiscal_year_start_month, 1) - 1) as to_day
          from companies c where ${scope}
        )
        select fy.id as "companyId", fy.code, fy.name_ja as "nameJa", fy.name_en as "nameEn",
               fy.from_day::text as "fromDay", fy.to_day::text as "toDay",
               m.moved, m.moved_transfer as "movedTransfer", m.moved_side as "movedSide",
               m.moved_overseas as "movedOverseas", m.moved_project as "movedProject",
               sj.n as "selectJob", o.young as "overseasYoung", o.mid as "overseasMid", o.other as "overseasOther",
               s.sent as "scoutsSent", s.accepted as "scoutsAccepted", s.declined as "scoutsDeclined",
               cr.expected, cr.submitted
        from fy
        cross join lateral (
          select count(*)::int as moved,
                 count(*) filter (where po.kind = 'transfer')::int as moved_transfer,
                 count(*) filter (where po.kind = 'side_assignment')::int as moved_side,
                 count(*) filter (where po.kind = 'overseas')::int as moved_overseas,
                 count(*) filter (where po.kind = 'project')::int as moved_project
          from applications a join postings po on po.id = a.posting_id
          where po.company_id = fy.id and a.status = 'moved' and a.effective_on between fy.from_day and fy.to_day
        ) m
        cross join lateral (
          select count(distinct a.person_id)::int as n
          from applications a join postings po on po.id = a.posting_id
          where po.company_id = fy.id and po.kind = 'side_assignment' and a.status in ('confirmed', 'moved')
            and a.effective_on <= fy.to_day and coalesce(a.ends_on, fy.to_day) >= fy.from_day
        ) sj
        cross join lateral (
          select count(distinct a.person_id) filter (where po.overseas_program = 'young_talent')::int as young,
                 count(distinct a.person_id) filter (where po.overseas_program = 'mid_career')::int as mid,
                 count(distinct a.person_id) filter (where po.overseas_program is null)::int as other
          from applications a join postings po on po.id = a.posting_id
          where po.company_id = fy.id and po.kind = 'overseas' and a.status in ('confirmed', 'moved')
            and a.effective_on <= least(fy.to_day, ${day}::date)
            and coalesce(a.ends_on, fy.to_day) >= least(fy.to_day, ${day}::date)
        ) o
        cross join lateral (
          select count(*)::int as sent,
                 count(*) filter (where sc.status = 'accepted')::int as accepted,
                 count(*) filter (where sc.status = 'declined')::int as declined
          from scouts sc join postings po on po.id = sc.posting_id
          where po.company_id = fy.id and sc.sent_at >= fy.from_day and sc.sent_at < fy.to_day + 1
        ) s
        cross join lateral (
          select coalesce(sum((select count(distinct e.person_id) from employments e
                               where e.company_id = cy.company_id and e.hire_date <= cy.due_on
                                 and (e.termination_date is null or e.termination_date >= cy.due_on))), 0)::int as expected,
                 coalesce(sum((select count(*) from career_reports r
                               where r.cycle_id = cy.id and r.status in ('submitted', 'commented'))), 0)::int as submitted
          from career_report_cycles cy where cy.company_id = fy.id and cy.fiscal_year = ${query.fy}
        ) cr
        order by fy.code, fy.id`,
  );
  const figures = (
    r: Omit<Row, "companyId" | "code" | "nameJa" | "nameEn" | "fromDay" | "toDay">,
  ): MobilityFigures => ({
    internalMoves: {
      total: int(r.moved),
      transfer: int(r.movedTransfer),
      side_assignment: int(r.movedSide),
      overseas: int(r.movedOverseas),
      project: int(r.movedProject),
    },
    selectJobParticipants: int(r.selectJob),
    overseasByProgram: {
      young_talent: int(r.overseasYoung),
      mid_career: int(r.overseasMid),
      other: int(r.overseasOther),
    },
    scouts: { sent: int(r.scoutsSent), accepted: int(r.scoutsAccepted), declined: int(r.scoutsDeclined) },
    careerReports: {
      expected: int(r.expected),
      submitted: int(r.submitted),
      share: int(r.expected) === 0 ? null : Math.round((10000 * int(r.submitted)) / int(r.expected)) / 10000,
    },
  });
  const keys = [
    "moved",
    "movedTransfer",
    "movedSide",
    "movedOverseas",
    "movedProject",
    "selectJob",
    "overseasYoung",
    "overseasMid",
    "overseasOther",
    "scoutsSent",
    "scoutsAccepted",
    "scoutsDeclined",
    "expected",
    "submitted",
  ] as const;
  const sum = Object.fromEntries(keys.map((k) => [k, rows.reduce((acc, r) => acc + int(r[k]), 0)])) as Record<
    (typeof keys)[number],
    number
  >;
  return {
    fiscalYear: query.fy,
    total: figures(sum),
    companies: rows.map((r) => ({
      ...figures(r),
      company: { id: r.companyId, code: r.code, name: { ja: r.nameJa, en: r.nameEn } },
      period: { from: r.fromDay, to: r.toDay },
    })),
  };
}
