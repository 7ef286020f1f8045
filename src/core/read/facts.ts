import { synonyms } from "../advice/synonyms.ts";
import { type Prepared, prepare, typedSpan } from "./normalize.ts";
import { NUMBER_SOURCE, type NumberReading, readNumber } from "./numbers.ts";
import { polarity } from "./polarity.ts";
import { DURATION_UNIT_SOURCE, DURATION_UNITS, type Period, periodOf } from "./units.ts";

/**
 * The one reader of what people type: free text (or the free part of a command line) becomes typed
 * facts, each with the words it came from. Commands map these facts onto their own keys; none of them
 * reads numbers, periods or durations on its own.
 */

export interface Span {
  start: number;
  end: number;
  /** The user's own words. */
  words: string;
}

export type Channel = "calls" | "chats" | "emails" | "contacts" | "minutes";

export type DurationRole = "talk" | "aht" | "wrap" | "hold" | "answer" | "interval" | "callback" | "patience";
export type RateRole = "target" | "shrinkage" | "max-occupancy" | "growth";
export type MoneyPer = "minute" | "hour" | "call" | "month" | "year";

export type Fact =
  | {
      kind: "count";
      value: number;
      channel: Channel;
      /** The period written with this very count, or shared from a list ("800 emails and 1200 calls a month"). */
      period?: Period;
      intervalSeconds?: number;
      periodFrom: "own" | "shared" | "none";
      /** Two readings when the number's locale does not settle it (12.000 in English). */
      readings?: [number, number];
      span: Span;
    }
  | {
      kind: "duration";
      role?: DurationRole;
      seconds: number;
      /** A range typed as such ("4-5 minutes"): the value is its midpoint. */
      range?: [number, number];
      span: Span;
    }
  | {
      kind: "money";
      amount: number;
      currency?: string;
      per?: MoneyPer;
      range?: [number, number];
      span: Span;
    }
  | { kind: "rate"; role: RateRole; value?: number; problem?: string; span: Span }
  | {
      kind: "service-level";
      target: number;
      answerSeconds: number;
      /** "20/80": the target looks like it was written second. */
      reversed?: boolean;
      span: Span;
    }
  | {
      kind: "coverage";
      hoursPerDay?: number;
      daysPerWeek?: number;
      label: string;
      /** How an hour without am/pm was taken, when the reading had to choose ("7 to 11": until 23:00). */
      assumed?: string;
      span: Span;
    }
  | { kind: "billing"; firstSeconds: number; thenSeconds: number; span: Span }
  | { kind: "language"; code: string; needed: boolean; because?: string; span: Span };

export interface Reading {
  facts: Fact[];
  /** Words not used, in the user's words, as phrases. */
  ignored: string[];
  /** Ignored phrases that look like facts (they hold a number): a strict command refuses them. */
  unread: string[];
  corrected: Prepared["corrected"];
  prepared: Prepared;
}

export interface ReadOptions {
  locale?: string;
}

const NUM = `(?:${NUMBER_SOURCE})`;
const MULT = "(?:k|thousand|million|mln|mm)";
const UNIT = `(?:${DURATION_UNIT_SOURCE})`;

const CHANNEL_WORDS =
  "phone calls|calls|call|chats|chat|e-mails|emails|email|mails|tickets|ticket|contacts|contact|messages|conversations|interactions|inquiries|enquiries|requests|minutes|mins";
const channelOf = (word: string): Channel =>
  /^(?:phone calls|calls?)$/.test(word)
    ? "calls"
    : /^chats?$/.test(word)
      ? "chats"
      : /mails?$/.test(word)
        ? "emails"
        : /^min/.test(word)
          ? "minutes"
          : "contacts";

