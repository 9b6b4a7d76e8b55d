import { ASSESSMENT_SOURCES, type AssessmentSource } from "../../../shared/skills-vocab";
import {
  assessmentKey,
  assessmentsOfCompany,
  type EmploymentSpan,
  type ExistingAssessment,
  employmentSpans,
  type ImportSkill,
  skillsForCompany,
} from "../../learning/import-state.repo";
import { insertAssessment } from "../../skills/assessments.repo";
import { maxScaleLevel } from "../../skills/library.service";
import type { ImportKind, PlanResult, RowIssue, WrittenRecord } from "../import.types";
import { importMessage } from "../messages";
import { CodeTable, field, num, optionalText, text } from "./helpers";
import { employmentOn } from "./training-completions.kind";

/**
 * Skill assessments from a group company's own system: "employee N's level of skill S was L on day D, as seen
 * by (source)". Assessments are history, never overwritten: a new row is a new assessment; a re-imported row
 * with the same level, note and assessor is unchanged; one with another level (or note) is recorded as a newer
 * assessment of the same day, which then counts (the history keeps both).
 */
const IMPORTABLE_SOURCES = ASSESSMENT_SOURCES.filter((s) => s !== "course");

interface AssessmentRow {
  employeeNumber: string;
  skillCode: string;
  level: number;
  assessedOn: string;
  source: AssessmentSource;
  assessorEmployeeNumber: string | null;
  note: string | null;
}

interface AssessmentState {
  employees: Map<string, EmploymentSpan[]>;
  skills: CodeTable;
  skillById: Map<number, ImportSkill>;
  maxLevel: number;
  existing: Map<string, ExistingAssessment>;
}

interface AssessmentOp {
  personId: number;
  skillId: number;
  level: number;
  assessedOn: string;
  source: AssessmentSource;
  assessorPersonId: number | null;
  note: string | null;
}

