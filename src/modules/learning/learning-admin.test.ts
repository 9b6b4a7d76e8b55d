import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { addDays, today } from "../../shared/dates";
import { SYSTEM_ACTOR } from "../access/actor";
import { createHarness, type Harness } from "../skills/test-harness";
import { createCertification } from "./catalog.service";
import { certificationRemindersDue, reminderStage } from "./certification-reminders.service";
import { addCertification } from "./learning-lists.service";

describe.each(TEST_ENGINES)("learning administration and certification expiry on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const day = today();

  it("assigns a course to an org unit and grades, with a dry run that writes nothing", async () => {
    const clone = await harness.clone();
    try {
      const { courses, companies, units, grades } = harness.fixture;
      const url = `/api/courses/${courses.compliance}/assignments`;
      const before = await countRows(clone.database.db, "enrolments");
      // DEV and the units below it hold Mana (M1) and Emi (G1)
      const dry = await clone.call("hqHr", "POST", url, {
        companyId: companies.hq,
        orgUnitId: units.dev,
        dueOn: addDays(day, 30),
        dryRun: true,
      });
      expect(dry.body).toEqual({ assigned: 2, skipped: 0, waitlisted: 0, dryRun: true });
      expect(await countRows(clone.database.db, "enrolments")).toBe(before);
      const staff = await clone.call("hqHr", "POST", url, {
        companyId: companies.hq,
        orgUnitId: units.dev,
        gradeIds: [grades.g1],
        dueOn: addDays(day, 30),
      });
      expect(staff.body).toEqual({ assigned: 1, skipped: 0, waitlisted: 0, dryRun: false });
      const bad = await clone.call("hqHr", "POST", url, {
        companyId: companies.hq,
        orgUnitId: units.subRoot,
        gradeIds: [grades.s1],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { path: string }) => f.path)).toEqual(["orgUnitId", "gradeIds.0"]);
      expect(await countRows(clone.database.db, "enrolments")).toBe(before + 1);
    } finally {
      await clone.close();
    }
  });

  it("HR of the hosting company edit a session; capacity never below the places taken", async () => {
    const clone = await harness.clone();
    try {
      const { sessions, people, courses } = harness.fixture;
      const url = `/api/sessions/${sessions.programming}`;
      const changed = await clone.call("hqHr", "PATCH", url, {
        place: "本社 5F",
        url: "https://meet.example.com/prog",
        capacity: 3,
        endsOn: addDays(day, 22),
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ place: "本社 5F", capacity: 3, endsOn: addDays(day, 22) });
      expect((await clone.call("subHr", "PATCH", url, { capacity: 4 })).status).toBe(403);
      expect((await clone.call("employee", "PATCH", url, { capacity: 4 })).status).toBe(403);
      const backwards = await clone.call("hqHr", "PATCH", url, { endsOn: addDays(day, 1) });
      expect(backwards.status).toBe(400);
      expect(backwards.body.fields[0].path).toBe("endsOn");
      for (const personId of [people.emi, people.oto]) {
        const enrolled = await clone.call("hqHr", "POST", "/api/enrolments", {
          courseId: courses.programming,
          sessionId: sessions.programming,
          personId,
        });
        expect(enrolled.status).toBe(201);
      }
      const tooSmall = await clone.call("hqHr", "PATCH", url, { capacity: 1 });
      expect(tooSmall.status).toBe(400);
      expect(tooSmall.body.fields[0]).toEqual({
        path: "capacity",
        message: "2 places are taken: the capacity must be at least 2",
      });
      expect(
        (await clone.call("hqHr", "GET", `/api/sessions/${sessions.programming}/roster`)).body.session,
      ).toMatchObject({ capacity: 3 });
    } finally {
      await clone.close();
    }
  });

  it("lists expiring certifications for the holder, their manager and HR, and the reminders due by stage", async () => {
    const clone = await harness.clone();
    try {
      const db = clone.database.db;
      const { people, companies } = harness.fixture;
      const cert = await createCertification(db, SYSTEM_ACTOR, {
        code: "CISSP",
        nameJa: "CISSP",
        nameEn: "CISSP",
        issuer: "ISC2",
        validityMonths: 36,
      });
      const hold = (personId: number, obtainedOn: string, expiresOn: string) =>
        addCertification(db, SYSTEM_ACTOR, personId, {
          certificationId: cert.id,
          obtainedOn,
          expiresOn,
          credentialId: null,
        });
      await hold(people.emi, "2023-01-01", addDays(day, 20)); // 30-day notice
      await hold(people.oto, "2023-01-01", addDays(day, 75)); // 90-day notice
      await hold(people.hana, "2022-01-01", addDays(day, -10)); // expired ...
      await hold(people.hana, addDays(day, -20), addDays(day, 1000)); // ... and renewed: no reminder
      await hold(people.sam, "2023-01-01", addDays(day, 200)); // not yet

      const mine = await clone.call("employee", "GET", `/api/people/${people.emi}/learning`);
      expect(mine.body.certifications[0]).toMatchObject({ expiringSoon: true, daysLeft: 20, renewed: false });
      const hana = await clone.call("hqHr", "GET", `/api/people/${people.hana}/learning`);
      expect(hana.body.certifications.map((c: { renewed: boolean }) => c.renewed)).toEqual([false, true]);

      const list = await clone.call("hqHr", "GET", "/api/learning/certifications/expiring");
      expect(list.status).toBe(200);
      expect(
        list.body.items.map((i: { person: { personId: number }; stage: unknown }) => [
          i.person.personId,
          i.stage,
        ]),
      ).toEqual([
        [people.emi, 30],
        [people.oto, 90],
      ]);
      expect(list.body.items[0].manager.personId).toBe(people.mana);
      const managed = await clone.call("manager", "GET", "/api/learning/certifications/expiring");
      expect(managed.body.items.map((i: { person: { personId: number } }) => i.person.personId)).toEqual([
        people.emi,
      ]);
      expect((await clone.call("employee", "GET", "/api/learning/certifications/expiring")).status).toBe(403);
      expect(
        (await clone.call("subHr", "GET", `/api/learning/certifications/expiring?companyId=${companies.hq}`))
          .status,
      ).toBe(403);
      const sub = await clone.call("subHr", "GET", "/api/learning/certifications/expiring?leadDays=365");
      expect(sub.body).toMatchObject({ leadDays: [365] });
      expect(sub.body.items.map((i: { person: { personId: number } }) => i.person.personId)).toContain(
        people.sam,
      );
      expect(
        (await clone.call("hqHr", "GET", "/api/learning/certifications/expiring?leadDays=soon")).status,
      ).toBe(400);

      const due = await certificationRemindersDue(db, { asOf: day });
      expect(due.reminders.map((r) => [r.personId, r.stage, r.kind])).toEqual([
        [people.emi, 30, "learning.certification.expiring"],
        [people.oto, 90, "learning.certification.expiring"],
      ]);
      expect(due.reminders[0]!.recipients.map((r) => r.as).sort()).toEqual([
        "company_hr",
        "holder",
        "manager",
      ]);
      // the same day gives the same keys; days later within a stage too; the next stage is a new key
      expect((await certificationRemindersDue(db, { asOf: day })).reminders).toEqual(due.reminders);
      const later = await certificationRemindersDue(db, { asOf: addDays(day, 5) });
      expect(later.reminders.map((r) => r.dedupeKey)).toEqual(due.reminders.map((r) => r.dedupeKey));
      const expired = await certificationRemindersDue(db, { asOf: addDays(day, 25) });
      expect(expired.reminders[0]).toMatchObject({ personId: people.emi, stage: "expired" });
      expect(expired.reminders[0]!.dedupeKey).not.toBe(due.reminders[0]!.dedupeKey);
    } finally {
      await clone.close();
    }
  });

  it("places the days left in the smallest lead time that holds them", () => {
    expect(reminderStage(91, [90, 30])).toBeNull();
    expect(reminderStage(90, [90, 30])).toBe(90);
    expect(reminderStage(31, [30, 90])).toBe(90);
    expect(reminderStage(0, [90, 30])).toBe(30);
    expect(reminderStage(-1, [90, 30])).toBe("expired");
  });
});
