import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { queryRows } from "../../db/query";
import { notifyPersons, notifyUsers } from "./notify";

describe.each(TEST_ENGINES)("notify on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine, "demo");
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it("notifies the accounts of people, once per dedupe key, skipping people without an account", async () => {
    const accounts = await queryRows<{ userId: number; personId: number }>(
      database.db,
      sql`select id as "userId", person_id as "personId" from users where person_id is not null order by id limit 2`,
    );
    expect(accounts.length).toBe(2);
    const [withoutAccount] = await queryRows<{ id: number }>(
      database.db,
      sql`select p.id from persons p where not exists (select 1 from users u where u.person_id = p.id) order by p.id limit 1`,
    );
    const request = {
      kind: "test.reminder",
      params: { days: 30 },
      link: "/learning",
      dedupeKey: "cert:1:30",
    };
    const personIds = [...accounts.map((a) => a.personId), withoutAccount!.id];
    expect(await notifyPersons(database.db, personIds, request)).toBe(2);
    expect(await notifyPersons(database.db, personIds, request)).toBe(0);
    expect(await notifyUsers(database.db, [accounts[0]!.userId], { kind: "test.other" })).toBe(1);
    expect(await notifyUsers(database.db, [accounts[0]!.userId], { kind: "test.other" })).toBe(1); // no key: no dedupe
    const rows = await queryRows<{ recipient: number; kind: string; params: unknown }>(
      database.db,
      sql`select recipient_user_id as recipient, kind, params from notifications order by id`,
    );
    expect(rows).toEqual([
      { recipient: accounts[0]!.userId, kind: "test.reminder", params: { days: 30 } },
      { recipient: accounts[1]!.userId, kind: "test.reminder", params: { days: 30 } },
      { recipient: accounts[0]!.userId, kind: "test.other", params: {} },
      { recipient: accounts[0]!.userId, kind: "test.other", params: {} },
    ]);
  });
});
