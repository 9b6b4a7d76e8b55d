import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { queryRows } from "../../db/query";
import { addDays, today } from "../../shared/dates";
import { holdSession } from "../skills/skills.test-support";
import { createHarness, type Harness } from "../skills/test-harness";

describe.each(TEST_ENGINES)("learning catalog, enrolment and completion on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("refuses a course that builds a skill twice, an unknown skill or a level off the scale, writing nothing", async () => {
    const clone = await harness.clone();
    try {
      const { skills, companies } = harness.fixture;
      const base = {
        code: "NEW-1",
        titleJa: "新講座",
        titleEn: "New course",
        kind: "role",
        delivery: "online_live",
        durationDays: 1,
        durationHours: 7,
      };
      const before = await countRows(clone.database.db, "courses");
      const twice = await clone.call("groupHr", "POST", "/api/courses", {
        ...base,
        skills: [
          { skillId: skills.programming, targetLevel: 2 },
          { skillId: skills.programming, targetLevel: 3 },
          { skillId: 424_242, targetLevel: 2 },
          { skillId: skills.critical, targetLevel: 7 },
        ],
      });
      expect(twice.status).toBe(400);
      expect(twice.body.fields.map((f: { path: string }) => f.path)).toEqual([
        "skills.3.targetLevel",
        "skills.1.skillId",
        "skills.2.skillId",
      ]);
      expect(await countRows(clone.database.db, "courses")).toBe(before);
      expect((await clone.call("hqHr", "POST", "/api/courses", base)).status).toBe(403);
      const own = await clone.call("hqHr", "POST", "/api/courses", {
        ...base,
        companyId: companies.hq,
        skills: [{ skillId: skills.network, targetLevel: 2 }],
      });
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({
        code: "NEW-1",
        companyId: companies.hq,
        skills: [{ skillId: skills.network, targetLevel: 2 }],
      });
      expect(
        (await clone.call("hqHr", "POST", "/api/courses", { ...base, companyId: companies.hq })).status,
      ).toBe(409);
      const badSession = await clone.call("hqHr", "POST", `/api/courses/${own.body.id}/sessions`, {
        companyId: companies.hq,
        startsOn: "2030-05-02",
        endsOn: "2030-05-01",
        capacity: 5,
      });
      expect(badSession.status).toBe(400);
      expect(badSession.body.fields[0].path).toBe("endsOn");
      const eLearning = await clone.call(
        "groupHr",
        "POST",
        `/api/courses/${harness.fixture.courses.compliance}/sessions`,
        {
          companyId: companies.hq,
          startsOn: "2030-05-01",
          endsOn: "2030-05-01",
          capacity: 5,
        },
      );
      expect(eLearning.status).toBe(400);
    } finally {
      await clone.close();
    }
  });

  it("takes a request to the manager; approval takes the seat, the next approval waits, a cancellation moves the waitlist up", async () => {
    const clone = await harness.clone();
    try {
      const { courses, sessions, people } = harness.fixture;
      const request = await clone.call("employee", "POST", "/api/enrolments", {
        courseId: courses.programming,
        sessionId: sessions.programming,
        note: "for my gap",
      });
      expect(request.status).toBe(201);
      expect(request.body).toMatchObject({
        status: "requested",
        origin: "self",
        person: { personId: people.emi },
      });
      const twice = await clone.call("employee", "POST", "/api/enrolments", {
        courseId: courses.programming,
        sessionId: sessions.programming,
      });
      expect(twice.status).toBe(409);
      // Only the manager (or HR) decides; not the person, not a colleague.
      const decide = (role: Parameters<typeof clone.call>[0], id: number, approve = true) =>
        clone.call(role, "POST", `/api/enrolments/${id}/decision`, { approve });
      expect((await decide("employee", request.body.id)).status).toBe(403);
      expect((await decide("other", request.body.id)).status).toBe(403);
      const approvals = await clone.call("manager", "GET", "/api/learning/approvals");
      expect(approvals.body.items.map((e: { id: number }) => e.id)).toEqual([request.body.id]);
      const approved = await decide("manager", request.body.id);
      expect(approved.body.status).toBe("enrolled");
      expect((await decide("manager", request.body.id)).status).toBe(409);

      // HR enrols Oto on the full session (capacity 1): waitlisted, first in line.
      const oto = await clone.call("hqHr", "POST", "/api/enrolments", {
        courseId: courses.programming,
        sessionId: sessions.programming,
        personId: people.oto,
      });
      expect(oto.body).toMatchObject({ status: "waitlisted", origin: "hr", waitlistPosition: 1 });
      const roster = await clone.call("hqHr", "GET", `/api/sessions/${sessions.programming}/roster`);
      expect(roster.body.session).toMatchObject({ capacity: 1, enrolled: 1, waitlisted: 1, seatsLeft: 0 });
      expect(
        (await clone.call("manager", "GET", `/api/sessions/${sessions.programming}/roster`)).status,
      ).toBe(403);

      const cancelled = await clone.call("employee", "POST", `/api/enrolments/${request.body.id}/cancel`);
      expect(cancelled.body.status).toBe("cancelled");
      const mine = await clone.call("other", "GET", `/api/people/${people.oto}/learning`);
      expect(mine.body.enrolments[0]).toMatchObject({
        id: oto.body.id,
        status: "enrolled",
        waitlistPosition: null,
      });
      expect((await clone.call("employee", "POST", `/api/enrolments/${request.body.id}/cancel`)).status).toBe(
        409,
      );
    } finally {
      await clone.close();
    }
  });

  it("refuses enrolment outside the audience, on a past session, or for someone else", async () => {
    const clone = await harness.clone();
    try {
      const { courses, sessions, people } = harness.fixture;
      const before = await countRows(clone.database.db, "enrolments");
      const outside = await clone.call("subHr", "POST", "/api/enrolments", {
        courseId: courses.programming,
        sessionId: sessions.programming,
      });
      expect(outside.status).toBe(400);
      expect(outside.body.fields).toEqual([
        { path: "courseId", message: "the person is outside the course's target audience" },
      ]);
      const managers = await clone.call("employee", "POST", "/api/enrolments", {
        courseId: courses.managers,
        sessionId: null,
      });
      expect(managers.body.fields.map((f: { path: string }) => f.path)).toEqual(["sessionId", "courseId"]);
      const noSession = await clone.call("employee", "POST", "/api/enrolments", {
        courseId: courses.programming,
      });
      expect(noSession.body.fields[0]).toEqual({
        path: "sessionId",
        message: "choose a session of the course",
      });
      expect(
        (
          await clone.call("employee", "POST", "/api/enrolments", {
            courseId: courses.programming,
            sessionId: sessions.ojt,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await clone.call("employee", "POST", "/api/enrolments", {
            courseId: courses.programming,
            sessionId: sessions.programming,
            personId: people.oto,
          })
        ).status,
      ).toBe(403);
      expect((await clone.call("employee", "POST", "/api/enrolments", { courseId: 99_999 })).status).toBe(
        404,
      );
      await holdSession(clone.database.db, sessions.programming);
      const past = await clone.call("employee", "POST", "/api/enrolments", {
        courseId: courses.programming,
        sessionId: sessions.programming,
      });
      expect(past.body.fields[0].message).toMatch(/^the session started on /);
      expect(await countRows(clone.database.db, "enrolments")).toBe(before);
    } finally {
      await clone.close();
    }
  });

  it("records completion with days and hours and raises the skill to the course's level, once", async () => {
    const clone = await harness.clone();
    try {
      const { courses, sessions, people, skills } = harness.fixture;
      const enrolled = await clone.call("hqHr", "POST", "/api/enrolments", {
        courseId: courses.programming,
        sessionId: sessions.programming,
        personId: people.emi,
      });
      expect(enrolled.body.status).toBe("enrolled");
      const url = `/api/enrolments/${enrolled.body.id}/completion`;
      const day = today();
      expect(
        (await clone.call("hqHr", "POST", url, { completed: true, completedOn: day })).body.fields[0].path,
      ).toBe("completedOn");
      await holdSession(clone.database.db, sessions.programming);
      const early = await clone.call("hqHr", "POST", url, { completed: true, completedOn: addDays(day, -4) });
      expect(early.body.fields[0].message).toMatch(/^must not be before the session started/);
      expect((await clone.call("manager", "POST", url, { completed: true, completedOn: day })).status).toBe(
        403,
      );
      expect((await clone.call("employee", "POST", url, { completed: true, completedOn: day })).status).toBe(
        403,
      );
      const records = await countRows(clone.database.db, "training_records");
      const done = await clone.call("hqHr", "POST", url, {
        completed: true,
        completedOn: addDays(day, -2),
        score: 86,
      });
      expect(done.status).toBe(200);
      expect(done.body.status).toBe("completed");
      expect(await countRows(clone.database.db, "training_records")).toBe(records + 1);
      const [record] = await queryRows<{
        days: number;
        hours: number;
        score: number;
        company_id: number;
        source: string;
      }>(
        clone.database.db,
        sql`select days::float8 as days, hours::float8 as hours, score::float8 as score, company_id, source from training_records where enrolment_id = ${enrolled.body.id}`,
      );
      expect(record).toEqual({
        days: 2,
        hours: 14,
        score: 86,
        company_id: harness.fixture.companies.hq,
        source: "session",
      });
      const gaps = await clone.call("employee", "GET", `/api/people/${people.emi}/skills`);
      const line = gaps.body.lines.find((l: { skill: { id: number } }) => l.skill.id === skills.programming);
      expect(line).toMatchObject({ currentLevel: 3, currentSource: "course", gap: 0 });
      const history = await clone.call(
        "employee",
        "GET",
        `/api/people/${people.emi}/skills/${skills.programming}/assessments`,
      );
      expect(history.body.items[0]).toMatchObject({
        source: "course",
        level: 3,
        course: { id: courses.programming },
      });
      expect((await clone.call("hqHr", "POST", url, { completed: true, completedOn: day })).status).toBe(409);
      const learning = await clone.call("employee", "GET", `/api/people/${people.emi}/learning`);
      expect(learning.body.records[0]).toMatchObject({
        course: { code: "PROG-201" },
        days: 2,
        hours: 14,
        score: 86,
      });
    } finally {
      await clone.close();
    }
  });

  it("does not lower a level: a course below the current level records training but no assessment", async () => {
    const clone = await harness.clone();
    try {
      const { courses, sessions, people, skills } = harness.fixture;
      await clone.call("manager", "POST", `/api/people/${people.emi}/assessments`, {
        skillId: skills.programming,
        level: 4,
        source: "manager",
        assessedOn: addDays(today(), -30),
      });
      const enrolled = await clone.call("hqHr", "POST", "/api/enrolments", {
        courseId: courses.programming,
        sessionId: sessions.programming,
        personId: people.emi,
      });
      await holdSession(clone.database.db, sessions.programming);
      const assessments = await countRows(clone.database.db, "skill_assessments");
      await clone.call("hqHr", "POST", `/api/enrolments/${enrolled.body.id}/completion`, {
        completed: true,
        completedOn: addDays(today(), -1),
      });
      expect(await countRows(clone.database.db, "skill_assessments")).toBe(assessments);
    } finally {
      await clone.close();
    }
  });

  it("assigns mandatory e-learning with a due date and lists the overdue per manager and company", async () => {
    const clone = await harness.clone();
    try {
      const { courses, people, companies, units } = harness.fixture;
      const assigned = await clone.call("hqHr", "POST", `/api/courses/${courses.compliance}/assignments`, {
        companyId: companies.hq,
        dueOn: addDays(today(), 30),
      });
      expect(assigned.body).toEqual({ assigned: 4, skipped: 0, waitlisted: 0, dryRun: false });
      const again = await clone.call("hqHr", "POST", `/api/courses/${courses.compliance}/assignments`, {
        companyId: companies.hq,
        dueOn: addDays(today(), 30),
      });
      expect(again.body).toEqual({ assigned: 0, skipped: 4, waitlisted: 0, dryRun: false });
      expect(
        (
          await clone.call("subHr", "POST", `/api/courses/${courses.compliance}/assignments`, {
            companyId: companies.hq,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await clone.call("hqHr", "POST", `/api/courses/${courses.compliance}/assignments`, {
            companyId: companies.hq,
            dueOn: "2000-01-01",
          })
        ).status,
      ).toBe(400);
      // Emi finishes hers; the due date passes for the others.
      const emi = (await clone.call("employee", "GET", `/api/people/${people.emi}/learning`)).body
        .enrolments[0];
      expect(emi).toMatchObject({ status: "enrolled", origin: "hr", overdue: false });
      expect(
        (
          await clone.call("employee", "POST", `/api/enrolments/${emi.id}/completion`, {
            completed: true,
            completedOn: today(),
          })
        ).body.status,
      ).toBe("completed");
      await clone.database.db.execute(
        sql`update enrolments set due_on = ${addDays(today(), -1)}::date where due_on is not null`,
      );
      const company = await clone.call("hqHr", "GET", `/api/learning/overdue?companyId=${companies.hq}`);
      expect(
        company.body.items.map((e: { person: { personId: number } }) => e.person.personId).sort(),
      ).toEqual([people.mana, people.oto, people.hana].sort());
      expect(company.body.items.every((e: { overdue: boolean }) => e.overdue)).toBe(true);
      const team = await clone.call("manager", "GET", "/api/learning/overdue");
      expect(team.body.items.map((e: { person: { personId: number } }) => e.person.personId)).toEqual([
        people.mana,
      ]);
      expect(
        (await clone.call("manager", "GET", `/api/learning/overdue?orgUnitId=${units.dev}`)).status,
      ).toBe(200);
      expect(
        (await clone.call("manager", "GET", `/api/learning/overdue?orgUnitId=${units.sales}`)).status,
      ).toBe(403);
      expect((await clone.call("employee", "GET", "/api/learning/overdue")).status).toBe(403);
      expect(
        (await clone.call("subHr", "GET", `/api/learning/overdue?companyId=${companies.hq}`)).status,
      ).toBe(403);
    } finally {
      await clone.close();
    }
  });

  it("keeps certifications with expiry, flagging those about to expire", async () => {
    const clone = await harness.clone();
    try {
      const { people } = harness.fixture;
      const cert = await clone.call("groupHr", "POST", "/api/certifications", {
        code: "CISSP",
        nameJa: "CISSP",
        nameEn: "CISSP",
        issuer: "ISC2",
        validityMonths: 36,
      });
      expect(cert.status).toBe(201);
      expect(
        (await clone.call("hqHr", "POST", "/api/certifications", { code: "X", nameJa: "X", nameEn: "X" }))
          .status,
      ).toBe(403);
      const obtained = addDays(today(), -1050);
      const added = await clone.call("employee", "POST", `/api/people/${people.emi}/certifications`, {
        certificationId: cert.body.id,
        obtainedOn: obtained,
      });
      expect(added.status).toBe(201);
      expect(added.body.certifications[0]).toMatchObject({
        certification: { code: "CISSP" },
        obtainedOn: obtained,
        expiringSoon: true,
        expired: false,
      });
      expect(
        (
          await clone.call("other", "POST", `/api/people/${people.emi}/certifications`, {
            certificationId: cert.body.id,
            obtainedOn: obtained,
          })
        ).status,
      ).toBe(403);
      const bad = await clone.call("hqHr", "POST", `/api/people/${people.emi}/certifications`, {
        certificationId: cert.body.id,
        obtainedOn: "2024-01-01",
        expiresOn: "2023-01-01",
      });
      expect(bad.body.fields[0].path).toBe("expiresOn");
    } finally {
      await clone.close();
    }
  });
});
