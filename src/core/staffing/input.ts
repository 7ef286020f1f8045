import { ReadingQuestion, UserInputError } from "../errors.ts";
import { numberLocale } from "../format/number.ts";
import { tokenize } from "../parse/kv.ts";
import { parseCount, parseDuration, parseNumber, parseYesNo } from "../parse/units.ts";
import { type Fact, type Reading, rateValue, readText } from "../read/facts.ts";
import { own, suggestName } from "../read/lookup.ts";
import { plainNumber, readNumber } from "../read/numbers.ts";
import type { ReadingSummary } from "../read/summary.ts";
import { typedText } from "../read/typed.ts";

/**
 * A small reader for the input of the estimate and staffing commands: key=value pairs and plain
 * phrases ("12k calls a month, 5 min talk") end up as the same canonical keys, then one set of value
 * parsers checks them. Anything typed that is not understood is an error that quotes it: nothing a
 * user typed is ever silently dropped or replaced by a default.
 */

/** Longest text read; the dispatcher allows more for other commands, but no estimate needs it. */
export const MAX_INPUT_CHARS = 1000;

/** One value as the user gave it. */
export interface Given {
  value: string;
  /** How it was typed, for messages: `talk=5m` or “5 min talk”. */
  shown: string;
  /** The unit of a bare number, when the key named it (`talk-min=5`, as forms send). */
  bareUnit?: "s" | "m" | "h";
  /** The writer's locale, for numbers such as 12.000. */
  locale?: string;
}

/** Where a command's map from facts to keys writes: a key's value as text, and what the reply says. */
export interface FactSink {
  put(key: string, value: string, shown: string): void;
  has(key: string): boolean;
  /** How something was read ("4-5 minutes read as 4.5 min, the midpoint"). */
  note(text: string): void;
  warn(text: string): void;
}

/** Options of one read: the writer's locale and where the reply's reading notes go. */
export interface ReadContext {
  locale?: string;
  summary?: ReadingSummary;
  readAs?: string[];
}

export type Givens = Map<string, Given>;

/** A phrase rule: matches at the start of the remaining clause and yields canonical key/values. */
export interface PhraseRule {
  re: RegExp;
  read(m: RegExpExecArray): Array<[key: string, value: string]>;
}

export interface ReaderConfig {
  /** Canonical keys and the other names they may be typed with (as keys or in phrases). */
  keys: Record<string, string[]>;
  /** For each canonical key, the regex source of a value in a phrase (key-first or value-first). */
  phraseValues: Record<string, string>;
  /** Special phrases, tried before the generic ones. */
  phrases: PhraseRule[];
  /** Duration keys that may carry their unit in the key: `talk-min=5`, `hold-sec=30`. */
  unitKeys?: string[];
  /** Words that carry no meaning and may be skipped in phrases. */
  fillers?: string[];
  example: string;
  /** Shown when a key is unknown or a phrase is not understood. */
  help: string;
  /** Rewrites the free-text part before it is split into clauses (e.g. to keep a list together). */
  preprocess?: (text: string) => string;
  /** Advice for keys people are likely to try that this command does not take. */
  hints?: Record<string, string>;
  /**
   * The command's map from the shared reader's facts to its keys: returns the facts it used. Their
   * words are taken out of the text before the command's own phrases are tried on the rest.
   */
  fromFacts?: (reading: Reading, sink: FactSink) => Fact[];
}

// Number shapes used by phrase rules.
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
export const COUNT = String.raw`(?:${NUM})\s*(?:k|thousand|million|mln|mm)?`;
const UNIT = "(?:hours|hour|hrs|hr|h|minutes|minute|mins|min|m|seconds|second|secs|sec|s)";
export const DURATION = String.raw`(?:\d+:[0-5]\d|(?:${NUM})\s*${UNIT}(?:\s*(?:${NUM})\s*${UNIT})*|${NUM})`;
/** A duration that names its unit ("4 min", "1:30"): in free text a bare number could be a count. */
export const TIMED = String.raw`(?:\d+:[0-5]\d|(?:${NUM})\s*${UNIT}(?:\s*(?:${NUM})\s*${UNIT})*)`;
export const RATE = String.raw`(?:${NUM})\s*%?`;
export const YES_NO = "yes|no|true|false|on|off|y|n";

