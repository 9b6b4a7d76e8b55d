/**
 * The fixture group of test/support/fixtures.ts with skills and learning on top: the O*NET library, HQ job
 * category and positions (Emi and Oto get one), a company skill, a skill map, courses with a future session,
 * an e-learning course and an OJT trainer training. Dates follow the real calendar (services use today()).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, today } from "../../shared/dates";
import { seedFixtureGroup } from "../../../test/support/fixtures";
import { SYSTEM_ACTOR } from "../access/actor";
import { createCourse, createSession } from "../learning/catalog.service";
import { jobCategories, positions } from "../org/org.schema";
import { createCategory, createSkill } from "./library.service";
import { loadOnetLibrary } from "./onet.service";
import { setSkillMap } from "./skill-maps.service";
import { findSkillByCode } from "./skills.repo";
import { ZCreateCourseRequest, ZCreateSessionRequest, ZCreateSkillRequest } from "../../shared/skills-api";

export async function seedSkillsFixture(db: Db) {
  const group = await seedFixtureGroup(db);
  await loadOnetLibrary(db, SYSTEM_ACTOR);
  const [eng] = await db
    .insert(jobCategories)
    .values({ companyId: group.companies.hq, code: "ENG", nameJa: "技術職", nameEn: "Engineering" })
    .returning();
  const [developer, salesRep, architect] = await db
    .insert(positions)
    .values([
      {
        companyId: group.companies.hq,
        jobCategoryId: eng!.id,
        code: "DEV",
        nameJa: "開発者",
        nameEn: "Developer",
        onetSocCode: "15-1132.00",
      },
      {
        companyId: group.companies.hq,
        jobCategoryId: null,
        code: "SALES",
        nameJa: "営業",
        nameEn: "Sales representative",
        onetSocCode: "41-4011.00",
      },
      {
        companyId: group.companies.hq,
        jobCategoryId: eng!.id,
        code: "ARCH",
        nameJa: "アーキテクト",
        nameEn: "Architect",
        onetSocCode: "15-1199.02",
      },
    ])
    .returning();
  await db.execute(
    sql`update assignments set position_id = ${developer!.id} where person_id in (${group.people.emi}, ${group.people.mana})`,
  );
  await db.execute(
    sql`update assignments set position_id = ${salesRep!.id} where person_id = ${group.people.oto}`,
  );

  const programming = (await findSkillByCode(db, null, "ONET-2.B.3.e"))!;
  const critical = (await findSkillByCode(db, null, "ONET-2.A.2.a"))!;
  const persuasion = (await findSkillByCode(db, null, "ONET-2.B.1.c"))!;
  const category = await createCategory(db, SYSTEM_ACTOR, {
    companyId: group.companies.hq,
    code: "HQ-TECH",
    nameJa: "技術(本社)",
    nameEn: "Technology (HQ)",
    sortOrder: 100,
  });
  const network = await createSkill(
    db,
    SYSTEM_ACTOR,
    ZCreateSkillRequest.parse({
      categoryId: category.id,
      companyId: group.companies.hq,
      code: "NET-OPS",
      nameJa: "ネットワーク運用",
      nameEn: "Network operation",
      anchors: [
        { level: 3, descriptionJa: "障害を一人で切り分けられる", descriptionEn: "Isolates outages alone" },
      ],
    }),
  );
  const from = "2020-04-01";
  await setSkillMap(db, SYSTEM_ACTOR, developer!.id, {
    validFrom: from,
    gradeId: null,
    entries: [
      { skillId: programming.id, requiredLevel: 3, desirableLevel: 4 },
      { skillId: critical.id, requiredLevel: 2, desirableLevel: null },
      { skillId: network.id, requiredLevel: 2, desirableLevel: null },
    ],
  });
  await setSkillMap(db, SYSTEM_ACTOR, architect!.id, {
    validFrom: from,
    gradeId: null,
    entries: [
      { skillId: programming.id, requiredLevel: 4, desirableLevel: null },
      { skillId: critical.id, requiredLevel: 4, desirableLevel: null },
    ],
  });
  await setSkillMap(db, SYSTEM_ACTOR, salesRep!.id, {
    validFrom: from,
    gradeId: null,
    entries: [{ skillId: persuasion.id, requiredLevel: 3, desirableLevel: null }],
  });

  const course = (body: Record<string, unknown>) =>
    createCourse(db, SYSTEM_ACTOR, ZCreateCourseRequest.parse(body));
  const programmingCourse = await course({
    code: "PROG-201",
    titleJa: "プログラミング実践",
    titleEn: "Programming in practice",
    kind: "department",
    delivery: "classroom",
    durationDays: 2,
    durationHours: 14,
    audience: { companyIds: [group.companies.hq] },
    skills: [{ skillId: programming.id, targetLevel: 3 }],
  });
  const compliance = await course({
    code: "COMP-EL",
    titleJa: "コンプライアンス e ラーニング",
    titleEn: "Compliance e-learning",
    kind: "compliance",
    delivery: "e_learning",
    durationDays: 0.25,
    durationHours: 1.5,
  });
  const ojtTraining = await course({
    code: "OJT-TRAINER",
    titleJa: "OJT 指導員研修",
    titleEn: "OJT trainer training",
    kind: "ojt_trainer",
    delivery: "classroom",
    durationDays: 1,
    durationHours: 7,
  });
  const managersOnly = await course({
    code: "MGR-101",
    titleJa: "新任管理職研修",
    titleEn: "New managers",
    kind: "layer",
    delivery: "classroom",
    durationDays: 3,
    durationHours: 21,
    audience: { managersOnly: true },
  });
  const day = today();
  const session = await createSession(
    db,
    SYSTEM_ACTOR,
    programmingCourse.id,
    ZCreateSessionRequest.parse({
      companyId: group.companies.hq,
      startsOn: addDays(day, 20),
      endsOn: addDays(day, 21),
      capacity: 1,
    }),
  );
  const ojtSession = await createSession(
    db,
    SYSTEM_ACTOR,
    ojtTraining.id,
    ZCreateSessionRequest.parse({
      companyId: group.companies.hq,
      startsOn: addDays(day, 10),
      endsOn: addDays(day, 10),
      capacity: 10,
    }),
  );
  return {
    ...group,
    jobCategories: { eng: eng!.id },
    positions: { developer: developer!.id, salesRep: salesRep!.id, architect: architect!.id },
    skills: {
      programming: programming.id,
      critical: critical.id,
      persuasion: persuasion.id,
      network: network.id,
    },
    courses: {
      programming: programmingCourse.id,
      compliance: compliance.id,
      ojt: ojtTraining.id,
      managers: managersOnly.id,
    },
    sessions: { programming: session.id, ojt: ojtSession.id },
  };
}

export type SkillsFixture = Awaited<ReturnType<typeof seedSkillsFixture>>;

/** "Time passes": moves a session into the past so that its completion can be recorded. */
export async function holdSession(db: Db, sessionId: number): Promise<void> {
  const day = today();
  await db.execute(
    sql`update course_sessions set starts_on = ${addDays(day, -3)}::date, ends_on = ${addDays(day, -2)}::date where id = ${sessionId}`,
  );
}
