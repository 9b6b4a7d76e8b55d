import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";
import { queryRows } from "../../src/db/query";
import { addDays } from "../../src/shared/dates";

/**
 * The import benchmark's files, written from a copy of the demo group: per company, the persons file (every
 * employment in force on the as-of date, with its first primary assignment) and a dated assignments history
 * (≈ 12.5 versions per employment after the hire: transfers, promotions, position changes), in the canonical
 * CSV columns of `tekizai import template`.
 */
export interface CompanyFiles {
  companyId: number;
  companyCode: string;
  personsFile: string;
  personsRows: number;
  assignmentsFile: string;
  assignmentsRows: number;
}

interface EmploymentRow {
  companyId: number;
  companyCode: string;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string | null;
  givenNameLatin: string | null;
  nameOrder: string;
  gender: string;
  birthDate: string | null;
  email: string | null;
  hireDate: string;
  employmentType: string;
  weeklyHours: string;
  terminationDate: string | null;
  terminationReason: string | null;
  orgUnitCode: string | null;
  positionCode: string | null;
  gradeCode: string | null;
}

const PERSON_COLUMNS = [
  "employeeNumber",
  "familyName",
  "givenName",
  "familyNameKana",
  "givenNameKana",
  "familyNameLatin",
  "givenNameLatin",
  "nameOrder",
  "gender",
  "birthDate",
  "email",
  "hireDate",
  "employmentType",
  "weeklyHours",
  "terminationDate",
  "terminationReason",
  "orgUnitCode",
  "positionCode",
  "gradeCode",
  "groupPersonId",
] as const;

const ASSIGNMENT_COLUMNS = ["employeeNumber", "validFrom", "orgUnitCode", "positionCode", "gradeCode"];

/** Versions per employment in the assignments file: 12 or 13 (≈ 1.5 M rows for the large group's 120,000). */
const VERSIONS = [12, 13];

