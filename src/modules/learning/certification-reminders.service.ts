/**
 * Certification expiry: which held certifications expire soon (for the holder, their manager and company HR)
 * and which reminders are due on a day.
 *
 * Reminders go by stage, not by exact day: with lead times 90 and 30, a certification 75 days from expiry is in
 * stage 90, at 20 days in stage 30, after expiry in stage "expired" (for as long as the longest lead time). The
 * lead times are the group's setting (skill_settings.certification_reminder_days, default 90 and 30, edited by
 * group HR: src/modules/skills/settings.service.ts); a caller may give others for one list. Each
 * (holding, expiry date, stage, recipient) has a stable dedupe key, so a daily job may run twice, skip a day or
 * run late and still delivers every stage exactly once when its deliverer keeps one message per key (the
 * notifications table's `dedupe_key`). A renewed certification (a later holding of the same one) and people no
 * longer employed get no reminders.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { addDays, today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { ExpiringCertification, ExpiringCertificationList } from "../../shared/skills-api";
import { assert, canManageCompany } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { findCompany, findOrgUnit, subtreeOrgUnitIds } from "../org/org.repo";
import { presentName } from "../people/people.presenter";
import { hrCompanyScope } from "../skills/skills.policy";
import { loc } from "../skills/skills.presenter";
import { certificationReminderDays } from "../skills/skills.repo";
import {
  type ExpiringRow,
  expiringCertifications,
  hrUsersOfCompanies,
  personNames,
  usersOfPersons,
} from "./certifications.repo";

export type ReminderStage = number | "expired";

/** The smallest lead time the days left fall within; "expired" once past; null = not yet due. */
export function reminderStage(daysLeft: number, leadDays: readonly number[]): ReminderStage | null {
  if (daysLeft < 0) return "expired";
  let stage: number | null = null;
  for (const lead of leadDays) if (daysLeft <= lead && (stage === null || lead < stage)) stage = lead;
  return stage;
}

const intList = (ids: number[]) => `{${ids.join(",")}}`;

function window(asOf: string, leadDays: readonly number[]) {
  const longest = Math.max(...leadDays);
  return { from: addDays(asOf, -longest), to: addDays(asOf, longest) };
}

async function presentRows(db: Db, rows: ExpiringRow[], leadDays: readonly number[]) {
  const managers = new Map(
    (
      await personNames(db, [
        ...new Set(rows.map((r) => r.managerPersonId).filter((id): id is number => id !== null)),
      ])
    ).map((m) => [m.id, m]),
  );
  return rows.map(
    (row): ExpiringCertification => ({
      personCertificationId: row.id,
      person: { personId: row.personId, name: presentName(row) },
      companyId: row.companyId,
      certification: {
        id: row.certificationId,
        code: row.code,
        name: loc(row.nameJa, row.nameEn),
        issuer: row.issuer,
        validityMonths: row.validityMonths,
      },
      obtainedOn: row.obtainedOn,
      expiresOn: row.expiresOn,
      daysLeft: row.daysLeft,
      stage: reminderStage(row.daysLeft, leadDays)!,
      manager:
        row.managerPersonId !== null && managers.has(row.managerPersonId)
          ? {
              personId: row.managerPersonId,
              name: presentName(managers.get(row.managerPersonId)!),
            }
          : null,
    }),
  );
}

/**
 * Certifications expiring within the longest lead time (or expired within it, not renewed), for a company (its
 * HR), an org unit (its managers, HR), or everyone the caller oversees (managers: their units; HR: their
 * companies; group HR: all). Soonest first.
 */
export async function expiringCertificationList(
  db: Db,
  actor: Actor,
  query: {
    companyId?: number | undefined;
    orgUnitId?: number | undefined;
    asOf?: string | undefined;
    leadDays?: number[] | undefined;
  },
): Promise<ExpiringCertificationList> {
  const asOf = query.asOf ?? today();
  const leadDays = query.leadDays ?? (await certificationReminderDays(db));
  const inUnits = (ids: number[]): SQL => sql`a.org_unit_id = any(${intList(ids)}::int[])`;
  let scope: SQL | null;
  if (query.orgUnitId !== undefined) {
    const unit = await findOrgUnit(db, query.orgUnitId);
    if (!unit) throw AppError.notFound("Org unit", query.orgUnitId);
    let allowed = canManageCompany(actor, unit.companyId);
    if (!allowed && actor.kind === "user" && actor.managedOrgUnitIds.length)
      allowed = (await subtreeOrgUnitIds(db, actor.managedOrgUnitIds, asOf)).includes(query.orgUnitId);
    assert(allowed, "Only the unit's managers and HR may see its expiring certifications.");
    scope = inUnits(await subtreeOrgUnitIds(db, [query.orgUnitId], asOf));
  } else if (query.companyId !== undefined) {
    if (!(await findCompany(db, query.companyId))) throw AppError.notFound("Company", query.companyId);
    assert(
      canManageCompany(actor, query.companyId),
      "Only the company's HR may see its expiring certifications.",
    );
    scope = sql`emp.company_id = ${query.companyId}`;
  } else {
    const companies = hrCompanyScope(actor);
    if (companies === null) scope = null;
    else {
      const parts: SQL[] = [];
      if (companies.length) parts.push(sql`emp.company_id = any(${intList(companies)}::int[])`);
      if (actor.kind === "user" && actor.managedOrgUnitIds.length)
        parts.push(inUnits(await subtreeOrgUnitIds(db, actor.managedOrgUnitIds, asOf)));
      assert(parts.length > 0, "Only managers and HR see others' expiring certifications.");
      scope = sql`(${sql.join(parts, sql` or `)})`;
    }
  }
  const { from, to } = window(asOf, leadDays);
  const rows = await expiringCertifications(db, asOf, from, to, scope);
  return { asOf, leadDays, items: await presentRows(db, rows, leadDays) };
}

