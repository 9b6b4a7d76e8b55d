/**
 * The O*NET starter library (data/onet-skills.json: the 35 skills with Japanese names written for Tekizai) and
 * the O*NET skill ratings per occupation (data/onet-skill-ratings.json), used to load the library and to derive
 * a position's skill map from its O*NET-SOC code.
 * "O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license."
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "data");

export interface OnetCategory {
  elementId: string;
  code: string;
  nameJa: string;
  nameEn: string;
  onetName: string;
  sortOrder: number;
}

export interface OnetSkill {
  elementId: string;
  /** Element id of the category (e.g. 2.B.3). */
  category: string;
  nameEn: string;
  nameJa: string;
  descriptionEn: string;
  descriptionJa: string;
  /** O*NET's examples of what a level looks like, on O*NET's 0–7 level scale. */
  anchors: { onetLevel: number; en: string; ja: string }[];
}

export interface OnetLibrary {
  attribution: string;
  categories: OnetCategory[];
  skills: OnetSkill[];
}

interface RatingsFile {
  attribution: string;
  elements: string[];
  /** Per O*NET-SOC code: importance and level of each element, interleaved: [im0, lv0, im1, lv1, ...]. */
  occupations: Record<string, number[]>;
}

export const ONET_ATTRIBUTION = "O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license.";
/** Prefix of the code of every skill loaded from O*NET (the code is `ONET-` + the element id). */
export const ONET_CODE_PREFIX = "ONET-";

let library: OnetLibrary | undefined;
let ratings: RatingsFile | undefined;

export function onetLibrary(): OnetLibrary {
  library ??= JSON.parse(fs.readFileSync(path.join(DATA_DIR, "onet-skills.json"), "utf8")) as OnetLibrary;
  return library;
}

function ratingsFile(): RatingsFile {
  ratings ??= JSON.parse(
    fs.readFileSync(path.join(DATA_DIR, "onet-skill-ratings.json"), "utf8"),
  ) as RatingsFile;
  return ratings;
}

export const onetSkillCode = (elementId: string): string => `${ONET_CODE_PREFIX}${elementId}`;

/**
 * O*NET's level scale (0–7) on Tekizai's default 0–5 scale: level × 5 / 7, rounded (O*NET anchors at 2, 4 and
 * 6 land on 1, 3 and 4).
 */
export function onetLevelToScale(onetLevel: number, maxLevel = 5): number {
  return Math.max(0, Math.min(maxLevel, Math.round((onetLevel * maxLevel) / 7)));
}

export interface OnetRating {
  elementId: string;
  /** 1–5 */
  importance: number;
  /** 0–7 */
  level: number;
}

/**
 * The ratings of an occupation. A code O*NET does not rate itself (e.g. 13-2011.00, rated as 13-2011.01 and .02)
 * gets the average of the rated occupations that share its six-digit code; unknown codes give undefined.
 */
export function onetRatingsFor(soc: string): OnetRating[] | undefined {
  const file = ratingsFile();
  let rows: number[][] = [];
  const exact = file.occupations[soc];
  if (exact) rows = [exact];
  else {
    const prefix = soc.slice(0, 8);
    rows = Object.entries(file.occupations)
      .filter(([code]) => code.startsWith(prefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, values]) => values);
  }
  if (rows.length === 0) return undefined;
  return file.elements.map((elementId, i) => {
    const mean = (offset: number) =>
      rows.reduce((sum, row) => sum + (row[2 * i + offset] ?? 0), 0) / rows.length;
    return { elementId, importance: mean(0), level: mean(1) };
  });
}

export interface DerivedRequirement {
  elementId: string;
  requiredLevel: number;
  desirableLevel: number | null;
}

/**
 * A skill map from O*NET ratings: the skills O*NET rates important for the occupation (importance ≥ 3.25 of 5),
 * at most `limit` of them by importance (at least the four most important with importance ≥ 2.5 when fewer
 * reach 3.25), each required at O*NET's level mapped to the scale (at least 1); the three most important are
 * desirable one level higher.
 */
const MIN_SKILLS = 4;

export function deriveSkillMap(
  soc: string,
  options: { maxLevel?: number; limit?: number } = {},
): DerivedRequirement[] {
  const rated = onetRatingsFor(soc);
  if (!rated) return [];
  const maxLevel = options.maxLevel ?? 5;
  const ranked = [...rated].sort(
    (a, b) => b.importance - a.importance || a.elementId.localeCompare(b.elementId),
  );
  const important = ranked.filter((r) => r.importance >= 3.25).slice(0, options.limit ?? 10);
  // Jobs O*NET rates no skill important for (cleaners, assemblers ...) still get their few most important ones.
  const chosen =
    important.length >= MIN_SKILLS
      ? important
      : ranked.filter((r) => r.importance >= 2.5).slice(0, MIN_SKILLS);
  return chosen.map((r, index) => {
    const requiredLevel = Math.max(1, onetLevelToScale(r.level, maxLevel));
    const desirable = index < 3 ? Math.min(maxLevel, requiredLevel + 1) : null;
    return {
      elementId: r.elementId,
      requiredLevel,
      desirableLevel: desirable === requiredLevel ? null : desirable,
    };
  });
}
