/**
 * Jobs of the demo group, drawn from a curated subset of O*NET occupations (data/onet-occupations.json,
 * "O*NET 23.x Database by USDOL/ETA. Used under the CC BY 4.0 license."). Each org unit has a business
 * function; the function says which occupation its head holds and which ones its staff hold.
 */
import catalogue from "./data/onet-occupations.json" with { type: "json" };

export interface Occupation {
  soc: string;
  titleEn: string;
  titleJa: string;
  jobCategory: string;
}

export interface JobCategoryDef {
  code: string;
  nameJa: string;
  nameEn: string;
}

export const ONET_ATTRIBUTION: string = catalogue.attribution;
export const JOB_CATEGORIES: readonly JobCategoryDef[] = catalogue.jobCategories;
export const OCCUPATIONS: readonly Occupation[] = catalogue.occupations;

const bySoc = new Map(OCCUPATIONS.map((o) => [o.soc, o]));

export function occupation(soc: string): Occupation {
  const found = bySoc.get(soc);
  if (!found) throw new Error(`Unknown O*NET-SOC code in the demo catalogue: ${soc}`);
  return found;
}

/** The occupation of a company's top executive (head of the root unit). */
export const CHIEF_EXECUTIVE_SOC = "11-1011.00";

export interface BusinessFunction {
  /** Occupation of the unit's head. */
  head: string;
  /** Occupations of the staff, with relative weights. */
  staff: readonly (readonly [soc: string, weight: number])[];
}

const fn = (head: string, ...staff: (readonly [string, number])[]): BusinessFunction => ({ head, staff });

export const FUNCTIONS = {
  executive: fn("11-1011.00", ["43-6011.00", 2], ["13-1111.00", 1]),
  planning: fn("11-1021.00", ["13-1111.00", 3], ["13-2051.00", 1], ["13-1161.00", 1]),
  dx: fn("11-3021.00", ["15-2041.00", 2], ["15-1199.08", 2], ["15-1121.00", 1], ["13-1111.00", 1]),
  sustainability: fn("11-1021.00", ["13-1199.05", 3], ["13-1111.00", 1]),
  hr: fn("11-3121.00", ["13-1071.00", 3], ["13-1141.00", 1], ["43-4161.00", 1], ["13-1075.00", 1]),
  training: fn("11-3131.00", ["13-1151.00", 3], ["25-9031.00", 1]),
  labor: fn("11-3121.00", ["13-1075.00", 2], ["43-3051.00", 1], ["13-1141.00", 1]),
  generalAffairs: fn(
    "11-3011.00",
    ["43-9061.00", 3],
    ["43-6014.00", 1],
    ["43-9051.00", 1],
    ["43-4171.00", 1],
    ["27-3091.00", 1],
  ),
  finance: fn("11-3031.00", ["13-2011.00", 3], ["43-3031.00", 2], ["13-2051.00", 1]),
  legal: fn("11-9199.02", ["23-1011.00", 1], ["23-2011.00", 1], ["13-1041.00", 2]),
  publicRelations: fn("11-2031.00", ["27-3031.00", 3], ["27-1024.00", 1]),
  itOperations: fn("11-3021.00", ["15-1142.00", 2], ["15-1151.00", 1], ["15-1141.00", 1], ["15-1122.00", 1]),
  systemsIntegration: fn(
    "11-3021.00",
    ["15-1132.00", 4],
    ["15-1121.00", 2],
    ["15-1199.02", 2],
    ["15-1131.00", 2],
    ["15-1199.09", 1],
    ["15-1141.00", 1],
  ),
  product: fn("11-9041.00", ["15-1133.00", 3], ["15-1132.00", 2], ["15-1134.00", 1], ["27-1021.00", 1]),
  cloud: fn("11-3021.00", ["15-1142.00", 2], ["15-1143.00", 1], ["15-1199.02", 1], ["15-1133.00", 1]),
  qualityAssurance: fn("11-9041.00", ["15-1199.01", 3], ["15-1121.00", 1]),
  research: fn("11-9041.00", ["15-1111.00", 3], ["15-2041.00", 1], ["17-2072.00", 1]),
  security: fn("11-3021.00", ["15-1122.00", 3], ["15-1143.00", 1]),
  sales: fn("11-2022.00", ["41-4011.00", 3], ["41-9031.00", 2], ["41-3099.00", 1], ["43-6014.00", 1]),
  marketing: fn("11-2021.00", ["13-1161.00", 3], ["27-1024.00", 1]),
  customerSupport: fn("43-1011.00", ["43-4051.00", 3], ["15-1151.00", 2]),
  dataCenter: fn("11-3021.00", ["43-9011.00", 2], ["15-1152.00", 2], ["15-1142.00", 1], ["49-2011.00", 1]),
  manufacturing: fn(
    "11-3051.00",
    ["51-2022.00", 4],
    ["51-2092.00", 3],
    ["51-4011.00", 1],
    ["51-1011.00", 1],
    ["43-5061.00", 1],
  ),
  engineering: fn(
    "11-9041.00",
    ["17-2112.00", 2],
    ["17-2071.00", 1],
    ["17-2072.00", 1],
    ["17-2141.00", 1],
    ["17-3023.00", 1],
    ["17-2061.00", 1],
  ),
  productionQuality: fn("11-3051.00", ["51-9061.00", 3], ["17-2112.00", 1]),
  procurement: fn("11-3061.00", ["13-1023.00", 2], ["43-3061.00", 1]),
  logistics: fn("11-3071.00", ["13-1081.00", 1], ["43-5071.00", 2], ["53-7062.00", 3], ["53-3032.00", 1]),
  leasing: fn("11-3031.00", ["13-2041.00", 2], ["13-2072.00", 2], ["43-3031.00", 1]),
  consulting: fn("11-1021.00", ["13-1111.00", 3], ["15-1121.00", 1]),
  staffing: fn("11-3121.00", ["13-1071.00", 3], ["41-3099.00", 1]),
  education: fn("11-3131.00", ["25-1194.00", 3], ["25-9031.00", 1]),
  healthIt: fn("11-3021.00", ["15-1132.00", 2], ["29-2071.00", 2], ["15-1121.00", 1]),
  facilities: fn("11-3011.00", ["49-9071.00", 3], ["37-2011.00", 2], ["33-9032.00", 1]),
  /** Work of a special subsidiary employing people with disabilities (特例子会社): office support, cleaning, bakery. */
  supportServices: fn(
    "43-1011.00",
    ["43-9021.00", 3],
    ["43-9061.00", 2],
    ["37-2011.00", 2],
    ["51-3011.00", 1],
    ["43-9051.00", 1],
  ),
} satisfies Record<string, BusinessFunction>;

export type FunctionKey = keyof typeof FUNCTIONS;

/** Every occupation a function can use (head first). */
export function functionOccupations(key: FunctionKey): string[] {
  const f: BusinessFunction = FUNCTIONS[key];
  return [f.head, ...f.staff.map(([soc]) => soc)];
}
