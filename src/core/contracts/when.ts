import { createRequire } from "node:module";
import { UserInputError } from "../errors.ts";
import type { Term } from "./contract.ts";
import { type DateOrder, readNumericDate } from "./numeric-date.ts";
import {
  addDays,
  addMonths,
  formatDateHuman,
  formatLocalDate,
  type LocalDate,
  localParts,
  offsetMinutes,
  parseLocalDate,
} from "./zone.ts";

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
  /** `second` only when the time was given to the second (then 0 too). */
  time?: { hour: number; minute: number; second?: number };
  /** A numeric date the user's locale decided (01/02/2027 as day first): said in the reply. */
  readAs?: { raw: string; order: DateOrder; locale: string };
}

/** "01/02/2027 read as Mon 1 Feb 2027 (day first, as en-GB writes dates)". */
export const readAsNote = (w: When): string | undefined =>
  w.readAs
    ? `${w.readAs.raw} read as ${formatDateHuman(w.date)} (${w.readAs.order === "dmy" ? "day" : "month"} first, as ${w.readAs.locale} writes dates; write YYYY-MM-DD to be exact).`
    : undefined;

/** How a date is read: in the user's zone, numeric dates in the order of the user's locale. */
export interface ReadEnv {
  now: Date;
  timeZone: string;
  /** BCP 47 ("en-US", "ro-RO"); "und" when unknown, so a numeric date that could be two dates is asked. */
  locale: string;
}

/**
 * A numeric date that reads as two real dates (01/02/2027) when the user's locale does not say
 * which: never picked silently. The command turns it into a question with both readings.
 */
export class AmbiguousDateError extends UserInputError {
  constructor(
    readonly raw: string,
    readonly readings: Record<DateOrder, LocalDate>,
    locale: string,
  ) {
    super(
      `${raw} can be read two ways: ${formatDateHuman(readings.dmy)} (day first) or ${formatDateHuman(readings.mdy)} (month first). Which one did you mean?`,
      {
        details: [
          locale && locale !== "und"
            ? `Your language setting (${locale}) does not say which comes first.`
            : "I could not tell from your language setting which comes first.",
          `Write dates as YYYY-MM-DD and they are never in doubt: ${formatLocalDate(readings.dmy)} or ${formatLocalDate(readings.mdy)}.`,
        ],
      },
    );
    this.name = "AmbiguousDateError";
  }
}

const ISO =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** `second` is kept (0 included) when the time was given to the second, so precision is known. */
const withSecond = (hour: number, minute: number, second: number | undefined): NonNullable<When["time"]> =>
  second === undefined ? { hour, minute } : { hour, minute, second };

/**
 * An ISO date or date-time; with Z or an offset it is an instant, read back in `timeZone`. Seconds are
 * kept; a fraction of a second is dropped (reminders are planned to the second).
 */
export function parseIsoWhen(text: string, timeZone: string): When | undefined {
  const m = ISO.exec(text.trim());
  if (!m?.[1]) return undefined;
  const date = parseLocalDate(m[1]);
  if (!date) return undefined;
  if (m[2] === undefined) return { date };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? undefined : Number(m[4]);
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) return undefined;
  if (!m[5]) return { date, time: withSecond(hour, minute, second) };
  const instant = new Date(text.trim().replace(" ", "T").replace(",", "."));
  if (Number.isNaN(instant.getTime())) return undefined;
  const p = localParts(instant, timeZone);
  return {
    date: { year: p.year, month: p.month, day: p.day },
    time: withSecond(p.hour, p.minute, second === undefined ? undefined : p.second),
  };
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
  if (s.isCertain("hour"))
    when.time = withSecond(
      s.get("hour") ?? 0,
      s.get("minute") ?? 0,
      s.isCertain("second") ? (s.get("second") ?? 0) : undefined,
    );
  return { when, length: lead + first.text.length };
}

/**
 * A numeric date at the start of the text, spelled as ISO so the readers below never see it in a form
 * chrono would read month-first. Throws AmbiguousDateError when it could be two dates.
 */
function spellNumericDate(text: string, env: ReadEnv): { text: string; readAs?: When["readAs"] } | undefined {
  const lead = text.length - text.trimStart().length;
  const n = readNumericDate(text, env);
  if (!n) return { text };
  if (n.kind === "invalid") return undefined;
  if (n.kind === "ambiguous") throw new AmbiguousDateError(n.raw, n.readings, env.locale);
  const spelled = formatLocalDate(n.date) + text.slice(lead + n.raw.length);
  return n.byLocale
    ? { text: spelled, readAs: { raw: n.raw, order: n.byLocale, locale: env.locale } }
    : { text: spelled };
}

