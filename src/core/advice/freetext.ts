import { basisText, daysOfHours, perMonth } from "../read/basis.ts";
import { factsOf, type Reading, readText } from "../read/facts.ts";
import { own } from "../read/lookup.ts";
import { polarity } from "../read/polarity.ts";
import { askAboutReadings } from "../read/questions.ts";
import type { Profile, ProfileKey } from "./profile.ts";
import { type Synonyms, synonyms } from "./synonyms.ts";

/**
 * Turn a description in plain words into profile facts: numbers with their units ("about 2,000 calls
 * and 500 emails a month", "calls last 4 minutes", "we grow 30% a year") and the phrase table of
 * data/advice/synonyms.json. Every fact remembers the words it came from, so the reply can show what
 * was understood and the user can correct it.
 */

export interface Understood {
  key: ProfileKey;
  value: unknown;
  /** The words it was read from. */
  from: string;
}

export interface Conflict {
  key: ProfileKey;
  values: unknown[];
  from: string[];
}

export interface ReadResult {
  facts: Profile;
  understood: Understood[];
  conflicts: Conflict[];
  /** Phrases of the text that no fact used, as typed (lower case). */
  ignored: string[];
}

const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  eleven: "11",
  twelve: "12",
  fifteen: "15",
  twenty: "20",
  thirty: "30",
  forty: "40",
  fifty: "50",
  hundred: "100",
  "a dozen": "12",
  "a couple of": "2",
  "a hundred": "100",
  "a thousand": "1000",
  single: "1",
};

/** Loose amounts people write before "hundred" or "thousand". */
const VAGUE_COUNTS: Record<string, number> = {
  "a few": 3,
  "a couple of": 2,
  "a couple": 2,
  several: 5,
  "a handful of": 3,
  a: 1,
};

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const bounded = (phrase: string): string => `(?<![a-z0-9])${escapeRe(phrase)}(?![a-z0-9])`;

/** Lower case, plain quotes and apostrophes, single spaces, number words as digits. */
export function normalizeText(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  // "a few hundred", "two hundred": the multiplier belongs to the number, not a separate 100.
  s = s.replace(
    /(?<![a-z0-9-])(a few|a couple of|a couple|several|a handful of|[a-z]+|\d+(?:\.\d+)?) (hundred|thousand)(?: and ([a-z]+|\d{1,2}))?(?![a-z0-9])/g,
    (whole, count: string, unit: string, extra: string | undefined) => {
      const n = own(VAGUE_COUNTS, count) ?? Number(own(NUMBER_WORDS, count) ?? count);
      if (!Number.isFinite(n) || n <= 0) return whole;
      // "one hundred and fifty": the tail belongs to the number; a tail that is no number stays text.
      const tail = extra === undefined ? 0 : Number(own(NUMBER_WORDS, extra) ?? extra);
      const total = n * (unit === "hundred" ? 100 : 1000);
      return Number.isFinite(tail) ? String(total + tail) : `${total} and ${extra}`;
    },
  );
  for (const [word, digits] of Object.entries(NUMBER_WORDS))
    s = s.replace(new RegExp(`(?<![a-z0-9-])${escapeRe(word)}(?![a-z0-9])`, "g"), digits);
  return s;
}

interface Table {
  key: ProfileKey | "language" | "country" | "switching" | "boolean";
  entries: Array<{ value: string; re: RegExp }>;
}

/** Phrases of one table, longest first, so "don't mind accents" is read before "mind accents". */
const compile = (key: Table["key"], map: Record<string, string[]>): Table => ({
  key,
  entries: Object.entries(map)
    .flatMap(([value, phrases]) => phrases.map((p) => ({ value, phrase: p })))
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map(({ value, phrase }) => ({ value, re: new RegExp(bounded(phrase), "g") })),
});

interface Compiled {
  tables: Table[];
  languages: Table;
  countries: Table;
  booleans: Table;
  switching: Table;
  regions: Array<{ value: string; phrase: string }>;
  negation: RegExp;
}

