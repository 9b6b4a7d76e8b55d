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
  it("renames and re-dates a plan until it is committed; a new date withdraws the approval and must suit every move", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { companies, units, people } = h.fixture;
      const effectiveOn = addDays(today(), 10);
      const plan = (
        await clone.call("hqHr", "POST", "/api/rotation/plans", {
          name: "Autumn rotation",
          companyId: companies.hq,
          effectiveOn,
          note: "first draft",
        })
      ).body;
      const patch = (role: "hqHr" | "subHr" | "employee" | "groupHr", body: unknown) =>
        clone.call(role, "PATCH", `/api/rotation/plans/${plan.id}`, body);
      expect(
        (
          await clone.call("hqHr", "POST", `/api/rotation/plans/${plan.id}/moves`, {
            personId: people.hana,
            toOrgUnitId: units.sales,
          })
        ).status,
      ).toBe(200);

      const renamed = await patch("hqHr", { name: "  Autumn rotation (HQ)  " });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({
        name: "Autumn rotation (HQ)",
        effectiveOn,
        note: "first draft",
        status: "draft",
        moveCount: 1,
      });

      // Bad input names the field; nothing is written.
      const bad = async (body: unknown, path: string) => {
        const answer = await patch("hqHr", body);
        expect(answer.status, JSON.stringify(answer.body)).toBe(400);
        expect(answer.body.fields.map((f: { path: string }) => f.path)).toContain(path);
      };
      await bad({ name: "   " }, "name");
      await bad({ name: "x".repeat(201) }, "name");
      await bad({ effectiveOn: "2027-02-31" }, "effectiveOn");
      await bad({ effectiveOn: addDays(today(), -1) }, "effectiveOn");
      await bad({}, "body");
      // Other company's HR does not see the plan; employees are refused.
      expect((await patch("subHr", { name: "Mine" })).status).toBe(404);
      expect((await patch("employee", { name: "Mine" })).status).toBe(403);
      expect((await clone.call("hqHr", "PATCH", "/api/rotation/plans/999999", { name: "x" })).status).toBe(
        404,
      );

      // A date on which a move no longer holds (SALES closes first): refused on effectiveOn, naming the move.
      await db.execute(
        sql`update org_unit_versions set valid_to = ${addDays(effectiveOn, 20)}::date where org_unit_id = ${units.sales}`,
      );
      const late = await patch("hqHr", { effectiveOn: addDays(effectiveOn, 30) });
      expect(late.status).toBe(400);
      expect(late.body.fields).toEqual([
        {
          path: "effectiveOn",
          message: expect.stringContaining(`move 1 (person ${people.hana})`),
        },
      ]);

      // A rename keeps the approval; a new date withdraws it.
      expect((await clone.call("hqHr", "POST", `/api/rotation/plans/${plan.id}/approve`)).status).toBe(200);
      const approvedRename = await patch("hqHr", { name: "Autumn rotation 2", note: null });
      expect(approvedRename.body).toMatchObject({
        name: "Autumn rotation 2",
        note: null,
        status: "approved",
      });
      const sameDate = await patch("hqHr", { effectiveOn });
      expect(sameDate.body.status).toBe("approved");
      const newDate = addDays(effectiveOn, 5);
      const redated = await patch("groupHr", { effectiveOn: newDate });
      expect(redated.status).toBe(200);
      expect(redated.body).toMatchObject({ effectiveOn: newDate, status: "draft" });
      const [row] = await queryRows<{ approvedBy: number | null; approvedAt: string | null }>(
        db,
        sql`select approved_by_user_id as "approvedBy", approved_at::text as "approvedAt" from rotation_plans where id = ${plan.id}`,
      );
      expect(row).toEqual({ approvedBy: null, approvedAt: null });
      const audits = await queryRows<{ action: string }>(
        db,
        sql`select action from audit_log where entity = 'rotation_plan' and entity_id = ${String(plan.id)} order by id`,
      );
      expect(audits.filter((a) => a.action === "mobility.rotation.update")).toHaveLength(3);

      // Committed on the new date, the plan no longer changes; nor does a discarded one.
      await clone.call("hqHr", "POST", `/api/rotation/plans/${plan.id}/approve`);
      const committed = await clone.call("hqHr", "POST", `/api/rotation/plans/${plan.id}/commit`);
      expect(committed.body).toMatchObject({ status: "committed", effectiveOn: newDate });
      const frozen = await patch("hqHr", { name: "Too late" });
      expect(frozen.status).toBe(409);
      expect(frozen.body.message).toContain("committed");
      const other = (
        await clone.call("hqHr", "POST", "/api/rotation/plans", {
          name: "Dropped",
          companyId: companies.hq,
          effectiveOn,
        })
      ).body;
      await clone.call("hqHr", "POST", `/api/rotation/plans/${other.id}/discard`);
      expect(
        (await clone.call("hqHr", "PATCH", `/api/rotation/plans/${other.id}`, { name: "Back" })).status,
      ).toBe(409);
    } finally {
      await clone.close();
    }
  });
});
