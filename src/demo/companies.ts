/**
 * The fictional Tekizai group: a parent company, 25 domestic subsidiaries and 57 overseas affiliates.
 * Every name here is invented. Sizes are relative weights, turned into headcounts per demo scale.
 */
import type { NameMix } from "./names";
import { isProfile, type Profile } from "./org-templates";

export type DemoScale = "tiny" | "small" | "medium" | "large";
export const DEMO_SCALES: readonly DemoScale[] = ["tiny", "small", "medium", "large"];

export interface CountryDef {
  currency: string;
  names: NameMix;
  /** Standard full-time weekly hours. */
  weeklyHours: number;
  /** Company retirement age where one is customary (end of the month in which it is reached). */
  retirementAge: number | null;
  /** Yearly voluntary turnover of regular staff. */
  turnover: number;
}

export const COUNTRIES: Record<string, CountryDef> = {
  JP: { currency: "JPY", names: [["ja", 1]], weeklyHours: 40, retirementAge: 60, turnover: 0.045 },
  US: {
    currency: "USD",
    names: [
      ["en", 17],
      ["es", 2],
      ["in", 1],
    ],
    weeklyHours: 40,
    retirementAge: null,
    turnover: 0.13,
  },
  CA: {
    currency: "CAD",
    names: [
      ["en", 5],
      ["fr", 1],
    ],
    weeklyHours: 40,
    retirementAge: null,
    turnover: 0.11,
  },
  MX: { currency: "MXN", names: [["es", 1]], weeklyHours: 48, retirementAge: null, turnover: 0.14 },
  BR: { currency: "BRL", names: [["pt", 1]], weeklyHours: 44, retirementAge: null, turnover: 0.12 },
  GB: {
    currency: "GBP",
    names: [
      ["en", 9],
      ["in", 1],
    ],
    weeklyHours: 37.5,
    retirementAge: null,
    turnover: 0.12,
  },
  DE: { currency: "EUR", names: [["de", 1]], weeklyHours: 38, retirementAge: null, turnover: 0.07 },
  FR: { currency: "EUR", names: [["fr", 1]], weeklyHours: 35, retirementAge: null, turnover: 0.08 },
  NL: { currency: "EUR", names: [["nl", 1]], weeklyHours: 38, retirementAge: null, turnover: 0.09 },
  IT: { currency: "EUR", names: [["it", 1]], weeklyHours: 40, retirementAge: null, turnover: 0.07 },
  ES: { currency: "EUR", names: [["es", 1]], weeklyHours: 40, retirementAge: null, turnover: 0.09 },
  PL: { currency: "PLN", names: [["pl", 1]], weeklyHours: 40, retirementAge: null, turnover: 0.11 },
  CZ: { currency: "CZK", names: [["cs", 1]], weeklyHours: 40, retirementAge: null, turnover: 0.1 },
  SE: { currency: "SEK", names: [["sv", 1]], weeklyHours: 40, retirementAge: null, turnover: 0.09 },
  CN: { currency: "CNY", names: [["zhCN", 1]], weeklyHours: 40, retirementAge: 60, turnover: 0.12 },
  HK: { currency: "HKD", names: [["zhHK", 1]], weeklyHours: 44, retirementAge: null, turnover: 0.13 },
  TW: { currency: "TWD", names: [["zhTW", 1]], weeklyHours: 40, retirementAge: 65, turnover: 0.1 },
  KR: { currency: "KRW", names: [["ko", 1]], weeklyHours: 40, retirementAge: 60, turnover: 0.1 },
  SG: {
    currency: "SGD",
    names: [
      ["seaChinese", 7],
      ["malay", 1.5],
      ["in", 1.5],
    ],
    weeklyHours: 44,
    retirementAge: 63,
    turnover: 0.14,
  },
  TH: { currency: "THB", names: [["th", 1]], weeklyHours: 48, retirementAge: 60, turnover: 0.12 },
  VN: { currency: "VND", names: [["vi", 1]], weeklyHours: 48, retirementAge: 60, turnover: 0.15 },
  MY: {
    currency: "MYR",
    names: [
      ["malay", 6],
      ["seaChinese", 3],
      ["in", 1],
    ],
    weeklyHours: 45,
    retirementAge: 60,
    turnover: 0.13,
  },
  ID: { currency: "IDR", names: [["id", 1]], weeklyHours: 40, retirementAge: 56, turnover: 0.12 },
  PH: { currency: "PHP", names: [["tl", 1]], weeklyHours: 48, retirementAge: 60, turnover: 0.16 },
  IN: { currency: "INR", names: [["in", 1]], weeklyHours: 48, retirementAge: 58, turnover: 0.18 },
  AU: {
    currency: "AUD",
    names: [
      ["en", 18],
      ["seaChinese", 1],
      ["in", 1],
    ],
    weeklyHours: 38,
    retirementAge: null,
    turnover: 0.13,
  },
  NZ: { currency: "NZD", names: [["en", 1]], weeklyHours: 40, retirementAge: null, turnover: 0.12 },
};

