/**
 * Org-chart templates per kind of company. A company's tree is root → (divisions →) departments →
 * (sections); how many numbered sections a department gets depends on the company's size, and the smallest
 * companies keep only their core departments (see org.ts).
 */
import type { FunctionKey } from "./occupations";

export type Profile =
  | "holding"
  | "si"
  | "cloud"
  | "dataCenter"
  | "security"
  | "healthIt"
  | "manufacturing"
  | "logistics"
  | "sharedServices"
  | "special"
  | "leasing"
  | "consulting"
  | "staffing"
  | "education"
  | "facilities"
  | "regionalHq"
  | "overseasSales"
  | "overseasDev"
  | "overseasMfg"
  | "overseasLogistics"
  | "overseasBps";

export interface UnitTemplate {
  key: string;
  ja: string;
  en: string;
  fn: FunctionKey;
  /** Relative staffing weight of a department (spread over its sections). */
  weight?: number;
  /** Members of a leaf whatever the company's size (head included). */
  fixed?: number;
  /** Staffing floor of a leaf. */
  min?: number;
  /** Kept in the smallest companies. */
  core?: boolean;
  /** Kept at every size, with its named sections (the parent's units the demo logins rely on). */
  always?: boolean;
  sections?: UnitTemplate[];
  /** Generated sections, `{n}` replaced by the number. */
  numbered?: { ja: string; en: string; min?: number };
  /** Departments of a division. */
  children?: UnitTemplate[];
}

type Options = Omit<UnitTemplate, "key" | "ja" | "en" | "fn">;
const u = (key: string, ja: string, en: string, fn: FunctionKey, options: Options = {}): UnitTemplate => ({
  key,
  ja,
  en,
  fn,
  ...options,
});
const numbered = (ja: string, en: string, min?: number) => (min ? { ja, en, min } : { ja, en });

const adminJa = (): UnitTemplate =>
  u("ADM", "管理部", "Administration Department", "generalAffairs", {
    core: true,
    weight: 1.5,
    sections: [
      u("GA", "総務課", "General Affairs Section", "generalAffairs"),
      u("HR", "人事課", "Human Resources Section", "hr"),
      u("ACC", "経理課", "Accounting Section", "finance"),
    ],
  });

const adminEn = (): UnitTemplate =>
  u("ADM", "管理部", "Administration", "generalAffairs", {
    core: true,
    weight: 1.5,
    sections: [u("FIN", "財務課", "Finance", "finance"), u("HR", "人事課", "Human Resources", "hr")],
  });

const salesJa = (weight = 1, core = false): UnitTemplate =>
  u("SLS", "営業部", "Sales Department", "sales", {
    weight,
    core,
    numbered: numbered("営業第{n}課", "Sales Section {n}"),
  });

