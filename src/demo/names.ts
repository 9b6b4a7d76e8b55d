/** Fictional personal names for the demo group, per culture, from the pools in names-ja.ts and names-world.ts. */
import type { Gender, NameOrder } from "../shared/enums";
import { JA_FAMILY, JA_FEMALE, JA_MALE } from "./names-ja";
import { WORLD_POOLS, type WorldPoolKey } from "./names-world";
import type { Random } from "./random";

export interface PersonName {
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameLatin: string;
  givenNameLatin: string;
  nameOrder: NameOrder;
}

/** Which name cultures a company's local hires come from, with weights. */
export type NameMix = readonly (readonly [pool: NamePoolKey, weight: number])[];
export type NamePoolKey = WorldPoolKey | "ja";

interface NamePart {
  native: string;
  latin: string;
  kana: string | null;
  /** Female form where the family name is gendered. */
  femaleNative?: string;
}

interface NamePool {
  order: NameOrder;
  family: NamePart[];
  familyWeights: number[];
  male: NamePart[];
  female: NamePart[];
}

function parseJa(list: string): NamePart[] {
  return list.split(",").map((entry) => {
    const [native, kana, latin] = entry.split(":") as [string, string, string];
    return { native, kana, latin };
  });
}

function parseWorld(list: string): NamePart[] {
  return list.split(",").map((entry) => {
    const [nativePart, latinPart] = entry.split("|") as [string, string | undefined];
    const [male, female] = nativePart.split("/") as [string, string | undefined];
    const part: NamePart = { native: male, latin: latinPart ?? male, kana: null };
    if (female) part.femaleNative = female;
    return part;
  });
}

/** Frequency-like weights: the first entries of a list are the most common. */
function zipfWeights(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 1 / (i + 6));
}

const POOLS = new Map<NamePoolKey, NamePool>();
{
  const jaFamily = parseJa(JA_FAMILY);
  POOLS.set("ja", {
    order: "family_first",
    family: jaFamily,
    familyWeights: zipfWeights(jaFamily.length),
    male: parseJa(JA_MALE),
    female: parseJa(JA_FEMALE),
  });
  for (const [key, source] of Object.entries(WORLD_POOLS) as [
    WorldPoolKey,
    (typeof WORLD_POOLS)[WorldPoolKey],
  ][]) {
    const family = parseWorld(source.family);
    POOLS.set(key, {
      order: source.order,
      family,
      familyWeights: zipfWeights(family.length),
      male: parseWorld(source.male),
      female: parseWorld(source.female),
    });
  }
}

function pool(key: NamePoolKey): NamePool {
  const found = POOLS.get(key);
  if (!found) throw new Error(`Unknown name pool ${key}`);
  return found;
}

/**
 * Given names drift with the generations: for people born earlier the first entries of a list are more
 * likely, for people born later the last ones.
 */
function pickGiven(list: NamePart[], birthYear: number, rng: Random): NamePart {
  const modern = Math.min(1, Math.max(0, (birthYear - 1960) / 45));
  const centre = modern * (list.length - 1);
  const spread = Math.max(2, list.length / 7);
  let index = Math.round(rng.normal(centre, spread));
  // Fold the tails back into the list rather than piling them onto its first or last name.
  for (let tries = 0; (index < 0 || index >= list.length) && tries < 4; tries++) {
    index = index < 0 ? -index - 1 : 2 * list.length - index - 1;
  }
  return list[Math.min(list.length - 1, Math.max(0, index))] as NamePart;
}

export function pickPool(mix: NameMix, rng: Random): NamePoolKey {
  if (mix.length === 1) return (mix[0] as readonly [NamePoolKey, number])[0];
  const index = rng.weightedIndex(mix.map(([, w]) => w));
  return (mix[index] as readonly [NamePoolKey, number])[0];
}

export function makeName(key: NamePoolKey, gender: Gender, birthYear: number, rng: Random): PersonName {
  const p = pool(key);
  const female = gender === "female" || (gender !== "male" && rng.chance(0.5));
  const family = p.family[rng.weightedIndex(p.familyWeights)] as NamePart;
  const given = pickGiven(female ? p.female : p.male, birthYear, rng);
  const familyNative = female && family.femaleNative ? family.femaleNative : family.native;
  const familyLatin = female && family.femaleNative ? family.femaleNative : family.latin;
  return {
    familyName: familyNative,
    givenName: given.native,
    familyNameKana: family.kana,
    givenNameKana: given.kana,
    familyNameLatin: familyLatin,
    givenNameLatin: given.latin,
    nameOrder: p.order,
  };
}

/** How the name is shown in its own culture: "佐藤 健一", "John Smith". */
export function displayName(name: PersonName): string {
  return name.nameOrder === "family_first"
    ? `${name.familyName} ${name.givenName}`
    : `${name.givenName} ${name.familyName}`;
}

const ASCII_FOLD: Record<string, string> = { ł: "l", Ł: "L", đ: "d", Đ: "D", ø: "o", Ø: "O", ß: "ss" };

/** Lower-case ASCII for e-mail addresses: "Łukasz Wiśniewski" → "lukasz", "wisniewski". */
export function asciiSlug(text: string): string {
  return text
    .replace(/[łŁđĐøØß]/g, (c) => ASCII_FOLD[c] ?? c)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}
