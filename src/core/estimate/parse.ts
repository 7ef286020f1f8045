import { UserInputError } from "../errors.ts";
import { numberLocale } from "../format/number.ts";
import { splitList } from "../parse/kv.ts";
import { PERIOD_WORDS } from "../parse/units.ts";
import { own } from "../read/lookup.ts";
import { emptySummary, queueWarnings, type ReadingSummary } from "../read/summary.ts";
import { estimateFromFacts } from "../read/to-keys.ts";
import {
  COUNT,
  callLengthPhrases,
  DEFAULT_FILLERS,
  DURATION,
  failOn,
  type Given,
  type Givens,
  NUM,
  type PhraseRule,
  RATE,
  type ReaderConfig,
  readCount,
  readDuration,
  readInput,
  readQueueTargets,
  readRate,
  readYesNo,
  requireText,
  YES_NO,
} from "../staffing/input.ts";
import {
  CONCURRENCY_PHRASES,
  DEFAULT_CONCURRENCY,
  DEFAULT_RESPONSE_SECONDS,
  MAX_GOOD_CONCURRENCY,
  serviceLevelPhrases,
} from "../staffing/parse.ts";
import { businessHours, type Coverage, monthlyCoverageDays, monthlyCoverageHours } from "./coverage.ts";
import type { HourlyCount } from "./day-shape.ts";
import { dayShapes } from "./day-shape.ts";
import { WORKLOAD_DEFAULTS } from "./defaults.ts";
import { type BillingBasis, ESTIMATE_EXAMPLE, type EstimateInput } from "./model.ts";
import type { Pricing } from "./pricing.ts";
import {
  joinCurrencyCodes,
  PRICING_HELP,
  PRICING_KEYS,
  type PricingChoices,
  readPricingChoices,
  readUsdRange,
} from "./pricing-input.ts";
import { locationRates } from "./regions.ts";

export const ESTIMATE_DEFAULTS = {
  billingIncrementSeconds: WORKLOAD_DEFAULTS.billingIncrementSeconds,
  answerSeconds: 20,
  target: 0.8,
  shrinkage: 0.3,
  maxOccupancy: 0.85,
} as const;

export const HELP =
  "Keys: `contacts` (a month), `talk`, `wrap`, `hold`, `hold-billed`, `hours` (`24/7`, `business` or `HxD` like `12x6`), " +
  "`billing` (1s, 6s, 30s or 60s), `target`, `answer`, `shrinkage`, `max-occupancy`, `shared-rate` ($ a minute), " +
  "`hourly-rate` ($ an agent-hour), `licensed`, `languages`, " +
  "`chats` and `chat-time` (with `concurrency`, default 2), `emails` and `email-time` (with `response`, default 24h), " +
  "`patience` (Erlang A) and `max-abandon`, `shape` (flat, business-day, 24/7) or `hourly` (contacts per hour of one day: `hourly=9:40,10:80`), " +
  "`interval` (1h or 30m), `billing-basis` (paid or productive), `fte-hours` (a week, default 40), " +
  PRICING_HELP +
  " Durations need a unit: `talk=5m`, `hold=30s`.";

export interface EstimateParse {
  input: EstimateInput;
  /** Plain descriptions of the defaults applied to fields left out. */
  defaults: string[];
  /** Notes on how something typed was read, e.g. a daily volume turned into a monthly one. */
  readAs: string[];
  /** Location, currency shown, in-house assumptions and budget (pricing-input.ts). */
  choices: PricingChoices;
  /** What was understood from free text, and warnings about unlikely values. */
  reading: ReadingSummary;
}

