/**
 * Whether a place someone wishes to work in fits a posting's location, across the two languages people write
 * them in: 「東京」 fits "Tokyo, Japan", 「シンガポール」 fits "Singapore", "osaka" fits 「大阪府大阪市」.
 *
 * A place names the countries and regions (by their names in Japanese and English, from the runtime's ICU data)
 * and the Japanese prefectures and largest cities (from the list below) it mentions; two places fit when they
 * mention one in common, or when one's text contains the other's (the free text people write: 「本社」, "HQ").
 */

/** Prefectures and the largest cities: Japanese name (without 都・道・府・県・市), English name. */
const JAPAN_PLACES: readonly (readonly [string, string])[] = [
  ["北海道", "Hokkaido"],
  ["青森", "Aomori"],
  ["岩手", "Iwate"],
  ["宮城", "Miyagi"],
  ["秋田", "Akita"],
  ["山形", "Yamagata"],
  ["福島", "Fukushima"],
  ["茨城", "Ibaraki"],
  ["栃木", "Tochigi"],
  ["群馬", "Gunma"],
  ["埼玉", "Saitama"],
  ["千葉", "Chiba"],
  ["東京", "Tokyo"],
  ["神奈川", "Kanagawa"],
  ["新潟", "Niigata"],
  ["富山", "Toyama"],
  ["石川", "Ishikawa"],
  ["福井", "Fukui"],
  ["山梨", "Yamanashi"],
  ["長野", "Nagano"],
  ["岐阜", "Gifu"],
  ["静岡", "Shizuoka"],
  ["愛知", "Aichi"],
  ["三重", "Mie"],
  ["滋賀", "Shiga"],
  ["京都", "Kyoto"],
  ["大阪", "Osaka"],
  ["兵庫", "Hyogo"],
  ["奈良", "Nara"],
  ["和歌山", "Wakayama"],
  ["鳥取", "Tottori"],
  ["島根", "Shimane"],
  ["岡山", "Okayama"],
  ["広島", "Hiroshima"],
  ["山口", "Yamaguchi"],
  ["徳島", "Tokushima"],
  ["香川", "Kagawa"],
  ["愛媛", "Ehime"],
  ["高知", "Kochi"],
  ["福岡", "Fukuoka"],
  ["佐賀", "Saga"],
  ["長崎", "Nagasaki"],
  ["熊本", "Kumamoto"],
  ["大分", "Oita"],
  ["宮崎", "Miyazaki"],
  ["鹿児島", "Kagoshima"],
  ["沖縄", "Okinawa"],
  ["札幌", "Sapporo"],
  ["仙台", "Sendai"],
  ["横浜", "Yokohama"],
  ["川崎", "Kawasaki"],
  ["名古屋", "Nagoya"],
  ["神戸", "Kobe"],
  ["北九州", "Kitakyushu"],
];

/** Names people also use for some countries (the ICU names are the formal ones). */
const COUNTRY_ALIASES: readonly (readonly [string, string])[] = [
  ["US", "米国"],
  ["US", "アメリカ"],
  ["US", "USA"],
  ["GB", "英国"],
  ["GB", "イギリス"],
  ["GB", "UK"],
  ["KR", "韓国"],
  ["CN", "中国"],
  ["TW", "台湾"],
];

const normal = (text: string) => text.normalize("NFKC").toLowerCase().trim();

/** Every name (normalised) with the place it names: "jp:Tokyo", "country:SG". */
const NAMES: readonly (readonly [string, string])[] = (() => {
  const names = new Map<string, string>();
  for (const [ja, en] of JAPAN_PLACES) {
    names.set(normal(ja), `jp:${en}`);
    names.set(normal(en), `jp:${en}`);
  }
  const ja = new Intl.DisplayNames(["ja"], { type: "region" });
  const en = new Intl.DisplayNames(["en"], { type: "region" });
  for (let first = 65; first <= 90; first++)
    for (let second = 65; second <= 90; second++) {
      const code = String.fromCharCode(first, second);
      // an unknown code comes back as itself; ZZ is "Unknown Region"
      if (code === "ZZ") continue;
      for (const displayNames of [ja, en]) {
        const name = displayNames.of(code);
        if (name && name !== code) names.set(normal(name), `country:${code}`);
      }
    }
  for (const [code, name] of COUNTRY_ALIASES) names.set(normal(name), `country:${code}`);
  // longest first (placesIn takes the longest name at each point)
  return [...names].sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
})();

const LATIN = /[a-z]/;
const WORD = /[a-z0-9]/;

/**
 * The places a text mentions, read from the left, the longest name at each point first (「東京都」 is Tokyo, not
 * the 「京都」 inside it); Latin names only as whole words ("Nara" is not in "Barcelona").
 */
export function placesIn(text: string): Set<string> {
  const found = new Set<string>();
  const rest = normal(text);
  let at = 0;
  while (at < rest.length) {
    const hit = NAMES.find(([name]) => {
      if (!rest.startsWith(name, at)) return false;
      if (!LATIN.test(name)) return true;
      const before = rest[at - 1] ?? " ";
      const after = rest[at + name.length] ?? " ";
      return !WORD.test(before) && !WORD.test(after);
    });
    if (hit) {
      found.add(hit[1]);
      at += hit[0].length;
    } else at++;
  }
  return found;
}

/** Whether a wished place fits a posting's location (see the top of this file). */
export function placeFits(wish: string, location: string): boolean {
  const wished = normal(wish);
  const where = normal(location);
  if (wished === "" || where === "") return false;
  if (where.includes(wished) || wished.includes(where)) return true;
  const there = placesIn(location);
  return [...placesIn(wish)].some((place) => there.has(place));
}