const cache = new WeakMap<Synonyms, Compiled>();
function compiled(syn: Synonyms): Compiled {
  const hit = cache.get(syn);
  if (hit) return hit;
  const c: Compiled = {
    tables: [
      compile("pattern", syn.pattern),
      compile("channels", syn.channels),
      compile("inbound", syn.inbound),
      compile("outbound", syn.outbound),
      compile("hours", syn.hours),
      compile("priority", syn.priority),
      compile("complexity", syn.complexity),
      compile("accents", syn.accents),
      compile("industry", syn.industries),
      compile("crm", syn.crm),
      compile("cloud", syn.cloud),
      compile("reporting", syn.reporting),
    ],
    languages: compile("language", syn.languages),
    countries: compile("country", Object.fromEntries(syn.countries.map((c) => [c, [c]]))),
    booleans: compile("boolean", syn.booleans),
    switching: compile("switching", { underperforming: syn.switching }),
    regions: Object.entries(syn.regions)
      .flatMap(([value, phrases]) => phrases.map((phrase) => ({ value, phrase })))
      .sort((a, b) => b.phrase.length - a.phrase.length),
    negation: new RegExp(
      `(?:^|[^a-z'])(?:${[...syn.negations]
        .sort((a, b) => b.length - a.length)
        .map(escapeRe)
        .join("|")})(?![a-z'])`,
    ),
  };
  cache.set(syn, c);
  return c;
}

/** Is the phrase at `index` turned off by a negation or a past tense in its clause (the shared rule)? */
function negated(text: string, index: number, _negation: RegExp, length: number): boolean {
  return !polarity(text, index, index + length).value;
}

const LIST_KEYS = new Set<ProfileKey>(["channels", "inbound", "outbound", "languages", "crm"]);

/** When the text names several values of one choice, the stronger need wins rather than an error. */
const STRONGER: Partial<Record<ProfileKey, string[]>> = {
  hours: ["business", "extended", "24/7"],
  pattern: ["steady", "seasonal", "inconsistent"],
  complexity: ["simple", "specialized"],
  reporting: ["basic", "real-time", "recordings"],
};

class Facts {
  readonly facts: Record<string, unknown> = {};
  readonly understood: Understood[] = [];
  readonly conflicts: Conflict[] = [];

  set(key: ProfileKey, value: unknown, from: string): void {
    const prev = this.facts[key];
    if (LIST_KEYS.has(key)) {
      const list = (prev as unknown[] | undefined) ?? [];
      if (!list.includes(value)) list.push(value);
      this.facts[key] = list;
      this.note(key, from);
      return;
    }
    if (prev === undefined || prev === value) {
      this.facts[key] = value;
      this.note(key, from);
      return;
    }
    const rank = own(STRONGER, key);
    if (key === "priority" && prev !== value) {
      this.facts[key] = "balanced";
      this.note(key, from);
      return;
    }
    if (rank) {
      if (rank.indexOf(String(value)) > rank.indexOf(String(prev))) this.facts[key] = value;
      this.note(key, from);
      return;
    }
    const existing = this.conflicts.find((c) => c.key === key);
    if (existing) {
      if (!existing.values.includes(value)) existing.values.push(value);
      existing.from.push(from);
    } else {
      const first = this.understood.find((u) => u.key === key);
      this.conflicts.push({ key, values: [prev, value], from: [first?.from ?? "", from] });
    }
  }