export const DEFAULT_FILLERS = [
  "a",
  "an",
  "the",
  "about",
  "around",
  "roughly",
  "approximately",
  "approx",
  "approx.",
  "~",
  "we",
  "have",
  "get",
  "receive",
  "take",
  "handle",
  "of",
  "on",
  "average",
  "avg",
  "per",
  "is",
  "are",
  "plus",
  // How people open a request: "we want 80% in 20 s", "I need ...".
  "i",
  "want",
  "need",
  "would",
  "like",
  "our",
  // Words left between facts once the shared reader has taken them out.
  "with",
  "and",
];

/** Quote user text inside a reply safely: short, no Slack mentions or links, no broken code spans. */
export const quote = (text: string): string => {
  const t = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `“${t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/`/g, "'")}”`;
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/[- ]/g, "[-\\s]?");

const BOUNDARY = String.raw`(?=\s|$)`;

/** Read text into canonical keys. Throws UserInputError for unknown keys and phrases not understood. */
export function readInput(text: string, cfg: ReaderConfig, rc: ReadContext = {}): Givens {
  if (text.length > MAX_INPUT_CHARS) {
    throw new UserInputError(
      `That is ${text.length.toLocaleString(numberLocale())} characters; this command needs only a few numbers (at most ${MAX_INPUT_CHARS.toLocaleString(numberLocale())} characters).`,
      { example: cfg.example },
    );
  }
  const aliasToKey = aliasesFor(cfg);
  const givens: Givens = new Map();
  const unitOfKey = (raw: string): "s" | "m" | "h" | undefined => {
    const suffix = /-([a-z]+)$/.exec(raw.toLowerCase().replace(/_/g, "-"))?.[1];
    return suffix ? own(UNIT_SUFFIX, suffix) : undefined;
  };
  const put = (key: string, value: string, shown: string, bareUnit?: "s" | "m" | "h") => {
    const before = givens.get(key);
    if (before) {
      throw new UserInputError(`\`${key}\` is given twice (${before.shown} and ${shown}); keep one.`, {
        field: key,
        example: cfg.example,
      });
    }
    givens.set(key, {
      value: value.trim(),
      shown,
      ...(bareUnit ? { bareUnit } : {}),
      ...(rc.locale ? { locale: rc.locale } : {}),
    });
  };

  const { pairs, words } = tokenize(text);
  const unknownKeys: string[] = [];
  for (const p of pairs) {
    const key = aliasToKey.get(p.key);
    const value = p.value.replace(/[,;]+$/, "");
    if (!key) unknownKeys.push(p.raw);
    else
      put(
        key,
        value,
        `\`${p.raw}=${value}\``,
        (cfg.unitKeys ?? []).includes(key) && p.key !== key ? unitOfKey(p.key) : undefined,
      );
  }
  if (unknownKeys.length) {
    const list = unknownKeys.map((k) => `\`${quote(k).slice(1, -1)}\``).join(", ");
    const hints = unknownKeys
      .map((k) => {
        const name = k.toLowerCase().replace(/_/g, "-");
        const hint = cfg.hints ? own(cfg.hints, name) : undefined;
        if (hint) return hint;
        // A typo of a key ("patiance", "concurency"): name the key it is closest to.
        const near = suggestName(name, aliasToKey.keys());
        return near ? `\`${quote(k).slice(1, -1)}\`: did you mean \`${near}\`?` : undefined;
      })
      .filter((h) => h !== undefined);
    throw new UserInputError(`I don't know ${unknownKeys.length === 1 ? "the key" : "the keys"} ${list}.`, {
      details: [...hints, cfg.help],
      example: cfg.example,
    });
  }

  const rules = rulesFor(cfg);
  const fillers = new Set(cfg.fillers ?? DEFAULT_FILLERS);
  let typedFree = words.join(" ");
  if (cfg.fromFacts && typedFree.trim() !== "") {
    const reading = readText(typedFree, rc.locale ? { locale: rc.locale } : {});
    const summary = rc.summary;
    const used = cfg.fromFacts(reading, {
      put: (key, value, shown) => put(key, value, shown),
      has: (key) => givens.has(key),
      note: (t) => {
        rc.readAs?.push(t);
      },
      warn: (t) => {
        summary?.warnings.push(t);
      },
    });
    // The words of the facts used are taken out; a comma keeps the clauses on either side apart.
    const origin = reading.prepared.origin;
    // Offsets are UTF-16 units on both sides, so an emoji keeps its two halves together.
    const chars: string[] | null = typedFree.split("");
    if (chars) {
      for (const f of used) {
        const from = origin[f.span.start] ?? 0;
        const to = (origin[Math.max(f.span.start, f.span.end - 1)] ?? from) + 1;
        let end = to;
        while (end < chars.length && /[A-Za-z]/.test(chars[end] ?? "")) end++;
        for (let i = from; i < end; i++) chars[i] = i === from ? "," : " ";
        summary?.understood.push(`“${f.span.words}”`);
      }
      typedFree = chars.join("");
    }
    for (const c of reading.corrected) rc.readAs?.push(`“${c.from}” read as “${c.to}”`);
  }
  // "4-minute calls" reads like "4 minute calls".
  const free = typedFree
    .toLowerCase()
    .replace(/(\d)-(?=(?:seconds?|secs?|minutes?|mins?|hours?|hrs?)\b)/g, "$1 ");
  const clauses = (cfg.preprocess ? cfg.preprocess(free) : free)
    // A comma splits clauses, except inside a number such as 12,000.
    .split(/\s*,(?!\d{3}(?:\D|$))\s*|\s*;\s*|\.\s+|\.$|\s+and\s+|\s+with\s+|\s+but\s+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  const notUnderstood: string[] = [];
  for (const clause of clauses) {
    let rest = clause;
    let unknown: string[] = [];
    const flush = () => {
      if (unknown.length) notUnderstood.push(unknown.join(" "));
      unknown = [];
    };
    while (rest.length > 0) {
      let matched = false;
      for (const rule of rules) {
        const m = rule.re.exec(rest);
        if (!m) continue;
        const shown = quote(m[0]);
        for (const [key, value] of rule.read(m)) put(key, value, shown);
        rest = rest.slice(m[0].length).trimStart();
        matched = true;
        break;
      }
      if (matched) {
        flush();
        continue;
      }
      const word = /^\S+/.exec(rest)?.[0] ?? rest;
      // "cost?", "please.": punctuation at a word's end does not make a filler a fact.
      const bare = word.replace(/[?!.…:;]+$/, "");
      if (bare !== "" && !fillers.has(bare)) unknown.push(word);
      rest = rest.slice(word.length).trimStart();
    }
    flush();
  }
  if (notUnderstood.length) {
    // `aht=3 min`: the value stopped at the space and the unit was left on its own.
    const looseUnit = notUnderstood.some((w) => new RegExp(`^${UNIT}$`).test(w)) && pairs.length > 0;
    const unitHint = looseUnit
      ? ["Write a unit right after its number, without a space: `aht=3m`, `talk=5min`, `hold=30s`."]
      : [];
    throw new UserInputError(`I could not understand ${notUnderstood.map(quote).join(", ")}.`, {
      details: [...unitHint, cfg.help],
      example: cfg.example,
    });
  }
  return givens;
}

