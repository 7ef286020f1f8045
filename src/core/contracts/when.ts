import { createRequire } from "node:module";
import type { Term } from "./contract.ts";
import { addDays, addMonths, type LocalDate, localParts, offsetMinutes, parseLocalDate } from "./zone.ts";

/**
 * chrono-node's English parsers, loaded on the first natural phrase: only contract commands read
 * dates, and the package's index loads all 16 languages (about 0.2 s); its English entry alone, 0.05 s.
 * Required, not imported, so the parsers here stay synchronous.
 */
let chronoEn: typeof import("chrono-node/en") | undefined;
const chrono = (): typeof import("chrono-node/en") => {
  chronoEn ??= createRequire(import.meta.url)("chrono-node/en") as typeof import("chrono-node/en");
  return chronoEn;
};

/** A date the user gave, read in their zone, with the time of day when they gave one. */
export interface When {
  date: LocalDate;
  time?: { hour: number; minute: number };
}

const ISO =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** An ISO date or date-time; with Z or an offset it is an instant, read back in `timeZone`. */
export function parseIsoWhen(text: string, timeZone: string): When | undefined {
  const m = ISO.exec(text.trim());
  if (!m?.[1]) return undefined;
  const date = parseLocalDate(m[1]);
  if (!date) return undefined;
  if (m[2] === undefined) return { date };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return undefined;
  if (!m[5]) return { date, time: { hour, minute } };
  const instant = new Date(text.trim().replace(" ", "T"));
  if (Number.isNaN(instant.getTime())) return undefined;
  const p = localParts(instant, timeZone);
  return { date: { year: p.year, month: p.month, day: p.day }, time: { hour: p.hour, minute: p.minute } };
}

/**
 * Natural phrases ("next Monday", "in 3 months", "tomorrow at 3pm") with chrono-node. chrono ignores
 * an IANA zone, so the zone's current offset is passed as minutes; the result is taken as wall-clock
 * parts (turned into an instant later with the offset of that day, so DST is right).
 * Returns the parsed date and how many characters of `text` it used (from the start).
 */
export function parseNaturalWhen(
  text: string,
  now: Date,
  timeZone: string,
): { when: When; length: number } | undefined {
  const trimmed = text.trimStart();
  const lead = text.length - trimmed.length;
  const results = chrono().casual.parse(
    trimmed,
    { instant: now, timezone: offsetMinutes(now, timeZone) },
    { forwardDate: true },
  );
  const first = results[0];
  if (first?.index !== 0) return undefined;
  const s = first.start;
  const year = s.get("year");
  const month = s.get("month");
  const day = s.get("day");
  if (year === null || month === null || day === null) return undefined;
  const when: When = { date: { year, month, day } };
  if (s.isCertain("hour")) when.time = { hour: s.get("hour") ?? 0, minute: s.get("minute") ?? 0 };
  return { when, length: lead + first.text.length };
}

/** A whole value as a date: ISO first, then a natural phrase that must use all of the text. */
export function parseWhen(text: string, now: Date, timeZone: string): When | undefined {
  const iso = parseIsoWhen(text, timeZone);
  if (iso) return iso;
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return undefined; // a malformed ISO date: never guess
  const natural = parseNaturalWhen(text, now, timeZone);
  if (!natural || text.slice(natural.length).trim() !== "") return undefined;
  return natural.when;
}

/**
 * The date at the start of a free text, and the rest: "in 2 weeks check the invoice" gives the date
 * in two weeks and "check the invoice". An ISO date may be followed by a time ("2027-03-01 14:00").
 */
export function splitLeadingWhen(
  text: string,
  now: Date,
  timeZone: string,
): { when: When; rest: string } | undefined {
  const t = text.trim();
  // A quoted date ("next Monday" check fees; Slack turns straight quotes into curly ones) is the whole date.
  const quoted = /^["“”']([^"“”']+)["“”'](?=\s|$)/.exec(t);
  if (quoted?.[1]) {
    const when = parseWhen(quoted[1], now, timeZone);
    return when ? { when, rest: t.slice(quoted[0].length).trim() } : undefined;
  }
  const iso = /^(\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?:Z|[+-]\d{2}:?\d{2})?)(?=\s|$)/.exec(t);
  if (iso?.[1]) {
    const when = parseIsoWhen(iso[1], timeZone);
    return when ? { when, rest: t.slice(iso[1].length).trim() } : undefined;
  }
  const natural = parseNaturalWhen(t, now, timeZone);
  return natural ? { when: natural.when, rest: t.slice(natural.length).trim() } : undefined;
}

const UNITS: Record<string, Term["unit"]> = {
  d: "d",
  day: "d",
  days: "d",
  w: "w",
  wk: "w",
  wks: "w",
  week: "w",
  weeks: "w",
  m: "m",
  mo: "m",
  mos: "m",
  month: "m",
  months: "m",
  y: "y",
  yr: "y",
  yrs: "y",
  year: "y",
  years: "y",
};

/** "60d", "8w", "3m" (months: a contract term is never in minutes), "1y", "90 days". */
export function parseTerm(text: string): Term | undefined {
  const m = /^(\d{1,4})\s*([a-z]+)$/i.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  const unit = UNITS[m[2].toLowerCase()];
  return unit ? { amount: Number(m[1]), unit } : undefined;
}

export const addTerm = (d: LocalDate, term: Term, sign: 1 | -1 = 1): LocalDate => {
  const n = term.amount * sign;
  switch (term.unit) {
    case "d":
      return addDays(d, n);
    case "w":
      return addDays(d, 7 * n);
    case "m":
      return addMonths(d, n);
    case "y":
      return addMonths(d, 12 * n);
  }
};

const UNIT_WORDS: Record<Term["unit"], [string, string]> = {
  d: ["day", "days"],
  w: ["week", "weeks"],
  m: ["month", "months"],
  y: ["year", "years"],
};

export const formatTerm = (t: Term): string => {
  const [one, many] = UNIT_WORDS[t.unit];
  return `${t.amount.toLocaleString("en-US")} ${t.amount === 1 ? one : many}`;
};

export interface ChannelRef {
  id: string;
  name?: string;
}

export type ChannelParse = { ok: true; channel: ChannelRef } | { ok: false; reason: "name" | "invalid" };

/**
 * A channel as Slack escapes a mention (`<#C123|cx-ops>`, `<#C123>`) or a channel id (C…, G…, D…).
 * A bare `#name` cannot be turned into an id without asking Slack, so it is refused with advice.
 */
export function parseChannel(text: string): ChannelParse {
  const t = text.trim();
  const mention = /^<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>$/.exec(t);
  if (mention?.[1]) {
    const name = mention[2]?.trim();
    return { ok: true, channel: name ? { id: mention[1], name } : { id: mention[1] } };
  }
  if (/^[CGD][A-Z0-9_]{2,}$/.test(t)) return { ok: true, channel: { id: t } };
  if (/^#[\w.-]+$/.test(t)) return { ok: false, reason: "name" };
  return { ok: false, reason: "invalid" };
}
