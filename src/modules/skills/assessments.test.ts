import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { createHarness, type Harness } from "./test-harness";

describe.each(TEST_ENGINES)("assessments, current levels and gaps on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("lets the person self-assess, their manager and HR confirm, and nobody else", async () => {
    const clone = await harness.clone();
    try {
      const { people, skills } = harness.fixture;
      const url = `/api/people/${people.emi}/assessments`;
      const body = (source: string, level = 2) => ({
        skillId: skills.programming,
        level,
        source,
        assessedOn: "2025-05-01",
      });
      expect((await clone.call("employee", "POST", url, body("self", 3))).status).toBe(201);
      expect((await clone.call("employee", "POST", url, body("manager"))).status).toBe(403);
      expect((await clone.call("manager", "POST", url, body("self"))).status).toBe(403);
      const confirmed = await clone.call("manager", "POST", url, {
        ...body("manager"),
        note: "solid on routine work",
      });
      expect(confirmed.status).toBe(201);
      expect(confirmed.body).toMatchObject({
        level: 2,
        source: "manager",
        note: "solid on routine work",
        assessor: { personId: people.mana },
      });
      expect((await clone.call("hqHr", "POST", url, body("hr"))).status).toBe(201);
      expect((await clone.call("subHr", "POST", url, body("hr"))).status).toBe(403);
      expect((await clone.call("other", "POST", url, body("manager"))).status).toBe(403);
      // A manager does not confirm their own level, nor people outside their units.
      expect(
        (await clone.call("manager", "POST", `/api/people/${people.mana}/assessments`, body("manager")))
          .status,
      ).toBe(403);
      expect(
        (await clone.call("manager", "POST", `/api/people/${people.oto}/assessments`, body("manager")))
          .status,
      ).toBe(403);
      const history = await clone.call(
        "employee",
        "GET",
        `/api/people/${people.emi}/skills/${skills.programming}/assessments`,
      );
      expect(history.body.items.map((a: { source: string }) => a.source)).toEqual(["hr", "manager", "self"]);
      expect(
        (
          await clone.call(
            "other",
            "GET",
            `/api/people/${people.emi}/skills/${skills.programming}/assessments`,
          )
        ).status,
      ).toBe(403);
    } finally {
      await clone.close();
    }
  });

  it("refuses bad assessments and writes nothing", async () => {
    const clone = await harness.clone();
    try {
      const { people, skills } = harness.fixture;
      const url = `/api/people/${people.emi}/assessments`;
      const before = await countRows(clone.database.db, "skill_assessments");
      const offScale = await clone.call("manager", "POST", url, {
        skillId: skills.programming,
        level: 6,
        source: "manager",
      });
      expect(offScale.status).toBe(400);
      expect(offScale.body.fields).toEqual([
        { path: "level", message: "must be a level of the scale, 0 to 5" },
      ]);
      const negative = await clone.call("manager", "POST", url, {
        skillId: skills.programming,
        level: -1,
        source: "manager",
      });
      expect(negative.status).toBe(400);
      const unknown = await clone.call("manager", "POST", url, {
        skillId: 987_654,
        level: 2,
        source: "manager",
      });
      expect(unknown.body.fields).toEqual([{ path: "skillId", message: "skill 987654 does not exist" }]);
      const future = await clone.call("manager", "POST", url, {
        skillId: skills.programming,
        level: 2,
        source: "manager",
        assessedOn: "2999-01-01",
      });
      expect(future.body.fields[0].path).toBe("assessedOn");
      const badDate = await clone.call("manager", "POST", url, {
        skillId: skills.programming,
        level: 2,
        source: "manager",
        assessedOn: "2025-02-30",
      });
      expect(badDate.status).toBe(400);
      expect(
        (
          await clone.call("manager", "POST", "/api/people/999999/assessments", {
            skillId: skills.programming,
            level: 2,
            source: "manager",
          })
        ).status,
      ).toBe(404);
      expect(await countRows(clone.database.db, "skill_assessments")).toBe(before);
    } finally {
      await clone.close();
    }
  });

  it("takes the latest manager-confirmed level as current, or the latest of any when configured", async () => {
    const clone = await harness.clone();
    try {
      const { people, skills } = harness.fixture;
      const url = `/api/people/${people.emi}/assessments`;
      await clone.call("manager", "POST", url, {
        skillId: skills.programming,
        level: 1,
        source: "manager",
        assessedOn: "2024-04-01",
      });
      await clone.call("manager", "POST", url, {
        skillId: skills.programming,
        level: 2,
        source: "manager",
        assessedOn: "2025-04-01",
      });
      await clone.call("employee", "POST", url, {
        skillId: skills.programming,
        level: 4,
        source: "self",
        assessedOn: "2025-06-01",
      });
      const line = async (asOf?: string) => {
        const response = await clone.call(
          "employee",
          "GET",
          `/api/people/${people.emi}/skills${asOf ? `?asOf=${asOf}` : ""}`,
        );
        return response.body.lines.find((l: { skill: { id: number } }) => l.skill.id === skills.programming);
      };
      expect(await line()).toMatchObject({
        requiredLevel: 3,
        desirableLevel: 4,
        currentLevel: 2,
        currentSource: "manager",
        selfLevel: 4,
        gap: 1,
      });
      expect(await line("2024-12-31")).toMatchObject({ currentLevel: 1, gap: 2, selfLevel: null });
      const levels = (await clone.call("groupHr", "GET", "/api/skills/scale")).body.levels.map(
        (l: {
          level: number;
          name: { ja: string; en: string };
          description: { ja: string; en: string };
        }) => ({
          level: l.level,
          nameJa: l.name.ja,
          nameEn: l.name.en,
          descriptionJa: l.description.ja,
          descriptionEn: l.description.en,
        }),
      );
      expect(
        (await clone.call("groupHr", "PUT", "/api/skills/scale", { levels, currentLevelRule: "latest_any" }))
          .status,
      ).toBe(200);
      expect(await line()).toMatchObject({
        currentLevel: 4,
        currentSource: "self",
        gap: 0,
        suggestedCourses: [],
      });
    } finally {
      await clone.close();
    }
  });

  it("computes gaps for the position and an aspired one, with courses that close them", async () => {
    const clone = await harness.clone();
    try {
      const { people, skills, positions } = harness.fixture;
      await clone.call("manager", "POST", `/api/people/${people.emi}/assessments`, {
        skillId: skills.critical,
        level: 3,
        source: "manager",
      });
      const response = await clone.call(
        "employee",
        "GET",
        `/api/people/${people.emi}/skills?aspiredPositionId=${positions.architect}`,
      );
      expect(response.status).toBe(200);
      const view = response.body;
      expect(view.position).toMatchObject({ id: positions.developer, name: { en: "Developer" } });
      expect(view.canSelfAssess).toBe(true);
      expect(view.canManagerAssess).toBe(false);
      const gapOf = (
        lines: { skill: { id: number }; gap: number; currentLevel: number | null }[],
        id: number,
      ) => lines.find((l) => l.skill.id === id);
      expect(gapOf(view.lines, skills.programming)).toMatchObject({ currentLevel: null, gap: 3 });
      expect(gapOf(view.lines, skills.critical)).toMatchObject({ currentLevel: 3, gap: 0 });
      expect(gapOf(view.lines, skills.network)).toMatchObject({ gap: 2, suggestedCourses: [] });
      const programming = gapOf(view.lines, skills.programming) as unknown as {
        suggestedCourses: { code: string; targetLevel: number; nextSession: { seatsLeft: number } }[];
      };
      expect(programming.suggestedCourses).toMatchObject([
        { code: "PROG-201", targetLevel: 3, nextSession: { seatsLeft: 1 } },
      ]);
      expect(view.aspiredPosition).toMatchObject({ id: positions.architect });
      expect(
        view.aspiredLines.map((l: { skill: { id: number }; gap: number }) => [l.skill.id, l.gap]),
      ).toEqual(
        expect.arrayContaining([
          [skills.programming, 4],
          [skills.critical, 1],
        ]),
      );
      // The manager sees it too (and may confirm); a colleague may not.
      const asManager = await clone.call("manager", "GET", `/api/people/${people.emi}/skills`);
      expect(asManager.body.canManagerAssess).toBe(true);
      expect((await clone.call("other", "GET", `/api/people/${people.emi}/skills`)).status).toBe(403);
      expect(
        (await clone.call("employee", "GET", `/api/people/${people.emi}/skills?aspiredPositionId=99999`))
          .status,
      ).toBe(400);
    } finally {
      await clone.close();
    }
  });

  it("draws the team heat map for the unit's manager and HR, and scarce skills for HR", async () => {
    const clone = await harness.clone();
    try {
      const { people, skills, units, companies } = harness.fixture;
      await clone.call("manager", "POST", `/api/people/${people.emi}/assessments`, {
        skillId: skills.programming,
        level: 3,
        source: "manager",
      });
      const heat = await clone.call("manager", "GET", `/api/skills/heatmap?orgUnitId=${units.dev}`);
      expect(heat.status).toBe(200);
      expect(heat.body.people.map((p: { personId: number }) => p.personId).sort()).toEqual(
        [people.mana, people.emi].sort(),
      );
      const column = heat.body.skills.findIndex((s: { id: number }) => s.id === skills.programming);
      const emi = heat.body.people.find((p: { personId: number }) => p.personId === people.emi);
      expect(emi.cells[column]).toEqual({ required: 3, current: 3 });
      expect((await clone.call("hqHr", "GET", `/api/skills/heatmap?orgUnitId=${units.dev}`)).status).toBe(
        200,
      );
      expect((await clone.call("employee", "GET", `/api/skills/heatmap?orgUnitId=${units.dev}`)).status).toBe(
        403,
      );
      expect(
        (await clone.call("manager", "GET", `/api/skills/heatmap?orgUnitId=${units.sales}`)).status,
      ).toBe(403);

      const scarce = await clone.call("hqHr", "GET", `/api/skills/scarcity?companyId=${companies.hq}`);
      expect(scarce.status).toBe(200);
      const row = (id: number) => scarce.body.items.find((i: { skill: { id: number } }) => i.skill.id === id);
      expect(row(skills.programming)).toMatchObject({ required: 2, meeting: 1, coverage: 0.5 });
      expect(row(skills.persuasion)).toMatchObject({ required: 1, meeting: 0, coverage: 0 });
      expect(scarce.body.items[0].coverage).toBe(0);
      expect(
        (await clone.call("subHr", "GET", `/api/skills/scarcity?companyId=${companies.hq}`)).status,
      ).toBe(403);
      expect((await clone.call("manager", "GET", "/api/skills/scarcity")).status).toBe(403);
      expect((await clone.call("groupHr", "GET", "/api/skills/scarcity")).status).toBe(200);
    } finally {
      await clone.close();
    }
  });
});