const HOLDING: UnitTemplate[] = [
  u("EXO", "秘書室", "Executive Office", "executive", { weight: 0.3 }),
  u("CP", "経営企画本部", "Corporate Planning Division", "planning", {
    children: [
      u("STR", "経営企画部", "Corporate Strategy Department", "planning", {
        sections: [
          u("PLN", "経営企画課", "Corporate Planning Section", "planning"),
          u("BIZ", "事業管理課", "Business Management Section", "planning"),
        ],
      }),
      u("DX", "DX推進部", "Digital Transformation Department", "dx", {
        always: true,
        sections: [
          u("DATA", "データ活用課", "Data Utilization Section", "dx", { fixed: 6 }),
          u("BPR", "業務改革課", "Business Process Reform Section", "dx", { fixed: 6 }),
        ],
      }),
      u("SUS", "サステナビリティ推進室", "Sustainability Office", "sustainability", { fixed: 0 }),
    ],
  }),
  u("ADM", "管理本部", "Corporate Administration Division", "generalAffairs", {
    children: [
      u("HR", "人事部", "Human Resources Department", "hr", {
        always: true,
        weight: 1.5,
        sections: [
          u("PLN", "人事企画課", "HR Planning Section", "hr", { min: 2 }),
          u("DEV", "人材開発課", "Talent Development Section", "training", { min: 1 }),
          u("LAB", "労務課", "Labor Relations Section", "labor", { min: 1 }),
        ],
      }),
      u("GA", "総務部", "General Affairs Department", "generalAffairs", {
        sections: [
          u("GEN", "総務課", "General Affairs Section", "generalAffairs"),
          u("FM", "施設管理課", "Facility Management Section", "facilities"),
        ],
      }),
      u("FIN", "経理財務部", "Finance and Accounting Department", "finance", {
        weight: 1.2,
        sections: [
          u("ACC", "経理課", "Accounting Section", "finance"),
          u("TRS", "財務課", "Treasury Section", "finance"),
        ],
      }),
      u("LEG", "法務部", "Legal Department", "legal", {
        weight: 0.6,
        sections: [
          u("LEG", "法務課", "Legal Affairs Section", "legal"),
          u("CMP", "コンプライアンス課", "Compliance Section", "legal"),
        ],
      }),
      u("PR", "広報部", "Public Relations Department", "publicRelations", { weight: 0.5 }),
      u("IT", "情報システム部", "Information Systems Department", "itOperations", {
        weight: 1.2,
        sections: [
          u("INF", "インフラ課", "Infrastructure Section", "itOperations"),
          u("APP", "業務システム課", "Business Systems Section", "itOperations"),
        ],
      }),
    ],
  }),
  u("SOL", "ソリューション事業本部", "Solutions Business Division", "systemsIntegration", {
    children: [
      u("FS", "金融ソリューション部", "Financial Industry Solutions Department", "systemsIntegration", {
        weight: 4,
        numbered: numbered("金融第{n}グループ", "Financial Solutions Group {n}", 2),
      }),
      u("PS", "公共ソリューション部", "Public Sector Solutions Department", "systemsIntegration", {
        weight: 3,
        numbered: numbered("公共第{n}グループ", "Public Sector Group {n}"),
      }),
      u("MS", "製造ソリューション部", "Manufacturing Industry Solutions Department", "systemsIntegration", {
        weight: 3,
        numbered: numbered("製造第{n}グループ", "Manufacturing Solutions Group {n}"),
      }),
      u("RS", "流通ソリューション部", "Retail and Distribution Solutions Department", "systemsIntegration", {
        weight: 2,
        numbered: numbered("流通第{n}グループ", "Retail Solutions Group {n}"),
      }),
    ],
  }),
  u("PRD", "プロダクト事業本部", "Products Business Division", "product", {
    children: [
      u("DEV", "製品開発部", "Product Development Department", "product", {
        weight: 3,
        numbered: numbered("製品開発第{n}グループ", "Product Development Group {n}"),
      }),
      u("CLD", "クラウドサービス部", "Cloud Services Department", "cloud", {
        weight: 2,
        numbered: numbered("クラウド第{n}グループ", "Cloud Group {n}"),
      }),
      u("QA", "品質保証部", "Quality Assurance Department", "qualityAssurance", {
        weight: 1,
        numbered: numbered("品質保証第{n}グループ", "Quality Assurance Group {n}"),
      }),
    ],
  }),
  u("SLS", "営業本部", "Sales Division", "sales", {
    children: [
      u("EAST", "東日本営業部", "East Japan Sales Department", "sales", {
        weight: 3,
        numbered: numbered("第{n}営業課", "Sales Section {n}", 2),
      }),
      u("WEST", "西日本営業部", "West Japan Sales Department", "sales", {
        weight: 2,
        numbered: numbered("西日本第{n}営業課", "West Japan Sales Section {n}"),
      }),
      u("MKT", "マーケティング部", "Marketing Department", "marketing", { weight: 1 }),
    ],
  }),
  u("RD", "研究開発センター", "R&D Center", "research", {
    children: [
      u("AI", "AI研究部", "AI Research Department", "research", { weight: 1 }),
      u("SEC", "セキュリティ研究部", "Security Research Department", "security", { weight: 0.6 }),
    ],
  }),
];

