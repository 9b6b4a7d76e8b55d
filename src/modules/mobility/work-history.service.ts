/**
 * Work-history records (issue 7): each employee keeps a record of projects and roles (period, organisation,
 * role, achievements, skills used), partly filled from Tekizai's own assignment history. Only the owner writes
 * it. It is read by the owner, their managers and HR of their companies, and by recruiters only while the
 * person's scouting consent covers them (consent.visibility.ts); to anybody else the record does not exist.
 */
import type { Db } from "../../db/client";
import type { WorkHistory, WorkHistoryEntry, WorkHistoryEntryRequest } from "../../shared/careers-api";
import { AppError, type FieldError } from "../../shared/errors";
import type { Actor } from "../access/actor";
import { audit } from "../audit/audit.service";
import { canSeePerson, relationTo } from "../skills/skills.policy";
import { translateCareerDbError } from "./career.errors";
import { isVisibleToRecruiter } from "./consent.visibility";
import {
  assignmentHistory,
  countEntries,
  deleteEntry,
  entriesOf,
  findEntry,
  insertEntry,
  skillNames,
  updateEntry,
  type WorkHistoryRow,
} from "./work-history.repo";

export const MAX_WORK_HISTORY_ENTRIES = 200;

function ownPerson(actor: Actor): number {
  if (actor.kind !== "user" || actor.personId === null) {
    throw new AppError("FORBIDDEN", {
      message: "Only an employee keeps a work-history record (no linked person).",
    });
  }
  return actor.personId;
}

async function present(db: Db, personId: number, rows: WorkHistoryRow[]): Promise<WorkHistory> {
  const ids = [...new Set(rows.flatMap((row) => row.skillIds as number[]))];
  const names = new Map((await skillNames(db, ids)).map((row) => [row.id, row]));
  return {
    personId,
    items: rows.map(
      (row): WorkHistoryEntry => ({
        id: row.id,
        personId: row.personId,
        periodFrom: row.periodFrom,
        periodTo: row.periodTo,
        organisation: row.organisation,
        role: row.role,
        achievements: row.achievements,
        skills: (row.skillIds as number[]).flatMap((id) => {
          const skill = names.get(id);
          return skill ? [{ id, name: { ja: skill.nameJa, en: skill.nameEn } }] : [];
        }),
        source: row.source,
        assignmentId: row.assignmentId,
      }),
    ),
  };
}

async function skillErrors(db: Db, skillIds: number[]): Promise<FieldError[]> {
  const found = new Map((await skillNames(db, skillIds)).map((row) => [row.id, row]));
  return skillIds.flatMap((id, index) =>
    found.get(id)?.active
      ? []
      : [
          {
            path: `skillIds.${index}`,
            message: `skill ${id} does not exist in the skill library (or is retired)`,
          },
        ],
  );
}

/** The caller's own record. */
export async function myWorkHistory(db: Db, actor: Actor): Promise<WorkHistory> {
  const personId = ownPerson(actor);
  return present(db, personId, await entriesOf(db, personId));
}

/** A person's record: self, managers, HR; recruiters only while the consent covers them; otherwise 404. */
export async function workHistoryOf(db: Db, actor: Actor, personId: number): Promise<WorkHistory> {
  const relation = await relationTo(db, actor, personId);
  const readable = canSeePerson(actor, relation) || (await isVisibleToRecruiter(db, actor, personId));
  if (!readable) throw AppError.notFound("Person", personId);
  return present(db, personId, await entriesOf(db, personId));
}

export async function addWorkHistoryEntry(
  db: Db,
  actor: Actor,
  request: WorkHistoryEntryRequest,
): Promise<WorkHistoryEntry> {
  const personId = ownPerson(actor);
  const fields = await skillErrors(db, request.skillIds);
  if ((await countEntries(db, personId)) >= MAX_WORK_HISTORY_ENTRIES) {
    fields.push({
      path: "periodFrom",
      message: `a record holds at most ${MAX_WORK_HISTORY_ENTRIES} entries`,
    });
  }
  if (fields.length) throw AppError.validation(fields);
  const id = await translateCareerDbError(() =>
    db.transaction(async (tx) => {
      const entryId = await insertEntry(tx, { personId, ...request, source: "self" });
      await audit(tx, actor, "work_history.create", { entity: "work_history_entry", entityId: entryId });
      return entryId;
    }),
  );
  return (await present(db, personId, [(await findEntry(db, id))!])).items[0]!;
}

