import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { addDays } from "../../../shared/dates";
import type { TerminationReason } from "../../../shared/enums";
import { assignments, employments, persons } from "../../people/people.schema";
import type { KindContext, OpEnvelope, WrittenRecord } from "../import.types";
import { bulkInsert, reserveIds } from "./bulk";
import type { EmploymentValues, PersonValues } from "./persons.state";

export interface AssignmentInsert {
  orgUnitId: number;
  positionId: number | null;
  gradeId: number | null;
  validFrom: string;
  validTo: string | null;
}

export type PersonOp =
  | {
      type: "hire";
      tempEmploymentId: number;
      /** Existing person (a rehire) or a temporary id of a person this op creates. */
      personId: number;
      person: PersonValues | null;
      employment: EmploymentValues & {
        employeeNumber: string;
        hireDate: string;
        terminationDate: string | null;
        terminationReason: TerminationReason | null;
      };
      assignment: AssignmentInsert | null;
    }
  | { type: "updatePerson"; personId: number; values: Partial<PersonValues> }
  | { type: "updateEmployment"; employmentId: number; values: Partial<EmploymentValues> }
  | {
      type: "terminate";
      employmentId: number;
      terminationDate: string;
      terminationReason: TerminationReason;
      previousDate: string | null;
    }
  | { type: "addAssignment"; employmentId: number; personId: number; assignment: AssignmentInsert }
  | {
      type: "moveAssignment";
      endId: number;
      employmentId: number;
      personId: number;
      version: AssignmentInsert & { lineManagerPersonId: number | null; isHead: boolean; fte: number };
    }
  | {
      type: "correctAssignment";
      id: number;
      personId: number;
      values: Pick<AssignmentInsert, "orgUnitId" | "positionId" | "gradeId">;
    };

type HireOp = Extract<PersonOp, { type: "hire" }>;
type Ctx = KindContext & { scratch: Map<string, number> };

const real = (scratch: Map<string, number>, entity: string, id: number) =>
  id > 0 ? id : scratch.get(`${entity}:${id}`)!;

const personRow = (p: PersonValues) => ({
  family_name: p.familyName,
  given_name: p.givenName,
  family_name_kana: p.familyNameKana,
  given_name_kana: p.givenNameKana,
  family_name_latin: p.familyNameLatin,
  given_name_latin: p.givenNameLatin,
  name_order: p.nameOrder,
  gender: p.gender,
  birth_date: p.birthDate,
  email: p.email,
});

export const assignmentRow = (a: AssignmentInsert) => ({
  org_unit_id: a.orgUnitId,
  position_id: a.positionId,
  grade_id: a.gradeId,
  valid_from: a.validFrom,
  valid_to: a.validTo,
});

/** Hires in bulk: one set-based insert each for persons, employments and first assignments (ids reserved first). */
async function applyHires(tx: Db, hires: HireOp[], ctx: Ctx): Promise<WrittenRecord[]> {
  const companyId = ctx.companyId!;
  const newPersons = hires.filter((op) => op.person !== null);
  const personIds = await reserveIds(tx, "persons", newPersons.length);
  for (const [i, op] of newPersons.entries()) ctx.scratch.set(`person:${op.personId}`, personIds[i]!);
  await bulkInsert(
    tx,
    "persons",
    newPersons.map((op, i) => ({ id: personIds[i]!, ...personRow(op.person!) })),
  );
  const employmentIds = await reserveIds(tx, "employments", hires.length);
  await bulkInsert(
    tx,
    "employments",
    hires.map((op, i) => ({
      id: employmentIds[i]!,
      person_id: real(ctx.scratch, "person", op.personId),
      company_id: companyId,
      employee_number: op.employment.employeeNumber,
      hire_date: op.employment.hireDate,
      termination_date: op.employment.terminationDate,
      termination_reason: op.employment.terminationReason,
      employment_type: op.employment.employmentType,
      weekly_hours: op.employment.weeklyHours,
    })),
  );
  const written = hires.map((op, i): WrittenRecord => {
    ctx.scratch.set(`employment:${op.tempEmploymentId}`, employmentIds[i]!);
    return { entityId: employmentIds[i]!, personId: real(ctx.scratch, "person", op.personId) };
  });
  await bulkInsert(
    tx,
    "assignments",
    hires
      .filter((op) => op.assignment !== null)
      .map((op) => ({
        ...assignmentRow(op.assignment!),
        kind: "primary",
        employment_id: real(ctx.scratch, "employment", op.tempEmploymentId),
        person_id: real(ctx.scratch, "person", op.personId),
        company_id: companyId,
      })),
  );
  return written;
}

