/**
 * Scouts: a recruiter of the posting company sends a message tied to an open posting to a person visible to
 * them (consent.visibility.ts); the person accepts — which applies to the posting through applyToPosting, in
 * the same transaction — or declines; the recruiter may withdraw an unanswered scout. Every step is audited and
 * notified. Recruiters' lists and counts cover only people visible to them today: once a person withdraws
 * consent, their scouts disappear from every recruiter view (the person still sees their own).
 */
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { withDbErrors } from "../../db/errors";
import { queryRows } from "../../db/query";
import { today } from "../../shared/dates";
import { AppError } from "../../shared/errors";
import type { Scout, ScoutCounts, ScoutList } from "../../shared/matching-api";
import type { ScoutStatus } from "../../shared/mobility-vocab";
import { assert } from "../access/access.policy";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { notifyPersons, notifyUsers } from "../notifications/notify";
import { applyToPosting } from "./application.service";
import { isVisibleToRecruiter, visibleToRecruiterSql } from "./consent.visibility";
import { findPostings, matchPeople, presentPosting } from "./match.explain";
import { recruitsFor } from "./match.service";

interface ScoutRow {
  id: number;
  postingId: number;
  personId: number;
  recruiterUserId: number;
  message: string;
  status: ScoutStatus;
  responseNote: string | null;
  sentAt: string;
  respondedAt: string | null;
  applicationId: number | null;
}

const scoutColumns = sql`s.id, s.posting_id as "postingId", s.person_id as "personId",
  s.recruiter_user_id as "recruiterUserId", s.message, s.status, s.response_note as "responseNote",
  to_char(s.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "sentAt",
  to_char(s.responded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "respondedAt",
  (select ap.id from applications ap where ap.scout_id = s.id order by ap.id desc limit 1) as "applicationId"`;

function scoutRows(db: Db, where: SQL): Promise<ScoutRow[]> {
  return queryRows<ScoutRow>(
    db,
    sql`select ${scoutColumns} from scouts s where ${where} order by s.sent_at desc, s.id desc`,
  );
}

async function present(db: Db, rows: ScoutRow[], withPerson: boolean): Promise<Scout[]> {
  const asOf = today();
  const [postings, people] = await Promise.all([
    findPostings(db, [...new Set(rows.map((r) => r.postingId))], asOf),
    withPerson
      ? matchPeople(db, [...new Set(rows.map((r) => r.personId))], asOf)
      : Promise.resolve(new Map()),
  ]);
  const byId = new Map(postings.map((p) => [p.id, presentPosting(p)]));
  return rows.map((row) => ({
    id: row.id,
    posting: byId.get(row.postingId)!,
    person: withPerson ? (people.get(row.personId) ?? null) : null,
    message: row.message,
    status: row.status,
    responseNote: row.responseNote,
    sentAt: row.sentAt,
    respondedAt: row.respondedAt,
    applicationId: row.applicationId,
  }));
}

