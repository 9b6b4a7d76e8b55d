import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { createHarness, type Harness } from "./test-harness";

describe.each(TEST_ENGINES)("skill library and skill maps on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("loads the 35 O*NET skills with anchors once, and only for group HR", async () => {
    const clone = await harness.clone();
    try {
      const skills = await clone.call("employee", "GET", "/api/skills");
      expect(skills.status).toBe(200);
      expect(skills.body.items.filter((s: { code: string }) => s.code.startsWith("ONET-"))).toHaveLength(35);
      const programming = skills.body.items.find((s: { code: string }) => s.code === "ONET-2.B.3.e");
      expect(programming.name).toEqual({ ja: "プログラミング", en: "Programming" });
      const detail = await clone.call("employee", "GET", `/api/skills/${programming.id}`);
      expect(detail.body.anchors.map((a: { level: number }) => a.level)).toEqual([1, 3, 4]);
      expect(detail.body.courses.map((c: { code: string }) => c.code)).toEqual(["PROG-201"]);
      expect((await clone.call("hqHr", "POST", "/api/skills/load-onet")).status).toBe(403);
      const again = await clone.call("groupHr", "POST", "/api/skills/load-onet");
      expect(again.body).toMatchObject({
        skills: { created: 0, existing: 35 },
        categories: { created: 0, existing: 7 },
      });
      expect(again.body.attribution).toMatch(/O\*NET 23\.x Database by USDOL\/ETA/);
    } finally {
      await clone.close();
    }
  });

  it("lets company HR add their own skills, refuses other companies, duplicates and levels off the scale", async () => {
    const clone = await harness.clone();
    try {
      const { companies } = harness.fixture;
      const categories = await clone.call("hqHr", "GET", `/api/skill-categories?companyId=${companies.hq}`);
      const own = categories.body.items.find((c: { code: string }) => c.code === "HQ-TECH");
      const body = {
        categoryId: own.id,
        companyId: companies.hq,
        code: "CLOUD-SEC",
        nameJa: "クラウドセキュリティ",
        nameEn: "Cloud security",
      };
      const created = await clone.call("hqHr", "POST", "/api/skills", body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code: "CLOUD-SEC",
        companyId: companies.hq,
        category: { en: "Technology (HQ)" },
      });
      expect((await clone.call("subHr", "POST", "/api/skills", { ...body, code: "X" })).status).toBe(403);
      const duplicate = await clone.call("hqHr", "POST", "/api/skills", body);
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.fields[0].path).toBe("code");
      const before = await countRows(clone.database.db, "skills");
      const offScale = await clone.call("hqHr", "POST", "/api/skills", {
        ...body,
        code: "SELL",
        anchors: [{ level: 6, descriptionJa: "x", descriptionEn: "x" }],
      });
      expect(offScale.status).toBe(400);
      expect(offScale.body.fields).toEqual([
        { path: "anchors.0.level", message: "must be a level of the scale, 0 to 5" },
      ]);
      expect(await countRows(clone.database.db, "skills")).toBe(before);
    } finally {
      await clone.close();
    }
  });

  it("keeps the scale configurable by group HR, never below the levels in use", async () => {
    const clone = await harness.clone();
    try {
      const scale = await clone.call("employee", "GET", "/api/skills/scale");
      expect(scale.body.maxLevel).toBe(5);
      expect(scale.body.currentLevelRule).toBe("latest_confirmed");
      const levels = (n: number) =>
        Array.from({ length: n + 1 }, (_, level) => ({
          level,
          nameJa: `L${level}`,
          nameEn: `L${level}`,
          descriptionJa: "d",
          descriptionEn: "d",
        }));
      expect(
        (
          await clone.call("hqHr", "PUT", "/api/skills/scale", {
            levels: levels(7),
            currentLevelRule: "latest_any",
          })
        ).status,
      ).toBe(403);
      const shrink = await clone.call("groupHr", "PUT", "/api/skills/scale", {
        levels: levels(3),
        currentLevelRule: "latest_confirmed",
      });
      expect(shrink.status).toBe(400);
      expect(shrink.body.fields[0].message).toMatch(/level 4 is in use/);
      const grow = await clone.call("groupHr", "PUT", "/api/skills/scale", {
        levels: levels(7),
        currentLevelRule: "latest_any",
      });
      expect(grow.status).toBe(200);
      expect(grow.body).toMatchObject({ maxLevel: 7, currentLevelRule: "latest_any" });
      const gaps = await clone.call("groupHr", "PUT", "/api/skills/scale", {
        levels: [levels(3)[0], levels(3)[2]],
        currentLevelRule: "latest_any",
      });
      expect(gaps.status).toBe(400);
    } finally {
      await clone.close();
    }
  });

  it("shows a job description with level anchors, and dates a changed map as a new version", async () => {
    const clone = await harness.clone();
    try {
      const { positions, skills } = harness.fixture;
      const page = await clone.call("other", "GET", `/api/positions/${positions.developer}/job-description`);
      expect(page.status).toBe(200);
      expect(page.body.canEdit).toBe(false);
      expect(page.body.holders).toBe(2);
      const line = (body: typeof page.body, skillId: number) =>
        body.entries.find((e: { skill: { id: number } }) => e.skill.id === skillId);
      // Programming 3: O*NET's anchor (level 4 of 7 lands on 3); network operation 2: the scale's own description.
      expect(line(page.body, skills.programming)).toMatchObject({
        requiredLevel: 3,
        desirableLevel: 4,
        requiredAnchor: { en: "Write a statistical analysis program to analyze demographic data" },
      });
      expect(line(page.body, skills.network).requiredAnchor.en).toBe(
        "Does routine tasks alone; needs help with unusual ones.",
      );
      expect(page.body.attribution).toMatch(/CC BY 4.0/);

      const changed = await clone.call("hqHr", "PUT", `/api/positions/${positions.developer}/skill-map`, {
        validFrom: "2025-04-01",
        entries: [{ skillId: skills.programming, requiredLevel: 4 }],
      });
      expect(changed.status).toBe(200);
      expect(changed.body.entries).toHaveLength(1);
      const before = await clone.call(
        "hqHr",
        "GET",
        `/api/positions/${positions.developer}/job-description?asOf=2024-04-01`,
      );
      expect(line(before.body, skills.programming).requiredLevel).toBe(3);
      expect(before.body.entries).toHaveLength(3);
      const earlier = await clone.call("hqHr", "PUT", `/api/positions/${positions.developer}/skill-map`, {
        validFrom: "2024-10-01",
        entries: [{ skillId: skills.programming, requiredLevel: 2 }],
      });
      expect(earlier.status).toBe(400);
      expect(earlier.body.fields[0]).toMatchObject({ path: "validFrom" });
    } finally {
      await clone.close();
    }
  });

  it("refuses bad skill maps whole: unknown skill, off-scale level, desirable below required, other company's HR", async () => {
    const clone = await harness.clone();
    try {
      const { positions, skills } = harness.fixture;
      const url = `/api/positions/${positions.salesRep}/skill-map`;
      const before = await countRows(clone.database.db, "skill_requirements");
      const bad = await clone.call("hqHr", "PUT", url, {
        validFrom: "2026-01-01",
        entries: [
          { skillId: skills.persuasion, requiredLevel: 3 },
          { skillId: 999_999, requiredLevel: 2 },
          { skillId: skills.critical, requiredLevel: 6 },
          { skillId: skills.programming, requiredLevel: 3, desirableLevel: 2 },
          { skillId: skills.persuasion, requiredLevel: 1 },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { path: string }) => f.path)).toEqual([
        "entries.1.skillId",
        "entries.2.requiredLevel",
        "entries.3.desirableLevel",
        "entries.4.skillId",
      ]);
      expect((await clone.call("subHr", "PUT", url, { validFrom: "2026-01-01", entries: [] })).status).toBe(
        403,
      );
      expect(await countRows(clone.database.db, "skill_requirements")).toBe(before);
    } finally {
      await clone.close();
    }
  });

  it("lists a company's positions with the size of their maps", async () => {
    const clone = await harness.clone();
    try {
      const list = await clone.call(
        "employee",
        "GET",
        `/api/job-descriptions?companyId=${harness.fixture.companies.hq}`,
      );
      expect(list.body.items.map((p: { code: string; skills: number }) => [p.code, p.skills])).toEqual([
        ["ARCH", 2],
        ["DEV", 3],
        ["SALES", 1],
      ]);
    } finally {
      await clone.close();
    }
  });
});
