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
  type QueueTargets,
  RATE,
  type ReaderConfig,
  readCount,
  readDuration,
  readInput,
  readQueueTargets,
  readRate,
  requireText,
} from "./input.ts";
import { MAX_AGENTS, type StaffingInput } from "./solve.ts";

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
  "Keys: `calls`, `interval`, `aht` (or `talk`, `hold`, `wrap`), `answer`, `target`, `shrinkage`, `max-occupancy`, " +
  "`channel` (`voice`, `chat` with `concurrency=2`, `email` with `response=24h`), `patience` (Erlang A: callers who hang up), " +
  "`max-abandon`, `agents` (the figures at that many agents), `grid` (what if volume or handle time change). " +
  "Durations take s, m or h (`aht=3m`, `answer=20s`); rates take % or a fraction (`target=80%`). " +
  "Plain words work too: `100 calls in 30 minutes, aht 3m, 80% in 20s`.";

export type Channel = "voice" | "chat" | "email";

/** The queue model and channel of a solve, beyond the Erlang C inputs. */
export interface StaffingModel {
  channel: Channel;
  /** Chats one agent handles at once (chat only). */
  concurrency: number;
  /** Average patience before hanging up, in seconds: Erlang A when given (voice and chat). */
  patienceSeconds?: number | undefined;
  /** Highest acceptable abandonment rate, a fraction (needs patience). */
  maxAbandon?: number | undefined;
  /** The figures at exactly this many agents, instead of the agents needed. */
  agents?: number | undefined;
}

export const DEFAULT_CONCURRENCY = 2;
/** Chats at once above which quality suffers (supportman.io; cobbai.com). */
export const MAX_GOOD_CONCURRENCY = 5;
export const DEFAULT_RESPONSE_SECONDS = 24 * 3600;

