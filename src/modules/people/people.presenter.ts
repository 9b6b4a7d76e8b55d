import type { Assignment, Employment, PersonName, PersonSummary } from "../../shared/api";
import type { AssignmentDetailRow, EmploymentDetailRow, PersonRow, PersonSummaryRow } from "./people.repo";

type NameParts = Pick<
  PersonRow,
  | "familyName"
  | "givenName"
  | "familyNameKana"
  | "givenNameKana"
  | "familyNameLatin"
  | "givenNameLatin"
  | "nameOrder"
>;

export function presentName(row: NameParts): PersonName {
  return {
    family: row.familyName,
    given: row.givenName,
    familyKana: row.familyNameKana,
    givenKana: row.givenNameKana,
    familyLatin: row.familyNameLatin,
    givenLatin: row.givenNameLatin,
    order: row.nameOrder,
  };
}

const localized = (ja: string | null, en: string | null) => ({ ja: ja ?? en ?? "", en: en ?? ja ?? "" });

export function presentSummary(row: PersonSummaryRow): PersonSummary {
  return {
    id: row.id,
    name: presentName(row),
    gender: row.gender,
    employmentId: row.employmentId,
    company:
      row.companyId === null
        ? null
        : {
            id: row.companyId,
            code: row.companyCode ?? "",
            name: localized(row.companyNameJa, row.companyNameEn),
          },
    employeeNumber: row.employeeNumber,
    employmentType: row.employmentType,
    orgUnit:
      row.orgUnitId === null
        ? null
        : { id: row.orgUnitId, name: localized(row.orgUnitNameJa, row.orgUnitNameEn) },
    position:
      row.positionId === null
        ? null
        : { id: row.positionId, name: localized(row.positionNameJa, row.positionNameEn) },
    grade:
      row.gradeId === null
        ? null
        : { id: row.gradeId, code: row.gradeCode ?? "", name: localized(row.gradeNameJa, row.gradeNameEn) },
  };
}

export function presentAssignment(row: AssignmentDetailRow, managers: Map<number, PersonRow>): Assignment {
  const manager = row.lineManagerPersonId === null ? undefined : managers.get(row.lineManagerPersonId);
  return {
    id: row.id,
    employmentId: row.employmentId,
    kind: row.kind,
    orgUnit: {
      id: row.orgUnitId,
      companyId: row.orgUnitCompanyId,
      code: row.orgUnitCode,
      name: localized(row.orgUnitNameJa, row.orgUnitNameEn),
    },
    position:
      row.positionId === null
        ? null
        : { id: row.positionId, name: localized(row.positionNameJa, row.positionNameEn) },
    grade:
      row.gradeId === null
        ? null
        : {
            id: row.gradeId,
            code: row.gradeCode ?? "",
            name: localized(row.gradeNameJa, row.gradeNameEn),
            isManagerLevel: row.gradeIsManagerLevel === true,
          },
    lineManager: manager ? { personId: manager.id, name: presentName(manager) } : null,
    isHead: row.isHead,
    fte: row.fte,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

export function presentEmployment(row: EmploymentDetailRow, assignments: Assignment[]): Employment {
  return {
    id: row.id,
    company: {
      id: row.companyId,
      code: row.companyCode,
      name: { ja: row.companyNameJa, en: row.companyNameEn },
    },
    employeeNumber: row.employeeNumber,
    hireDate: row.hireDate,
    terminationDate: row.terminationDate,
    terminationReason: row.terminationReason,
    employmentType: row.employmentType,
    weeklyHours: row.weeklyHours,
    assignments: assignments.filter((assignment) => assignment.employmentId === row.id),
  };
}
