/**
 * The workforce scenario the engine tests check by hand (FY2025: HQ and SUB April–March, US the calendar year).
 *
 * | person | employments                                                            | notes                                   |
 * | Aiko F 1990-06-01 | HQ 2015-04-01–, M1 manager, DEV                              | female manager                          |
 * | Ben  M 1996-01-15 | HQ 2025-07-01–, G1, DEV1; secondment to SUB from 2025-10-01   | hire at 29, 30 at FY end                |
 * | Chie F 1975-05-05 | HQ 2010-04-01 – 2026-03-31 voluntary, G1, DEV1               | leaves on the FY's last day, aged 50    |
 * | Dai  M 1980-01-01 | HQ 2012-04-01 – 2025-09-30 transfer; SUB 2025-10-01–, SM mgr | move within the group                   |
 * | Eri  F 1985-02-02 | HQ 2005-04-01–, E1 executive, ROOT                           | executive: not a manager                |
 * | Fumi F 1988-08-08 | HQ 2018-04-01–, M1, SALES; SUB part-time 2024-04-01–, S1     | two employments: once in the group      |
 * | Goro M 1965-03-15 | HQ 1990-04-01 – 2025-06-30 retirement; HQ reemployed 2025-07-01– | reemployed                          |
 * | Hana F 1965-10-01 | SUB 2000-04-01 – 2025-10-31 retirement                        | not reemployed                          |
 * | Ines F 1992-02-02 | US 2025-02-01 – 2025-11-30 voluntary                          | US FY2025 = calendar 2025               |
 * | Jack M 2000-12-31 | US 2020-01-01 – 2026-01-15 voluntary                          | a leaver of US FY2026, not FY2025       |
 * | Ken  M 1970-07-07 | HQ 2019-04-01 – 2022-03-31 voluntary; HQ 2025-05-01–, G1     | rehire                                  |
 */
import type { Db } from "../db/client";
import { FixtureBuilder } from "./test-support";

export async function seedWorkforceScenario(db: Db) {
  const f = new FixtureBuilder(db);
  const hq = await f.company("HQ");
  const sub = await f.company("SUB", { parent: hq });
  const us = await f.company("US", { fyMonth: 1, domestic: false, country: "US", parent: hq });
  const g1 = await f.grade(hq, "G1", 1);
  const m1 = await f.grade(hq, "M1", 5, { manager: true });
  const e1 = await f.grade(hq, "E1", 9, { executive: true });
  const s1 = await f.grade(sub, "S1", 1);
  const sm = await f.grade(sub, "SM", 5, { manager: true });
  const root = await f.unit(hq, "ROOT");
  const dev = await f.unit(hq, "DEV", root);
  const dev1 = await f.unit(hq, "DEV1", dev);
  const sales = await f.unit(hq, "SALES", root);
  const subRoot = await f.unit(sub, "SROOT");
  const usRoot = await f.unit(us, "UROOT");

  const aiko = await f.person("Aiko", "female", "1990-06-01");
  await f.employ(aiko, hq, { hire: "2015-04-01", grade: m1, unit: dev });
  const ben = await f.person("Ben", "male", "1996-01-15");
  const benHq = await f.employ(ben, hq, { hire: "2025-07-01", grade: g1, unit: dev1 });
  await f.assign(benHq, ben, hq, { unit: subRoot, from: "2025-10-01", to: null, kind: "secondment" });
  const chie = await f.person("Chie", "female", "1975-05-05");
  await f.employ(chie, hq, {
    hire: "2010-04-01",
    end: "2026-03-31",
    reason: "voluntary",
    grade: g1,
    unit: dev1,
  });
  const dai = await f.person("Dai", "male", "1980-01-01");
  await f.employ(dai, hq, {
    hire: "2012-04-01",
    end: "2025-09-30",
    reason: "transfer_within_group",
    grade: g1,
    unit: sales,
  });
  await f.employ(dai, sub, { hire: "2025-10-01", grade: sm, unit: subRoot });
  const eri = await f.person("Eri", "female", "1985-02-02");
  await f.employ(eri, hq, { hire: "2005-04-01", grade: e1, unit: root });
  const fumi = await f.person("Fumi", "female", "1988-08-08");
  await f.employ(fumi, hq, { hire: "2018-04-01", grade: m1, unit: sales });
  await f.employ(fumi, sub, { hire: "2024-04-01", grade: s1, unit: subRoot, type: "part_time", hours: 20 });
  const goro = await f.person("Goro", "male", "1965-03-15");
  await f.employ(goro, hq, {
    hire: "1990-04-01",
    end: "2025-06-30",
    reason: "mandatory_retirement",
    grade: g1,
    unit: sales,
  });
  await f.employ(goro, hq, { hire: "2025-07-01", grade: g1, unit: sales, type: "reemployed", hours: 30 });
  const hana = await f.person("Hana", "female", "1965-10-01");
  await f.employ(hana, sub, {
    hire: "2000-04-01",
    end: "2025-10-31",
    reason: "mandatory_retirement",
    grade: s1,
    unit: subRoot,
  });
  const ines = await f.person("Ines", "female", "1992-02-02");
  await f.employ(ines, us, { hire: "2025-02-01", end: "2025-11-30", reason: "voluntary", unit: usRoot });
  const jack = await f.person("Jack", "male", "2000-12-31");
  await f.employ(jack, us, { hire: "2020-01-01", end: "2026-01-15", reason: "voluntary", unit: usRoot });
  const ken = await f.person("Ken", "male", "1970-07-07");
  await f.employ(ken, hq, {
    hire: "2019-04-01",
    end: "2022-03-31",
    reason: "voluntary",
    grade: g1,
    unit: dev1,
  });
  await f.employ(ken, hq, { hire: "2025-05-01", grade: g1, unit: dev1 });

  return {
    builder: f,
    companies: { hq, sub, us },
    grades: { g1, m1, e1, s1, sm },
    units: { root, dev, dev1, sales, subRoot, usRoot },
    people: { aiko, ben, chie, dai, eri, fumi, goro, hana, ines, jack, ken },
  };
}

export type WorkforceScenario = Awaited<ReturnType<typeof seedWorkforceScenario>>;