const CALL_WORD = "(?:calls?|contacts?|chats?|conversations?)";

/**
 * How people give the length of a call without naming talk or handle time, read as `key`:
 * "4 min avg", "4 minutes each", "4-minute calls", "average call 4 minutes", "calls last 4 min",
 * "at 6 minutes". Only durations with a unit, so a count such as "300 calls" is never taken for one.
 */
export function callLengthPhrases(key: string): PhraseRule[] {
  const read = (m: RegExpExecArray): Array<[string, string]> => [[key, m[1] ?? ""]];
  return [
    {
      re: new RegExp(
        String.raw`^(${TIMED})\s+(?:on\s+average|average|avg\.?|each|long|per\s+${CALL_WORD}|an?\s+${CALL_WORD}|(?:long\s+)?${CALL_WORD})(?=\s|$)`,
      ),
      read,
    },
    {
      re: new RegExp(
        String.raw`^(?:(?:average|avg\.?)\s+)?${CALL_WORD}(?:\s+(?:length|duration|time))?(?:\s*(?::|=|lasts?|takes?|is|are|of))?\s+(?:about\s+|around\s+)?(${TIMED})(?=\s|$)`,
      ),
      read,
    },
    {
      re: new RegExp(
        String.raw`^at\s+(${TIMED})(?:\s+(?:each|on\s+average|per\s+${CALL_WORD}|an?\s+${CALL_WORD}))?(?=\s|$)`,
      ),
      read,
    },
  ];
}

