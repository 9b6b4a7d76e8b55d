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

describe.skipIf(unavailable !== undefined)("browser journeys (Chromium)", () => {
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

  async function newPage(width = 1280, locale = "en-US"): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale });
    return context.newPage();
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-email").fill(email);
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

  it("refuses a wrong password with a generic message", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-email").fill("employee@demo.tekizai.dev");
    await page.getByTestId("login-password").fill("wrong-password");
    await page.getByTestId("login-submit").click();
    await page.getByText("Wrong email or password").waitFor();
    await shot(page, "login-error");
    await page.context().close();
  });

  for (const role of ["group-hr", "company-hr", "manager", "employee"] as const) {
    it(`signs in as ${role} and sees a home page for the role`, async () => {
      const page = await newPage();
      await signIn(page, `${role}@demo.tekizai.dev`);
      await page.waitForLoadState("networkidle");
      await shot(page, `home-${role}`);
      const me = (await (await page.request.get(`${server.url}/api/me`)).json()) as {
        roles: { role: string }[];
      };
      expect(me.roles.map((r) => r.role)).toContain(role.replace("-", "_"));
      await page.context().close();
    });
  }

  it("group HR searches people and opens a person with their timeline", async () => {
    const page = await newPage();
    await signIn(page, "group-hr@demo.tekizai.dev");
    await page.getByTestId("nav-people").click();
    await page.getByTestId("people-row").first().waitFor();
    const firstName = (await page.getByTestId("people-row").first().innerText()).split("\n")[0]!.trim();
    const query = firstName.split(/\s+/)[0]!;
    await page.getByTestId("people-search").fill(query);
    await page.waitForTimeout(600);
    await page.getByTestId("people-row").first().waitFor();
    const rows = await page.getByTestId("people-row").allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.toLowerCase().includes(query.toLowerCase()))).toBe(true);
    await shot(page, "people-search");
    await page.getByTestId("people-row").first().click();
    await page.getByTestId("person-name").waitFor();
    expect(await page.getByTestId("person-name").innerText()).toContain(query);
    await shot(page, "person-page");
    await page.context().close();
  });

  it("moves the org chart's date and shows another tree", async () => {
    const page = await newPage();
    await signIn(page, "company-hr@demo.tekizai.dev");
    await page.getByTestId("nav-org").click();
    await page.getByTestId("org-unit").first().waitFor();
    await shot(page, "org-chart-today");
    const responses: string[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/api/org-chart")) responses.push(response.url());
    });
    await page.getByTestId("org-date").fill("2018-04-01");
    await page.getByTestId("org-date").press("Enter");
    await page.waitForTimeout(800);
    expect(responses.some((url) => url.includes("asOf=2018-04-01"))).toBe(true);
    await page.getByTestId("org-unit").first().waitFor();
    await shot(page, "org-chart-2018");
    await page.context().close();
  });

  it("switches language both ways: strings, dates and name order change", async () => {
    const page = await newPage();
    await signIn(page, "employee@demo.tekizai.dev");
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const choose = async (locale: "en" | "ja") => {
      await page.getByTestId("lang-switch").click();
      await page.getByTestId(`lang-${locale}`).click();
      await page.waitForTimeout(300);
    };
    const me = (await (await page.request.get(`${server.url}/api/me`)).json()) as { personId: number };
    const person = (await (await page.request.get(`${server.url}/api/people/${me.personId}`)).json()) as {
      name: { family: string; given: string; familyLatin: string; givenLatin: string };
    };
    await choose("en");
    expect(await page.getByTestId("nav-people").innerText()).not.toMatch(japanese);
    await shot(page, "home-employee-en");
    await page.goto(`${server.url}/people/${me.personId}`);
    await page.getByTestId("person-name").waitFor();
    expect(await page.getByTestId("person-name").innerText()).toContain(
      `${person.name.givenLatin} ${person.name.familyLatin}`,
    );
    await choose("ja");
    expect(await page.getByTestId("nav-people").innerText()).toMatch(japanese);
    expect(await page.getByTestId("person-name").innerText()).toContain(
      `${person.name.family} ${person.name.given}`,
    );
    await shot(page, "person-employee-ja");
    // the choice is kept on the user: a new sign-in in a fresh browser context comes back in Japanese
    const again = await newPage();
    await signIn(again, "employee@demo.tekizai.dev");
    expect(await again.getByTestId("nav-people").innerText()).toMatch(japanese);
    await again.context().close();
    await page.context().close();
  });

  it("groups the side navigation by area, folds groups (kept in the browser) and works in the phone drawer", {
    timeout: 120_000,
  }, async () => {
    const visible = (page: Page, testId: string) => page.getByTestId(testId).isVisible();
    const groupsOf = async (page: Page) => {
      const ids = await page
        .locator('[data-testid^="nav-group-"]:not([data-testid$="-toggle"])')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-testid")));
      return ids.map((id) => id!.replace("nav-group-", ""));
    };
    const choose = async (page: Page, locale: "en" | "ja") => {
      await page.getByTestId("lang-switch").click();
      await page.getByTestId(`lang-${locale}`).click();
      await page.waitForTimeout(300);
    };

    // Group HR has an entry in every area.
    const hr = await newPage(1280);
    await signIn(hr, "group-hr@demo.tekizai.dev");
    await choose(hr, "en");
    expect(await groupsOf(hr)).toEqual(["people", "skills", "careers", "reports", "admin"]);
    expect(await hr.getByTestId("nav-group-reports").innerText()).toMatch(/Mobility figures/);
    await shot(hr, "nav-groups-group-hr-en");
    // Folding a group hides its entries, also after a reload; opening a page of the group unfolds it.
    await hr.getByTestId("nav-group-careers-toggle").click();
    await expect.poll(() => visible(hr, "nav-rotation")).toBe(false);
    expect(await hr.getByTestId("nav-group-careers-toggle").getAttribute("aria-expanded")).toBe("false");
    await hr.goto(`${server.url}/people`); // a fresh load of the app
    await hr.getByTestId("nav-group-careers-toggle").waitFor();
    await hr.waitForTimeout(300);
    expect(await visible(hr, "nav-rotation")).toBe(false);
    await shot(hr, "nav-groups-folded");
    await hr.goto(`${server.url}/rotation`);
    await expect.poll(() => visible(hr, "nav-rotation")).toBe(true);
    await choose(hr, "ja");
    expect(await hr.getByTestId("nav-group-careers-toggle").innerText()).toMatch(/キャリア/);
    await shot(hr, "nav-groups-group-hr-ja");
    await choose(hr, "en");
    await hr.context().close();

    // An employee sees only the areas they have entries in: no reports, no administration.
    const employee = await newPage(1280);
    await signIn(employee, "employee@demo.tekizai.dev");
    expect(await groupsOf(employee)).not.toContain("reports");
    expect(await groupsOf(employee)).not.toContain("admin");
    expect(await groupsOf(employee)).toContain("careers");
    await employee.context().close();

    // Phone width: the groups live in the drawer behind the burger (off screen until opened); choosing an entry
    // closes it.
    const onScreen = async (page: Page, testId: string) => {
      const box = await page.getByTestId(testId).boundingBox();
      return box !== null && box.x + box.width > 0;
    };
    const phone = await newPage(375, "ja-JP");
    await signIn(phone, "manager@demo.tekizai.dev");
    await choose(phone, "ja");
    expect(await onScreen(phone, "nav-skills")).toBe(false);
    await phone.getByTestId("nav-burger").click();
    await expect.poll(() => onScreen(phone, "nav-skills")).toBe(true);
    await phone.waitForTimeout(400);
    expect(
      await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth"),
    ).toBeLessThanOrEqual(1);
    await shot(phone, "nav-drawer-phone-ja");
    await phone.getByTestId("nav-group-skills-toggle").click();
    await expect.poll(() => visible(phone, "nav-skills")).toBe(false);
    await phone.getByTestId("nav-career-report").click();
    await phone.waitForURL(/\/careers\/report$/);
    await expect.poll(() => onScreen(phone, "nav-career-report")).toBe(false);
    await choose(phone, "en");
    await phone.getByTestId("nav-burger").click();
    await expect.poll(() => onScreen(phone, "nav-career-report")).toBe(true);
    await phone.waitForTimeout(400);
    await shot(phone, "nav-drawer-phone-en");
    await phone.context().close();
  });

  it("works at phone width", async () => {
    const page = await newPage(375, "ja-JP");
    await signIn(page, "manager@demo.tekizai.dev");
    await page.waitForLoadState("networkidle");
    // evaluated in the page, where document and window exist (this file is type-checked without the DOM library)
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(page, "home-manager-phone");
    await page.context().close();
  });
});
