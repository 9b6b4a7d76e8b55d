import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { addDays, today } from "../../shared/dates";
import { holdSession } from "../skills/skills.test-support";
import { type Clone, createHarness, type Harness } from "../skills/test-harness";

describe.each(TEST_ENGINES)("OJT pairs, goals, check-ins and figures on %s", (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  /** Hana and Mana take the OJT trainer training (completed two days ago); group HR enrols them (Hana is HQ's HR herself). */
  async function trainTrainers(clone: Clone): Promise<void> {
    const { courses, sessions, people } = harness.fixture;
    const ids: number[] = [];
    for (const personId of [people.hana, people.mana]) {
      const enrolled = await clone.call("groupHr", "POST", "/api/enrolments", {
        courseId: courses.ojt,
        sessionId: sessions.ojt,
        personId,
      });
      ids.push(enrolled.body.id);
    }
    await holdSession(clone.database.db, sessions.ojt);
    for (const id of ids) {
      const done = await clone.call("groupHr", "POST", `/api/enrolments/${id}/completion`, {
        completed: true,
        completedOn: addDays(today(), -2),
      });
      expect(done.body.status).toBe("completed");
    }
  }

  it("pairs a trainee only with a trained trainer who is not their line manager, one at a time", async () => {
    const clone = await harness.clone();
    try {
      const { people } = harness.fixture;
      const start = today();
      const before = await countRows(clone.database.db, "ojt_pairs");
      const untrained = await clone.call("hqHr", "POST", "/api/ojt/pairs", {
        traineePersonId: people.emi,
        trainerPersonId: people.hana,
        validFrom: start,
      });
      expect(untrained.status).toBe(400);
      expect(untrained.body.fields).toEqual([
        { path: "trainerPersonId", message: "the trainer has not completed the OJT trainer training" },
      ]);
      await trainTrainers(clone);
      const manager = await clone.call("hqHr", "POST", "/api/ojt/pairs", {
        traineePersonId: people.emi,
        trainerPersonId: people.mana,
        validFrom: start,
      });
      expect(manager.body.fields).toEqual([
        { path: "trainerPersonId", message: "the trainer may not be the trainee's line manager" },
      ]);
      const otherCompany = await clone.call("hqHr", "POST", "/api/ojt/pairs", {
        traineePersonId: people.emi,
        trainerPersonId: people.sam,
        validFrom: start,
      });
      expect(otherCompany.body.fields[0].path).toBe("trainerPersonId");
      expect(
        (
          await clone.call("hqHr", "POST", "/api/ojt/pairs", {
            traineePersonId: people.emi,
            trainerPersonId: people.emi,
            validFrom: start,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await clone.call("subHr", "POST", "/api/ojt/pairs", {
            traineePersonId: people.emi,
            trainerPersonId: people.hana,
            validFrom: start,
          })
        ).status,
      ).toBe(403);
      expect(await countRows(clone.database.db, "ojt_pairs")).toBe(before);

      const pair = await clone.call("hqHr", "POST", "/api/ojt/pairs", {
        traineePersonId: people.emi,
        trainerPersonId: people.hana,
        validFrom: start,
      });
      expect(pair.status).toBe(201);
      expect(pair.body).toMatchObject({
        trainee: { personId: people.emi },
        trainer: { personId: people.hana },
        validFrom: start,
        status: "active",
      });
      expect(pair.body.validTo).toBe(addDays(`${Number(start.slice(0, 4)) + 1}${start.slice(4)}`, -1));
      const overlap = await clone.call("hqHr", "POST", "/api/ojt/pairs", {
        traineePersonId: people.emi,
        trainerPersonId: people.hana,
        validFrom: addDays(start, 30),
      });
      expect(overlap.status).toBe(409);
      expect(overlap.body.code).toBe("DATED_OVERLAP");
    } finally {
      await clone.close();
    }
  });

  it("lets the pair set goals and record check-ins, the trainer close the year, and counts trained trainers", async () => {
    const clone = await harness.clone();
    try {
      const { people, skills, companies } = harness.fixture;
      await trainTrainers(clone);
      const start = addDays(today(), -1);
      const pair = (
        await clone.call("hqHr", "POST", "/api/ojt/pairs", {
          traineePersonId: people.emi,
          trainerPersonId: people.hana,
          validFrom: start,
        })
      ).body;
      const goal = await clone.call("employee", "POST", `/api/ojt/pairs/${pair.id}/goals`, {
        title: "Build and release a small service on my own",
        skillId: skills.programming,
        targetLevel: 3,
      });
      expect(goal.status).toBe(201);
      expect(goal.body.goalItems[0]).toMatchObject({
        title: "Build and release a small service on my own",
        targetLevel: 3,
        status: "open",
      });
      expect(
        (
          await clone.call("employee", "POST", `/api/ojt/pairs/${pair.id}/goals`, {
            title: "x",
            skillId: skills.programming,
            targetLevel: 9,
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await clone.call("employee", "POST", `/api/ojt/pairs/${pair.id}/goals`, {
            title: "x",
            skillId: skills.programming,
          })
        ).status,
      ).toBe(400);
      expect(
        (await clone.call("other", "POST", `/api/ojt/pairs/${pair.id}/goals`, { title: "x" })).status,
      ).toBe(403);
      const checkin = await clone.call("hqHr", "POST", `/api/ojt/pairs/${pair.id}/checkins`, {
        heldOn: today(),
        progress: "First release done",
        advice: "Write the runbook next",
      });
      expect(checkin.body.checkinItems).toHaveLength(1);
      expect(
        (
          await clone.call("hqHr", "POST", `/api/ojt/pairs/${pair.id}/checkins`, {
            heldOn: addDays(start, -1),
            progress: "x",
          })
        ).status,
      ).toBe(400);
      const goalId = goal.body.goalItems[0].id;
      expect(
        (await clone.call("employee", "PATCH", `/api/ojt/goals/${goalId}`, { status: "achieved" })).status,
      ).toBe(403);
      expect(
        (await clone.call("hqHr", "PATCH", `/api/ojt/goals/${goalId}`, { status: "achieved" })).body
          .goalItems[0].status,
      ).toBe("achieved");
      // The trainee's manager may read the pair; a colleague may not.
      expect((await clone.call("manager", "GET", `/api/ojt/pairs/${pair.id}`)).status).toBe(200);
      expect((await clone.call("other", "GET", `/api/ojt/pairs/${pair.id}`)).status).toBe(403);
      const mine = await clone.call("employee", "GET", "/api/ojt/pairs");
      expect(mine.body.items.map((p: { id: number }) => p.id)).toEqual([pair.id]);
      const closed = await clone.call("hqHr", "POST", `/api/ojt/pairs/${pair.id}/review`, {
        reviewedOn: today(),
        reviewNote: "Works independently.",
      });
      expect(closed.body).toMatchObject({ status: "closed", validTo: today(), canEdit: false });
      expect(
        (
          await clone.call("hqHr", "POST", `/api/ojt/pairs/${pair.id}/checkins`, {
            heldOn: today(),
            progress: "x",
          })
        ).status,
      ).toBe(409);

      const day = today();
      const fy = Number(day.slice(5, 7)) >= 4 ? Number(day.slice(0, 4)) : Number(day.slice(0, 4)) - 1;
      const figures = await clone.call(
        "hqHr",
        "GET",
        `/api/ojt/figures?companyId=${companies.hq}&fiscalYear=${fy}`,
      );
      expect(figures.body).toEqual({
        fiscalYear: fy,
        companyId: companies.hq,
        trainersTrainedInYear: 2,
        trainersTrainedTotal: 2,
        pairsActive: 1,
      });
      const previous = await clone.call("groupHr", "GET", `/api/ojt/figures?fiscalYear=${fy - 1}`);
      expect(previous.body).toMatchObject({ trainersTrainedInYear: 0, trainersTrainedTotal: 0 });
      expect((await clone.call("manager", "GET", `/api/ojt/figures?fiscalYear=${fy}`)).status).toBe(403);
      const trainers = await clone.call("hqHr", "GET", `/api/ojt/trainers?companyId=${companies.hq}`);
      expect(trainers.body.items.map((t: { personId: number }) => t.personId).sort()).toEqual(
        [people.hana, people.mana].sort(),
      );
    } finally {
      await clone.close();
    }
  });
});
