import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserUnavailableReason, E2E_REQUIRED, launchBrowser, SCREENSHOT_DIR } from "../support/browser";
import { startDemoServer } from "../support/demo-server";
import { TEST_TODAY } from "../support/engines";

const unavailable = browserUnavailableReason();
if (unavailable && E2E_REQUIRED)
  throw new Error(`Browser tests are required here but cannot run: ${unavailable}`);
if (unavailable) process.stderr.write(`\n[browser tests skipped] ${unavailable}\n\n`);

const PASSWORD = "tekizai-demo";

interface GapLine {
  skill: { id: number };
  requiredLevel: number | null;
  gap: number;
  suggestedCourses: { id: number; targetLevel: number; nextSession: { id: number } | null }[];
}

describe.skipIf(unavailable !== undefined)("skills and learning in the browser (Chromium)", () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startDemoServer();
    // The demo's sessions are planned from its "today"; move them along when the calendar has moved on.
    await server.database.exec(
      `UPDATE course_sessions SET starts_on = starts_on + greatest(current_date - date '${TEST_TODAY}', 0), ends_on = ends_on + greatest(current_date - date '${TEST_TODAY}', 0)`,
    );
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
    await page.evaluate("window.scrollTo(0, 0)"); // a full-page shot after a click lower down keeps the header on top
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  };
  const overflow = (page: Page) =>
    page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");

  it("walks an employee from a gap to a course, through approval and completion, to the raised level", {
    timeout: 180_000,
  }, async () => {
    // The employee sees the gap and the course that closes it.
    const employee = await signedIn("employee@demo.tekizai.dev");
    const me = (await (await employee.request.get(`${server.url}/api/me`)).json()) as { personId: number };
    const view = (await (
      await employee.request.get(`${server.url}/api/people/${me.personId}/skills`)
    ).json()) as { lines: GapLine[] };
    const line = view.lines.find(
      (l) =>
        l.gap > 0 && l.suggestedCourses.some((c) => c.nextSession && c.targetLevel >= (l.requiredLevel ?? 0)),
    );
    expect(line, "the demo employee has a gap a course closes").toBeDefined();
    const course = line!.suggestedCourses.find(
      (c) => c.nextSession && c.targetLevel >= (line!.requiredLevel ?? 0),
    )!;
    await employee.getByTestId("nav-skills").click();
    await employee.getByTestId("skills-gap-chart").waitFor();
    const card = employee.locator(`[data-testid="skill-gap-line"][data-skill-id="${line!.skill.id}"]`);
    expect(Number(await card.getAttribute("data-gap"))).toBeGreaterThan(0);
    await shot(employee, "skills-employee-en-1280");
    await card.locator(`[data-testid="suggested-course"][href="/learning/courses/${course.id}"]`).click();
    await employee.getByTestId("course-title").waitFor();
    await employee.getByTestId("enrol-button").first().click();
    await employee.locator('[data-testid="my-course-enrolments"] [data-status="requested"]').waitFor();
    await shot(employee, "course-requested-en-1280");
    const enrolments = (await (
      await employee.request.get(`${server.url}/api/people/${me.personId}/learning`)
    ).json()) as {
      enrolments: { id: number; status: string; course: { id: number }; session: { id: number } | null }[];
    };
    const enrolment = enrolments.enrolments.find(
      (e) => e.course.id === course.id && e.status === "requested",
    )!;
    await employee.context().close();

    // The manager approves it: a seat is taken.
    const manager = await signedIn("manager@demo.tekizai.dev");
    await manager.getByTestId("nav-approvals").click();
    const row = manager
      .getByTestId("approval-row")
      .filter({ has: manager.locator(`a[href="/skills/people/${me.personId}"]`) });
    await row.waitFor();
    await shot(manager, "approvals-manager-en-1280");
    await row.getByTestId("approve-button").click();
    await row.waitFor({ state: "detached" });
    await manager.context().close();

    // The session takes place; HR records the completion on the roster.
    await server.database.exec(
      `UPDATE course_sessions SET starts_on = current_date - 2, ends_on = current_date - 1 WHERE id = ${enrolment.session!.id}`,
    );
    const hr = await signedIn("company-hr@demo.tekizai.dev");
    await hr.goto(`${server.url}/learning/courses/${course.id}`);
    await hr.getByTestId("course-title").waitFor();
    await hr.goto(`${server.url}/learning/sessions/${enrolment.session!.id}`);
    const rosterRow = hr.locator(`[data-testid="roster-row"][data-person-id="${me.personId}"]`);
    await rosterRow.getByTestId("complete-button").click();
    await rosterRow.locator('[data-status="completed"]').waitFor();
    await shot(hr, "roster-hr-en-1280");
    await hr.context().close();

    // Back to the employee: the level is raised to the course's level, recorded from the course.
    const after = await signedIn("employee@demo.tekizai.dev");
    await after.goto(`${server.url}/skills`);
    const raised = after.locator(`[data-testid="skill-gap-line"][data-skill-id="${line!.skill.id}"]`);
    await raised.waitFor();
    expect(await raised.getAttribute("data-gap")).toBe("0");
    expect(await raised.getByTestId("current-level").innerText()).toContain(String(course.targetLevel));
    await shot(after, "skills-raised-en-1280");
    await after.goto(`${server.url}/learning/me`);
    await after.getByTestId("training-record").first().waitFor();
    await shot(after, "my-learning-en-1280");
    await after.context().close();
  });

  it("shows the team heat map, job descriptions, the catalog and overdue training, in both languages and on a phone", {
    timeout: 180_000,
  }, async () => {
    for (const [width, locale] of [
      [1280, "ja"],
      [375, "en"],
      [375, "ja"],
    ] as const) {
      const manager = await signedIn("manager@demo.tekizai.dev", width, locale);
      await manager.goto(`${server.url}/skills/team`);
      await manager.getByTestId("heatmap-row").first().waitFor();
      expect(await overflow(manager)).toBeLessThanOrEqual(1);
      await shot(manager, `team-heatmap-${locale}-${width}`);
      await manager.goto(`${server.url}/learning/approvals`);
      await manager.getByTestId("tab-overdue").click();
      await manager.waitForLoadState("networkidle");
      await shot(manager, `overdue-manager-${locale}-${width}`);
      await manager.context().close();

      const employee = await signedIn("employee@demo.tekizai.dev", width, locale);
      await employee.goto(`${server.url}/skills`);
      await employee.getByTestId("skills-gap-chart").waitFor();
      expect(await overflow(employee)).toBeLessThanOrEqual(1);
      await shot(employee, `skills-employee-${locale}-${width}`);
      await employee.getByTestId("job-link").click();
      await employee.getByTestId("job-skill").first().waitFor();
      expect(await overflow(employee)).toBeLessThanOrEqual(1);
      await shot(employee, `job-description-${locale}-${width}`);
      await employee.goto(`${server.url}/learning`);
      await employee.getByTestId("course-card").first().waitFor();
      expect(await overflow(employee)).toBeLessThanOrEqual(1);
      await shot(employee, `catalog-${locale}-${width}`);
      await employee.goto(`${server.url}/learning/me`);
      await employee.getByTestId("training-record").first().waitFor();
      expect(await overflow(employee)).toBeLessThanOrEqual(1);
      await shot(employee, `my-learning-${locale}-${width}`);
      await employee.context().close();
    }

    const hr = await signedIn("company-hr@demo.tekizai.dev", 1280, "en");
    await hr.goto(`${server.url}/skills/team`);
    await hr.getByTestId("scarcity").waitFor();
    await hr.waitForLoadState("networkidle");
    await shot(hr, "scarcity-hr-en-1280");
    await hr.goto(`${server.url}/learning/approvals`);
    await hr.getByTestId("tab-overdue").click();
    await hr.getByTestId("overdue-row").first().waitFor();
    await shot(hr, "overdue-hr-en-1280");
    await hr.context().close();
  });
});
