/**
 * Demo postings and applications (issue 7), written inside the demo's transaction after the careers demo and
 * before the scouts demo. Deterministic for the seed; no wall clock.
 *
 * Past moves through postings are the demo history's own moves: a share of its rotations, transfers between group
 * companies, 20% side assignments (Select Job, some shown as project postings) and secondments abroad (overseas
 * programs) become closed postings (open when recent and the unit still exists) whose winning application is
 * `moved` with `resulting_assignment_id` = the history's assignment. No assignment or employment is added or
 * changed, so every move is a real dated assignment the history already holds (and the demo's row counts stay
 * what the group generator wrote). Other applicants to them were rejected, withdrew or declined the offer.
 * Open postings of each kind in several companies carry applications in progress (applied … released), including
 * open postings the demo employee is eligible for, one waiting for the demo manager's release, and owners:
 * the parent's recruiter login (else its HR). No `confirmed` application: it would need a future assignment.
 */
import type { ApplicationStatus, PostingKind } from "../shared/mobility-vocab";
import type { Day } from "./dates";
import { readHistory, type Stint } from "./mobility-postings-history";
import { at, type DemoApplication, type DemoPosting, writePostingRows } from "./mobility-postings-rows";
import type { DemoModel, SimCompany, SimUnit } from "./model";
import { Random } from "./random";
import type { DemoUser } from "./users";
import type { Query } from "./write";

export interface PostingsDemoSummary {
  postings: number;
  open: number;
  applications: number;
  moves: number;
}

const MOTIVATIONS = [
  "これまでの経験を活かし、新しい領域に挑戦したいと考え応募しました。 / I want to build on my experience in a new field.",
  "お客様に近い立場で仕事をしたいと考えています。 / I would like to work closer to our customers.",
  "専門性を高め、チームに貢献したいです。 / I want to deepen my expertise and contribute to the team.",
  "海外での経験を積みたいと考えています。 / I would like to gain experience abroad.",
];
const PROJECTS: [ja: string, en: string][] = [
  ["基幹システム刷新", "Core system renewal"],
  ["データ活用推進", "Data utilisation programme"],
  ["カーボンニュートラル推進", "Carbon-neutral roadmap"],
  ["顧客体験の再設計", "Customer experience redesign"],
  ["グループ人事基盤の展開", "Group HR platform rollout"],
  ["生成AI活用ワーキンググループ", "Generative AI working group"],
];
const REJECTED =
  "今回は経験のより近い方を選びました。 / We chose a candidate with closer experience this time.";
const region = new Intl.DisplayNames(["en"], { type: "region" });

