/** Grade ladders: one for the Japanese companies, one for the overseas affiliates. */
import type { GradeDef } from "./model";

type Step = readonly [code: string, nameJa: string, nameEn: string, kind: "staff" | "manager" | "executive"];

const JAPANESE: readonly Step[] = [
  ["G1", "一般職1級", "Associate", "staff"],
  ["G2", "一般職2級", "Staff", "staff"],
  ["G3", "一般職3級", "Senior Staff", "staff"],
  ["G4", "主任", "Chief", "staff"],
  ["M1", "課長", "Manager", "manager"],
  ["M2", "部長", "General Manager", "manager"],
  ["M3", "本部長", "Division Director", "manager"],
  ["E1", "執行役員", "Executive Officer", "executive"],
  ["E2", "常務執行役員", "Managing Executive Officer", "executive"],
  ["E3", "代表取締役社長", "President and CEO", "executive"],
];

const GLOBAL: readonly Step[] = [
  ["L1", "アソシエイト", "Associate", "staff"],
  ["L2", "スペシャリスト", "Specialist", "staff"],
  ["L3", "シニアスペシャリスト", "Senior Specialist", "staff"],
  ["L4", "チームリーダー", "Team Leader", "staff"],
  ["M1", "マネージャー", "Manager", "manager"],
  ["M2", "シニアマネージャー", "Senior Manager", "manager"],
  ["D1", "ディレクター", "Director", "manager"],
  ["X1", "マネージングディレクター", "Managing Director", "executive"],
];

const DESCRIPTION = {
  staff: "Staff grade.",
  manager: "Manager level (課長級以上): counted as a manager in the female-manager disclosure.",
  executive: "Executive (役員): not counted as a manager in disclosures.",
};

export interface Ladder {
  grades: Omit<GradeDef, "id">[];
  /** Highest rank reached by ordinary promotion. */
  maxStaffRank: number;
  rootHeadRank: number;
  divisionHeadRank: number;
  /** Head rank of a department in a large (≥ 60) and a small company. */
  departmentHeadRank: readonly [large: number, small: number];
  sectionHeadRank: number;
  /** Grade of a worker reemployed after retirement (Japan). */
  reemployedRank: number;
}

function grades(steps: readonly Step[]): Omit<GradeDef, "id">[] {
  return steps.map(([code, nameJa, nameEn, kind], i) => ({
    code,
    nameJa,
    nameEn,
    rank: i + 1,
    isManagerLevel: kind === "manager",
    isExecutive: kind === "executive",
    description: DESCRIPTION[kind],
  }));
}

export const JAPANESE_LADDER: Ladder = {
  grades: grades(JAPANESE),
  maxStaffRank: 4,
  rootHeadRank: 10,
  divisionHeadRank: 7,
  departmentHeadRank: [6, 5],
  sectionHeadRank: 5,
  reemployedRank: 3,
};

export const GLOBAL_LADDER: Ladder = {
  grades: grades(GLOBAL),
  maxStaffRank: 4,
  rootHeadRank: 8,
  divisionHeadRank: 7,
  departmentHeadRank: [7, 5],
  sectionHeadRank: 5,
  reemployedRank: 3,
};

/** The parent's divisions are headed by executive officers. */
export const PARENT_DIVISION_HEAD_RANK = 8;