const noting = (when: When | undefined, readAs: When["readAs"]): When | undefined =>
  when && readAs ? { ...when, readAs } : when;

/** A whole value as a date: ISO first, then a natural phrase that must use all of the text. */
export function parseWhen(raw: string, env: ReadEnv): When | undefined {
  const spelled = spellNumericDate(raw.trim(), env);
  if (spelled === undefined) return undefined;
  const { text, readAs } = spelled;
  const iso = parseIsoWhen(text, env.timeZone);
  if (iso) return noting(iso, readAs);
  // A malformed ISO date is never guessed at; a valid one may be followed by words ("at 3pm").
  const isoDate = /^(\d{4}-\d{2}-\d{2})([\s\S]*)$/.exec(text.trim());
  if (isoDate && (!parseLocalDate(isoDate[1] ?? "") || !/^\s+\D/.test(isoDate[2] ?? ""))) return undefined;
  const natural = parseNaturalWhen(text, env.now, env.timeZone);
  if (!natural || text.slice(natural.length).trim() !== "") return undefined;
  return noting(natural.when, readAs);
}

const ISO_LEAD =
  /^(\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)(?=\s|$)/i;

/**
 * The date at the start of a free text, and the rest: "in 2 weeks check the invoice" gives the date
 * in two weeks and "check the invoice". An ISO date may be followed by a time ("2027-03-01 14:00").
 * A numeric date is read in the order of the user's locale (AmbiguousDateError when that is unknown).
 */
export function splitLeadingWhen(text: string, env: ReadEnv): { when: When; rest: string } | undefined {
  const { now, timeZone } = env;
  const typed = text.trim();
  // A quoted date ("next Monday" check fees; Slack turns straight quotes into curly ones) is the whole date.
  const quoted = /^["“”']([^"“”']+)["“”'](?=\s|$)/.exec(typed);
  if (quoted?.[1]) {
    const when = parseWhen(quoted[1], env);
    return when ? { when, rest: typed.slice(quoted[0].length).trim() } : undefined;
  }
  const spelled = spellNumericDate(typed, env);
  if (spelled === undefined) return undefined;
  const { text: t, readAs } = spelled;
  const iso = ISO_LEAD.exec(t);
  if (iso?.[1]) {
    const when = noting(parseIsoWhen(iso[1], timeZone), readAs);
    return when ? { when, rest: t.slice(iso[1].length).trim() } : undefined;
  }
  const natural = parseNaturalWhen(t, now, timeZone);
  const when = noting(natural?.when, readAs);
  return natural && when ? { when, rest: t.slice(natural.length).trim() } : undefined;
}

const UNITS = new Map<string, Term["unit"]>([
  ["d", "d"],
  ["day", "d"],
  ["days", "d"],
  ["w", "w"],
  ["wk", "w"],
  ["wks", "w"],
  ["week", "w"],
  ["weeks", "w"],
  ["mo", "m"],
  ["mos", "m"],
  ["mth", "m"],
  ["mths", "m"],
  ["month", "m"],
  ["months", "m"],
  ["y", "y"],
  ["yr", "y"],
  ["yrs", "y"],
  ["year", "y"],
  ["years", "y"],
]);

/** In this product m and min are minutes everywhere; a contract period in minutes means a typo. */
const MINUTE_UNITS = new Set(["m", "min", "mins", "minute", "minutes"]);

export type TermParse = { ok: true; term: Term } | { ok: false; reason: "unreadable" | "minutes" };

/**
 * "60d", "8w", "3mo", "1y", "90 days". "2m" is refused, not guessed: m is minutes in every other
 * command (talk=5m), so here it could be a slip for months or for something else.
 */
export function readTerm(text: string): TermParse {
  const m = /^(\d{1,4})\s*([a-z]+)$/i.exec(text.trim());
  if (!m?.[1] || !m[2]) return { ok: false, reason: "unreadable" };
  const word = m[2].toLowerCase();
  if (MINUTE_UNITS.has(word)) return { ok: false, reason: "minutes" };
  const unit = UNITS.get(word);
  return unit ? { ok: true, term: { amount: Number(m[1]), unit } } : { ok: false, reason: "unreadable" };
}

export function parseTerm(text: string): Term | undefined {
  const r = readTerm(text);
  return r.ok ? r.term : undefined;
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

/** One formatter, not one per call as Number#toLocaleString makes (each about 0.1 ms). */
let termNumbers: Intl.NumberFormat | undefined;

export const formatTerm = (t: Term): string => {
  const [one, many] = UNIT_WORDS[t.unit];
  termNumbers ??= new Intl.NumberFormat("en-US");
  return `${termNumbers.format(t.amount)} ${t.amount === 1 ? one : many}`;
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