const csvCell = (value: string | null) =>
  value === null ? "" : /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Writes the files for every company into `dir` (streamed: the large group's files are ≈ 100 MB). */
export async function writeImportFiles(db: Db, dir: string, today: string): Promise<CompanyFiles[]> {
  fs.mkdirSync(dir, { recursive: true });
  const employments = await queryRows<EmploymentRow>(
    db,
    sql`select e.company_id as "companyId", c.code as "companyCode", e.employee_number as "employeeNumber",
          p.family_name as "familyName", p.given_name as "givenName", p.family_name_kana as "familyNameKana",
          p.given_name_kana as "givenNameKana", p.family_name_latin as "familyNameLatin",
          p.given_name_latin as "givenNameLatin", p.name_order as "nameOrder", p.gender,
          p.birth_date::text as "birthDate", p.email, e.hire_date::text as "hireDate",
          e.employment_type as "employmentType", e.weekly_hours::text as "weeklyHours",
          e.termination_date::text as "terminationDate", e.termination_reason as "terminationReason",
          u.code as "orgUnitCode", pos.code as "positionCode", g.code as "gradeCode"
        from employments e
        join companies c on c.id = e.company_id
        join persons p on p.id = e.person_id
        left join lateral (
          select a.org_unit_id, a.position_id, a.grade_id from assignments a
          where a.employment_id = e.id and a.kind = 'primary' order by a.valid_from, a.id limit 1
        ) a on true
        left join org_units u on u.id = a.org_unit_id and u.company_id = e.company_id
        left join positions pos on pos.id = a.position_id and u.id is not null
        left join grades g on g.id = a.grade_id and u.id is not null
        where e.hire_date <= ${today}::date and (e.termination_date is null or e.termination_date >= ${today}::date)
        order by e.company_id, e.employee_number, e.id`,
  );
  const codes = async (table: "org_units" | "positions" | "grades") => {
    const rows = await queryRows<{ companyId: number; code: string }>(
      db,
      sql`select company_id as "companyId", code from ${sql.identifier(table)} order by company_id, code, id`,
    );
    const byCompany = new Map<number, string[]>();
    for (const row of rows) {
      const list = byCompany.get(row.companyId) ?? [];
      list.push(row.code);
      byCompany.set(row.companyId, list);
    }
    return byCompany;
  };
  const units = await codes("org_units");
  const positions = await codes("positions");
  const grades = await codes("grades");

  // People who share an email, or a name and birth date, with someone in another company's file (the demo's
  // concurrent employments, namesakes): the import refuses to guess (persons.match.ts), so the file says "new".
  const keyCounts = new Map<string, number>();
  const keysOf = (e: EmploymentRow) => [
    ...(e.email ? [`@${e.email.toLowerCase()}`] : []),
    ...(e.birthDate ? [`${e.familyName}\u0000${e.givenName}\u0000${e.birthDate}`] : []),
  ];
  for (const e of employments) for (const key of keysOf(e)) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);

  const files: CompanyFiles[] = [];
  let current = null as CompanyFiles | null;
  let personsOut: fs.WriteStream | null = null;
  let assignmentsOut: fs.WriteStream | null = null;
  const close = async () => {
    for (const stream of [personsOut, assignmentsOut]) {
      if (stream)
        await new Promise<void>((resolve, reject) =>
          stream.end((err?: Error) => (err ? reject(err) : resolve())),
        );
    }
  };
  let serial = 0;
  for (const e of employments) {
    if (current?.companyId !== e.companyId) {
      await close();
      const base = path.join(dir, `${e.companyId}-${e.companyCode.replace(/[^A-Za-z0-9_-]/g, "_")}`);
      current = {
        companyId: e.companyId,
        companyCode: e.companyCode,
        personsFile: `${base}-persons.csv`,
        personsRows: 0,
        assignmentsFile: `${base}-assignments.csv`,
        assignmentsRows: 0,
      };
      files.push(current);
      personsOut = fs.createWriteStream(current.personsFile);
      personsOut.write(`${PERSON_COLUMNS.join(",")}\r\n`);
      assignmentsOut = fs.createWriteStream(current.assignmentsFile);
      assignmentsOut.write(`${ASSIGNMENT_COLUMNS.join(",")}\r\n`);
    }
    const hasUnit = e.orgUnitCode !== null;
    const person = {
      ...e,
      positionCode: hasUnit ? e.positionCode : null,
      gradeCode: hasUnit ? e.gradeCode : null,
      groupPersonId: keysOf(e).some((key) => keyCounts.get(key)! > 1) ? "new" : null,
    };
    personsOut!.write(`${PERSON_COLUMNS.map((c) => csvCell(person[c])).join(",")}\r\n`);
    current.personsRows++;

    // the dated history: versions spread evenly between the hire and the end (termination or today)
    const companyUnits = units.get(e.companyId) ?? [];
    const companyGrades = grades.get(e.companyId) ?? [];
    const companyPositions = positions.get(e.companyId) ?? [];
    if (!hasUnit || companyUnits.length === 0) continue;
    const end = e.terminationDate !== null && e.terminationDate < today ? e.terminationDate : today;
    const span = dayNumber(end) - dayNumber(e.hireDate);
    const versions = VERSIONS[serial++ % VERSIONS.length]!;
    let last = 0;
    let lines = "";
    for (let j = 1; j <= versions; j++) {
      const offset = Math.round((span * j) / (versions + 1));
      if (offset <= last) continue;
      last = offset;
      const pick = (list: string[], step: number) =>
        list.length ? list[(serial * 7 + j * step) % list.length]! : null;
      lines += `${[e.employeeNumber, addDays(e.hireDate, offset), pick(companyUnits, 3), pick(companyPositions, 5), pick(companyGrades, 1)].map(csvCell).join(",")}\r\n`;
      current.assignmentsRows++;
    }
    if (!assignmentsOut!.write(lines))
      await new Promise<void>((resolve) => assignmentsOut!.once("drain", () => resolve()));
  }
  await close();
  return files;
}
