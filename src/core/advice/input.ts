import { distance } from "fastest-levenshtein";
import { UserInputError } from "../errors.ts";
import { numberLocale } from "../format/number.ts";
import { splitList, tokenize } from "../parse/kv.ts";
import { parseCount, parseDuration, parseRate, parseYesNo } from "../parse/units.ts";
import { own } from "../read/lookup.ts";
import { emptySummary, type ReadingSummary } from "../read/summary.ts";
import { askIfUnclear } from "../staffing/input.ts";
import { type Conflict, normalizeText, readFreeText, type Understood } from "./freetext.ts";
import {
  CHANNELS,
  HOURS,
  INBOUND,
  OUTBOUND,
  PATTERNS,
  PROFILE_KEYS,
  type Profile,
  type ProfileKey,
  ProfileSchema,
  REGIONS,
  REPORTING,
} from "./profile.ts";
import { languageCodeOf, type Synonyms, synonyms } from "./synonyms.ts";
import { showValue } from "./words.ts";

/**
 * `/cc-advise` input: key=value pairs, free text, or both. Pairs are checked strictly (unknown keys
 * and bad values are errors naming the key); free text is read as well as it can be. Either way the
 * result is a normalized, validated profile plus what was understood and from which words.
 */

import { ADVISE_EXAMPLE } from "./example.ts";

export { ADVISE_EXAMPLE };

/** Longest description we read; longer text is refused with what was understood from it. */
export const MAX_ADVISE_TEXT = 4000;

/** Other names people use for the keys. */
export const KEY_ALIASES: Record<string, ProfileKey | "describe"> = {
  contacts: "volume",
  calls: "volume",
  "monthly-volume": "volume",
  "calls-per-month": "volume",
  channel: "channels",
  language: "languages",
  langs: "languages",
  region: "expansion",
  "expanding-into": "expansion",
  accent: "accents",
  agents: "in-house-agents",
  "own-agents": "in-house-agents",
  staff: "employees",
  "company-size": "employees",
  "talk-time": "talk",
  "wrap-up": "wrap",
  "hold-time": "hold",
  "card-payments": "payments",
  pci: "payments",
  "disaster-recovery": "dr",
  coverage: "hours",
  tools: "crm",
  offers: "quotes",
  callback: "callback-hours",
  callbacks: "callback-hours",
  "call-back-hours": "callback-hours",
  // The advice form's free-text box submits as `describe="..."`.
  describe: "describe",
  text: "describe",
  description: "describe",
};

export interface AdviseInput {
  profile: Profile;
  understood: Understood[];
  /** Whether any part came from free text (the reply then asks the user to check it). */
  freeText: boolean;
  /** Words of the free text that no fact used, and warnings, for the reply. */
  reading: ReadingSummary;
}

/** Profile keys answered yes or no. */
export const YES_NO_KEYS: ReadonlySet<ProfileKey> = new Set<ProfileKey>([
  "international",
  "licensed",
  "payments",
  "health",
  "personal-data",
  "dr",
  "overloaded",
  "lost-sales",
  "missed-calls",
  "missed-appointments",
  "language-barriers",
]);
const COUNT_KEYS = new Set<ProfileKey>(["volume", "employees", "in-house-agents", "sites", "quotes"]);
const MINUTE_KEYS = new Set<ProfileKey>(["talk", "wrap", "hold"]);

/** The allowed values of each choice key, and where to look for synonyms of them. */
const ENUMS: Partial<
  Record<ProfileKey, { values: readonly string[]; table?: (s: Synonyms) => Record<string, string[]> }>
> = {
  pattern: { values: PATTERNS, table: (s) => s.pattern },
  channels: { values: CHANNELS, table: (s) => s.channels },
  inbound: { values: INBOUND, table: (s) => s.inbound },
  outbound: { values: OUTBOUND, table: (s) => s.outbound },
  expansion: { values: REGIONS, table: (s) => s.regions },
  accents: { values: ["sensitive", "tolerant"], table: (s) => s.accents },
  priority: { values: ["cost", "balanced", "quality"], table: (s) => s.priority },
  complexity: { values: ["simple", "specialized"], table: (s) => s.complexity },
  hours: { values: HOURS, table: (s) => s.hours },
  reporting: { values: REPORTING, table: (s) => s.reporting },
  cloud: { values: ["trusted", "skeptical"], table: (s) => s.cloud },
  switching: { values: ["underperforming", "no"] },
};