export const skillAssessmentsKind: ImportKind<AssessmentRow, AssessmentState, AssessmentOp> = {
  name: "skill-assessments",
  label: { en: "Skill assessments", ja: "スキル評価" },
  description: {
    en: "Skill levels of the company's people as assessed on a day (by the person, the manager, HR, or another system). Each row adds to the history.",
    ja: "社員のスキルレベルの評価（本人・上長・人事・他システム）。行ごとに評価履歴に加わります。",
  },
  scope: "company",
  fields: [
    field(
      "employeeNumber",
      "code-lookup",
      { en: "Employee number", ja: "社員番号" },
      { required: true, lookup: "employee", maxLength: 32, example: "H0001" },
    ),
    field(
      "skillCode",
      "code-lookup",
      { en: "Skill code", ja: "スキルコード" },
      {
        required: true,
        maxLength: 64,
        example: "NET-OPS",
        description: {
          en: "A skill of the group's library or of the company",
          ja: "グループ共通または自社のスキル",
        },
      },
    ),
    field(
      "level",
      "number",
      { en: "Level", ja: "レベル" },
      {
        required: true,
        min: 0,
        example: "3",
        description: { en: "A level of the proficiency scale", ja: "習熟度スケールのレベル" },
      },
    ),
    field(
      "assessedOn",
      "date",
      { en: "Assessed on", ja: "評価日" },
      { required: true, example: "2024-09-30" },
    ),
    field(
      "source",
      "enum",
      { en: "Assessed by", ja: "評価者区分" },
      {
        values: IMPORTABLE_SOURCES,
        defaultValue: "import",
        example: "manager",
        description: {
          en: "self, manager, hr, or import (another system); all but self count as confirmed",
          ja: "self（本人）・manager（上長）・hr（人事）・import（他システム）。self 以外は確定評価",
        },
      },
    ),
    field(
      "assessorEmployeeNumber",
      "code-lookup",
      { en: "Assessor's employee number", ja: "評価者の社員番号" },
      { lookup: "employee", maxLength: 32, example: "H0002" },
    ),
    field("note", "string", { en: "Note", ja: "コメント" }, { maxLength: 2000, example: "" }),
  ],

  toRow(values, ctx) {
    const row: AssessmentRow = {
      employeeNumber: text(values, "employeeNumber"),
      skillCode: text(values, "skillCode"),
      level: num(values, "level"),
      assessedOn: text(values, "assessedOn"),
      source: (optionalText(values, "source") ?? "import") as AssessmentSource,
      assessorEmployeeNumber: optionalText(values, "assessorEmployeeNumber"),
      note: optionalText(values, "note"),
    };
    const found: RowIssue[] = [];
    if (!Number.isInteger(row.level))
      found.push(importMessage("level", "cell.notInteger", { field: "level" }));
    if (row.assessedOn > ctx.today)
      found.push(importMessage("assessedOn", "row.inFuture", { field: "assessedOn", date: row.assessedOn }));
    if (row.source === "self" && row.assessorEmployeeNumber !== null)
      found.push(importMessage("assessorEmployeeNumber", "assessment.selfWithAssessor"));
    return found.length ? { issues: found } : { row };
  },

  key: (row) => `${row.employeeNumber}|${row.skillCode.toUpperCase()}|${row.assessedOn}|${row.source}`,

  async loadState(db, ctx) {
    const companyId = ctx.companyId!;
    const [employees, skillRows, maxLevel, existing] = await Promise.all([
      employmentSpans(db, companyId),
      skillsForCompany(db, companyId),
      maxScaleLevel(db),
      assessmentsOfCompany(db, companyId),
    ]);
    const skills = new CodeTable("skill");
    const skillById = new Map<number, ImportSkill>();
    // group skills first: a company's own skill with the same code takes precedence
    for (const skill of skillRows) {
      skills.add(skill.id, skill.code, [skill.nameJa, skill.nameEn]);
      skillById.set(skill.id, skill);
    }
    return { employees, skills, skillById, maxLevel, existing };
  },

  plan(row, state, ctx): PlanResult<AssessmentOp> {
    const employed = employmentOn(state.employees, row.employeeNumber, row.assessedOn, "assessedOn");
    if ("issues" in employed) return employed;
    const found: RowIssue[] = [];
    if (row.level > state.maxLevel)
      found.push(
        importMessage("level", "assessment.levelOutsideScale", { level: row.level, max: state.maxLevel }),
      );
    const resolved = state.skills.resolve(row.skillCode, "skillCode", ctx);
    let skill: ImportSkill | undefined;
    if ("issue" in resolved) found.push(resolved.issue);
    else {
      skill = state.skillById.get(resolved.id!)!;
      if (!skill.active)
        found.push(importMessage("skillCode", "assessment.skillRetired", { code: skill.code }));
    }
    let assessorPersonId: number | null = null;
    if (row.assessorEmployeeNumber !== null) {
      const assessor = state.employees.get(row.assessorEmployeeNumber);
      if (!assessor) {
        found.push(
          importMessage("assessorEmployeeNumber", "employee.unknown", { number: row.assessorEmployeeNumber }),
        );
      } else {
        assessorPersonId = assessor[assessor.length - 1]!.personId;
        if (assessorPersonId === employed.employment.personId && row.source !== "import")
          found.push(
            importMessage("assessorEmployeeNumber", "assessment.assessorIsPerson", { source: row.source }),
          );
      }
    }
    if (found.length || !skill) return { issues: found };
    const personId = employed.employment.personId;
    const op: AssessmentOp = {
      personId,
      skillId: skill.id,
      level: row.level,
      assessedOn: row.assessedOn,
      source: row.source,
      assessorPersonId: ctx.absentFields.has("assessorEmployeeNumber") ? null : assessorPersonId,
      note: row.note,
    };
    const key = assessmentKey(personId, skill.id, row.assessedOn, row.source);
    const existing = state.existing.get(key);
    const after = {
      employeeNumber: row.employeeNumber,
      skillCode: skill.code,
      level: row.level,
      assessedOn: row.assessedOn,
      source: row.source,
      note: row.note,
    };
    if (existing) {
      const same =
        existing.level === op.level &&
        (ctx.absentFields.has("note") || existing.note === op.note) &&
        (ctx.absentFields.has("assessorEmployeeNumber") || existing.assessorPersonId === assessorPersonId);
      if (same) return { outcome: "unchanged", steps: [] };
      if (ctx.absentFields.has("note")) op.note = existing.note;
      if (ctx.absentFields.has("assessorEmployeeNumber")) op.assessorPersonId = existing.assessorPersonId;
    }
    state.existing.set(key, { id: -1, ...op });
    return {
      outcome: existing ? "changed" : "new",
      steps: [
        {
          op,
          change: {
            entity: "skill_assessment",
            personId,
            action: "insert",
            before: existing ? { level: existing.level, note: existing.note } : null,
            after,
          },
        },
      ],
    };
  },

  async apply(tx, ops, ctx) {
    const written: WrittenRecord[] = [];
    for (const { op } of ops) {
      const id = await insertAssessment(tx, {
        personId: op.personId,
        companyId: ctx.companyId!,
        skillId: op.skillId,
        level: op.level,
        source: op.source,
        assessedOn: op.assessedOn,
        assessorPersonId: op.assessorPersonId,
        note: op.note,
      });
      written.push({ entityId: id, personId: op.personId });
    }
    return written;
  },
};
