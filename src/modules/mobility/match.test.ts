import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { type CareersClone, type CareersHarness, createCareersHarness } from "./careers.test-harness";
import { bruteForceRank, type RankPath, rankTraced } from "./match.engine";
import { generator, randomNeeds } from "./match.test-support";

/** A posting of HQ's DEV unit asking for programming 3 (required), critical thinking 2 (required), network 2 (preferred). */
async function seedPosting(clone: CareersClone, h: CareersHarness, status = "open"): Promise<number> {
  const { companies, units, positions, skills } = h.fixture;
  const [row] = await queryRows<{ id: number }>(
    clone.database.db,
    sql`insert into postings (company_id, org_unit_id, kind, status, title_ja, title_en, position_id, location, opened_on)
        values (${companies.hq}, ${units.dev}, 'transfer', ${status}, '開発者募集', 'Developer wanted', ${positions.developer},
                'Tokyo', current_date) returning id`,
  );
  await clone.database.exec(
    `insert into posting_skills (posting_id, skill_id, level, required) values
       (${row!.id}, ${skills.programming}, 3, true), (${row!.id}, ${skills.critical}, 2, true), (${row!.id}, ${skills.network}, 2, false)`,
  );
  return row!.id;
}

async function assess(db: Db, personId: number, skillId: number, level: number, source = "manager") {
  await db.execute(
    sql`insert into skill_assessments (person_id, skill_id, level, source, assessed_on)
        values (${personId}, ${skillId}, ${level}, ${source}, current_date - 1)`,
  );
}

const consent = (clone: CareersClone, personId: number, fields = "true, '[]', '[]'") =>
  clone.database.exec(
    `insert into scouting_consents (person_id, all_companies, company_ids, org_unit_ids) values (${personId}, ${fields})`,
  );