export async function applyPersonOps(
  tx: Db,
  ops: OpEnvelope<PersonOp>[],
  ctx: Ctx,
): Promise<WrittenRecord[]> {
  const written: WrittenRecord[] = [];
  let hires: HireOp[] = [];
  const flushHires = async () => {
    if (hires.length) written.push(...(await applyHires(tx, hires, ctx)));
    hires = [];
  };
  for (const { op } of ops) {
    if (op.type === "hire") {
      hires.push(op);
      continue;
    }
    await flushHires();
    switch (op.type) {
      case "updatePerson": {
        await tx.update(persons).set(op.values).where(eq(persons.id, op.personId));
        written.push({ entityId: op.personId, personId: op.personId });
        break;
      }
      case "updateEmployment": {
        const id = real(ctx.scratch, "employment", op.employmentId);
        const [row] = await tx
          .update(employments)
          .set(op.values)
          .where(eq(employments.id, id))
          .returning({ personId: employments.personId });
        written.push({ entityId: id, personId: row!.personId });
        break;
      }
      case "terminate": {
        const id = real(ctx.scratch, "employment", op.employmentId);
        // Running assignments end with the employment; those that ended on a previous termination date move with it.
        const ending = or(isNull(assignments.validTo), gt(assignments.validTo, op.terminationDate));
        const endAssignments = () =>
          tx
            .update(assignments)
            .set({ validTo: op.terminationDate })
            .where(
              and(
                eq(assignments.employmentId, id),
                op.previousDate === null ? ending : or(ending, eq(assignments.validTo, op.previousDate)),
              ),
            );
        const setTermination = () =>
          tx
            .update(employments)
            .set({ terminationDate: op.terminationDate, terminationReason: op.terminationReason })
            .where(eq(employments.id, id))
            .returning({ personId: employments.personId });
        // The database checks that assignments lie within the employment: shorten them first, lengthen them last.
        const later = op.previousDate !== null && op.terminationDate > op.previousDate;
        if (!later) await endAssignments();
        const [row] = await setTermination();
        if (later) await endAssignments();
        written.push({ entityId: id, personId: row!.personId });
        break;
      }
      case "addAssignment": {
        const employmentId = real(ctx.scratch, "employment", op.employmentId);
        const [row] = await tx
          .insert(assignments)
          .values({
            ...op.assignment,
            kind: "primary",
            employmentId,
            personId: op.personId,
            companyId: ctx.companyId!,
          })
          .returning({ id: assignments.id });
        written.push({ entityId: row!.id, personId: op.personId });
        break;
      }
      case "moveAssignment": {
        // the version in force ends the day before; the new one runs to its old end
        await tx
          .update(assignments)
          .set({ validTo: addDays(op.version.validFrom, -1) })
          .where(eq(assignments.id, real(ctx.scratch, "assignment", op.endId)));
        const [row] = await tx
          .insert(assignments)
          .values({
            ...op.version,
            kind: "primary",
            employmentId: real(ctx.scratch, "employment", op.employmentId),
            personId: op.personId,
            companyId: ctx.companyId!,
          })
          .returning({ id: assignments.id });
        written.push({ entityId: row!.id, personId: op.personId });
        break;
      }
      case "correctAssignment": {
        const id = real(ctx.scratch, "assignment", op.id);
        await tx.update(assignments).set(op.values).where(eq(assignments.id, id));
        written.push({ entityId: id, personId: op.personId });
        break;
      }
    }
  }
  await flushHires();
  return written;
}