const CURRENCY_CODES = "usd|eur|gbp|ron|mxn|cad|aud|inr|php|chf|pln|brl|cop|zar";
const SYMBOLS = new Map([
  ["$", "USD"],
  ["us$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["₹", "INR"],
  ["₱", "PHP"],
]);
const CURRENCY_WORDS = new Map([
  ["dollar", "USD"],
  ["dollars", "USD"],
  ["bucks", "USD"],
  ["euro", "EUR"],
  ["euros", "EUR"],
  ["pound", "GBP"],
  ["pounds", "GBP"],
  ["lei", "RON"],
]);

const PER_WORDS = new Map<string, MoneyPer>([
  ["min", "minute"],
  ["mins", "minute"],
  ["minute", "minute"],
  ["m", "minute"],
  ["hour", "hour"],
  ["hr", "hour"],
  ["h", "hour"],
  ["agent-hour", "hour"],
  ["agent hour", "hour"],
  ["call", "call"],
  ["contact", "call"],
  ["month", "month"],
  ["mo", "month"],
  ["year", "year"],
]);

const DAY_NAMES = new Map([
  ["mon", 1],
  ["monday", 1],
  ["tue", 2],
  ["tues", 2],
  ["tuesday", 2],
  ["wed", 3],
  ["wednesday", 3],
  ["thu", 4],
  ["thur", 4],
  ["thurs", 4],
  ["thursday", 4],
  ["fri", 5],
  ["friday", 5],
  ["sat", 6],
  ["saturday", 6],
  ["sun", 7],
  ["sunday", 7],
]);
const DAY = [...DAY_NAMES.keys()].sort((a, b) => b.length - a.length).join("|");

/** Words that carry nothing and are never listed as "not used". */
const FILLERS = new Set(
  (
    "a an the and or but with we our us i my me you your is are be been was were it its it's this that " +
    "of on in at to for from by about around roughly approximately approx ~ some per each every " +
    "have has had get gets getting got receive take takes taking handle handles do does need needs want " +
    "would like please what how much many cost costs price estimate staffing team our's also just " +
    "so then there their they them usually typically normally mostly maybe currently today now " +
    "+ & - / : = , . ; ! ? ( ) [ ] ' \" give tell me can could should will"
  ).split(" "),
);

class Claims {
  private readonly used: boolean[];
  constructor(length: number) {
    this.used = new Array(length).fill(false);
  }
  free(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.used[i]) return false;
    return true;
  }
  claim(start: number, end: number): void {
    for (let i = start; i < end; i++) this.used[i] = true;
  }
  isUsed(i: number): boolean {
    return this.used[i] ?? false;
  }
}

interface Ctx {
  p: Prepared;
  t: string;
  claims: Claims;
  facts: Fact[];
  locale: string | undefined;
}

const span = (c: Ctx, start: number, end: number): Span => ({
  start,
  end,
  words: typedSpan(c.p, start, end),
});

/** Every match of `re` (global) whose span is still free, claimed as it is taken. */
function each(c: Ctx, re: RegExp, take: (m: RegExpExecArray, start: number, end: number) => unknown): void {
  for (const m of c.t.matchAll(re)) {
    const start = (m.index ?? 0) + (m[0].length - m[0].trimStart().length);
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    if (!c.claims.free(start, end)) continue;
    if (take(m as RegExpExecArray, start, end) !== false) c.claims.claim(start, end);
  }
}

const num = (c: Ctx, digits: string, mult?: string): NumberReading | undefined =>
  readNumber(`${digits}${mult ? ` ${mult}` : ""}`, c.locale);
const firstValue = (r: NumberReading): number => ("value" in r ? r.value : r.readings[0]);

// ---- money ----

function readMoney(c: Ctx): void {
  const per = String.raw`(?:\s*(?:\/|per|an?|each|every)\s*(agent[- ]hour|minute|min|mins|hour|hr|h|call|contact|month|mo|year|m)(?![a-z]))?`;
  const re = new RegExp(
    String.raw`(?<![\w.,])(?:(${CURRENCY_CODES})\s*)?(us\$|[$€£₹₱])?\s*(${NUM})\s*(k)?(?:\s*(?:-|to)\s*(?:us\$|[$€£₹₱])?\s*(${NUM})(?:\s*k)?)?\s*(${CURRENCY_CODES}|dollars?|bucks|euros?|pounds?|lei)?(?![a-z])${per}`,
    "g",
  );
  each(c, re, (m, start) => {
    const code = m[1] ?? m[6];
    const symbol = m[2];
    const unit = m[7];
    // A currency-less number is money only after a price word and with a unit: "rate 0.85/min".
    const priceMatch =
      /(?:rate|price|pricing|charge|charges|cost|costs|pay|paying|quoted|quote|at)\s*(?:of|is|:|=)?\s*$/.exec(
        c.t.slice(Math.max(0, start - 14), start),
      );
    const priceWord = priceMatch !== null;
    if (!code && !symbol && !(priceWord && unit && /min|hour|hr|^h$|call/.test(unit))) return false;
    const currency = symbol
      ? SYMBOLS.get(symbol)
      : code
        ? (CURRENCY_WORDS.get(code) ?? code.toUpperCase())
        : undefined;
    const low = num(c, m[3] ?? "", m[4] ? "k" : undefined);
    if (!low) return false;
    const high = m[5] ? num(c, m[5]) : undefined;
    const a = firstValue(low);
    const b = high ? firstValue(high) : undefined;
    const perUnit = unit ? (PER_WORDS.get(unit.replace(/s$/, "")) ?? PER_WORDS.get(unit)) : undefined;
    // "rate $0.85/min": the price word belongs to the fact.
    let from = start;
    if (priceMatch && !/^at\b/.test(priceMatch[0]) && c.claims.free(start - priceMatch[0].length, start)) {
      from = start - priceMatch[0].length;
      c.claims.claim(from, start);
    }
    c.facts.push({
      kind: "money",
      amount: b === undefined ? a : Math.round(((a + b) / 2) * 1e6) / 1e6,
      ...(currency ? { currency } : {}),
      ...(perUnit ? { per: perUnit } : {}),
      ...(b !== undefined ? { range: [a, b] as [number, number] } : {}),
      span: span(c, from, start + m[0].trimEnd().length - (m[0].length - m[0].trimStart().length)),
    });
  });
}

