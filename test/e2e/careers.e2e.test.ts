import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailableReason, E2E_REQUIRED, launchBrowser, SCREENSHOT_DIR } from "../support/browser";
import { startDemoServer } from "../support/demo-server";

const unavailable = browserUnavailableReason();
if (unavailable && E2E_REQUIRED)
  throw new Error(`Browser tests are required here but cannot run: ${unavailable}`);
if (unavailable) process.stderr.write(`\n[browser tests skipped] ${unavailable}\n\n`);

const PASSWORD = "tekizai-demo";

/** Career report round trip and scouting consent in the browser (issue 7, careers). */
describe.skipIf(unavailable !== undefined)(
  "career reports and scouting consent in the browser (Chromium)",
  () => {
    let server: Awaited<ReturnType<typeof startDemoServer>>;
    let browser: Browser;
    let closeBrowser: () => Promise<void>;

    beforeAll(async () => {
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      server = await startDemoServer();
      ({ browser, close: closeBrowser } = await launchBrowser());
    });
    afterAll(async () => {
      await closeBrowser?.();
      await server?.close();
    });

    async function signedIn(
      email: string,
      width = 1280,
      locale: "en" | "ja" = "en",
      password = PASSWORD,
    ): Promise<Page> {
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        locale: locale === "ja" ? "ja-JP" : "en-US",
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByTestId("login-email").fill(email);
      await page.getByTestId("login-password").fill(password);
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
    const get = async <T>(page: Page, url: string): Promise<T> =>
      (await (await page.request.get(`${server.url}${url}`)).json()) as T;

    it("employee writes and submits a career report, the manager comments, HR filters", {
      timeout: 240_000,
    }, async () => {
      const employee = await signedIn("employee@demo.tekizai.dev");
      await employee.getByTestId("nav-career-report").click();
      await employee
        .getByTestId("career-reflection")
        .fill("Shipped the DX roadmap; mentored two new graduates.");
      await employee
        .getByTestId("career-vision")
        .fill("Lead data platforms, ideally abroad for a few years.");
      await employee.getByTestId("career-locations").fill("Singapore, 大阪");
      await employee.getByTestId("career-timing").click();
      await employee.getByRole("option", { name: "Within a year" }).click();
      await employee.getByTestId("career-overseas").check();
      // The wished job categories: a picker of the group's categories, grouped by company.
      const options = await get<{ jobCategories: { id: number; name: { en: string } }[] }>(
        employee,
        "/api/career-reports/wish-options",
      );
      expect(options.jobCategories.length).toBeGreaterThan(0);
      await employee.getByTestId("career-job-categories").click();
      await employee.getByRole("option").first().waitFor();
      await shot(employee, "careers-my-report-job-categories");
      await employee.getByRole("option").first().click();
      await employee.keyboard.press("Escape");
      await employee.getByTestId("career-save").click();
      await employee.getByText("Draft saved").waitFor();
      await shot(employee, "careers-my-report");
      // The form in Japanese at phone width, then back.
      await employee.setViewportSize({ width: 390, height: 900 });
      await employee.getByTestId("lang-switch").click();
      await employee.getByTestId("lang-ja").click();
      await employee.getByTestId("career-job-categories").waitFor();
      await employee.waitForTimeout(300);
      expect(await overflow(employee)).toBeLessThanOrEqual(0);
      await shot(employee, "careers-my-report-form-phone-ja");
      await employee.setViewportSize({ width: 1280, height: 900 });
      await employee.getByTestId("lang-switch").click();
      await employee.getByTestId("lang-en").click();
      const submitted = employee.waitForResponse(
        (response) => response.url().endsWith("/submit") && response.request().method() === "POST",
      );
      await employee.getByTestId("career-submit").click();
      expect((await submitted).status()).toBe(200);
      await employee.getByTestId("career-report-status").first().waitFor();
      const mine = await get<{
        reports: {
          id: number;
          status: string;
          manager: { personId: number } | null;
          desiredJobCategories: { id: number }[];
        }[];
      }>(employee, "/api/career-reports/mine");
      const report = mine.reports.find((r) => r.status === "submitted")!;
      expect(report.manager).not.toBeNull();
      expect(report.desiredJobCategories).toHaveLength(1);

      // The report went to the employee's manager that day (their line manager); group HR gives them an account.
      const groupHr = await signedIn("group-hr@demo.tekizai.dev");
      const created = await groupHr.request.post(`${server.url}/api/users`, {
        data: {
          email: "line-manager@demo.tekizai.dev",
          displayName: "Line manager",
          password: `${PASSWORD}-line`,
          personId: report.manager!.personId,
          roles: [{ role: "employee" }, { role: "manager" }],
        },
      });
      expect(created.status()).toBe(201);
      const manager = await signedIn("line-manager@demo.tekizai.dev", 1280, "en", `${PASSWORD}-line`);
      await manager.getByTestId("nav-career-manager").click();
      await manager.getByTestId(`queue-row-${report.id}`).waitFor();
      await shot(manager, "careers-manager-queue");
      await manager.getByTestId(`queue-row-${report.id}`).getByRole("link").click();
      await manager
        .getByTestId("manager-comment-input")
        .fill("Good year. Let's talk about the Singapore program.");
      await manager.getByTestId("manager-comment-save").click();
      await manager.getByText("Comments saved").waitFor();
      await shot(manager, "careers-report-comment");
      // The employee is told, in the bell.
      await employee.reload();
      await employee.getByTestId("notification-bell").click();
      await employee.getByTestId("notification-item").first().waitFor();
      await shot(employee, "careers-bell");
      await employee.keyboard.press("Escape");

      const hr = await signedIn("company-hr@demo.tekizai.dev");
      await expect.poll(() => hr.getByTestId("nav-career-hr").count()).toBe(1);
      await hr.goto(`${server.url}/careers/hr`);
      await hr.getByTestId("timing-chart").waitFor();
      await hr.getByTestId("filter-within-year").check();
      await hr.getByTestId("filter-overseas").check();
      await hr
        .getByTestId("hr-report-list")
        .getByText(/Singapore/)
        .first()
        .waitFor();
      await shot(hr, "careers-hr-list");

      // Phone width, Japanese: the same sessions (sign-ins are rate limited).
      for (const [who, page, url] of [
        ["employee", employee, "/careers/report"],
        ["hr", hr, "/careers/hr"],
        ["manager", manager, "/careers/manager"],
      ] as const) {
        await page.setViewportSize({ width: 390, height: 900 });
        await page.goto(`${server.url}${url}`);
        await page.getByTestId("lang-switch").click();
        await page.getByTestId("lang-ja").click();
        await page.getByRole("heading", { level: 2 }).first().waitFor();
        await page.waitForTimeout(500);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        await shot(page, `careers-${who}-phone-ja`);
      }
    });

    it("employee grants, then withdraws, scouting consent; the recruiter sees the record only in between", {
      timeout: 180_000,
    }, async () => {
      const employee = await signedIn("employee@demo.tekizai.dev");
      const me = await get<{ personId: number }>(employee, "/api/me");
      const recruiter = await signedIn("recruiter@demo.tekizai.dev");
      const status = async () =>
        (await recruiter.request.get(`${server.url}/api/people/${me.personId}/work-history`)).status();
      expect(await status()).toBe(404);

      await employee.getByTestId("nav-work-history").click();
      await employee.getByTestId("consent-state").waitFor();
      await employee.getByTestId("wh-fill").click();
      await employee.getByTestId("work-history-entry").first().waitFor();
      await employee.getByTestId("consent-all").check();
      await employee.getByTestId("consent-grant").click();
      await employee.getByTestId("consent-withdraw").waitFor();
      await shot(employee, "careers-work-history-consent");
      expect(await status()).toBe(200);

      await employee.getByTestId("consent-withdraw").click();
      await employee.getByTestId("consent-history-row").first().waitFor();
      await expect.poll(() => employee.getByTestId("consent-withdraw").count()).toBe(0);
      expect(await status()).toBe(404);
      const phone = await signedIn("employee@demo.tekizai.dev", 390, "ja");
      await phone.goto(`${server.url}/careers/work-history`);
      await phone.getByTestId("consent-panel").waitFor();
      expect(await overflow(phone)).toBeLessThanOrEqual(0);
      await shot(phone, "careers-work-history-phone-ja");
    });
  },
);