const EXTRA_WORDS: Record<string, string> = {
  "24x7": "24/7",
  "247": "24/7",
  "24-7": "24/7",
  always: "24/7",
  office: "business",
  specialised: "specialized",
  skeptic: "skeptical",
  sceptical: "skeptical",
  "on-premises": "skeptical",
  realtime: "real-time",
  live: "real-time",
  recording: "recordings",
  phone: "voice",
  calls: "voice",
  "e-mail": "email",
  "lead-gen": "lead-generation",
  leads: "lead-generation",
  "cold-calls": "cold-calling",
  "follow-ups": "follow-up",
  followup: "follow-up",
  winback: "win-back",
  tech: "technical",
  "latin-america": "latam",
  "south-america": "latam",
  yes: "underperforming",
  balance: "balanced",
  quality: "quality",
};

/** One value of a choice key: the value itself, a listed synonym, or a common short form. */
function enumValue(key: ProfileKey, raw: string, syn: Synonyms): string | undefined {
  const spec = own(ENUMS, key);
  if (!spec) return undefined;
  const v = raw.trim().toLowerCase().replace(/_/g, "-");
  if (spec.values.includes(v)) return v;
  const extra = own(EXTRA_WORDS, v);
  if (extra && spec.values.includes(extra)) return extra;
  if (key === "switching" && parseYesNo(v) === false) return "no";
  const spaced = v.replace(/-/g, " ");
  for (const [value, phrases] of Object.entries(spec.table?.(syn) ?? {}))
    if (phrases.includes(v) || phrases.includes(spaced)) return value;
  return undefined;
}

const languageCode = (raw: string, syn: Synonyms): string | undefined => languageCodeOf(raw, syn);

/** The nearest key for a typo ("volum" → "volume"), if one is close. */
export const suggestKey = (key: string): string | undefined => {
  let best: string | undefined;
  let dist = 3;
  for (const k of [...PROFILE_KEYS, ...Object.keys(KEY_ALIASES)]) {
    const e = distance(key, k);
    if (e < dist) {
      dist = e;
      best = own(KEY_ALIASES, k) ?? k;
    }
  }
  return best;
};

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

