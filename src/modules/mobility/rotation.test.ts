import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { queryRows } from "../../db/query";
import { addDays, today } from "../../shared/dates";
import { type CareersHarness, createCareersHarness } from "./careers.test-harness";

describe.each(TEST_ENGINES)("rotation plans on %s", (engine) => {
  let h: CareersHarness;
  beforeAll(async () => {
    h = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("drafts a plan with fit, wishes, tenure and effect per unit, approves it and commits it in one step", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { companies, units, people, positions, skills } = h.fixture;
      const effectiveOn = addDays(today(), 30);
      await db.execute(
        sql`insert into skill_assessments (person_id, skill_id, level, source, assessed_on)
            values (${people.oto}, ${skills.programming}, 4, 'manager', current_date - 1)`,
      );
      const created = await clone.call("hqHr", "POST", "/api/rotation/plans", {
        name: "April rotation",
        companyId: companies.hq,
        effectiveOn,
      });
      expect(created.status).toBe(201);
      const planId = created.body.id;
      const added = await clone.call("hqHr", "POST", `/api/rotation/plans/${planId}/moves`, {
        personId: people.oto,
        toOrgUnitId: units.dev,
        toPositionId: positions.developer,
      });
      expect(added.status).toBe(200);
      const move = added.body.moves[0];
      expect(
        move.fit.skills.map((l: { skill: { id: number }; status: string }) => [l.skill.id, l.status]),
      ).toContainEqual([skills.programming, "has"]);
      expect(move.tenure.companyMonths).toBeGreaterThan(12);
      const dev = added.body.effect.find((e: { orgUnit: { id: number } }) => e.orgUnit.id === units.dev);
      const sales = added.body.effect.find((e: { orgUnit: { id: number } }) => e.orgUnit.id === units.sales);
      expect(dev.headcount.after).toBe(dev.headcount.before + 1);
      expect(sales.headcount.after).toBe(sales.headcount.before - 1);
      expect(sales.skillsLost.map((s: { id: number }) => s.id)).toEqual([skills.programming]);
      expect(dev.womenShare.after).toBeLessThan(dev.womenShare.before); // Oto is a man joining

      // Bad input: the same person twice, a unit of another company, a person of another company; nothing written.
      expect(
        (
          await clone.call("hqHr", "POST", `/api/rotation/plans/${planId}/moves`, {
            personId: people.oto,
            toOrgUnitId: units.dev1,
          })
        ).status,
      ).toBe(409);
      const foreign = await clone.call("hqHr", "POST", `/api/rotation/plans/${planId}/moves`, {
        personId: people.emi,
        toOrgUnitId: units.subRoot,
      });
      expect(foreign.status).toBe(400);
      expect(foreign.body.fields[0].path).toBe("toOrgUnitId");
      // Not HR of HQ: another company's HR does not see the plan; employees are refused.
      expect((await clone.call("subHr", "GET", `/api/rotation/plans/${planId}`)).status).toBe(404);
      expect((await clone.call("employee", "GET", `/api/rotation/plans/${planId}`)).status).toBe(403);
      expect((await clone.call("employee", "GET", "/api/rotation/plans")).status).toBe(403);
      expect((await clone.call("hqHr", "POST", `/api/rotation/plans/${planId}/commit`)).status).toBe(409);

      expect((await clone.call("hqHr", "POST", `/api/rotation/plans/${planId}/approve`)).body.status).toBe(
        "approved",
      );
      const committed = await clone.call("hqHr", "POST", `/api/rotation/plans/${planId}/commit`);
      expect(committed.status).toBe(200);
      expect(committed.body.status).toBe("committed");
      const [assignment] = await queryRows<{ orgUnitId: number; validFrom: string }>(
        db,
        sql`select org_unit_id as "orgUnitId", valid_from::text as "validFrom" from assignments
            where person_id = ${people.oto} and kind = 'primary' and during @> ${effectiveOn}::date`,
      );
      expect(assignment).toEqual({ orgUnitId: units.dev, validFrom: effectiveOn });
      expect(committed.body.moves[0].resultingAssignmentId).toEqual(expect.any(Number));
    } finally {
      await clone.close();
    }
  });

  it("refuses a past date, a group plan by company HR, and commits nothing when one move fails", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { units, people } = h.fixture;
      const past = await clone.call("groupHr", "POST", "/api/rotation/plans", {
        name: "Late",
        companyId: null,
        effectiveOn: addDays(today(), -1),
      });
      expect(past.status).toBe(400);
      expect(past.body.fields[0].path).toBe("effectiveOn");
      expect(
        (
          await clone.call("hqHr", "POST", "/api/rotation/plans", {
            name: "Group",
            companyId: null,
            effectiveOn: today(),
          })
        ).status,
      ).toBe(403);
      const effectiveOn = addDays(today(), 10);
      const plan = (
        await clone.call("groupHr", "POST", "/api/rotation/plans", {
          name: "Group",
          companyId: null,
          effectiveOn,
        })
      ).body;
      await clone.call("groupHr", "POST", `/api/rotation/plans/${plan.id}/moves`, {
        personId: people.oto,
        toOrgUnitId: units.dev,
      });
      await clone.call("groupHr", "POST", `/api/rotation/plans/${plan.id}/moves`, {
        personId: people.hana,
        toOrgUnitId: units.sales,
      });
      await clone.call("groupHr", "POST", `/api/rotation/plans/${plan.id}/approve`);
      // The unit Hana would join is closed before the date: her move fails, so Oto's is not written either.
      await db.execute(
        sql`update org_unit_versions set valid_to = ${addDays(effectiveOn, -1)}::date where org_unit_id = ${units.sales}`,
      );
      const before = await queryRows(db, sql`select id from assignments order by id`);
      const refused = await clone.call("groupHr", "POST", `/api/rotation/plans/${plan.id}/commit`);
      expect(refused.status).toBe(400);
      expect(refused.body.fields[0].path).toMatch(/^moves\.1\./);
      expect(await queryRows(db, sql`select id from assignments order by id`)).toEqual(before);
      expect((await clone.call("groupHr", "GET", `/api/rotation/plans/${plan.id}`)).body.status).toBe(
        "approved",
      );
    } finally {
      await clone.close();
    }
  });
});