const HOURS_VALUE = String.raw`24\s*\/\s*7(?:\s*\/\s*365)?|24\s*x\s*7|business(?:\s+hours)?|office(?:\s+hours)?|\d{1,2}\s*[x/]\s*\d`;
const BILLING_WORDS = String.raw`per[-\s]?second|per[-\s]?minute|by\s+the\s+second|by\s+the\s+minute|second|minute`;
const RANGE_VALUE = String.raw`\$?\s*(?:${NUM})(?:\s*(?:-|–|to)\s*\$?\s*(?:${NUM}))?`;
const CONTACT_WORDS = String.raw`(?:inbound\s+|outbound\s+)?(calls?|contacts?|chats?|e-?mails?|tickets?|conversations?|interactions?)`;

/**
 * Which volume a counted word is: chats and e-mails have handle times and queues of their own, so
 * "800 emails and 1200 calls" is 800 e-mails and 1,200 calls, never 2,000 calls.
 */
const volumeKey = (word: string): "contacts" | "chats" | "emails" =>
  /^chats?$/.test(word) ? "chats" : /^(?:e-?mails?|tickets?)$/.test(word) ? "emails" : "contacts";

const PHRASES: PhraseRule[] = [
  ...CONCURRENCY_PHRASES,
  {
    // Hours first: "24/7" would otherwise read as a service level of 24% in 7 s.
    // "24/5" too: round the clock on weekdays, not a service level of 24% in 5 s.
    re: /^(?:open\s+|coverage\s+|hours\s+)?(24\s*\/\s*[1-7](?:\s*\/\s*365)?|24\s*x\s*[1-7]|7\s*x\s*24)(?:\s+(?:coverage|hours|support))?(?=\s|$)/,
    read: (m) => [["hours", m[1] ?? ""]],
  },
  {
    re: /^(business|office)\s+hours(?=\s|$)/,
    read: () => [["hours", "business"]],
  },
  {
    // "12000 calls a month", "12k calls/month", "500 chats per day", "12,000 monthly calls"
    re: new RegExp(
      String.raw`^(${COUNT})\s*(?:(monthly|weekly|daily|yearly|annually|hourly)\s+)?${CONTACT_WORDS}(?:\s*(?:\/|a|an|per|each|every|in\s+an?)\s*(month|mo|week|wk|day|year|yr|hour|hr|h)|\s+(monthly|weekly|daily|yearly|annually|hourly))?(?=\s|$)`,
    ),
    read: (m) => {
      const period = own(PERIOD_WORDS, m[2] ?? m[4] ?? m[5] ?? "month") ?? "month";
      return [[volumeKey(m[3] ?? ""), period === "month" ? (m[1] ?? "") : `${m[1]}/${period}`]];
    },
  },
  {
    re: /^(?:hold\s+(?:time\s+)?(?:is\s+)?billed|bill(?:ed)?\s+hold(?:\s+time)?)(?=\s|$)/,
    read: () => [["hold-billed", "yes"]],
  },
  {
    re: /^hold\s+(?:time\s+)?(?:is\s+)?(?:not\s+billed|unbilled|free)(?=\s|$)/,
    read: () => [["hold-billed", "no"]],
  },
  {
    re: /^licensed(?:\s+insurance)?(?:\s+agents?)?(?=\s|$)/,
    read: () => [["licensed", "yes"]],
  },
  {
    // "billed per second", "per-minute billing", "billing by the minute", "rounded up to the minute"
    re: /^(?:billed\s+|billing\s+|rounded\s+(?:up\s+)?)?(?:per[-\s]?|by\s+the\s+|to\s+the\s+(?:next\s+)?)(second|minute)(?:\s+billing|\s+increments?)?(?=\s|$)/,
    read: (m) => [["billing", m[1] === "second" ? "1s" : "60s"]],
  },
  {
    // "6-second billing", "30 s increments"
    re: /^(\d+)[-\s]?(s|sec|secs|seconds?|m|min|mins|minutes?)\s+(?:billing|increments?)(?=\s|$)/,
    read: (m) => [["billing", `${m[1]}${m[2]}`]],
  },
  ...serviceLevelPhrases(),
  // "6 min avg", "average call 6 minutes", "at 6 minutes each": the talk time.
  ...callLengthPhrases("talk"),
];