  private note(key: ProfileKey, from: string): void {
    const u = this.understood.find((x) => x.key === key);
    if (u) {
      u.value = this.facts[key];
      if (!u.from.split(" … ").includes(from)) u.from = `${u.from} … ${from}`;
    } else this.understood.push({ key, value: this.facts[key], from });
  }
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const toNumber = (s: string): number => Number(s.replace(/,/g, ""));

/**
 * Volumes, from the shared reader: each count with its own period (never one borrowed from another
 * clause), a per-day count made monthly by the open days of the hours stated (business by default).
 */
function readVolume(reading: Reading, out: Facts): void {
  const counts = factsOf(reading, "count").filter((f) => f.channel !== "minutes" && !f.intervalSeconds);
  if (counts.length === 0) return;
  askAboutReadings(reading, "volume");
  const coverage = factsOf(reading, "coverage")[0];
  const days = coverage?.daysPerWeek ?? daysOfHours(out.facts.hours as string | undefined);
  const hours = coverage?.hoursPerDay ?? 9;
  let total = 0;
  const parts: string[] = [];
  for (const f of counts) {
    const period = f.period ?? "month";
    total += f.value * perMonth(period, days, hours);
    const basis = basisText(period, days, hours);
    parts.push(basis ? `${f.span.words} (${basis})` : f.span.words);
  }
  out.set("volume", Math.round(total), parts.join(" + "));
}

/** Talk, wrap-up and hold in minutes, and growth, from the shared reader. */
function readDurations(reading: Reading, out: Facts): void {
  for (const f of factsOf(reading, "duration")) {
    const key =
      f.role === "talk" || f.role === "aht"
        ? "talk"
        : f.role === "wrap" || f.role === "hold"
          ? f.role
          : undefined;
    if (!key || out.facts[key] !== undefined) continue;
    out.set(key, round2(f.seconds / 60), f.span.words);
  }
  for (const f of factsOf(reading, "rate"))
    if (f.role === "growth" && f.value !== undefined && out.facts.growth === undefined)
      out.set("growth", Math.round(f.value * 10000) / 100, f.span.words);
}

function readNumbers(text: string, out: Facts): void {
  const first = (re: RegExp): RegExpExecArray | null => re.exec(text);
  let m: RegExpExecArray | null;

  // Own people answering customers before company size, so "our 5 agents" is not read as the company.
  m =
    first(
      new RegExp(
        String.raw`(?:our|we have|with|have)\s+(?:own\s+)?${NUM}\s+(?:in-house\s+|own\s+|internal\s+)?(?:agents|reps|representatives|operators|support (?:people|staff|agents)|people (?:on the phones?|answering|who answer|taking calls))`,
      ),
    ) ??
    first(
      new RegExp(String.raw`${NUM}\s+(?:in-house|internal|own)\s+(?:agents|reps|staff|people|operators)`),
    ) ??
    first(
      new RegExp(
        String.raw`(?:in-house|internal|own|support|service|phone) team of\s+(?:about\s+|around\s+)?${NUM}(?:\s+(?:agents|reps|people|operators))?`,
      ),
    );
  const agentsAt = m ? m.index : -1;
  if (m?.[1]) out.set("in-house-agents", Math.round(toNumber(m[1])), m[0].trim());

  m =
    first(
      new RegExp(
        String.raw`${NUM}-(?:person|people|employee|strong)(?![a-z])|${NUM} (?:person|people|employee|staff|strong)\s+(?:[a-z-]+\s+)?(?:company|business|team|shop|firm|startup|store|agency|clinic|practice)`,
      ),
    ) ??
    // "a 200 person bank": a number right before the singular "person" or "employee" is a head count.
    first(new RegExp(`${NUM} (?:person|employee)(?![a-z-])`)) ??
    // "team of 30" is the company, unless it is the in-house team of agents read above.
    [
      ...text.matchAll(
        new RegExp(String.raw`(?:team|company|staff|business) of\s+(?:about\s+|around\s+)?${NUM}`, "g"),
      ),
    ].find((x) => agentsAt < 0 || Math.abs((x.index ?? 0) - agentsAt) > 20) ??
    first(
      new RegExp(String.raw`${NUM}\s+(?:employees|staff members|people work|workers|staff(?=[,.;]|$))`),
    ) ??
    first(new RegExp(String.raw`(?:we are|we're)\s+(?:about\s+|around\s+)?${NUM}\s+people`));
  const people = m?.[1] ?? m?.[2];
  if (m && people) out.set("employees", Math.round(toNumber(people)), m[0].trim());

  m = first(
    new RegExp(
      // Not "offers from 2 call centers": those are quotes, read below.
      String.raw`(?<!(?:offers|quotes|proposals|bids|prices|pricing) from )${NUM}\s+(?:different\s+|separate\s+|physical\s+|regional\s+)?(?:sites|offices|locations|branches|call cent(?:er|re)s|stores|warehouses)`,
    ),
  );
  const oneSite = /\b(?:a single|one|1) (?:site|office|location)\b/.exec(text);
  if (m?.[1]) out.set("sites", Math.round(toNumber(m[1])), m[0].trim());
  else if (oneSite) out.set("sites", 1, oneSite[0]);

  // "we expect volume to double": growth in words (numbers come from the shared reader).
  const times = /\b(doubl(?:e|es|ing)|tripl(?:e|es|ing))\b/.exec(text);
  if (times && out.facts.growth === undefined)
    out.set("growth", times[1]?.startsWith("doubl") ? 100 : 200, times[0]);

  m =
    first(
      new RegExp(
        String.raw`(?:call(?:ing)?(?: customers| people| them| patients| clients| leads| everyone)? back|callbacks?|call-backs?|return(?:ing)? calls|get back to (?:customers|people|them))(?:\s+(?:takes?|can take|often take|sometimes takes?|in|within|after|us|up to|about|around|over|more than|at least|often|sometimes))*\s+${NUM}\s*(hours?|hrs?|h|days?|d)(?![a-z])`,
      ),
    ) ??
    first(
      new RegExp(
        String.raw`${NUM}\s*(hours?|hrs?|days?)\s+to\s+(?:(?:call|get|ring)\s+(?:customers\s+|people\s+|them\s+|patients\s+|clients\s+)?back|return (?:calls|their calls|phone calls)|respond to (?:calls|voicemails))`,
      ),
    );
  if (m?.[1] && m[2]) {
    const hours = toNumber(m[1]) * (m[2].startsWith("d") ? 24 : 1);
    // "over 24 hours" (a day) is the guide's own sign, so it must read as more than 24, not as 24.
    const numberAt = m.index + m[0].indexOf(m[1]);
    const over = /(?:over|more than|longer than|beyond)\s+$/.exec(
      text.slice(Math.max(0, numberAt - 14), numberAt),
    );
    const from = text.slice(
      over ? Math.min(m.index, numberAt - over[0].length) : m.index,
      m.index + m[0].length,
    );
    out.set("callback-hours", over && hours === 24 ? 25 : hours, from.trim());
  }

  m =
    first(
      new RegExp(String.raw`${NUM}\s+(?:quotes|quote|offers|offer|proposals|proposal|bids|bid|estimates)`),
    ) ??
    first(
      new RegExp(
        String.raw`(?:quotes|offers|proposals|bids|prices|pricing) from\s+${NUM}\s+(?:different\s+)?(?:call cent(?:er|re)s|centers|centres|providers|vendors|companies|outsourcers|bpos)`,
      ),
    );
  const none =
    /\b(?:no|zero|not any|(?:haven't|have not) (?:got|had|received) any|(?:don't|do not) have any) (?:quotes|offers|proposals|bids)\b/.exec(
      text,
    );
  if (m?.[1]) out.set("quotes", Math.round(toNumber(m[1])), m[0].trim());
  else if (none) out.set("quotes", 0, none[0]);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function readTables(text: string, out: Facts, c: Compiled): void {
  for (const table of c.tables) {
    let work = text;
    for (const { value, re } of table.entries) {
      re.lastIndex = 0;
      for (const m of work.matchAll(re)) {
        const at = m.index ?? 0;
        if (!negated(work, at, c.negation, m[0].length)) out.set(table.key as ProfileKey, value, m[0]);
        // Mask it so shorter phrases inside it ("mind accents" in "don't mind accents") are not read.
        work = work.slice(0, at) + " ".repeat(m[0].length) + work.slice(at + m[0].length);
      }
    }
  }
}

function readBooleans(text: string, out: Facts, c: Compiled): void {
  let work = text;
  for (const { value, re } of c.booleans.entries) {
    for (const m of work.matchAll(re)) {
      const at = m.index ?? 0;
      out.set(value as ProfileKey, !negated(work, at, c.negation, m[0].length), m[0]);
      work = work.slice(0, at) + " ".repeat(m[0].length) + work.slice(at + m[0].length);
    }
  }
  for (const { re } of c.switching.entries)
    for (const m of text.matchAll(re))
      if (!negated(text, m.index ?? 0, c.negation, m[0].length))
        out.set("switching", "underperforming", m[0]);
}

/** Phrases with a gap the table cannot hold: "we miss about 20% of calls", "we sell furniture online". */
function readGapped(text: string, out: Facts, c: Compiled): void {
  const missed =
    /\bmiss(?:es|ing|ed)?\s+(?:about\s+|around\s+|roughly\s+|up to\s+|over\s+|almost\s+|nearly\s+)?(?:\d+(?:\.\d+)?\s*%|half|a third|a quarter|a lot|lots|many|most|some|plenty)\s+(?:of\s+)?(?:our\s+|the\s+|their\s+)?(?:incoming\s+|inbound\s+|phone\s+)?calls\b/.exec(
      text,
    );
  if (
    missed &&
    out.facts["missed-calls"] === undefined &&
    !negated(text, missed.index, c.negation, missed[0].length)
  )
    out.set("missed-calls", true, missed[0]);
  const poor =
    /\b(?:current|existing|present)\s+(?:provider|call cent(?:er|re)|vendor|outsourcer|partner|answering service|bpo)\s+(?:is|has been|keeps|was)\s+(?:(?!not\b|never\b)[a-z]+\s+)?(?:terrible|bad|poor|awful|disappointing|underperforming|unreliable|failing|letting us down)\b/.exec(
      text,
    );
  if (poor && out.facts.switching === undefined && !negated(text, poor.index, c.negation, poor[0].length))
    out.set("switching", "underperforming", poor[0]);
  const online = /\bsell(?:s|ing)?\s+(?:[a-z-]+\s+){0,3}?online\b/.exec(text);
  if (
    online &&
    out.facts.industry === undefined &&
    !negated(text, online.index, c.negation, online[0].length)
  )
    out.set("industry", "e-commerce", online[0]);
}

function readLanguages(text: string, out: Facts, c: Compiled): void {
  for (const { value, re } of c.languages.entries)
    for (const m of text.matchAll(re))
      if (!negated(text, m.index ?? 0, c.negation, m[0].length)) out.set("languages", value, m[0]);
}

function readPlaces(text: string, out: Facts, c: Compiled): void {
  const countries = new Set<string>();
  const from: string[] = [];
  for (const { value, re } of c.countries.entries)
    for (const m of text.matchAll(re)) {
      // "us" is also a word: only count it as a country when written as "the us" or next to a country.
      if (value === "us" && !/(?:the|in|and|across) us$/.test(text.slice(0, (m.index ?? 0) + 2))) continue;
      if (
        value === "america" &&
        /\b(latin|south|central|north) america/.test(
          text.slice(Math.max(0, (m.index ?? 0) - 8), (m.index ?? 0) + 8),
        )
      )
        continue;
      const key = ["us", "usa", "united states", "america"].includes(value)
        ? "us"
        : ["uk", "united kingdom"].includes(value)
          ? "uk"
          : value;
      if (!countries.has(key)) from.push(m[0]);
      countries.add(key);
    }
  const inN = /(?:in|across|from|over)\s+(\d+)\s+countries/.exec(text);
  if (inN?.[1] && Number(inN[1]) >= 2) out.set("international", true, inN[0]);
  else if (countries.size >= 2) out.set("international", true, from.join(" and "));

  const verbs = `(?:expand|expanding|expansion|grow|growing|moving|move|launch|launching|enter|entering|open|opening|go|going|push|pushing)`;
  for (const { value, phrase } of c.regions) {
    const re = new RegExp(
      String.raw`${verbs}(?:\s+[a-z]+){0,2}?\s+(?:into|in|to)\s+(?:the\s+)?${escapeRe(phrase)}(?![a-z])`,
    );
    const m = re.exec(text);
    if (m) {
      out.set("expansion", value, m[0]);
      break;
    }
  }
}

/** Read facts from free text. Never throws: what it cannot read it leaves out. */
export function readFreeText(
  text: string,
  syn: Synonyms = synonyms(),
  opts: { locale?: string } = {},
): ReadResult {
  const c = compiled(syn);
  const t = normalizeText(text);
  const out = new Facts();
  if (t === "") return { facts: {}, understood: [], conflicts: [], ignored: [] };
  const reading = readText(t, opts);
  readDurations(reading, out);
  readNumbers(t, out);
  readTables(t, out, c);
  readBooleans(t, out, c);
  readGapped(t, out, c);
  readLanguages(t, out, c);
  readPlaces(t, out, c);
  // Last: a daily volume needs the hours read above for its open days.
  readVolume(reading, out);
  // A payment line in the incoming work and card payments are the same fact seen twice.
  if ((out.facts.inbound as string[] | undefined)?.includes("payments") && out.facts.payments === undefined)
    out.set("payments", true, "payments");
  return {
    facts: out.facts as Profile,
    understood: out.understood,
    conflicts: out.conflicts,
    ignored: notUsed(reading.ignored, out.understood),
  };
}

/** The reader's unused phrases, less any word that a phrase table of the profile did use. */
function notUsed(ignored: string[], understood: Understood[]): string[] {
  const used = new Set(understood.flatMap((u) => u.from.toLowerCase().split(/[^\p{L}\p{N}'/-]+/u)));
  const out: string[] = [];
  for (const phrase of ignored) {
    let run: string[] = [];
    const flush = () => {
      if (run.length) out.push(run.join(" "));
      run = [];
    };
    for (const w of phrase.split(/\s+/)) {
      const bare = w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (bare === "" || used.has(bare) || STOP.has(bare)) flush();
      else run.push(w);
    }
    flush();
  }
  return out;
}

/** Small words never listed on their own as "not used". */
const STOP = new Set(
  "a an the and or but we our us i to of in on at for is are be it this that with by from as so very".split(
    " ",
  ),
);
