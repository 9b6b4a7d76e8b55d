import {
  EMPLOYMENT_TYPES,
  GENDERS,
  NAME_ORDERS,
  TERMINATION_REASONS,
  type EmploymentType,
  type Gender,
  type NameOrder,
  type TerminationReason,
} from "../../../shared/enums";
import type { ImportKind, PlanResult, RowIssue } from "../import.types";
import { field, futureDateIssue, num, optionalText, text } from "./helpers";
import { applyPersonOps, type PersonOp } from "./persons.apply";
import { planFirstAssignment, planHire, planUpdate, type PersonRow } from "./persons.plan";
import { loadPeopleState, type PeopleState } from "./persons.state";

/**
 * Persons with their employment at the import's company. Key: the employee number within the company.
 * A new number is a hire (person + employment + the first primary assignment when an org unit is given);
 * a known number with the same hire date compares names, gender, birth date, email, employment type, hours,
 * termination date and reason; a later hire date after a termination is a rehire of the same person.
 * Org unit, position and grade only place new hires: later moves are dated, and come with the assignments kind.
 */

const name = (n: string, en: string, ja: string, required: boolean, example: string) =>
  field(n, "string", { en, ja }, { required, maxLength: 100, example });

export const personsKind: ImportKind<PersonRow, PeopleState, PersonOp> = {
  name: "persons",
  label: { en: "Persons with employments", ja: "社員（人と雇用）" },
  description: {
    en: "People employed by the company: the person, the employment (hire, type, hours, termination) and, for a new hire, the first assignment.",
    ja: "会社の社員：人、雇用（入社・雇用形態・労働時間・退職）、新規入社の場合は最初の配属。",
  },
  scope: "company",
  fields: [
    field(
      "employeeNumber",
      "string",
      { en: "Employee number", ja: "社員番号" },
      { required: true, maxLength: 32, example: "H0001" },
    ),
    name("familyName", "Family name", "姓", true, "山田"),
    name("givenName", "Given name", "名", true, "太郎"),
    name("familyNameKana", "Family name (kana)", "姓（カナ）", false, "ヤマダ"),
    name("givenNameKana", "Given name (kana)", "名（カナ）", false, "タロウ"),
    name("familyNameLatin", "Family name (Latin)", "姓（ローマ字）", false, "Yamada"),
    name("givenNameLatin", "Given name (Latin)", "名（ローマ字）", false, "Taro"),
    field(
      "nameOrder",
      "enum",
      { en: "Name order", ja: "氏名の順" },
      { values: NAME_ORDERS, defaultValue: "family_first", example: "family_first" },
    ),
    field(
      "gender",
      "enum",
      { en: "Gender", ja: "性別" },
      { required: true, values: GENDERS, example: "male" },
    ),
    field("birthDate", "date", { en: "Birth date", ja: "生年月日" }, { example: "1990-05-05" }),
    field(
      "email",
      "string",
      { en: "Email", ja: "メールアドレス" },
      { maxLength: 254, example: "taro.yamada@example.com" },
    ),
    field("hireDate", "date", { en: "Hire date", ja: "入社日" }, { required: true, example: "2015-04-01" }),
    field(
      "employmentType",
      "enum",
      { en: "Employment type", ja: "雇用形態" },
      { values: EMPLOYMENT_TYPES, defaultValue: "regular", example: "regular" },
    ),
    field(
      "weeklyHours",
      "number",
      { en: "Weekly hours", ja: "週所定労働時間" },
      { min: 0.1, max: 80, defaultValue: "40", example: "40" },
    ),
    field(
      "terminationDate",
      "date",
      { en: "Termination date (last day)", ja: "退職日（最終在籍日）" },
      { example: "" },
    ),
    field(
      "terminationReason",
      "enum",
      { en: "Termination reason", ja: "退職理由" },
      { values: TERMINATION_REASONS, example: "" },
    ),
    field(
      "orgUnitCode",
      "code-lookup",
      { en: "Org unit code", ja: "所属組織コード" },
      {
        lookup: "org_unit",
        maxLength: 64,
        example: "DEV1",
        description: {
          en: "New hires: the first primary assignment, from the hire date",
          ja: "新規入社：入社日からの主務配属",
        },
      },
    ),
    field(
      "positionCode",
      "code-lookup",
      { en: "Position code", ja: "職位コード" },
      { lookup: "position", maxLength: 64, example: "" },
    ),
    field(
      "gradeCode",
      "code-lookup",
      { en: "Grade code", ja: "等級コード" },
      { lookup: "grade", maxLength: 64, example: "G1" },
    ),
  ],

  toRow(values, ctx) {
    const row: PersonRow = {
      employeeNumber: text(values, "employeeNumber"),
      person: {
        familyName: text(values, "familyName"),
        givenName: text(values, "givenName"),
        familyNameKana: optionalText(values, "familyNameKana"),
        givenNameKana: optionalText(values, "givenNameKana"),
        familyNameLatin: optionalText(values, "familyNameLatin"),
        givenNameLatin: optionalText(values, "givenNameLatin"),
        nameOrder: text(values, "nameOrder") as NameOrder,
        gender: text(values, "gender") as Gender,
        birthDate: optionalText(values, "birthDate"),
        email: optionalText(values, "email")?.toLowerCase() ?? null,
      },
      hireDate: text(values, "hireDate"),
      employmentType: text(values, "employmentType") as EmploymentType,
      weeklyHours: num(values, "weeklyHours"),
      terminationDate: optionalText(values, "terminationDate"),
      terminationReason: optionalText(values, "terminationReason") as TerminationReason | null,
      orgUnitCode: optionalText(values, "orgUnitCode"),
      positionCode: optionalText(values, "positionCode"),
      gradeCode: optionalText(values, "gradeCode"),
    };
    const found: RowIssue[] = [
      ...futureDateIssue(ctx, "hireDate", row.hireDate),
      ...futureDateIssue(ctx, "terminationDate", row.terminationDate),
    ];
    if (row.terminationDate !== null && row.terminationDate < row.hireDate) {
      found.push({
        field: "terminationDate",
        message: `the hire date ${row.hireDate} is after the termination date ${row.terminationDate}`,
      });
    }
    if (row.terminationDate !== null && row.terminationReason === null) {
      found.push({
        field: "terminationReason",
        message: "terminationReason is required with a termination date",
      });
    }
    if (row.terminationDate === null && row.terminationReason !== null) {
      found.push({
        field: "terminationDate",
        message: "a termination reason is given without a termination date",
      });
    }
    if (row.person.birthDate !== null && row.person.birthDate >= row.hireDate) {
      found.push({
        field: "birthDate",
        message: `the birth date ${row.person.birthDate} is not before the hire date ${row.hireDate}`,
      });
    }
    if (row.person.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(row.person.email)) {
      found.push({ field: "email", message: "email is not an email address" });
    }
    if ((row.positionCode !== null || row.gradeCode !== null) && row.orgUnitCode === null) {
      found.push({
        field: "orgUnitCode",
        message: "a position or grade needs the org unit of the assignment",
      });
    }
    return found.length ? { issues: found } : { row };
  },

  key: (row) => row.employeeNumber,

  loadState: (db, ctx) => loadPeopleState(db, ctx.companyId!, true),

  plan(row, state, ctx): PlanResult<PersonOp> {
    const assignment = planFirstAssignment(row, state, ctx);
    if ("issues" in assignment) return assignment;
    const list = state.byNumber.get(row.employeeNumber) ?? [];
    const same = list.find((e) => e.hireDate === row.hireDate);
    if (!same) {
      const latest = list.at(-1);
      if (latest && (latest.terminationDate === null || latest.terminationDate >= row.hireDate)) {
        return {
          issues: [
            {
              field: "hireDate",
              message: `employee ${row.employeeNumber} was hired on ${latest.hireDate}${latest.terminationDate ? ` and left on ${latest.terminationDate}` : ""}; a different hire date is a rehire only after the termination`,
            },
          ],
        };
      }
      return planHire(row, state, assignment.insert, latest?.personId);
    }
    return planUpdate(row, state, same, assignment.insert, ctx);
  },

  apply: (tx, ops, ctx) => applyPersonOps(tx, ops, ctx),
};