export type ReminderAudience = "holder" | "manager" | "company_hr";

/** One reminder to deliver: what the notifications module needs to write one in-app message per recipient. */
export interface CertificationReminder {
  /** Stable per holding, expiry date and stage; with the recipient, the notification's dedupe key. */
  dedupeKey: string;
  /** The message of the web app's catalogue (en/ja) that renders it. */
  kind: "learning.certification.expiring" | "learning.certification.expired";
  stage: ReminderStage;
  personCertificationId: number;
  personId: number;
  companyId: number;
  certificationCode: string;
  params: {
    certification: { ja: string; en: string };
    person: ExpiringCertification["person"]["name"];
    expiresOn: string;
    daysLeft: number;
  };
  /** The holder's page for the holder, the expiring list for managers and HR. */
  links: Record<ReminderAudience, string>;
  recipients: { userId: number; as: ReminderAudience }[];
}

/**
 * The reminders due on a day, for every company (the operator's job) or some, with the group's lead times unless
 * others are given: one per held certification in a reminder stage, with its recipients — the holder, their manager and the company's HR (their user accounts;
 * a person without an account receives nothing, the list still shows them). Read-only and deterministic: the
 * same day and data give the same list and the same keys.
 */
export async function certificationRemindersDue(
  db: Db,
  options: { asOf?: string; leadDays?: readonly number[]; companyIds?: number[] },
): Promise<{ asOf: string; leadDays: number[]; reminders: CertificationReminder[] }> {
  const asOf = options.asOf ?? today();
  const leadDays = [...(options.leadDays ?? (await certificationReminderDays(db)))].sort((a, b) => b - a);
  const { from, to } = window(asOf, leadDays);
  const scope = options.companyIds ? sql`emp.company_id = any(${intList(options.companyIds)}::int[])` : null;
  const rows = await expiringCertifications(db, asOf, from, to, scope);
  const items = await presentRows(db, rows, leadDays);
  const personIds = [
    ...new Set(
      rows.flatMap((r) => (r.managerPersonId === null ? [r.personId] : [r.personId, r.managerPersonId])),
    ),
  ];
  const usersByPerson = new Map<number, number[]>();
  for (const u of await usersOfPersons(db, personIds))
    usersByPerson.set(u.personId, [...(usersByPerson.get(u.personId) ?? []), u.userId]);
  const hrByCompany = new Map<number, number[]>();
  for (const u of await hrUsersOfCompanies(db, [...new Set(rows.map((r) => r.companyId))]))
    hrByCompany.set(u.companyId, [...(hrByCompany.get(u.companyId) ?? []), u.userId]);
  const reminders = items.map((item, i): CertificationReminder => {
    const row = rows[i]!;
    const recipients: CertificationReminder["recipients"] = [];
    const seen = new Set<number>();
    const add = (userIds: number[] | undefined, as: ReminderAudience) => {
      for (const userId of userIds ?? []) {
        if (seen.has(userId)) continue;
        seen.add(userId);
        recipients.push({ userId, as });
      }
    };
    add(usersByPerson.get(row.personId), "holder");
    if (row.managerPersonId !== null) add(usersByPerson.get(row.managerPersonId), "manager");
    add(hrByCompany.get(row.companyId), "company_hr");
    return {
      dedupeKey: `learning.certification:${item.personCertificationId}:${item.expiresOn}:${item.stage}`,
      kind: item.stage === "expired" ? "learning.certification.expired" : "learning.certification.expiring",
      stage: item.stage,
      personCertificationId: item.personCertificationId,
      personId: row.personId,
      companyId: row.companyId,
      certificationCode: item.certification.code,
      params: {
        certification: item.certification.name,
        person: item.person.name,
        expiresOn: item.expiresOn,
        daysLeft: item.daysLeft,
      },
      links: {
        holder: "/learning/me",
        manager: "/learning/certifications",
        company_hr: `/learning/certifications?companyId=${row.companyId}`,
      },
      recipients,
    };
  });
  return { asOf, leadDays, reminders };
}