// ---- counts ----

const PERIOD_AFTER =
  /^\s*(?:(?:a|an|per|each|every|in\s+an?|in\s+the|on\s+an?(?:\s+(?:typical|normal|average|busy|good|regular))?|\/|a\s+single)\s*(business\s+day|working\s+day|work\s+day|weekday|day|night|week|wk|month|mo|mth|year|yr|hour|hr|h)s?|(daily|nightly|weekly|monthly|yearly|annually|hourly))(?![a-z])/;
const INTERVAL_AFTER =
  /^\s*(?:in|per|every|each|an?|\/|in\s+an?|over|within)\s*(?:(\d+)\s*(?:-\s*)?(minutes?|mins?|m)(?![a-z])|(half[- ]hour|quarter[- ]hour|half an hour)(?![a-z]))/;

function readCounts(c: Ctx): void {
  const found: Array<Extract<Fact, { kind: "count" }>> = [];
  const re = new RegExp(
    String.raw`(?<![\w.,$€£])(${NUM})\s*(${MULT}|m)?\+?\s*(?:(monthly|weekly|daily|yearly|annual|hourly)\s+)?(?:(?:inbound|outbound|incoming|support|customer|phone|voice|service|new|total|more|extra|of)\s+){0,2}(?:(?:talk|call|phone)\s+)?(${CHANNEL_WORDS})(?![a-z])`,
    "g",
  );
  each(c, re, (m, start, end0) => {
    const channel = channelOf(m[4] ?? "");
    let end = end0;
    const after = c.t.slice(end);
    const own = PERIOD_AFTER.exec(after);
    const interval = own ? null : INTERVAL_AFTER.exec(after);
    // "2 minutes each" is a duration; a volume in minutes always has its period ("30,000 minutes a month").
    if (channel === "minutes" && !own && !m[3]) return false;
    if (m[2] === "m" && channel === "minutes") return false;
    const reading = num(c, m[1] ?? "", m[2] === "m" ? "million" : m[2]);
    if (!reading) return false;
    let period: Period | undefined = m[3] ? periodOf(m[3]) : undefined;
    let intervalSeconds: number | undefined;
    if (own && !period) {
      const word = (own[1] ?? own[2] ?? "").replace(/\s+/g, " ");
      period = /day|night/.test(word) ? "day" : periodOf(word);
      end += own[0].length;
    } else if (interval) {
      intervalSeconds = interval[1]
        ? Number(interval[1]) * 60
        : /quarter/.test(interval[3] ?? "")
          ? 900
          : 1800;
      end += interval[0].length;
    } else if (own) end += own[0].length;
    const fact: Extract<Fact, { kind: "count" }> = {
      kind: "count",
      value: firstValue(reading),
      channel,
      ...(period ? { period } : {}),
      ...(intervalSeconds ? { intervalSeconds } : {}),
      periodFrom: period || intervalSeconds ? "own" : "none",
      ...("readings" in reading ? { readings: reading.readings } : {}),
      span: span(c, start, end),
    };
    c.claims.claim(start, end);
    found.push(fact);
  });
  // Key first: "volume: 12000/month", "calls per day 300", "monthly volume 12k".
  const keyFirst = new RegExp(
    String.raw`(?<![a-z])(?:(monthly|daily|weekly)\s+)?(volume|calls|chats|emails|contacts|tickets)(?:\s+(?:per|a|\/)\s*(day|week|month|year))?\s*(?::|=|is|of|at|around|about|~)?\s*(${NUM})\s*(${MULT})?(?![\d]|[.,]\d)(?:\s*(?:\/|per|a)\s*(day|week|month|mo|year))?(?![a-z])`,
    "g",
  );
  each(c, keyFirst, (m, start, end) => {
    const reading = num(c, m[4] ?? "", m[5]);
    if (!reading) return false;
    const period = periodOf(m[1] ?? m[3] ?? m[6]);
    found.push({
      kind: "count",
      value: firstValue(reading),
      channel: m[2] === "volume" ? "contacts" : channelOf(m[2] ?? ""),
      ...(period ? { period } : {}),
      periodFrom: period ? "own" : "none",
      ...("readings" in reading ? { readings: reading.readings } : {}),
      span: span(c, start, end),
    });
  });
  found.sort((a, b) => a.span.start - b.span.start);
  // A period written once for a list of counts belongs to each: "800 emails and 1200 calls a month".
  for (let i = found.length - 2; i >= 0; i--) {
    const a = found[i];
    const b = found[i + 1];
    if (!a || !b || a.periodFrom !== "none" || b.periodFrom === "none") continue;
    const between = c.t.slice(a.span.end, b.span.start);
    if (!/^\s*(?:,|and|&|\+|plus|,\s*and|as well as)\s*$/.test(between)) continue;
    if (b.period) a.period = b.period;
    if (b.intervalSeconds) a.intervalSeconds = b.intervalSeconds;
    a.periodFrom = "shared";
  }
  c.facts.push(...found);
}

