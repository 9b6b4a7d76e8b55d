/**
 * Builds the group's companies (grade ladders, job categories, positions) and their org trees, and holds the
 * reorganisations that happen during the history (a new department, a rename, a move, a merge) and after it
 * (a future-dated rename and a unit that opens next fiscal year).
 */
import { ALL_COMPANIES, COUNTRIES, type DemoScale, headcountTargets } from "./companies";
import { type Day, dayFromIso, dayOf, fiscalYearStart, ymdOf } from "./dates";
import { GLOBAL_LADDER, JAPANESE_LADDER, type Ladder, PARENT_DIVISION_HEAD_RANK } from "./ladders";
import { type IdSequence, OPEN_END, type SimCompany, type SimUnit, type UnitLevel } from "./model";
import { CHIEF_EXECUTIVE_SOC, FUNCTIONS, type FunctionKey, JOB_CATEGORIES, occupation } from "./occupations";
import { templateFor, type UnitTemplate } from "./org-templates";

/** Staff per numbered section. */
const SECTION_SIZE = 12;

export interface OrgIds {
  grade: IdSequence;
  jobCategory: IdSequence;
  position: IdSequence;
  unit: IdSequence;
}

/** A change to the org tree. `fy` counts fiscal years (April) from the start of the history; "next" = the next one after today. */
export interface Reorganisation {
  company: string;
  unit: string;
  fy: number | "next";
  kind: "open" | "rename" | "move" | "merge";
  nameJa?: string;
  nameEn?: string;
  /** New parent (move). */
  parent?: string;
  /** Unit that takes over the members (merge). */
  into?: string;
}

export const REORGANISATIONS: readonly Reorganisation[] = [
  { company: "HQ", unit: "CP-DX", fy: 3, kind: "open" },
  {
    company: "HQ",
    unit: "ADM-IT",
    fy: 4,
    kind: "rename",
    nameJa: "デジタル基盤部",
    nameEn: "Digital Infrastructure Department",
  },
  { company: "HQ", unit: "ADM-PR", fy: 5, kind: "move", parent: "CP" },
  { company: "HQ", unit: "SLS-EAST-02", fy: 6, kind: "merge", into: "SLS-EAST-01" },
  {
    company: "SOL",
    unit: "SOL-DEV1",
    fy: 7,
    kind: "rename",
    nameJa: "デジタルソリューション部",
    nameEn: "Digital Solutions Department",
  },
  { company: "HQ", unit: "CP-SUS", fy: "next", kind: "open" },
  {
    company: "HQ",
    unit: "PRD-CLD",
    fy: "next",
    kind: "rename",
    nameJa: "クラウドプラットフォーム部",
    nameEn: "Cloud Platform Department",
  },
];

/** The date a reorganisation takes effect: April 1 of its fiscal year. */
export function reorganisationDay(event: Reorganisation, historyStart: Day, today: Day): Day {
  if (event.fy === "next") return dayOf(ymdOf(fiscalYearStart(today, 4)).year + 1, 4, 1);
  return dayOf(ymdOf(historyStart).year + event.fy, 4, 1);
}

export function findUnit(company: SimCompany, code: string): SimUnit {
  const found = company.units.find((unit) => unit.code === code);
  if (!found) throw new Error(`Demo org unit ${company.def.code}/${code} does not exist`);
  return found;
}

interface BuildInput {
  scale: DemoScale;
  historyStart: Day;
  today: Day;
  ids: OrgIds;
}

export function buildCompanies(input: BuildInput): SimCompany[] {
  const targets = headcountTargets(input.scale);
  const companies = ALL_COMPANIES.map((def, index) => {
    const country = COUNTRIES[def.country];
    if (!country) throw new Error(`No country definition for ${def.country}`);
    const founded = dayFromIso(def.founded);
    const targetToday = targets[index] as number;
    const isDomestic = def.country === "JP";
    const ladder = isDomestic ? JAPANESE_LADDER : GLOBAL_LADDER;
    const companyId = index + 1;
    const company: SimCompany = {
      index,
      id: companyId,
      def,
      country,
      isDomestic,
      isParent: index === 0,
      founded,
      targetToday,
      targetStart: founded < input.historyStart ? Math.max(1, Math.round(targetToday / def.growth)) : 0,
      grades: ladder.grades.map((g) => ({ ...g, id: input.ids.grade.next() })),
      maxStaffRank: ladder.maxStaffRank,
      jobCategories: [],
      positions: [],
      positionBySoc: new Map(),
      root: undefined as unknown as SimUnit, // set just below by buildTree
      units: [],
      leaves: [],
      active: [],
      numberCounters: new Map(),
      target: 0,
    };
    buildTree(company, ladder, input);
    buildPositions(company, input.ids);
    return company;
  });
  return companies;
}

function buildPositions(company: SimCompany, ids: OrgIds): void {
  const socs = new Set<string>([CHIEF_EXECUTIVE_SOC]);
  for (const unit of company.units) {
    const f = FUNCTIONS[unit.fn];
    socs.add(f.head);
    for (const [soc] of f.staff) socs.add(soc);
  }
  const categoryIds = new Map<string, number>();
  for (const category of JOB_CATEGORIES) {
    const used = [...socs].some((soc) => occupation(soc).jobCategory === category.code);
    if (!used) continue;
    const id = ids.jobCategory.next();
    categoryIds.set(category.code, id);
    company.jobCategories.push({ id, companyId: company.id, ...category });
  }
  for (const soc of socs) {
    const o = occupation(soc);
    const id = ids.position.next();
    company.positions.push({
      id,
      companyId: company.id,
      jobCategoryId: categoryIds.get(o.jobCategory) as number,
      code: soc,
      nameJa: o.titleJa,
      nameEn: o.titleEn,
      soc,
    });
    company.positionBySoc.set(soc, id);
  }
}

