import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/db";
import { TEST_ENGINES } from "../../../test/support/engines";
import { SYSTEM_ACTOR } from "../access/actor";
import { listCompanies } from "../org/org.service";
import { getPerson, searchPeople } from "../people/people.service";
import { listImportChanges } from "./import.history";
import { importFile } from "./import.test-support";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (...parts: string[]) => fs.readFileSync(path.join(ROOT, ...parts));
const MAPPING = JSON.parse(
  read("docs", "examples", "hrdataset-v14.mapping.json").toString("utf8"),
) as unknown;
const HRDATASET = read("src", "modules", "import", "testdata", "HRDataset_v14.csv");

/** The docs/import.md walkthrough: a US-style file (names "Last, First", m/d/yy dates, "M " genders). */
describe.each(TEST_ENGINES)("the HRDataset v14 walkthrough on %s", (engine) => {
  let database: TestDatabase;
  let companyId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const company = await importFile(database.db, {
      kind: "companies",
      content: read("docs", "examples", "hrdataset-v14.company.csv"),
    });
    expect(company.status).toBe("applied");
    companyId = (await listCompanies(database.db, SYSTEM_ACTOR)).find((c) => c.code === "HRDS")!.id;
    for (const [kind, file] of [
      ["org-units", "hrdataset-v14.org-units.csv"],
      ["positions", "hrdataset-v14.positions.csv"],
    ] as const) {
      expect(
        (await importFile(database.db, { kind, companyId, content: read("docs", "examples", file) })).status,
      ).toBe("applied");
    }
  });
  afterAll(async () => {
    await database.destroy();
  });

  it("maps names, genders, two-digit birth years, US dates, terminations, departments and positions", async () => {
    const result = await importFile(database.db, {
      kind: "persons",
      companyId,
      content: HRDATASET,
      mapping: MAPPING,
      fileName: "HRDataset_v14.csv",
    });
    expect(result).toMatchObject({
      status: "applied",
      counts: { rows: 311, inserted: 311, terminations: 104, rejected: 0 },
    });
    const found = await searchPeople(database.db, SYSTEM_ACTOR, {
      q: "adinolfi",
      includeInactive: true,
      limit: 5,
      offset: 0,
    });
    const adinolfi = await getPerson(database.db, SYSTEM_ACTOR, found.items[0]!.id, "2020-01-01");
    expect(adinolfi).toMatchObject({
      name: { family: "Adinolfi", given: "Wilson K", familyLatin: "Adinolfi", order: "given_first" },
      gender: "male",
      birthDate: "1983-07-10",
    });
    expect(adinolfi.employments[0]).toMatchObject({
      employeeNumber: "10026",
      hireDate: "2011-07-05",
      terminationDate: null,
      employmentType: "regular",
    });
    expect(adinolfi.employments[0]!.assignments[0]).toMatchObject({
      orgUnit: { code: "PROD" },
      position: { name: { en: "Production Technician I" } },
      validFrom: "2011-07-05",
    });

    const leaver = (
      await searchPeople(database.db, SYSTEM_ACTOR, {
        q: "karthikeyan",
        includeInactive: true,
        limit: 5,
        offset: 0,
      })
    ).items[0]!;
    const detail = await getPerson(database.db, SYSTEM_ACTOR, leaver.id, "2016-01-01");
    expect(detail.employments[0]).toMatchObject({
      hireDate: "2015-03-30",
      terminationDate: "2016-06-16",
      terminationReason: "voluntary",
    });
    expect(detail.employments[0]!.assignments[0]).toMatchObject({
      orgUnit: { code: "ITIS" },
      validTo: "2016-06-16",
    });
  });

  it("re-applies the same file without change, and records a later termination as a change with its history", async () => {
    const again = await importFile(database.db, {
      kind: "persons",
      companyId,
      content: HRDATASET,
      mapping: MAPPING,
    });
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 311, rejected: 0 });
    const edited = HRDATASET.toString("utf8").replace(
      "10026,0,0,1,1,5,4,0,62506,0,19,Production Technician I,MA,01960,07/10/83,M ,Single,US Citizen,No,White,7/5/2011,,N/A-StillEmployed",
      "10026,0,0,1,1,5,4,0,62506,0,19,Production Technician I,MA,01960,07/10/83,M ,Single,US Citizen,No,White,7/5/2011,3/31/2026,retiring",
    );
    const changed = await importFile(database.db, {
      kind: "persons",
      companyId,
      content: edited,
      mapping: MAPPING,
    });
    expect(changed.counts).toMatchObject({ updated: 1, unchanged: 310, terminations: 1 });
    const adinolfi = (
      await searchPeople(database.db, SYSTEM_ACTOR, {
        q: "adinolfi",
        includeInactive: true,
        limit: 5,
        offset: 0,
      })
    ).items[0]!;
    const history = await listImportChanges(database.db, SYSTEM_ACTOR, {
      personId: adinolfi.id,
      limit: 10,
      offset: 0,
    });
    expect(history.map((h) => [h.importId, h.action, h.after])).toEqual([
      [changed.id, "terminate", { terminationDate: "2026-03-31", terminationReason: "voluntary" }],
      [
        expect.any(Number),
        "insert",
        expect.objectContaining({ employeeNumber: "10026", hireDate: "2011-07-05" }),
      ],
    ]);
  });
});
