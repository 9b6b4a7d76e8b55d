import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/query";
import { browserUnavailableReason, E2E_REQUIRED, launchBrowser, SCREENSHOT_DIR } from "../support/browser";
import { startDemoServer } from "../support/demo-server";

const unavailable = browserUnavailableReason();
if (unavailable && E2E_REQUIRED)
  throw new Error(`Browser tests are required here but cannot run: ${unavailable}`);
if (unavailable) process.stderr.write(`\n[browser tests skipped] ${unavailable}\n\n`);

const PASSWORD = "tekizai-demo";
const PHRASE = "量子暗号プロジェクト";

describe.skipIf(unavailable !== undefined)("scouting in the browser (Chromium)", () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let postingId = 0;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startDemoServer();
    // The demo employee opts in to every company and records a project; the parent company (the demo recruiter's)
    // posts a transfer asking for two of the employee's skills.
    const db = server.database;
    const [me] = await queryRows<{ personId: number }>(
      db.db,
      sql`select person_id as "personId" from users where email = 'employee@demo.tekizai.dev'`,
    );
    const personId = me!.personId;
    await db.exec(`update scouting_consents set withdrawn_at = now() where person_id = ${personId} and withdrawn_at is null;
      insert into scouting_consents (person_id, all_companies) values (${personId}, true);
      insert into work_history_entries (person_id, period_from, organisation, role, achievements)
        values (${personId}, '2022-04-01', '研究開発部', 'Lead engineer', '${PHRASE}を主導');`);
    const [posting] = await queryRows<{ id: number }>(
      db.db,
      sql.raw(`insert into postings (company_id, org_unit_id, kind, status, title_ja, title_en, opened_on, location)
         select r.company_id, (select v.org_unit_id from org_unit_versions v where v.company_id = r.company_id
                                 and v.during @> current_date and v.org_unit_id not in
                                   (select org_unit_id from assignments where person_id = ${personId})
                               order by v.org_unit_id limit 1),
                'transfer', 'open', 'セキュリティ基盤エンジニア', 'Security platform engineer', current_date, 'Tokyo'
         from user_roles r join users u on u.id = r.user_id
         where u.email = 'recruiter@demo.tekizai.dev' and r.role = 'recruiter' limit 1
         returning id`),
    );
    postingId = posting!.id;
    await db.exec(`insert into posting_skills (posting_id, skill_id, level, required)
      select ${postingId}, skill_id, greatest(any_level, 1), row_number() over (order by any_level desc, skill_id) = 1
      from person_skill_levels where person_id = ${personId} order by any_level desc, skill_id limit 2`);
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

  it("a recruiter finds an opted-in person, sees the explained match and scouts; the employee accepts and applies", {
    timeout: 240_000,
  }, async () => {
    const recruiter = await signedIn("recruiter@demo.tekizai.dev");
    await recruiter.getByTestId("nav-scouting").click();
    await recruiter.getByTestId("filter-text").fill(PHRASE);
    await recruiter.getByTestId("scouting-search").click();
    await recruiter.getByTestId("scouting-hit").first().waitFor();
    expect(await recruiter.getByTestId("scouting-hit").count()).toBe(1);
    await shot(recruiter, "scouting-search");

    // The candidates of the posting, explained.
    await recruiter.goto(`${server.url}/scouting/postings/${postingId}`);
    await recruiter.getByTestId("candidate").first().waitFor();
    await recruiter.getByTestId("match-explanation").first().waitFor();
    await shot(recruiter, "scouting-candidates");

    // Scout from the search result, choosing the posting.
    await recruiter.goto(`${server.url}/scouting`);
    await recruiter.getByTestId("filter-text").fill(PHRASE);
    await recruiter.getByTestId("scouting-search").click();
    await recruiter.getByTestId("scout-open").first().click();
    await recruiter.getByTestId("scout-posting").click();
    await recruiter.getByRole("option", { name: "Security platform engineer" }).click();
    await recruiter
      .getByTestId("scout-message")
      .fill("Your project fits our security platform. Shall we talk?");
    await recruiter.getByTestId("scout-send").click();
    await recruiter.getByTestId("scout-sent").waitFor();

    // The employee sees the scout (phone width, Japanese), accepts it and applies.
    const employee = await signedIn("employee@demo.tekizai.dev", 390, "ja");
    await employee.goto(`${server.url}/scouting/mine`);
    await employee.getByTestId("my-scout").first().waitFor();
    await employee.getByTestId("fitting-posting").first().waitFor();
    expect(await overflow(employee)).toBeLessThanOrEqual(1);
    await shot(employee, "scouting-mine-ja-phone");
    await employee.getByTestId("scout-accept").first().click();
    await employee.getByTestId("scout-answer-text").fill("ぜひ挑戦したいです。");
    await employee.getByTestId("scout-answer-confirm").click();
    await expect.poll(async () => employee.getByTestId("my-scout-status").first().textContent()).toBe("承諾");
    const applications = (await (await employee.request.get(`${server.url}/api/scouts/mine`)).json()) as {
      scouts: { status: string; applicationId: number | null; posting: { id: number } }[];
    };
    const accepted = applications.scouts.find((s) => s.posting.id === postingId);
    expect(accepted).toMatchObject({ status: "accepted", applicationId: expect.any(Number) });

    // The recruiter's count for the posting shows the accepted scout.
    await recruiter.goto(`${server.url}/scouting`);
    await recruiter.getByTestId("tab-postings").click();
    await recruiter.getByTestId("scout-counts").first().waitFor();
    await shot(recruiter, "scouting-postings");
    const counts = (await (await recruiter.request.get(`${server.url}/api/scouting/postings`)).json()) as {
      postings: { posting: { id: number }; accepted: number }[];
    };
    expect(counts.postings.find((p) => p.posting.id === postingId)?.accepted).toBe(1);

    // The recruiter's screens at phone width, in Japanese.
    const phone = await signedIn("recruiter@demo.tekizai.dev", 390, "ja");
    await phone.goto(`${server.url}/scouting/postings/${postingId}`);
    await phone.getByTestId("candidate").first().waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "scouting-candidates-ja-phone");
    await phone.goto(`${server.url}/scouting`);
    await phone.getByTestId("filter-text").fill(PHRASE);
    await phone.getByTestId("scouting-search").click();
    await phone.getByTestId("scouting-hit").first().waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "scouting-search-ja-phone");
  });
});
