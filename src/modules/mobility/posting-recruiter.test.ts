/**
 * Recruiter grants and postings: a recruiter of a company manages that company's postings; a grant with an org
 * unit only the postings placed in that unit and its sub-units; nothing of other companies. Denied writes change
 * nothing. Fixture: HQ with ROOT > DEV > DEV1 and ROOT > SALES, SUB, US1 (test/support/fixtures.ts); recruiters
 * for all of HQ, for SALES, for DEV1 and for SUB (careers.test-harness.ts), plus one for DEV made here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../../test/support/engines";
import { countRows, FIXTURE_PASSWORD } from "../../../test/support/fixtures";
import { signIn } from "../../../test/support/http";
import type { Db } from "../../db/client";
import { SYSTEM_ACTOR } from "../access/actor";
import { createUser } from "../auth/auth.service";
import {
  type CareerRole,
  type CareersClone,
  type CareersHarness,
  createCareersHarness,
} from "./careers.test-harness";

const TABLES = ["postings", "posting_skills", "applications", "application_events"];
const counts = async (db: Db) => Promise.all(TABLES.map((table) => countRows(db, table)));

describe.each(TEST_ENGINES)("recruiter grants on postings on %s", (engine) => {
  let harness: CareersHarness;
  beforeAll(async () => {
    harness = await createCareersHarness(engine);
  });
  afterAll(async () => {
    await harness?.close();
  });

  const posting = (orgUnitId: number, extra: Record<string, unknown> = {}) => ({
    companyId: harness.fixture.companies.hq,
    orgUnitId,
    kind: "transfer",
    titleJa: "募集",
    titleEn: "Opening",
    skills: [],
    ...extra,
  });

  async function create(clone: CareersClone, role: CareerRole, body: Record<string, unknown>) {
    const created = await clone.call(role, "POST", "/api/postings", body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as number;
  }

  /** Every way of managing a posting, as the role: status codes of edit, open, close, its applications. */
  async function manage(clone: CareersClone, role: CareerRole, id: number) {
    const edit = await clone.call(role, "PATCH", `/api/postings/${id}`, { titleEn: `Edited by ${role}` });
    const open = await clone.call(role, "POST", `/api/postings/${id}/open`);
    const applications = await clone.call(role, "GET", `/api/postings/${id}/applications`);
    const close = await clone.call(role, "POST", `/api/postings/${id}/close`);
    return [edit.status, open.status, applications.status, close.status];
  }

  const managed = async (clone: CareersClone, role: CareerRole) => {
    const list = await clone.call(role, "GET", "/api/postings?view=manage");
    expect(list.status).toBe(200);
    return (list.body.items as { id: number; canManage: boolean }[]).map((p) => [p.id, p.canManage]);
  };

  it("lets a recruiter of a company manage every posting of that company, wherever it is placed", async () => {
    const clone = await harness.clone();
    try {
      const { units, companies } = harness.fixture;
      const inDev1 = await create(clone, "recruiterHq", posting(units.dev1));
      const inSales = await create(clone, "recruiterHq", posting(units.sales));
      const atRoot = await create(clone, "hqHr", posting(units.root));
      const overseas = await create(
        clone,
        "recruiterHq",
        posting(units.usRoot, {
          kind: "overseas",
          hostCompanyId: companies.us,
          overseasProgram: "young_talent",
          durationMonths: 24,
        }),
      );
      for (const id of [inDev1, inSales, atRoot, overseas])
        expect(await manage(clone, "recruiterHq", id)).toEqual([200, 200, 200, 200]);
      expect(await managed(clone, "recruiterHq")).toEqual(
        expect.arrayContaining([
          [inDev1, true],
          [inSales, true],
          [atRoot, true],
          [overseas, true],
        ]),
      );
      expect(await managed(clone, "recruiterHq")).toHaveLength(4);
      // A posting HR created names no owner among the recruiters, yet the recruiter reads it as a draft too.
      const draft = await create(clone, "hqHr", posting(units.dev));
      const read = await clone.call("recruiterHq", "GET", `/api/postings/${draft}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ status: "draft", canManage: true });
    } finally {
      await clone.close();
    }
  });

  it("limits a recruiter with an org-unit grant to postings in that unit and its sub-units", async () => {
    const clone = await harness.clone();
    try {
      const { units, companies } = harness.fixture;
      const db = clone.database.db;
      // A recruiter for DEV, whose subtree holds DEV1.
      await createUser(db, SYSTEM_ACTOR, {
        email: "recruiter-dev@fixture.test",
        displayName: "Recruiter DEV",
        password: FIXTURE_PASSWORD,
        personId: null,
        roles: [{ role: "recruiter", companyId: companies.hq, orgUnitId: units.dev }],
      });
      const devCookie = await signIn(clone.app, "recruiter-dev@fixture.test", FIXTURE_PASSWORD);
      const asDev = async (method: "GET" | "POST" | "PATCH", url: string, payload?: object) => {
        const response = await clone.app.inject({
          method,
          url,
          headers: { cookie: devCookie },
          ...(payload ? { payload } : {}),
        });
        return { status: response.statusCode, body: response.json() };
      };

      const inDev1 = await create(clone, "hqHr", posting(units.dev1));
      const inDev = await create(clone, "hqHr", posting(units.dev));
      const inSales = await create(clone, "hqHr", posting(units.sales));
      const atRoot = await create(clone, "hqHr", posting(units.root));

      // DEV1's recruiter: DEV1 only, not its parent DEV, not SALES, not the root.
      expect(await manage(clone, "recruiterDev1", inDev1)).toEqual([200, 200, 200, 200]);
      for (const id of [inDev, inSales, atRoot]) {
        const before = await counts(db);
        expect(await manage(clone, "recruiterDev1", id)).toEqual([403, 403, 403, 403]);
        expect(await counts(db)).toEqual(before);
        // A draft outside the grant is not even disclosed.
        expect((await clone.call("recruiterDev1", "GET", `/api/postings/${id}`)).status).toBe(404);
      }
      expect(await managed(clone, "recruiterDev1")).toEqual([[inDev1, true]]);

      // SALES's recruiter: SALES only.
      expect(await manage(clone, "recruiterSales", inSales)).toEqual([200, 200, 200, 200]);
      expect(await manage(clone, "recruiterSales", inDev1)).toEqual([403, 403, 403, 403]);
      expect(await managed(clone, "recruiterSales")).toEqual([[inSales, true]]);

      // DEV's recruiter: DEV and DEV1 (the subtree), not SALES or the root.
      for (const id of [inDev, inDev1]) {
        expect((await asDev("PATCH", `/api/postings/${id}`, { titleEn: "Dev" })).status).toBe(200);
        expect((await asDev("POST", `/api/postings/${id}/open`)).status).toBe(200);
        expect((await asDev("GET", `/api/postings/${id}/applications`)).status).toBe(200);
      }
      for (const id of [inSales, atRoot])
        expect((await asDev("PATCH", `/api/postings/${id}`, { titleEn: "Dev" })).status).toBe(403);
      const devList = await asDev("GET", "/api/postings?view=manage");
      expect((devList.body.items as { id: number }[]).map((p) => p.id).sort((a, b) => a - b)).toEqual(
        [inDev1, inDev].sort((a, b) => a - b),
      );

      // Creating: inside the subtree yes; outside it (and at the host company of an overseas posting) no.
      const before = await counts(db);
      expect((await clone.call("recruiterDev1", "POST", "/api/postings", posting(units.dev))).status).toBe(
        403,
      );
      expect((await clone.call("recruiterSales", "POST", "/api/postings", posting(units.dev1))).status).toBe(
        403,
      );
      const overseas = posting(units.usRoot, {
        kind: "overseas",
        hostCompanyId: companies.us,
        overseasProgram: "mid_career",
        durationMonths: 36,
      });
      expect((await clone.call("recruiterDev1", "POST", "/api/postings", overseas)).status).toBe(403);
      expect(await counts(db)).toEqual(before);
      expect((await asDev("POST", "/api/postings", posting(units.dev1))).status).toBe(201);
      expect((await clone.call("recruiterSales", "POST", "/api/postings", posting(units.sales))).status).toBe(
        201,
      );
    } finally {
      await clone.close();
    }
  });

  it("gives a recruiter nothing of other companies: no create, no change, no drafts, no applications", async () => {
    const clone = await harness.clone();
    try {
      const { units, companies } = harness.fixture;
      const db = clone.database.db;
      const hqDraft = await create(clone, "hqHr", posting(units.dev1));
      const hqOpen = await create(clone, "hqHr", posting(units.sales));
      expect((await clone.call("hqHr", "POST", `/api/postings/${hqOpen}/open`)).status).toBe(200);
      const applied = await clone.call("employee", "POST", `/api/postings/${hqOpen}/applications`, {
        motivation: "I would like to work with customers.",
      });
      expect(applied.status, JSON.stringify(applied.body)).toBe(201);
      const subPosting = await create(
        clone,
        "subHr",
        posting(units.subRoot, { companyId: companies.sub, titleEn: "SUB opening" }),
      );

      const before = await counts(db);
      // SUB's recruiter and HQ's postings.
      expect((await clone.call("recruiterSub", "POST", "/api/postings", posting(units.sales))).status).toBe(
        403,
      );
      expect(await manage(clone, "recruiterSub", hqOpen)).toEqual([403, 403, 403, 403]);
      expect((await clone.call("recruiterSub", "GET", `/api/postings/${hqDraft}`)).status).toBe(404);
      const application = await clone.call("recruiterSub", "GET", `/api/applications/${applied.body.id}`);
      expect(application.status).toBe(404);
      const advance = await clone.call(
        "recruiterSub",
        "POST",
        `/api/applications/${applied.body.id}/advance`,
        {},
      );
      expect(advance.status).toBe(404);
      expect((await managed(clone, "recruiterSub")).map(([id]) => id)).toEqual([subPosting]);

      // HQ's recruiters and SUB's posting.
      for (const role of ["recruiterHq", "recruiterSales", "recruiterDev1"] as const) {
        expect(
          (
            await clone.call(
              role,
              "POST",
              "/api/postings",
              posting(units.subRoot, { companyId: companies.sub }),
            )
          ).status,
        ).toBe(403);
        expect(await manage(clone, role, subPosting)).toEqual([403, 403, 403, 403]);
        expect((await clone.call(role, "GET", `/api/postings/${subPosting}`)).status).toBe(404);
        expect((await managed(clone, role)).map(([id]) => id)).not.toContain(subPosting);
      }
      expect(await counts(db)).toEqual(before);

      // Within its grant a recruiter moves the application on, but confirming a move stays with HR.
      // (SALES's recruiter for the SALES posting; DEV1's recruiter is kept out like SUB's.)
      const advanced = await clone.call(
        "recruiterSales",
        "POST",
        `/api/applications/${applied.body.id}/advance`,
        {},
      );
      expect(advanced.status, JSON.stringify(advanced.body)).toBe(200);
      expect(advanced.body.status).toBe("in_review");
      const byDev1 = await clone.call(
        "recruiterDev1",
        "POST",
        `/api/applications/${applied.body.id}/reject`,
        {},
      );
      expect(byDev1.status).toBe(404);
      const confirm = await clone.call(
        "recruiterHq",
        "POST",
        `/api/applications/${applied.body.id}/confirm`,
        {
          effectiveOn: "2999-01-01",
        },
      );
      expect(confirm.status).toBe(403);
    } finally {
      await clone.close();
    }
  });
});
