import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "../../../db/client";
import type { TerminationReason } from "../../../shared/enums";
import { assignments, employments, persons } from "../../people/people.schema";
import type { KindContext, OpEnvelope, WrittenRecord } from "../import.types";
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
  | { type: "addAssignment"; employmentId: number; personId: number; assignment: AssignmentInsert };

type HireOp = Extract<PersonOp, { type: "hire" }>;
type Ctx = KindContext & { scratch: Map<string, number> };

const real = (scratch: Map<string, number>, entity: string, id: number) =>
  id > 0 ? id : scratch.get(`${entity}:${id}`)!;

/** Hires in bulk: one multi-row insert each for persons, employments and first assignments (ids in VALUES order). */
async function applyHires(tx: Db, hires: HireOp[], ctx: Ctx): Promise<WrittenRecord[]> {
  const companyId = ctx.companyId!;
  const newPersons = hires.filter((op) => op.person !== null);
  if (newPersons.length) {
    const ids = await tx
      .insert(persons)
      .values(newPersons.map((op) => op.person!))
      .returning({ id: persons.id });
    for (const [i, op] of newPersons.entries()) ctx.scratch.set(`person:${op.personId}`, ids[i]!.id);
  }
  const employmentIds = await tx
    .insert(employments)
    .values(
      hires.map((op) => ({
        ...op.employment,
        personId: real(ctx.scratch, "person", op.personId),
        companyId,
      })),
    )
    .returning({ id: employments.id });
  const written = hires.map((op, i): WrittenRecord => {
    ctx.scratch.set(`employment:${op.tempEmploymentId}`, employmentIds[i]!.id);
    return { entityId: employmentIds[i]!.id, personId: real(ctx.scratch, "person", op.personId) };
  });
  const withAssignment = hires.filter((op) => op.assignment !== null);
  if (withAssignment.length) {
    await tx.insert(assignments).values(
      withAssignment.map((op) => ({
        ...op.assignment!,
        kind: "primary" as const,
        employmentId: real(ctx.scratch, "employment", op.tempEmploymentId),
        personId: real(ctx.scratch, "person", op.personId),
        companyId,
      })),
    );
  }
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
    }
  }
  await flushHires();
  return written;
}