// ---- service levels, billing, coverage ----

const pctValue = (n: number): number => Math.round(n * 1e4) / 1e6;

function readRatios(c: Ctx): void {
  // "80% in 20s", "80% of calls answered within 20 seconds", "90% in 30s".
  const sl = new RegExp(
    String.raw`(?:(?:sl|service[- ]level)\s*(?:of|:|=|is)?\s*)?(${NUM})\s*(?:%|percent)\s*(?:of\s+(?:the\s+)?(?:calls|contacts|chats|them)\s+)?(?:(?:answered|picked up|responded to)\s+)?(?:in|within|under|inside)\s+(${NUM})\s*(${UNIT})(?![a-z])`,
    "g",
  );
  each(c, sl, (m, start, end) => {
    const target = num(c, m[1] ?? "");
    const answer = num(c, m[2] ?? "");
    const unit = DURATION_UNITS.get(m[3] ?? "") ?? 1;
    if (!target || !answer) return false;
    c.facts.push({
      kind: "service-level",
      target: pctValue(firstValue(target)),
      answerSeconds: firstValue(answer) * unit,
      span: span(c, start, end),
    });
  });
  // a/b: 24/7 is coverage, 30/6 billing, 80/20 a service level.
  const ratio =
    /(?<![\d/.,])(?:(sl|service[- ]level|billing|billed|increments?)\s*(?:of|:|=|is|at)?\s*)?(\d{1,3})\s*\/\s*(\d{1,3})(?:\s*\/\s*365)?(?![\d/]|[.,]\d)(?:\s*(s|sec|seconds)(?![a-z]))?(?:\s+(billing|billed|increments?|rounding|service level|sl|coverage|support|hours))?/g;
  each(c, ratio, (m, start, end) => {
    const a = Number(m[2]);
    const b = Number(m[3]);
    const before = `${m[1] ?? ""} ${c.t.slice(Math.max(0, start - 24), start)}`;
    const after = m[5] ?? "";
    const billingWord = /bill|increment|rounding/.test(`${before} ${after}`);
    const slWord = /sl|service/.test(`${m[1] ?? ""} ${after}`);
    if (a === 24 && b >= 1 && b <= 7 && !billingWord && !slWord) {
      c.facts.push({
        kind: "coverage",
        hoursPerDay: 24,
        daysPerWeek: b,
        label: b === 7 ? "24/7" : `24x${b}`,
        span: span(c, coverageLead(c, start), end),
      });
      return;
    }
    const billingShape = [1, 6, 10, 15, 30, 60].includes(a) && [1, 6, 10, 15, 30, 60].includes(b) && a >= b;
    // 30/6 and 60/60 are the industry's billing notation; a service level names a target above its seconds.
    if (billingWord || (!slWord && billingShape && (a < 50 || a === b))) {
      c.facts.push({ kind: "billing", firstSeconds: a, thenSeconds: b, span: span(c, start, end) });
      return;
    }
    if (a > 100) return false;
    c.facts.push({
      kind: "service-level",
      target: pctValue(a),
      answerSeconds: b,
      ...(a < 50 && b >= 50 && b <= 100 ? { reversed: true } : {}),
      span: span(c, start, end),
    });
  });
}

function readBilling(c: Ctx): void {
  const push = (first: number, start: number, end: number): void => {
    c.facts.push({ kind: "billing", firstSeconds: first, thenSeconds: first, span: span(c, start, end) });
  };
  each(
    c,
    /(?:(?:billed|billing|charged|rounded)\s+(?:up\s+)?)(?:per[- ]?|by\s+the\s+|to\s+the\s+(?:next\s+)?|in\s+)(second|minute)s?(?:\s+(?:billing|increments?))?(?![a-z])|(?:per[- ]?)(second|minute)\s+(?:billing|increments?)(?![a-z])/g,
    (m, start, end) => push((m[1] ?? m[2]) === "second" ? 1 : 60, start, end),
  );
  each(
    c,
    new RegExp(
      String.raw`(${NUM})[-\s]?(${UNIT})\s+(?:billing|increments?|rounding)(?![a-z])|(?:billing|billed|increments?|billing increment)\s*(?:of|:|=|is|at|in)?\s*(${NUM})\s*-?\s*(${UNIT})(?:\s+increments?)?(?![a-z])`,
      "g",
    ),
    (m, start, end) => {
      const n = Number(m[1] ?? m[3]);
      const unit = DURATION_UNITS.get(m[2] ?? m[4] ?? "") ?? 1;
      if (!(n > 0)) return false;
      push(n * unit, start, end);
    },
  );
}