export const ESTIMATE_READER: ReaderConfig = {
  keys: {
    contacts: [
      "calls",
      "volume",
      "monthly-volume",
      "contacts-per-month",
      "calls-per-month",
      "monthly-contacts",
    ],
    talk: ["talk-time"],
    wrap: ["wrap-up", "wrapup", "wrap-time", "after-call-work", "acw"],
    hold: ["hold-time"],
    "hold-billed": ["bill-hold", "hold-is-billed"],
    hours: ["coverage", "schedule", "open"],
    billing: ["billing-increment", "increment", "rounding"],
    target: ["sl", "service-level", "service-level-target"],
    answer: ["answer-time", "within", "threshold"],
    shrinkage: [],
    "max-occupancy": ["occupancy", "max-occ", "maximum-occupancy"],
    "shared-rate": ["per-minute-rate", "minute-rate", "rate-per-minute"],
    "hourly-rate": ["agent-hour-rate", "rate-per-hour", "hour-rate", "dedicated-rate"],
    licensed: ["licensed-agents"],
    languages: ["language", "langs"],
    chats: ["chats-per-month", "monthly-chats"],
    "chat-time": ["chat-length", "chat-handle", "chat-aht", "chat-duration"],
    emails: ["e-mails", "emails-per-month", "monthly-emails", "tickets"],
    "email-time": ["e-mail-time", "email-handle", "email-aht", "ticket-time"],
    concurrency: ["chats-per-agent", "concurrent-chats", "concurrent"],
    response: ["response-time", "response-target", "email-response"],
    patience: ["average-patience", "patience-time", "time-to-abandon"],
    "max-abandon": ["abandon", "abandonment", "max-abandonment", "abandon-rate", "abandonment-rate"],
    shape: ["day-shape", "curve", "profile-shape"],
    hourly: ["per-hour", "by-hour", "hourly-contacts"],
    interval: ["interval-length"],
    "billing-basis": ["basis", "bill-basis", "billed-hours"],
    "fte-hours": ["full-time-hours", "hours-per-fte", "fte-week"],
    ...PRICING_KEYS,
  },
  unitKeys: [
    "talk",
    "wrap",
    "hold",
    "answer",
    "billing",
    "chat-time",
    "email-time",
    "response",
    "patience",
    "interval",
  ],
  phraseValues: {
    contacts: COUNT,
    talk: DURATION,
    wrap: DURATION,
    hold: DURATION,
    "hold-billed": YES_NO,
    hours: HOURS_VALUE,
    billing: `${DURATION}|${BILLING_WORDS}`,
    target: RATE,
    answer: DURATION,
    shrinkage: RATE,
    "max-occupancy": RATE,
    "shared-rate": RANGE_VALUE,
    "hourly-rate": RANGE_VALUE,
    licensed: YES_NO,
    languages: String.raw`[a-z]{2,}(?:\s*[/+&]\s*[a-z]{2,})*`,
    "chat-time": DURATION,
    "email-time": DURATION,
    concurrency: String.raw`\d+`,
    response: DURATION,
    patience: DURATION,
    "max-abandon": RATE,
    "billing-basis": "paid|productive",
  },
  phrases: PHRASES,
  fromFacts: estimateFromFacts,
  // "what would 12k calls a month cost": the question words carry no value.
  fillers: [
    ...DEFAULT_FILLERS,
    "what",
    "how",
    "much",
    "does",
    "it",
    "cost",
    "for",
    "to",
    "callers",
    "customers",
  ],
  example: ESTIMATE_EXAMPLE,
  help: HELP,
  // "languages spanish and french" is one list, not two clauses.
  preprocess: (text) =>
    text
      // "languages es, fr" (a comma would otherwise start a new clause); stop at words of other keys.
      .replace(
        /\b(languages?\s+[a-z]{2,})((?:\s*,\s*(?!(?:licensed|business|office|billing|hours|talk|wrap|hold)\b)[a-z]{2,}(?=\s*,|\s*$|\s+(?:and|&)\s))+)/g,
        (_m, head: string, rest: string) => `${head}${rest.replace(/\s*,\s*/g, "/")}`,
      )
      .replace(
        /\b(languages?\s+[a-z]{2,}(?:\/[a-z]{2,})*)((?:\s+(?:and|&)\s+[a-z]{2,})+)/g,
        (_m, head: string, rest: string) => `${head}${rest.replace(/\s+(?:and|&)\s+/g, "/")}`,
      ),
  hints: {
    aht: "Give `talk`, `wrap` and `hold` separately instead of `aht`: per-minute billing counts talk and wrap-up but not hold.",
  },
};

