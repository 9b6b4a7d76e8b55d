import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { queryRows } from "../../db/query";
import { renderNotification } from "../notifications/mail";
import { deliverCertificationReminders } from "./certification-reminders.deliver";
import { certificationRemindersDue } from "./certification-reminders.service";

describe.each(TEST_ENGINES)("certification reminders delivered as notifications on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, "demo");
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it("notifies each recipient once per reminder stage, in the reader's language", async () => {
    const selection = { asOf: "2026-11-23", leadDays: [3650, 90] };
    const due = await certificationRemindersDue(database.db, selection);
    const expected = due.reminders.reduce((sum, r) => sum + r.recipients.length, 0);
    expect(expected).toBeGreaterThan(0);
    const first = await deliverCertificationReminders(database.db, selection);
    expect(first.delivered).toBe(expected);
    expect((await deliverCertificationReminders(database.db, selection)).delivered).toBe(0);

    const [notification] = await queryRows<{ kind: string; params: Record<string, unknown>; link: string }>(
      database.db,
      sql`select kind, params, link from notifications where kind like 'learning.certification.%' order by id limit 1`,
    );
    expect(notification!.link).toMatch(/^\/learning\/(me|certifications)/);
    const en = await renderNotification(notification!.kind, notification!.params, notification!.link, "en");
    const ja = await renderNotification(notification!.kind, notification!.params, notification!.link, "ja");
    expect(en.subject).toContain(String(notification!.params.certificationEn));
    expect(ja.subject).toContain(String(notification!.params.certificationJa));
    expect(en.subject).not.toContain("{certification}");
  });
});