/** "open 8-6", "hours: 24/7", "coverage 12x6": the word that names the fact is part of it. */
function coverageLead(c: Ctx, start: number): number {
  const lead =
    /(?:(?:we(?:'re| are)\s+)?open(?:ed)?|opening hours|hours|coverage|schedule)\s*(?:is|are|:|=)?\s*$/.exec(
      c.t.slice(Math.max(0, start - 24), start),
    );
  if (!lead || !c.claims.free(start - lead[0].length, start)) return start;
  c.claims.claim(start - lead[0].length, start);
  return start - lead[0].length;
}

function readCoverage(c: Ctx): void {
  const parts: Array<{
    hours?: number;
    days?: number;
    label: string;
    start: number;
    end: number;
    assumed?: string;
  }> = [];
  each(
    c,
    /(?<![\d/])(?:24\s*[x-]\s*7(?:\s*[/x]\s*365)?|7\s*x\s*24|(?:a|all)?\s*round[- ]the[- ]clock|around[- ]the[- ]clock|24\s*hours\s*a\s*day,?\s*(?:7|seven)\s*days\s*a\s*week|always\s+open|day\s+and\s+night)(?![\d])/g,
    (_m, start, end) => {
      parts.push({ hours: 24, days: 7, label: "24/7", start, end });
    },
  );
  each(c, /(?<![\d/.,])(\d{1,2}(?:\.\d)?)\s*h?\s*x\s*([1-7])\s*d?(?![\d/a-z])/g, (m, start, end) => {
    const h = Number(m[1]);
    const d = Number(m[2]);
    if (!(h > 0 && h <= 24)) return false;
    parts.push({ hours: h, days: d, label: h === 24 && d === 7 ? "24/7" : `${h}x${d}`, start, end });
  });
  each(c, /(?:normal\s+)?(?:business|office|working)\s+hours(?![a-z])/g, (_m, start, end) => {
    parts.push({ hours: 9, days: 5, label: "business", start, end });
  });
  each(c, /(?<![\d.,])(\d{1,2})\s*(?:hours?|hrs?|h)\s*(?:a|per|\/)\s*day(?![a-z])/g, (m, start, end) => {
    const h = Number(m[1]);
    if (!(h > 0 && h <= 24)) return false;
    parts.push({ hours: h, label: `${h} h a day`, start, end });
  });
  // Clock ranges: "8-6", "9 to 5", "8am-8pm", "9:00-17:30", "from 8 until 6".
  const AMPM = "(am|pm|a\\.m\\.|p\\.m\\.)";
  const clock = new RegExp(
    String.raw`(?<![\d.,/:])(?:from\s+)?(\d{1,2})(?::([0-5]\d))?\s*${AMPM}?\s*(-|to|until|till|through|thru)\s*(\d{1,2})(?::([0-5]\d))?\s*${AMPM}?(?![\d:%/]|\s*(?:${UNIT}|%|percent|calls|chats|emails)(?![a-z]))`,
    "g",
  );
  each(c, clock, (m, start, end) => {
    let from = Number(m[1]) + Number(m[2] ?? 0) / 60;
    let to = Number(m[5]) + Number(m[6] ?? 0) / 60;
    const ampm = m[3] || m[7];
    const before = c.t.slice(Math.max(0, start - 30), start);
    const after = c.t.slice(end, end + 30);
    const context =
      ampm ||
      m[2] ||
      m[6] ||
      /(?:open|opened|opening|hours|coverage|cover|covered|staffed|available|work|working|support|daily|weekdays|operate|operating|run|running|answer|answering|lines|phones|between)\s*(?:are|is|from|:)?\s*(?:\w+\s+)?$/.test(
        before,
      ) ||
      new RegExp(String.raw`(?:${DAY}|weekdays|weekends)\s*,?\s*(?:from\s+)?$`).test(before) ||
      new RegExp(
        String.raw`^\s*,?\s*(?:daily|weekdays|on weekdays|every day|${DAY}|7 days|\d days|a day|weekends)`,
      ).test(after) ||
      (m[1] === "9" && m[5] === "5" && m[4] === "to");
    if (!context) return false;
    if (/^p/.test(m[3] ?? "") && from < 12) from += 12;
    if (/^p/.test(m[7] ?? "") && to < 12) to += 12;
    // 12am at the end of a day is midnight.
    if (/^a/.test(m[7] ?? "") && to === 12) to = 24;
    let assumed: string | undefined;
    if (!m[7] && to <= from) to += 12;
    else if (!ampm && to <= 12 && to - from < 6) {
      // "7 to 11" open four hours is rarely meant: read as until 23:00, and say so.
      to += 12;
      assumed = `“${typedSpan(c.p, start, end)}” read as ${from}:00 to ${to}:00; write ${m[1]}am-${m[5]}am if you meant the morning`;
    }
    const hours = Math.round((to - from) * 100) / 100;
    if (!(hours > 0 && hours <= 24)) return false;
    parts.push({ hours, label: typedSpan(c.p, start, end), start, end, ...(assumed ? { assumed } : {}) });
  });
  // Days: "Monday to Saturday", "Mon-Fri", "weekdays", "7 days a week", "daily", "weekends too".
  each(
    c,
    new RegExp(String.raw`(?<![a-z])(${DAY})\s*(?:-|to|through|thru|till|until)\s*(${DAY})(?![a-z])`, "g"),
    (m, start, end) => {
      const a = DAY_NAMES.get(m[1] ?? "") ?? 1;
      const b = DAY_NAMES.get(m[2] ?? "") ?? 5;
      parts.push({ days: b >= a ? b - a + 1 : 7 - a + b + 1, label: "", start, end });
    },
  );
  each(
    c,
    /(?<![a-z])(?:(?:on\s+)?(?:weekdays|week\s+days|workdays|working\s+days|business\s+days)(?:\s+only)?|(?:7|seven)\s+days(?:\s+a\s+week)?|every\s+day|daily|all\s+week|(?:and|incl(?:uding|\.)?|plus)\s+weekends|weekends\s+(?:too|included|as\s+well)|([1-7]|five|six)\s*(?:-\s*)?days?\s*(?:a|per|\/)\s*week|([1-7])-day\s+week)(?![a-z])/g,
    (m, start, end) => {
      const w = m[0];
      const n = m[1] ?? m[2];
      const days = n
        ? n === "five"
          ? 5
          : n === "six"
            ? 6
            : Number(n)
        : /week\s*days|workdays|working|business/.test(w)
          ? 5
          : 7;
      parts.push({ days, label: "", start, end });
    },
  );
  if (parts.length === 0) return;
  parts.sort((a, b) => a.start - b.start);
  const hours = parts.find((p) => p.hours !== undefined);
  const days = parts.find((p) => p.days !== undefined && p !== hours) ?? (hours?.days ? hours : undefined);
  const used = parts.filter((p) => p === hours || p === days);
  const start = coverageLead(c, Math.min(...used.map((p) => p.start)));
  const end = Math.max(...used.map((p) => p.end));
  const h = hours?.hours;
  const d = days?.days ?? hours?.days;
  c.facts.push({
    kind: "coverage",
    ...(h !== undefined ? { hoursPerDay: h } : {}),
    ...(d !== undefined ? { daysPerWeek: d } : {}),
    ...(hours?.assumed ? { assumed: hours.assumed } : {}),
    label:
      h === 24 && d === 7
        ? "24/7"
        : hours?.label === "business" && (!days || days === hours)
          ? "business"
          : `${h ?? "?"}x${d ?? "?"}`,
    span: { start, end, words: used.map((p) => typedSpan(c.p, p.start, p.end)).join(" … ") },
  });
}

// ---- durations ----

interface RoleHit {
  role: DurationRole;
  start: number;
  end: number;
}

/** The role of a duration from the words around it: "AHT 6 min", "6 min talk", "calls last 4 min". */
function roleOf(c: Ctx, start: number, end: number): RoleHit | undefined {
  const before = c.t.slice(Math.max(0, start - 40), start);
  const after = c.t.slice(end, end + 40);
  const tests: Array<[DurationRole, RegExp, RegExp]> = [
    [
      "aht",
      /(?:aht|average handle time|average handling time|handle time|handling time|handle)\s*(?:time)?\s*(?:is|of|:|=|at|around|about|~|roughly)?\s*$/,
      /^\s*(?:aht|handle time|handling time)(?![a-z])/,
    ],
    [
      "wrap",
      /(?:wrap[- ]?up|wrap|acw|after[- ]call work|after[- ]call|notes)\s*(?:time)?\s*(?:is|of|:|=|at|around|about|~|takes?)?\s*$/,
      /^\s*(?:of\s+)?(?:wrap[- ]?up|wrap|acw|after[- ]call(?: work)?|notes|of notes)(?![a-z])/,
    ],
    [
      "hold",
      /(?:on hold|hold time|hold|holds)\s*(?:time)?\s*(?:is|of|:|=|at|around|about|~|for)?\s*$/,
      /^\s*(?:of\s+|on\s+)?hold(?![a-z])/,
    ],
    [
      "callback",
      /(?:call(?:ing)?\s+(?:\w+\s+)?back|callbacks?|call-backs?|get back to \w+|return(?:ing)? calls)\s*(?:\w+\s+){0,3}?(?:in|within|after|up to|about|around|over)?\s*$/,
      /^\s*to\s+(?:call|get|ring)\s+(?:\w+\s+)?back/,
    ],
    [
      // How long callers wait before hanging up (Erlang A): "patience 60s", "hang up after 1 min".
      "patience",
      /(?:patience|average patience|(?:hangs?|hang) up after|abandons? after|give(?:s)? up after|abandon(?:ment)? time)\s*(?:time)?\s*(?:is|of|:|=|at|around|about|~)?\s*$/,
      /^\s*(?:of\s+)?patience(?![a-z])/,
    ],
    [
      "answer",
      /(?:answer(?:ed)?|answer time|pick(?:ed)? up|respond(?:ed)?|response time|asa|wait(?:ing)?(?: time)?|queue(?: time)?)\s*(?:time)?\s*(?:is|of|:|=|in|within|under|at|around|about|~)?\s*$|(?:within|under)\s+$/,
      /^\s*(?:to answer|answer time|asa|wait)(?![a-z])/,
    ],
    [
      "interval",
      /(?:interval|intervals|every|per)\s*(?:of|:|=|is)?\s*$/,
      /^\s*(?:interval|intervals|slots?)(?![a-z])/,
    ],
    [
      "talk",
      /(?:talk(?:\s+time)?|talktime|average call|average|avg\.?|call length|call duration|(?:calls?|e-?mails?|tickets?)(?:\s+(?:last|lasts|take|takes|are|is|run|of|length|duration))?(?:\s+(?:about|around|roughly|on average|typically|usually))?|conversations?(?:\s+(?:last|take|of))?|chats?(?:\s+(?:last|take))?|at)\s*(?:time)?\s*(?:is|of|:|=|around|about|~|roughly)?\s*$/,
      /^\s*(?:each|on average|average|avg|long|per call|a call|per contact|calls|call|conversations|of talk|talk(?:\s+time)?|talking|on the phone)(?![a-z])/,
    ],
  ];
  for (const [role, b, a] of tests) {
    const mb = b.exec(before);
    if (mb && mb[0].trim() !== "") return { role, start: start - mb[0].length, end: start };
    const ma = a.exec(after);
    if (ma) return { role, start: end, end: end + ma[0].length };
  }
  return undefined;
}

function readDurations(c: Ctx): void {
  const re = new RegExp(
    String.raw`(?<![\w.,/])(${NUM})(?:\s*(?:-|to)\s*(${NUM}))?\s*(?:-\s*)?(${UNIT})(?![a-z])(?:\s*(?:and\s+)?(${NUM})\s*(${UNIT})(?![a-z]))?|(?<![\w.,/:])(\d{1,2}):([0-5]\d)(?![\d:])(?:\s*(?:min|mins|minutes)(?![a-z]))?`,
    "g",
  );
  each(c, re, (m, start, end) => {
    let seconds: number;
    let range: [number, number] | undefined;
    if (m[6] !== undefined) {
      seconds = Number(m[6]) * 60 + Number(m[7]);
    } else {
      const unit = DURATION_UNITS.get(m[3] ?? "") ?? 1;
      const a = num(c, m[1] ?? "");
      if (!a) return false;
      const low = firstValue(a) * unit;
      if (m[2] !== undefined) {
        const b = num(c, m[2]);
        if (!b) return false;
        const high = firstValue(b) * unit;
        range = [low, high];
        seconds = (low + high) / 2;
      } else seconds = low;
      if (m[4] !== undefined) seconds += Number(m[4]) * (DURATION_UNITS.get(m[5] ?? "") ?? 1);
    }
    const role = roleOf(c, start, end);
    if (m[6] !== undefined && !role) return false;
    let from = start;
    let to = end;
    if (role && c.claims.free(Math.min(role.start, start), Math.max(role.end, end))) {
      from = Math.min(role.start, start);
      to = Math.max(role.end, end);
      // The role's words belong to the fact, without the filler at their edges.
      while (from < start && /\s/.test(c.t[from] ?? "")) from++;
      c.claims.claim(from, to);
    }
    c.facts.push({
      kind: "duration",
      ...(role ? { role: role.role } : {}),
      seconds: Math.round(seconds * 1000) / 1000,
      ...(range ? { range } : {}),
      span: span(c, from, to),
    });
  });
}

// ---- rates ----

/** A rate as typed: "80%" or "0.8" or "80"; "1.5" is neither a fraction nor clearly a percent. */
export function rateValue(
  digits: string,
  percentSign: boolean,
  locale?: string,
): { value: number } | { problem: string } {
  const r = readNumber(digits, locale);
  if (!r || !("value" in r)) return { problem: `\`${digits}\` is not a number I can read as a rate` };
  const n = r.value;
  if (percentSign) return { value: pctValue(n) };
  if (n <= 1) return { value: n };
  if (Number.isInteger(n) && n <= 100) return { value: pctValue(n) };
  if (n >= 10 && n <= 100) return { value: pctValue(n) };
  return {
    problem: `\`${digits}\` is above 1, so it is not a fraction; write a percentage such as \`${n}%\` or \`${Math.round(n * 10)}%\`, or a fraction between 0 and 1 such as \`0.${String(Math.round(n * 10)).padStart(2, "0")}\``,
  };
}

function readRates(c: Ctx): void {
  const ROLE =
    "shrinkage|shrink|max(?:imum)?[- ]occupancy|max[- ]occ|occupancy|sl target|service[- ]level target|target service level|service[- ]level|target|sl|growth";
  const roleOfWord = (w: string): RateRole =>
    /shrink/.test(w) ? "shrinkage" : /occ/.test(w) ? "max-occupancy" : /growth/.test(w) ? "growth" : "target";
  const push = (role: RateRole, digits: string, pct: boolean, start: number, end: number) => {
    const v = rateValue(digits, pct, c.locale);
    c.facts.push({
      kind: "rate",
      role,
      ...("value" in v ? { value: v.value } : { problem: v.problem }),
      span: span(c, start, end),
    });
  };
  each(
    c,
    new RegExp(
      String.raw`(?<![a-z])(${ROLE})\s*(?:of|is|at|:|=|around|about|~|to|under|below|max|maximum|of about)?\s*(${NUM})\s*(%|percent)?(?![\d]|[.,]\d|[a-z])`,
      "g",
    ),
    (m, start, end) => push(roleOfWord(m[1] ?? ""), m[2] ?? "", Boolean(m[3]), start, end),
  );
  each(
    c,
    new RegExp(String.raw`(?<![\w.,])(${NUM})\s*(%|percent)\s+(?:max(?:imum)?\s+)?(${ROLE})(?![a-z])`, "g"),
    (m, start, end) => push(roleOfWord(m[3] ?? ""), m[1] ?? "", true, start, end),
  );
  each(
    c,
    new RegExp(
      String.raw`(?:grow|growing|grew|expect|expecting|increase|increasing|up)(?:\s+(?:of|by|at|about|around|roughly|approximately|over|maybe))*\s+(${NUM})\s*(%|percent)(?:\s+(?:a|per|each|every)\s+year|\s+annually|\s+yearly|\s+year on year|\s+yoy)?(?![a-z])|(?<![\w.,])(${NUM})\s*(%|percent)\s+(?:growth|more|a year|per year|annually|yearly|year on year|each year)(?![a-z])`,
      "g",
    ),
    (m, start, end) => push("growth", m[1] ?? m[3] ?? "", true, start, end),
  );
}

// ---- languages ----

function readLanguages(c: Ctx): void {
  const names: Array<{ code: string; name: string }> = [];
  for (const [code, list] of Object.entries(synonyms().languages))
    for (const name of list) names.push({ code, name });
  names.sort((a, b) => b.name.length - a.name.length);
  for (const { code, name } of names) {
    const re = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
    each(c, re, (_m, start, end) => {
      const pol = polarity(c.t, start, end);
      c.facts.push({
        kind: "language",
        code,
        needed: pol.value,
        ...(pol.because ? { because: pol.because } : {}),
        span: span(c, start, end),
      });
    });
  }
}

// ---- words not used ----

function leftovers(c: Ctx): { ignored: string[]; unread: string[] } {
  const ignored: string[] = [];
  const unread: string[] = [];
  let run: Array<{ start: number; end: number }> = [];
  const flush = () => {
    if (run.length) {
      const first = run[0];
      const last = run[run.length - 1];
      if (first && last) {
        const words = typedSpan(c.p, first.start, last.end).replace(/^[,.;:!?()\s-]+|[,.;:!?()\s-]+$/g, "");
        if (words) {
          ignored.push(words);
          if (/\d/.test(words)) unread.push(words);
        }
      }
    }
    run = [];
  };
  for (const m of c.t.matchAll(/[^\s,;.!?()]+|[,;.!?()]/g)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    let used = false;
    for (let i = start; i < end; i++) if (c.claims.isUsed(i)) used = true;
    const word = m[0];
    if (used || /^[,;.!?()]$/.test(word)) {
      flush();
      continue;
    }
    if (FILLERS.has(word) && !/\d/.test(word)) {
      // A filler between two unused words stays inside the phrase; at its edges it is dropped.
      if (run.length) run.push({ start, end });
      continue;
    }
    run.push({ start, end });
  }
  flush();
  // Trim fillers at the end of phrases (they were pushed only inside runs).
  const trimmed = ignored
    .map((w) =>
      w
        .split(/\s+/)
        .filter((x, i, all) => !(i === all.length - 1 && FILLERS.has(x.toLowerCase())))
        .join(" "),
    )
    .filter((w) => w !== "" && !FILLERS.has(w.toLowerCase()));
  return { ignored: trimmed, unread };
}

/** Read text into facts. Never throws: what it cannot read is listed in `ignored`. */
export function readText(text: string, opts: ReadOptions = {}): Reading {
  const p = prepare(text);
  const c: Ctx = { p, t: p.text, claims: new Claims(p.text.length), facts: [], locale: opts.locale };
  readMoney(c);
  readCounts(c);
  readRatios(c);
  readBilling(c);
  readCoverage(c);
  readDurations(c);
  readRates(c);
  readLanguages(c);
  c.facts.sort((a, b) => a.span.start - b.span.start);
  const { ignored, unread } = leftovers(c);
  return { facts: c.facts, ignored, unread, corrected: p.corrected, prepared: p };
}

/** Facts of one kind. */
export const factsOf = <K extends Fact["kind"]>(r: Reading, kind: K): Array<Extract<Fact, { kind: K }>> =>
  r.facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);