const ctx = { example: ESTIMATE_EXAMPLE };

const fail = (key: string, given: Given, message: string): never => failOn(key, given, message, ctx);

/** Parse `/cc-estimate` text (plain phrases and/or key=value pairs). */
export function parseEstimate(text: string, pricing: Pricing, opts: { locale?: string } = {}): EstimateParse {
  requireText(
    text,
    "Tell me your monthly volume and talk time to estimate the cost.",
    HELP,
    ESTIMATE_EXAMPLE,
  );
  const defaults: string[] = [];
  const readAs: string[] = [];
  const reading = emptySummary();
  const givens = readInput(joinCurrencyCodes(text), ESTIMATE_READER, { ...opts, summary: reading, readAs });
  splitTarget(givens);

  const coverage = givens.has("hours") ? readCoverage(givens.get("hours") as Given) : businessHours(pricing);
  if (!givens.has("hours")) defaults.push("hours: business (9 h × 5 days a week)");

  const hourlyCountsGiven = givens.get("hourly");
  const hourly = hourlyCountsGiven ? readHourly(hourlyCountsGiven) : undefined;
  const coverageUsed: Coverage = hourly
    ? {
        hoursPerDay: new Set(hourly.map((h) => h.hour)).size,
        daysPerWeek: coverage.daysPerWeek,
        label: `${new Set(hourly.map((h) => h.hour)).size}x${coverage.daysPerWeek}`,
      }
    : coverage;
  const contactsGiven = givens.get("contacts");
  if (hourly && contactsGiven)
    throw new UserInputError(
      `Give either the monthly volume (${contactsGiven.shown}) or the contacts of each hour (${hourlyCountsGiven?.shown}), not both: with \`hourly\` the month is that day × the open days.`,
      { field: "hourly", example: "hourly=9:40,10:80,11:120,12:90 talk=5m" },
    );
  const chats = readChannelVolume(givens, "chats", "chat-time", coverageUsed, pricing, readAs);
  const emails = readChannelVolume(givens, "emails", "email-time", coverageUsed, pricing, readAs);
  if (!contactsGiven && !hourly && !chats && !emails)
    throw new UserInputError(
      "How many contacts (calls, chats, e-mails) a month? Add e.g. `contacts=12000`.",
      {
        field: "contacts",
        details: [HELP],
        example: ESTIMATE_EXAMPLE,
      },
    );
  const openDays = monthlyCoverageDays(coverageUsed, pricing);
  const contactsPerMonth = hourly
    ? hourly.reduce((s, h) => s + h.contacts, 0) * openDays
    : contactsGiven
      ? readContacts(contactsGiven, coverage, pricing, readAs)
      : 0;
  if (hourly)
    readAs.push(
      `${hourly.reduce((s, h) => s + h.contacts, 0).toLocaleString(numberLocale())} contacts in one open day (${hourly.length} hours) × ${Math.round(openDays * 100) / 100} open days a month = ${Math.round(contactsPerMonth).toLocaleString(numberLocale())} contacts a month`,
    );

  const talkGiven = givens.get("talk");
  if (!talkGiven && contactsPerMonth > 0)
    throw new UserInputError("How long is an average contact? Add the talk time, e.g. `talk=5m`.", {
      field: "talk",
      details: [HELP],
      example: ESTIMATE_EXAMPLE,
    });
  const talkSeconds = talkGiven
    ? readDuration("talk", talkGiven, ctx, { min: 1, max: 4 * 3600 })
    : WORKLOAD_DEFAULTS.talkSeconds;
  const optionalDuration = (key: "wrap" | "hold", label: string, fallback: number) => {
    const g = givens.get(key);
    if (!g) defaults.push(`${label}: ${fallback % 60 === 0 ? `${fallback / 60} min` : `${fallback} s`}`);
    return g ? readDuration(key, g, ctx, { min: 0, max: 4 * 3600, allowZero: true }) : fallback;
  };
  const wrapSeconds = optionalDuration("wrap", "wrap-up", WORKLOAD_DEFAULTS.wrapSeconds);
  const holdSeconds = optionalDuration("hold", "hold", WORKLOAD_DEFAULTS.holdSeconds);
  const holdBilledGiven = givens.get("hold-billed");
  const holdBilled = holdBilledGiven ? readYesNo("hold-billed", holdBilledGiven, ctx) : false;
  if (!holdBilledGiven && holdSeconds > 0) defaults.push("hold not billed");

  const billingGiven = givens.get("billing");
  const billingIncrementSeconds = billingGiven
    ? readBilling(billingGiven)
    : ESTIMATE_DEFAULTS.billingIncrementSeconds;
  if (!billingGiven) defaults.push("billing: rounded up to the next minute");

  const { answerSeconds, target, shrinkage, maxOccupancy } = readQueueTargets(
    givens,
    ctx,
    ESTIMATE_DEFAULTS,
    defaults,
    "contact",
  );

  const extras = readEstimateExtras(
    givens,
    { chats: Boolean(chats), emails: Boolean(emails) },
    defaults,
    reading,
  );

  const sharedGiven = givens.get("shared-rate");
  const hourlyGiven = givens.get("hourly-rate");
  const sharedRate = sharedGiven
    ? readUsdRange(
        "shared-rate",
        sharedGiven,
        { min: 0.01, max: 20, unit: "a minute", units: MINUTE_UNITS },
        readAs,
      )
    : undefined;
  const hourlyRate = hourlyGiven
    ? readUsdRange(
        "hourly-rate",
        hourlyGiven,
        { min: 1, max: 500, unit: "an agent-hour", units: HOUR_UNITS },
        readAs,
      )
    : undefined;
  const choices = readPricingChoices(givens, readAs);
  const licensedGiven = givens.get("licensed");
  const licensed = licensedGiven ? readYesNo("licensed", licensedGiven, ctx) : false;
  const languagesGiven = givens.get("languages");
  const languages = languagesGiven ? readLanguages(languagesGiven) : [];

  reading.warnings.push(...queueWarnings({ target, shrinkage, maxOccupancy }));
  return {
    reading,
    input: {
      contactsPerMonth,
      talkSeconds,
      wrapSeconds,
      holdSeconds,
      holdBilled,
      coverage: coverageUsed,
      billingIncrementSeconds,
      target,
      answerSeconds,
      shrinkage,
      maxOccupancy,
      sharedRate,
      hourlyRate,
      licensed,
      languages,
      ...(choices.location ? { location: locationRates(choices.location) } : {}),
      ...(chats ? { chats } : {}),
      ...(emails ? { emails } : {}),
      ...(hourly ? { hourly } : {}),
      ...extras,
    },
    defaults,
    readAs,
    choices,
  };
}

