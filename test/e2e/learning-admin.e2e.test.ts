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

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface PersonDetail {
  id: number;
  employments: {
    company: { id: number };
    employeeNumber: string;
    terminationDate: string | null;
    assignments: {
      kind: string;
      isHead: boolean;
      validTo: string | null;
      grade: { isManagerLevel: boolean } | null;
      lineManager: { personId: number } | null;
    }[];
  }[];
}

/** Company HR administer learning in the browser: courses, sessions, assignments, OJT pairs, expiring certifications. */
describe.skipIf(unavailable !== undefined)("learning administration in the browser (Chromium)", () => {
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
  const get = async <T>(page: Page, url: string): Promise<T> =>
    (await (await page.request.get(`${server.url}${url}`)).json()) as T;
  const pick = async (page: Page, testId: string, option: string | RegExp, nth = 0) => {
    await page.getByTestId(testId).nth(nth).click();
    await page.getByRole("option", { name: option }).first().click();
  };

  it("creates and edits a course with skills, schedules and edits a session, and assigns it with a due date", {
    timeout: 240_000,
  }, async () => {
    const hr = await signedIn("company-hr@demo.tekizai.dev");
    const me = await get<{ roles: { role: string; companyId: number | null }[] }>(hr, "/api/me");
    const companyId = me.roles.find((r) => r.role === "company_hr")!.companyId!;
    const library = await get<{ items: { id: number; code: string; name: { en: string } }[] }>(
      hr,
      `/api/skills?companyId=${companyId}`,
    );
    const [first, second] = library.items;

    await hr.goto(`${server.url}/learning`);
    await hr.getByTestId("course-new").click();
    await hr.getByTestId("course-code").fill("E2E-SEC-1");
    await hr.getByTestId("course-title-ja").fill("情報セキュリティ実践");
    await hr.getByTestId("course-title-en").fill("Information security in practice");
    await hr.getByTestId("course-days").fill("2");
    await hr.getByTestId("course-hours").fill("14");
    await hr.getByTestId("audience-rank-min").fill("1");
    // a course builds each skill once: the same skill twice is refused before saving
    await hr.getByTestId("course-add-skill").click();
    await hr.getByTestId("course-add-skill").click();
    await pick(hr, "course-skill", `${first!.name.en} (${first!.code})`, 0);
    await pick(hr, "course-skill", `${first!.name.en} (${first!.code})`, 1);
    await expect.poll(() => hr.getByText("already in the list").count()).toBeGreaterThan(0);
    expect(await hr.getByTestId("course-save").isDisabled()).toBe(true);
    await pick(hr, "course-skill", `${second!.name.en} (${second!.code})`, 1);
    await pick(hr, "course-skill-level", "3", 1);
    await shot(hr, "learning-admin-course-editor");
    await hr.getByTestId("course-save").click();
    await expect
      .poll(() => hr.getByTestId("course-title").textContent())
      .toBe("Information security in practice");
    const courseId = Number(hr.url().split("/").pop());
    const created = await get<{ skills: { skillId: number; targetLevel: number }[]; audience: object }>(
      hr,
      `/api/courses/${courseId}`,
    );
    expect(created.skills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ skillId: first!.id, targetLevel: 2 }),
        expect.objectContaining({ skillId: second!.id, targetLevel: 3 }),
      ]),
    );
    expect(created.audience).toEqual({ gradeRankMin: 1 });

    await hr.getByTestId("course-edit").click();
    await hr.getByTestId("course-title-en").fill("Information security, hands-on");
    await hr.getByTestId("course-save").click();
    await expect
      .poll(() => hr.getByTestId("course-title").textContent())
      .toBe("Information security, hands-on");

    await hr.getByTestId("session-new").click();
    await hr.getByTestId("session-starts").fill(isoIn(40));
    await hr.getByTestId("session-ends").fill(isoIn(41));
    await hr.getByTestId("session-place").fill("本社 12F 研修室");
    await hr.getByTestId("session-capacity").fill("12");
    await hr.getByTestId("session-save").click();
    await hr.getByTestId("session-row").first().waitFor();
    await hr.getByTestId("session-edit").first().click();
    await hr.getByTestId("session-capacity").fill("3");
    await hr.getByTestId("session-save").click();
    await expect.poll(() => hr.getByTestId("session-row").first().textContent()).toContain("3");

    await hr.getByTestId("assign-open").click();
    await pick(hr, "assign-session", /12F/);
    await hr.getByTestId("assign-due").fill(isoIn(60));
    await hr.getByTestId("assign-check").click();
    await hr.getByTestId("assign-preview").waitFor();
    expect(await hr.getByTestId("assign-preview").textContent()).toMatch(/will be assigned/);
    await shot(hr, "learning-admin-assign");
    await hr.getByTestId("assign-confirm").click();
    await hr.getByTestId("assign-done").waitFor();
    expect(await hr.getByTestId("assign-done").textContent()).toMatch(/assigned/);
    const overdue = await get<{ items: unknown[] }>(
      hr,
      `/api/learning/overdue?companyId=${companyId}&asOf=${isoIn(70)}`,
    );
    expect(overdue.items.length).toBeGreaterThan(0);
    await hr.context().close();

    // phone width, Japanese: the editor and the course page fit
    const phone = await signedIn("company-hr@demo.tekizai.dev", 390, "ja");
    await phone.goto(`${server.url}/learning/courses/${courseId}`);
    await phone.getByTestId("course-admin").waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "learning-admin-course-phone-ja");
    await phone.goto(`${server.url}/learning/courses/${courseId}/edit`);
    await phone.getByTestId("course-save").waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "learning-admin-editor-phone-ja");
    await phone.context().close();
  });

  it("pairs an OJT trainee with a trained trainer, refusing an untrained one with a clear message", {
    timeout: 180_000,
  }, async () => {
    const hr = await signedIn("company-hr@demo.tekizai.dev");
    const me = await get<{ roles: { role: string; companyId: number | null }[] }>(hr, "/api/me");
    const companyId = me.roles.find((r) => r.role === "company_hr")!.companyId!;
    const trainers = await get<{ items: { personId: number }[] }>(
      hr,
      `/api/ojt/trainers?companyId=${companyId}`,
    );
    const trained = new Set(trainers.items.map((t) => t.personId));
    const current = (p: PersonDetail) =>
      p.employments
        .find((e) => e.company.id === companyId && e.terminationDate === null)
        ?.assignments.find((a) => a.kind === "primary" && a.validTo === null);
    const people = await get<{ items: { id: number; employeeNumber: string }[] }>(
      hr,
      `/api/people?companyId=${companyId}&limit=200`,
    );
    // a trainee who is not a manager, an untrained colleague, and a trained trainer who is nobody's boss
    let trainee: { id: number; number: string; manager: number | null } | undefined;
    let untrained: { id: number; number: string } | undefined;
    for (const p of people.items) {
      const detail = await get<PersonDetail>(hr, `/api/people/${p.id}`);
      const a = current(detail);
      if (!a || a.isHead || a.grade?.isManagerLevel) continue;
      if (!trainee && !trained.has(p.id))
        trainee = { id: p.id, number: p.employeeNumber, manager: a.lineManager?.personId ?? null };
      else if (trainee && !untrained && !trained.has(p.id))
        untrained = { id: p.id, number: p.employeeNumber };
      if (trainee && untrained) break;
    }
    let trainer: number | undefined;
    for (const id of trained) {
      if (id === trainee!.id || id === trainee!.manager) continue;
      const a = current(await get<PersonDetail>(hr, `/api/people/${id}`));
      if (a && !a.isHead && !a.grade?.isManagerLevel) {
        trainer = id;
        break;
      }
    }
    expect(
      trainee && untrained && trainer,
      "the demo company has trainees and trained trainers",
    ).toBeTruthy();
    const trainerNumber = (
      await get<{ items: { id: number; employeeNumber: string }[] }>(
        hr,
        `/api/people?companyId=${companyId}&q=&limit=200`,
      )
    ).items.find((p) => p.id === trainer)?.employeeNumber;

    await hr.goto(`${server.url}/learning/ojt`);
    await hr.getByTestId("pairing-search").fill(trainee!.number);
    await pick(hr, "pairing-trainee", new RegExp(`\\(${trainee!.number}\\)`));
    await hr.getByTestId("pairing-search").fill(untrained!.number);
    await pick(hr, "pairing-trainer", new RegExp(`\\(${untrained!.number}\\)`));
    await hr.getByTestId("pairing-from").fill(isoIn(400));
    await hr.getByTestId("pairing-submit").click();
    await hr.getByTestId("pairing-error").waitFor();
    expect(await hr.getByTestId("pairing-error").textContent()).toContain(
      "has not completed the OJT trainer training",
    );
    await shot(hr, "learning-admin-ojt-refused");
    if (trainerNumber) await hr.getByTestId("pairing-search").fill(trainerNumber);
    await pick(hr, "pairing-trainer", /trained/);
    await hr.getByTestId("pairing-submit").click();
    await hr.getByTestId("pairing-done").waitFor();
    const pairs = await get<{ items: { trainee: { personId: number }; validFrom: string }[] }>(
      hr,
      `/api/ojt/pairs?companyId=${companyId}`,
    );
    expect(pairs.items.some((p) => p.trainee.personId === trainee!.id && p.validFrom === isoIn(400))).toBe(
      true,
    );
    await hr.context().close();

    const phone = await signedIn("company-hr@demo.tekizai.dev", 390, "ja");
    await phone.goto(`${server.url}/learning/ojt`);
    await phone.getByTestId("pairing-list").waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "learning-admin-ojt-phone-ja");
    await phone.goto(`${server.url}/learning/certifications`);
    await phone.getByRole("heading", { name: "期限が近い資格" }).waitFor();
    expect(await overflow(phone)).toBeLessThanOrEqual(1);
    await shot(phone, "learning-admin-expiring-phone-ja");
    await phone.context().close();
  });

  it("lets group HR set the certification reminder lead times; the expiring list follows them", {
    timeout: 180_000,
  }, async () => {
    const hr = await signedIn("group-hr@demo.tekizai.dev");
    await hr.getByTestId("nav-skill-settings").click();
    await hr.getByTestId("settings-lead").first().waitFor();
    expect(await hr.getByTestId("settings-lead").count()).toBe(2);
    // a lead time out of range is refused on the page, nothing is saved
    await hr.getByTestId("settings-lead").nth(1).fill("400");
    await hr.getByTestId("settings-save").click();
    await hr.getByText("Enter a whole number of days from 1 to 366.").waitFor();
    await shot(hr, "skill-settings-invalid-en-1280");
    await hr.getByTestId("settings-lead").nth(1).fill("14");
    await hr.getByTestId("settings-lead-add").click();
    await hr.getByTestId("settings-lead").nth(2).fill("60");
    await hr.getByTestId("settings-save").click();
    await hr.getByTestId("settings-saved").waitFor();
    expect(await hr.getByTestId("settings-preview").innerText()).toContain("90 / 60 / 14");
    const saved = await get<{ certificationReminderDays: number[] }>(hr, "/api/skills/settings");
    expect(saved.certificationReminderDays).toEqual([90, 60, 14]);
    await shot(hr, "skill-settings-en-1280");
    await hr.goto(`${server.url}/learning/certifications`);
    await hr.getByTestId("expiring-settings-link").waitFor();
    expect(await hr.getByText("90 / 60 / 14").count()).toBeGreaterThan(0);
    await hr.context().close();

    for (const locale of ["en", "ja"] as const) {
      const phone = await signedIn("group-hr@demo.tekizai.dev", 375, locale);
      await phone.goto(`${server.url}/skills/settings`);
      await phone.getByTestId("settings-lead").first().waitFor();
      expect(await overflow(phone)).toBeLessThanOrEqual(1);
      await shot(phone, `skill-settings-${locale}-375`);
      await phone.context().close();
    }

    // company HR do not get the screen
    const company = await signedIn("company-hr@demo.tekizai.dev");
    expect(await company.getByTestId("nav-skill-settings").count()).toBe(0);
    await company.goto(`${server.url}/skills/settings`);
    await company.getByText("Only group HR can see and change the skill settings.").waitFor();
    expect((await company.request.get(`${server.url}/api/skills/settings`)).status()).toBe(403);
    await company.context().close();
  });
});
