/**
 * Skills and catalog of the demo group, in memory: the O*NET starter library (as `tekizai skills load-onet`
 * loads it), the parent's own skills, a skill map for every position (derived from O*NET's importance and level
 * ratings of its O*NET-SOC code, level 0-7 mapped to 0-5, plus the parent's own skills), the course catalog and
 * the certifications. Ids are assigned here and written with OVERRIDING SYSTEM VALUE.
 */
import { deriveSkillMap, onetLevelToScale, onetLibrary, onetSkillCode } from "../modules/skills/onet";
import type { CourseAudience } from "../shared/skills-api";
import type { CourseDelivery, CourseKind, CourseLanguage } from "../shared/skills-vocab";
import type { Day } from "./dates";
import { DEMO_CERTIFICATIONS, DEMO_COURSES, DEMO_OWN_SKILLS, type DemoCourse } from "./learning-catalog";
import type { DemoModel, SimCompany } from "./model";

export interface SkillRow {
  id: number;
  categoryId: number;
  companyId: number | null;
  code: string;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  onetElementId: string | null;
}

export interface RequirementRow {
  id: number;
  companyId: number;
  positionId: number;
  skillId: number;
  required: number;
  desirable: number | null;
  from: Day;
}

export interface CourseRow {
  id: number;
  companyId: number | null;
  def: DemoCourse;
  kind: CourseKind;
  delivery: CourseDelivery;
  language: CourseLanguage;
  audience: CourseAudience;
  /** Skill id → level the course attains. */
  skills: [skillId: number, level: number][];
}

export interface DemoLibrary {
  categories: {
    id: number;
    companyId: number | null;
    code: string;
    nameJa: string;
    nameEn: string;
    sortOrder: number;
  }[];
  skills: SkillRow[];
  anchors: { skillId: number; level: number; descriptionJa: string; descriptionEn: string }[];
  requirements: RequirementRow[];
  /** Required skills (id → level) per position id, in map order. */
  mapOf: Map<number, [skillId: number, level: number][]>;
  courses: CourseRow[];
  courseByCode: Map<string, CourseRow>;
  certifications: {
    id: number;
    code: string;
    nameJa: string;
    nameEn: string;
    issuer: string;
    validityMonths: number | null;
    categories: readonly string[];
  }[];
}

const MAP_SIZE = 7;

export function buildLibrary(model: DemoModel): DemoLibrary {
  const parent = model.companies[0] as SimCompany;
  const library = onetLibrary();
  const categories: DemoLibrary["categories"] = library.categories.map((c, i) => ({
    id: i + 1,
    companyId: null,
    code: `ONET-${c.code}`,
    nameJa: c.nameJa,
    nameEn: c.nameEn,
    sortOrder: c.sortOrder,
  }));
  const categoryOf = new Map(library.categories.map((c, i) => [c.elementId, i + 1]));
  const skills: SkillRow[] = [];
  const anchors: DemoLibrary["anchors"] = [];
  const skillByKey = new Map<string, number>();
  for (const s of library.skills) {
    const id = skills.length + 1;
    skills.push({
      id,
      categoryId: categoryOf.get(s.category)!,
      companyId: null,
      code: onetSkillCode(s.elementId),
      nameJa: s.nameJa,
      nameEn: s.nameEn,
      descriptionJa: s.descriptionJa,
      descriptionEn: s.descriptionEn,
      onetElementId: s.elementId,
    });
    skillByKey.set(`onet:${s.elementId}`, id);
    const seen = new Set<number>();
    for (const a of s.anchors) {
      const level = onetLevelToScale(a.onetLevel);
      if (seen.has(level)) continue;
      seen.add(level);
      anchors.push({ skillId: id, level, descriptionJa: a.ja, descriptionEn: a.en });
    }
  }
  const ownCategory = {
    id: categories.length + 1,
    companyId: parent.id,
    code: "HQ-TECH",
    nameJa: "当社の専門スキル",
    nameEn: "Our professional skills",
    sortOrder: 100,
  };
  const groupCategory = {
    id: categories.length + 2,
    companyId: null,
    code: "GROUP-BASIC",
    nameJa: "グループ共通スキル",
    nameEn: "Group-wide skills",
    sortOrder: 90,
  };
  categories.push(groupCategory, ownCategory);
  for (const own of DEMO_OWN_SKILLS) {
    const id = skills.length + 1;
    skills.push({
      id,
      categoryId: own.parentOnly ? ownCategory.id : groupCategory.id,
      companyId: own.parentOnly ? parent.id : null,
      code: own.code,
      nameJa: own.nameJa,
      nameEn: own.nameEn,
      descriptionJa: own.descriptionJa,
      descriptionEn: own.descriptionEn,
      onetElementId: null,
    });
    skillByKey.set(`own:${own.code}`, id);
  }

  const requirements: RequirementRow[] = [];
  const mapOf = new Map<number, [number, number][]>();
  const derivedBySoc = new Map<string, ReturnType<typeof deriveSkillMap>>();
  for (const company of model.companies) {
    const from = Math.max(model.historyStart, company.founded);
    for (const position of company.positions) {
      let derived = derivedBySoc.get(position.soc);
      if (!derived) {
        derived = deriveSkillMap(position.soc, { limit: MAP_SIZE });
        derivedBySoc.set(position.soc, derived);
      }
      const lines: [number, number][] = [];
      const add = (skillId: number, required: number, desirable: number | null) => {
        requirements.push({
          id: requirements.length + 1,
          companyId: company.id,
          positionId: position.id,
          skillId,
          required,
          desirable,
          from,
        });
        lines.push([skillId, required]);
      };
      for (const line of derived)
        add(skillByKey.get(`onet:${line.elementId}`)!, line.requiredLevel, line.desirableLevel);
      if (company === parent) {
        for (const own of DEMO_OWN_SKILLS) {
          const hit = own.requiredBy.find(([soc]) => soc === position.soc);
          if (hit) add(skillByKey.get(`own:${own.code}`)!, hit[1], Math.min(5, hit[1] + 1));
        }
      }
      mapOf.set(position.id, lines);
    }
  }

  const domesticIds = model.companies.filter((c) => c.isDomestic).map((c) => c.id);
  const courses: CourseRow[] = DEMO_COURSES.map((def, i) => {
    const audience: CourseAudience = {};
    if (def.parentOnly) audience.companyIds = [parent.id];
    else if (def.domesticOnly) audience.companyIds = domesticIds;
    if (def.rankMin !== undefined) audience.gradeRankMin = def.rankMin;
    if (def.rankMax !== undefined) audience.gradeRankMax = def.rankMax;
    if (def.categories) audience.jobCategoryCodes = [...def.categories];
    if (def.managersOnly) audience.managersOnly = true;
    return {
      id: i + 1,
      companyId: def.parentOnly ? parent.id : null,
      def,
      kind: def.kind,
      delivery: def.delivery,
      language: def.language ?? "ja",
      audience,
      skills: def.skills.map(([key, level]) => {
        const id = skillByKey.get(key);
        if (!id) throw new Error(`Demo course ${def.code} names an unknown skill ${key}`);
        return [id, level];
      }),
    };
  });
  const certifications = DEMO_CERTIFICATIONS.map((cert, i) => ({ id: i + 1, ...cert }));
  return {
    categories,
    skills,
    anchors,
    requirements,
    mapOf,
    courses,
    courseByCode: new Map(courses.map((course) => [course.def.code, course])),
    certifications,
  };
}
