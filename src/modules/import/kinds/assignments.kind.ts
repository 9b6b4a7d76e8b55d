import { eq } from "drizzle-orm";
import { overlaps } from "../../../shared/dates";
import { assignments } from "../../people/people.schema";
import type { ImportKind, KindContext, PlanResult, RowIssue, WrittenRecord } from "../import.types";
import { importMessage } from "../messages";
import { bulkInsert, bulkUpdate, reserveIds } from "./bulk";
import {
  bool,
  type CodeTable,
  dayBefore,
  employmentSpansText,
  field,
  futureDateIssue,
  keepAbsent,
  num,
  optionalText,
  text,
} from "./helpers";
import {
  type AssignmentState,
  type EmploymentState,
  loadHostTables,
  loadPeopleState,
  type PeopleState,
} from "./persons.state";

/**
 * Assignments, dated: a row says "from validFrom, employee N works in this org unit, as this position, at this
 * grade". The same values as the version in force are unchanged (a monthly snapshot re-imports cleanly); a
 * change becomes a new version from validFrom and the version in force ends the day before — never an
 * overwrite; a row dated on a version's first day corrects that version. A file may hold whole histories.
 * Primary assignments form one series per employment; a secondary assignment's series is its org unit.
 */
const IMPORT_ASSIGNMENT_KINDS = ["primary", "secondary", "secondment"] as const;

interface AssignmentRow {
  employeeNumber: string;
  kind: (typeof IMPORT_ASSIGNMENT_KINDS)[number];
  /** For a secondment: the group company whose org unit (and position) the employee works in. */
  hostCompanyCode: string | null;
  orgUnitCode: string;
  positionCode: string | null;
  gradeCode: string | null;
  lineManagerEmployeeNumber: string | null;
  isHead: boolean;
  fte: number;
  validFrom: string;
  validTo: string | null;
}

type Values = Pick<
  AssignmentState,
  "orgUnitId" | "positionId" | "gradeId" | "lineManagerPersonId" | "isHead" | "fte"
>;

type AssignmentOp =
  | { type: "insert"; employmentId: number; personId: number; version: AssignmentState }
  | { type: "newVersion"; endId: number; employmentId: number; personId: number; version: AssignmentState }
  | { type: "correct"; id: number; values: Values; validTo: string | null };

const sameValues = (a: Values, b: Values) =>
  a.orgUnitId === b.orgUnitId &&
  a.positionId === b.positionId &&
  a.gradeId === b.gradeId &&
  a.lineManagerPersonId === b.lineManagerPersonId &&
  a.isHead === b.isHead &&
  a.fte === b.fte;

function present(state: PeopleState, a: Values & { validFrom: string; validTo: string | null }) {
  return {
    orgUnitCode: state.orgUnits.codeOf.get(a.orgUnitId) ?? state.hosts?.unitCodes.get(a.orgUnitId) ?? null,
    positionCode:
      a.positionId === null
        ? null
        : (state.positions.codeOf.get(a.positionId) ?? state.hosts?.positionCodes.get(a.positionId) ?? null),
    gradeCode: a.gradeId === null ? null : (state.grades.codeOf.get(a.gradeId) ?? null),
    lineManagerPersonId: a.lineManagerPersonId,
    isHead: a.isHead,
    fte: a.fte,
    validFrom: a.validFrom,
    validTo: a.validTo,
  };
}

function resolveValues(
  row: AssignmentRow,
  state: PeopleState,
  ctx: KindContext,
): Values | { issues: RowIssue[] } {
  // a secondment's org unit and position are the host company's; the grade stays the employer's
  let tables: { orgUnits: CodeTable; positions: CodeTable } = state;
  if (row.kind === "secondment") {
    const host =
      row.hostCompanyCode === null ? undefined : state.hosts?.byCode.get(row.hostCompanyCode.toLowerCase());
    if (row.hostCompanyCode === null)
      return { issues: [importMessage("hostCompanyCode", "assignment.hostUnitRequired")] };
    if (!host)
      return {
        issues: [importMessage("hostCompanyCode", "assignment.unknownHost", { code: row.hostCompanyCode })],
      };
    if (host.id === ctx.companyId)
      return { issues: [importMessage("hostCompanyCode", "assignment.hostIsEmployer")] };
    tables = host;
  } else if (row.hostCompanyCode !== null) {
    return { issues: [importMessage("hostCompanyCode", "assignment.hostOnlyForSecondment")] };
  }
  const unit = tables.orgUnits.resolve(row.orgUnitCode, "orgUnitCode", ctx);
  const position = tables.positions.resolve(row.positionCode, "positionCode", ctx);
  const grade = state.grades.resolve(row.gradeCode, "gradeCode", ctx);
  const found = [unit, position, grade].flatMap((r) => ("issue" in r ? [r.issue] : []));
  let lineManagerPersonId: number | null = null;
  if (row.lineManagerEmployeeNumber !== null) {
    const manager = state.byNumber.get(row.lineManagerEmployeeNumber)?.at(-1);
    if (!manager)
      found.push(
        importMessage("lineManagerEmployeeNumber", "employee.unknown", {
          number: row.lineManagerEmployeeNumber,
        }),
      );
    else lineManagerPersonId = manager.personId;
  }
  if (found.length) return { issues: found };
  return {
    orgUnitId: (unit as { id: number }).id,
    positionId: (position as { id: number | null }).id,
    gradeId: (grade as { id: number | null }).id,
    lineManagerPersonId,
    isHead: row.isHead,
    fte: row.fte,
  };
}

