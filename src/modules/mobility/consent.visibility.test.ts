import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { queryRows } from "../../db/query";
import type { RecruiterGrant, UserActor } from "../access/actor";
import { type CareersHarness, createCareersHarness } from "./careers.test-harness";
import { isVisibleToRecruiter, visibleToRecruiterSql } from "./consent.visibility";

const recruiter = (grants: RecruiterGrant[]): UserActor => ({
  kind: "user",
  userId: 1,
  email: "r@x",
  personId: null,
  roles: [],
  hrCompanyIds: [],
  isGroupHr: false,
  managedOrgUnitIds: [],
  recruiterGrants: grants,
  origin: null,
});

describe.each(TEST_ENGINES)("recruiter visibility predicate on %s", (engine) => {
  let harness: CareersHarness;
  beforeAll(async () => {
    harness = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("shows only people with an active consent that names the recruiter's company, division or all", async () => {
    const clone = await harness.clone();
    try {
      const db = clone.database.db;
      const { people, companies, units } = harness.fixture;
      const consent = (personId: number, fields: string) =>
        clone.database.exec(
          `insert into scouting_consents (person_id, all_companies, company_ids, org_unit_ids) values (${personId}, ${fields})`,
        );
      await consent(people.emi, `false, '[${companies.hq}]', '[]'`); // HQ recruiters
      await consent(people.oto, `false, '[]', '[${units.dev}]'`); // divisions in DEV's subtree
      await consent(people.sam, `true, '[]', '[]'`); // everyone
      await clone.database.exec(
        `insert into scouting_consents (person_id, all_companies, withdrawn_at) values (${people.mana}, true, now())`,
      );
      const visible = async (grants: RecruiterGrant[]) =>
        (
          await queryRows<{ id: number }>(
            db,
            sql`select p.id from persons p where ${visibleToRecruiterSql(grants, sql`p.id`)} order by p.id`,
          )
        ).map((row) => row.id);
      const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

      expect(await visible([])).toEqual([]);
      expect(await visible([{ companyId: companies.hq, orgUnitId: null }])).toEqual(
        sorted([people.emi, people.sam]),
      );
      // DEV1 lies within DEV: Oto's consent to DEV's divisions covers it. Emi's names HQ, the division's company.
      expect(await visible([{ companyId: companies.hq, orgUnitId: units.dev1 }])).toEqual(
        sorted([people.emi, people.oto, people.sam]),
      );
      // SALES is not under DEV.
      expect(await visible([{ companyId: companies.hq, orgUnitId: units.sales }])).toEqual(
        sorted([people.emi, people.sam]),
      );
      expect(await visible([{ companyId: companies.sub, orgUnitId: null }])).toEqual([people.sam]);
      // Mana withdrew; Hana never consented: nobody sees them.
      for (const grants of [
        [{ companyId: companies.hq, orgUnitId: null }],
        [{ companyId: companies.sub, orgUnitId: units.subRoot }],
      ]) {
        const ids = await visible(grants);
        expect(ids).not.toContain(people.mana);
        expect(ids).not.toContain(people.hana);
      }
      const hq = recruiter([{ companyId: companies.hq, orgUnitId: null }]);
      expect(await isVisibleToRecruiter(db, hq, people.emi)).toBe(true);
      expect(await isVisibleToRecruiter(db, hq, people.oto)).toBe(false);
      expect(await isVisibleToRecruiter(db, hq, people.mana)).toBe(false);
      // Being HR gives no recruiter visibility.
      const groupHr = { ...recruiter([]), isGroupHr: true };
      expect(await isVisibleToRecruiter(db, groupHr, people.sam)).toBe(false);
    } finally {
      await clone.close();
    }
  });
});
