import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { seedFixtureGroup, type FixtureGroup } from "../../../test/support/fixtures";
import { csv, dataCounts, importFile } from "./import.test-support";

const HEADER = [
  "employeeNumber",
  "familyName",
  "givenName",
  "gender",
  "birthDate",
  "hireDate",
  "orgUnitCode",
];

/** A valid persons file of a few rows (employee numbers unique within the file). */
const validRows = fc
  .uniqueArray(fc.integer({ min: 1000, max: 9999 }), { minLength: 1, maxLength: 8 })
  .map((numbers) =>
    numbers.map((n, i) => [
      `P${n}`,
      "山田",
      `太郎${i}`,
      i % 2 ? "male" : "female",
      "1990-01-02",
      "2024-04-01",
      i % 2 ? "DEV1" : "SALES",
    ]),
  );

/** Ways a file gets broken on its way: cut short, bytes flipped, junk inserted, quotes and delimiters added. */
const corruption = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom('"', ",", "\n", "\u0000", ";", "\uFFFD", "2024-02-30"),
  }),
  fc.record({ kind: fc.constant("none" as const) }),
);

function corrupt(content: Buffer, c: { kind: string; at?: number; byte?: number; text?: string }): Buffer {
  if (c.kind === "none" || content.length === 0) return content;
  const at = (c.at ?? 0) % content.length;
  if (c.kind === "truncate") return content.subarray(0, at);
  if (c.kind === "flip")
    return Buffer.concat([content.subarray(0, at), Buffer.from([c.byte ?? 0]), content.subarray(at + 1)]);
  return Buffer.concat([content.subarray(0, at), Buffer.from(c.text ?? ""), content.subarray(at)]);
}

/**
 * Whatever is done to a file, an import either applies every row or changes nothing — on PostgreSQL too, where
 * the rows are written while the file is read (pipeline/apply.ts).
 */
describe.each(TEST_ENGINES)("imports of malformed files (property) on %s", (engine) => {
  let database: TestDatabase;
  let group: FixtureGroup;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    group = await seedFixtureGroup(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it("applies fully or writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(validRows, corruption, async (rows, c) => {
        const before = await dataCounts(database.db);
        const content = corrupt(Buffer.from(csv([HEADER, ...rows])), c);
        const result = await importFile(database.db, {
          kind: "persons",
          companyId: group.companies.hq,
          content,
        });
        const after = await dataCounts(database.db);
        if (result.status === "applied") {
          expect(result.counts.rejected).toBe(0);
          expect(after.persons - before.persons).toBe(result.counts.inserted);
        } else {
          expect(["rejected", "failed"]).toContain(result.status);
          expect(after).toEqual(before);
          expect(result.message ?? "").not.toBe("");
        }
      }),
      { numRuns: 40, seed: 20261123 },
    );
  }, 120_000);
});
