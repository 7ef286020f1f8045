import { UserInputError } from "../errors.ts";
import { own } from "../read/lookup.ts";
import { emptySummary, queueWarnings, type ReadingSummary } from "../read/summary.ts";
import { staffingFromFacts } from "../read/to-keys.ts";
import {
  COUNT,
  callLengthPhrases,
  DEFAULT_FILLERS,
  DURATION,
  type Given,
  type Givens,
  type PhraseRule,
  RATE,
  type ReaderConfig,
  readCount,
  readDuration,
  readInput,
  readQueueTargets,
  requireText,
} from "./input.ts";
import type { StaffingInput } from "./solve.ts";

/** Defaults for fields left out, stated in every reply (industry-typical values). */
export const STAFFING_DEFAULTS = {
  intervalSeconds: 1800,
  answerSeconds: 20,
  target: 0.8,
  shrinkage: 0.3,
  maxOccupancy: 0.85,
} as const;

export const STAFFING_EXAMPLE =
  "calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30% max-occupancy=85%";

export const HELP =
  "Keys: `calls`, `interval`, `aht` (or `talk`, `hold`, `wrap`), `answer`, `target`, `shrinkage`, `max-occupancy`. " +
  "Durations take s, m or h (`aht=3m`, `answer=20s`); rates take % or a fraction (`target=80%`). " +
  "Plain words work too: `100 calls in 30 minutes, aht 3m, 80% in 20s`.";

/** Where each value came from, for the reply's "read as" line. */
export interface StaffingParse {
  input: StaffingInput;
  /** Plain descriptions of the defaults applied to fields left out. */
  defaults: string[];
  /** What was understood from free text, how it was read, and warnings about unlikely values. */
  reading: ReadingSummary;
  readAs: string[];
}

const INTERVAL_WORDS: Record<string, number> = {
  hour: 3600,
  hours: 3600,
  hr: 3600,
  hrs: 3600,
  h: 3600,
  "half hour": 1800,
  minute: 60,
  min: 60,
  "quarter hour": 900,
};

const CALL_WORDS = String.raw`(?:inbound\s+)?(?:calls?|contacts?|chats?)`;

const PERIOD_OF: Record<string, string> = { daily: "day", weekly: "week", monthly: "month", yearly: "year" };

/** A volume per day, week, month or year cannot be sized as one interval without inventing a peak. */
const tooLongPeriod = (count: string, word: string): never => {
  const period = own(PERIOD_OF, word) ?? word;
  const n = count.replace(/\s+/g, "");
  throw new UserInputError(
    `“${n} calls a ${period}” is a total over many hours; \`/cc-staffing\` sizes one interval of up to 24 hours. Give the calls in a busy hour or half hour (e.g. \`60 calls per hour\`), or use \`/cc-estimate ${n} calls a ${period}, talk 5m\` for the cost and team over a month.`,
    { field: "calls", example: "60 calls per hour, aht 4m" },
  );
};

const PHRASES: PhraseRule[] = [
  {
    // "500 calls a day", "12k calls/month", "12k monthly calls": not one interval.
    re: new RegExp(
      String.raw`^(${COUNT})\s*(?:(?:(daily|weekly|monthly|yearly)\s+${CALL_WORDS})|${CALL_WORDS}\s*(?:in\s+a|in|per|every|each|an?|\/)\s*(day|week|month|year))(?=\s|$)`,
    ),
    read: (m) => tooLongPeriod(m[1] ?? "", m[2] ?? m[3] ?? "day"),
  },
  {
    // "100 calls in 30 minutes", "400 calls per hour", "100 calls every half hour", "300 calls/hr"
    re: new RegExp(
      String.raw`^(${COUNT})\s*${CALL_WORDS}\s*(?:in\s+an?|in|per|every|each|an?|\/)\s*(?:(${DURATION})|(half[-\s]?hour|quarter[-\s]?hour|hours?|hrs?|h|minute|min))(?=\s|$)`,
    ),
    read: (m) => {
      const word = m[3]?.replace(/[-\s]+/, " ");
      const interval = m[2] ?? `${own(INTERVAL_WORDS, word ?? "") ?? 0}s`;
      return [
        ["calls", m[1] ?? ""],
        ["interval", interval],
      ];
    },
  },
  {
    re: new RegExp(String.raw`^(${COUNT})\s*${CALL_WORDS}(?=\s|$)`),
    read: (m) => [["calls", m[1] ?? ""]],
  },
  ...serviceLevelPhrases(),
  ...callLengthPhrases("aht"),
];

/** "80% in 20s", "80% of calls answered within 20 seconds", "80/20": target and answer together. */
export function serviceLevelPhrases(): PhraseRule[] {
  return [
    {
      re: new RegExp(
        String.raw`^(${RATE})\s*(?:of\s+(?:calls|contacts)\s+)?(?:answered\s+)?(?:in|within|under)\s+(${DURATION})(?=\s|$)`,
      ),
      read: (m) => [
        ["target", m[1] ?? ""],
        ["answer", m[2] ?? ""],
      ],
    },
    {
      re: /^(?:sl\s+|service[-\s]level\s+)?(\d{1,2}(?:\.\d+)?)\s*\/\s*(\d{1,4})(?=\s|$)/,
      read: (m) => [
        ["target", `${m[1]}%`],
        ["answer", `${m[2]}s`],
      ],
    },
  ];
}

