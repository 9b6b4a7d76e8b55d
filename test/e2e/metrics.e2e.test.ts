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

  it("group HR exports the report in each format, sorts the group dashboard and opens the settings", {
    timeout: 180_000,
  }, async () => {
    const page = await signedIn(1280, "en");
    await page.goto(`${server.url}/reports`);
    await page.getByTestId("report").waitFor();
    const magic: Record<string, (bytes: Buffer) => boolean> = {
      xlsx: (b) => b.subarray(0, 2).toString("latin1") === "PK",
      csv: (b) => b.toString("utf8").startsWith("\uFEFFtable,figure,scope,period,value"),
      pdf: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
      json: (b) => (JSON.parse(b.toString("utf8")) as { tables: unknown[] }).tables.length > 0,
    };
    for (const format of ["xlsx", "csv", "pdf", "json"]) {
      await page.getByTestId("report-export").click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId(`report-export-${format}`).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^tekizai-disclosure-FY\\d{4}-group\\.${format}$`),
      );
      const bytes = fs.readFileSync((await download.path())!);
      expect(magic[format]!(bytes), format).toBe(true);
    }

    await page.getByTestId("report-dashboard-link").click();
    const table = page.getByTestId("dashboard-table");
    await table.waitFor();
    expect(await page.getByTestId("dashboard-row").count()).toBeGreaterThan(10);
    const column = async () =>
      (
        await page
          .getByTestId("dashboard-row")
          .evaluateAll((rows) => rows.map((row) => (row.children[2] as { innerText: string }).innerText))
      )
        .map((text) => Number.parseFloat(text.replace(/[^\d.]/g, "")))
        .filter((n) => !Number.isNaN(n));
    await page.getByTestId("dashboard-sort-women_share").click(); // descending first
    const descending = await column();
    expect(descending.length).toBeGreaterThan(5);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    await page.getByTestId("dashboard-sort-women_share").click();
    const ascending = await column();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await shot(page, "dashboard-en-1280");
    await page.goto(`${server.url}/reports/settings`);
    await page.getByTestId("settings-threshold").waitFor();
    await shot(page, "settings-en-1280");
    await page.context().close();

    const phone = await signedIn(390, "ja");
    await phone.goto(`${server.url}/reports/dashboard`);
    await phone.getByTestId("dashboard-table").waitFor();
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(phone, "dashboard-ja-390");
    await phone.goto(`${server.url}/reports/settings`);
    await phone.getByTestId("settings-threshold").waitFor();
    await shot(phone, "settings-ja-390");
    await phone.getByTestId("application-add").click();
    await phone.getByTestId("application-code").waitFor();
    await phone.waitForTimeout(300);
    await shot(phone, "settings-application-ja-390");
    await phone.context().close();
    const desktopJa = await signedIn(1280, "ja");
    await desktopJa.goto(`${server.url}/reports/dashboard`);
    await desktopJa.getByTestId("dashboard-table").waitFor();
    await shot(desktopJa, "dashboard-ja-1280");
    await desktopJa.goto(`${server.url}/reports/settings`);
    await desktopJa.getByTestId("settings-threshold").waitFor();
    await shot(desktopJa, "settings-ja-1280");
    await desktopJa.context().close();
    const phoneEn = await signedIn(390, "en");
    await phoneEn.goto(`${server.url}/reports/dashboard`);
    await phoneEn.getByTestId("dashboard-table").waitFor();
    await shot(phoneEn, "dashboard-en-390");
    await phoneEn.goto(`${server.url}/reports/settings`);
    await phoneEn.getByTestId("settings-threshold").waitFor();
    await shot(phoneEn, "settings-en-390");
    await phoneEn.context().close();
  });
});