export const assignmentsKind: ImportKind<AssignmentRow, PeopleState, AssignmentOp> = {
  name: "assignments",
  label: { en: "Assignments", ja: "配属" },
  description: {
    en: "Who works where, as what, at which grade, from which date (dated: a change is a new version).",
    ja: "誰が、どこで、どの職位・等級で、いつから働くか（日付つき：変更は新しい版になります）。",
  },
  scope: "company",
  fields: [
    field(
      "employeeNumber",
      "code-lookup",
      { en: "Employee number", ja: "社員番号" },
      { required: true, lookup: "employee", maxLength: 32, example: "H0001" },
    ),
    field("validFrom", "date", { en: "Valid from", ja: "発令日" }, { required: true, example: "2024-04-01" }),
    field(
      "orgUnitCode",
      "code-lookup",
      { en: "Org unit code", ja: "所属組織コード" },
      { required: true, lookup: "org_unit", maxLength: 64, example: "DEV1" },
    ),
    field(
      "positionCode",
      "code-lookup",
      { en: "Position code", ja: "職位コード" },
      { lookup: "position", maxLength: 64, example: "SWE" },
    ),
    field(
      "gradeCode",
      "code-lookup",
      { en: "Grade code", ja: "等級コード" },
      { lookup: "grade", maxLength: 64, example: "M1" },
    ),
    field(
      "kind",
      "enum",
      { en: "Assignment kind", ja: "配属区分" },
      { values: IMPORT_ASSIGNMENT_KINDS, defaultValue: "primary", example: "primary" },
    ),
    field(
      "fte",
      "number",
      { en: "FTE share", ja: "按分比率" },
      { min: 0.01, max: 1, defaultValue: "1", example: "1" },
    ),
    field(
      "isHead",
      "boolean",
      { en: "Heads the unit", ja: "組織長" },
      { defaultValue: "false", example: "false" },
    ),
    field(
      "lineManagerEmployeeNumber",
      "code-lookup",
      { en: "Line manager's employee number", ja: "上長の社員番号" },
      { lookup: "employee", maxLength: 32, example: "" },
    ),
    field("validTo", "date", { en: "Valid to (last day)", ja: "終了日（最終日）" }, { example: "" }),
    field(
      "hostCompanyCode",
      "code-lookup",
      { en: "Host company code (secondment)", ja: "出向先会社コード" },
      {
        lookup: "company",
        maxLength: 32,
        example: "",
        description: {
          en: "kind secondment: the group company seconded to; orgUnitCode and positionCode are its codes",
          ja: "出向の場合：出向先のグループ会社。組織コード・職位コードは出向先のもの",
        },
      },
    ),
  ],

  toRow(values, ctx) {
    const row: AssignmentRow = {
      employeeNumber: text(values, "employeeNumber"),
      kind: text(values, "kind") as AssignmentRow["kind"],
      hostCompanyCode: optionalText(values, "hostCompanyCode"),
      orgUnitCode: text(values, "orgUnitCode"),
      positionCode: optionalText(values, "positionCode"),
      gradeCode: optionalText(values, "gradeCode"),
      lineManagerEmployeeNumber: optionalText(values, "lineManagerEmployeeNumber"),
      isHead: bool(values, "isHead", false),
      fte: num(values, "fte"),
      validFrom: text(values, "validFrom"),
      validTo: optionalText(values, "validTo"),
    };
    const found = futureDateIssue(ctx, "validFrom", row.validFrom);
    if (row.validTo !== null && row.validTo < row.validFrom)
      found.push(
        importMessage("validTo", "assignment.endBeforeStart", {
          validTo: row.validTo,
          validFrom: row.validFrom,
        }),
      );
    return found.length ? { issues: found } : { row };
  },

  key: (row) =>
    `${row.employeeNumber}|${row.kind}|${row.kind === "primary" ? "" : `${row.hostCompanyCode ?? ""}${row.orgUnitCode}|`}${row.validFrom}`,

  async loadState(db, ctx) {
    const state = await loadPeopleState(db, ctx.companyId!, true);
    // the other group companies' codes, only for a file that names host companies (secondments)
    if (!ctx.absentFields.has("hostCompanyCode")) state.hosts = await loadHostTables(db);
    return state;
  },

  plan(row, state, ctx): PlanResult<AssignmentOp> {
    const employments = state.byNumber.get(row.employeeNumber);
    if (!employments)
      return {
        issues: [importMessage("employeeNumber", "employee.unknown", { number: row.employeeNumber })],
      };
    const employment = employments.find(
      (e) =>
        e.hireDate <= row.validFrom && (e.terminationDate === null || e.terminationDate >= row.validFrom),
    );
    if (!employment) {
      return {
        issues: [
          importMessage("validFrom", "employee.notEmployed", {
            number: row.employeeNumber,
            date: row.validFrom,
            spans: employmentSpansText(employments),
          }),
        ],
      };
    }
    const values = resolveValues(row, state, ctx);
    if ("issues" in values) return values;
    if (
      row.validTo !== null &&
      employment.terminationDate !== null &&
      row.validTo > employment.terminationDate
    ) {
      return {
        issues: [
          importMessage("validTo", "assignment.afterTermination", {
            terminationDate: employment.terminationDate,
          }),
        ],
      };
    }
    return planInSeries(row, values, employment, state, ctx);
  },

  async apply(tx, ops, ctx) {
    const companyId = ctx.companyId!;
    const written: WrittenRecord[] = [];
    // A run of inserts and new versions is written set-based: first every end (an end only shortens a version,
    // so it cannot clash), then every new version, in one statement each. A version this run inserts takes the
    // end a later op gives it (no update); corrections keep file order.
    let inserts: {
      op: Extract<AssignmentOp, { type: "insert" | "newVersion" }>;
      at: number;
      validTo: string | null;
    }[] = [];
    const pending = new Map<number, number>();
    const ends = new Map<number, string>();
    const flush = async () => {
      if (!inserts.length) return;
      await bulkUpdate(
        tx,
        "assignments",
        ["valid_to"],
        [...ends].map(([id, validTo]) => ({ id, valid_to: validTo })),
      );
      const ids = await reserveIds(tx, "assignments", inserts.length);
      await bulkInsert(
        tx,
        "assignments",
        inserts.map(({ op, validTo }, i) => ({
          id: ids[i]!,
          ...versionRow(op.version),
          valid_to: validTo,
          employment_id: op.employmentId,
          person_id: op.personId,
          company_id: companyId,
        })),
      );
      inserts.forEach(({ op, at }, i) => {
        ctx.scratch.set(`assignment:${op.version.id}`, ids[i]!);
        written[at] = { entityId: ids[i]!, personId: op.personId };
      });
      inserts = [];
      pending.clear();
      ends.clear();
    };
    for (const { op } of ops) {
      const at = written.length;
      written.push({ entityId: 0 });
      if (op.type === "insert" || op.type === "newVersion") {
        if (op.type === "newVersion") {
          const validTo = dayBefore(op.version.validFrom);
          const unwritten = op.endId < 0 ? pending.get(op.endId) : undefined;
          if (unwritten !== undefined) {
            const ended = inserts[unwritten]!;
            if (ended.validTo === null || validTo < ended.validTo) ended.validTo = validTo;
          } else {
            const endId = op.endId > 0 ? op.endId : ctx.scratch.get(`assignment:${op.endId}`)!;
            const earlier = ends.get(endId);
            if (earlier === undefined || validTo < earlier) ends.set(endId, validTo);
          }
        }
        pending.set(op.version.id, inserts.length);
        inserts.push({ op, at, validTo: op.version.validTo });
        continue;
      }
      await flush();
      const id = op.id > 0 ? op.id : ctx.scratch.get(`assignment:${op.id}`)!;
      const [row] = await tx
        .update(assignments)
        .set({ ...op.values, validTo: op.validTo })
        .where(eq(assignments.id, id))
        .returning({ personId: assignments.personId });
      written[at] = { entityId: id, personId: row!.personId };
    }
    await flush();
    return written;
  },
};