function splitTarget(givens: Givens): void {
  const t = givens.get("target");
  const m = t ? /^(\d{1,2}(?:\.\d+)?)\s*%?\s*\/\s*(\d{1,4})\s*s?$/.exec(t.value) : null;
  if (!t || !m) return;
  if (givens.has("answer")) fail("answer", t, "this already gives the answer time; leave out `answer`.");
  givens.set("target", { value: `${m[1]}%`, shown: t.shown });
  givens.set("answer", { value: `${m[2]}s`, shown: t.shown });
}

function readContacts(
  given: Given,
  coverage: Coverage,
  pricing: Pricing,
  readAs: string[],
  key = "contacts",
): number {
  const m = /^(.*?)\s*\/\s*(month|mo|week|wk|day|year|yr|hour|hr|h)$/.exec(given.value);
  const period = m ? (own(PERIOD_WORDS, m[2] ?? "month") ?? "month") : "month";
  const count = readCount(key, { ...given, value: m?.[1] ?? given.value }, ctx, 50_000_000);
  const weeksPerMonth = pricing.coverage.weeksPerYear / 12;
  const perMonth =
    period === "year"
      ? count / 12
      : period === "week"
        ? count * weeksPerMonth
        : period === "day"
          ? count * monthlyCoverageDays(coverage, pricing)
          : period === "hour"
            ? count * monthlyCoverageHours(coverage, pricing)
            : count;
  if (period !== "month") {
    const how =
      period === "day"
        ? `× ${Math.round(monthlyCoverageDays(coverage, pricing) * 10) / 10} open days a month`
        : period === "week"
          ? `× ${Math.round(weeksPerMonth * 1000) / 1000} weeks a month`
          : period === "hour"
            ? `× ${Math.round(monthlyCoverageHours(coverage, pricing) * 10) / 10} coverage hours a month`
            : "÷ 12";
    readAs.push(
      `${count.toLocaleString(numberLocale())} ${period === "hour" ? "an" : "a"} ${period} ${how} = ${Math.round(perMonth).toLocaleString(numberLocale())} contacts a month`,
    );
  }
  if (perMonth > 50_000_000)
    fail("contacts", given, "more than 50,000,000 contacts a month is more than this calculator handles.");
  return Math.round(perMonth * 100) / 100;
}

