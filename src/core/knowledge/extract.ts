import { formatPair, tokenize } from "../parse/kv.ts";
import { factsOf, readText } from "../read/facts.ts";

/**
 * Pull the numbers out of a question ("what would 12k calls a month at 6 minutes cost?") and write
 * them as the key=value text of the estimate or staffing command (`contacts=12000 talk=6m`). Pure: the
 * commands themselves check the values and say what is missing.
 */

export type VolumePeriod = "month" | "week" | "day" | "year";

export interface QuestionFacts {
  /** A number of contacts and what it is counted over. */
  volume?: { count: number; period?: VolumePeriod; intervalSeconds?: number; typed?: string };
  talk?: string;
  wrap?: string;
  hold?: string;
  aht?: string;
  /** Any other call length ("6 minutes each", "4-minute calls"). */
  duration?: string;
  hours?: string;
  billing?: string;
  target?: string;
  answer?: string;
  shrinkage?: string;
  occupancy?: string;
  sharedRate?: string;
  hourlyRate?: string;
  licensed?: boolean;
  languages: string[];
  /** key=value pairs typed as such, passed on as they are. */
  pairs: Array<[key: string, value: string]>;
  /** Chats and e-mails summed with the calls in `volume`, by channel (the reply says so). */
  countedAsCalls: Partial<Record<"chats" | "emails", string[]>>;
  /** Words about money or about people, which decide between estimate and staffing. */
  costWords: boolean;
  agentWords: boolean;
}

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const UNIT = "seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h";
const DUR = String.raw`(?:\d+:[0-5]\d|(?:${NUM})[-\s]?(?:${UNIT}))(?![a-z])`;

const LANGUAGES = [
  "spanish",
  "french",
  "german",
  "portuguese",
  "italian",
  "romanian",
  "polish",
  "dutch",
  "russian",
  "ukrainian",
  "chinese",
  "mandarin",
  "cantonese",
  "japanese",
  "korean",
  "arabic",
  "hindi",
  "turkish",
  "hungarian",
  "greek",
  "swedish",
  "tagalog",
  "vietnamese",
];

/** "6 minutes" → "6m", "30 sec" → "30s", "4:30" stays. */
export const normalizeDuration = (text: string): string => {
  const t = text.trim().toLowerCase();
  if (/^\d+:[0-5]\d$/.test(t)) return t;
  const m = new RegExp(String.raw`^(${NUM})[-\s]?(${UNIT})$`).exec(t);
  if (!m?.[1] || !m[2]) return t;
  const unit = m[2].startsWith("h") ? "h" : m[2].startsWith("m") ? "m" : "s";
  return `${m[1].replace(/,/g, "")}${unit}`;
};

