/**
 * Small exact fixtures for the metrics tests: companies, grades, units, people and their employments written
 * directly (every date chosen by the test), so that each figure has a hand-computed answer.
 */
import type { Db } from "../db/client";
import { SYSTEM_ACTOR } from "../modules/access/actor";
import { grades } from "../modules/org/org.schema";
import { createCompany, createOrgUnit } from "../modules/org/org.service";
import { assignments, employments, personSensitive, persons } from "../modules/people/people.schema";
import type {
  AssignmentKind,
  DisabilityCategory,
  EmploymentType,
  Gender,
  TerminationReason,
} from "../shared/enums";

export interface EmploymentSpec {
  hire: string;
  /** The last day employed. */
  end?: string;
  reason?: TerminationReason;
  type?: EmploymentType;
  hours?: number;
  grade?: number | null;
  unit: number;
}

export class FixtureBuilder {
  private counter = 0;
  constructor(readonly db: Db) {}

  async company(
    code: string,
    options: { fyMonth?: number; domestic?: boolean; country?: string; parent?: number | null } = {},
  ): Promise<number> {
    const company = await createCompany(this.db, SYSTEM_ACTOR, {
      code,
      nameJa: `${code}株式会社`,
      nameEn: `${code} Inc.`,
      country: options.country ?? "JP",
      currency: options.country && options.country !== "JP" ? "USD" : "JPY",
      isDomestic: options.domestic ?? true,
      fiscalYearStartMonth: options.fyMonth ?? 4,
      parentCompanyId: options.parent ?? null,
    });
    return company.id;
  }

  async grade(
    companyId: number,
    code: string,
    rank: number,
    flags: { manager?: boolean; executive?: boolean } = {},
  ) {
    const [row] = await this.db
      .insert(grades)
      .values({
        companyId,
        code,
        nameJa: `等級${code}`,
        nameEn: `Grade ${code}`,
        rank,
        isManagerLevel: flags.manager ?? false,
        isExecutive: flags.executive ?? false,
      })
      .returning({ id: grades.id });
    return row!.id;
  }

  async unit(companyId: number, code: string, parent: number | null = null): Promise<number> {
    const created = await createOrgUnit(this.db, SYSTEM_ACTOR, {
      companyId,
      code,
      nameJa: `${code}部`,
      nameEn: `${code} unit`,
      parentOrgUnitId: parent,
      validFrom: "1990-01-01",
    });
    return created.orgUnitId;
  }

  async person(name: string, gender: Gender, birthDate: string | null): Promise<number> {
    const [row] = await this.db
      .insert(persons)
      .values({
        familyName: name,
        givenName: "Test",
        familyNameLatin: name,
        givenNameLatin: "Test",
        gender,
        birthDate,
      })
      .returning({ id: persons.id });
    return row!.id;
  }

  /** An employment with one primary assignment covering all of it. */
  async employ(personId: number, companyId: number, spec: EmploymentSpec): Promise<number> {
    this.counter += 1;
    const [row] = await this.db
      .insert(employments)
      .values({
        personId,
        companyId,
        employeeNumber: `E${String(this.counter).padStart(5, "0")}`,
        hireDate: spec.hire,
        terminationDate: spec.end ?? null,
        terminationReason: spec.end ? (spec.reason ?? "voluntary") : null,
        employmentType: spec.type ?? "regular",
        weeklyHours: spec.hours ?? 40,
      })
      .returning({ id: employments.id });
    const employmentId = row!.id;
    await this.assign(employmentId, personId, companyId, {
      unit: spec.unit,
      grade: spec.grade ?? null,
      from: spec.hire,
      to: spec.end ?? null,
    });
    return employmentId;
  }

  async assign(
    employmentId: number,
    personId: number,
    companyId: number,
    spec: { unit: number; grade?: number | null; from: string; to: string | null; kind?: AssignmentKind },
  ): Promise<void> {
    await this.db.insert(assignments).values({
      employmentId,
      personId,
      companyId,
      kind: spec.kind ?? "primary",
      orgUnitId: spec.unit,
      gradeId: spec.grade ?? null,
      validFrom: spec.from,
      validTo: spec.to,
    });
  }

  async disability(personId: number, category: DisabilityCategory, severe: boolean): Promise<void> {
    await this.db
      .insert(personSensitive)
      .values({ personId, disabilityCategory: category, disabilitySevere: severe });
  }
}