export interface CompanyDef {
  code: string;
  nameJa: string;
  nameEn: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  fiscalYearStartMonth: number;
  profile: Profile;
  /** Relative size among the domestic subsidiaries or among the overseas affiliates. */
  weight: number;
  /** Founding date (YYYY-MM-DD); a few affiliates are founded during the ten years of history. */
  founded: string;
  /** Headcount today ÷ headcount ten years ago. */
  growth: number;
}

/**
 * code | name (ja) | name (en) | country | fiscal year start month | profile | weight | founded | growth.
 * Growth is headcount today ÷ headcount ten years ago (companies founded since then ramp up instead).
 */
function parseCatalogue(table: string): CompanyDef[] {
  return table
    .trim()
    .split("\n")
    .map((line) => {
      const [
        code = "",
        nameJa = "",
        nameEn = "",
        country = "",
        month,
        profile = "",
        weight,
        founded = "",
        growth,
      ] = line.split("|");
      if (!isProfile(profile) || !COUNTRIES[country] || !/^\d{4}-\d{2}-01$/.test(founded)) {
        throw new Error(`Bad demo company line: ${line}`);
      }
      return {
        code,
        nameJa,
        nameEn,
        country,
        fiscalYearStartMonth: Number(month),
        profile,
        weight: Number(weight),
        founded,
        growth: Number(growth),
      };
    });
}

export const PARENT: CompanyDef = parseCatalogue(`
HQ|テキザイ・ホールディングス株式会社|Tekizai Holdings Co., Ltd.|JP|4|holding|1|1975-06-01|1.04
`)[0] as CompanyDef;

