/** How levels look: the colour of a current level against a required one, and a level's name from the scale. */
import { Badge, Tooltip } from "@mantine/core";
import type { ScaleLevel } from "../../../../src/shared/skills-api";
import { useLocale } from "../../i18n/locale";
import { localized } from "../../lib/names";

/** met: at or above required; near: one below; far: two or more below; none: not required. */
export type LevelState = "met" | "near" | "far" | "none";

export function levelState(current: number | null, required: number | null): LevelState {
  if (required === null || required < 1) return "none";
  const gap = required - (current ?? 0);
  if (gap <= 0) return "met";
  return gap === 1 ? "near" : "far";
}

export const STATE_COLOR: Record<LevelState, string> = {
  met: "teal",
  near: "yellow",
  far: "red",
  none: "gray",
};

export function levelName(scale: ScaleLevel[], level: number | null, locale: "en" | "ja"): string {
  if (level === null) return "–";
  const found = scale.find((s) => s.level === level);
  return found ? `${level} ${localized(found.name, locale)}` : String(level);
}

export function LevelBadge({
  level,
  scale,
  state,
  testId,
}: {
  level: number | null;
  scale: ScaleLevel[];
  state: LevelState;
  testId?: string;
}) {
  const [locale] = useLocale();
  const found = level === null ? undefined : scale.find((s) => s.level === level);
  const badge = (
    <Badge variant="light" color={STATE_COLOR[state]} className="tz-tabular" data-testid={testId}>
      {levelName(scale, level, locale)}
    </Badge>
  );
  return found ? (
    <Tooltip label={localized(found.description, locale)} multiline maw={280} withArrow>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** Shortens an axis label to about `px` pixels at 12 px (CJK characters count double). */
export function fitLabel(text: string, px: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 12 : 6.6;
    if (width > px - 10) return `${out}…`;
    out += ch;
  }
  return out;
}
