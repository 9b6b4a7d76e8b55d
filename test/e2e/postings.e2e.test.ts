import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query";
import { completeDueMoves } from "../../src/modules/mobility/application-release.service";
import { addDays, today } from "../../src/shared/dates";
import { browserUnavailableReason, E2E_REQUIRED, launchBrowser, SCREENSHOT_DIR } from "../support/browser";
import { startDemoServer } from "../support/demo-server";

const unavailable = browserUnavailableReason();
if (unavailable && E2E_REQUIRED)
  throw new Error(`Browser tests are required here but cannot run: ${unavailable}`);
if (unavailable) process.stderr.write(`\n[browser tests skipped] ${unavailable}\n\n`);

const PASSWORD = "tekizai-demo";
const HR = "company-hr@demo.tekizai.dev";
const EMPLOYEE = "employee@demo.tekizai.dev";
const MANAGER = "manager@demo.tekizai.dev";
const RECRUITER = "recruiter@demo.tekizai.dev";
/** A project in the demo employee's work-history record, for the recruiter to find. */
const PROJECT = "新規事業ピッチ大会";

interface Unit {
  id: number;
  code: string;
  companyId: number;
  headcount: number;
}

describe.skipIf(unavailable !== undefined)("internal postings in the browser (Chromium)", () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startDemoServer();
    // The demo employee lets recruiters of every group company see their work-history record, with a project.
    const [me] = await queryRows<{ personId: number }>(
      server.database.db,
      sql`select person_id as "personId" from users where email = ${EMPLOYEE}`,
    );
    await server.database.exec(`update scouting_consents set withdrawn_at = now()
        where person_id = ${me!.personId} and withdrawn_at is null;
      insert into scouting_consents (person_id, all_companies) values (${me!.personId}, true);
      insert into work_history_entries (person_id, period_from, organisation, role, achievements)
        values (${me!.personId}, '2023-04-01', '経営企画部', 'Planner', '${PROJECT}を企画・運営');`);
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  async function signedIn(email: string, width = 1280, locale: "en" | "ja" = "en"): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: locale === "ja" ? "ja-JP" : "en-US",
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-email").fill(email);
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();
    await page.getByTestId("lang-switch").click();
    await page.getByTestId(`lang-${locale}`).click();
    return page;
  }
  const shot = async (page: Page, name: string) => {
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  };
  const overflow = (page: Page) =>
    page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
  const getJson = async <T>(page: Page, url: string): Promise<T> =>
    (await (await page.request.get(`${server.url}${url}`)).json()) as T;
  const postJson = async <T>(page: Page, url: string, data: unknown): Promise<T> => {
    const response = await page.request.post(`${server.url}${url}`, { data });
    expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
  /** Picks an option of a Mantine Select by typing part of its label. */
  const choose = async (page: Page, testId: string, text: string) => {
    await page.getByTestId(testId).click();
    await page.getByTestId(testId).fill(text);
    await page
      .getByRole("option", { name: new RegExp(text.replace(/[()]/g, "\\$&")) })
      .first()
      .click();
  };

  /**
   * A login for the person who releases: the demo manager heads the department, the employee's line manager may
   * be a section head without an account; group HR gives them one (as an operator would).
   */
  async function lineManagerLogin(personId: number): Promise<string> {
    const admin = await signedIn("group-hr@demo.tekizai.dev");
    const me = await getJson<{ personId: number | null }>(await signedIn(MANAGER), "/api/me");
    if (me.personId === personId) return MANAGER;
    const email = `line-manager-${personId}@demo.tekizai.dev`;
    const response = await admin.request.post(`${server.url}/api/users`, {
      data: {
        email,
        displayName: email,
        password: PASSWORD,
        personId,
        roles: [{ role: "manager", companyId: null }],
      },
    });
    expect([201, 409]).toContain(response.status());
    await admin.context().close();
    return email;
  }

  /** The employee's current unit and another unit of the same company with people in it. */
  async function places(hr: Page, personId: number) {
    const person = await getJson<{
      employments: {
        company: { id: number };
        assignments: { kind: string; orgUnit: { id: number }; validTo: string | null }[];
      }[];
    }>(hr, `/api/people/${personId}`);
    const employment = person.employments[0]!;
    const home = employment.assignments.filter((a) => a.kind === "primary").map((a) => a.orgUnit.id);
    const chart = await getJson<{ companies: { units: Unit[] }[] }>(
      hr,
      `/api/org-chart?companyId=${employment.company.id}`,
    );
    const units = chart.companies
      .flatMap((c) => c.units)
      .filter((u) => !home.includes(u.id) && u.headcount > 0 && u.companyId === employment.company.id);
    return { companyId: employment.company.id, units };
  }

  it("walks a transfer posting from creation through scouting, application, release and confirmation to the new unit", {
    timeout: 240_000,
  }, async () => {
    const hr = await signedIn(HR);
    const employee = await signedIn(EMPLOYEE);
    const emp = await getJson<{ personId: number }>(employee, "/api/me");
    const { companyId, units } = await places(hr, emp.personId);
    const target = units[0]!;
    const catalog = await getJson<{ items: { id: number; name: { en: string }; skills: number }[] }>(
      hr,
      `/api/job-descriptions?companyId=${companyId}`,
    );
    const position = catalog.items.find((p) => p.skills > 0);

    // HR creates the posting: unit, titles, the position and its skill map copied as required skills.
    await hr.getByTestId("nav-manage-postings").click();
    await hr.getByTestId("posting-new").click();
    await choose(hr, "editor-org-unit", `(${target.code})`);
    if (position) {
      await choose(hr, "editor-position", position.name.en);
      await hr.getByTestId("editor-copy-skills").click();
      await hr.getByText(/copied from the skill map/).waitFor();
    }
    await hr.getByTestId("editor-title-ja").fill("新規事業企画");
    await hr.getByTestId("editor-title-en").fill("New business planning");
    await shot(hr, "postings-editor-en-1280");
    await hr.getByTestId("editor-save").click();
    await hr.getByTestId("posting-title").waitFor();
    await hr.getByTestId("posting-open").click();
    await hr.getByTestId("posting-close").waitFor();
    const postingId = Number(hr.url().split("/").pop());

    // A recruiter of the company finds the employee by a project in their work history and scouts them for it.
    const recruiter = await signedIn(RECRUITER);
    await recruiter.getByTestId("nav-scouting").click();
    await recruiter.getByTestId("filter-text").fill(PROJECT);
    await recruiter.getByTestId("scouting-search").click();
    await recruiter.getByTestId("scout-open").first().click();
    await recruiter.getByTestId("scout-posting").click();
    await recruiter.getByRole("option", { name: "New business planning" }).click();
    await recruiter.getByTestId("scout-message").fill("Your pitch contest fits our new business team.");
    await recruiter.getByTestId("scout-send").click();
    await recruiter.getByTestId("scout-sent").waitFor();
    await recruiter.context().close();

    // The employee finds the posting on the board, then accepts the scout, which applies.
    await employee.getByTestId("nav-postings").click();
    await employee.getByTestId("postings-search").fill("New business");
    await employee.getByRole("link", { name: "New business planning" }).click();
    await employee.getByTestId("apply-motivation").waitFor();
    await shot(employee, "posting-apply-en-1280");
    await employee.goto(`${server.url}/scouting/mine`);
    const scout = employee.getByTestId("my-scout").filter({ hasText: "New business planning" });
    await scout.getByTestId("scout-accept").click();
    await scout.getByTestId("scout-answer-text").fill("I would like to plan new businesses.");
    await scout.getByTestId("scout-answer-confirm").click();
    await scout.getByTestId("my-scout-status").filter({ hasText: "Accepted" }).waitFor();
    await shot(employee, "posting-scout-accepted-en-1280");
    const scouts = await getJson<{
      scouts: { status: string; applicationId: number | null; posting: { id: number } }[];
    }>(employee, "/api/scouts/mine");
    const applicationId = scouts.scouts.find((s) => s.posting.id === postingId)!.applicationId!;
    expect(applicationId).toEqual(expect.any(Number));
    await employee.goto(`${server.url}/postings/${postingId}`);
    await employee.getByTestId("my-application").waitFor();

    // The manager is not told yet.
    const manager = await signedIn(MANAGER);
    expect((await manager.request.get(`${server.url}/api/applications/${applicationId}`)).status()).toBe(404);

    // The posting owner (HR here) moves it through review, interviews and the offer, then asks for the release.
    await hr.goto(`${server.url}/applications/${applicationId}`);
    for (const status of ["In review", "Interviews", "Offered"]) {
      await hr.getByTestId("app-advance").click();
      await hr.getByTestId("application-status").filter({ hasText: status }).waitFor();
    }
    await hr.getByTestId("app-advance").click();
    await hr.getByText(/Waiting for the release by/).waitFor();
    const waiting = await getJson<{ releasingManager: { personId: number } }>(
      hr,
      `/api/applications/${applicationId}`,
    );
    const lineManager = await lineManagerLogin(waiting.releasingManager.personId);
    await manager.context().close();

    // The employee's line manager releases from the queue.
    const releaser = await signedIn(lineManager);
    await releaser.getByTestId("nav-releases").click();
    await releaser.getByTestId("application-card").first().waitFor();
    await shot(releaser, "postings-release-queue-en-1280");
    await releaser.locator(`a[href="/applications/${applicationId}"]`).first().click();
    await releaser.getByTestId("app-release").click();
    await releaser.getByTestId("application-status").filter({ hasText: "Released" }).waitFor();

    // HR confirms with an effective date: a date in the past is refused, a future one schedules the move.
    await hr.getByTestId("nav-confirm-moves").click();
    await hr.getByTestId("application-card").first().waitFor();
    await shot(hr, "postings-confirm-queue-en-1280");
    await hr.goto(`${server.url}/applications/${applicationId}`);
    await hr.getByTestId("confirm-effective-on").fill(addDays(today(), -1));
    await hr.getByTestId("app-confirm").click();
    await hr.getByTestId("step-error").filter({ hasText: /past/ }).waitFor();
    const effectiveOn = addDays(today(), 7);
    await hr.getByTestId("confirm-effective-on").fill(effectiveOn);
    await hr.getByTestId("app-confirm").click();
    await hr.getByTestId("application-effective").waitFor();
    await shot(hr, "postings-application-confirmed-en-1280");

    // On the effective date the person is in the new unit (org chart as of that day), not before.
    const members = async (asOf: string) =>
      JSON.stringify(await getJson<unknown>(hr, `/api/org-units/${target.id}/members?asOf=${asOf}`));
    expect(await members(addDays(effectiveOn, -1))).not.toContain(`"id":${emp.personId},`);
    expect(await members(effectiveOn)).toContain(`"id":${emp.personId},`);
    await hr.goto(`${server.url}/org?asOf=${effectiveOn}&unit=${target.id}`);
    await shot(hr, "postings-org-effective-en-1280");
    expect(await completeDueMoves(server.database.db, effectiveOn)).toEqual([applicationId]);

    // The employee follows the status timeline, in Japanese at phone width.
    const phone = await signedIn(EMPLOYEE, 390, "ja");
    await phone.goto(`${server.url}/applications/${applicationId}`);
    await phone.getByTestId("application-timeline").waitFor();
    await phone.getByTestId("application-status").filter({ hasText: "異動済み" }).waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "postings-application-ja-390");
    await phone.goto(`${server.url}/postings`);
    await phone.getByTestId("posting-card").first().waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "postings-board-ja-390");
    for (const page of [hr, employee, releaser, phone]) await page.context().close();
  });

  it("walks a Select Job side assignment: the manager approves 20% of the time", {
    timeout: 180_000,
  }, async () => {
    const hr = await signedIn(HR);
    const employee = await signedIn(EMPLOYEE);
    const emp = await getJson<{ personId: number }>(employee, "/api/me");
    const { companyId, units } = await places(hr, emp.personId);
    const target = units[1] ?? units[0]!;
    const posting = await postJson<{ id: number }>(hr, "/api/postings", {
      companyId,
      orgUnitId: target.id,
      kind: "side_assignment",
      titleJa: "セレクトジョブ：データ分析",
      titleEn: "Select Job: data analysis",
      fteShare: 0.2,
      durationMonths: 6,
    });
    await postJson(hr, `/api/postings/${posting.id}/open`, {});
    await employee.goto(`${server.url}/postings/${posting.id}`);
    await employee.getByTestId("apply-send").click();
    await employee.getByTestId("my-application").waitFor();
    const mine = await getJson<{ items: { id: number; posting: { id: number } }[] }>(
      employee,
      "/api/applications",
    );
    const applicationId = mine.items.find((a) => a.posting.id === posting.id)!.id;
    for (let i = 0; i < 4; i++) await postJson(hr, `/api/applications/${applicationId}/advance`, {});

    const waiting = await getJson<{ releasingManager: { personId: number } }>(
      hr,
      `/api/applications/${applicationId}`,
    );
    const manager = await signedIn(await lineManagerLogin(waiting.releasingManager.personId), 390, "ja");
    await manager.goto(`${server.url}/applications/${applicationId}`);
    await manager.getByTestId("release-share").fill("20");
    await shot(manager, "postings-release-share-ja-390");
    expect(await overflow(manager)).toBeLessThanOrEqual(1);
    await manager.getByTestId("app-release").click();
    await manager.getByTestId("application-status").filter({ hasText: "送り出し承認" }).waitFor();

    const effectiveOn = addDays(today(), 14);
    const confirmed = await postJson<{ status: string; endsOn: string; approvedFteShare: number }>(
      hr,
      `/api/applications/${applicationId}/confirm`,
      { effectiveOn },
    );
    expect(confirmed).toMatchObject({ status: "confirmed", approvedFteShare: 0.2 });
    const person = await getJson<{
      employments: {
        assignments: {
          kind: string;
          orgUnit: { id: number };
          fte: number;
          validFrom: string;
          validTo: string | null;
        }[];
      }[];
    }>(hr, `/api/people/${emp.personId}?asOf=${effectiveOn}`);
    const side = person.employments[0]!.assignments.find(
      (a) => a.kind === "secondary" && a.orgUnit.id === target.id,
    );
    expect(side).toMatchObject({ fte: 0.2, validFrom: effectiveOn, validTo: confirmed.endsOn });
    for (const page of [hr, employee, manager]) await page.context().close();
  });
});