export async function writePostingsDemo(
  query: Query,
  input: { model: DemoModel; users: DemoUser[]; seed: number },
): Promise<PostingsDemoSummary> {
  const { model, users } = input;
  const rng = Random.derive(input.seed >>> 0, `postings:${input.seed}`);
  const history = readHistory(model, rng);
  const { today, parent, companies, units, rankOf, positions, employments, groupHire, idOf, busy } = history;
  const { stintAt, unitName, unitOpen, chosen } = history;

  // Users: ids as write.ts assigns them; the recruiter comes from the careers demo (if any).
  const userOf = new Map(users.map((u, i) => [u.personId, i + 1]));
  const userId = (prefix: string) => {
    const i = users.findIndex((u) => u.email.startsWith(prefix));
    return i < 0 ? null : i + 1;
  };
  const groupHr = userId("group-hr@");
  const companyHr = userId("company-hr@");
  const { rows: recruiters } = await query(
    `SELECT r.user_id FROM user_roles r WHERE r.role = 'recruiter' AND r.company_id = $1 AND r.org_unit_id IS NULL ORDER BY r.user_id LIMIT 1`,
    [parent.id],
  );
  const recruiter = recruiters[0] ? Number(recruiters[0].user_id) : null;
  const ownerFor = (companyId: number) => (companyId === parent.id ? (recruiter ?? companyHr) : null);
  const hrFor = (a: number, b: number) => (a === parent.id || b === parent.id ? companyHr : groupHr);

  // One subsidiary runs a short workflow (no interviews, no offer step).
  const shortFlow = model.companies.find((c) => c.isDomestic && !c.isParent && c.active.length >= 5) ?? null;
  const stepsOf = (companyId: number): ApplicationStatus[] =>
    shortFlow?.id === companyId
      ? ["applied", "in_review"]
      : ["applied", "in_review", "interviewing", "offered"];

  const ids = await query(
    `SELECT (SELECT coalesce(max(id), 0) FROM postings)::int AS p, (SELECT coalesce(max(id), 0) FROM applications)::int AS a,
            (SELECT coalesce(max(id), 0) FROM application_events)::int AS e`,
  );
  let nextPosting = Number(ids.rows[0]!.p);
  let nextApplication = Number(ids.rows[0]!.a);
  const nextEvent = Number(ids.rows[0]!.e);
  const postings: DemoPosting[] = [];
  const applications: DemoApplication[] = [];
  const appliedTo = new Set<string>();

  const months = (from: Day, to: Day) => Math.min(120, Math.max(1, Math.round((to - from + 1) / 30.44)));
  function newPosting(
    kind: PostingKind,
    companyId: number,
    unit: SimUnit,
    positionId: number | null,
    day: Day,
  ) {
    const name = unitName(unit, day);
    const pos = positionId ? positions.get(positionId) : undefined;
    const host = unit.company;
    const project = rng.pick(PROJECTS);
    const titles: Record<PostingKind, [string, string]> = {
      transfer: [`${pos?.nameJa ?? "担当者"}（${name.ja}）`, `${pos?.nameEn ?? "Staff"}, ${name.en}`],
      side_assignment: [`セレクトジョブ：${name.ja}`, `Select Job: ${name.en}`],
      project: [`プロジェクト参画：${project[0]}`, `Project: ${project[1]}`],
      overseas: [`海外派遣：${host.def.nameJa}`, `Overseas program: ${host.def.nameEn}`],
    };
    const posting: DemoPosting = {
      id: ++nextPosting,
      companyId,
      unit,
      kind,
      status: "closed",
      titleJa: titles[kind][0],
      titleEn: titles[kind][1],
      descriptionJa: `${name.ja}で${pos?.nameJa ?? "メンバー"}として活躍いただける方を社内から募集します。`,
      descriptionEn: `${name.en} is looking for a colleague from within the group to join as ${pos?.nameEn ?? "a team member"}.`,
      positionId,
      gradeRankMin: null,
      gradeRankMax: null,
      fteShare: kind === "side_assignment" || kind === "project" ? 0.2 : null,
      durationMonths: kind === "side_assignment" || kind === "project" ? 6 : null,
      hostCompanyId: kind === "overseas" ? host.id : null,
      program: null,
      location: kind === "overseas" ? (region.of(host.def.country) ?? host.def.country) : null,
      eligibility: {},
      openedOn: day,
      closedOn: null,
      ownerUserId: ownerFor(companyId),
    };
    postings.push(posting);
    return posting;
  }

  /** An application's events from `start`, walking `path` a few days apart (never after `limit`). */
  function application(
    posting: DemoPosting,
    personId: number,
    employmentId: number,
    start: Day,
    limit: Day,
    end: ApplicationStatus | "release_requested",
    manager: number | null,
  ): DemoApplication {
    const steps = stepsOf(posting.companyId);
    const released = end === "release_requested" || end === "released" || end === "moved";
    const reviewer = posting.ownerUserId ?? groupHr;
    const path: [ApplicationStatus, ApplicationStatus, number | null, string | null][] = [];
    let status: ApplicationStatus = "applied";
    const stopAt = ["rejected", "withdrawn"].includes(end)
      ? rng.pick(steps)
      : end === "declined"
        ? "offered"
        : null;
    for (const step of steps.slice(1)) {
      if (status === stopAt || status === end) break;
      path.push([status, step, reviewer, null]);
      status = step;
    }
    if (end === "rejected") path.push([status, "rejected", reviewer, REJECTED]);
    else if (end === "withdrawn" || end === "declined")
      path.push([status, end, userOf.get(personId) ?? null, null]);
    else if (released) {
      path.push([status, status, reviewer, null]); // the release is asked of the current manager
      if (end !== "release_requested") {
        path.push([status, "released", userOf.get(manager ?? 0) ?? null, null]);
        status = "released";
      }
      if (end === "moved") {
        path.push([
          "released",
          "confirmed",
          hrFor(posting.companyId, employments.get(employmentId)!.companyId),
          null,
        ]);
        path.push(["confirmed", "moved", null, null]);
      }
    }
    const app: DemoApplication = {
      id: ++nextApplication,
      posting,
      personId,
      employmentId,
      status: end === "release_requested" ? (path[path.length - 1]?.[1] ?? "applied") : end,
      motivation: rng.pick(MOTIVATIONS),
      manager: released ? manager : null,
      share: null,
      effectiveOn: null,
      endsOn: null,
      resultIdx: null,
      events: [
        {
          from: null,
          to: "applied",
          actor: userOf.get(personId) ?? null,
          note: null,
          at: at(start, rng.int(540, 1080)),
        },
      ],
    };
    let day = start;
    let last = Date.parse(app.events[0]!.at);
    for (const [from, to, actor, note] of path) {
      day = to === "moved" ? limit : Math.min(limit, day + rng.int(2, 9));
      last = Math.max(last + 60_000, Date.parse(at(day, to === "moved" ? 360 : rng.int(540, 1080))));
      app.events.push({ from, to, actor, note, at: new Date(last).toISOString() });
    }
    applications.push(app);
    appliedTo.add(`${posting.id}:${personId}`);
    return app;
  }

  /** Someone else employed in one of the companies on the day who could have applied (or null). */
  function otherApplicant(posting: DemoPosting, pool: SimCompany[], day: Day, exclude: Set<number>) {
    for (let attempt = 0; attempt < 30; attempt++) {
      const company = rng.pick(pool);
      const list = company.active.length ? company.active : [];
      if (list.length === 0) continue;
      const emp = rng.pick(list).employment;
      const stint = stintAt(emp.id, day);
      if (!stint || stint.head || stint.manager === 0 || emp.type !== "regular" || exclude.has(emp.personId))
        continue;
      if (!eligible(posting, emp.personId, emp.companyId, stint, day)) continue;
      return { personId: emp.personId, employmentId: emp.id, stint };
    }
    return null;
  }

  function eligible(
    posting: DemoPosting,
    personId: number,
    companyId: number,
    stint: Stint,
    day: Day,
  ): boolean {
    const rules = posting.eligibility;
    const rank = rankOf.get(stint.grade) ?? 0;
    if (
      rules.minTenureMonths !== undefined &&
      (day - groupHire.get(personId)!) / 30.44 < rules.minTenureMonths + 1
    )
      return false;
    if (rules.gradeRanks?.min !== undefined && rank < rules.gradeRanks.min) return false;
    if (rules.gradeRanks?.max !== undefined && rank > rules.gradeRanks.max) return false;
    if (rules.companyIds && !rules.companyIds.includes(companyId)) return false;
    if (posting.kind === "overseas" ? companyId === posting.hostCompanyId : stint.unit === posting.unit.id)
      return false;
    return !appliedTo.has(`${posting.id}:${personId}`);
  }

  // Past postings with their moves and the other applicants.
  let moved = 0;
  for (const group of chosen) {
    const first = group[0]!;
    const unit = units.get(first.unit)!;
    const kind: PostingKind =
      first.kind === "side"
        ? rng.chance(0.3)
          ? "project"
          : "side_assignment"
        : first.kind === "overseas"
          ? "overseas"
          : "transfer";
    const last = Math.max(...group.map((m) => m.day));
    const opened = Math.min(...group.map((m) => m.day)) - rng.int(90, 150);
    const posting = newPosting(kind, first.company, unit, first.position, opened);
    const ranks = group.map((m) => rankOf.get(m.before.grade) ?? 0);
    if (kind === "overseas") {
      const young = (first.end === null || months(first.day, first.end) <= 24) && Math.max(...ranks) <= 4;
      posting.program = young ? "young_talent" : "mid_career";
      posting.durationMonths = first.end === null ? 24 : months(first.day, first.end);
      posting.eligibility = young
        ? { gradeRanks: { max: Math.max(...ranks) } }
        : { gradeRanks: { min: Math.min(...ranks) } };
      posting.titleJa = `${young ? "若手" : "中堅"}海外派遣：${unit.company.def.nameJa}`;
      posting.titleEn = `Overseas program (${young ? "young talent" : "mid-career"}): ${unit.company.def.nameEn}`;
    } else if (kind === "transfer") {
      const newRanks = group.map((m) => rankOf.get(m.grade) ?? 0);
      [posting.gradeRankMin, posting.gradeRankMax] = [Math.min(...newRanks), Math.max(...newRanks)];
      if (group.every((m) => m.day - 120 - groupHire.get(m.personId)! > 24 * 31))
        posting.eligibility = { minTenureMonths: 24 };
    } else {
      posting.eligibility = { companyIds: [first.company] };
    }
    const recent = last > today - 200 && unitOpen(unit, today);
    posting.status = recent ? "open" : "closed";
    posting.closedOn = recent ? null : Math.min(today, last - rng.int(20, 40));
    const winners = new Set(group.map((m) => m.personId));
    for (const m of group) {
      const app = application(
        posting,
        m.personId,
        m.fromEmployment,
        Math.max(opened + 3, m.day - rng.int(70, 110)),
        m.day,
        "moved",
        m.before.manager,
      );
      app.share = kind === "side_assignment" || kind === "project" ? 0.2 : null;
      app.effectiveOn = m.day;
      app.endsOn = m.end;
      app.resultIdx = m.resultIdx;
      moved++;
    }
    const pool =
      kind === "transfer" && employments.get(first.fromEmployment)!.companyId !== first.company
        ? model.companies.filter((c) => c.isDomestic && c.id !== first.company)
        : [companies.get(first.company)!];
    for (let n = rng.int(0, 3); n > 0; n--) {
      const day = opened + rng.int(5, 40);
      const other = otherApplicant(posting, pool, day, winners);
      if (!other) continue;
      const end = rng.pick<ApplicationStatus>(
        stepsOf(posting.companyId).includes("offered")
          ? ["rejected", "rejected", "withdrawn", "declined"]
          : ["rejected", "withdrawn"],
      );
      application(
        posting,
        other.personId,
        other.employmentId,
        day,
        Math.min(today, day + 60),
        end,
        other.stint.manager,
      );
    }
  }

  // Open postings of each kind in several companies, with applications in progress.
  const employee = users.find((u) => u.email.startsWith("employee@"));
  const manager = users.find((u) => u.email.startsWith("manager@"));
  const domestic = model.companies.filter((c) => c.isDomestic && c.leaves.some((l) => l.members.length > 0));
  const abroad = model.companies.filter((c) => !c.isDomestic && c.leaves.some((l) => l.members.length > 0));
  const mineEmployment = model.employments.find(
    (e) =>
      e.personId === employee?.personId &&
      e.hire <= today &&
      (e.termination === null || e.termination >= today),
  );
  const mineStint = mineEmployment && stintAt(mineEmployment.id, today);
  const mine = mineEmployment && mineStint ? { ...mineEmployment, stint: mineStint } : undefined;
  const openCount = Math.min(150, Math.max(8, Math.round(history.activeCount / 150)));
  const kinds: PostingKind[] = ["transfer", "side_assignment", "overseas", "project"];
  for (let n = 0; n < openCount; n++) {
    const kind = kinds[n % 4]!;
    const company =
      n < 4 ? parent : kind === "overseas" ? rng.pick(domestic) : rng.pick(n % 3 === 0 ? abroad : domestic);
    const target = kind === "overseas" ? rng.pick(abroad) : company;
    const leaves = target.leaves.filter(
      (l) => l.members.some((e) => !e.isHead) && unitOpen(l, today) && l.id !== mine?.stint.unit,
    );
    if (leaves.length === 0) continue;
    const unit = rng.pick(leaves);
    const member = rng.pick(unit.members.filter((e) => !e.isHead));
    const posting = newPosting(kind, company.id, unit, member.positionId, today - rng.int(10, 120));
    posting.status = "open";
    if (kind === "overseas") {
      const young = n % 8 !== 2;
      posting.program = young ? "young_talent" : "mid_career";
      posting.durationMonths = young ? rng.pick([18, 24]) : rng.pick([36, 48, 60]);
      posting.eligibility = young
        ? { gradeRanks: { max: 3 }, minTenureMonths: 24 }
        : { gradeRanks: { min: 3 } };
      posting.titleJa = `${young ? "若手" : "中堅"}海外派遣：${target.def.nameJa}`;
      posting.titleEn = `Overseas program (${young ? "young talent" : "mid-career"}): ${target.def.nameEn}`;
    } else if (kind === "transfer") posting.eligibility = rng.chance(0.5) ? { minTenureMonths: 12 } : {};
    else posting.eligibility = kind === "side_assignment" ? { companyIds: [company.id] } : {};
    if (kind === "project") posting.fteShare = rng.pick([0.1, 0.2, 0.3]);
    // The demo employee can apply to the parent's first four.
    if (n < 4 && mine && !eligible(posting, mine.personId, mine.companyId, mine.stint, today)) {
      const rank = rankOf.get(mine.stint.grade) ?? 0;
      posting.eligibility =
        kind === "overseas" ? { gradeRanks: { min: Math.max(1, rank - 1), max: rank + 1 } } : {};
    }
    if (mine) appliedTo.add(`${posting.id}:${mine.personId}`);
    for (const status of rng
      .shuffled<ApplicationStatus | "release_requested">([
        "applied",
        "in_review",
        "interviewing",
        "offered",
        "release_requested",
        "released",
        "rejected",
        "withdrawn",
        "declined",
      ])
      .slice(0, rng.int(1, 5))) {
      if (
        !stepsOf(company.id).includes("offered") &&
        ["interviewing", "offered", "declined"].includes(status)
      )
        continue;
      const other = otherApplicant(
        posting,
        kind === "transfer" && n % 5 === 1 ? domestic : [company],
        today,
        busy,
      );
      if (other?.stint.fte100 !== 100 || other.personId === employee?.personId) continue;
      const start = today - rng.int(10, Math.max(12, today - posting.openedOn));
      const app = application(
        posting,
        other.personId,
        other.employmentId,
        start,
        today,
        status,
        other.stint.manager,
      );
      if (app.status === "released" && posting.fteShare !== null) app.share = posting.fteShare;
    }
  }
  // Someone reporting to the demo manager waits for their release (heads of sections included).
  const team = parent.active.filter((e) => {
    const stint = stintAt(e.employment.id, today);
    return (
      manager !== undefined &&
      stint?.manager === manager.personId &&
      stint.fte100 === 100 &&
      e.person.id !== employee?.personId &&
      e.employment.type === "regular" &&
      !busy.has(e.person.id)
    );
  });
  release: for (const e of team)
    for (const p of postings) {
      const stint = stintAt(e.employment.id, today)!;
      if (p.status !== "open" || p.companyId !== parent.id || p.kind === "overseas") continue;
      if (!eligible(p, e.person.id, parent.id, stint, today)) continue;
      application(p, e.person.id, e.employment.id, today - 30, today, "release_requested", stint.manager);
      break release;
    }

  if (shortFlow)
    await query(
      `INSERT INTO mobility_settings (company_id, application_steps, updated_at) VALUES ($1, '["in_review"]'::jsonb, $2::timestamptz)`,
      [shortFlow.id, at(today - 400, 600)],
    );
  await writePostingRows(query, { postings, applications, idOf, firstEvent: nextEvent, today, groupHr });
  return {
    postings: postings.length,
    open: postings.filter((p) => p.status === "open").length,
    applications: applications.length,
    moves: moved,
  };
}