const SI: UnitTemplate[] = [
  u("ADM", "管理本部", "Administration Division", "generalAffairs", {
    children: [
      u("GAHR", "総務人事部", "General Affairs and HR Department", "hr", {
        core: true,
        sections: [
          u("GA", "総務課", "General Affairs Section", "generalAffairs"),
          u("HR", "人事課", "Human Resources Section", "hr"),
        ],
      }),
      u("FIN", "経理部", "Accounting Department", "finance", { weight: 0.7 }),
    ],
  }),
  u("BIZ", "営業本部", "Sales Division", "sales", { children: [salesJa(3, true)] }),
  u("SOL", "ソリューション本部", "Solutions Division", "systemsIntegration", {
    children: [
      u("DEV1", "システム開発第一部", "Systems Development Department 1", "systemsIntegration", {
        weight: 6,
        core: true,
        numbered: numbered("開発第{n}グループ", "Development Group {n}"),
      }),
      u("DEV2", "システム開発第二部", "Systems Development Department 2", "systemsIntegration", {
        weight: 5,
        numbered: numbered("開発第{n}グループ", "Development Group {n}"),
      }),
      u("INF", "基盤技術部", "Infrastructure Technology Department", "cloud", {
        weight: 3,
        numbered: numbered("基盤第{n}グループ", "Infrastructure Group {n}"),
      }),
    ],
  }),
  u("QA", "品質管理部", "Quality Management Department", "qualityAssurance", { weight: 1 }),
];

const CLOUD: UnitTemplate[] = [
  adminJa(),
  u("SVC", "サービス開発本部", "Service Development Division", "product", {
    children: [
      u("DEV", "サービス開発部", "Service Development Department", "product", {
        weight: 4,
        core: true,
        numbered: numbered("開発第{n}グループ", "Development Group {n}"),
      }),
      u("PLT", "プラットフォーム部", "Platform Department", "cloud", {
        weight: 3,
        numbered: numbered("プラットフォーム第{n}グループ", "Platform Group {n}"),
      }),
    ],
  }),
  u("OPS", "運用本部", "Operations Division", "dataCenter", {
    children: [
      u("OPS", "サービス運用部", "Service Operations Department", "dataCenter", {
        weight: 3,
        numbered: numbered("運用第{n}課", "Operations Section {n}"),
      }),
      u("SUP", "カスタマーサポート部", "Customer Support Department", "customerSupport", {
        weight: 2,
        numbered: numbered("サポート第{n}課", "Support Section {n}"),
      }),
    ],
  }),
  salesJa(2, true),
];

const simple = (...departments: UnitTemplate[]): UnitTemplate[] => [adminJa(), ...departments];

