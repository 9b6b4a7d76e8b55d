import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows } from "../../../test/support/fixtures";
import { queryRows } from "../../db/query";
import { addDays, today } from "../../shared/dates";
import { sendPendingEmails } from "../notifications/mail";
import { sendCareerReminders } from "./career-cycles.service";
import { type CareersClone, type CareersHarness, createCareersHarness } from "./careers.test-harness";

const wishes = {
  reflection: "Led the billing migration.",
  vision: "Architect for payment systems; 海外拠点で働きたい",
  desiredLocations: ["Singapore", "大阪"],
  moveTiming: "within_1y",
  wantsTransfer: true,
  openToOverseas: true,
};

describe.each(TEST_ENGINES)("career reports on %s", (engine) => {
  let harness: CareersHarness;
  beforeAll(async () => {
    harness = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function openCycle(clone: CareersClone) {
    const { companies } = harness.fixture;
    const created = await clone.call("hqHr", "POST", "/api/career-cycles", {
      companyId: companies.hq,
      fiscalYear: 2026,
      opensOn: addDays(today(), -10),
      dueOn: addDays(today(), 3),
    });
    expect(created.status).toBe(201);
    expect(created.body.reminderDays).toEqual([14, 3]);
    const opened = await clone.call("hqHr", "PATCH", `/api/career-cycles/${created.body.id}`, {
      status: "open",
    });
    expect(opened.body.status).toBe("open");
    return created.body.id as number;
  }

  async function auditCount(clone: CareersClone, action: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      clone.database.db,
      sql`select count(*)::int as n from audit_log where action = ${action}`,
    );
    return Number(row!.n);
  }

  it("cycles: only the company's HR creates and opens them; bad dates and transitions are refused", async () => {
    const clone = await harness.clone();
    try {
      const { companies } = harness.fixture;
      const body = { companyId: companies.hq, fiscalYear: 2026, opensOn: "2026-06-01", dueOn: "2026-06-30" };
      for (const role of ["employee", "manager", "subHr", "recruiterHq"] as const) {
        expect((await clone.call(role, "POST", "/api/career-cycles", body)).status).toBe(403);
      }
      const backwards = await clone.call("hqHr", "POST", "/api/career-cycles", {
        ...body,
        dueOn: "2026-05-01",
      });
      expect(backwards.status).toBe(400);
      expect(backwards.body.fields).toEqual([{ path: "dueOn", message: "must be on or after opensOn" }]);
      const badDays = await clone.call("hqHr", "POST", "/api/career-cycles", {
        ...body,
        reminderDays: [120],
      });
      expect(badDays.body.fields[0].path).toBe("reminderDays.0");
      expect(await countRows(clone.database.db, "career_report_cycles")).toBe(0);
      const created = await clone.call("hqHr", "POST", "/api/career-cycles", body);
      expect(created.status).toBe(201);
      const twice = await clone.call("groupHr", "POST", "/api/career-cycles", body);
      expect(twice.status).toBe(409);
      expect(twice.body.fields[0].path).toBe("fiscalYear");
      const closeDraft = await clone.call("hqHr", "PATCH", `/api/career-cycles/${created.body.id}`, {
        status: "closed",
      });
      expect(closeDraft.body.fields[0].message).toBe("a draft cycle can become open, not closed");
      expect(
        (await clone.call("subHr", "PATCH", `/api/career-cycles/${created.body.id}`, { status: "open" }))
          .status,
      ).toBe(403);
      expect((await clone.call("subHr", "GET", `/api/career-cycles?companyId=${companies.hq}`)).status).toBe(
        403,
      );
      expect((await clone.call("employee", "GET", "/api/career-cycles")).status).toBe(403);
      expect((await clone.call("groupHr", "GET", "/api/career-cycles")).body.items).toHaveLength(1);
    } finally {
      await clone.close();
    }
  });

  it("employee writes and submits; manager at submission comments; HR reads (audited); others get 404", async () => {
    const clone = await harness.clone();
    try {
      const { people, companies, jobCategories, positions } = harness.fixture;
      const cycleId = await openCycle(clone);
      // Opening told every HQ employee.
      const opened = await clone.call("employee", "GET", "/api/notifications");
      expect(opened.body.items.map((n: { kind: string }) => n.kind)).toContain("careers.cycle_opened");

      const bad = await clone.call("employee", "PUT", `/api/career-cycles/${cycleId}/my-report`, {
        ...wishes,
        desiredJobCategoryIds: [999999],
        moveTiming: "someday",
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f: { path: string }) => f.path)).toContain("moveTiming");
      const badCategory = await clone.call("employee", "PUT", `/api/career-cycles/${cycleId}/my-report`, {
        ...wishes,
        desiredJobCategoryIds: [999999],
      });
      expect(badCategory.body.fields).toEqual([
        { path: "desiredJobCategoryIds.0", message: "job category 999999 does not exist" },
      ]);
      expect(await countRows(clone.database.db, "career_reports")).toBe(0);
      // SUB's employee has no open cycle here.
      expect(
        (await clone.call("recruiterHq", "PUT", `/api/career-cycles/${cycleId}/my-report`, wishes)).status,
      ).toBe(403);

      const draft = await clone.call("employee", "PUT", `/api/career-cycles/${cycleId}/my-report`, {
        ...wishes,
        desiredJobCategoryIds: [jobCategories.eng],
        desiredPositionIds: [positions.architect],
      });
      expect(draft.status).toBe(200);
      expect(draft.body.status).toBe("draft");
      expect(draft.body.desiredPositions[0].name.en).toBe("Architect");
      const id = draft.body.id as number;
      // A draft is the employee's alone.
      for (const role of ["manager", "hqHr", "groupHr", "other"] as const) {
        expect((await clone.call(role, "GET", `/api/career-reports/${id}`)).status).toBe(404);
      }
      expect(
        (await clone.call("manager", "PUT", `/api/career-reports/${id}/manager-comment`, { comment: "x" }))
          .status,
      ).toBe(404);
      expect((await clone.call("manager", "GET", "/api/career-reports/manager-queue")).body.items).toEqual(
        [],
      );
      expect((await clone.call("other", "POST", `/api/career-reports/${id}/submit`)).status).toBe(404);

      const submitted = await clone.call("employee", "POST", `/api/career-reports/${id}/submit`);
      expect(submitted.body.status).toBe("submitted");
      expect(submitted.body.manager.personId).toBe(people.mana);
      expect((await clone.call("employee", "POST", `/api/career-reports/${id}/submit`)).status).toBe(409);
      const rewrite = await clone.call("employee", "PUT", `/api/career-cycles/${cycleId}/my-report`, wishes);
      expect(rewrite.status).toBe(409);
      const managerBell = await clone.call("manager", "GET", "/api/notifications");
      expect(managerBell.body.items[0]).toMatchObject({
        kind: "careers.report_submitted",
        link: `/careers/reports/${id}`,
      });

      const before = await auditCount(clone, "career_report.read");
      for (const role of ["manager", "hqHr", "groupHr"] as const) {
        const read = await clone.call(role, "GET", `/api/career-reports/${id}`);
        expect(read.status).toBe(200);
        expect(read.body.vision).toBe(wishes.vision);
      }
      expect(await auditCount(clone, "career_report.read")).toBe(before + 3);
      for (const role of ["subHr", "other", "recruiterHq", "recruiterDev1"] as const) {
        expect((await clone.call(role, "GET", `/api/career-reports/${id}`)).status).toBe(404);
      }
      // Only the manager at submission comments.
      expect(
        (await clone.call("hqHr", "PUT", `/api/career-reports/${id}/manager-comment`, { comment: "HR note" }))
          .status,
      ).toBe(403);
      expect(
        (await clone.call("other", "PUT", `/api/career-reports/${id}/manager-comment`, { comment: "x" }))
          .status,
      ).toBe(404);
      const empty = await clone.call("manager", "PUT", `/api/career-reports/${id}/manager-comment`, {
        comment: "  ",
      });
      expect(empty.body.fields).toEqual([{ path: "comment", message: "is required" }]);
      const queue = await clone.call("manager", "GET", "/api/career-reports/manager-queue");
      expect(queue.body.items.map((row: { id: number }) => row.id)).toEqual([id]);
      const commented = await clone.call("manager", "PUT", `/api/career-reports/${id}/manager-comment`, {
        comment: "Strong case for the architecture team.",
      });
      expect(commented.body.status).toBe("commented");
      const mine = await clone.call("employee", "GET", "/api/career-reports/mine");
      expect(mine.body.open[0].report.managerComment).toBe("Strong case for the architecture team.");
      expect(mine.body.reports).toHaveLength(1);
      const employeeBell = await clone.call("employee", "GET", "/api/notifications/unread-count");
      expect(employeeBell.body.unread).toBe(2);

      // HR list with filters and summary (audited); another company's HR is refused.
      const listBefore = await auditCount(clone, "career_report.list");
      const within = await clone.call(
        "hqHr",
        "GET",
        `/api/career-reports?companyId=${companies.hq}&moveWithinYear=true`,
      );
      expect(within.status).toBe(200);
      expect(within.body.items.map((row: { person: { personId: number } }) => row.person.personId)).toEqual([
        people.emi,
      ]);
      expect(within.body.summary).toMatchObject({
        submitted: 1,
        commented: 1,
        moveWithinYear: 1,
        openToOverseas: 1,
      });
      expect(within.body.summary.expected).toBe(4);
      expect(within.body.summary.submittedShare).toBe(0.25);
      const notOverseas = await clone.call(
        "groupHr",
        "GET",
        `/api/career-reports?companyId=${companies.hq}&openToOverseas=false`,
      );
      expect(notOverseas.body.total).toBe(0);
      expect(await auditCount(clone, "career_report.list")).toBe(listBefore + 2);
      expect((await clone.call("subHr", "GET", `/api/career-reports?companyId=${companies.hq}`)).status).toBe(
        403,
      );
      expect(
        (await clone.call("manager", "GET", `/api/career-reports?companyId=${companies.hq}`)).status,
      ).toBe(403);
      expect(
        (await clone.call("recruiterHq", "GET", `/api/career-reports?companyId=${companies.hq}`)).status,
      ).toBe(403);
      const badFilter = await clone.call(
        "hqHr",
        "GET",
        `/api/career-reports?companyId=${companies.hq}&openToOverseas=yes`,
      );
      expect(badFilter.body.fields[0]).toEqual({ path: "openToOverseas", message: "must be true or false" });

      // Earlier years stay with the same people: after Emi's line manager changes, Mana still reads, Oto does not.
      await clone.database.exec(
        `update assignments set line_manager_person_id = ${people.oto} where person_id = ${people.emi}`,
      );
      expect((await clone.call("manager", "GET", `/api/career-reports/${id}`)).status).toBe(200);
      expect((await clone.call("other", "GET", `/api/career-reports/${id}`)).status).toBe(404);
      await clone.call("hqHr", "PATCH", `/api/career-cycles/${cycleId}`, { status: "closed" });
      const closed = await clone.call("employee", "GET", "/api/career-reports/mine");
      expect(closed.body.open).toEqual([]);
      expect(closed.body.reports[0].fiscalYear).toBe(2026);
      expect(
        (await clone.call("employee", "PUT", `/api/career-cycles/${cycleId}/my-report`, wishes)).body
          .fields[0].message,
      ).toBe("the 2026 career-report cycle is closed");
    } finally {
      await clone.close();
    }
  });

  it("the form's job categories are the group's, by company; a wish for another company's category is kept", async () => {
    const clone = await harness.clone();
    try {
      const { companies, jobCategories } = harness.fixture;
      const [sales] = await queryRows<{ id: number }>(
        clone.database.db,
        sql`insert into job_categories (company_id, code, name_ja, name_en)
            values (${companies.sub}, 'SLS', '営業職', 'Sales') returning id`,
      );
      const options = await clone.call("other", "GET", "/api/career-reports/wish-options");
      expect(options.status).toBe(200);
      expect(
        options.body.jobCategories.map((c: { id: number; company: { code: string } }) => [
          c.company.code,
          c.id,
        ]),
      ).toEqual([
        ["HQ", jobCategories.eng],
        ["SUB", sales!.id],
      ]);
      expect(options.body.jobCategories[1]).toMatchObject({
        code: "SLS",
        name: { ja: "営業職", en: "Sales" },
      });
      expect((await clone.call("anonymous", "GET", "/api/career-reports/wish-options")).status).toBe(401);

      const cycleId = await openCycle(clone);
      const saved = await clone.call("employee", "PUT", `/api/career-cycles/${cycleId}/my-report`, {
        ...wishes,
        desiredJobCategoryIds: [sales!.id, jobCategories.eng],
      });
      expect(saved.status).toBe(200);
      expect(saved.body.desiredJobCategories.map((c: { id: number }) => c.id)).toEqual(
        [jobCategories.eng, sales!.id].sort((a, b) => a - b),
      );
    } finally {
      await clone.close();
    }
  });

  it("reminders go once per reminder day to those who have not submitted", async () => {
    const clone = await harness.clone();
    try {
      const { people } = harness.fixture;
      const cycleId = await openCycle(clone);
      const draft = await clone.call("employee", "PUT", `/api/career-cycles/${cycleId}/my-report`, wishes);
      await clone.call("employee", "POST", `/api/career-reports/${draft.body.id}/submit`);
      const db = clone.database.db;
      const first = await sendCareerReminders(db, today());
      expect(first.cycles).toEqual([{ cycleId, reminderDay: 3, notified: 3 }]);
      const again = await sendCareerReminders(db, today());
      expect(again.cycles[0]!.notified).toBe(0);
      const recipients = await queryRows<{ personId: number }>(
        db,
        sql`select u.person_id as "personId" from notifications n join users u on u.id = n.recipient_user_id
            where n.kind = 'careers.reminder' order by u.person_id`,
      );
      const ids = recipients.map((row) => row.personId);
      expect(ids).not.toContain(people.emi);
      expect(ids).toContain(people.mana);
      // Before the first reminder day nothing is sent; after the due date neither.
      expect((await sendCareerReminders(db, addDays(today(), -20))).cycles).toEqual([]);
      expect((await sendCareerReminders(db, addDays(today(), 4))).cycles).toEqual([]);
    } finally {
      await clone.close();
    }
  });

  it("notifications: each user reads and marks only their own", async () => {
    const clone = await harness.clone();
    try {
      await openCycle(clone);
      const list = await clone.call("employee", "GET", "/api/notifications?limit=1");
      expect(list.body.unread).toBe(1);
      const id = list.body.items[0].id as number;
      expect((await clone.call("other", "POST", `/api/notifications/${id}/read`)).status).toBe(404);
      expect((await clone.call("employee", "GET", "/api/notifications/unread-count")).body.unread).toBe(1);
      expect((await clone.call("employee", "POST", `/api/notifications/${id}/read`)).body.unread).toBe(0);
      expect((await clone.call("other", "GET", "/api/notifications/unread-count")).body.unread).toBe(1);
      expect((await clone.call("other", "POST", "/api/notifications/read-all")).body.unread).toBe(0);
      expect((await clone.call("anonymous", "GET", "/api/notifications")).status).toBe(401);
      expect((await clone.call("employee", "GET", "/api/notifications?limit=500")).status).toBe(400);
      // The e-mail outbox sends each once, in the recipient's language, and marks it.
      const sentMail: { to: string; subject: string }[] = [];
      const mailer = async (message: { to: string; subject: string }) => {
        sentMail.push(message);
      };
      const first = await sendPendingEmails(clone.database.db, mailer, {
        from: "t@x.test",
        defaultLocale: "en",
      });
      expect(first).toEqual({ sent: 4, failed: 0 });
      expect(sentMail.find((m) => m.to === "employee@fixture.test")!.subject).toContain("2026");
      expect(
        await sendPendingEmails(clone.database.db, mailer, { from: "t@x.test", defaultLocale: "en" }),
      ).toEqual({
        sent: 0,
        failed: 0,
      });
    } finally {
      await clone.close();
    }
  });
});