const UNIT_SUFFIX: Record<string, "s" | "m" | "h"> = {
  s: "s",
  sec: "s",
  secs: "s",
  seconds: "s",
  m: "m",
  min: "m",
  mins: "m",
  minutes: "m",
  h: "h",
  hours: "h",
};

/** Every key, alias and unit-suffixed key (talk-min, hold-sec) of a reader, built once per config. */
const aliasMaps = new WeakMap<ReaderConfig, Map<string, string>>();
function aliasesFor(cfg: ReaderConfig): Map<string, string> {
  let aliasToKey = aliasMaps.get(cfg);
  if (aliasToKey) return aliasToKey;
  aliasToKey = new Map<string, string>();
  for (const [key, aliases] of Object.entries(cfg.keys)) {
    aliasToKey.set(key, key);
    for (const a of aliases) aliasToKey.set(a.replace(/\s+/g, "-"), key);
  }
  for (const key of cfg.unitKeys ?? []) {
    for (const name of [key, ...(cfg.keys[key] ?? [])]) {
      for (const suffix of Object.keys(UNIT_SUFFIX))
        aliasToKey.set(`${name.replace(/\s+/g, "-")}-${suffix}`, key);
    }
  }
  aliasMaps.set(cfg, aliasToKey);
  return aliasToKey;
}

// Compiling the phrase regexes costs far more than matching them: build them once per reader config.
const compiled = new WeakMap<ReaderConfig, PhraseRule[]>();
function rulesFor(cfg: ReaderConfig): PhraseRule[] {
  let rules = compiled.get(cfg);
  if (!rules) {
    rules = [...cfg.phrases, ...genericRules(cfg)];
    compiled.set(cfg, rules);
  }
  return rules;
}

/** "talk 5m", "talk time: 5 min", "5 min talk", "30% shrinkage" for every key with a phrase value. */
function genericRules(cfg: ReaderConfig): PhraseRule[] {
  const rules: PhraseRule[] = [];
  for (const [key, valueRe] of Object.entries(cfg.phraseValues)) {
    const names = [key, ...(cfg.keys[key] ?? [])].sort((x, y) => y.length - x.length).map(escapeRe);
    const name = `(?:${names.join("|")})(?:\\s+time)?`;
    rules.push({
      re: new RegExp(String.raw`^${name}\s*(?::|=|is|of|at|to)?\s*(${valueRe})${BOUNDARY}`),
      read: (m) => [[key, m[1] ?? ""]],
    });
    rules.push({
      re: new RegExp(String.raw`^(${valueRe})\s+(?:of\s+)?${name}${BOUNDARY}`),
      read: (m) => [[key, m[1] ?? ""]],
    });
  }
  return rules;
}

// ---- Value parsers: each names the field and shows how to write it. ----

export interface ValueContext {
  example: string;
}

/** Refuse one typed value: what was typed (as code), what is wrong with it, and an example. */
export const failOn = (key: string, given: Given, message: string, ctx: ValueContext): never => {
  throw new UserInputError(`${typedText(given.shown)}: ${message}`, { field: key, example: ctx.example });
};
const fail = failOn;

const looksNegative = (s: string) => /^\s*[-−–]/.test(s);