/** Read the facts of a question. The text is consumed piece by piece so no number is read twice. */
export function readFacts(question: string): QuestionFacts {
  const { pairs } = tokenize(question);
  let t = ` ${question
    .toLowerCase()
    .replace(/\b[a-z][a-z0-9_-]*=("[^"]*"|“[^”]*”|\S+)/g, " ")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")} `;
  const facts: QuestionFacts = {
    languages: [],
    countedAsCalls: {},
    pairs: pairs.map((p) => [p.key, p.value]),
    costWords:
      /\b(?:cost|costs|costing|price|prices|pricing|priced|expensive|cheap|cheaper|budget|spend|pay|paying|charge|charged|bill|billed|quote|afford|dollars?|usd|eur|euros?)\b|\$|how much/.test(
        question.toLowerCase(),
      ),
    agentWords:
      /\b(?:agents?|staff|staffing|headcount|people|reps?|representatives?|operators?|ftes?|seats?|erlangs?|employees|team size|service level|sla|asa|occupancy|shrinkage)\b|how many (?:agents|people|reps|staff|operators)/.test(
        question.toLowerCase(),
      ),
  };
  const take = (re: RegExp, read: (m: RegExpExecArray) => void): void => {
    const m = re.exec(t);
    if (!m) return;
    read(m);
    t = `${t.slice(0, m.index)} ; ${t.slice(m.index + m[0].length)}`;
  };

  // Hours first: "24/7" must not be read as a service level of 24% in 7 seconds.
  take(/\b24\s*[/x]\s*7(?:\s*\/\s*365)?\b|\b(?:a)?round[- ]the[- ]clock\b/, () => {
    facts.hours = "24/7";
  });
  // "24/5": round the clock on weekdays, not a service level of 24% in 5 seconds.
  take(/\b24\s*[/x]\s*([1-6])\b/, (m) => {
    facts.hours = `24x${m[1]}`;
  });
  take(/\b(?:business|office|working)\s+hours\b|\b9\s*(?:-|to)\s*5\b/, () => {
    facts.hours = "business";
  });
  take(/\b(\d{1,2})\s*(?:hours?|h)\s*(?:a|per)\s*day,?\s*(\d)\s*days?\b/, (m) => {
    facts.hours = `${m[1]}x${m[2]}`;
  });

  // Rates before billing words: "$0.90 per minute" is a price, not an increment.
  take(new RegExp(String.raw`\$\s*(${NUM})\s*(?:\/|per|an?)\s*(?:agent[- ]?)?(?:hour|hr)\b`), (m) => {
    facts.hourlyRate = (m[1] ?? "").replace(/,/g, "");
  });
  take(new RegExp(String.raw`\$\s*(${NUM})\s*(?:\/|per|an?)\s*(?:min|minute)\b`), (m) => {
    facts.sharedRate = (m[1] ?? "").replace(/,/g, "");
  });
  take(/\b(\d{1,3})\s*cents?\s*(?:\/|per|an?)\s*(?:min|minute)\b/, (m) => {
    facts.sharedRate = (Number(m[1]) / 100).toFixed(2);
  });

  take(
    /\b(?:billed\s+|billing\s+)?(?:per[- ]second|by\s+the\s+second|to\s+the\s+second)(?:\s+billing)?\b/,
    () => {
      facts.billing = "1s";
    },
  );
  take(/\b(\d{1,2})[-\s]?(?:s|sec|second)s?\s+(?:billing\s+)?increments?\b/, (m) => {
    facts.billing = `${m[1]}s`;
  });
  take(
    /\b(?:billed\s+per\s+minute|per[- ]minute\s+billing|by\s+the\s+minute|rounded\s+(?:up\s+)?to\s+the\s+(?:next\s+|nearest\s+)?minute|round(?:s|ing)?\s+up\s+to\s+the\s+(?:next\s+)?minute)\b/,
    () => {
      facts.billing = "60s";
    },
  );

  // Volume, with what it is counted over: the shared reader's counts, each with its own period.
  const counts = factsOf(readText(question), "count").filter((f) => f.channel !== "minutes");
  const first = counts[0];
  if (first) {
    // A list with one period ("800 emails and 1200 calls a month") is one volume.
    const same = counts.filter(
      (f) => f.period === first.period && f.intervalSeconds === first.intervalSeconds,
    );
    const volume: NonNullable<QuestionFacts["volume"]> = { count: same.reduce((n, f) => n + f.value, 0) };
    if (first.period && first.period !== "hour") volume.period = first.period;
    else if (first.period === "hour") volume.intervalSeconds = 3600;
    if (first.intervalSeconds) volume.intervalSeconds = first.intervalSeconds;
    // A number the locale does not settle goes on as typed, so the calculator asks about it; in a list
    // ("12.000 emails and 1200 calls") the unclear one goes on alone, rather than a sum of a guess.
    const unclear = same.find((f) => f.readings);
    const typed = unclear ? /\d[\d.,]*\d/.exec(unclear.span.words)?.[0] : undefined;
    if (typed) volume.typed = typed;
    facts.volume = volume;
    // Summed with the calls, chats and e-mails are priced and staffed as calls: the reply says so.
    for (const channel of ["chats", "emails"] as const) {
      const words = same.filter((f) => f.channel === channel).map((f) => f.span.words);
      if (words.length) facts.countedAsCalls[channel] = words;
    }
    for (const f of same) t = t.replace(f.span.words.toLowerCase(), " ; ");
  }

  // Service level: "80% in 20 seconds", "80/20", "90% within 30s".
  take(
    new RegExp(
      String.raw`\b(\d{1,2}(?:\.\d+)?)\s*%\s*(?:of\s+(?:calls|contacts)\s+)?(?:answered\s+)?(?:in|within|under)\s+(${DUR})`,
    ),
    (m) => {
      facts.target = `${m[1]}%`;
      facts.answer = normalizeDuration(m[2] ?? "");
    },
  );
  take(/\b(\d{2})\s*\/\s*(\d{1,3})\b/, (m) => {
    facts.target = `${m[1]}%`;
    facts.answer = `${m[2]}s`;
  });
  take(/\b(?:service[- ]level|sl)\s*(?:target\s*)?(?:of|is|at|=|:)?\s*(\d{1,2}(?:\.\d+)?)\s*%/, (m) => {
    facts.target = `${m[1]}%`;
  });
  take(/\b(\d{1,2}(?:\.\d+)?)\s*%\s*(?:service[- ]level|sl)\b/, (m) => {
    facts.target = `${m[1]}%`;
  });

  take(
    /\bshrinkage\s*(?:of|is|at|=|:)?\s*(\d{1,2}(?:\.\d+)?)\s*%?|\b(\d{1,2}(?:\.\d+)?)\s*%\s*shrinkage\b/,
    (m) => {
      facts.shrinkage = `${m[1] ?? m[2]}%`;
    },
  );
  take(
    /\b(?:max(?:imum)?\s+)?occupancy\s*(?:of|is|at|=|:|cap(?:ped)?\s+at)?\s*(\d{1,3}(?:\.\d+)?)\s*%?|\b(\d{1,3}(?:\.\d+)?)\s*%\s*(?:max(?:imum)?\s+)?occupancy\b/,
    (m) => {
      facts.occupancy = `${m[1] ?? m[2]}%`;
    },
  );

  // Named parts of the handle time, either order: "hold 30s", "30 seconds of hold".
  const named = (names: string, set: (v: string) => void): void => {
    take(
      new RegExp(
        String.raw`\b(?:${names})(?:\s+time)?\s*(?:of|is|=|:|about|around|averages?)?\s*(${DUR})|(${DUR})\s*(?:of\s+)?(?:${names})\b`,
      ),
      (m) => set(normalizeDuration(m[1] ?? m[2] ?? "")),
    );
  };
  named(String.raw`average\s+handle|average\s+handling|handle|handling|aht`, (v) => {
    facts.aht = v;
  });
  named(String.raw`wrap[- ]?up|wrap|after[- ]call(?:\s+work)?|acw`, (v) => {
    facts.wrap = v;
  });
  named("hold", (v) => {
    facts.hold = v;
  });
  named("talk(?:ing)?", (v) => {
    facts.talk = v;
  });
  // An answer threshold alone: "answered within 30 seconds".
  take(new RegExp(String.raw`\b(?:answer(?:ed)?\s+)?(?:within|under)\s+(${DUR})`), (m) => {
    facts.answer = normalizeDuration(m[1] ?? "");
  });
  // Any other call length is the handle (or talk) time: "at 6 minutes", "4-minute calls", "5 min each".
  take(new RegExp(`(${DUR})`), (m) => {
    facts.duration = normalizeDuration(m[1] ?? "");
  });

  if (/\blicensed\b/.test(t)) facts.licensed = true;
  for (const lang of LANGUAGES) if (new RegExp(`\\b${lang}\\b`).test(t)) facts.languages.push(lang);
  return facts;
}