function readCoverage(given: Given): Coverage {
  const v = given.value.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^24 ?[/x] ?7( ?\/ ?365)?$/.test(v) || v === "always" || v === "24-7" || v === "7x24")
    return { hoursPerDay: 24, daysPerWeek: 7, label: "24/7" };
  if (/^(business|office)( hours)?$/.test(v)) return { hoursPerDay: 9, daysPerWeek: 5, label: "business" };
  // "12x6", "12h x 6d", and "24/5" written like 24/7.
  const m = /^(\d{1,2}(?:\.\d+)?) ?h? ?x ?(\d) ?d?$/.exec(v) ?? /^(\d{1,2}) ?\/ ?(\d)$/.exec(v);
  if (m) {
    const h = Number(m[1]);
    const d = Number(m[2]);
    if (!(h > 0 && h <= 24)) fail("hours", given, "hours a day must be between 1 and 24.");
    if (!(d >= 1 && d <= 7)) fail("hours", given, "days a week must be between 1 and 7.");
    return h === 24 && d === 7
      ? { hoursPerDay: 24, daysPerWeek: 7, label: "24/7" }
      : { hoursPerDay: h, daysPerWeek: d, label: `${h}x${d}` };
  }
  return fail(
    "hours",
    given,
    "`hours` must be `24/7`, `business` (9 h × 5 days) or hours a day × days a week, like `12x6`.",
  );
}

function readBilling(given: Given): number {
  const v = given.value
    .toLowerCase()
    .replace(/[-\s]+/g, " ")
    .trim();
  if (/^(per |by the )?second$/.test(v)) return 1;
  if (/^(per |by the )?minute$/.test(v)) return 60;
  const s = readDuration("billing", given, ctx, { min: 1, max: 1800 });
  return s;
}

const MINUTE_UNITS = ["min", "minute", "m", "mins"];
const HOUR_UNITS = ["h", "hr", "hour", "hours", "agent-hour"];

const ENGLISH = new Set(["en", "eng", "english"]);

