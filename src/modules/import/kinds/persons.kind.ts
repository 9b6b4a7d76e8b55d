import {
  EMPLOYMENT_TYPES,
  type EmploymentType,
  GENDERS,
  type Gender,
  NAME_ORDERS,
  type NameOrder,
  TERMINATION_REASONS,
  type TerminationReason,
} from "../../../shared/enums";
import type { ImportKind, PlanResult, RowIssue } from "../import.types";
import { importMessage } from "../messages";
import { field, futureDateIssue, num, optionalText, text } from "./helpers";
import { applyPersonOps, type PersonOp } from "./persons.apply";
import { matchGroupPerson, prefetchGroupCandidates } from "./persons.match";
import { type PersonRow, planFirstAssignment, planHire, planUpdate } from "./persons.plan";
import { loadPeopleState, type PeopleState } from "./persons.state";

/**
 * Persons with their employment at the import's company. Key: the employee number within the company.
 * A new number is a hire (person + employment + the first primary assignment when an org unit is given);
 * a known number with the same hire date compares names, gender, birth date, email, employment type, hours,
 * termination date and reason; a later hire date after a termination is a rehire of the same person.
 * Org unit, position and grade place a new hire from the hire date; for a known employee a change is dated from
 * the effectiveDate column (default: the import's today) like the assignments kind dates it (persons.move.ts).
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
    field(
      "groupPersonId",
      "string",
      { en: "Group person id", ja: "グループ個人ID" },
      {
        maxLength: 16,
        example: "",
        description: {
          en: "New employees: the Tekizai person id of someone moving from another group company, or new",
          ja: "新規の社員：他のグループ会社から移る人の Tekizai 個人ID、別人なら new",
        },
      },
    ),
    field(
      "effectiveDate",
      "date",
      { en: "Effective date of a move", ja: "異動の発令日" },
      {
        example: "",
        description: {
          en: "Known employees: a changed org unit, position or grade applies from this date (default: the import's date)",
          ja: "在籍者：組織・職位・等級の変更をこの日から適用（省略時はインポート実行日）",
        },
      },
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
      effectiveDate: optionalText(values, "effectiveDate"),
      groupPersonId: optionalText(values, "groupPersonId")?.toLowerCase() ?? null,
    };
    const found: RowIssue[] = [
      ...futureDateIssue(ctx, "hireDate", row.hireDate),
      ...futureDateIssue(ctx, "terminationDate", row.terminationDate),
      ...futureDateIssue(ctx, "effectiveDate", row.effectiveDate),
    ];
    if (row.terminationDate !== null && row.terminationDate < row.hireDate) {
      found.push(
        importMessage("terminationDate", "person.hireAfterTermination", {
          hireDate: row.hireDate,
          terminationDate: row.terminationDate,
        }),
      );
    }
    if (row.terminationDate !== null && row.terminationReason === null) {
      found.push(importMessage("terminationReason", "person.reasonRequired"));
    }
    if (row.terminationDate === null && row.terminationReason !== null) {
      found.push(importMessage("terminationDate", "person.reasonWithoutDate"));
    }
    if (row.person.birthDate !== null && row.person.birthDate >= row.hireDate) {
      found.push(
        importMessage("birthDate", "person.birthNotBeforeHire", {
          birthDate: row.person.birthDate,
          hireDate: row.hireDate,
        }),
      );
    }
    if (
      row.groupPersonId !== null &&
      row.groupPersonId !== "new" &&
      !/^[1-9]\d{0,9}$/.test(row.groupPersonId)
    ) {
      found.push(importMessage("groupPersonId", "match.badGroupPersonId"));
    }
    if (row.person.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(row.person.email)) {
      found.push(importMessage("email", "person.badEmail"));
    }
    if ((row.positionCode !== null || row.gradeCode !== null) && row.orgUnitCode === null) {
      found.push(importMessage("orgUnitCode", "person.placementNeedsUnit"));
    }
    return found.length ? { issues: found } : { row };
  },

  key: (row) => row.employeeNumber,

  loadState: (db, ctx) => loadPeopleState(db, ctx.companyId!, true),

  prefetch: (db, rows, state, ctx) => prefetchGroupCandidates(db, rows, state, ctx),

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
            importMessage("hireDate", "person.differentHireDate", {
              number: row.employeeNumber,
              hireDate: latest.hireDate,
              left: latest.terminationDate ? ` (${latest.terminationDate} –)` : "",
            }),
          ],
        };
      }
      if (latest) return planHire(row, state, assignment.insert, latest.personId);
      const matched = matchGroupPerson(row, state);
      if ("issues" in matched) return matched;
      return planHire(row, state, assignment.insert, matched.personId, matched.via);
    }
    return planUpdate(row, state, same, assignment.insert, ctx);
  },

  apply: (tx, ops, ctx) => applyPersonOps(tx, ops, ctx),
};