const ESTIMATE_KEYS = new Set([
  "contacts",
  "calls",
  "volume",
  "talk",
  "wrap",
  "hold",
  "hold-billed",
  "hours",
  "coverage",
  "billing",
  "target",
  "answer",
  "shrinkage",
  "max-occupancy",
  "occupancy",
  "shared-rate",
  "hourly-rate",
  "licensed",
  "languages",
]);

const STAFFING_KEYS = new Set([
  "calls",
  "interval",
  "aht",
  "talk",
  "hold",
  "wrap",
  "answer",
  "target",
  "shrinkage",
  "max-occupancy",
  "occupancy",
]);

const join = (
  pairs: Array<[string, string | undefined]>,
  typed: Array<[string, string]>,
  allowed: Set<string>,
) => {
  const out = new Map<string, string>();
  for (const [k, v] of pairs) if (v !== undefined && v !== "") out.set(k, v);
  // What the user typed as key=value wins over what we read from the words.
  for (const [k, v] of typed) if (allowed.has(k)) out.set(k, v);
  return [...out].map(([k, v]) => formatPair(k, v)).join(" ");
};

/** The `/cc-estimate` text for a question, e.g. `contacts=12000 talk=6m hours=24/7`. */
export function toEstimateArgs(question: string, facts: QuestionFacts = readFacts(question)): string {
  const v = facts.volume;
  // A volume per interval ("300 calls an hour") becomes an hourly one, which the estimate spreads over
  // the coverage hours of a month.
  const contacts = v?.intervalSeconds
    ? `${Math.round(((v.count * 3600) / v.intervalSeconds) * 100) / 100}/hour`
    : v
      ? v.period && v.period !== "month"
        ? `${v.typed ?? v.count}/${v.period}`
        : `${v.typed ?? v.count}`
      : undefined;
  const talk = facts.talk ?? facts.aht ?? facts.duration;
  return join(
    [
      ["contacts", contacts],
      ["talk", talk],
      ["wrap", facts.wrap],
      ["hold", facts.hold],
      ["hours", facts.hours],
      ["billing", facts.billing],
      ["target", facts.target],
      ["answer", facts.answer],
      ["shrinkage", facts.shrinkage],
      ["max-occupancy", facts.occupancy],
      ["shared-rate", facts.sharedRate],
      ["hourly-rate", facts.hourlyRate],
      ["licensed", facts.licensed ? "yes" : undefined],
      ["languages", facts.languages.length > 0 ? facts.languages.join(",") : undefined],
    ],
    facts.pairs,
    ESTIMATE_KEYS,
  );
}