function readLanguages(given: Given): string[] {
  const items = splitList(given.value.replace(/[/+&]/g, ","));
  const out: string[] = [];
  for (const item of items) {
    if (!/^\p{L}[\p{L} -]{1,29}$/u.test(item))
      fail(
        "languages",
        given,
        "list languages by name or code, like `languages=es,fr` or `languages=spanish`.",
      );
    const name = item.toLowerCase();
    if (!ENGLISH.has(name) && !out.includes(name)) out.push(name);
  }
  if (out.length > 10) fail("languages", given, "at most 10 languages besides English.");
  return out;
}

/** `chats=3000 chat-time=12m` (or e-mails): a monthly volume with its own handle time. */
function readChannelVolume(
  givens: Givens,
  key: "chats" | "emails",
  timeKey: "chat-time" | "email-time",
  coverage: Coverage,
  pricing: Pricing,
  readAs: string[],
): { contactsPerMonth: number; handleSeconds: number } | undefined {
  const g = givens.get(key);
  const t = givens.get(timeKey);
  if (!g && !t) return undefined;
  if (!g)
    throw new UserInputError(`${t?.shown}: how many ${key} a month? Add \`${key}=\`.`, {
      field: key,
      example: "calls=8000 talk=5m chats=3000 chat-time=12m emails=2000 email-time=8m",
    });
  if (!t)
    throw new UserInputError(
      `${g.shown}: how long does one ${key === "chats" ? "chat" : "e-mail"} take an agent? Add \`${timeKey}=\` (e.g. \`${timeKey}=${key === "chats" ? "12m" : "8m"}\`).`,
      { field: timeKey, example: "calls=8000 talk=5m chats=3000 chat-time=12m emails=2000 email-time=8m" },
    );
  return {
    contactsPerMonth: readContacts({ ...g }, coverage, pricing, readAs, key),
    handleSeconds: readDuration(timeKey, t, ctx, { min: 1, max: 8 * 3600 }),
  };
}

/** `hourly=9:40,10:80,11:120`: contacts in each hour (0–23) of one open day. */
function readHourly(given: Given): HourlyCount[] {
  const items = given.value.split(/[,;\s]+/).filter((x) => x !== "");
  const out: HourlyCount[] = [];
  for (const item of items) {
    const m = /^(\d{1,2})(?::00)?(?:h)?[:=](\d+(?:\.\d+)?)$/.exec(item);
    const hour = m ? Number(m[1]) : Number.NaN;
    const contacts = m ? Number(m[2]) : Number.NaN;
    if (!m || !(hour >= 0 && hour <= 23) || !Number.isFinite(contacts))
      fail(
        "hourly",
        given,
        `“${item}” is not an hour and a count: write \`hourly=9:40,10:80,11:120\` (the hour of the day, 0–23, then its contacts).`,
      );
    if (out.some((h) => h.hour === hour)) fail("hourly", given, `hour ${hour} is given twice.`);
    out.push({ hour, contacts });
  }
  if (!out.length || out.every((h) => h.contacts === 0))
    fail("hourly", given, "give at least one hour with contacts, like `hourly=9:40,10:80`.");
  return out.sort((a, b) => a.hour - b.hour);
}

const SHAPE_ALIASES: Record<string, string> = {
  flat: "flat",
  even: "flat",
  "business-day": "business-day",
  business: "business-day",
  "business-hours": "business-day",
  office: "business-day",
  "24/7": "24/7",
  "24x7": "24/7",
  "24-7": "24/7",
  "round-the-clock": "24/7",
};