export const DOMESTIC: readonly CompanyDef[] = parseCatalogue(`
SOL|テキザイ・ソリューションズ株式会社|Tekizai Solutions Co., Ltd.|JP|4|si|14|1984-04-01|1.12
SYS|テキザイ・システムエンジニアリング株式会社|Tekizai Systems Engineering Co., Ltd.|JP|4|si|9|1988-10-01|1.05
ELC|テキザイ・エレクトロニクス株式会社|Tekizai Electronics Co., Ltd.|JP|4|manufacturing|7|1979-04-01|0.92
CMP|テキザイ・コンポーネンツ株式会社|Tekizai Components Co., Ltd.|JP|4|manufacturing|5|1986-07-01|0.95
KNS|テキザイ関西システム株式会社|Tekizai Kansai Systems Co., Ltd.|JP|4|si|4|1990-04-01|1.05
CLD|テキザイ・クラウドサービス株式会社|Tekizai Cloud Services Co., Ltd.|JP|4|cloud|4|2011-04-01|1.6
BPS|テキザイ・ビジネスサービス株式会社|Tekizai Business Services Co., Ltd.|JP|4|sharedServices|4|2001-04-01|1.05
LOG|テキザイ・ロジスティクス株式会社|Tekizai Logistics Co., Ltd.|JP|4|logistics|4|1992-04-01|1.05
DC|テキザイ・データセンター株式会社|Tekizai Data Center Co., Ltd.|JP|4|dataCenter|3|1999-04-01|1.15
NET|テキザイ・ネットワークス株式会社|Tekizai Networks Co., Ltd.|JP|4|cloud|3|1996-10-01|1.05
CBU|テキザイ中部システム株式会社|Tekizai Chubu Systems Co., Ltd.|JP|4|si|3|1991-04-01|1.05
KYS|テキザイ九州システム株式会社|Tekizai Kyushu Systems Co., Ltd.|JP|4|si|2.5|1993-04-01|1.05
THK|テキザイ東北システム株式会社|Tekizai Tohoku Systems Co., Ltd.|JP|4|si|2|1994-04-01|1.05
CNS|テキザイ・コンサルティング株式会社|Tekizai Consulting Co., Ltd.|JP|4|consulting|2|2005-04-01|1.3
SEC|テキザイ・セキュリティ株式会社|Tekizai Security Co., Ltd.|JP|4|security|2|2014-04-01|1.5
HCT|テキザイ・ヘルスケアIT株式会社|Tekizai Healthcare IT Co., Ltd.|JP|4|healthIt|2|2003-04-01|1.05
STF|テキザイ・スタッフサービス株式会社|Tekizai Staff Services Co., Ltd.|JP|4|staffing|2|1998-04-01|1.05
FAC|テキザイ・ファシリティーズ株式会社|Tekizai Facilities Co., Ltd.|JP|4|facilities|2|1989-04-01|0.97
HKD|テキザイ北海道システム株式会社|Tekizai Hokkaido Systems Co., Ltd.|JP|4|si|1.5|1995-04-01|1.05
CGK|テキザイ中国システム株式会社|Tekizai Chugoku Systems Co., Ltd.|JP|4|si|1.5|1996-04-01|1.05
FIN|テキザイ・ファイナンス&リース株式会社|Tekizai Finance & Lease Co., Ltd.|JP|4|leasing|1.5|1987-04-01|1.0
SUN|テキザイ・サンライズ株式会社|Tekizai Sunrise Co., Ltd.|JP|4|special|1.3|2006-04-01|1.35
DGM|テキザイ・デジタルマーケティング株式会社|Tekizai Digital Marketing Co., Ltd.|JP|4|consulting|1.2|2016-04-01|1.8
OKN|テキザイ沖縄システム株式会社|Tekizai Okinawa Systems Co., Ltd.|JP|4|si|1|2000-04-01|1.2
EDU|テキザイ・エデュケーション株式会社|Tekizai Education Co., Ltd.|JP|4|education|1|2002-04-01|1.05
`);

