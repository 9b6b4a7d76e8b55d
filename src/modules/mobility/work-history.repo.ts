import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { queryRows } from "../../db/query";
import { skills } from "../skills/skills.schema";
import { workHistoryEntries } from "./mobility.schema";

export type WorkHistoryRow = typeof workHistoryEntries.$inferSelect;

export function entriesOf(db: Db, personId: number): Promise<WorkHistoryRow[]> {
  return db
    .select()
    .from(workHistoryEntries)
    .where(eq(workHistoryEntries.personId, personId))
    .orderBy(sql`${workHistoryEntries.periodFrom} desc`, sql`${workHistoryEntries.id} desc`);
}

export async function findEntry(db: Db, id: number): Promise<WorkHistoryRow | undefined> {
  const [row] = await db.select().from(workHistoryEntries).where(eq(workHistoryEntries.id, id));
  return row;
}

export async function countEntries(db: Db, personId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workHistoryEntries)
    .where(eq(workHistoryEntries.personId, personId));
  return Number(row?.n ?? 0);
}

export async function insertEntry(db: Db, row: typeof workHistoryEntries.$inferInsert): Promise<number> {
  const [created] = await db.insert(workHistoryEntries).values(row).returning({ id: workHistoryEntries.id });
  return created!.id;
}

export async function updateEntry(
  db: Db,
  id: number,
  values: Partial<typeof workHistoryEntries.$inferInsert>,
): Promise<void> {
  await db
    .update(workHistoryEntries)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(workHistoryEntries.id, id));
}

export async function deleteEntry(db: Db, id: number): Promise<void> {
  await db.delete(workHistoryEntries).where(eq(workHistoryEntries.id, id));
}

export interface SkillNameRow {
  id: number;
  nameJa: string;
  nameEn: string;
  active: boolean;
}

export function skillNames(db: Db, ids: number[]): Promise<SkillNameRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: skills.id, nameJa: skills.nameJa, nameEn: skills.nameEn, active: skills.active })
    .from(skills)
    .where(inArray(skills.id, ids))
    .orderBy(asc(skills.id));
}

/** One of the person's assignments, described for the work history (names as of the assignment's start). */
export interface AssignmentHistoryRow {
  assignmentId: number;
  validFrom: string;
  validTo: string | null;
  kind: string;
  companyNameJa: string;
  companyNameEn: string;
  unitNameJa: string | null;
  unitNameEn: string | null;
  positionNameJa: string | null;
  positionNameEn: string | null;
  gradeNameJa: string | null;
  gradeNameEn: string | null;
  entryId: number | null;
  entryFrom: string | null;
  entryTo: string | null;
}

export function assignmentHistory(db: Db, personId: number): Promise<AssignmentHistoryRow[]> {
  return queryRows<AssignmentHistoryRow>(
    db,
    sql`select a.id as "assignmentId", a.valid_from::text as "validFrom", a.valid_to::text as "validTo",
               a.kind, c.name_ja as "companyNameJa", c.name_en as "companyNameEn",
               v.name_ja as "unitNameJa", v.name_en as "unitNameEn",
               pos.name_ja as "positionNameJa", pos.name_en as "positionNameEn",
               g.name_ja as "gradeNameJa", g.name_en as "gradeNameEn",
               w.id as "entryId", w.period_from::text as "entryFrom", w.period_to::text as "entryTo"
        from assignments a
        join companies c on c.id = a.company_id
        left join lateral (
          select name_ja, name_en from org_unit_versions
          where org_unit_id = a.org_unit_id and during @> a.valid_from
          order by valid_from desc limit 1
        ) v on true
        left join positions pos on pos.id = a.position_id
        left join grades g on g.id = a.grade_id
        left join work_history_entries w on w.assignment_id = a.id
        where a.person_id = ${personId}
        order by a.valid_from, a.id`,
  );
}

export function entryIdsOfPerson(db: Db, personId: number, ids: number[]): Promise<{ id: number }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: workHistoryEntries.id })
    .from(workHistoryEntries)
    .where(and(eq(workHistoryEntries.personId, personId), inArray(workHistoryEntries.id, ids)))
    .orderBy(asc(workHistoryEntries.id));
}