describe.each(TEST_ENGINES)("matching on %s", (engine) => {
  let h: CareersHarness;
  beforeAll(async () => {
    h = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("ranks exactly like the brute-force scan (random people and postings, populations, limits, both rules)", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      // 400 people holding each of 12 skills with probability 0.45 at level 1–5 (a tenth up to 9), some levels
      // self-assessed only (so the two rules differ); plenty of ties, broken by person id.
      await clone.database.exec(`select setseed(0.42);
        insert into persons (family_name, given_name, gender) select 'P' || g, 'Q', 'female' from generate_series(1, 400) g;
        insert into skill_assessments (person_id, skill_id, level, source, assessed_on)
          select p.id, s.id, case when random() < 0.1 then 1 + floor(random() * 9)::int else 1 + floor(random() * 5)::int end,
                 case when random() < 0.8 then 'manager' else 'self' end, current_date - 1
          from persons p cross join (select id from skills order by id limit 12) s
          where p.family_name like 'P%' and random() < 0.45;`);
      const skillIds = (
        await queryRows<{ id: number }>(db, sql`select id from skills order by id limit 12`)
      ).map((r) => r.id);
      const populations = [
        () => sql`true`,
        (p: SQL) => sql`${p} % 3 <> 0`,
        (p: SQL) => sql`${p} % 29 = 0`, // a handful: the tiers give up
        () => sql`false`,
      ];
      const random = generator(7);
      const paths = new Map<string, Set<RankPath>>();
      // First without planner statistics (the tiers step through the possible losses), then with them (the tiers
      // are chosen by the people expected), then with fewer clauses than a tier needs (supersets cut by points).
      for (const pass of ["no statistics", "statistics", "few clauses"] as const) {
        if (pass === "statistics") {
          await clone.database.exec("analyze person_skill_tokens");
          const [stats] = await queryRows<{ ok: boolean }>(
            db,
            sql`select most_common_elems is not null as ok from pg_stats
                where tablename = 'person_skill_tokens' and attname = 'confirmed_tokens'`,
          );
          expect(stats?.ok).toBe(true);
        }
        paths.set(pass, new Set());
        for (let round = 0; round < 6; round++) {
          const needs = randomNeeds(random, skillIds, 7, round % 3 === 0 ? 8 : 5);
          for (const rule of ["latest_confirmed", "latest_any"] as const) {
            for (const population of populations) {
              for (const limit of round % 2 === 0 ? [1, 50] : [10]) {
                const options = { needs, rule, population, limit, bruteForceBelow: 0 };
                const traced = await rankTraced(db, {
                  ...options,
                  maxClauses: pass === "few clauses" ? 2 : 32,
                });
                paths.get(pass)!.add(traced.path);
                expect(traced.people, JSON.stringify({ pass, needs, rule, limit })).toEqual(
                  await bruteForceRank(db, options),
                );
              }
            }
          }
        }
      }
      for (const [pass, seen] of paths)
        expect([...seen].sort(), pass).toEqual(["aggregate", "tier", "tier 0"]);
    } finally {
      await clone.close();
    }
  });

  it("gives a recruiter of the posting company the opted-in candidates, explained", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { people, skills } = h.fixture;
      const postingId = await seedPosting(clone, h);
      await assess(db, people.emi, skills.programming, 4);
      await assess(db, people.emi, skills.critical, 1);
      await assess(db, people.oto, skills.programming, 3);
      await assess(db, people.hana, skills.programming, 5); // never opted in
      await assess(db, people.mana, skills.programming, 5); // opted in, then withdrew
      await consent(clone, people.emi);
      await consent(clone, people.oto);
      await clone.database.exec(
        `insert into scouting_consents (person_id, all_companies, withdrawn_at) values (${people.mana}, true, now())`,
      );
      await clone.database.exec(
        `insert into work_history_entries (person_id, period_from, organisation, role, achievements, skill_ids)
         values (${people.emi}, '2021-04-01', '開発部', 'Backend developer', '決済基盤を刷新', '[${skills.programming}]')`,
      );

      const response = await clone.call(
        "recruiterHq",
        "GET",
        `/api/matching/postings/${postingId}/candidates`,
      );
      expect(response.status).toBe(200);
      const ids = response.body.candidates.map((c: { person: { id: number } }) => c.person.id);
      expect(ids).toEqual([people.emi, people.oto]);
      const emi = response.body.candidates[0].explanation;
      // programming 4 ≥ 3 (2 points), critical 1/2 (2 × 0.5), network missing: 3 of 5 points.
      expect(emi.score).toBe(60);
      expect(
        emi.skills.map((l: { skill: { id: number }; status: string }) => [l.skill.id, l.status]),
      ).toEqual([
        [skills.critical, "gap"], // required first, then by skill code
        [skills.programming, "has"],
        [skills.network, "missing"],
      ]);
      expect(emi.experience.entries).toHaveLength(1);
      expect(emi.experience.entries[0].skillIds).toEqual([skills.programming]);

      // Hidden people are "not found", exactly like people who do not exist.
      for (const hidden of [people.hana, people.mana, 999999]) {
        const one = await clone.call(
          "recruiterHq",
          "GET",
          `/api/matching/postings/${postingId}/candidates/${hidden}`,
        );
        expect(one.status).toBe(404);
        expect(one.body.code).toBe("NOT_FOUND");
      }
      const shown = await clone.call(
        "recruiterHq",
        "GET",
        `/api/matching/postings/${postingId}/candidates/${people.emi}`,
      );
      expect(shown.status).toBe(200);
      expect(shown.body.candidate.explanation.score).toBe(60);

      // Not a recruiter of HQ, or HR, or an employee: refused.
      for (const role of ["recruiterSub", "groupHr", "hqHr", "employee"] as const) {
        const refused = await clone.call(role, "GET", `/api/matching/postings/${postingId}/candidates`);
        expect(refused.status, role).toBe(403);
      }
    } finally {
      await clone.close();
    }
  });

  it("hides people without consent from search, candidates, scouts and counts; withdrawal takes effect at once", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { people, skills } = h.fixture;
      const postingId = await seedPosting(clone, h);
      for (const person of [people.emi, people.oto, people.hana])
        await assess(db, person, skills.programming, 4);
      await consent(clone, people.emi);
      await consent(clone, people.oto);
      await clone.database.exec(
        `insert into work_history_entries (person_id, period_from, organisation, role) values
           (${people.emi}, '2020-04-01', '決済チーム', 'Payments engineer'),
           (${people.hana}, '2020-04-01', '決済チーム', 'Payments lead')`,
      );
      const search = (query: string) => clone.call("recruiterHq", "GET", `/api/scouting/search?${query}`);
      const idsOf = (body: { hits: { person: { id: number } }[] }) => body.hits.map((hit) => hit.person.id);

      expect(idsOf((await search(`skills=${skills.programming}:3`)).body).sort()).toEqual(
        [people.emi, people.oto].sort(),
      );
      // Level 0: holds the skill at all; above any level: nobody; two skills: both held (Emi alone has critical).
      expect(idsOf((await search(`skills=${skills.programming}:0`)).body).sort()).toEqual(
        [people.emi, people.oto].sort(),
      );
      expect(idsOf((await search(`skills=${skills.programming}:99`)).body)).toEqual([]);
      await assess(db, people.emi, skills.critical, 2);
      expect(idsOf((await search(`skills=${skills.programming}:4,${skills.critical}:2`)).body)).toEqual([
        people.emi,
      ]);
      expect(idsOf((await search(`q=${encodeURIComponent("決済")}`)).body)).toEqual([people.emi]);
      expect(idsOf((await search("q=payments")).body)).toEqual([people.emi]);
      expect((await clone.call("hqHr", "GET", "/api/scouting/search?q=payments")).status).toBe(403);
      expect((await clone.call("employee", "GET", "/api/scouting/search?q=payments")).status).toBe(403);
      const bad = await search("skills=abc");
      expect(bad.status).toBe(400);
      expect(bad.body.fields[0].path).toBe("skills");

      // Scouting someone who did not opt in: not found (the same as a person who does not exist); nothing written.
      for (const personId of [people.hana, 999999]) {
        const refused = await clone.call("recruiterHq", "POST", "/api/scouts", {
          postingId,
          personId,
          message: "Interested?",
        });
        expect(refused.status).toBe(404);
      }
      const sent = await clone.call("recruiterHq", "POST", "/api/scouts", {
        postingId,
        personId: people.emi,
        message: "Interested?",
      });
      expect(sent.status).toBe(201);
      const twice = await clone.call("recruiterHq", "POST", "/api/scouts", {
        postingId,
        personId: people.emi,
        message: "Again?",
      });
      expect(twice.status).toBe(409);
      const countOf = async () =>
        (await clone.call("recruiterHq", "GET", "/api/scouting/postings")).body.postings.find(
          (p: { posting: { id: number } }) => p.posting.id === postingId,
        );
      expect(await countOf()).toMatchObject({ sent: 1, open: 1 });
      expect((await queryRows(db, sql`select 1 from scouts`)).length).toBe(1);

      // Emi withdraws her consent: gone from every recruiter path at once; she still sees her own scout.
      await clone.database.exec(
        `update scouting_consents set withdrawn_at = now() where person_id = ${people.emi}`,
      );
      expect(idsOf((await search(`skills=${skills.programming}:3`)).body)).toEqual([people.oto]);
      expect(idsOf((await search("q=payments")).body)).toEqual([]);
      const candidates = await clone.call(
        "recruiterHq",
        "GET",
        `/api/matching/postings/${postingId}/candidates`,
      );
      expect(candidates.body.candidates.map((c: { person: { id: number } }) => c.person.id)).toEqual([
        people.oto,
      ]);
      expect(
        (
          await clone.call(
            "recruiterHq",
            "GET",
            `/api/matching/postings/${postingId}/candidates/${people.emi}`,
          )
        ).status,
      ).toBe(404);
      expect(
        (await clone.call("recruiterHq", "GET", `/api/scouting/postings/${postingId}/scouts`)).body.scouts,
      ).toEqual([]);
      expect(await countOf()).toMatchObject({ sent: 0, open: 0 });
      expect((await clone.call("recruiterHq", "POST", `/api/scouts/${sent.body.id}/withdraw`)).status).toBe(
        404,
      );
      const mine = await clone.call("employee", "GET", "/api/scouts/mine");
      expect(mine.body.scouts.map((s: { id: number }) => s.id)).toEqual([sent.body.id]);
    } finally {
      await clone.close();
    }
  });

  it("shows an employee the open postings that fit, with gaps and the courses that close them", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { people, skills, courses } = h.fixture;
      const postingId = await seedPosting(clone, h);
      await seedPosting(clone, h, "closed");
      await assess(db, people.emi, skills.programming, 1);
      await assess(db, people.emi, skills.critical, 2);
      const response = await clone.call("employee", "GET", "/api/matching/me/postings");
      expect(response.status).toBe(200);
      expect(response.body.postings.map((p: { posting: { id: number } }) => p.posting.id)).toEqual([
        postingId,
      ]);
      const fit = response.body.postings[0];
      expect(fit.eligible).toBe(true);
      const programming = fit.explanation.courses.find(
        (c: { skillId: number }) => c.skillId === skills.programming,
      );
      expect(programming.courses.map((c: { id: number }) => c.id)).toEqual([courses.programming]);
      const one = await clone.call("employee", "GET", `/api/matching/me/postings/${postingId}`);
      expect(one.body.explanation.score).toBe(fit.explanation.score);
      // A user without a person (group HR) has no postings that fit them.
      expect((await clone.call("groupHr", "GET", "/api/matching/me/postings")).status).toBe(403);
    } finally {
      await clone.close();
    }
  });
});

