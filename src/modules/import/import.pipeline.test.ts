import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { type FixtureGroup, seedFixtureGroup } from "../../../test/support/fixtures";
import { queryRows } from "../../db/query";
import { csv, dataCounts, importFile } from "./import.test-support";
import { APPLY_BATCH_OPS } from "./pipeline/apply";

/**
 * Files larger than one write batch: on PostgreSQL the first batches are written while the rest of the file
 * is still read (pipeline/apply.ts), on PGlite after it. Either way: whole histories come out contiguous, a
 * rejected row anywhere leaves nothing written, and re-applying changes nothing.
 */
const EMPLOYEES = 170;
const VERSIONS = 13;
const number = (i: number) => `B${String(i).padStart(4, "0")}`;

describe.each(TEST_ENGINES)("imports larger than a write batch on %s", (engine) => {
  let database: TestDatabase;
  let group: FixtureGroup;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
    const hires = [["employeeNumber", "familyName", "givenName", "gender", "hireDate", "orgUnitCode"]];
    for (let i = 0; i < EMPLOYEES; i++)
      hires.push([number(i), "試", `験${i}`, "female", "2010-04-01", "DEV1"]);
    const hired = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content: csv(hires),
    });
    expect(hired).toMatchObject({ status: "applied", counts: { inserted: EMPLOYEES } });
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const history = () => {
    const rows = [["employeeNumber", "validFrom", "orgUnitCode", "gradeCode"]];
    for (let i = 0; i < EMPLOYEES; i++)
      for (let v = 0; v < VERSIONS; v++)
        rows.push([number(i), `${2011 + v}-04-01`, v % 2 ? "DEV1" : "SALES", v % 2 ? "G1" : "M1"]);
    return csv(rows);
  };

  it("writes whole histories across batches, each version ending the day before the next", async () => {
    expect(EMPLOYEES * VERSIONS).toBeGreaterThan(APPLY_BATCH_OPS);
    const applied = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: history(),
    });
    expect(applied).toMatchObject({
      status: "applied",
      counts: { rows: EMPLOYEES * VERSIONS, updated: EMPLOYEES * VERSIONS, rejected: 0 },
    });
    const [shape] = await queryRows<{ versions: number; open: number; gaps: number; changes: number }>(
      database.db,
      sql`select count(*)::int as versions,
            count(*) filter (where valid_to is null)::int as open,
            count(*) filter (where next is not null and valid_to <> next - 1)::int as gaps,
            (select count(*)::int from import_changes where import_id = ${applied.id}) as changes
          from (select a.valid_to, lead(a.valid_from) over (partition by a.employment_id order by a.valid_from) as next
                from assignments a join employments e on e.id = a.employment_id
                where a.kind = 'primary' and e.employee_number like 'B%') as x`,
    );
    expect(shape).toEqual({
      versions: EMPLOYEES * (VERSIONS + 1),
      open: EMPLOYEES,
      gaps: 0,
      changes: EMPLOYEES * VERSIONS,
    });
    const again = await importFile(database.db, {
      kind: "assignments",
      companyId: group.companies.hq,
      content: history(),
    });
    expect(again.counts).toMatchObject({ unchanged: EMPLOYEES * VERSIONS, updated: 0, inserted: 0 });
  });

  const newPeople = (count: number, bad: number | null) => {
    const rows = [["employeeNumber", "familyName", "givenName", "gender", "hireDate", "orgUnitCode"]];
    for (let i = 0; i < count; i++)
      rows.push([
        `W${String(i).padStart(5, "0")}`,
        "新",
        `人${i}`,
        "male",
        "2025-04-01",
        i === bad ? "NOPE" : "SALES",
      ]);
    return csv(rows);
  };

  it("all or nothing: a row rejected after the first batches were written leaves nothing written", async () => {
    const before = await dataCounts(database.db);
    const refused = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content: newPeople(APPLY_BATCH_OPS + 300, APPLY_BATCH_OPS + 250),
    });
    expect(refused).toMatchObject({
      status: "rejected",
      counts: { rows: APPLY_BATCH_OPS + 300, rejected: 1 },
      errors: [{ row: APPLY_BATCH_OPS + 252, code: "lookup.unknownCode" }],
    });
    expect(await dataCounts(database.db)).toEqual(before);

    const partial = await importFile(database.db, {
      kind: "persons",
      companyId: group.companies.hq,
      content: newPeople(APPLY_BATCH_OPS + 300, APPLY_BATCH_OPS + 250),
      acceptValidRows: true,
    });
    expect(partial).toMatchObject({
      status: "applied",
      counts: { inserted: APPLY_BATCH_OPS + 299, rejected: 1 },
    });
    const after = await dataCounts(database.db);
    expect(after.persons - before.persons).toBe(APPLY_BATCH_OPS + 299);
    expect(after.import_changes - before.import_changes).toBe(APPLY_BATCH_OPS + 299);
  });
});