export const OVERSEAS: readonly CompanyDef[] = parseCatalogue(`
US01|テキザイ・アメリカ社|Tekizai America, Inc.|US|4|regionalHq|3|1988-04-01|1.1
US02|テキザイ・ソリューションズUSA社|Tekizai Solutions USA, Inc.|US|1|overseasSales|3|1995-01-01|1.2
US03|テキザイ・クラウド・アメリカ社|Tekizai Cloud America, Inc.|US|1|overseasDev|2|2012-01-01|1.7
US04|テキザイ・エレクトロニクス・アメリカ社|Tekizai Electronics of America, Inc.|US|1|overseasMfg|2|1991-01-01|0.9
US05|テキザイ・データシステムズ社|Tekizai Data Systems LLC|US|10|overseasDev|1.5|2008-10-01|1.3
US06|テキザイ・ロジスティクスUSA社|Tekizai Logistics USA, Inc.|US|1|overseasLogistics|1.5|2001-01-01|1.05
US07|テキザイ・デジタルラボ社|Tekizai Digital Labs, Inc.|US|1|overseasDev|1|2015-01-01|1.6
CA01|テキザイ・カナダ社|Tekizai Canada Ltd.|CA|4|overseasSales|1|2004-04-01|1.05
MX01|テキザイ・マニュファクチャリング・メキシコ社|Tekizai Manufacturing de México, S.A. de C.V.|MX|1|overseasMfg|4|1998-01-01|1.25
MX02|テキザイ・サービシオス・メキシコ社|Tekizai Servicios México, S.A. de C.V.|MX|1|overseasSales|1|2010-01-01|1.05
BR01|テキザイ・ブラジル社|Tekizai do Brasil Ltda.|BR|1|overseasSales|1.5|2007-01-01|1.05
GB01|テキザイ・ヨーロッパ社|Tekizai Europe Ltd.|GB|4|regionalHq|2|1990-04-01|1.05
GB02|テキザイUK社|Tekizai UK Ltd.|GB|4|overseasSales|2|1996-04-01|1.05
GB03|テキザイ・コンサルティングUK社|Tekizai Consulting UK Ltd.|GB|1|overseasDev|1|2013-01-01|1.3
DE01|テキザイ・ドイツ社|Tekizai Deutschland GmbH|DE|1|overseasSales|2|1993-01-01|1.05
DE02|テキザイ・エレクトロニクス・ヨーロッパ社|Tekizai Electronics Europe GmbH|DE|4|overseasMfg|2|1997-04-01|0.95
DE03|テキザイ・ソフトウェアエンジニアリング社|Tekizai Software Engineering GmbH|DE|1|overseasDev|1.5|2009-01-01|1.2
FR01|テキザイ・フランス社|Tekizai France SAS|FR|1|overseasSales|1.5|1999-01-01|1.05
FR02|テキザイ・デジタル・フランス社|Tekizai Digital France SAS|FR|1|overseasDev|1|2014-01-01|1.4
NL01|テキザイ・オランダ社|Tekizai Netherlands B.V.|NL|1|overseasSales|1|2000-01-01|1.05
NL02|テキザイ・ロジスティクス・ヨーロッパ社|Tekizai Logistics Europe B.V.|NL|4|overseasLogistics|1.5|2003-04-01|1.05
IT01|テキザイ・イタリア社|Tekizai Italia S.r.l.|IT|1|overseasSales|0.8|2006-01-01|1.05
ES01|テキザイ・イベリア社|Tekizai Iberia S.L.|ES|1|overseasSales|0.8|2008-01-01|1.05
PL01|テキザイ・ポーランド社|Tekizai Polska Sp. z o.o.|PL|1|overseasDev|1.5|2011-01-01|1.5
CZ01|テキザイ・チェコ社|Tekizai Czech s.r.o.|CZ|1|overseasMfg|1.5|2004-01-01|1.05
SE01|テキザイ・ノルディック社|Tekizai Nordic AB|SE|1|overseasSales|0.6|2012-01-01|1.05
CN01|適材（中国）投資有限公司|Tekizai (China) Investment Co., Ltd.|CN|1|regionalHq|1|2002-01-01|1.05
CN02|適材（上海）軟件有限公司|Tekizai (Shanghai) Software Co., Ltd.|CN|1|overseasDev|3|2001-01-01|1.1
CN03|適材（大連）信息技術有限公司|Tekizai (Dalian) Information Technology Co., Ltd.|CN|1|overseasDev|5|1997-01-01|0.9
CN04|適材電子（蘇州）有限公司|Tekizai Electronics (Suzhou) Co., Ltd.|CN|1|overseasMfg|6|1995-01-01|0.85
CN05|適材電子（深圳）有限公司|Tekizai Electronics (Shenzhen) Co., Ltd.|CN|1|overseasMfg|4|2003-01-01|1.05
CN06|適材（北京）系統集成有限公司|Tekizai (Beijing) Systems Integration Co., Ltd.|CN|1|overseasSales|2|2005-01-01|1.05
CN07|適材（広州）貿易有限公司|Tekizai (Guangzhou) Trading Co., Ltd.|CN|1|overseasSales|1|2009-01-01|1.05
HK01|テキザイ香港社|Tekizai Hong Kong Ltd.|HK|4|overseasSales|1|1994-04-01|1.05
TW01|台湾適材股份有限公司|Tekizai Taiwan Co., Ltd.|TW|1|overseasSales|1.5|1998-01-01|1.05
TW02|台湾適材電子股份有限公司|Tekizai Electronics Taiwan Co., Ltd.|TW|1|overseasMfg|2|2001-01-01|1.05
KR01|テキザイ・コリア社|Tekizai Korea Co., Ltd.|KR|1|overseasSales|1.5|2000-01-01|1.05
KR02|テキザイ・ソフト・コリア社|Tekizai Soft Korea Co., Ltd.|KR|1|overseasDev|1|2013-01-01|1.3
SG01|テキザイ・アジアパシフィック社|Tekizai Asia Pacific Pte. Ltd.|SG|4|regionalHq|1.5|1996-04-01|1.2
SG02|テキザイ・シンガポール社|Tekizai Singapore Pte. Ltd.|SG|1|overseasSales|1|2007-01-01|1.05
TH01|テキザイ・タイランド社|Tekizai (Thailand) Co., Ltd.|TH|1|overseasSales|2|1997-01-01|1.05
TH02|テキザイ・エレクトロニクス・タイランド社|Tekizai Electronics (Thailand) Co., Ltd.|TH|1|overseasMfg|5|1999-01-01|1.15
TH03|テキザイ・ロジスティクス・タイランド社|Tekizai Logistics (Thailand) Co., Ltd.|TH|1|overseasLogistics|1.5|2010-01-01|1.05
VN01|テキザイ・ベトナム社|Tekizai Vietnam Co., Ltd.|VN|1|overseasSales|1.5|2008-01-01|1.4
VN02|テキザイ・ソフトウェア・ベトナム社|Tekizai Software Vietnam Co., Ltd.|VN|1|overseasDev|4|2019-07-01|1.05
VN03|テキザイ・マニュファクチャリング・ベトナム社|Tekizai Manufacturing Vietnam Co., Ltd.|VN|1|overseasMfg|4|2021-01-01|1.05
MY01|テキザイ・マレーシア社|Tekizai Malaysia Sdn. Bhd.|MY|4|overseasMfg|2|2002-04-01|1.05
ID01|テキザイ・インドネシア社|PT Tekizai Indonesia|ID|1|overseasMfg|2|2005-01-01|1.3
ID02|テキザイ・システム・インドネシア社|PT Tekizai Systems Indonesia|ID|1|overseasSales|1|2014-01-01|1.4
PH01|テキザイ・フィリピン社|Tekizai Philippines, Inc.|PH|1|overseasBps|1.5|2009-01-01|1.4
PH02|テキザイ・ソフトウェア・フィリピン社|Tekizai Software Philippines, Inc.|PH|1|overseasDev|1|2016-01-01|1.6
IN01|テキザイ・インディア社|Tekizai India Pvt. Ltd.|IN|4|overseasSales|3|2006-04-01|1.4
IN02|テキザイ・ソフトウェア開発インディア社|Tekizai Software Development India Pvt. Ltd.|IN|4|overseasDev|6|2018-10-01|1.05
IN03|テキザイ・ビジネスサービス・インディア社|Tekizai Business Services India Pvt. Ltd.|IN|4|overseasBps|3|2012-04-01|1.5
AU01|テキザイ・オーストラリア社|Tekizai Australia Pty Ltd|AU|7|overseasSales|1.5|1999-07-01|1.05
AU02|テキザイ・ソリューションズ・オーストラリア社|Tekizai Solutions Australia Pty Ltd|AU|7|overseasDev|1|2011-07-01|1.3
NZ01|テキザイ・ニュージーランド社|Tekizai New Zealand Ltd.|NZ|4|overseasSales|0.5|2010-04-01|1.05
`);