describe.each(TEST_ENGINES)("scouts on %s", (engine) => {
  let h: CareersHarness;
  beforeAll(async () => {
    h = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("lets the scouted person accept (and apply) or decline, once; others cannot answer", async () => {
    const clone = await h.clone();
    try {
      const db = clone.database.db;
      const { people } = h.fixture;
      const postingId = await seedPosting(clone, h);
      const second = await seedPosting(clone, h);
      await consent(clone, people.emi);
      const send = (id: number) =>
        clone.call("recruiterHq", "POST", "/api/scouts", {
          postingId: id,
          personId: people.emi,
          message: "Join us",
        });
      const first = (await send(postingId)).body;
      const other = (await send(second)).body;
      const notified = await queryRows<{ kind: string }>(
        db,
        sql`select n.kind from notifications n join users u on u.id = n.recipient_user_id where u.person_id = ${people.emi} order by n.id`,
      );
      expect(notified.map((n) => n.kind)).toEqual(["scout_received", "scout_received"]);

      // Somebody else cannot answer Emi's scout: not found; nothing changes.
      expect((await clone.call("other", "POST", `/api/scouts/${first.id}/accept`, {})).status).toBe(404);
      expect((await clone.call("recruiterHq", "POST", `/api/scouts/${first.id}/decline`, {})).status).toBe(
        404,
      );

      const accepted = await clone.call("employee", "POST", `/api/scouts/${first.id}/accept`, {
        motivation: "I would love to.",
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe("accepted");
      expect(accepted.body.applicationId).toEqual(expect.any(Number));
      const [application] = await queryRows<{ scoutId: number; personId: number }>(
        db,
        sql`select scout_id as "scoutId", person_id as "personId" from applications where id = ${accepted.body.applicationId}`,
      );
      expect(application).toEqual({ scoutId: first.id, personId: people.emi });
      expect((await clone.call("employee", "POST", `/api/scouts/${first.id}/decline`, {})).status).toBe(409);

      const declined = await clone.call("employee", "POST", `/api/scouts/${other.id}/decline`, {
        note: "Not now",
      });
      expect(declined.body).toMatchObject({
        status: "declined",
        responseNote: "Not now",
        applicationId: null,
      });

      const counts = (await clone.call("recruiterHq", "GET", "/api/scouting/postings")).body.postings;
      const countOf = (id: number) => counts.find((p: { posting: { id: number } }) => p.posting.id === id);
      expect(countOf(postingId)).toMatchObject({ sent: 1, accepted: 1, declined: 0, open: 0 });
      expect(countOf(second)).toMatchObject({ sent: 1, accepted: 0, declined: 1, open: 0 });
      const recruiterNotes = await queryRows<{ kind: string }>(
        db,
        sql`select kind from notifications where recipient_user_id = ${h.fixture.users.recruiterHq} and kind like 'scout_%' order by id`,
      );
      expect(recruiterNotes.map((n) => n.kind)).toEqual(["scout_accepted", "scout_declined"]);

      // The mobility figures count them (HQ's fiscal year starts in April); only HR of the company reads them.
      const now = new Date();
      const fy = now.getUTCMonth() + 1 >= 4 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
      const figures = await clone.call(
        "hqHr",
        "GET",
        `/api/mobility/figures?fy=${fy}&companyId=${h.fixture.companies.hq}`,
      );
      expect(figures.status).toBe(200);
      expect(figures.body.total.scouts).toEqual({ sent: 2, accepted: 1, declined: 1 });
      expect(figures.body.companies).toHaveLength(1);
      expect(
        (
          await clone.call(
            "subHr",
            "GET",
            `/api/mobility/figures?fy=${fy}&companyId=${h.fixture.companies.hq}`,
          )
        ).status,
      ).toBe(403);
      expect((await clone.call("employee", "GET", `/api/mobility/figures?fy=${fy}`)).status).toBe(403);
      expect((await clone.call("hqHr", "GET", "/api/mobility/figures?fy=abc")).body.fields[0].path).toBe(
        "fy",
      );
    } finally {
      await clone.close();
    }
  });

  it("rolls the acceptance back when the application is refused (posting closed meanwhile)", async () => {
    const clone = await h.clone();
    try {
      const { people } = h.fixture;
      const postingId = await seedPosting(clone, h);
      await consent(clone, people.emi);
      const scout = (
        await clone.call("recruiterHq", "POST", "/api/scouts", {
          postingId,
          personId: people.emi,
          message: "Hi",
        })
      ).body;
      await clone.database.exec(`update postings set status = 'closed' where id = ${postingId}`);
      const refused = await clone.call("employee", "POST", `/api/scouts/${scout.id}/accept`, {});
      expect(refused.status).toBe(400);
      const mine = await clone.call("employee", "GET", "/api/scouts/mine");
      expect(mine.body.scouts[0].status).toBe("sent");
      // A scout for a closed posting cannot be sent either.
      const closed = await clone.call("recruiterHq", "POST", "/api/scouts", {
        postingId,
        personId: people.emi,
        message: "Hi again",
      });
      expect(closed.status).toBe(400);
      expect(closed.body.fields[0].path).toBe("postingId");
    } finally {
      await clone.close();
    }
  });
});
