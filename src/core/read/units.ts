/**
 * The one unit vocabulary of every command. `m`/`min` is minutes everywhere; months are `mo`/`month(s)`.
 * Each table is a Map, so a typed word such as `constructor` is simply not a unit.
 */

export type Period = "hour" | "day" | "week" | "month" | "year";

/** Seconds in each duration unit people type after a number. */
export const DURATION_UNITS: ReadonlyMap<string, number> = new Map([
  ["s", 1],
  ["sec", 1],
  ["secs", 1],
  ["second", 1],
  ["seconds", 1],
  ["m", 60],
  ["mn", 60],
  ["min", 60],
  ["mins", 60],
  ["minute", 60],
  ["minutes", 60],
  ["h", 3600],
  ["hr", 3600],
  ["hrs", 3600],
  ["hour", 3600],
  ["hours", 3600],
]);

/** Words for a period after a count or an amount: "a month", "per wk", "daily", "/mo". */
export const PERIOD_WORDS: ReadonlyMap<string, Period> = new Map([
  ["hour", "hour"],
  ["hr", "hour"],
  ["h", "hour"],
  ["hourly", "hour"],
  ["day", "day"],
  ["daily", "day"],
  ["d", "day"],
  ["week", "week"],
  ["wk", "week"],
  ["weekly", "week"],
  ["month", "month"],
  ["mo", "month"],
  ["mth", "month"],
  ["monthly", "month"],
  ["year", "year"],
  ["yr", "year"],
  ["yearly", "year"],
  ["annually", "year"],
  ["annual", "year"],
  ["annum", "year"],
]);

/** Calendar lengths in days (notice periods, trials), and in months (contract terms). */
export const CALENDAR_UNITS: ReadonlyMap<string, { days: number; months: number }> = new Map([
  ["d", { days: 1, months: 1 / 30 }],
  ["day", { days: 1, months: 1 / 30 }],
  ["days", { days: 1, months: 1 / 30 }],
  ["w", { days: 7, months: 7 / 30 }],
  ["wk", { days: 7, months: 7 / 30 }],
  ["wks", { days: 7, months: 7 / 30 }],
  ["week", { days: 7, months: 7 / 30 }],
  ["weeks", { days: 7, months: 7 / 30 }],
  ["mo", { days: 30, months: 1 }],
  ["mos", { days: 30, months: 1 }],
  ["mth", { days: 30, months: 1 }],
  ["mths", { days: 30, months: 1 }],
  ["month", { days: 30, months: 1 }],
  ["months", { days: 30, months: 1 }],
  ["y", { days: 365, months: 12 }],
  ["yr", { days: 365, months: 12 }],
  ["yrs", { days: 365, months: 12 }],
  ["year", { days: 365, months: 12 }],
  ["years", { days: 365, months: 12 }],
]);

/** A period word in any of its forms: "months" and "month" are one period. */
export const periodOf = (word: string | undefined): Period | undefined => {
  if (word === undefined) return undefined;
  const w = word.toLowerCase().replace(/\.$/, "");
  return PERIOD_WORDS.get(w) ?? (w.endsWith("s") ? PERIOD_WORDS.get(w.slice(0, -1)) : undefined);
};

/** Regex source of every unit word, longest first so "minutes" wins over "m". */
const alternation = (words: Iterable<string>): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
    .join("|");

export const DURATION_UNIT_SOURCE = alternation(DURATION_UNITS.keys());
export const PERIOD_SOURCE = `${alternation([...PERIOD_WORDS.keys()].flatMap((w) => (w.length > 2 ? [`${w}s`, w] : [w])))}`;

/**
 * A calendar length ("30d", "4 weeks", "2mo", "1y") in the unit asked for. `2m` is refused with a
 * question, because `m` is minutes everywhere else and a notice of two minutes is not meant.
 */
export function readCalendar(
  text: string,
  unit: "days" | "months",
): { value: number } | { problem: string } | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const word = m[2].toLowerCase();
  if (word === "m" || DURATION_UNITS.has(word))
    return {
      problem: `\`${m[1]}${m[2]}\` could be minutes or months: write \`${m[1]}mo\` for months (or \`${m[1]}d\` for days).`,
    };
  const u = CALENDAR_UNITS.get(word);
  if (!u) return undefined;
  return { value: Math.round(Number(m[1]) * u[unit] * 1e6) / 1e6 };
}
