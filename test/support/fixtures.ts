import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { SYSTEM_ACTOR } from "../../src/modules/access/actor";
import { createUser } from "../../src/modules/auth/auth.service";
import { createCompany, createOrgUnit } from "../../src/modules/org/org.service";
import { grades } from "../../src/modules/org/org.schema";
import { createPerson, updateSensitive } from "../../src/modules/people/people.service";
import { ZCreatePersonRequest } from "../../src/shared/api";

export const FIXTURE_PASSWORD = "fixture-password-1";

/**
 * A small, fully known group for rule and access tests:
 * HQ (parent, JP) with units ROOT > DEV > DEV1 and ROOT > SALES; SUB (JP subsidiary); US1 (overseas, January FY).
 * People: Mana (heads DEV), Emi (DEV1, reports to Mana, has a disability record), Oto (SALES), Hana (HR at HQ),
 * Sam (at SUB). Users: one per role.
 */
export async function seedFixtureGroup(db: Db) {
  const hq = await createCompany(db, SYSTEM_ACTOR, {
    code: "HQ",
    nameJa: "本社株式会社",
    nameEn: "HQ Corp.",
    country: "JP",
    currency: "JPY",
    isDomestic: true,
    fiscalYearStartMonth: 4,
    parentCompanyId: null,
  });
  const sub = await createCompany(db, SYSTEM_ACTOR, {
    code: "SUB",
    nameJa: "子会社株式会社",
    nameEn: "Sub Co.",
    country: "JP",
    currency: "JPY",
    isDomestic: true,
    fiscalYearStartMonth: 4,
    parentCompanyId: hq.id,
  });
  const us = await createCompany(db, SYSTEM_ACTOR, {
    code: "US1",
    nameJa: "米国法人",
    nameEn: "Tekizai America Inc.",
    country: "US",
    currency: "USD",
    isDomestic: false,
    fiscalYearStartMonth: 1,
    parentCompanyId: hq.id,
  });
  const [g1, m1, e1, s1] = await db
    .insert(grades)
    .values([
      { companyId: hq.id, code: "G1", nameJa: "一般", nameEn: "Staff", rank: 1 },
      {
        companyId: hq.id,
        code: "M1",
        nameJa: "課長",
        nameEn: "Section chief",
        rank: 5,
        isManagerLevel: true,
      },
      {
        companyId: hq.id,
        code: "E1",
        nameJa: "執行役員",
        nameEn: "Executive officer",
        rank: 9,
        isExecutive: true,
      },
      { companyId: sub.id, code: "S1", nameJa: "一般", nameEn: "Staff", rank: 1 },
    ])
    .returning();
  const unit = async (
    companyId: number,
    code: string,
    nameJa: string,
    nameEn: string,
    parentOrgUnitId: number | null,
  ) =>
    (
      await createOrgUnit(db, SYSTEM_ACTOR, {
        companyId,
        code,
        nameJa,
        nameEn,
        parentOrgUnitId,
        validFrom: "2016-04-01",
      })
    ).orgUnitId;
  const root = await unit(hq.id, "ROOT", "本社", "Head office", null);
  const dev = await unit(hq.id, "DEV", "開発本部", "Development Division", root);
  const dev1 = await unit(hq.id, "DEV1", "開発一課", "Development Section 1", dev);
  const sales = await unit(hq.id, "SALES", "営業部", "Sales Department", root);
  const subRoot = await unit(sub.id, "SROOT", "子会社本部", "Sub HQ", null);
  const usRoot = await unit(us.id, "USROOT", "米国本部", "US Office", null);

  const hire = async (
    family: [string, string, string],
    given: [string, string, string],
    gender: "female" | "male",
    employment: {
      companyId: number;
      number: string;
      hireDate: string;
      orgUnitId: number;
      gradeId: number | null;
      head?: boolean;
      manager?: number | null;
    },
  ) =>
    createPerson(
      db,
      SYSTEM_ACTOR,
      ZCreatePersonRequest.parse({
        familyName: family[0],
        familyNameKana: family[1],
        familyNameLatin: family[2],
        givenName: given[0],
        givenNameKana: given[1],
        givenNameLatin: given[2],
        gender,
        birthDate: "1990-05-05",
        employment: {
          companyId: employment.companyId,
          employeeNumber: employment.number,
          hireDate: employment.hireDate,
          employmentType: "regular",
          assignment: {
            orgUnitId: employment.orgUnitId,
            gradeId: employment.gradeId,
            isHead: employment.head ?? false,
            lineManagerPersonId: employment.manager ?? null,
          },
        },
      }),
    );
  const mana = await hire(["間", "ま", "Ma"], ["奈", "な", "Na"], "female", {
    companyId: hq.id,
    number: "H0001",
    hireDate: "2016-04-01",
    orgUnitId: dev,
    gradeId: m1!.id,
    head: true,
  });
  const emi = await hire(["江", "え", "E"], ["美", "み", "Mi"], "female", {
    companyId: hq.id,
    number: "H0002",
    hireDate: "2020-04-01",
    orgUnitId: dev1,
    gradeId: g1!.id,
    manager: mana,
  });
  const oto = await hire(["音", "おと", "Oto"], ["太", "た", "Ta"], "male", {
    companyId: hq.id,
    number: "H0003",
    hireDate: "2018-04-01",
    orgUnitId: sales,
    gradeId: g1!.id,
  });
  const hana = await hire(["花", "はな", "Hana"], ["子", "こ", "Ko"], "female", {
    companyId: hq.id,
    number: "H0004",
    hireDate: "2017-04-01",
    orgUnitId: root,
    gradeId: g1!.id,
  });
  const sam = await hire(["Smith", "", "Smith"], ["Sam", "", "Sam"], "male", {
    companyId: sub.id,
    number: "S0001",
    hireDate: "2019-07-01",
    orgUnitId: subRoot,
    gradeId: s1!.id,
  });
  await updateSensitive(db, SYSTEM_ACTOR, emi, { disabilityCategory: "physical", disabilitySevere: false });

  const user = (
    email: string,
    personId: number | null,
    roles: { role: "employee" | "manager" | "company_hr" | "group_hr"; companyId: number | null }[],
  ) =>
    createUser(db, SYSTEM_ACTOR, { email, displayName: email, password: FIXTURE_PASSWORD, personId, roles });
  await user("group-hr@fixture.test", null, [{ role: "group_hr", companyId: null }]);
  await user("hq-hr@fixture.test", hana, [
    { role: "employee", companyId: null },
    { role: "company_hr", companyId: hq.id },
  ]);
  await user("sub-hr@fixture.test", sam, [
    { role: "employee", companyId: null },
    { role: "company_hr", companyId: sub.id },
  ]);
  await user("manager@fixture.test", mana, [
    { role: "employee", companyId: null },
    { role: "manager", companyId: null },
  ]);
  await user("employee@fixture.test", emi, [{ role: "employee", companyId: null }]);
  await user("other@fixture.test", oto, [{ role: "employee", companyId: null }]);

  return {
    companies: { hq: hq.id, sub: sub.id, us: us.id },
    grades: { g1: g1!.id, m1: m1!.id, e1: e1!.id, s1: s1!.id },
    units: { root, dev, dev1, sales, subRoot, usRoot },
    people: { mana, emi, oto, hana, sam },
  };
}

export type FixtureGroup = Awaited<ReturnType<typeof seedFixtureGroup>>;

/** Row count of a table (to check that a refused operation wrote nothing). */
export async function countRows(db: Db, table: string): Promise<number> {
  const result = (await db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]!.n);
}
