/**
 * How an application looks to each reader, and who the reader is to it:
 * - applicant: the person who applied (sees status, timeline, own motivation);
 * - reviewer: the posting owner and whoever manages the posting (HR / recruiters of the posting company);
 * - releaser: the applicant's current manager, only once the release was requested (never before: the manager
 *   learns of an application at the release step) — the motivation stays hidden from them;
 * - confirmer: HR of the posting company or of the applicant's company, once the manager has released.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import type { ApplicationStatus } from "../../shared/mobility-vocab";
import type { Application } from "../../shared/postings-api";
import type { Actor } from "../access/actor";
import { notifyPersons, notifyUsers } from "../notifications/notify";
import { presentName } from "../people/people.presenter";
import { personsByIds } from "../people/people.repo";
import { type ApplicationViewRow, applicationViews, type EventRow, eventsOf } from "./application.repo";
import { applicationStepsOf, stepsBeforeRelease } from "./mobility-settings.service";
import { canManagePostingOf, isCompanyHr } from "./posting.policy";

export const BEFORE_CONFIRMATION: readonly ApplicationStatus[] = [
  "applied",
  "in_review",
  "interviewing",
  "offered",
  "released",
];

export interface Roles {
  applicant: boolean;
  reviewer: boolean;
  releaser: boolean;
  confirmer: boolean;
}

export async function rolesOf(db: Db, actor: Actor, row: ApplicationViewRow): Promise<Roles> {
  const personId = actor.kind === "user" ? actor.personId : null;
  const applicant = personId !== null && personId === row.personId;
  const reviewer =
    (actor.kind === "user" && row.postingOwnerUserId === actor.userId) ||
    (await canManagePostingOf(db, actor, {
      companyId: row.postingCompanyId,
      orgUnitId: row.postingOrgUnitId,
    }));
  const releaser =
    personId !== null && row.releasingManagerPersonId !== null && row.releasingManagerPersonId === personId;
  const confirmer =
    ["released", "confirmed", "moved"].includes(row.status) &&
    (isCompanyHr(actor, row.postingCompanyId) || isCompanyHr(actor, row.employmentCompanyId));
  return { applicant, reviewer, releaser, confirmer };
}

export const canRead = (roles: Roles) =>
  roles.applicant || roles.reviewer || roles.releaser || roles.confirmer;

const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

export async function presentApplications(
  db: Db,
  actor: Actor,
  rows: ApplicationViewRow[],
): Promise<Application[]> {
  const events = await eventsOf(
    db,
    rows.map((row) => row.id),
  );
  const managers = new Map(
    (
      await personsByIds(db, [
        ...new Set(
          rows.flatMap((row) => (row.releasingManagerPersonId ? [row.releasingManagerPersonId] : [])),
        ),
      ])
    ).map((person) => [person.id, person]),
  );
  const stepsByCompany = new Map<number, ApplicationStatus[]>();
  const items: Application[] = [];
  for (const row of rows) {
    const roles = await rolesOf(db, actor, row);
    if (!stepsByCompany.has(row.postingCompanyId))
      stepsByCompany.set(
        row.postingCompanyId,
        stepsBeforeRelease(await applicationStepsOf(db, row.postingCompanyId)),
      );
    const steps = stepsByCompany.get(row.postingCompanyId)!;
    items.push(
      present(
        row,
        roles,
        steps,
        events.filter((event) => event.applicationId === row.id),
        managers,
      ),
    );
  }
  return items;
}

function present(
  row: ApplicationViewRow,
  roles: Roles,
  steps: ApplicationStatus[],
  events: EventRow[],
  managers: Map<number, Parameters<typeof presentName>[0]>,
): Application {
  const awaitingRelease =
    row.releasingManagerPersonId !== null &&
    BEFORE_CONFIRMATION.includes(row.status) &&
    row.status !== "released";
  const index = steps.indexOf(row.status);
  const nextStep: ApplicationStatus | null =
    index >= 0 && !awaitingRelease
      ? (steps[index + 1] ?? "released")
      : awaitingRelease
        ? "released"
        : row.status === "released"
          ? "confirmed"
          : row.status === "confirmed"
            ? "moved"
            : null;
  const manager = row.releasingManagerPersonId ? managers.get(row.releasingManagerPersonId) : undefined;
  const open = BEFORE_CONFIRMATION.includes(row.status);
  return {
    id: row.id,
    posting: {
      id: row.postingId,
      kind: row.postingKind,
      title: { ja: row.postingTitleJa, en: row.postingTitleEn },
      company: { ja: row.postingCompanyNameJa, en: row.postingCompanyNameEn },
      orgUnit: {
        ja: row.postingOrgUnitNameJa ?? row.postingOrgUnitNameEn ?? "",
        en: row.postingOrgUnitNameEn ?? row.postingOrgUnitNameJa ?? "",
      },
      fteShare: row.postingFteShare,
      durationMonths: row.postingDurationMonths,
    },
    person: { personId: row.personId, name: presentName(row) },
    status: row.status,
    nextStep,
    awaitingRelease,
    motivation: roles.applicant || roles.reviewer ? row.motivation : null,
    scoutId: row.scoutId,
    releasingManager:
      manager && row.releasingManagerPersonId
        ? { personId: row.releasingManagerPersonId, name: presentName(manager) }
        : null,
    approvedFteShare: row.approvedFteShare,
    effectiveOn: row.effectiveOn,
    endsOn: row.endsOn,
    createdAt: iso(row.createdAt),
    events: events.map((event) => ({
      id: event.id,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      marker: event.fromStatus === event.toStatus ? "release_requested" : null,
      note: event.note,
      actorName: event.actorName,
      at: iso(event.at),
    })),
    can: {
      advance: roles.reviewer && steps.includes(row.status) && !awaitingRelease,
      reject: roles.reviewer && open,
      withdraw: roles.applicant && open,
      decline: roles.applicant && row.status === "offered",
      release: roles.releaser && awaitingRelease,
      confirm: roles.confirmer && row.status === "released",
    },
  };
}

export async function applicationView(db: Db, id: number): Promise<ApplicationViewRow | undefined> {
  const [row] = await applicationViews(db, sql`ap.id = ${id}`, 1);
  return row;
}

/** Message params shared by every notification about an application. */
export function noticeParams(row: ApplicationViewRow, extra: Record<string, string | number | null> = {}) {
  const latin = [row.givenNameLatin ?? row.givenName, row.familyNameLatin ?? row.familyName].join(" ");
  return {
    applicationId: row.id,
    title: row.postingTitleEn,
    titleJa: row.postingTitleJa,
    person: latin,
    personJa: `${row.familyName}${row.nameOrder === "family_first" ? "" : " "}${row.givenName}`,
    ...extra,
  };
}