/** The `/cc-staffing` text for a question, e.g. `calls=300 interval=60m aht=4m answer=20s target=80%`. */
export function toStaffingArgs(question: string, facts: QuestionFacts = readFacts(question)): string {
  const v = facts.volume;
  const parts = facts.talk !== undefined || facts.wrap !== undefined || facts.hold !== undefined;
  const aht = facts.aht ?? (parts ? undefined : facts.duration);
  return join(
    [
      ["calls", v && !v.period ? `${v.count}` : undefined],
      ["interval", v?.intervalSeconds ? `${v.intervalSeconds / 60}m` : undefined],
      ["aht", aht],
      ["talk", facts.aht ? undefined : (facts.talk ?? (parts && !facts.talk ? facts.duration : undefined))],
      ["hold", facts.aht ? undefined : facts.hold],
      ["wrap", facts.aht ? undefined : facts.wrap],
      ["answer", facts.answer],
      ["target", facts.target],
      ["shrinkage", facts.shrinkage],
      ["max-occupancy", facts.occupancy],
    ],
    facts.pairs,
    STAFFING_KEYS,
  );
}

/**
 * A command text to suggest when the one read from a question was not enough: the user's own values
 * plus the missing key, its value taken from the command's example (`calls=300 interval=60m aht=3m`).
 * Falls back to the example itself when the missing key cannot be told.
 */
export function suggestArgs(args: string, field: string | undefined, example: string | undefined): string {
  if (!example) return args;
  if (!field || args.trim() === "") return example;
  const have = new Set(tokenize(args).pairs.map((p) => p.key));
  // Examples written in plain words ("12000 calls a month, talk 5m") have no pairs to borrow from.
  const value = tokenize(example).pairs.find((p) => p.key === field)?.value ?? TYPICAL_VALUES[field];
  if (have.has(field) || value === undefined) return example;
  return `${args} ${formatPair(field, value)}`;
}

/** A typical value for each key a command may find missing, to complete a suggestion. */
const TYPICAL_VALUES: Record<string, string> = {
  contacts: "12000",
  talk: "5m",
  calls: "100",
  interval: "30m",
  aht: "3m",
};