/** Channels' options, Erlang A, the day shape, intervals, billing basis and FTE hours. */
function readEstimateExtras(
  givens: Givens,
  has: { chats: boolean; emails: boolean },
  defaults: string[],
  reading: ReadingSummary,
): Partial<EstimateInput> {
  const out: Partial<EstimateInput> = {};
  const concurrencyGiven = givens.get("concurrency");
  if (concurrencyGiven && !has.chats)
    fail("concurrency", concurrencyGiven, "concurrency is for chats: add `chats=` and `chat-time=`.");
  if (has.chats) {
    const k = concurrencyGiven ? readCount("concurrency", concurrencyGiven, ctx, 50) : DEFAULT_CONCURRENCY;
    if (!Number.isInteger(k))
      fail("concurrency", concurrencyGiven as Given, "a whole number of chats at once.");
    if (!concurrencyGiven) defaults.push(`chat concurrency: ${DEFAULT_CONCURRENCY} at once`);
    if (k > MAX_GOOD_CONCURRENCY)
      reading.warnings.push(
        `${k} chats at once is above ${MAX_GOOD_CONCURRENCY}, where quality is at risk (2–3 is usual; complex chats at most 2).`,
      );
    out.concurrency = k;
  }
  const responseGiven = givens.get("response");
  if (responseGiven && !has.emails)
    fail("response", responseGiven, "a response target is for e-mails: add `emails=` and `email-time=`.");
  if (has.emails) {
    out.responseSeconds = responseGiven
      ? readDuration("response", responseGiven, ctx, { min: 60, max: 7 * 86_400 })
      : DEFAULT_RESPONSE_SECONDS;
    if (!responseGiven) defaults.push("e-mail response target: 24 h");
  }
  const patienceGiven = givens.get("patience");
  if (patienceGiven)
    out.patienceSeconds = readDuration("patience", patienceGiven, ctx, { min: 1, max: 86_400 });
  const abandonGiven = givens.get("max-abandon");
  if (abandonGiven && !patienceGiven)
    fail(
      "patience",
      abandonGiven,
      "abandonment needs callers' average patience: add `patience=` (e.g. `patience=60s`); without it callers are assumed never to hang up.",
    );
  if (abandonGiven)
    out.maxAbandon = readRate("max-abandon", abandonGiven, ctx, {
      min: 0,
      max: 1,
      minExclusive: true,
      maxInclusive: false,
    });
  const shapeGiven = givens.get("shape");
  if (shapeGiven) {
    const id = own(SHAPE_ALIASES, shapeGiven.value.toLowerCase().replace(/\s+/g, "-"));
    if (!id || !dayShapes()[id])
      fail(
        "shape",
        shapeGiven,
        `\`shape\` is one of ${Object.keys(dayShapes())
          .map((k) => `\`${k}\``)
          .join(", ")}.`,
      );
    if (givens.has("hourly"))
      fail("shape", shapeGiven, "`hourly` already gives the shape of the day; keep one.");
    out.shape = id;
  } else if (!givens.has("hourly")) defaults.push("day shape: flat (the same volume every open hour)");
  const intervalGiven = givens.get("interval");
  if (intervalGiven) {
    const sec = readDuration("interval", intervalGiven, ctx, { min: 900, max: 3600 });
    if (![900, 1800, 3600].includes(sec)) fail("interval", intervalGiven, "`interval` is 15m, 30m or 1h.");
    out.intervalSeconds = sec;
  }
  const basisGiven = givens.get("billing-basis");
  if (basisGiven) {
    const v = basisGiven.value.toLowerCase().trim();
    if (v !== "paid" && v !== "productive")
      fail(
        "billing-basis",
        basisGiven,
        "`billing-basis` is `paid` (shrinkage hours billed) or `productive` (logged-in hours).",
      );
    out.billingBasis = v as BillingBasis;
  } else {
    out.billingBasis = "paid";
    defaults.push("billing basis: paid hours (shrinkage billed)");
  }
  const fteGiven = givens.get("fte-hours");
  if (fteGiven) {
    const h = Number(fteGiven.value.replace(/\s*(?:h|hours?)?(?:\/(?:w|wk|week))?$/i, ""));
    if (!(h >= 1 && h <= 80))
      fail(
        "fte-hours",
        fteGiven,
        "`fte-hours` is the hours a full-time person works a week, 1 to 80 (e.g. 40).",
      );
    out.fteHoursPerWeek = h;
  }
  return out;
}
