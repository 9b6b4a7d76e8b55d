import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, today } from "../../src/shared/dates";
import { browserUnavailableReason, E2E_REQUIRED, launchBrowser, SCREENSHOT_DIR } from "../support/browser";
import { startDemoServer } from "../support/demo-server";

const unavailable = browserUnavailableReason();
if (unavailable && E2E_REQUIRED)
  throw new Error(`Browser tests are required here but cannot run: ${unavailable}`);
if (unavailable) process.stderr.write(`\n[browser tests skipped] ${unavailable}\n\n`);

const PASSWORD = "tekizai-demo";

interface PersonRow {
  id: number;
  name: { family: string; given: string; givenLatin: string | null };
  company: { id: number } | null;
  orgUnit: { id: number; name: { en: string } } | null;
}

describe.skipIf(unavailable !== undefined)("rotation plans in the browser (Chromium)", () => {
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

  async function signedIn(email: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId("login-email").fill(email);
    await page.getByTestId("login-password").fill(PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("user-menu").waitFor();
    await page.getByTestId("lang-switch").click();
    await page.getByTestId("lang-en").click();
    return page;
  }
  const shot = async (page: Page, name: string) => {
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  };

  it("group HR drafts a plan, sees its effect, approves and commits it; the person is in the new unit on the date", {
    timeout: 240_000,
  }, async () => {
    const hr = await signedIn("group-hr@demo.tekizai.dev");
    const effectiveOn = addDays(today(), 30);
    // Somebody employed, and a unit of the same company they are not in.
    const people = (await (
      await hr.request.get(`${server.url}/api/people?limit=50&asOf=${effectiveOn}`)
    ).json()) as {
      items: PersonRow[];
    };
    const person = people.items.find((p) => p.orgUnit && p.company)!;
    const chart = (await (
      await hr.request.get(`${server.url}/api/org-chart?asOf=${effectiveOn}&companyId=${person.company!.id}`)
    ).json()) as { companies: { units: { id: number; name: { en: string } }[] }[] };
    const target = chart.companies[0]!.units.find((u) => u.id !== person.orgUnit!.id)!;

    await hr.getByTestId("nav-rotation").click();
    await hr.getByTestId("plan-name").fill("Spring rotation");
    await hr.getByTestId("plan-date").fill(effectiveOn);
    await hr.getByTestId("plan-create").click();
    await hr.getByTestId("plan-status").waitFor();

    await hr.getByTestId("move-person").fill(person.name.family);
    // Options re-render while the search answers: wait for the one wanted, then pick it.
    const personOption = hr
      .getByRole("option")
      .filter({ hasText: person.name.givenLatin ?? person.name.given })
      .first();
    await personOption.waitFor();
    await personOption.click({ force: true });
    await hr.getByTestId("move-unit").fill(target.name.en);
    const unitOption = hr.getByRole("option").filter({ hasText: target.name.en }).first();
    await unitOption.waitFor();
    await unitOption.click({ force: true });
    await hr.getByTestId("move-add").click();
    await hr.getByTestId("plan-move").first().waitFor();
    await hr.getByTestId("effect-row").nth(1).waitFor();
    await shot(hr, "rotation-plan-draft");

    // HR renames the plan and moves its date; a draft stays a draft. A past date is refused on the field.
    const movedDate = addDays(effectiveOn, 7);
    await hr.getByTestId("plan-edit").click();
    await hr.getByTestId("plan-edit-date").fill(addDays(today(), -1));
    await hr.getByTestId("plan-edit-save").click();
    await hr.getByText(/must not be in the past/).waitFor();
    await shot(hr, "rotation-plan-edit-error");
    await hr.getByTestId("plan-edit-name").fill("Spring rotation (moved)");
    await hr.getByTestId("plan-edit-date").fill(movedDate);
    await hr.getByTestId("plan-edit-note").fill("Moved by a week: the new office opens later.");
    await shot(hr, "rotation-plan-edit");
    await hr.getByTestId("plan-edit-save").click();
    await hr.getByRole("heading", { name: "Spring rotation (moved)" }).waitFor();
    await hr.getByTestId("plan-note").waitFor();
    expect(await hr.getByTestId("plan-status").textContent()).toBe("Draft");

    await hr.getByTestId("plan-approve").click();
    // Approved: the form says a new date takes the approval back.
    await hr.getByTestId("plan-commit").waitFor();
    await hr.getByTestId("plan-edit").click();
    await hr.getByTestId("plan-edit-redate-hint").waitFor();
    await shot(hr, "rotation-plan-edit-approved");
    await hr.getByTestId("plan-edit-cancel").click();
    await hr.getByTestId("plan-commit").click();
    await hr.getByTestId("plan-committed").waitFor();
    await shot(hr, "rotation-plan-committed");
    const after = (await (
      await hr.request.get(`${server.url}/api/people/${person.id}?asOf=${movedDate}`)
    ).json()) as {
      employments: { assignments: { orgUnit: { id: number }; kind: string; validFrom: string }[] }[];
    };
    expect(
      after.employments
        .flatMap((e) => e.assignments)
        .some((a) => a.kind === "primary" && a.orgUnit.id === target.id && a.validFrom === movedDate),
    ).toBe(true);

    // A second plan, compared with the first on the list.
    const second = (await (
      await hr.request.post(`${server.url}/api/rotation/plans`, {
        data: { name: "Alternative", companyId: null, effectiveOn },
      })
    ).json()) as { id: number };
    // Somebody else, to a unit of their own company they are not in (the person's company may have only one).
    const other = people.items.find(
      (p) => p.id !== person.id && p.orgUnit && p.company && p.company.id !== person.company!.id,
    )!;
    const otherChart = (await (
      await hr.request.get(`${server.url}/api/org-chart?asOf=${effectiveOn}&companyId=${other.company!.id}`)
    ).json()) as { companies: { units: { id: number }[] }[] };
    const otherTarget = otherChart.companies[0]!.units.find((u) => u.id !== other.orgUnit!.id)!;
    const added = await hr.request.post(`${server.url}/api/rotation/plans/${second.id}/moves`, {
      data: { personId: other.id, toOrgUnitId: otherTarget.id },
    });
    expect(added.status(), await added.text()).toBe(200);
    await hr.getByTestId("nav-rotation").click();
    await hr.getByTestId("plan-pick").nth(1).waitFor();
    await hr.getByTestId("plan-pick").nth(0).check({ force: true });
    await hr.getByTestId("plan-pick").nth(1).check({ force: true });
    await hr.getByTestId("plan-compare-button").click();
    await hr.getByTestId("plan-compare").waitFor();
    await shot(hr, "rotation-compare");

    // The figures screen renders for HR (phone width).
    const phone = await signedIn("group-hr@demo.tekizai.dev", 390);
    await phone.goto(`${server.url}/mobility/figures`);
    await phone.getByTestId("fig-moves").waitFor();
    expect(
      await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth"),
    ).toBeLessThanOrEqual(1);
    await shot(phone, "mobility-figures-phone");

    // The edit form in Japanese at phone width (the second plan is a draft).
    await phone.getByTestId("lang-switch").click();
    await phone.getByTestId("lang-ja").click();
    await phone.goto(`${server.url}/rotation/${second.id}`);
    await phone.getByTestId("plan-edit").click();
    await phone.getByTestId("plan-edit-form").waitFor();
    expect(
      await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth"),
    ).toBeLessThanOrEqual(1);
    await shot(phone, "rotation-plan-edit-phone-ja");
  });
});
