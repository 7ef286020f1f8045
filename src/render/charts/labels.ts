import { formatInt, numberLocale } from "../../core/format/number.ts";

/** Longest label drawn on a chart, in characters; longer names end with an ellipsis. */
export const MAX_LABEL_CHARS = 40;

// Emoji and their joiners, variation selectors, flags and skin tones: the chart font has no glyphs for
// them and they would be drawn as empty boxes.
const PICTOGRAPHS =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{fe0e}|\u{fe0f}|\u{20e3}/gu;
// Control characters and line breaks would break a one-line label; invisible format characters
// (zero-width joiners and spaces, direction marks) are dropped.
const CONTROLS = /[\p{Cc}\u2028\u2029]/gu;
const INVISIBLE = /\p{Cf}/gu;

/** A name made safe to draw: no emoji or control characters, spaces collapsed, at most `max` characters. */
export function chartLabel(raw: string, max = MAX_LABEL_CHARS): string {
  const clean = raw
    .replace(PICTOGRAPHS, "")
    .replace(INVISIBLE, "")
    .replace(CONTROLS, " ")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(clean); // code points, so a surrogate pair is never cut in half
  if (chars.length <= max) return clean;
  return `${chars
    .slice(0, max - 1)
    .join("")
    .trimEnd()}…`;
}

/** Makes every label distinct (bars are keyed by label), adding " (2)", " (3)"… to repeats. */
export function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(labels);
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    if (count === 1) return label;
    let n = count;
    let candidate = `${label} (${n})`;
    while (taken.has(candidate)) candidate = `${label} (${++n})`;
    taken.add(candidate);
    return candidate;
  });
}

// Chart labels follow the reply's locale, like the text beside them ($12,345 in en-US, 12.345 US$ in de-DE).
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** $1,234 */
export const formatMoney = (value: number): string => {
  const locale = numberLocale();
  let f = moneyFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: "currency", currency: "USD", maximumFractionDigits: 0 });
    moneyFormats.set(locale, f);
  }
  return f.format(value);
};
/** 12,345: whole numbers as every other reply writes them. */
export const formatCount = formatInt;

/** A finite number that is zero or more. */
export const isAmount = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;

/**
 * A Vega expression writing an axis value compactly ($0, $500, $12.5k, $1.2M). Vega's own "~s" format
 * puts one SI prefix on every tick, which writes zero as "0k".
 */
export function compactAxisLabel(prefix = "", logScale = false): string {
  const part = (divisor: number, suffix: string) =>
    `'${prefix}' + format(datum.value / ${divisor}, '.3~g') + '${suffix}'`;
  const label = `abs(datum.value) >= 1e6 ? ${part(1e6, "M")} : abs(datum.value) >= 1e3 ? ${part(1e3, "k")} : ${part(1, "")}`;
  if (!logScale) return label;
  // A log axis ticks every 1…9 × 10ⁿ: label only 1, 2 and 5 × 10ⁿ, the other ticks keep their grid line.
  const leading = "round(datum.value / pow(10, floor(log(datum.value) / LN10 + 1e-9)))";
  return `indexof([1, 2, 5], ${leading}) < 0 ? '' : ${label}`;
}
