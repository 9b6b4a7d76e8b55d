/**
 * How a person's name is shown. Japanese UI: the native script in the person's own order ("山田 太郎",
 * "John Smith"). English UI: the Latin form given-name-first ("Taro Yamada") when there is one, else native.
 */
import type { LocalizedName, PersonName } from "../../../src/shared/api";
import type { Locale } from "../../../src/shared/enums";

function join(first: string | null, second: string | null): string {
  return [first, second]
    .filter((p): p is string => !!p && p.trim() !== "")
    .join(" ")
    .trim();
}

export function nativeName(name: PersonName): string {
  return name.order === "family_first" ? join(name.family, name.given) : join(name.given, name.family);
}

export function latinName(name: PersonName): string | null {
  if (!name.familyLatin && !name.givenLatin) return null;
  return join(name.givenLatin, name.familyLatin);
}

export function displayName(name: PersonName, locale: Locale): string {
  if (locale === "ja") return nativeName(name);
  return latinName(name) ?? nativeName(name);
}

/** The kana reading in the native order, or null when there is none. */
export function kanaReading(name: PersonName): string | null {
  if (!name.familyKana && !name.givenKana) return null;
  return name.order === "family_first"
    ? join(name.familyKana, name.givenKana)
    : join(name.givenKana, name.familyKana);
}

/**
 * The secondary line under a name: the kana reading in Japanese, the native form in English when it differs
 * from the displayed Latin one.
 */
export function secondaryName(name: PersonName, locale: Locale): string | null {
  if (locale === "ja") {
    const kana = kanaReading(name);
    return kana && kana !== nativeName(name) ? kana : null;
  }
  const shown = displayName(name, locale);
  const native = nativeName(name);
  return native !== shown ? native : null;
}

/** Initials for an avatar. */
export function initials(name: PersonName, locale: Locale): string {
  const shown = displayName(name, locale);
  const parts = shown.split(/\s+/).filter(Boolean);
  if (locale === "ja" && name.order === "family_first" && !/^[A-Za-z]/.test(shown))
    return name.family.slice(0, 1);
  return parts
    .slice(0, 2)
    .map((p) => p.slice(0, 1).toUpperCase())
    .join("");
}

export function localized(name: LocalizedName, locale: Locale): string {
  return (locale === "ja" ? name.ja || name.en : name.en || name.ja) ?? "";
}