/** A recruiter of the posting company sends a scout to a person visible to them. */
export async function sendScout(
  db: Db,
  actor: Actor,
  request: { postingId: number; personId: number; message: string },
): Promise<Scout> {
  assert(actor.kind === "user", "Scouts are sent by a recruiter's account.");
  if (actor.kind !== "user") throw new AppError("FORBIDDEN");
  const [posting] = await findPostings(db, [request.postingId], today());
  if (!posting) throw AppError.notFound("Posting", request.postingId);
  assert(recruitsFor(actor, posting.companyId), "Only recruiters of the posting's company scout for it.");
  if (posting.status !== "open")
    throw AppError.validation([
      { path: "postingId", message: `posting ${posting.id} is ${posting.status}, not open` },
    ]);
  // Not visible (never opted in, withdrawn, out of scope) reads as "not found": nothing about who opted in leaks.
  if (!(await isVisibleToRecruiter(db, actor, request.personId)))
    throw AppError.notFound("Person", request.personId);
  const id = await withDbErrors(() =>
    db.transaction(async (tx) => {
      const open = await queryRows<{ id: number }>(
        tx,
        sql`select id from scouts where posting_id = ${posting.id} and person_id = ${request.personId} and status = 'sent'`,
      );
      if (open.length > 0)
        throw new AppError("CONFLICT", {
          message: `Person ${request.personId} already has an unanswered scout (${open[0]!.id}) for posting ${posting.id}.`,
        });
      const [row] = await queryRows<{ id: number }>(
        tx,
        sql`insert into scouts (posting_id, person_id, recruiter_user_id, message)
            values (${posting.id}, ${request.personId}, ${actor.userId}, ${request.message}) returning id`,
      );
      await audit(tx, actor, "mobility.scout.send", {
        entity: "scout",
        entityId: row!.id,
        detail: { postingId: posting.id, personId: request.personId },
      });
      await notifyPersons(tx, [request.personId], {
        kind: "scout_received",
        params: { postingTitleJa: posting.titleJa, postingTitleEn: posting.titleEn },
        link: "/scouting/mine",
        dedupeKey: `scout:${row!.id}:received`,
      });
      return row!.id;
    }),
  );
  const [row] = await scoutRows(db, sql`s.id = ${id}`);
  return (await present(db, [row!], true))[0]!;
}

async function ownScout(db: Db, actor: Actor, scoutId: number): Promise<ScoutRow> {
  const [row] = await scoutRows(db, sql`s.id = ${scoutId}`);
  // Somebody else's scout is "not found" to the person.
  if (!row || actor.kind !== "user" || actor.personId !== row.personId)
    throw AppError.notFound("Scout", scoutId);
  if (row.status !== "sent")
    throw new AppError("CONFLICT", {
      message: `Scout ${scoutId} is already ${row.status}; only an unanswered scout can be answered.`,
    });
  return row;
}

/** The scouted person accepts and applies to the posting (one transaction: both happen or neither). */
export async function acceptScout(
  db: Db,
  actor: Actor,
  scoutId: number,
  request: { motivation: string },
): Promise<Scout> {
  const scout = await ownScout(db, actor, scoutId);
  await withDbErrors(() =>
    db.transaction(async (tx) => {
      await tx.execute(
        sql`update scouts set status = 'accepted', responded_at = now() where id = ${scoutId} and status = 'sent'`,
      );
      await applyToPosting(tx, actor, {
        postingId: scout.postingId,
        motivation: request.motivation,
        scoutId,
      });
      await audit(tx, actor, "mobility.scout.accept", { entity: "scout", entityId: scoutId });
      await notifyUsers(tx, [scout.recruiterUserId], {
        kind: "scout_accepted",
        params: { scoutId },
        link: `/scouting/postings/${scout.postingId}`,
        dedupeKey: `scout:${scoutId}:answered`,
      });
    }),
  );
  const [row] = await scoutRows(db, sql`s.id = ${scoutId}`);
  return (await present(db, [row!], false))[0]!;
}

