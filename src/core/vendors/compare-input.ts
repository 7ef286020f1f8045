import { ReadingQuestion, UserInputError } from "../errors.ts";
import type { KvToken } from "../parse/kv.ts";
import { parseCount, parseDuration } from "../parse/units.ts";
import { own } from "../read/lookup.ts";
import { plainNumber, readNumber } from "../read/numbers.ts";
import { readAmount } from "./amount.ts";
import { type CompareInput, DEFAULT_HANDLE } from "./compare.ts";
import { currencyRate } from "./currency.ts";
import { adviceProfile } from "./musts.ts";
import { type Needs, needsFromProfile } from "./needs.ts";

/**
 * The team a comparison is for: the saved profile, with anything typed after `compare` taking
 * precedence (`compare volume=8000 talk=4m`). Handle times left out of both take stated defaults.
 */

export const COMPARE_EXAMPLE = "compare volume=8000 talk=4m wrap=1m hold=30s hours=24/7";
const MAX_VOLUME = 50_000_000;

const COMPARE_KEYS: Record<string, string> = {
  volume: "volume",
  contacts: "volume",
  calls: "volume",
  talk: "talk",
  wrap: "wrap",
  "wrap-up": "wrap",
  hold: "hold",
  hours: "hours",
  budget: "budget",
};

const fail = (field: string, message: string): never => {
  throw new UserInputError(message, { field, example: COMPARE_EXAMPLE });
};

/** Minutes from "4m", "90s", "1:30" or a bare number of minutes (as the profile keeps them). */
const minutes = (key: string, value: string): number => {
  const s = parseDuration(value, "m");
  if (s === undefined || s > 4 * 3600)
    return fail(
      key,
      `\`${key}=${value}\` is not a duration I can read: write it like ${key}=4m or ${key}=90s.`,
    );
  return s / 60;
};

export function readCompareInput(
  pairs: KvToken[],
  words: string[],
  profile: unknown,
  locale?: string,
): CompareInput {
  if (words.length)
    fail(
      "",
      `I don't understand "${words.join(" ").slice(0, 60)}" after compare: use key=value pairs (volume, talk, wrap, hold, hours).`,
    );
  const given = new Map<string, string>();
  for (const p of pairs) {
    const key = own(COMPARE_KEYS, p.key);
    if (!key)
      fail(
        p.key,
        `\`compare\` does not take \`${p.raw}\`: it takes volume, talk, wrap, hold, hours and budget.`,
      );
    else if (given.has(key)) fail(key, `\`${key}\` is given twice.`);
    else given.set(key, p.value);
  }
  const needs: Needs = needsFromProfile(profile);
  const b = given.get("budget");
  const budget = b === undefined ? undefined : readBudget(b);
  const sources: CompareInput["sources"] = {
    volume: "profile",
    talk: "profile",
    wrap: "profile",
    hold: "profile",
    hours: "profile",
  };

  let volume = needs.volume;
  const v = given.get("volume");
  if (v !== undefined) {
    const n = readVolume(v, locale);
    if (n === undefined || n < 1 || n > MAX_VOLUME || !Number.isFinite(n))
      fail(
        "volume",
        `\`volume=${v}\` must be a number of contacts a month from 1 to 50,000,000, like volume=8000.`,
      );
    volume = Math.round(n as number);
    sources.volume = "given";
  }
  if (volume === undefined || volume < 1)
    throw new UserInputError(
      "How many contacts (calls, e-mails, chats) a month should I compare the quotes for? No volume is saved in this workspace's profile yet.",
      {
        field: "volume",
        example: "compare volume=8000",
        details: [
          "Or save your needs once with `/cc-advise volume=8000 ...` and every comparison will use them.",
        ],
      },
    );

  const handle = (key: "talk" | "wrap" | "hold", fallback: number): number => {
    const typed = given.get(key);
    if (typed !== undefined) {
      sources[key] = "given";
      return minutes(key, typed);
    }
    const saved = needs[key];
    if (saved !== undefined) return saved;
    sources[key] = "default";
    return fallback;
  };
  const talkMinutes = handle("talk", DEFAULT_HANDLE.talkMinutes);
  if (talkMinutes <= 0) fail("talk", "`talk` must be longer than 0.");
  const wrapMinutes = handle("wrap", DEFAULT_HANDLE.wrapMinutes);
  const holdMinutes = handle("hold", DEFAULT_HANDLE.holdMinutes);

  let hours = needs.hours;
  const h = given.get("hours");
  if (h !== undefined) {
    const t = h.toLowerCase().replace(/\s+/g, "");
    if (/^(24\/7|24x7|always)$/.test(t)) hours = "24/7";
    else if (t === "business" || t === "extended") hours = t;
    else fail("hours", `\`hours=${h}\` must be business, extended or 24/7.`);
    sources.hours = "given";
  } else if (hours === undefined) sources.hours = "default";

  return {
    profile: adviceProfile(profile, {
      volume,
      ...(hours ? { hours } : {}),
      ...(sources.talk === "given" ? { talk: talkMinutes } : {}),
      ...(sources.wrap === "given" ? { wrap: wrapMinutes } : {}),
      ...(sources.hold === "given" ? { hold: holdMinutes } : {}),
    }),
    needs: { ...needs, ...(hours ? { hours } : {}) },
    volume,
    talkMinutes,
    wrapMinutes,
    holdMinutes,
    sources,
    hours,
    ...(budget !== undefined ? { budget } : {}),
  };
}

/**
 * A volume by the writer's locale. `12.000` from an English locale could be twelve thousand or twelve:
 * ask, with both readings as buttons, rather than compare the quotes for the wrong team.
 */
function readVolume(value: string, locale: string | undefined): number | undefined {
  const r = readNumber(value, locale);
  if (r && "readings" in r) {
    const [a, b] = r.readings;
    throw new ReadingQuestion(
      `\`volume=${value}\`: is it ${a.toLocaleString("en-US")} or ${b.toLocaleString("en-US")} contacts a month? Your locale does not settle it.`,
      r.readings.map((n) => ({
        label: `${n.toLocaleString("en-US")} a month`,
        from: `volume=${value}`,
        to: `volume=${plainNumber(n)}`,
      })),
      { field: "volume", example: COMPARE_EXAMPLE },
    );
  }
  return r ? r.value : parseCount(value);
}

/** `budget=60000/month`, `budget=€50k`: a monthly amount, converted to USD at the dated rate. */
function readBudget(value: string): number {
  const a = readAmount(value);
  const rate = a ? currencyRate(a.currency ?? "USD") : undefined;
  if (
    !a ||
    !rate ||
    (a.unit !== undefined && !["month", "mo", "monthly", "m"].includes(a.unit)) ||
    !(a.amount > 0)
  )
    return fail(
      "budget",
      `\`budget=${value}\` must be an amount a month, like budget=60000/month or budget=€50k.`,
    );
  return a.amount * rate.usd;
}
