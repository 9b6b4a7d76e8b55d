import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { addDays, today } from "../../shared/dates";
import { SYSTEM_ACTOR } from "../access/actor";
import { type Clone, createHarness, type Harness } from "../skills/test-harness";
import { completeDueMoves } from "./application-release.service";
import { periodEnd } from "./moves.rules";
import { scheduleMove } from "./moves.service";

const TABLES = [
  "postings",
  "posting_skills",
  "applications",
  "application_events",
  "assignments",
  "employments",
];
const counts = async (db: Db) => Promise.all(TABLES.map((table) => countRows(db, table)));

async function assignmentsOf(db: Db, personId: number) {
  return queryRows<{
    kind: string;
    orgUnitId: number;
    companyId: number;
    fte: number;
    validFrom: string;
    validTo: string | null;
  }>(
    db,
    sql`select kind, org_unit_id as "orgUnitId", company_id as "companyId", fte::float8 as fte,
               valid_from::text as "validFrom", valid_to::text as "validTo"
        from assignments where person_id = ${personId} order by valid_from, id`,
  );
}

async function notificationKinds(db: Db, email: string): Promise<string[]> {
  const rows = await queryRows<{ kind: string }>(
    db,
    sql`select n.kind from notifications n join users u on u.id = n.recipient_user_id where u.email = ${email} order by n.id`,
  );
  return rows.map((row) => row.kind);
}