/** Where each value came from, for the reply's "read as" line. */
export interface StaffingParse {
  input: StaffingInput;
  model: StaffingModel;
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

const CALL_WORDS = String.raw`(?:inbound\s+)?(?:calls?|contacts?|chats?|e-?mails?|tickets?)`;

/** The channel a volume's word names: "120 chats an hour" is chat, "40 e-mails" is e-mail. */
const channelWord = (words: string): Array<[string, string]> =>
  /\bchats?\b/.test(words)
    ? [["channel", "chat"]]
    : /\b(?:e-?mails?|tickets?)\b/.test(words)
      ? [["channel", "email"]]
      : [];

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

/** "3 chats per agent", "3 chats at once", "3 at a time": the chat concurrency. */
export const CONCURRENCY_PHRASES: PhraseRule[] = [
  {
    re: /^(\d{1,2})\s+(?:(?:chats?|conversations?)\s+)?(?:(?:per|an?|each|for\s+each)\s+agent(?:\s+at\s+(?:once|a\s+time))?|at\s+(?:once|a\s+time)|concurrent(?:ly)?)(?=\s|$)/,
    read: (m) => [["concurrency", m[1] ?? ""]],
  },
];

const PHRASES: PhraseRule[] = [
  ...CONCURRENCY_PHRASES,
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
      return [["calls", m[1] ?? ""], ["interval", interval], ...channelWord(m[0])];
    },
  },
  {
    re: new RegExp(String.raw`^(${COUNT})\s*${CALL_WORDS}(?=\s|$)`),
    read: (m) => [["calls", m[1] ?? ""], ...channelWord(m[0])],
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
    // The estimate's per-channel handle keys mean the same here, where one channel is sized at a time.
    aht: [
      "handle",
      "handle-time",
      "average-handle-time",
      "handling-time",
      "handling",
      "chat-time",
      "chat-length",
      "chat-aht",
      "email-time",
      "e-mail-time",
      "email-aht",
      "ticket-time",
    ],
    talk: ["talk-time"],
    hold: ["hold-time"],
    wrap: ["wrap-up", "wrapup", "after-call-work", "acw"],
    answer: ["answer-time", "within", "threshold"],
    target: ["sl", "service-level", "service-level-target"],
    shrinkage: [],
    "max-occupancy": ["occupancy", "max-occ", "maximum-occupancy"],
    channel: ["media", "medium"],
    chats: ["chats-per-interval"],
    emails: ["emails-per-interval", "e-mails", "tickets"],
    concurrency: ["chats-per-agent", "concurrent-chats", "concurrent"],
    response: ["response-time", "response-target", "reply-within"],
    patience: ["average-patience", "patience-time", "time-to-abandon"],
    "max-abandon": ["abandon", "abandonment", "max-abandonment", "abandon-rate", "abandonment-rate"],
    agents: ["with-agents", "at-agents", "staff"],
  },
  unitKeys: ["interval", "aht", "talk", "hold", "wrap", "answer", "response", "patience"],
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
    channel: "voice|phone|calls|chat|chats|email|e-mail|emails|async",
    concurrency: String.raw`\d+`,
    response: DURATION,
    patience: DURATION,
    "max-abandon": RATE,
  },
  phrases: PHRASES,
  fromFacts: staffingFromFacts,
  // "how many agents do we need for 300 calls an hour": the question words carry no value.
  fillers: [
    ...DEFAULT_FILLERS,
    "how",
    "many",
    "agents",
    "do",
    "for",
    "staff",
    "to",
    "size",
    "callers",
    "customers",
  ],
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

  const channelTyped = [get("chats") ? "chat" : undefined, get("emails") ? "email" : undefined].filter(
    (c) => c !== undefined,
  );
  const channel = readChannel(get("channel"), channelTyped);
  const callsKeys = (["calls", "chats", "emails"] as const).filter((k) => givens.has(k));
  if (callsKeys.length > 1)
    throw new UserInputError(
      `Give the volume once (${callsKeys.map((k) => `\`${k}\``).join(" and ")} both given): \`/cc-staffing\` sizes one channel at a time; \`/cc-estimate\` mixes them.`,
      { field: callsKeys[1] ?? "calls", example: STAFFING_EXAMPLE },
    );
  const callsGiven = get(callsKeys[0] ?? "calls");
  if (!callsGiven)
    throw new UserInputError("How many calls arrive per interval? Add `calls=`.", {
      field: "calls",
      details: [HELP],
      example: STAFFING_EXAMPLE,
    });
  const callsPerInterval = readCount(callsKeys[0] ?? "calls", callsGiven, ctx, 10_000_000);

  const interval = get("interval");
  const intervalSeconds = interval
    ? readDuration("interval", interval, ctx, { min: 60, max: 86_400 })
    : STAFFING_DEFAULTS.intervalSeconds;
  if (!interval) defaults.push("interval: 30 min");

  const ahtSeconds = readHandleTime(givens);

  let responseGiven = get("response");
  if (responseGiven && channel !== "email")
    throw new UserInputError(
      `${responseGiven.shown}: a response target is for e-mail (\`channel=email\`); calls and chats use \`answer\`.`,
      { field: "response", example: "emails=40 interval=1h aht=8m channel=email response=4h" },
    );
  // "answered within 4 hours" in plain words is the e-mail's response target.
  const answerWords = get("answer");
  if (channel === "email" && answerWords && !responseGiven && !/=/.test(answerWords.shown)) {
    givens.set("response", answerWords);
    givens.delete("answer");
    responseGiven = answerWords;
  }
  if (channel === "email" && get("answer"))
    throw new UserInputError(
      `${get("answer")?.shown}: e-mails have a response target, not an answer time: write \`response=4h\`.`,
      { field: "answer", example: "emails=40 interval=1h aht=8m channel=email response=4h" },
    );
  const {
    answerSeconds,
    target: targetRate,
    shrinkage,
    maxOccupancy,
  } = channel === "email"
    ? emailTargets(givens, responseGiven, defaults)
    : readQueueTargets(givens, ctx, STAFFING_DEFAULTS, defaults, channel === "voice" ? "call" : "contact");
  const model = readModel(givens, channel, defaults, reading);

  reading.warnings.push(...queueWarnings({ target: targetRate, shrinkage, maxOccupancy }));
  return {
    reading,
    readAs,
    model,
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

const withoutAnswer = (givens: Givens): Givens => {
  const copy = new Map(givens);
  copy.delete("answer");
  return copy;
};

const CHANNEL_WORDS: Record<string, Channel> = {
  voice: "voice",
  phone: "voice",
  calls: "voice",
  call: "voice",
  chat: "chat",
  chats: "chat",
  email: "email",
  "e-mail": "email",
  emails: "email",
  "e-mails": "email",
  async: "email",
  asynchronous: "email",
  tickets: "email",
};

/** `channel=` (voice by default), or the channel a volume key names (`chats=`, `emails=`). */
export function readChannel(given: Given | undefined, implied: string[]): Channel {
  const typed = given ? own(CHANNEL_WORDS, given.value.toLowerCase().trim()) : undefined;
  if (given && !typed)
    throw new UserInputError(
      `${given.shown}: \`channel\` must be \`voice\`, \`chat\` or \`email\` (any asynchronous channel).`,
      { field: "channel", example: "chats=120 interval=1h aht=12m channel=chat concurrency=2" },
    );
  const fromKey = implied[0] as Channel | undefined;
  if (typed && fromKey && typed !== fromKey)
    throw new UserInputError(
      `${given?.shown} does not match the \`${fromKey === "chat" ? "chats" : "emails"}=\` volume; keep one.`,
      { field: "channel", example: "chats=120 interval=1h aht=12m concurrency=2" },
    );
  return typed ?? fromKey ?? "voice";
}

/** Concurrency, patience, maximum abandonment and a fixed agent count, with their checks. */
export function readModel(
  givens: Givens,
  channel: Channel,
  defaults: string[],
  reading: ReadingSummary,
  example = STAFFING_EXAMPLE,
): StaffingModel {
  const c = { example };
  const concurrencyGiven = givens.get("concurrency");
  if (concurrencyGiven && channel !== "chat")
    throw new UserInputError(
      `${concurrencyGiven.shown}: concurrency is for chat (\`channel=chat\`); an agent takes one call at a time.`,
      { field: "concurrency", example: "chats=120 interval=1h aht=12m channel=chat concurrency=2" },
    );
  let concurrency = 1;
  if (channel === "chat") {
    concurrency = concurrencyGiven ? readCount("concurrency", concurrencyGiven, c, 50) : DEFAULT_CONCURRENCY;
    if (!Number.isInteger(concurrency))
      throw new UserInputError(`${concurrencyGiven?.shown}: \`concurrency\` is a whole number of chats.`, {
        field: "concurrency",
        example: "chats=120 interval=1h aht=12m concurrency=2",
      });
    if (!concurrencyGiven) defaults.push(`concurrency: ${DEFAULT_CONCURRENCY} chats at once`);
    if (concurrency > MAX_GOOD_CONCURRENCY)
      reading.warnings.push(
        `${concurrency} chats at once is above ${MAX_GOOD_CONCURRENCY}, where quality is at risk (2–3 is usual; complex chats at most 2).`,
      );
  }
  const patienceGiven = givens.get("patience");
  if (patienceGiven && channel === "email")
    throw new UserInputError(
      `${patienceGiven.shown}: nobody waits on the line for an e-mail, so there is no patience to model.`,
      { field: "patience", example: "emails=40 interval=1h aht=8m channel=email response=4h" },
    );
  const patienceSeconds = patienceGiven
    ? readDuration("patience", patienceGiven, c, { min: 1, max: 24 * 3600 })
    : undefined;
  const abandonGiven = givens.get("max-abandon");
  if (abandonGiven && patienceSeconds === undefined)
    throw new UserInputError(
      `${abandonGiven.shown}: abandonment needs callers' average patience: add \`patience=\` (e.g. \`patience=60s\`); without it callers are assumed never to hang up.`,
      { field: "patience", example: "calls=100 interval=30m aht=3m patience=60s max-abandon=5%" },
    );
  const maxAbandon = abandonGiven
    ? readRate("max-abandon", abandonGiven, c, { min: 0, max: 1, minExclusive: true, maxInclusive: false })
    : undefined;
  const agentsGiven = givens.get("agents");
  const agents = agentsGiven ? readCount("agents", agentsGiven, c, MAX_AGENTS) : undefined;
  if (agents !== undefined && !Number.isInteger(agents))
    throw new UserInputError(`${agentsGiven?.shown}: \`agents\` is a whole number.`, {
      field: "agents",
      example: "calls=100 interval=30m aht=3m agents=12",
    });
  return {
    channel,
    concurrency,
    ...(patienceSeconds !== undefined ? { patienceSeconds } : {}),
    ...(maxAbandon !== undefined ? { maxAbandon } : {}),
    ...(agents !== undefined ? { agents } : {}),
  };
}

/** E-mail: the answer time is the response target (24 h unless given); the other targets as usual. */
export function emailTargets(
  givens: Givens,
  responseGiven: Given | undefined,
  defaults: string[],
  fallback: QueueTargets = STAFFING_DEFAULTS,
  example = STAFFING_EXAMPLE,
): QueueTargets {
  const responseSeconds = responseGiven
    ? readDuration("response", responseGiven, { example }, { min: 60, max: 7 * 86_400 })
    : DEFAULT_RESPONSE_SECONDS;
  const own: string[] = [];
  const t = readQueueTargets(
    withoutAnswer(givens),
    { example },
    { ...fallback, answerSeconds: responseSeconds },
    own,
    "contact",
  );
  for (const d of own) {
    if (d.startsWith("service level:"))
      defaults.push(
        responseGiven
          ? `target: ${Math.round(fallback.target * 1000) / 10}% answered within the response target`
          : `response target: ${Math.round(fallback.target * 1000) / 10}% answered within 24 h`,
      );
    else if (d.startsWith("answered within")) {
      if (!responseGiven) defaults.push("response target: 24 h");
    } else defaults.push(d);
  }
  return { ...t, answerSeconds: responseSeconds };
}