export type Audience = "applicant" | "owner" | "manager" | "hr";

/** Sends one notification kind about the application to each audience (inside the step's transaction). */
export async function notifyAbout(
  tx: Db,
  row: ApplicationViewRow,
  kind: string,
  audiences: Audience[],
  extra: Record<string, string | number | null> = {},
): Promise<void> {
  const request = {
    kind: `mobility.application.${kind}`,
    params: noticeParams(row, extra),
    link: `/applications/${row.id}`,
    dedupeKey: `application:${row.id}:${kind}:${extra.status ?? ""}`,
  };
  const persons: number[] = [];
  const users: number[] = [];
  if (audiences.includes("applicant")) persons.push(row.personId);
  if (audiences.includes("manager") && row.releasingManagerPersonId)
    persons.push(row.releasingManagerPersonId);
  if (audiences.includes("owner") && row.postingOwnerUserId) users.push(row.postingOwnerUserId);
  if (audiences.includes("hr")) {
    const hr = await queryRows<{ id: number }>(
      tx,
      sql`select distinct u.id from users u join user_roles r on r.user_id = u.id
          where r.role = 'company_hr' and r.company_id in (${row.postingCompanyId}, ${row.employmentCompanyId})
            and u.disabled_at is null order by u.id`,
    );
    users.push(...hr.map((user) => user.id));
  }
  if (persons.length) await notifyPersons(tx, persons, request);
  if (users.length) await notifyUsers(tx, users, request);
}