describe.each(TEST_ENGINES)("postings, applications and moves on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const transferPosting = () => ({
    companyId: harness.fixture.companies.hq,
    orgUnitId: harness.fixture.units.sales,
    kind: "transfer",
    titleJa: "法人営業",
    titleEn: "Corporate sales",
    descriptionJa: "法人営業の担当者を募集します。",
    descriptionEn: "We look for a corporate account manager.",
    positionId: harness.fixture.positions.salesRep,
    skills: [{ skillId: harness.fixture.skills.persuasion, level: 3, required: true }],
  });

  async function openPosting(
    clone: Clone,
    body: Record<string, unknown>,
    role: "hqHr" | "subHr" | "groupHr" = "hqHr",
  ) {
    const created = await clone.call(role, "POST", "/api/postings", body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const opened = await clone.call(role, "POST", `/api/postings/${created.body.id}/open`);
    expect(opened.status).toBe(200);
    return created.body.id as number;
  }

  it("refuses bad postings with the fields named, writing nothing; only HR of the company may create", async () => {
    const clone = await harness.clone();
    try {
      const { companies, units, skills } = harness.fixture;
      const before = await counts(clone.database.db);
      const bad = await clone.call("hqHr", "POST", "/api/postings", {
        ...transferPosting(),
        kind: "side_assignment",
        orgUnitId: units.subRoot,
        fteShare: null,
        hostCompanyId: companies.us,
        eligibility: { gradeRanks: { min: 5, max: 1 }, companyIds: [999_999] },
        skills: [
          { skillId: skills.persuasion, level: 3, required: true },
          { skillId: skills.persuasion, level: 2, required: false },
          { skillId: 777_777, level: 2, required: false },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(
        [
          "durationMonths",
          "eligibility.companyIds.0",
          "eligibility.gradeRanks.max",
          "fteShare",
          "hostCompanyId",
          "orgUnitId",
          "positionId",
          "skills.1.skillId",
          "skills.2.skillId",
        ].sort(),
      );
      const overseasWithoutHost = await clone.call("hqHr", "POST", "/api/postings", {
        ...transferPosting(),
        kind: "overseas",
        durationMonths: 24,
      });
      expect(overseasWithoutHost.status).toBe(400);
      expect(overseasWithoutHost.body.fields.map((f: { path: string }) => f.path)).toEqual(
        expect.arrayContaining(["hostCompanyId", "overseasProgram"]),
      );
      for (const role of ["employee", "manager", "subHr"] as const)
        expect((await clone.call(role, "POST", "/api/postings", transferPosting())).status).toBe(403);
      expect(await counts(clone.database.db)).toEqual(before);

      const id = await openPosting(clone, transferPosting());
      expect((await clone.call("employee", "PATCH", `/api/postings/${id}`, { titleEn: "x" })).status).toBe(
        403,
      );
      expect((await clone.call("subHr", "POST", `/api/postings/${id}/close`)).status).toBe(403);
      const edited = await clone.call("groupHr", "PATCH", `/api/postings/${id}`, {
        titleEn: "Key account sales",
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        title: { en: "Key account sales" },
        status: "open",
        canManage: true,
      });
      const board = await clone.call("other", "GET", "/api/postings?kind=transfer");
      expect(board.body.items.map((p: { id: number }) => p.id)).toEqual([id]);
      expect(board.body.items[0]).toMatchObject({ applicationCount: null, canManage: false });
      expect(board.body.items[0].skills).toEqual([
        expect.objectContaining({ skillId: skills.persuasion, level: 3, required: true }),
      ]);
    } finally {
      await clone.close();
    }
  });

  it("walks a transfer from application to the move; the manager learns only at the release step", async () => {
    const clone = await harness.clone();
    try {
      const { people, units } = harness.fixture;
      const db = clone.database.db;
      const id = await openPosting(clone, transferPosting());
      const applied = await clone.call("employee", "POST", `/api/postings/${id}/applications`, {
        motivation: "I want to work with customers.",
      });
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      const appId = applied.body.id as number;
      expect(applied.body).toMatchObject({
        status: "applied",
        nextStep: "in_review",
        can: { withdraw: true, advance: false },
      });

      // applying twice: a clear conflict, nothing written
      const before = await counts(db);
      const twice = await clone.call("employee", "POST", `/api/postings/${id}/applications`, {
        motivation: "",
      });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toContain(`application ${appId}`);
      expect(await counts(db)).toEqual(before);

      // the manager knows nothing yet
      expect((await clone.call("manager", "GET", `/api/applications/${appId}`)).status).toBe(404);
      expect((await clone.call("manager", "GET", "/api/applications?view=release")).body.items).toEqual([]);
      expect(await notificationKinds(db, "manager@fixture.test")).toEqual([]);
      expect(await notificationKinds(db, "hq-hr@fixture.test")).toEqual(["mobility.application.received"]);
      // the applicant may not move their own application on
      expect((await clone.call("employee", "POST", `/api/applications/${appId}/advance`, {})).status).toBe(
        403,
      );

      for (const status of ["in_review", "interviewing", "offered"]) {
        const step = await clone.call("hqHr", "POST", `/api/applications/${appId}/advance`, { note: status });
        expect(step.status).toBe(200);
        expect(step.body.status).toBe(status);
      }
      const requested = await clone.call("hqHr", "POST", `/api/applications/${appId}/advance`, {});
      expect(requested.body).toMatchObject({
        status: "offered",
        awaitingRelease: true,
        nextStep: "released",
      });
      expect(requested.body.releasingManager.personId).toBe(people.mana);
      expect(await notificationKinds(db, "manager@fixture.test")).toEqual([
        "mobility.application.release_requested",
      ]);

      const queue = await clone.call("manager", "GET", "/api/applications?view=release");
      expect(queue.body.items).toHaveLength(1);
      expect(queue.body.items[0]).toMatchObject({ id: appId, motivation: null, can: { release: true } });

      // a release by someone who is not the manager
      const byHr = await clone.call("hqHr", "POST", `/api/applications/${appId}/release`, {});
      expect(byHr.status).toBe(403);
      expect(byHr.body.message).toContain("current manager");
      expect((await clone.call("other", "POST", `/api/applications/${appId}/release`, {})).status).toBe(404);
      // a share of time on a transfer
      expect(
        (await clone.call("manager", "POST", `/api/applications/${appId}/release`, { approvedFteShare: 0.2 }))
          .status,
      ).toBe(400);
      const released = await clone.call("manager", "POST", `/api/applications/${appId}/release`, {
        note: "Good luck",
      });
      expect(released.status).toBe(200);
      expect(released.body.status).toBe("released");

      // confirmation: not by the manager, not in the past; nothing written when refused
      const day = today();
      const beforeConfirm = await counts(db);
      expect(
        (
          await clone.call("manager", "POST", `/api/applications/${appId}/confirm`, {
            effectiveOn: addDays(day, 10),
          })
        ).status,
      ).toBe(403);
      const past = await clone.call("hqHr", "POST", `/api/applications/${appId}/confirm`, {
        effectiveOn: addDays(day, -1),
      });
      expect(past.status).toBe(400);
      expect(past.body.fields).toEqual([
        { path: "effectiveOn", message: `must not be in the past (today is ${day})` },
      ]);
      expect(await counts(db)).toEqual(beforeConfirm);

      const effectiveOn = addDays(day, 10);
      const confirmed = await clone.call("hqHr", "POST", `/api/applications/${appId}/confirm`, {
        effectiveOn,
      });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body).toMatchObject({ status: "confirmed", effectiveOn, endsOn: null });
      const rows = await assignmentsOf(db, people.emi);
      expect(rows).toEqual([
        expect.objectContaining({
          kind: "primary",
          orgUnitId: units.dev1,
          validTo: addDays(effectiveOn, -1),
        }),
        expect.objectContaining({
          kind: "primary",
          orgUnitId: units.sales,
          validFrom: effectiveOn,
          validTo: null,
        }),
      ]);
      // the person is in the new unit on the effective date (org chart as of that day)
      const members = await clone.call(
        "groupHr",
        "GET",
        `/api/org-units/${units.sales}/members?asOf=${effectiveOn}`,
      );
      if (members.status === 200) expect(JSON.stringify(members.body)).toContain(`"id":${people.emi}`);

      expect(await completeDueMoves(db, addDays(effectiveOn, -1))).toEqual([]);
      expect(await completeDueMoves(db, effectiveOn)).toEqual([appId]);
      expect(await completeDueMoves(db, effectiveOn)).toEqual([]);
      const moved = await clone.call("employee", "GET", `/api/applications/${appId}`);
      expect(moved.body.status).toBe("moved");
      expect(
        moved.body.events.map((e: { toStatus: string; marker: string | null }) => e.marker ?? e.toStatus),
      ).toEqual([
        "applied",
        "in_review",
        "interviewing",
        "offered",
        "release_requested",
        "released",
        "confirmed",
        "moved",
      ]);
      expect(await notificationKinds(db, "employee@fixture.test")).toContain("mobility.application.moved");
      const audits = await queryRows<{ action: string }>(
        db,
        sql`select action from audit_log where entity = 'application' and entity_id = ${String(appId)} order by id`,
      );
      expect(audits.map((a) => a.action)).toContain("mobility.application.confirm");
    } finally {
      await clone.close();
    }
  });

  it("refuses closed postings and ineligible applicants with clear errors, writing nothing", async () => {
    const clone = await harness.clone();
    try {
      const db = clone.database.db;
      const id = await openPosting(clone, { ...transferPosting(), eligibility: { minTenureMonths: 600 } });
      const sameUnit = await openPosting(clone, transferPosting());
      const before = await counts(db);
      const ineligible = await clone.call("employee", "POST", `/api/postings/${id}/applications`, {});
      expect(ineligible.status).toBe(400);
      expect(ineligible.body.fields[0].message).toMatch(/needs at least 600 months in the group/);
      const detail = await clone.call("employee", "GET", `/api/postings/${id}`);
      expect(detail.body.ineligible.map((r: { code: string }) => r.code)).toEqual(["tenure"]);
      // Oto already works in SALES
      expect((await clone.call("other", "POST", `/api/postings/${sameUnit}/applications`, {})).status).toBe(
        400,
      );
      expect((await clone.call("hqHr", "POST", `/api/postings/${sameUnit}/close`)).status).toBe(200);
      const closed = await clone.call("employee", "POST", `/api/postings/${sameUnit}/applications`, {});
      expect(closed.status).toBe(400);
      expect(closed.body.fields[0].message).toContain("closed");
      expect(await counts(db)).toEqual(before);
    } finally {
      await clone.close();
    }
  });

  it("walks a Select Job side assignment: the manager approves the share; over 100% FTE is refused", async () => {
    const clone = await harness.clone();
    try {
      const { companies, people, units } = harness.fixture;
      const db = clone.database.db;
      // a company workflow without optional steps: applied → release → confirmation
      const settings = await clone.call("hqHr", "PUT", `/api/mobility/settings/${companies.hq}`, {
        applicationSteps: [],
      });
      expect(settings.body).toEqual({ companyId: companies.hq, applicationSteps: [] });
      expect(
        (await clone.call("subHr", "PUT", `/api/mobility/settings/${companies.hq}`, { applicationSteps: [] }))
          .status,
      ).toBe(403);
      const side = {
        ...transferPosting(),
        kind: "side_assignment",
        fteShare: 0.2,
        durationMonths: 6,
        titleEn: "Select Job: sales",
      };
      const id = await openPosting(clone, side);
      const appId = (await clone.call("employee", "POST", `/api/postings/${id}/applications`, {})).body.id;
      const requested = await clone.call("hqHr", "POST", `/api/applications/${appId}/advance`, {});
      expect(requested.body).toMatchObject({ status: "applied", awaitingRelease: true });
      expect(
        (await clone.call("manager", "POST", `/api/applications/${appId}/release`, { approvedFteShare: 0.5 }))
          .status,
      ).toBe(400);
      const released = await clone.call("manager", "POST", `/api/applications/${appId}/release`, {
        approvedFteShare: 0.2,
      });
      expect(released.body).toMatchObject({ status: "released", approvedFteShare: 0.2 });
      const effectiveOn = addDays(today(), 1);
      const confirmed = await clone.call("hqHr", "POST", `/api/applications/${appId}/confirm`, {
        effectiveOn,
      });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      const endsOn = periodEnd(effectiveOn, 6);
      expect(confirmed.body).toMatchObject({ status: "confirmed", effectiveOn, endsOn });
      const rows = await assignmentsOf(db, people.emi);
      expect(rows).toEqual([
        expect.objectContaining({ kind: "primary", orgUnitId: units.dev1, fte: 1, validTo: today() }),
        expect.objectContaining({
          kind: "primary",
          orgUnitId: units.dev1,
          fte: 0.8,
          validFrom: effectiveOn,
          validTo: endsOn,
        }),
        expect.objectContaining({
          kind: "secondary",
          orgUnitId: units.sales,
          fte: 0.2,
          validFrom: effectiveOn,
          validTo: endsOn,
        }),
        expect.objectContaining({
          kind: "primary",
          orgUnitId: units.dev1,
          fte: 1,
          validFrom: addDays(endsOn, 1),
          validTo: null,
        }),
      ]);

      // a second side assignment of 90% would take the person over 100%
      const big = await openPosting(clone, {
        ...side,
        orgUnitId: units.root,
        positionId: null,
        fteShare: 0.9,
        titleEn: "Select Job: head office",
      });
      const second = (await clone.call("employee", "POST", `/api/postings/${big}/applications`, {})).body.id;
      await clone.call("hqHr", "POST", `/api/applications/${second}/advance`, {});
      const before = await counts(db);
      const over = await clone.call("manager", "POST", `/api/applications/${second}/release`, {});
      expect(over.status).toBe(400);
      expect(over.body.fields[0]).toMatchObject({ path: "approvedFteShare" });
      expect(over.body.fields[0].message).toMatch(/cannot give up 90%|total FTE/);
      expect(await counts(db)).toEqual(before);
      expect((await clone.call("employee", "GET", `/api/applications/${second}`)).body.status).toBe(
        "applied",
      );
    } finally {
      await clone.close();
    }
  });

  it("schedules overseas secondments and transfers to another group company as dated records", async () => {
    const clone = await harness.clone();
    try {
      const { companies, people, units } = harness.fixture;
      const db = clone.database.db;
      const effectiveOn = addDays(today(), 30);
      const overseas = await scheduleMove(db, SYSTEM_ACTOR, {
        kind: "overseas",
        personId: people.oto,
        effectiveOn,
        endsOn: periodEnd(effectiveOn, 24),
        toOrgUnitId: units.usRoot,
      });
      const otoRows = await assignmentsOf(db, people.oto);
      expect(otoRows).toEqual([
        expect.objectContaining({
          kind: "primary",
          orgUnitId: units.sales,
          validTo: addDays(effectiveOn, -1),
        }),
        expect.objectContaining({
          kind: "secondment",
          orgUnitId: units.usRoot,
          companyId: companies.hq,
          validFrom: effectiveOn,
        }),
        expect.objectContaining({
          kind: "primary",
          orgUnitId: units.sales,
          validFrom: addDays(overseas.endsOn!, 1),
          validTo: null,
        }),
      ]);
      // a transfer on a date that contradicts the recorded future is refused, nothing written
      const before = await counts(db);
      await expect(
        scheduleMove(db, SYSTEM_ACTOR, {
          kind: "transfer",
          personId: people.oto,
          effectiveOn: addDays(effectiveOn, -5),
          toOrgUnitId: units.dev1,
        }),
      ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
      await expect(
        scheduleMove(db, SYSTEM_ACTOR, {
          kind: "transfer",
          personId: people.emi,
          effectiveOn: addDays(today(), -3),
          toOrgUnitId: units.sales,
        }),
      ).rejects.toMatchObject({ fields: [{ path: "effectiveOn" }] });
      expect(await counts(db)).toEqual(before);

      // Emi moves to the subsidiary: her HQ employment ends (transfer within the group) and a new one starts
      const moved = await scheduleMove(db, SYSTEM_ACTOR, {
        kind: "transfer",
        personId: people.emi,
        effectiveOn,
        toOrgUnitId: units.subRoot,
      });
      expect(moved.newEmploymentId).not.toBeNull();
      expect(moved.employeeNumber).toBe("H0002");
      const employments = await queryRows<{
        companyId: number;
        hireDate: string;
        terminationDate: string | null;
        terminationReason: string | null;
      }>(
        db,
        sql`select company_id as "companyId", hire_date::text as "hireDate", termination_date::text as "terminationDate",
                   termination_reason as "terminationReason"
            from employments where person_id = ${people.emi} order by hire_date`,
      );
      expect(employments).toEqual([
        {
          companyId: companies.hq,
          hireDate: "2020-04-01",
          terminationDate: addDays(effectiveOn, -1),
          terminationReason: "transfer_within_group",
        },
        { companyId: companies.sub, hireDate: effectiveOn, terminationDate: null, terminationReason: null },
      ]);
    } finally {
      await clone.close();
    }
  });

  it("lets HR of the applicant's company confirm and keeps others out of the queues", async () => {
    const clone = await harness.clone();
    try {
      expect((await clone.call("employee", "GET", "/api/applications?view=confirm")).status).toBe(403);
      expect((await clone.call("hqHr", "GET", "/api/applications?view=confirm")).body.items).toEqual([]);
      expect((await clone.call("employee", "GET", "/api/applications")).body.items).toEqual([]);
      const id = await openPosting(clone, transferPosting());
      expect((await clone.call("employee", "GET", `/api/postings/${id}/applications`)).status).toBe(403);
      expect((await clone.call("groupHr", "GET", `/api/postings/${id}/applications`)).body.items).toEqual([]);
      const draft = await clone.call("hqHr", "POST", "/api/postings", transferPosting());
      expect((await clone.call("employee", "GET", `/api/postings/${draft.body.id}`)).status).toBe(404);
      expect(
        (await clone.call("employee", "POST", `/api/postings/${draft.body.id}/applications`, {})).status,
      ).toBe(404);
    } finally {
      await clone.close();
    }
  });
});
