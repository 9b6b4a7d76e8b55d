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

describe.skipIf(unavailable !== undefined)("the disclosure report in the browser (Chromium)", () => {
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

  async function signedIn(width: number, locale: "en" | "ja"): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 900 },
      locale: locale === "ja" ? "ja-JP" : "en-US",
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-email").fill("group-hr@demo.tekizai.dev");
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();
    await page.getByTestId("lang-switch").click();
    await page.getByTestId(`lang-${locale}`).click();
    return page;
  }

  const shot = (page: Page, name: string, fullPage = false) =>
    page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });

  it("group HR opens the report, switches the fiscal year and drills into a figure", {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn(1280, "en");
    await page.getByTestId("nav-reports").click();
    const report = page.getByTestId("report");
    await report.waitFor();
    const firstYear = Number(await report.getAttribute("data-fy"));
    expect(firstYear).toBeGreaterThan(2000);
    await page.getByTestId("report-section-workforce").getByTestId("report-chart").waitFor();
    await shot(page, "report-en-1280");

    // switch to the year before: the tables follow
    await page.getByTestId("report-fy").selectOption(String(firstYear - 1));
    await page.locator(`[data-testid="report"][data-fy="${firstYear - 1}"]`).waitFor();
    const lastRow = page.getByTestId("report-table-workforce").getByTestId("report-row").last();
    expect(await lastRow.getAttribute("data-key")).toBe(String(firstYear - 1));

    // drill from the leavers of the latest year to the people behind the number
    const leavers = lastRow.locator('[data-testid="metric-cell"][data-metric="leavers"]');
    const count = Number((await leavers.innerText()).replace(/[^\d]/g, ""));
    await leavers.click();
    await page.getByTestId("drill-drawer").getByTestId("drill-total").waitFor();
    expect(await page.getByTestId("drill-total").innerText()).toContain(String(count));
    if (count > 0) expect(await page.getByTestId("drill-row").count()).toBe(count);
    await page.waitForTimeout(400); // the drawer's slide-in
    await shot(page, "report-drill-en-1280");
    await page.context().close();

    // the same report on a phone, in Japanese: no sideways scrolling, fiscal years written 年度
    const phone = await signedIn(375, "ja");
    await phone.goto(`${server.url}/reports`);
    await phone.getByTestId("report-section-workforce").getByTestId("report-chart").waitFor();
    expect(await phone.getByTestId("report-fy").innerText()).toContain("年度");
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(phone, "report-ja-375");
    await phone.getByTestId("metric-cell").first().click();
    await phone.getByTestId("drill-total").waitFor();
    await phone.waitForTimeout(400);
    await shot(phone, "report-drill-ja-375");
    await phone.context().close();
  });
});