const TEMPLATES: Record<Profile, UnitTemplate[]> = {
  holding: HOLDING,
  si: SI,
  cloud: CLOUD,
  dataCenter: simple(
    u("DC1", "東京データセンター", "Tokyo Data Center", "dataCenter", {
      weight: 4,
      core: true,
      numbered: numbered("東京運用第{n}課", "Tokyo Operations Section {n}"),
    }),
    u("DC2", "大阪データセンター", "Osaka Data Center", "dataCenter", {
      weight: 3,
      numbered: numbered("大阪運用第{n}課", "Osaka Operations Section {n}"),
    }),
    u("FAC", "設備部", "Facilities Department", "facilities", { weight: 1 }),
    salesJa(1),
  ),
  security: simple(
    u("SOC", "セキュリティ監視センター", "Security Operations Center", "security", {
      weight: 3,
      core: true,
      numbered: numbered("監視第{n}チーム", "Monitoring Team {n}"),
    }),
    u("CON", "セキュリティコンサルティング部", "Security Consulting Department", "consulting", { weight: 2 }),
    salesJa(1),
  ),
  healthIt: simple(
    u("DEV", "医療システム開発部", "Medical Systems Development Department", "healthIt", {
      weight: 4,
      core: true,
      numbered: numbered("開発第{n}グループ", "Development Group {n}"),
    }),
    u("IMP", "導入支援部", "Implementation Support Department", "customerSupport", { weight: 2 }),
    salesJa(1),
  ),
  manufacturing: [
    u("ADM", "管理本部", "Administration Division", "generalAffairs", {
      children: [
        u("GA", "総務部", "General Affairs Department", "generalAffairs", { core: true }),
        u("HR", "人事部", "Human Resources Department", "hr"),
        u("FIN", "経理部", "Accounting Department", "finance"),
      ],
    }),
    u("PRD", "生産本部", "Production Division", "manufacturing", {
      children: [
        u("MFG", "製造部", "Manufacturing Department", "manufacturing", {
          weight: 8,
          core: true,
          numbered: numbered("製造第{n}課", "Production Section {n}"),
        }),
        u("PE", "生産技術部", "Production Engineering Department", "engineering", {
          weight: 2,
          numbered: numbered("生産技術第{n}課", "Production Engineering Section {n}"),
        }),
        u("QA", "品質保証部", "Quality Assurance Department", "productionQuality", {
          weight: 2,
          numbered: numbered("品質保証第{n}課", "Quality Assurance Section {n}"),
        }),
        u("PUR", "資材部", "Procurement Department", "procurement", { weight: 1 }),
      ],
    }),
    u("TEC", "技術開発部", "Technology Development Department", "engineering", {
      weight: 2,
      numbered: numbered("技術開発第{n}課", "Technology Development Section {n}"),
    }),
    salesJa(1.5),
  ],
  logistics: simple(
    u("CTR", "物流センター部", "Distribution Center Department", "logistics", {
      weight: 6,
      core: true,
      numbered: numbered("第{n}センター課", "Distribution Center Section {n}"),
    }),
    u("TRN", "輸送部", "Transport Department", "logistics", {
      weight: 2,
      numbered: numbered("輸送第{n}課", "Transport Section {n}"),
    }),
    u("OPS", "業務部", "Operations Department", "customerSupport", { weight: 1.5 }),
    salesJa(1),
  ),
  sharedServices: simple(
    u("ACS", "経理サービス部", "Accounting Services Department", "finance", {
      weight: 3,
      core: true,
      numbered: numbered("経理サービス第{n}課", "Accounting Services Section {n}"),
    }),
    u("HRS", "人事サービス部", "HR Services Department", "labor", {
      weight: 3,
      numbered: numbered("人事サービス第{n}課", "HR Services Section {n}"),
    }),
    u("PUR", "購買サービス部", "Procurement Services Department", "procurement", { weight: 1 }),
    u("ITS", "ITサービスデスク部", "IT Service Desk Department", "customerSupport", {
      weight: 2,
      numbered: numbered("サービスデスク第{n}課", "Service Desk Section {n}"),
    }),
  ),
  special: simple(
    u("OFS", "オフィスサポート部", "Office Support Department", "supportServices", {
      weight: 3,
      core: true,
      numbered: numbered("第{n}サポート課", "Support Section {n}"),
    }),
    u("CLN", "クリーンサービス部", "Cleaning Services Department", "facilities", { weight: 2 }),
    u("BKR", "ベーカリー事業部", "Bakery Department", "supportServices", { weight: 1 }),
  ),
  leasing: simple(
    u("SLS", "営業部", "Sales Department", "leasing", {
      weight: 3,
      core: true,
      numbered: numbered("営業第{n}課", "Sales Section {n}"),
    }),
    u("CRD", "審査部", "Credit Department", "leasing", { weight: 1 }),
    u("CTM", "契約管理部", "Contract Management Department", "finance", { weight: 1 }),
  ),
  consulting: simple(
    u("CON", "コンサルティング部", "Consulting Department", "consulting", {
      weight: 4,
      core: true,
      numbered: numbered("コンサルティング第{n}グループ", "Consulting Group {n}"),
    }),
    u("DX", "デジタル戦略部", "Digital Strategy Department", "dx", {
      weight: 2,
      numbered: numbered("デジタル戦略第{n}グループ", "Digital Strategy Group {n}"),
    }),
    u("MKT", "マーケティング部", "Marketing Department", "marketing", { weight: 1 }),
  ),
  staffing: simple(
    u("STF", "人材サービス部", "Staffing Services Department", "staffing", {
      weight: 4,
      core: true,
      numbered: numbered("人材サービス第{n}課", "Staffing Services Section {n}"),
    }),
    salesJa(2),
  ),
  education: simple(
    u("TRN", "研修事業部", "Training Services Department", "education", {
      weight: 3,
      core: true,
      numbered: numbered("研修第{n}課", "Training Section {n}"),
    }),
    u("CNT", "教材開発部", "Learning Content Department", "training", { weight: 1 }),
    salesJa(1),
  ),
  facilities: simple(
    u("BLD", "設備管理部", "Building Maintenance Department", "facilities", {
      weight: 4,
      core: true,
      numbered: numbered("設備管理第{n}課", "Building Maintenance Section {n}"),
    }),
    u("SEC", "警備・清掃部", "Security and Cleaning Department", "facilities", {
      weight: 2,
      numbered: numbered("警備・清掃第{n}課", "Security and Cleaning Section {n}"),
    }),
  ),
  regionalHq: [
    u("MGT", "経営企画部", "Management Planning", "planning", { weight: 1, core: true }),
    u("FIN", "財務部", "Finance", "finance", { weight: 1 }),
    u("HR", "人事部", "Human Resources", "hr", { weight: 1, core: true }),
    u("IT", "IT部", "Information Technology", "itOperations", { weight: 1 }),
    u("LEG", "法務・コンプライアンス部", "Legal and Compliance", "legal", { weight: 0.5 }),
    u("SLS", "営業部", "Sales", "sales", {
      weight: 3,
      numbered: numbered("営業第{n}チーム", "Sales Team {n}"),
    }),
  ],
  overseasSales: [
    u("SLS", "営業部", "Sales", "sales", {
      weight: 4,
      core: true,
      numbered: numbered("営業第{n}チーム", "Sales Team {n}"),
    }),
    u("SUP", "カスタマーサポート部", "Customer Support", "customerSupport", {
      weight: 2,
      numbered: numbered("サポート第{n}チーム", "Support Team {n}"),
    }),
    u("MKT", "マーケティング部", "Marketing", "marketing", { weight: 1 }),
    adminEn(),
  ],
  overseasDev: [
    u("DEV", "ソフトウェア開発部", "Software Development", "systemsIntegration", {
      weight: 6,
      core: true,
      numbered: numbered("開発第{n}グループ", "Development Group {n}"),
    }),
    u("QA", "品質保証部", "Quality Assurance", "qualityAssurance", {
      weight: 1.5,
      numbered: numbered("品質保証第{n}チーム", "QA Team {n}"),
    }),
    u("BD", "事業開発部", "Business Development", "sales", { weight: 1 }),
    adminEn(),
  ],
  overseasMfg: [
    u("PRD", "製造部", "Production", "manufacturing", {
      weight: 8,
      core: true,
      numbered: numbered("第{n}製造ライン", "Production Line {n}"),
    }),
    u("PE", "生産技術部", "Production Engineering", "engineering", { weight: 1.5 }),
    u("QA", "品質保証部", "Quality Assurance", "productionQuality", {
      weight: 1.5,
      numbered: numbered("品質保証第{n}チーム", "QA Team {n}"),
    }),
    u("PUR", "購買部", "Procurement", "procurement", { weight: 1 }),
    u("WH", "倉庫部", "Warehouse", "logistics", { weight: 1 }),
    u("SLS", "営業部", "Sales", "sales", { weight: 1 }),
    adminEn(),
  ],
  overseasLogistics: [
    u("WH", "倉庫オペレーション部", "Warehouse Operations", "logistics", {
      weight: 5,
      core: true,
      numbered: numbered("倉庫第{n}チーム", "Warehouse Team {n}"),
    }),
    u("TRN", "輸送部", "Transport", "logistics", { weight: 2 }),
    u("CS", "カスタマーサービス部", "Customer Service", "customerSupport", { weight: 1 }),
    adminEn(),
  ],
  overseasBps: [
    u("OPS", "オペレーション部", "Operations", "customerSupport", {
      weight: 5,
      core: true,
      numbered: numbered("オペレーション第{n}チーム", "Operations Team {n}"),
    }),
    u("FAO", "経理オペレーション部", "Finance Operations", "finance", {
      weight: 2,
      numbered: numbered("経理オペレーション第{n}チーム", "Finance Operations Team {n}"),
    }),
    adminEn(),
  ],
};

export function templateFor(profile: Profile): readonly UnitTemplate[] {
  return TEMPLATES[profile];
}

export function isProfile(value: string): value is Profile {
  return Object.hasOwn(TEMPLATES, value);
}