/** A positive count such as 12000, 12,000 or 12k. */
export function readCount(key: string, given: Given, ctx: ValueContext, max: number): number {
  if (looksNegative(given.value)) fail(key, given, `\`${key}\` cannot be negative.`, ctx);
  askIfUnclear(key, given.value, given.locale, ctx);
  const n = certainCount(given.value, given.locale) ?? parseCount(given.value);
  if (n === undefined) fail(key, given, `\`${key}\` must be a number, like 12000 or 12k.`, ctx);
  const v = n as number;
  if (v <= 0) fail(key, given, `\`${key}\` must be more than 0.`, ctx);
  if (v > max)
    fail(
      key,
      given,
      `\`${key}\` above ${max.toLocaleString(numberLocale())} is more than this calculator handles.`,
      ctx,
    );
  return v;
}

/** The count when its locale settles it ("12.000" in ro-RO, "12 000", "12k"); undefined otherwise. */
const certainCount = (text: string, locale: string | undefined): number | undefined => {
  const r = readNumber(text, locale);
  return r && "value" in r ? r.value : undefined;
};

/** "12.000" from an English locale: twelve thousand or twelve? Ask, with both readings as buttons. */
export function askIfUnclear(
  key: string,
  value: string,
  locale: string | undefined,
  ctx: ValueContext,
): void {
  const m = /\d[\d.,]*\d/.exec(value);
  const r = m ? readNumber(m[0], locale) : undefined;
  if (!m || !r || !("readings" in r)) return;
  const [a, b] = r.readings;
  throw new ReadingQuestion(
    `“${m[0]}” could be ${a.toLocaleString("en-US")} or ${b.toLocaleString("en-US")}: which did you mean? (${key})`,
    [
      { label: a.toLocaleString("en-US"), from: m[0], to: plainNumber(a) },
      { label: b.toLocaleString("en-US"), from: m[0], to: plainNumber(b) },
    ],
    { field: key, example: ctx.example },
  );
}

/**
 * A duration in seconds. A bare number is accepted only when the key names its unit (`talk-min=5`,
 * as forms send): otherwise "hold=30" could mean seconds or minutes, so we ask.
 */
export function readDuration(
  key: string,
  given: Given,
  ctx: ValueContext,
  opts: { min: number; max: number; bareUnit?: "s" | "m" | "h"; allowZero?: boolean },
): number {
  if (looksNegative(given.value)) fail(key, given, `\`${key}\` cannot be negative.`, ctx);
  const bareUnit = given.bareUnit ?? opts.bareUnit;
  const bare = parseNumber(given.value);
  if (bare !== undefined && !bareUnit) {
    fail(
      key,
      given,
      `add a unit to \`${key}\`: for example ${bare}s for seconds or ${bare}m for minutes.`,
      ctx,
    );
  }
  const seconds = parseDuration(given.value, bareUnit ?? "s");
  if (seconds === undefined)
    fail(key, given, `\`${key}\` must be a duration such as 30s, 5m, 1h or 1:30.`, ctx);
  const s = seconds as number;
  if (s === 0 && opts.allowZero) return 0;
  if (s < opts.min) fail(key, given, `\`${key}\` must be at least ${describeSeconds(opts.min)}.`, ctx);
  if (s > opts.max) fail(key, given, `\`${key}\` must be at most ${describeSeconds(opts.max)}.`, ctx);
  return s;
}