const versionRow = (v: AssignmentState) => ({
  kind: v.kind,
  org_unit_id: v.orgUnitId,
  position_id: v.positionId,
  grade_id: v.gradeId,
  line_manager_person_id: v.lineManagerPersonId,
  is_head: v.isHead,
  fte: v.fte,
  valid_from: v.validFrom,
  valid_to: v.validTo,
});

/** Diffs the row against its series (primary, or the secondary assignments to that unit) and plans the write. */
function planInSeries(
  row: AssignmentRow,
  given: Values,
  employment: EmploymentState,
  state: PeopleState,
  ctx: KindContext,
): PlanResult<AssignmentOp> {
  const inSeries = (a: AssignmentState) =>
    a.kind === row.kind && (row.kind === "primary" || a.orgUnitId === given.orgUnitId);
  // the earliest version of the series in force on the row's date, and the first one after it (one pass)
  let current: AssignmentState | undefined;
  let next: AssignmentState | undefined;
  for (const a of employment.assignments) {
    if (!inSeries(a)) continue;
    if (a.validFrom > row.validFrom) {
      if (!next || a.validFrom < next.validFrom) next = a;
    } else if (
      (a.validTo === null || a.validTo >= row.validFrom) &&
      (!current || a.validFrom < current.validFrom)
    )
      current = a;
  }
  // what the file does not give carries over from the version in force (a promotion keeps the manager)
  const values = current
    ? keepAbsent<Values>(
        ctx,
        [
          ["positionCode", "positionId"],
          ["gradeCode", "gradeId"],
          ["lineManagerEmployeeNumber", "lineManagerPersonId"],
          ["isHead", "isHead"],
          ["fte", "fte"],
        ],
        given,
        current,
      )
    : given;
  const personId = employment.personId;
  const end =
    row.validTo ??
    (current ? current.validTo : next ? dayBefore(next.validFrom) : employment.terminationDate);
  if (next && (end === null || end >= next.validFrom)) {
    return {
      issues: [importMessage("validTo", "assignment.overlaps", { kind: row.kind, from: next.validFrom })],
    };
  }
  const clash = employment.assignments.find(
    (a) =>
      !inSeries(a) &&
      a !== current &&
      a.orgUnitId === values.orgUnitId &&
      overlaps({ from: a.validFrom, to: a.validTo }, { from: row.validFrom, to: end }),
  );
  if (clash)
    return {
      issues: [
        importMessage("orgUnitCode", "assignment.unitTaken", { kind: clash.kind, from: clash.validFrom }),
      ],
    };
  const change = (
    action: "insert" | "new_version" | "update",
    before: AssignmentState | null,
    after: AssignmentState,
  ) => ({
    entity: "assignment",
    personId,
    action,
    before: before ? present(state, before) : null,
    after: { employeeNumber: row.employeeNumber, kind: row.kind, ...present(state, after) },
  });

  if (current && sameValues(current, values) && (row.validTo === null || row.validTo === current.validTo)) {
    return { outcome: "unchanged", steps: [] };
  }
  if (current && current.validFrom === row.validFrom) {
    const before = { ...current };
    Object.assign(current, values, { validTo: end });
    return {
      outcome: "changed",
      steps: [
        {
          op: { type: "correct", id: current.id, values, validTo: end },
          change: change("update", before, current),
        },
      ],
    };
  }
  const version: AssignmentState = {
    id: state.nextTempId--,
    kind: row.kind,
    ...values,
    validFrom: row.validFrom,
    validTo: end,
  };
  employment.assignments.push(version);
  // An op is final once planned (the writer may already hold it): it carries a copy of the version, and the
  // end of a version this import inserts is an op of its own, which the applier folds into that insert when
  // both are written together.
  if (!current) {
    return {
      outcome: "new",
      steps: [
        {
          op: { type: "insert", employmentId: employment.id, personId, version: { ...version } },
          change: change("insert", null, version),
        },
      ],
    };
  }
  const before = { ...current };
  current.validTo = dayBefore(row.validFrom);
  const op: AssignmentOp = {
    type: "newVersion",
    endId: current.id,
    employmentId: employment.id,
    personId,
    version: { ...version },
  };
  return { outcome: "changed", steps: [{ op, change: change("new_version", before, version) }] };
}
