import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { queryRows } from "../../db/query";
import { addDays, today } from "../../shared/dates";
import { SYSTEM_ACTOR } from "../access/actor";
import { createCertification } from "../learning/catalog.service";
import { certificationRemindersDue } from "../learning/certification-reminders.service";
import { addCertification } from "../learning/learning-lists.service";
import { checkReminderDays, updateSkillSettings } from "./settings.service";
import { createHarness, type Harness } from "./test-harness";

const ACCEPTED = /must be 1 to 5 whole numbers of days, each from 1 to 366/;

describe.each(TEST_ENGINES)("the group's skill settings on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("group HR change the reminder lead times and the current-level rule; the reminders follow them", async () => {
    const clone = await harness.clone();
    try {
      const { people } = harness.fixture;
      const { db } = clone.database;
      const cert = await createCertification(db, SYSTEM_ACTOR, {
        code: "CISSP",
        nameJa: "CISSP",
        nameEn: "CISSP",
        issuer: "ISC2",
        validityMonths: 36,
      });
      const hold = (personId: number, expiresOn: string) =>
        addCertification(db, SYSTEM_ACTOR, personId, {
          certificationId: cert.id,
          obtainedOn: "2023-01-01",
          expiresOn,
          credentialId: null,
        });
      await hold(people.emi, addDays(today(), 20));
      await hold(people.oto, addDays(today(), 75));
      const initial = await clone.call("groupHr", "GET", "/api/skills/settings");
      expect(initial.status).toBe(200);
      expect(initial.body).toEqual({
        currentLevelRule: "latest_confirmed",
        certificationReminderDays: [90, 30],
      });

      // a day given twice counts once; largest first
      const changed = await clone.call("groupHr", "PUT", "/api/skills/settings", {
        certificationReminderDays: [14, 60, 60],
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual({
        currentLevelRule: "latest_confirmed",
        certificationReminderDays: [60, 14],
      });

      // Emi's certification expires in 20 days: stage 60 now (it was 30); Oto's, in 75 days, is not due yet
      const list = await clone.call("hqHr", "GET", "/api/learning/certifications/expiring");
      expect(list.body.leadDays).toEqual([60, 14]);
      const stages = (items: { person: { personId: number }; stage: unknown }[]) =>
        items.map((i) => [i.person.personId, i.stage]);
      expect(stages(list.body.items)).toEqual([[people.emi, 60]]);
      const due = await certificationRemindersDue(db, { asOf: today() });
      expect(due.leadDays).toEqual([60, 14]);
      expect(due.reminders.map((r) => [r.personId, r.stage])).toEqual([[people.emi, 60]]);
      const mine = await clone.call("employee", "GET", `/api/people/${people.emi}/learning`);
      expect(mine.body.certifications[0]).toMatchObject({ expiringSoon: true, daysLeft: 20 });
      // a caller may still ask for other lead times for one list
      const once = await clone.call("hqHr", "GET", "/api/learning/certifications/expiring?leadDays=90,30");
      expect(stages(once.body.items)).toEqual([
        [people.emi, 30],
        [people.oto, 90],
      ]);

      // one field at a time: the other keeps its value
      const rule = await clone.call("groupHr", "PUT", "/api/skills/settings", {
        currentLevelRule: "latest_any",
      });
      expect(rule.body).toEqual({ currentLevelRule: "latest_any", certificationReminderDays: [60, 14] });
      expect((await clone.call("employee", "GET", "/api/skills/scale")).body.currentLevelRule).toBe(
        "latest_any",
      );
      const bounds = await clone.call("groupHr", "PUT", "/api/skills/settings", {
        certificationReminderDays: [366, 1, 7, 30, 90],
      });
      expect(bounds.body.certificationReminderDays).toEqual([366, 90, 30, 7, 1]);

      // the system actor (CLI, jobs) may change them too, and the change is audited
      await updateSkillSettings(db, SYSTEM_ACTOR, { certificationReminderDays: [45] });
      expect((await certificationRemindersDue(db, { asOf: today() })).leadDays).toEqual([45]);
      const [audited] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from audit_log where action = 'skills.settings.update'`,
      );
      expect(audited!.n).toBe(4);
    } finally {
      await clone.close();
    }
  });

  it("refuses bad lead times, naming the field and what is accepted, and changes nothing", async () => {
    const clone = await harness.clone();
    try {
      const put = (body: unknown) => clone.call("groupHr", "PUT", "/api/skills/settings", body);
      for (const days of [[], [0], [367], [1.5], [-30], [90, 60, 45, 30, 14, 7]]) {
        const refused = await put({ certificationReminderDays: days });
        expect(refused.status, JSON.stringify(days)).toBe(400);
        expect(refused.body.code).toBe("VALIDATION_FAILED");
        expect(refused.body.fields).toEqual([
          { path: "certificationReminderDays", message: expect.stringMatching(ACCEPTED) },
        ]);
      }
      const outOfRange = await put({ certificationReminderDays: [90, 400, 0] });
      expect(outOfRange.body.fields[0].message).toMatch(/400, 0 is not$/);

      const text = await put({ certificationReminderDays: "90,30" });
      expect(text.status).toBe(400);
      expect(text.body.fields[0]).toMatchObject({
        path: "certificationReminderDays",
        message: "must be a list of 1 to 5 numbers of days, e.g. [90, 30]",
      });
      const word = await put({ certificationReminderDays: ["soon"] });
      expect(word.status).toBe(400);
      expect(word.body.fields[0].path).toMatch(/^certificationReminderDays/);
      const rule = await put({ currentLevelRule: "newest" });
      expect(rule.status).toBe(400);
      expect(rule.body.fields[0].path).toBe("currentLevelRule");
      const empty = await put({});
      expect(empty.status).toBe(400);
      expect(empty.body.fields).toEqual([
        { path: "body", message: "give currentLevelRule, certificationReminderDays or both" },
      ]);

      const after = await clone.call("groupHr", "GET", "/api/skills/settings");
      expect(after.body).toEqual({
        currentLevelRule: "latest_confirmed",
        certificationReminderDays: [90, 30],
      });
    } finally {
      await clone.close();
    }
  });

  it("lets no one but group HR see or change them", async () => {
    const clone = await harness.clone();
    try {
      for (const role of ["employee", "other", "manager", "subHr", "hqHr"] as const) {
        const seen = await clone.call(role, "GET", "/api/skills/settings");
        expect(seen.status, role).toBe(403);
        const changed = await clone.call(role, "PUT", "/api/skills/settings", {
          certificationReminderDays: [7],
        });
        expect(changed.status, role).toBe(403);
        expect(changed.body.message).toBe("Only group HR may change the group's skill settings.");
      }
      const after = await clone.call("groupHr", "GET", "/api/skills/settings");
      expect(after.body.certificationReminderDays).toEqual([90, 30]);
    } finally {
      await clone.close();
    }
  });

  it("checks lead times the same way for every caller", () => {
    expect(checkReminderDays([30, 90, 30])).toEqual({ days: [90, 30] });
    expect(checkReminderDays([1, 2, 3, 4, 5, 5])).toEqual({ days: [5, 4, 3, 2, 1] });
    expect(checkReminderDays([], "--reminder-days")).toEqual({
      errors: [{ path: "--reminder-days", message: expect.stringMatching(ACCEPTED) }],
    });
  });
});