/** One key=value pair to its normalized value. */
function parseValue(key: ProfileKey, raw: string, syn: Synonyms, locale?: string): Parsed {
  const bad = (problem: string): Parsed => ({ ok: false, problem });
  const value = raw.trim();
  if (value === "") return bad(`\`${key}\` is empty`);
  if (YES_NO_KEYS.has(key)) {
    const b = parseYesNo(value);
    return b === undefined ? bad(`\`${key}\` takes yes or no, not "${value}"`) : { ok: true, value: b };
  }
  if (COUNT_KEYS.has(key)) {
    askIfUnclear(key, value, locale, { example: ADVISE_EXAMPLE });
    const n = parseCount(value.replace(/\/(?:month|mo)$/i, ""), locale);
    // A volume such as 2.5k rounds to whole contacts; 2.5 quotes, sites or people is a typo.
    return n === undefined || !Number.isFinite(n) || n < 0 || (key !== "volume" && !Number.isInteger(n))
      ? bad(`\`${key}\` takes a whole number such as 2000 or 12k, not "${value}"`)
      : { ok: true, value: Math.round(n) };
  }
  if (MINUTE_KEYS.has(key)) {
    const s = parseDuration(value, "m");
    // A contact with no talk time cannot be priced: only wrap-up and hold may be zero.
    return s === undefined || s > 600 * 60 || (key === "talk" && s <= 0)
      ? bad(`\`${key}\` takes a duration such as 5m, 90s or 4.5 (minutes), not "${value}"`)
      : { ok: true, value: Math.round((s / 60) * 100) / 100 };
  }
  if (key === "growth") {
    const r = parseRate(value);
    return r === undefined || r < 0
      ? bad(`\`growth\` takes a percentage a year such as 30%, not "${value}"`)
      : { ok: true, value: Math.round(r * 10000) / 100 };
  }
  if (key === "callback-hours") {
    const days = /^(\d+(?:\.\d+)?)\s*d(?:ays?)?$/i.exec(value);
    const h = days
      ? Number(days[1]) * 24
      : (() => {
          const s = parseDuration(value, "h");
          return s === undefined ? undefined : s / 3600;
        })();
    return h === undefined
      ? bad(`\`callback-hours\` takes hours such as 24 or 2d, not "${value}"`)
      : { ok: true, value: h };
  }
  if (key === "languages") {
    const codes: string[] = [];
    for (const item of splitList(value)) {
      const code = languageCode(item, syn);
      if (!code)
        return bad(`I don't know the language "${item}": use a code such as es or a name such as Spanish`);
      if (!codes.includes(code)) codes.push(code);
    }
    return { ok: true, value: codes };
  }
  if (key === "crm") {
    const tools: string[] = [];
    for (const item of splitList(value)) {
      const t = item.toLowerCase().trim();
      const known = Object.entries(syn.crm).find(([k, ps]) => k === t || ps.includes(t))?.[0];
      const tool = known ?? t.replace(/[^a-z0-9 .-]/g, "").trim();
      if (!/^[a-z0-9]/.test(tool)) return bad(`"${item}" is not a tool name`);
      if (!tools.includes(tool)) tools.push(tool);
    }
    return { ok: true, value: tools };
  }
  if (key === "industry") {
    const t = value.toLowerCase().trim();
    const known = Object.entries(syn.industries).find(([k, ps]) => k === t || ps.includes(t))?.[0];
    const v =
      known ??
      t
        .replace(/[^a-z0-9 &/-]/g, "")
        .trim()
        .slice(0, 60);
    return /^[a-z0-9]/.test(v) ? { ok: true, value: v } : bad(`"${value}" is not an industry name`);
  }
  const spec = own(ENUMS, key);
  if (spec) {
    const isList = key === "channels" || key === "inbound" || key === "outbound";
    const items = isList ? splitList(value) : [value];
    const out: string[] = [];
    for (const item of items) {
      const v = enumValue(key, item, syn);
      if (!v) return bad(`\`${key}\` takes ${spec.values.join(", ")}; "${item}" is not one of them`);
      if (!out.includes(v)) out.push(v);
    }
    return { ok: true, value: isList ? out : out[0] };
  }
  return bad(`\`${key}\` cannot be set`);
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** "volume=2,000", "languages=Spanish and English": a fact as the reply shows it. */
export const factText = (key: ProfileKey, value: unknown): string => `${key}=${showValue(key, value)}`;

const understoodDetail = (understood: Understood[]): string =>
  understood.length
    ? `Understood so far: ${understood.map((u) => factText(u.key, u.value)).join(", ")}.`
    : "I could not read any fact from it.";

/** Facts that cannot all be true: the user must say which one they meant. */
function contradictions(p: Profile): Array<{ key: ProfileKey; problem: string }> {
  const out: Array<{ key: ProfileKey; problem: string }> = [];
  if (p["in-house-agents"] !== undefined && p.employees !== undefined && p["in-house-agents"] > p.employees)
    out.push({
      key: "in-house-agents",
      problem: `in-house-agents=${p["in-house-agents"]} is more than your ${p.employees} employees`,
    });
  if (p.sites !== undefined && p.employees !== undefined && p.employees > 0 && p.sites > p.employees)
    out.push({ key: "sites", problem: `sites=${p.sites} is more than your ${p.employees} employees` });
  if (p.payments === false && p.inbound?.includes("payments"))
    out.push({ key: "payments", problem: "payments=no, but the incoming work includes payments" });
  return out;
}

/** Parse `/cc-advise` text (after any subcommand) into a validated profile. Throws UserInputError. */
export function parseAdviseInput(
  text: string,
  syn: Synonyms = synonyms(),
  opts: { locale?: string } = {},
): AdviseInput {
  const reading = emptySummary();
  const { pairs, words } = tokenize(text);
  const problems: string[] = [];
  let field: string | undefined;
  const fail = (key: string, problem: string) => {
    problems.push(problem);
    field ??= key;
  };

  const unknown = pairs.filter(
    (p) => !(PROFILE_KEYS as string[]).includes(p.key) && !own(KEY_ALIASES, p.key),
  );
  const freeParts = [...words];
  const profile: Record<string, unknown> = {};
  const understood: Understood[] = [];
  const seenFrom = new Map<string, string>();

  for (const pair of pairs) {
    const key = (PROFILE_KEYS as string[]).includes(pair.key)
      ? (pair.key as ProfileKey)
      : own(KEY_ALIASES, pair.key);
    if (!key) continue;
    if (key === "describe") {
      freeParts.push(pair.value);
      continue;
    }
    const parsed = parseValue(key, pair.value, syn, opts.locale);
    if (!parsed.ok) {
      fail(key, parsed.problem);
      continue;
    }
    const from = `${pair.raw}=${pair.value}`;
    if (profile[key] !== undefined && !sameValue(profile[key], parsed.value)) {
      fail(key, `\`${key}\` is given twice with different values: ${seenFrom.get(key)} and ${from}`);
      continue;
    }
    profile[key] = parsed.value;
    seenFrom.set(key, from);
    understood.push({ key, value: parsed.value, from });
  }

  const free = normalizeText(freeParts.join(" "));
  const freeText = free.length > 0;
  let conflicts: Conflict[] = [];
  if (freeText) {
    const read = readFreeText(free, syn, opts);
    reading.ignored.push(...read.ignored);
    conflicts = read.conflicts;
    for (const u of read.understood) {
      const given = profile[u.key];
      if (given !== undefined && !sameValue(given, u.value)) {
        fail(u.key, `\`${u.key}\` is ${seenFrom.get(u.key)}, but the text says "${u.from}"`);
        continue;
      }
      if (given !== undefined) continue;
      profile[u.key] = u.value;
      understood.push(u);
    }
  }
  for (const c of conflicts)
    fail(
      c.key,
      `The text says two things about \`${c.key}\`: ${c.from.map((f) => `"${f}"`).join(" and ")}. Which one is right? Add e.g. \`${c.key}=${String(c.values[0])}\`.`,
    );

  if (unknown.length) {
    const names = unknown.map((u) => {
      const s = suggestKey(u.key);
      return s ? `\`${u.raw}\` (did you mean \`${s}\`?)` : `\`${u.raw}\``;
    });
    throw new UserInputError(
      `I don't know the key${unknown.length > 1 ? "s" : ""} ${names.join(", ")}. Nothing was saved.`,
      {
        example: ADVISE_EXAMPLE,
        details: [
          `Keys: ${PROFILE_KEYS.join(", ")} (see \`/cc-advise help\`).`,
          ...problems.slice(0, 4),
          understoodDetail(understood),
        ],
        field: unknown[0]?.key,
      },
    );
  }

  if (text.length > MAX_ADVISE_TEXT)
    throw new UserInputError(
      `That description is ${text.length.toLocaleString(numberLocale())} characters; I read at most ${MAX_ADVISE_TEXT.toLocaleString(numberLocale())}. Nothing was saved: shorten it to the facts that matter.`,
      { example: ADVISE_EXAMPLE, details: [understoodDetail(understood)] },
    );

  for (const c of contradictions(profile as Profile))
    fail(c.key, `These facts contradict each other: ${c.problem}.`);

  if (problems.length)
    throw new UserInputError(
      problems.length === 1
        ? `${(problems[0] ?? "").replace(/\.$/, "")}. Nothing was saved.`
        : // The first problem in the message itself: a form can only show the message on one field.
          `${(problems[0] ?? "").replace(/\.$/, "")} (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""}). Nothing was saved.`,
      {
        example: ADVISE_EXAMPLE,
        details: [...(problems.length > 1 ? problems.slice(0, 8) : []), understoodDetail(understood)],
        ...(field ? { field } : {}),
      },
    );

  if (understood.length === 0)
    throw new UserInputError(
      freeText
        ? "I couldn't find any facts about your team in that text. Nothing was saved. Mention your monthly volume, channels, languages or hours, or use key=value pairs."
        : "Tell me about your team to get advice.",
      {
        example: ADVISE_EXAMPLE,
        details: ["Try `/cc-advise help` for every key, or describe your team in a sentence."],
      },
    );

  const checked = ProfileSchema.safeParse(profile);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    throw new UserInputError(`\`${key}\`: ${issue?.message ?? "invalid value"}. Nothing was saved.`, {
      example: ADVISE_EXAMPLE,
      details: [understoodDetail(understood)],
      field: key,
    });
  }
  return { profile: checked.data, understood, freeText, reading };
}

/** A profile as `/cc-advise` key=value text that reads back to the same profile. */
export function profileCommandText(profile: Profile): string {
  const parts: string[] = [];
  for (const key of PROFILE_KEYS) {
    const v = profile[key];
    if (v === undefined) continue;
    const text = Array.isArray(v)
      ? v.join(",")
      : typeof v === "boolean"
        ? v
          ? "yes"
          : "no"
        : key === "growth"
          ? `${v}%`
          : String(v);
    parts.push(/[\s"]/.test(text) ? `${key}="${text}"` : `${key}=${text}`);
  }
  return parts.join(" ");
}