/** A rate as a fraction, from "80%", "80" or "0.8", within [min, max) or [min, max]. */
export function readRate(
  key: string,
  given: Given,
  ctx: ValueContext,
  opts: { min: number; max: number; maxInclusive: boolean; minExclusive?: boolean; why?: string },
): number {
  if (looksNegative(given.value)) fail(key, given, `\`${key}\` cannot be negative.`, ctx);
  const typed = /^\s*([\d.,]+)\s*(%)?\s*$/.exec(given.value);
  const read = typed ? rateValue(typed[1] ?? "", Boolean(typed[2]), given.locale) : undefined;
  if (read && "problem" in read)
    fail(key, given, `${read.problem}. A rate is a percentage (80%) or a fraction from 0 to 1 (0.8).`, ctx);
  const r = read && "value" in read ? read.value : undefined;
  if (r === undefined) fail(key, given, `\`${key}\` must be a percentage such as 80% (or 0.8).`, ctx);
  // 99.9% is 0.999, not 0.9990000000000001: typed rates carry a few digits, never float noise.
  const v = Math.round((r as number) * 1e12) / 1e12;
  const tooHigh = opts.maxInclusive ? v > opts.max : v >= opts.max;
  const tooLow = opts.minExclusive ? v <= opts.min : v < opts.min;
  if (tooHigh || tooLow) {
    const range = `${opts.minExclusive ? "above" : "at least"} ${pct(opts.min)} and ${opts.maxInclusive ? "at most" : "below"} ${pct(opts.max)}`;
    fail(key, given, `\`${key}\` must be ${range}${opts.why ? `: ${opts.why}` : ""}.`, ctx);
  }
  return v;
}

export function readYesNo(key: string, given: Given, ctx: ValueContext): boolean {
  const v = parseYesNo(given.value);
  if (v === undefined) fail(key, given, `\`${key}\` must be yes or no.`, ctx);
  return v as boolean;
}

const pct = (x: number) => `${Math.round(x * 1e6) / 1e4}%`;

/** "30 s", "5 min", "1 h 30 min". */
export const describeSeconds = (seconds: number): string => {
  if (seconds < 60) return `${round(seconds, 1)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = round(seconds - m * 60, 1);
    return s ? `${m} min ${s} s` : `${m} min`;
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds - h * 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
};

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The service-level inputs both calculators take, with the same keys, checks and defaults. */
export interface QueueTargets {
  answerSeconds: number;
  target: number;
  shrinkage: number;
  maxOccupancy: number;
}

const pctText = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Read `answer`, `target`, `shrinkage` and `max-occupancy`, taking `fallback` for those not given and
 * adding a plain note to `defaults` for each default used.
 */
export function readQueueTargets(
  givens: Givens,
  ctx: ValueContext,
  fallback: QueueTargets,
  defaults: string[],
  noun: "call" | "contact",
): QueueTargets {
  const answerGiven = givens.get("answer");
  const answerSeconds = answerGiven
    ? readDuration("answer", answerGiven, ctx, { min: 0, max: 3600, allowZero: true })
    : fallback.answerSeconds;
  const targetGiven = givens.get("target");
  const target = targetGiven
    ? readRate("target", targetGiven, ctx, {
        min: 0,
        max: 1,
        minExclusive: true,
        maxInclusive: false,
        why: `answering every single ${noun} in time is unreachable`,
      })
    : fallback.target;
  const within = `answered within ${describeSeconds(fallback.answerSeconds)}`;
  if (!targetGiven && !answerGiven) defaults.push(`service level: ${pctText(fallback.target)} ${within}`);
  else if (!targetGiven) defaults.push(`target: ${pctText(fallback.target)}`);
  else if (!answerGiven) defaults.push(within);
  const shrinkageGiven = givens.get("shrinkage");
  const shrinkage = shrinkageGiven
    ? readRate("shrinkage", shrinkageGiven, ctx, { min: 0, max: 1, maxInclusive: false })
    : fallback.shrinkage;
  if (!shrinkageGiven) defaults.push(`shrinkage: ${pctText(fallback.shrinkage)}`);
  const occGiven = givens.get("max-occupancy");
  const maxOccupancy = occGiven
    ? readRate("max-occupancy", occGiven, ctx, { min: 0, max: 1, minExclusive: true, maxInclusive: true })
    : fallback.maxOccupancy;
  if (!occGiven) defaults.push(`max occupancy: ${pctText(fallback.maxOccupancy)}`);
  return { answerSeconds, target, shrinkage, maxOccupancy };
}

/** Refuse empty text (or a bare `help`) with the calculator's usage, before any parsing. */
export function requireText(text: string, message: string, help: string, example: string): void {
  if (text.trim() === "" || /^(?:help|\?)$/i.test(text.trim()))
    throw new UserInputError(message, { details: [help], example });
}