export const ALL_COMPANIES: readonly CompanyDef[] = [PARENT, ...DOMESTIC, ...OVERSEAS];

/** Active employees on `today`, split between the parent, the domestic subsidiaries and the overseas affiliates. */
interface ScaleSizes {
  parent: number;
  domestic: number;
  overseas: number;
  minDomestic: number;
  minOverseas: number;
}

export const SCALE_SIZES: Record<DemoScale, ScaleSizes> = {
  tiny: { parent: 70, domestic: 90, overseas: 64, minDomestic: 2, minOverseas: 1 },
  small: { parent: 420, domestic: 1180, overseas: 400, minDomestic: 8, minOverseas: 2 },
  medium: { parent: 3000, domestic: 12000, overseas: 5000, minDomestic: 25, minOverseas: 8 },
  large: { parent: 16000, domestic: 72000, overseas: 32000, minDomestic: 60, minOverseas: 20 },
};

/** Target headcount on `today` per company, in ALL_COMPANIES order. */
export function headcountTargets(scale: DemoScale): number[] {
  const sizes = SCALE_SIZES[scale];
  const share = (list: readonly CompanyDef[], total: number, min: number) => {
    const weightSum = list.reduce((sum, d) => sum + d.weight, 0);
    return list.map((d) => Math.max(min, Math.round((d.weight / weightSum) * total)));
  };
  return [
    sizes.parent,
    ...share(DOMESTIC, sizes.domestic, sizes.minDomestic),
    ...share(OVERSEAS, sizes.overseas, sizes.minOverseas),
  ];
}
