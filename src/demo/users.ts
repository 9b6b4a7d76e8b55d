/**
 * The demo logins and the people they sign in as, chosen from the generated parent company so that each is
 * employed on `today`: an HR leader (group HR), an HR staff member (company HR of the parent), the head of
 * a department with sections (manager) and someone in that department with some history (employee).
 */
import type { Locale, Role } from "../shared/enums";
import type { DemoModel, Emp, SimCompany, SimUnit } from "./model";
import { displayName } from "./names";

export const DEMO_PASSWORD = "tekizai-demo";

export interface DemoLogin {
  email: string;
  role: Role;
  description: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    email: "group-hr@demo.tekizai.dev",
    role: "group_hr",
    description: "Group HR: every company of the group, group-wide reports and disclosures.",
  },
  {
    email: "company-hr@demo.tekizai.dev",
    role: "company_hr",
    description: "Company HR of the parent company (Tekizai Holdings).",
  },
  {
    email: "manager@demo.tekizai.dev",
    role: "manager",
    description: "Line manager: head of a department with sections at the parent company.",
  },
  {
    email: "employee@demo.tekizai.dev",
    role: "employee",
    description: "Employee in the manager's department, with a transfer or promotion in their history.",
  },
  {
    // written by src/demo/mobility-careers.ts (issue 7): no person, recruiter of the parent company
    email: "recruiter@demo.tekizai.dev",
    role: "recruiter",
    description: "Recruiter of the parent company: scouts people who opted in (internal mobility).",
  },
];

/** The unit whose head signs in as the manager (the parent's Digital Transformation Department). */
export const DEMO_MANAGER_UNIT = "CP-DX";
const HR_UNIT = "ADM-HR";

export interface DemoUser {
  email: string;
  displayName: string;
  personId: number;
  locale: Locale;
  roles: { role: Role; companyId: number | null }[];
}

function subtree(unit: SimUnit, out: SimUnit[] = []): SimUnit[] {
  out.push(unit);
  for (const child of unit.children) subtree(child, out);
  return out;
}

function membersOf(unit: SimUnit): Emp[] {
  return subtree(unit)
    .flatMap((u) => u.members)
    .filter((e) => e.active)
    .sort((a, b) => a.person.id - b.person.id);
}

function managerUnit(parent: SimCompany): SimUnit {
  const fits = (unit: SimUnit) => {
    if (!unit.open || !unit.head || unit.children.length === 0) return false;
    const people = membersOf(unit).length;
    return people >= 8 && people <= 20;
  };
  const preferred = parent.units.find((u) => u.code === DEMO_MANAGER_UNIT);
  if (preferred && fits(preferred)) return preferred;
  const fallback = parent.units.filter(fits).sort((a, b) => a.id - b.id)[0];
  if (!fallback)
    throw new Error("Demo generator: no unit with sections and 8-20 people for the manager login");
  return fallback;
}

export function selectDemoUsers(model: DemoModel): DemoUser[] {
  const parent = model.companies[0] as SimCompany;
  const regular = (e: Emp) => e.employment.type === "regular";

  const unit = managerUnit(parent);
  const manager = unit.head as Emp;
  const team = membersOf(unit).filter((e) => e !== manager && !e.isHead && regular(e));
  const withHistory = team.filter((e) => e.moves + e.promotions > 0);
  const employee = (withHistory.length > 0 ? withHistory : team).sort(
    (a, b) => b.moves + b.promotions - (a.moves + a.promotions) || a.person.id - b.person.id,
  )[0];
  if (!employee) throw new Error("Demo generator: nobody in the manager's department for the employee login");

  const hrUnit = parent.units.find((u) => u.code === HR_UNIT);
  const hr = (hrUnit ? membersOf(hrUnit) : [])
    .filter((e) => e !== manager && e !== employee)
    .sort(
      (a, b) =>
        Number(regular(b)) - Number(regular(a)) ||
        Number(b.isHead) - Number(a.isHead) ||
        b.rank - a.rank ||
        a.person.id - b.person.id,
    );
  const [groupHr, companyHr] = hr;
  if (!groupHr || !companyHr) throw new Error("Demo generator: the parent's HR department needs two people");

  const user = (login: DemoLogin, emp: Emp, roles: DemoUser["roles"]): DemoUser => ({
    email: login.email,
    displayName: displayName(emp.person.name),
    personId: emp.person.id,
    locale: emp.person.name.familyNameKana !== null ? "ja" : "en",
    roles,
  });
  const [groupLogin, companyLogin, managerLogin, employeeLogin] = DEMO_LOGINS as [
    DemoLogin,
    DemoLogin,
    DemoLogin,
    DemoLogin,
  ];
  const employeeRole = { role: "employee" as const, companyId: null };
  return [
    user(groupLogin, groupHr, [{ role: "group_hr", companyId: null }, employeeRole]),
    user(companyLogin, companyHr, [{ role: "company_hr", companyId: parent.id }, employeeRole]),
    user(managerLogin, manager, [{ role: "manager", companyId: null }, employeeRole]),
    user(employeeLogin, employee, [employeeRole]),
  ];
}
