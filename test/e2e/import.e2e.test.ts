import fs from "node:fs";
import os from "node:os";
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

describe.skipIf(unavailable !== undefined)("imports in the browser (Chromium)", () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tekizai-import-e2e-"));
    server = await startDemoServer();
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function signIn(width: number, locale: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-email").fill("company-hr@demo.tekizai.dev");
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();
    await page.getByTestId("lang-switch").click();
    await page.getByTestId(`lang-${locale.slice(0, 2)}`).click();
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  function csv(name: string, lines: string[]): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    return file;
  }

  async function openImports(page: Page, kindLabel: string): Promise<void> {
    await page.getByTestId("nav-imports").click();
    await page.getByTestId("imports-page").waitFor();
    await page.getByTestId("import-kind").click();
    await page.getByRole("option", { name: kindLabel, exact: true }).click();
  }

  it("company HR previews a grades file, applies it, sees it in the history; a bad file shows row errors", async () => {
    const page = await signIn(1280, "en-US");
    await openImports(page, "Grade");
    const good = csv("grades-e2e.csv", [
      "code,nameJa,nameEn,rank,isManagerLevel",
      "E2E1,試験等級一,Test grade one,9001,false",
      "E2E2,試験等級二,Test grade two,9002,true",
    ]);
    await page.getByTestId("import-file").setInputFiles(good);
    await page.getByTestId("import-preview").click();
    await page.locator('[data-testid="import-status"][data-status="previewed"]').waitFor();
    expect(await page.getByTestId("import-count-inserted").innerText()).toContain("2");
    expect(await page.getByTestId("import-count-rejected").innerText()).toContain("0");
    expect(await page.getByTestId("import-change").count()).toBe(2);
    await shot(page, "import-preview-en");

    await page.getByTestId("import-apply").click();
    await page.locator('[data-testid="import-status"][data-status="applied"]').waitFor();
    await shot(page, "import-applied-en");

    await page.getByTestId("import-tab-history").click();
    await page.getByTestId("import-history-row").first().waitFor();
    const latest = await page.getByTestId("import-history-row").first().innerText();
    expect(latest).toContain("grades-e2e.csv");
    expect(latest).toContain("Applied");
    await shot(page, "import-history-en");
    // the history links to the import's result
    await page.getByTestId("import-history-row").first().getByRole("link").click();
    await page.locator('[data-testid="import-status"][data-status="applied"]').waitFor();

    // a bad file: an unknown rank and a missing English name are reported by row, and nothing is written
    await page.getByTestId("import-back").click();
    await page.getByTestId("import-tab-upload").click();
    await page.getByTestId("import-kind").click();
    await page.getByRole("option", { name: "Grade", exact: true }).click();
    const bad = csv("grades-bad.csv", [
      "code,nameJa,nameEn,rank",
      "E2E3,試験等級三,Test grade three,abc",
      "E2E4,試験等級四,,9004",
    ]);
    await page.getByTestId("import-file").setInputFiles(bad);
    await page.getByTestId("import-preview").click();
    await page.getByTestId("import-errors").waitFor();
    const errors = await page.getByTestId("import-error").allInnerTexts();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.some((e) => e.includes("rank"))).toBe(true);
    expect(await page.getByTestId("import-count-rejected").innerText()).toContain("2");
    // the CSV download, like the screen, is in the reader's language
    expect(await page.getByTestId("import-errors-csv").getAttribute("href")).toMatch(
      /\/errors\.csv\?locale=en$/,
    );
    await shot(page, "import-errors-en");
    await page.context().close();
  });

  it("company HR maps a file in its own shape, saves the profile and imports with it", async () => {
    const page = await signIn(1280, "en-US");
    await openImports(page, "Grade");
    const own = csv("payroll-grades.csv", [
      "GradeCode;Name JP;Name EN;Level;Mgr",
      "  E2E6 ;試験等級六;Test grade six;9006;Y",
    ]);
    await page.getByTestId("import-tab-mappings").click();
    await page.getByTestId("mapping-new").click();
    await page.getByTestId("mapping-name").fill("Payroll grades");
    await page.getByTestId("mapping-sample").click();
    await page.locator('input[type="file"][accept*=".csv"]').last().setInputFiles(own);
    const columns: [string, string][] = [
      ["code", "GradeCode"],
      ["nameJa", "Name JP"],
      ["nameEn", "Name EN"],
      ["rank", "Level"],
      ["isManagerLevel", "Mgr"],
    ];
    for (const [field, column] of columns) {
      await page.getByTestId(`mapping-column-${field}`).click();
      await page.getByRole("option", { name: column, exact: true }).click();
    }
    // the preview reads the first rows as the profile will: trimmed code, columns by the mapping
    const preview = await page.getByTestId("mapping-preview").innerText();
    expect(preview).toContain("E2E6");
    expect(preview).toContain("Test grade six");
    await shot(page, "import-mapping-editor-en");
    await page.getByTestId("mapping-save").click();
    await page.getByTestId("mapping-row").first().waitFor();
    expect(await page.getByTestId("mapping-row").first().innerText()).toContain("Payroll grades");

    await page.getByTestId("import-tab-upload").click();
    await page.getByTestId("import-mapping").click();
    await page.getByRole("option", { name: "Payroll grades", exact: true }).click();
    await page.getByTestId("import-file").setInputFiles(own);
    await page.getByTestId("import-preview").click();
    await page.locator('[data-testid="import-status"][data-status="previewed"]').waitFor();
    expect(await page.getByTestId("import-count-inserted").innerText()).toContain("1");
    expect(await page.getByTestId("import-count-rejected").innerText()).toContain("0");
    await page.context().close();
  });

  it("works at phone width in Japanese", async () => {
    const page = await signIn(375, "ja-JP");
    await page.goto(`${server.url}/imports`);
    await page.getByTestId("imports-page").waitFor();
    await page.getByTestId("import-kind").click();
    await page.getByRole("option", { name: "等級", exact: true }).click();
    const bad = csv("grades-bad-ja.csv", ["等級コード,等級名,等級名（英語）,序列", "E2E5,試験,,x"]);
    await page.getByTestId("import-file").setInputFiles(bad);
    await page.getByTestId("import-preview").click();
    await page.getByTestId("import-errors").waitFor();
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(1);
    expect((await page.getByTestId("import-error").allInnerTexts()).join("\n")).toContain(
      "序列が数値ではありません",
    );
    await shot(page, "import-errors-phone-ja");
    // the same errors read in English: rendered in the reader's language, not the importer's
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("lang-en").click();
    await page.getByTestId("import-error").filter({ hasText: "rank is not a number" }).waitFor();
    await shot(page, "import-errors-phone-en");
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("lang-ja").click();
    await page.getByTestId("import-error").filter({ hasText: "序列が数値ではありません" }).waitFor();
    await page.getByTestId("import-tab-history").click();
    await page.getByTestId("import-history-row").first().waitFor();
    await shot(page, "import-history-phone-ja");
    await page.getByTestId("import-tab-mappings").click();
    await page.getByTestId("mapping-new").click();
    await page.getByTestId("mapping-editor").waitFor();
    await shot(page, "import-mapping-phone-ja");
    await page.context().close();
  });
});
