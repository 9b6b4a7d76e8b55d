/**
 * The mobility figures from real applications: postings created and opened by HR, applications walked through
 * the workflow (apply → steps → release by the current manager → HR confirms with an effective date → moved on
 * that date by completeDueMoves), and the figures checked against numbers worked out by hand below.
 *
 * Calendar: every date sits in the fiscal years after the current one (FY = the current fiscal year + 2, so that
 * FY − 1 lies wholly in the future too and nothing depends on the day the test runs). HQ and SUB start their year
 * in April, US1 in January.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { today } from "../../shared/dates";
import { SYSTEM_ACTOR } from "../access/actor";
import { completeDueMoves } from "./application-release.service";
import {
  type CareerRole,
  type CareersClone,
  type CareersHarness,
  createCareersHarness,
} from "./careers.test-harness";
import { mobilityFigures } from "./mobility-figures.service";

const now = today();
const fyNow = Number(now.slice(5, 7)) >= 4 ? Number(now.slice(0, 4)) : Number(now.slice(0, 4)) - 1;
const FY = fyNow + 2;
/** A day of fiscal year `fy` of an April company: `apr(FY, 5, 1)` is 1 May of FY, `apr(FY, 2, 1)` is 1 Feb of FY+1. */
const apr = (fy: number, month: number, day: number) =>
  `${month >= 4 ? fy : fy + 1}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

describe.each(TEST_ENGINES)("mobility figures from real applications on %s", (engine) => {
  let h: CareersHarness;
  beforeAll(async () => {
    h = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function post(clone: CareersClone, role: CareerRole, url: string, body: unknown = {}) {
    const answer = await clone.call(role, "POST", url, body);
    expect(answer.status, `${url}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return answer.body;
  }

  async function openPosting(clone: CareersClone, role: CareerRole, body: Record<string, unknown>) {
    const posting = await post(clone, role, "/api/postings", {
      titleJa: "募集",
      descriptionJa: "説明",
      descriptionEn: "Description",
      positionId: null,
      skills: [],
      ...body,
    });
    await post(clone, role, `/api/postings/${posting.id}/open`);
    return posting.id as number;
  }

  /**
   * One application from apply to confirmation: the reviewer moves it through the company's steps until the
   * release is asked for, the current manager releases, HR confirms on `effectiveOn`.
   */
  async function walk(
    clone: CareersClone,
    who: { applicant: CareerRole; reviewer: CareerRole; releaser: CareerRole; confirmer: CareerRole },
    postingId: number,
    effectiveOn: string,
  ): Promise<number> {
    const application = await post(clone, who.applicant, `/api/postings/${postingId}/applications`, {
      motivation: "I would like to.",
    });
    for (let step = 0; step < 6; step++) {
      const advanced = await post(clone, who.reviewer, `/api/applications/${application.id}/advance`);
      if (advanced.awaitingRelease) break;
    }
    await post(clone, who.releaser, `/api/applications/${application.id}/release`);
    const confirmed = await post(clone, who.confirmer, `/api/applications/${application.id}/confirm`, {
      effectiveOn,
    });
    expect(confirmed).toMatchObject({ status: "confirmed", effectiveOn });
    return application.id as number;
  }

  it("counts moves, Select Job participants and people overseas per company and in total", {
    timeout: 120_000,
  }, async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { companies, units, people, positions } = h.fixture;
      // Managers on record for the release: Mana for Oto, Hana and Sam (Emi's already is); Hana for Mana.
      await db.execute(
        sql`update assignments set line_manager_person_id = ${people.mana}
            where person_id in (${people.oto}, ${people.hana}, ${people.sam})`,
      );
      await db.execute(
        sql`update assignments set line_manager_person_id = ${people.hana} where person_id = ${people.mana}`,
      );
      const hqHr = { reviewer: "hqHr", releaser: "manager", confirmer: "hqHr" } as const;

      // A. Emi: transfer to SALES (HQ), moved 1 May FY.
      const transfer = await openPosting(clone, "hqHr", {
        companyId: companies.hq,
        orgUnitId: units.sales,
        kind: "transfer",
        titleEn: "Corporate sales",
        positionId: positions.salesRep,
      });
      const a = await walk(clone, { applicant: "employee", ...hqHr }, transfer, apr(FY, 5, 1));
      // B. Oto: Select Job at DEV (HQ), 20% for 6 months from 1 April FY — moved in FY.
      const selectDev = await openPosting(clone, "hqHr", {
        companyId: companies.hq,
        orgUnitId: units.dev,
        kind: "side_assignment",
        titleEn: "Select Job: development",
        fteShare: 0.2,
        durationMonths: 6,
      });
      const b = await walk(clone, { applicant: "other", ...hqHr }, selectDev, apr(FY, 4, 1));
      // C. Hana: Select Job at DEV1 (HQ), 30% for 12 months from 1 October FY−1 — moved in FY−1, runs into FY.
      const selectDev1 = await openPosting(clone, "hqHr", {
        companyId: companies.hq,
        orgUnitId: units.dev1,
        kind: "side_assignment",
        titleEn: "Select Job: section 1",
        fteShare: 0.3,
        durationMonths: 12,
      });
      const c = await walk(clone, { applicant: "hqHr", ...hqHr }, selectDev1, apr(FY - 1, 10, 1));
      // D. Sam (SUB): HQ's young-talent program at US1, 24 months from 1 July FY−1 — abroad on FY's last day.
      //    Oto applies too and withdraws: not counted anywhere.
      const young = await openPosting(clone, "hqHr", {
        companyId: companies.hq,
        orgUnitId: units.usRoot,
        kind: "overseas",
        titleEn: "Young talent: US office",
        hostCompanyId: companies.us,
        overseasProgram: "young_talent",
        durationMonths: 24,
      });
      const withdrawn = await post(clone, "other", `/api/postings/${young}/applications`, {});
      await post(clone, "other", `/api/applications/${withdrawn.id}/withdraw`);
      const d = await walk(
        clone,
        { applicant: "subHr", reviewer: "hqHr", releaser: "manager", confirmer: "groupHr" },
        young,
        apr(FY - 1, 7, 1),
      );
      // E. Emi: SUB's mid-career program at US1, 6 months from 1 June FY (after her transfer) — back by 30 Nov.
      const mid = await openPosting(clone, "subHr", {
        companyId: companies.sub,
        orgUnitId: units.usRoot,
        kind: "overseas",
        titleEn: "Mid-career: US office",
        hostCompanyId: companies.us,
        overseasProgram: "mid_career",
        durationMonths: 6,
      });
      const e = await walk(
        clone,
        { applicant: "employee", reviewer: "subHr", releaser: "manager", confirmer: "groupHr" },
        mid,
        apr(FY, 6, 1),
      );
      // F. Mana: Select Job at SALES (HQ), 10% for 3 months from 1 February FY (next calendar year) — confirmed,
      //    not yet moved when the moves are run up to 31 December FY.
      const selectSales = await openPosting(clone, "hqHr", {
        companyId: companies.hq,
        orgUnitId: units.sales,
        kind: "side_assignment",
        titleEn: "Select Job: sales",
        fteShare: 0.1,
        durationMonths: 3,
      });
      const f = await walk(
        clone,
        { applicant: "manager", reviewer: "hqHr", releaser: "hqHr", confirmer: "hqHr" },
        selectSales,
        apr(FY, 2, 1),
      );

      // The effective dates come: everything up to 31 December FY moves, in date order; F waits.
      expect(await completeDueMoves(db, apr(FY - 1, 12, 31))).toEqual([d, c]);
      expect((await completeDueMoves(db, apr(FY, 12, 31))).sort((x, y) => x - y)).toEqual(
        [a, b, e].sort((x, y) => x - y),
      );
      const statuses = await clone.call("groupHr", "GET", `/api/applications/${f}`);
      expect(statuses.body.status).toBe("confirmed");

      const zero = {
        internalMoves: { total: 0, transfer: 0, side_assignment: 0, overseas: 0, project: 0 },
        selectJobParticipants: 0,
        overseasByProgram: { young_talent: 0, mid_career: 0, other: 0 },
      };
      // FY, seen after it ended.
      const after = await mobilityFigures(db, SYSTEM_ACTOR, { fy: FY }, { today: apr(FY + 1, 6, 1) });
      const byCode = Object.fromEntries(after.companies.map((row) => [row.company.code, row]));
      expect(Object.keys(byCode)).toEqual(["HQ", "SUB", "US1"]);
      expect(byCode.HQ!.period).toEqual({ from: apr(FY, 4, 1), to: apr(FY, 3, 31) });
      expect(byCode.US1!.period).toEqual({ from: `${FY}-01-01`, to: `${FY}-12-31` });
      // HQ: A (transfer) and B (Select Job) moved in FY; C, D moved in FY−1. Select Job: B, C (runs into FY),
      // F (confirmed, starts in FY). Abroad on 31 March FY+1: Sam (D, until 30 June FY+1).
      expect(byCode.HQ).toMatchObject({
        internalMoves: { total: 2, transfer: 1, side_assignment: 1, overseas: 0, project: 0 },
        selectJobParticipants: 3,
        overseasByProgram: { young_talent: 1, mid_career: 0, other: 0 },
      });
      // SUB: E moved in FY; Emi is back on 30 November, so not abroad on the last day.
      expect(byCode.SUB).toMatchObject({
        ...zero,
        internalMoves: { total: 1, transfer: 0, side_assignment: 0, overseas: 1, project: 0 },
      });
      expect(byCode.US1).toMatchObject(zero);
      expect(after.total).toMatchObject({
        internalMoves: { total: 3, transfer: 1, side_assignment: 1, overseas: 1, project: 0 },
        selectJobParticipants: 3,
        overseasByProgram: { young_talent: 1, mid_career: 0, other: 0 },
      });

      // FY−1: C (Select Job) and D (overseas) moved; Select Job: C only (B starts with FY); Sam abroad on 31 March FY.
      const before = await mobilityFigures(db, SYSTEM_ACTOR, { fy: FY - 1 }, { today: apr(FY + 1, 6, 1) });
      expect(before.total).toMatchObject({
        internalMoves: { total: 2, transfer: 0, side_assignment: 1, overseas: 1, project: 0 },
        selectJobParticipants: 1,
        overseasByProgram: { young_talent: 1, mid_career: 0, other: 0 },
      });

      // A year not over yet counts people abroad today: before Sam leaves (1 June FY−1) none, after (1 August) one.
      const early = await mobilityFigures(db, SYSTEM_ACTOR, { fy: FY - 1 }, { today: apr(FY - 1, 6, 1) });
      expect(early.total.overseasByProgram).toEqual({ young_talent: 0, mid_career: 0, other: 0 });
      const abroad = await mobilityFigures(db, SYSTEM_ACTOR, { fy: FY - 1 }, { today: apr(FY - 1, 8, 1) });
      expect(abroad.total.overseasByProgram).toEqual({ young_talent: 1, mid_career: 0, other: 0 });

      // Through the API: company HR sees their company only; another company's figures and employees are refused.
      const sub = await clone.call("subHr", "GET", `/api/mobility/figures?fy=${FY}`);
      expect(sub.status).toBe(200);
      expect(sub.body.companies.map((row: { company: { code: string } }) => row.company.code)).toEqual([
        "SUB",
      ]);
      expect(sub.body.total.internalMoves.overseas).toBe(1);
      const group = await clone.call("groupHr", "GET", `/api/mobility/figures?fy=${FY}`);
      expect(group.body.total.internalMoves).toEqual(after.total.internalMoves);
      expect(group.body.total.selectJobParticipants).toBe(3);
      expect(
        (await clone.call("subHr", "GET", `/api/mobility/figures?fy=${FY}&companyId=${companies.hq}`)).status,
      ).toBe(403);
      expect((await clone.call("manager", "GET", `/api/mobility/figures?fy=${FY}`)).status).toBe(403);
      expect((await clone.call("hqHr", "GET", "/api/mobility/figures?fy=1800")).body.fields[0].path).toBe(
        "fy",
      );
      expect((await clone.call("hqHr", "GET", "/api/mobility/figures")).body.fields[0].path).toBe("fy");
    } finally {
      await clone.close();
    }
  });
});