function buildTree(company: SimCompany, ladder: Ladder, input: BuildInput): void {
  const size = Math.max(company.targetToday, company.targetStart);
  const isParent = company.isParent;
  const large = size >= (company.isDomestic ? 60 : 300);
  const openings = new Map<string, Day>();
  for (const event of REORGANISATIONS) {
    if (event.kind === "open" && event.company === company.def.code) {
      openings.set(event.unit, reorganisationDay(event, input.historyStart, input.today));
    }
  }
  const headRank = (level: UnitLevel): number => {
    if (level === "root") return ladder.rootHeadRank;
    if (level === "division") return isParent ? PARENT_DIVISION_HEAD_RANK : ladder.divisionHeadRank;
    if (level === "department") return ladder.departmentHeadRank[large ? 0 : 1];
    return ladder.sectionHeadRank;
  };
  const threshold: Record<UnitLevel, number> = { root: 1, division: 8, department: 5, section: 5 };

  const addUnit = (
    parent: SimUnit | null,
    code: string,
    level: UnitLevel,
    t: { ja: string; en: string; fn: FunctionKey },
  ): SimUnit => {
    const opensOn = Math.max(
      openings.get(code) ?? company.founded,
      parent ? parent.opensOn : company.founded,
    );
    const unit: SimUnit = {
      id: input.ids.unit.next(),
      company,
      code,
      level,
      fn: t.fn,
      parent,
      children: [],
      isLeaf: true,
      weight: 0,
      fixed: null,
      min: 0,
      headRank: headRank(level),
      headThreshold: threshold[level],
      open: false,
      opensOn,
      versions: [{ from: opensOn, to: OPEN_END, parentId: parent?.id ?? null, nameJa: t.ja, nameEn: t.en }],
      head: null,
      members: [],
      target: 0,
    };
    if (parent) {
      parent.isLeaf = false;
      parent.children.push(unit);
    }
    company.units.push(unit);
    return unit;
  };

  const root = addUnit(null, "CORP", "root", {
    ja: company.def.nameJa,
    en: company.def.nameEn,
    fn: "executive",
  });
  company.root = root;

  // Which departments the company keeps: all of them, or only the core ones (plus the heaviest) when tiny.
  const template = templateFor(company.def.profile);
  const flatten = !isParent && size < 150;
  const departments: { t: UnitTemplate; division: UnitTemplate | null }[] = [];
  for (const top of template) {
    if (top.children) for (const d of top.children) departments.push({ t: d, division: top });
    else departments.push({ t: top, division: null });
  }
  let kept = departments;
  if (!isParent && size < 40) {
    const wanted = Math.max(1, Math.ceil(size / 8));
    const byWeight = departments
      .map((d, i) => ({ d, i }))
      .sort(
        (a, b) =>
          Number(b.d.t.core ?? false) - Number(a.d.t.core ?? false) ||
          (b.d.t.weight ?? 1) - (a.d.t.weight ?? 1) ||
          a.i - b.i,
      );
    const keepSet = new Set(
      byWeight.slice(0, Math.max(wanted, departments.filter((d) => d.t.core).length)).map((x) => x.i),
    );
    kept = departments.filter((_, i) => keepSet.has(i));
  }
  const totalWeight = kept.reduce((sum, d) => sum + (d.t.weight ?? 1), 0);
  const divisions = new Map<UnitTemplate, SimUnit>();

  for (const { t, division } of kept) {
    let parent = root;
    if (division && !flatten) {
      let divUnit = divisions.get(division);
      if (!divUnit) {
        divUnit = addUnit(root, division.key, "division", division);
        divisions.set(division, divUnit);
      }
      parent = divUnit;
    }
    const code = division ? `${division.key}-${t.key}` : t.key;
    const dept = addUnit(parent, code, "department", t);
    const weight = t.weight ?? 1;
    const staff = (size * weight) / totalWeight;
    const keepNamed = isParent || t.always || size >= 40;
    if (t.sections && keepNamed) {
      const variable = t.sections.filter((s) => s.fixed === undefined).length;
      for (const s of t.sections) {
        const section = addUnit(dept, `${code}-${s.key}`, "section", s);
        section.fixed = s.fixed ?? null;
        section.min = s.min ?? 0;
        section.weight = s.fixed === undefined ? weight / variable : 0;
      }
    } else if (t.numbered) {
      const min = t.numbered.min ?? 1;
      const count = Math.max(min, Math.round(staff / SECTION_SIZE));
      if (count >= 2) {
        for (let n = 1; n <= count; n++) {
          const section = addUnit(dept, `${code}-${String(n).padStart(2, "0")}`, "section", {
            ja: t.numbered.ja.replace("{n}", String(n)),
            en: t.numbered.en.replace("{n}", String(n)),
            fn: t.fn,
          });
          section.weight = weight / count;
        }
      } else {
        dept.weight = weight;
      }
    } else {
      dept.weight = t.fixed === undefined ? weight : 0;
      dept.fixed = t.fixed ?? null;
      dept.min = t.min ?? 0;
    }
  }
  company.leaves = company.units.filter((unit) => unit.isLeaf && unit !== root);
}