/** The scouted person declines, optionally with a note to the recruiter. */
export async function declineScout(
  db: Db,
  actor: Actor,
  scoutId: number,
  request: { note: string | null },
): Promise<Scout> {
  const scout = await ownScout(db, actor, scoutId);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update scouts set status = 'declined', response_note = ${request.note}, responded_at = now()
          where id = ${scoutId} and status = 'sent'`,
    );
    await audit(tx, actor, "mobility.scout.decline", { entity: "scout", entityId: scoutId });
    await notifyUsers(tx, [scout.recruiterUserId], {
      kind: "scout_declined",
      params: { scoutId },
      link: `/scouting/postings/${scout.postingId}`,
      dedupeKey: `scout:${scoutId}:answered`,
    });
  });
  const [row] = await scoutRows(db, sql`s.id = ${scoutId}`);
  return (await present(db, [row!], false))[0]!;
}

/** A recruiter of the posting company withdraws an unanswered scout. */
export async function withdrawScout(db: Db, actor: Actor, scoutId: number): Promise<Scout> {
  const [row] = await scoutRows(db, sql`s.id = ${scoutId}`);
  if (!row) throw AppError.notFound("Scout", scoutId);
  const [posting] = await findPostings(db, [row.postingId], today());
  if (
    !posting ||
    !recruitsFor(actor, posting.companyId) ||
    !(await isVisibleToRecruiter(db, actor, row.personId))
  )
    throw AppError.notFound("Scout", scoutId);
  if (row.status !== "sent")
    throw new AppError("CONFLICT", {
      message: `Scout ${scoutId} is already ${row.status}; only an unanswered scout can be withdrawn.`,
    });
  await db.transaction(async (tx) => {
    await tx.execute(sql`update scouts set status = 'withdrawn', responded_at = now() where id = ${scoutId}`);
    await audit(tx, actor, "mobility.scout.withdraw", { entity: "scout", entityId: scoutId });
  });
  const [updated] = await scoutRows(db, sql`s.id = ${scoutId}`);
  return (await present(db, [updated!], true))[0]!;
}

/** The signed-in person's scouts, newest first. */
export async function myScouts(db: Db, actor: Actor): Promise<ScoutList> {
  if (actor.kind !== "user" || actor.personId === null) return { scouts: [] };
  return { scouts: await present(db, await scoutRows(db, sql`s.person_id = ${actor.personId}`), false) };
}

function visibleScouts(actor: Actor): SQL {
  if (actor.kind === "system") return sql`true`;
  return visibleToRecruiterSql(actor.recruiterGrants, sql`s.person_id`);
}

/** A posting's scouts for a recruiter of its company: only people visible to them today. */
export async function postingScouts(db: Db, actor: Actor, postingId: number): Promise<ScoutList> {
  const [posting] = await findPostings(db, [postingId], today());
  if (!posting) throw AppError.notFound("Posting", postingId);
  assert(recruitsFor(actor, posting.companyId), "Only recruiters of the posting's company see its scouts.");
  const rows = await scoutRows(db, sql`s.posting_id = ${postingId} and ${visibleScouts(actor)}`);
  return { scouts: await present(db, rows, true) };
}

/** Scouts per open or closed posting of the recruiter's companies, counted over visible people only. */
export async function scoutCounts(db: Db, actor: Actor): Promise<ScoutCounts> {
  assert(actor.kind === "system" || actor.recruiterGrants.length > 0, "Scout counts are for recruiters.");
  const companyIds =
    actor.kind === "system" ? null : [...new Set(actor.recruiterGrants.map((grant) => grant.companyId))];
  const rows = await queryRows<{
    postingId: number;
    sent: number;
    accepted: number;
    declined: number;
    open: number;
  }>(
    db,
    sql`select po.id as "postingId",
               count(s.id)::int as sent,
               count(s.id) filter (where s.status = 'accepted')::int as accepted,
               count(s.id) filter (where s.status = 'declined')::int as declined,
               count(s.id) filter (where s.status = 'sent')::int as open
        from postings po
        left join scouts s on s.posting_id = po.id and ${visibleScouts(actor)}
        where po.status <> 'draft'
          ${companyIds === null ? sql`` : sql`and po.company_id = any(${`{${companyIds.join(",")}}`}::int[])`}
        group by po.id
        order by po.id desc`,
  );
  const postings = new Map(
    (
      await findPostings(
        db,
        rows.map((r) => r.postingId),
        today(),
      )
    ).map((p) => [p.id, presentPosting(p)]),
  );
  return {
    postings: rows.map((row) => ({
      posting: postings.get(row.postingId)!,
      sent: row.sent,
      accepted: row.accepted,
      declined: row.declined,
      open: row.open,
    })),
  };
}