async function ownEntry(db: Db, actor: Actor, id: number): Promise<WorkHistoryRow> {
  const personId = ownPerson(actor);
  const entry = await findEntry(db, id);
  if (!entry || entry.personId !== personId) throw AppError.notFound("Work-history entry", id);
  return entry;
}

/**
 * Changes an entry. Entries filled from an assignment keep their period (it is the assignment's); the owner
 * may still describe the role, achievements and skills.
 */
export async function updateWorkHistoryEntry(
  db: Db,
  actor: Actor,
  id: number,
  request: WorkHistoryEntryRequest,
): Promise<WorkHistoryEntry> {
  const entry = await ownEntry(db, actor, id);
  const fields = await skillErrors(db, request.skillIds);
  if (
    entry.source === "assignment" &&
    (request.periodFrom !== entry.periodFrom || request.periodTo !== entry.periodTo)
  ) {
    fields.push({
      path: "periodFrom",
      message: `the period comes from the assignment (${entry.periodFrom} – ${entry.periodTo ?? "today"}) and cannot be changed`,
    });
  }
  if (fields.length) throw AppError.validation(fields);
  await translateCareerDbError(() =>
    db.transaction(async (tx) => {
      await updateEntry(tx, id, request);
      await audit(tx, actor, "work_history.update", { entity: "work_history_entry", entityId: id });
    }),
  );
  return (await present(db, entry.personId, [(await findEntry(db, id))!])).items[0]!;
}

export async function deleteWorkHistoryEntry(db: Db, actor: Actor, id: number): Promise<void> {
  await ownEntry(db, actor, id);
  await db.transaction(async (tx) => {
    await deleteEntry(tx, id);
    await audit(tx, actor, "work_history.delete", { entity: "work_history_entry", entityId: id });
  });
}

const joinNames = (...parts: (string | null)[]) =>
  parts
    .filter((part): part is string => !!part)
    .join(" ")
    .trim();

/** "本社株式会社 開発部 / HQ Corp. Development": both languages, so that free-text search finds either. */
function bilingual(ja: string, en: string, max: number): string {
  const text = ja === en || !en ? ja : !ja ? en : `${ja} / ${en}`;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Adds an entry for every assignment of the caller not yet in the record (source 'assignment'), and brings
 * the periods of earlier ones up to date (an assignment that has since ended). Running it twice adds nothing.
 */
export async function fillFromAssignments(
  db: Db,
  actor: Actor,
): Promise<{ created: number; items: WorkHistoryEntry[] }> {
  const personId = ownPerson(actor);
  const rows = await assignmentHistory(db, personId);
  const missing = rows.filter((row) => row.entryId === null);
  if ((await countEntries(db, personId)) + missing.length > MAX_WORK_HISTORY_ENTRIES) {
    throw AppError.validation([
      { path: "periodFrom", message: `a record holds at most ${MAX_WORK_HISTORY_ENTRIES} entries` },
    ]);
  }
  const created = await translateCareerDbError(() =>
    db.transaction(async (tx) => {
      let count = 0;
      for (const row of rows) {
        if (row.entryId !== null) {
          if (row.entryFrom !== row.validFrom || row.entryTo !== row.validTo) {
            await updateEntry(tx, row.entryId, { periodFrom: row.validFrom, periodTo: row.validTo });
          }
          continue;
        }
        const organisation = bilingual(
          joinNames(row.companyNameJa, row.unitNameJa),
          joinNames(row.companyNameEn, row.unitNameEn),
          200,
        );
        const role = bilingual(
          row.positionNameJa ?? row.gradeNameJa ?? (row.kind === "primary" ? "所属" : "兼務"),
          row.positionNameEn ?? row.gradeNameEn ?? (row.kind === "primary" ? "Member" : "Secondary role"),
          200,
        );
        await insertEntry(tx, {
          personId,
          periodFrom: row.validFrom,
          periodTo: row.validTo,
          organisation,
          role,
          source: "assignment",
          assignmentId: row.assignmentId,
        });
        count++;
      }
      await audit(tx, actor, "work_history.fill_from_assignments", {
        entity: "person",
        entityId: personId,
        detail: { created: count },
      });
      return count;
    }),
  );
  return { created, items: (await myWorkHistory(db, actor)).items };
}
