import { addDays, compareDates, type LocalDate, todayIn } from "./zone.ts";

/**
 * Dates written with numbers only ("01/02/2027", "1.2.27", "3/4"). Whether the day or the month comes
 * first depends on who wrote it: 1 February in London and Bucharest, 2 January in New York. chrono-node
 * reads them month-first whatever the locale, so they are read here, before chrono sees the text.
 */

export type DateOrder = "dmy" | "mdy";

/**
 * The order a locale writes numeric dates in, when it settles it: "mdy" for en-US, "dmy" for en-GB,
 * ro-RO and most others. Undefined when it does not: an unknown locale ("und"), English without a
 * region (both orders are English), or a locale that writes the year first (en-CA, ja-JP, sv-SE).
 */
export function dateOrderOf(locale: string): DateOrder | undefined {
  let tag: string;
  try {
    tag = Intl.getCanonicalLocales(locale)[0] ?? "";
  } catch {
    return undefined;
  }
  if (!tag || tag === "und" || tag === "en") return undefined;
  // Intl falls back to its default locale for tags it does not know: that would be a guess.
  if (Intl.DateTimeFormat.supportedLocalesOf([tag]).length === 0) return undefined;
  const order = new Intl.DateTimeFormat(tag, { year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(new Date(Date.UTC(2027, 0, 2)))
    .filter((p) => p.type === "year" || p.type === "month" || p.type === "day")
    .map((p) => p.type[0])
    .join("");
  return order === "dmy" ? "dmy" : order === "mdy" ? "mdy" : undefined;
}

export type NumericDate =
  /**
   * One reading (ISO-like year first, the locale settled it, or only one reading is a real date);
   * `byLocale` when the other order would have been a real date too, so the reply can say so.
   */
  | { kind: "date"; raw: string; date: LocalDate; byLocale?: DateOrder }
  /** Both readings are real dates and the locale does not say which: the user must choose. */
  | { kind: "ambiguous"; raw: string; readings: Record<DateOrder, LocalDate> }
  /** Looks like a date but is none in either order (13/13/2027). */
  | { kind: "invalid"; raw: string };

// d/m/y, d.m.y, d-m-y, with a 2- or 4-digit year or none; y/m/d with a 4-digit year.
const DAY_MONTH = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?=$|[\sT,;])/;
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?=$|[\sT,;])/;

const real = (year: number, month: number, day: number): LocalDate | undefined => {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = { year, month, day };
  const back = addDays(d, 0);
  return back.month === month && back.day === day ? d : undefined;
};

/** Without a year: the next time that day comes, today included (as chrono's forwardDate does). */
const upcoming = (month: number, day: number, today: LocalDate): LocalDate | undefined => {
  for (const year of [today.year, today.year + 1, today.year + 2, today.year + 3, today.year + 4]) {
    const d = real(year, month, day);
    if (d && compareDates(d, today) >= 0) return d;
  }
  return undefined;
};

/** Does the text start with a numeric date? Only the start: "check 1/2 of the calls" is a note. */
export function readNumericDate(
  text: string,
  opts: { now: Date; timeZone: string; locale: string },
): NumericDate | undefined {
  const t = text.trimStart();
  const ymd = YEAR_FIRST.exec(t);
  if (ymd?.[0]) {
    const date = real(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
    return date ? { kind: "date", raw: ymd[0], date } : { kind: "invalid", raw: ymd[0] };
  }
  const m = DAY_MONTH.exec(t);
  if (!m?.[0]) return undefined;
  const raw = m[0];
  const a = Number(m[1]);
  const b = Number(m[3]);
  const today = todayIn(opts.now, opts.timeZone);
  const yearText = m[4];
  const year =
    yearText === undefined ? undefined : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const read = (month: number, day: number) =>
    year === undefined ? upcoming(month, day, today) : real(year, month, day);
  const dmy = read(b, a);
  const mdy = read(a, b);
  if (!dmy && !mdy) return { kind: "invalid", raw };
  if (!dmy || !mdy || a === b) return { kind: "date", raw, date: (dmy ?? mdy) as LocalDate };
  const order = dateOrderOf(opts.locale);
  if (order) return { kind: "date", raw, date: order === "dmy" ? dmy : mdy, byLocale: order };
  return { kind: "ambiguous", raw, readings: { dmy, mdy } };
}
