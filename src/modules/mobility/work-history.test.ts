import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { type CareersHarness, createCareersHarness } from "./careers.test-harness";

describe.each(TEST_ENGINES)("work history and scouting consent on %s", (engine) => {
  let harness: CareersHarness;
  beforeAll(async () => {
    harness = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("the owner keeps the record, partly from assignments; bad input writes nothing; others cannot write", async () => {
    const clone = await harness.clone();
    try {
      const { skills, people } = harness.fixture;
      const filled = await clone.call("employee", "POST", "/api/work-history/fill-from-assignments");
      expect(filled.status).toBe(200);
      expect(filled.body.created).toBe(1);
      expect(filled.body.items[0]).toMatchObject({
        source: "assignment",
        periodFrom: "2020-04-01",
        periodTo: null,
      });
      expect(filled.body.items[0].organisation).toContain("HQ Corp.");
      expect(
        (await clone.call("employee", "POST", "/api/work-history/fill-from-assignments")).body.created,
      ).toBe(0);

      const entry = {
        periodFrom: "2022-04-01",
        periodTo: "2023-03-31",
        organisation: "決済基盤プロジェクト",
        role: "Tech lead",
        achievements: "Moved billing to the new platform; 障害ゼロ",
        skillIds: [skills.programming],
      };
      const before = await countRows(clone.database.db, "work_history_entries");
      const badSkill = await clone.call("employee", "POST", "/api/work-history", {
        ...entry,
        skillIds: [999999],
      });
      expect(badSkill.body.fields).toEqual([
        { path: "skillIds.0", message: "skill 999999 does not exist in the skill library (or is retired)" },
      ]);
      const backwards = await clone.call("employee", "POST", "/api/work-history", {
        ...entry,
        periodTo: "2021-01-01",
      });
      expect(backwards.body.fields).toEqual([
        { path: "periodTo", message: "must be on or after periodFrom" },
      ]);
      const noRole = await clone.call("employee", "POST", "/api/work-history", { ...entry, role: "" });
      expect(noRole.body.fields).toEqual([{ path: "role", message: "is required" }]);
      expect(await countRows(clone.database.db, "work_history_entries")).toBe(before);
      // An account without a person keeps no record.
      expect((await clone.call("recruiterHq", "POST", "/api/work-history", entry)).status).toBe(403);

      const created = await clone.call("employee", "POST", "/api/work-history", entry);
      expect(created.status).toBe(201);
      expect(created.body.skills[0].id).toBe(skills.programming);
      const id = created.body.id as number;
      expect((await clone.call("other", "PUT", `/api/work-history/${id}`, entry)).status).toBe(404);
      expect((await clone.call("hqHr", "DELETE", `/api/work-history/${id}`)).status).toBe(404);
      const changed = await clone.call("employee", "PUT", `/api/work-history/${id}`, {
        ...entry,
        role: "Architect",
      });
      expect(changed.body.role).toBe("Architect");
      const fromAssignment = filled.body.items[0];
      const moved = await clone.call("employee", "PUT", `/api/work-history/${fromAssignment.id}`, {
        periodFrom: "2019-01-01",
        periodTo: null,
        organisation: fromAssignment.organisation,
        role: "Developer",
      });
      expect(moved.body.fields[0].path).toBe("periodFrom");

      // Readers: self, manager, HR of the company; not another employee, another company's HR, or a recruiter without consent.
      for (const role of ["employee", "manager", "hqHr", "groupHr"] as const) {
        expect(
          (await clone.call(role, "GET", `/api/people/${people.emi}/work-history`)).body.items,
        ).toHaveLength(2);
      }
      for (const role of ["other", "subHr", "recruiterHq", "recruiterDev1"] as const) {
        expect((await clone.call(role, "GET", `/api/people/${people.emi}/work-history`)).status).toBe(404);
      }
      expect((await clone.call("employee", "DELETE", `/api/work-history/${id}`)).status).toBe(204);
      expect((await clone.call("employee", "GET", "/api/work-history")).body.items).toHaveLength(1);
    } finally {
      await clone.close();
    }
  });

  it("consent opens the record to the named recruiters only; withdrawal closes it at once; history is kept", async () => {
    const clone = await harness.clone();
    try {
      const { companies, units, people } = harness.fixture;
      const url = `/api/people/${people.emi}/work-history`;
      const statusFor = async (role: "recruiterHq" | "recruiterSales" | "recruiterDev1" | "recruiterSub") =>
        (await clone.call(role, "GET", url)).status;
      expect((await clone.call("employee", "GET", "/api/scouting-consent")).body).toEqual({
        current: null,
        history: [],
      });
      for (const role of ["recruiterHq", "recruiterSales", "recruiterDev1", "recruiterSub"] as const) {
        expect(await statusFor(role)).toBe(404);
      }
      const both = await clone.call("employee", "PUT", "/api/scouting-consent", {
        allCompanies: true,
        companyIds: [companies.hq],
      });
      expect(both.body.fields).toEqual([
        { path: "allCompanies", message: "with allCompanies, leave companyIds and orgUnitIds empty" },
      ]);
      const none = await clone.call("employee", "PUT", "/api/scouting-consent", {});
      expect(none.body.fields[0].path).toBe("companyIds");
      const unknown = await clone.call("employee", "PUT", "/api/scouting-consent", { orgUnitIds: [999999] });
      expect(unknown.body.fields).toEqual([
        { path: "orgUnitIds.0", message: "org unit 999999 does not exist" },
      ]);
      expect(await countRows(clone.database.db, "scouting_consents")).toBe(0);
      expect(
        (await clone.call("recruiterHq", "PUT", "/api/scouting-consent", { allCompanies: true })).status,
      ).toBe(403);

      const hq = await clone.call("employee", "PUT", "/api/scouting-consent", { companyIds: [companies.hq] });
      expect(hq.body.current.companies.map((c: { code: string }) => c.code)).toEqual(["HQ"]);
      expect(await statusFor("recruiterHq")).toBe(200);
      expect(await statusFor("recruiterSales")).toBe(200);
      expect(await statusFor("recruiterSub")).toBe(404);

      const dev = await clone.call("employee", "PUT", "/api/scouting-consent", { orgUnitIds: [units.dev] });
      expect(dev.body.history).toHaveLength(2);
      expect(dev.body.history[1].withdrawnAt).not.toBeNull();
      expect(await statusFor("recruiterDev1")).toBe(200);
      expect(await statusFor("recruiterSales")).toBe(404);
      expect(await statusFor("recruiterHq")).toBe(404);

      const withdrawn = await clone.call("employee", "DELETE", "/api/scouting-consent");
      expect(withdrawn.body.current).toBeNull();
      expect(
        withdrawn.body.history.every((c: { withdrawnAt: string | null }) => c.withdrawnAt !== null),
      ).toBe(true);
      for (const role of ["recruiterHq", "recruiterSales", "recruiterDev1", "recruiterSub"] as const) {
        expect(await statusFor(role)).toBe(404);
      }
      expect((await clone.call("employee", "DELETE", "/api/scouting-consent")).status).toBe(200);
      const options = await clone.call("employee", "GET", "/api/scouting-consent/options");
      expect(options.body.companies.map((c: { code: string }) => c.code)).toEqual(["HQ", "SUB", "US1"]);
      expect(options.body.divisions.map((d: { id: number }) => d.id).sort()).toEqual(
        [units.sales, units.dev1, units.subRoot].sort(),
      );
    } finally {
      await clone.close();
    }
  });
});