/** `target=80/20` (as some people write a service level) becomes target 80% and answer 20 s. */
export function splitServiceLevel(givens: Givens): void {
  const t = givens.get("target");
  const m = t ? /^(\d{1,2}(?:\.\d+)?)\s*%?\s*\/\s*(\d{1,4})\s*s?$/.exec(t.value) : null;
  if (!t || !m) return;
  if (givens.has("answer"))
    throw new UserInputError(
      `${t.shown} already gives the answer time; leave out \`answer\` or write \`target=${m[1]}%\`.`,
      {
        field: "answer",
        example: STAFFING_EXAMPLE,
      },
    );
  givens.set("target", { value: `${m[1]}%`, shown: t.shown });
  givens.set("answer", { value: `${m[2]}s`, shown: t.shown });
}

export const STAFFING_READER: ReaderConfig = {
  keys: {
    calls: ["calls-per-interval", "volume", "contacts"],
    interval: ["interval-length", "period"],
    aht: ["handle", "handle-time", "average-handle-time", "handling-time", "handling"],
    talk: ["talk-time"],
    hold: ["hold-time"],
    wrap: ["wrap-up", "wrapup", "after-call-work", "acw"],
    answer: ["answer-time", "within", "threshold"],
    target: ["sl", "service-level", "service-level-target"],
    shrinkage: [],
    "max-occupancy": ["occupancy", "max-occ", "maximum-occupancy"],
  },
  unitKeys: ["interval", "aht", "talk", "hold", "wrap", "answer"],
  phraseValues: {
    calls: COUNT,
    interval: DURATION,
    aht: DURATION,
    talk: DURATION,
    hold: DURATION,
    wrap: DURATION,
    answer: DURATION,
    target: RATE,
    shrinkage: RATE,
    "max-occupancy": RATE,
  },
  phrases: PHRASES,
  fromFacts: staffingFromFacts,
  // "how many agents do we need for 300 calls an hour": the question words carry no value.
  fillers: [...DEFAULT_FILLERS, "how", "many", "agents", "do", "for", "staff", "to", "size"],
  example: STAFFING_EXAMPLE,
  help: HELP,
  hints: {
    hours:
      "`/cc-staffing` sizes one interval (`interval=30m`); for a month of coverage hours use `/cc-estimate`.",
    billing: "Billing belongs to `/cc-estimate`; `/cc-staffing` only sizes the team.",
  },
};

const ctx = { example: STAFFING_EXAMPLE };

/** Parse `/cc-staffing` text (key=value pairs and/or plain phrases) into a solve's input. */
export function parseStaffing(text: string, opts: { locale?: string } = {}): StaffingParse {
  requireText(text, "Tell me the call volume and handle time to size a team.", HELP, STAFFING_EXAMPLE);
  const reading = emptySummary();
  const readAs: string[] = [];
  const givens = readInput(text, STAFFING_READER, { ...opts, summary: reading, readAs });
  splitServiceLevel(givens);
  const defaults: string[] = [];
  const get = (key: string): Given | undefined => givens.get(key);

  const callsGiven = get("calls");
  if (!callsGiven)
    throw new UserInputError("How many calls arrive per interval? Add `calls=`.", {
      field: "calls",
      details: [HELP],
      example: STAFFING_EXAMPLE,
    });
  const callsPerInterval = readCount("calls", callsGiven, ctx, 10_000_000);

  const interval = get("interval");
  const intervalSeconds = interval
    ? readDuration("interval", interval, ctx, { min: 60, max: 86_400 })
    : STAFFING_DEFAULTS.intervalSeconds;
  if (!interval) defaults.push("interval: 30 min");

  const ahtSeconds = readHandleTime(givens);

  const {
    answerSeconds,
    target: targetRate,
    shrinkage,
    maxOccupancy,
  } = readQueueTargets(givens, ctx, STAFFING_DEFAULTS, defaults, "call");

  reading.warnings.push(...queueWarnings({ target: targetRate, shrinkage, maxOccupancy }));
  return {
    reading,
    readAs,
    input: {
      callsPerInterval,
      intervalSeconds,
      ahtSeconds,
      answerSeconds,
      target: targetRate,
      shrinkage,
      maxOccupancy,
    },
    defaults,
  };
}

/** AHT directly, or as talk + hold + wrap; not both. */
function readHandleTime(givens: Givens): number {
  const aht = givens.get("aht");
  const parts = (["talk", "hold", "wrap"] as const).filter((k) => givens.has(k));
  if (aht && parts.length) {
    throw new UserInputError(
      `Give either \`aht\` or its parts (\`talk\`, \`hold\`, \`wrap\`), not both: AHT is talk + hold + wrap.`,
      { field: "aht", example: STAFFING_EXAMPLE },
    );
  }
  if (aht) return readDuration("aht", aht, ctx, { min: 1, max: 4 * 3600 });
  if (!parts.length) {
    throw new UserInputError(
      "What is the average handle time? Add `aht=` (talk + hold + wrap), e.g. `aht=3m`.",
      {
        field: "aht",
        details: [HELP],
        example: STAFFING_EXAMPLE,
      },
    );
  }
  let total = 0;
  for (const k of parts) {
    const g = givens.get(k) as Given;
    total += readDuration(k, g, ctx, { min: 0, max: 4 * 3600, allowZero: true });
  }
  if (total <= 0)
    throw new UserInputError("The handle time (talk + hold + wrap) must be longer than 0.", {
      field: parts[0] ?? "aht",
      example: STAFFING_EXAMPLE,
    });
  return total;
}
