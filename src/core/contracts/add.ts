import { type Reading, ReadingQuestion, UserInputError } from "../errors.ts";
import { tokenize } from "../parse/kv.ts";
import { own } from "../read/lookup.ts";
import type { Contract, Reminder, Term } from "./contract.ts";
import type { DateOrder } from "./numeric-date.ts";
import { DEFAULT_TIME, planContract, remindersFor } from "./plan.ts";
import {
  AmbiguousDateError,
  addTerm,
  formatTerm,
  parseChannel,
  parseWhen,
  readAsNote,
  readTerm,
  splitLeadingWhen,
  type When,
} from "./when.ts";
import {
  compareDates,
  daysBetween,
  formatClock,
  formatDateHuman,
  formatInstantHuman,
  formatLocalDate,
  todayIn,
  zonedToInstant,
} from "./zone.ts";

export const ADD_EXAMPLE = "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d";
export const REMIND_EXAMPLE = "remind Acme 2027-03-01 check that hold time is not billed";

const ADD_KEYS = ["vendor", "start", "renews", "notice", "channel", "onboarding", "checkins"] as const;
const KEY_ALIASES: Record<string, (typeof ADD_KEYS)[number]> = {
  renewal: "renews",
  renew: "renews",
  "renewal-date": "renews",
  "start-date": "start",
  starts: "start",
  "notice-period": "notice",
  checkin: "checkins",
  "check-ins": "checkins",
};
/** Longest onboarding period with check-ins (keeps a typo such as onboarding=14mo from planning hundreds). */
export const MAX_ONBOARDING_DAYS = 92;
export const MAX_VENDOR_LENGTH = 80;
export const MAX_NOTE_LENGTH = 500;

export interface AddEnv {
  now: Date;
  timeZone: string;
  /** BCP 47; numeric dates such as 01/02/2027 are read in its order ("und": ask when in doubt). */
  locale?: string;
  userId: string;
  /** The channel the command was typed in. */
  defaultChannel: string | undefined;
  /** Names of saved vendors; when there are any, the contract's vendor must be one of them. */
  vendors: string[];
  contracts: Contract[];
  newId: () => string;
}

export interface AddResult {
  contract: Contract;
  reminders: Reminder[];
  /** How doubtful input was read (a numeric date by the user's locale), to show in the reply. */
  notes: string[];
}

const fail = (
  message: string,
  field?: string,
  details?: string[],
  example = ADD_EXAMPLE,
  readings?: Reading[],
): never => {
  const options = { example, ...(field ? { field } : {}), ...(details ? { details } : {}) };
  throw readings?.length
    ? new ReadingQuestion(message, readings, options)
    : new UserInputError(message, options);
};

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const readDate = (key: string, raw: string | undefined, env: AddEnv): When => {
  if (!raw) return fail(`Please give the ${key === "start" ? "start" : "renewal"} date with ${key}=.`, key);
  const when = parseWhen(raw, { now: env.now, timeZone: env.timeZone, locale: env.locale ?? "und" });
  if (!when)
    return fail(
      `I could not read ${key}=${raw} as a date. Use YYYY-MM-DD (optionally with a time, e.g. 2027-01-15T10:00) or a phrase such as "next Monday" or "in 3 months".`,
      key,
    );
  return when;
};

/** The text a question's choices are built from: the command's own text after `prefix` ("add "). */
export interface Question {
  text: string;
  prefix: string;
}

const ORDER_LABEL: Record<DateOrder, string> = { dmy: "day first", mdy: "month first" };

/**
 * The question for numeric dates that could be read two ways: one choice per order, each the whole
 * text again with every doubtful date spelled as ISO (so one click settles start= and renews= alike).
 */
function askDateOrder(
  doubtful: Array<{ key: string; error: AmbiguousDateError }>,
  { text, prefix }: Question,
): never {
  const first = doubtful[0]?.error as AmbiguousDateError;
  const choices: Reading[] = [];
  for (const order of ["dmy", "mdy"] as const) {
    let out = text;
    for (const d of doubtful) {
      // The date as a value (start=01/02/2027 or start="01/02/2027 10:00"), whatever the key's alias.
      const at = new RegExp(`=["“]?(${d.error.raw.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")})`).exec(out);
      if (!at) break;
      const i = at.index + at[0].length - d.error.raw.length;
      out = out.slice(0, i) + formatLocalDate(d.error.readings[order]) + out.slice(i + d.error.raw.length);
    }
    const dates = doubtful.map((d) => formatDateHuman(d.error.readings[order])).join(", ");
    if (out !== text) choices.push({ label: `${dates} (${ORDER_LABEL[order]})`, text: `${prefix}${out}` });
  }
  const message =
    doubtful.length === 1
      ? first.message
      : `${doubtful.map((d) => d.error.raw).join(" and ")} can each be read two ways (day first or month first). Which order did you mean?`;
  throw new ReadingQuestion(message, choices, {
    ...(doubtful[0]?.key ? { field: doubtful[0].key } : {}),
    details: first.details,
  });
}

/** `notice=2m` and the like: refused with the two ways to say it (m is minutes in this product). */
function readPeriod(key: "notice" | "onboarding", raw: string, { text, prefix }: Question) {
  const r = readTerm(raw);
  if (r.ok) return r.term;
  const n = /^\d+/.exec(raw.trim())?.[0];
  if (r.reason === "minutes" && n) {
    const months = `${key}=${n}mo`;
    const days = `${key}=${Number(n) * 30}d`;
    const fixed = text.replace(new RegExp(`(^|\\s)${key}=${raw.trim()}(?=\\s|$)`, "i"), `$1${months}`);
    return fail(
      `${key}=${raw} is not clear: minutes or months? m means minutes here (as in talk=5m). For months write ${months}; or give days, e.g. ${days}.`,
      key,
      ["Units for a period: d (days), w (weeks), mo (months), y (years)."],
      `add vendor=Acme start=2027-01-15 renews=2028-01-15 ${key === "notice" ? months : "notice=60d"}`,
      fixed === text ? [] : [{ label: `Use ${months}`, text: `${prefix}${fixed}` }],
    );
  }
  return undefined;
}

type Checkins = Pick<Contract, "checkinsPerDay" | "checkinDays">;
const weekdays = (n: 1 | 2): Checkins => ({ checkinsPerDay: n, checkinDays: "weekdays" });
const everyDay = (n: 1 | 2): Checkins => ({ checkinsPerDay: n, checkinDays: "every-day" });
/** Onboarding check-ins skip weekends unless the team asks for all seven days. */
const CHECKINS = new Map<string, Checkins>([
  ...["1", "1x", "daily", "once", "weekdays"].map((k) => [k, weekdays(1)] as const),
  ...["2", "2x", "twice", "twice-daily"].map((k) => [k, weekdays(2)] as const),
  ...["daily-7", "1x-7", "7", "every-day", "7-days"].map((k) => [k, everyDay(1)] as const),
  ...["2x-7", "twice-7", "twice-daily-7"].map((k) => [k, everyDay(2)] as const),
]);

/**
 * Parse and check `/cc-contract add ...`; throws UserInputError, never saves anything itself.
 * `prefix` is put before `text` in the choices of a question ("add " for the command's own text).
 */
export const buildContract = (text: string, env: AddEnv, prefix = ""): AddResult =>
  buildContractFrom(readAddValues(text), env, { text, prefix });

/** The key=value pairs of `add`, under their canonical keys; throws on unknown or repeated keys. */
export function readAddValues(text: string): Map<string, string> {
  const { pairs, words } = tokenize(text);
  if (words.length)
    fail(
      `I only understand key=value pairs after "add"; I did not understand: ${words.join(" ")}.`,
      undefined,
      [`Keys: ${ADD_KEYS.join(", ")}.`],
    );
  const values = new Map<string, string>();
  const unknown: string[] = [];
  for (const p of pairs) {
    const key = own(KEY_ALIASES, p.key) ?? p.key;
    if (!(ADD_KEYS as readonly string[]).includes(key)) unknown.push(p.raw);
    else if (values.has(key)) fail(`${key}= is given twice.`, key);
    else values.set(key, p.value);
  }
  if (unknown.length)
    fail(
      `Unknown key${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Use ${ADD_KEYS.join(", ")}.`,
      undefined,
    );
  return values;
}

/**
 * Check a contract's values (as typed, by canonical key) and plan its reminders. `question` is the
 * typed text, for the choices of a question (a date that could be read two ways, notice=2m).
 */
export function buildContractFrom(
  values: Map<string, string>,
  env: AddEnv,
  question: Question = { text: "", prefix: "" },
): AddResult {
  const vendorRaw = values.get("vendor")?.trim();
  if (!vendorRaw) return fail("Please name the vendor with vendor=.", "vendor");
  if (vendorRaw.length > MAX_VENDOR_LENGTH)
    fail(`The vendor name is too long (at most ${MAX_VENDOR_LENGTH} characters).`, "vendor");
  let vendor = vendorRaw;
  if (env.vendors.length) {
    const known = env.vendors.find((v) => sameName(v, vendorRaw));
    if (!known)
      fail(`${vendorRaw} is not one of your saved vendors.`, "vendor", [
        `Saved vendors: ${env.vendors.slice(0, 20).join(", ")}.`,
        "Add it first with /cc-vendor add, or use one of these names.",
      ]);
    vendor = known ?? vendorRaw;
  }
  if (env.contracts.some((c) => sameName(c.vendor, vendor)))
    fail(`There is already a contract with ${vendor}. Remove it first to replace it.`, "vendor", [
      `/cc-contract remove ${vendor}`,
    ]);

  const tz = env.timeZone;
  const today = todayIn(env.now, tz);
  // Both dates are read before asking, so a question about the order covers them together.
  const doubtful: Array<{ key: string; error: AmbiguousDateError }> = [];
  const dateOf = (key: "start" | "renews"): When | undefined => {
    try {
      return readDate(key, values.get(key), env);
    } catch (err) {
      if (!(err instanceof AmbiguousDateError)) throw err;
      doubtful.push({ key, error: err });
      return undefined;
    }
  };
  const startRead = dateOf("start");
  const renewsRead = dateOf("renews");
  if (doubtful.length) askDateOrder(doubtful, question);
  const start = startRead as When;
  const renews = renewsRead as When;

  const noticeRaw = values.get("notice");
  if (!noticeRaw)
    return fail("Please give the notice period with notice= (for example 60d, 8w or 3mo).", "notice");
  const notice = readPeriod("notice", noticeRaw, question);
  if (!notice)
    return fail(
      `I could not read notice=${noticeRaw}. Write a number and a unit: 60d (days), 8w (weeks), 3mo (months) or 1y.`,
      "notice",
    );

  let onboarding: Term = { amount: 14, unit: "d" };
  const onboardingRaw = values.get("onboarding");
  if (onboardingRaw !== undefined) {
    const t = /^(0|none|no)$/i.test(onboardingRaw.trim())
      ? { amount: 0, unit: "d" as const }
      : readPeriod("onboarding", onboardingRaw, question);
    if (!t)
      return fail(
        `I could not read onboarding=${onboardingRaw}. Write e.g. 14d, 2w or 0 for none.`,
        "onboarding",
      );
    onboarding = t;
  }
  const onboardingDays = daysBetween(start.date, addTerm(start.date, onboarding));
  if (onboardingDays > MAX_ONBOARDING_DAYS)
    fail(
      `onboarding=${onboardingRaw} is too long: check-ins run for at most ${MAX_ONBOARDING_DAYS} days.`,
      "onboarding",
    );

  let checkins: Checkins = { checkinsPerDay: 1, checkinDays: "weekdays" };
  const checkinsRaw = values.get("checkins")?.trim().toLowerCase();
  if (checkinsRaw !== undefined) {
    const read = CHECKINS.get(checkinsRaw);
    if (!read)
      return fail(
        `checkins=${checkinsRaw} should be 1x (daily on weekdays), 2x (twice a day on weekdays), daily-7 or 2x-7 (weekends too).`,
        "checkins",
      );
    checkins = read;
  }

  let channel: { id: string; name?: string } | undefined;
  const channelRaw = values.get("channel");
  if (channelRaw) {
    const parsed = parseChannel(channelRaw);
    if (!parsed.ok)
      return fail(
        parsed.reason === "name"
          ? `I cannot look up ${channelRaw} by name. In Slack, pick the channel from the suggestions when you type # (so it becomes a link); elsewhere give its ID (it starts with C or G).`
          : `${channelRaw} is not a channel I know. Mention the channel (type # and pick it) or give its ID (C… or G…).`,
        "channel",
        undefined,
        "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=C0123ABCD",
      );
    channel = parsed.channel;
  } else if (env.defaultChannel) {
    channel = { id: env.defaultChannel };
  } else {
    return fail("Please say where to post the reminders with channel=.", "channel");
  }

  // The dates must make a sensible term.
  if (compareDates(renews.date, start.date) <= 0)
    fail(
      `The renewal date (${formatDateHuman(renews.date)}) must come after the start date (${formatDateHuman(start.date)}).`,
      "renews",
    );
  if (compareDates(renews.date, today) <= 0)
    fail(
      `The renewal date (${formatDateHuman(renews.date)}) is in the past. Give the next renewal date.`,
      "renews",
    );
  const deadline = addTerm(renews.date, notice, -1);
  const termDays = daysBetween(start.date, renews.date);
  if (compareDates(deadline, start.date) <= 0)
    fail(
      `A notice period of ${formatTerm(notice)} is longer than the term itself (${termDays.toLocaleString("en-US")} days from start to renewal).`,
      "notice",
    );
  const reviewTime = renews.time ?? DEFAULT_TIME;
  const deadlineAt = zonedToInstant({ ...deadline, ...reviewTime }, tz);
  if (deadlineAt.getTime() <= env.now.getTime())
    fail(
      `The notice deadline (${formatDateHuman(deadline)}, ${formatTerm(notice)} before renewal) has already passed, so this term can no longer be cancelled.`,
      "notice",
      [
        "Record the contract from the next renewal date, and check with the vendor what notice still applies.",
      ],
    );

  const contract: Contract = {
    id: env.newId(),
    vendor,
    start: formatLocalDate(start.date),
    ...(start.time ? { startTime: formatClock(start.time.hour, start.time.minute, start.time.second) } : {}),
    renews: formatLocalDate(renews.date),
    ...(renews.time
      ? { renewsTime: formatClock(renews.time.hour, renews.time.minute, renews.time.second) }
      : {}),
    notice,
    noticeDeadline: formatLocalDate(deadline),
    onboardingDays,
    ...checkins,
    channel: channel.id,
    ...(channel.name ? { channelName: channel.name } : {}),
    timeZone: tz,
    createdBy: env.userId,
    createdAt: env.now.toISOString(),
  };
  const reminders = remindersFor(contract, planContract(contract, env.now), env.now, env.newId);
  const notes = [start, renews].map(readAsNote).filter((n) => n !== undefined);
  return { contract, reminders, notes };
}

/** Find a contract by vendor name (case-insensitive). */
export const findContract = (contracts: Contract[], vendor: string): Contract | undefined =>
  contracts.find((c) => sameName(c.vendor, vendor));

/**
 * `remind <vendor> <when> <note>`: the vendor is the longest run of leading words that names a
 * contract (so "Acme Corp" needs no quotes), the date follows, the rest is the note.
 */
export function buildOneOff(
  text: string,
  env: {
    now: Date;
    timeZone: string;
    /** BCP 47; see AddEnv. */
    locale?: string;
    userId: string;
    contracts: Contract[];
    newId: () => string;
  },
  prefix = "",
): { contract: Contract; reminder: Reminder; notes: string[] } {
  const example = REMIND_EXAMPLE;
  const cleaned = text.trim().replace(/^["“']([^"”']+)["”']/, (_m, name: string) => name);
  const words = cleaned.split(/\s+/).filter(Boolean);
  if (!words.length) throw new UserInputError("Say which contract, when, and what to check.", { example });
  let contract: Contract | undefined;
  let used = 0;
  for (let n = words.length; n >= 1; n--) {
    const found = findContract(env.contracts, words.slice(0, n).join(" "));
    if (found) {
      contract = found;
      used = n;
      break;
    }
  }
  if (!contract)
    throw new UserInputError(`There is no contract with ${words[0]}.`, {
      example,
      details: env.contracts.length
        ? [`Contracts: ${env.contracts.map((c) => c.vendor).join(", ")}.`]
        : ["Add one first with /cc-contract add."],
    });
  const rest = words.slice(used).join(" ");
  const tz = contract.timeZone;
  let split: ReturnType<typeof splitLeadingWhen>;
  try {
    split = splitLeadingWhen(rest, { now: env.now, timeZone: env.timeZone, locale: env.locale ?? "und" });
  } catch (err) {
    if (!(err instanceof AmbiguousDateError)) throw err;
    // Ask, with each reading as the same command and the date spelled as ISO.
    const vendorWords = words.slice(0, used).join(" ");
    const afterDate = rest.trimStart().slice(err.raw.length);
    throw new ReadingQuestion(
      err.message,
      (["dmy", "mdy"] as const).map((order) => ({
        label: `${formatDateHuman(err.readings[order])} (${ORDER_LABEL[order]})`,
        text: `${prefix}${vendorWords} ${formatLocalDate(err.readings[order])}${afterDate}`,
      })),
      { field: "when", details: err.details },
    );
  }
  const badIso = /^\d{4}-\d{2}-\d{2}\S*/.exec(rest);
  if (!split && badIso)
    throw new UserInputError(
      `${badIso[0]} is not a date I can read: check the day, month and time (for example 2027-03-01 or 2027-03-01T14:00).`,
      { example, field: "when" },
    );
  if (!split)
    throw new UserInputError(
      `I could not find a date after ${contract.vendor}. Start with a date such as 2027-03-01 or "next Monday".`,
      { example, field: "when" },
    );
  const note = split.rest;
  if (note.length > MAX_NOTE_LENGTH)
    throw new UserInputError(`The note is too long (at most ${MAX_NOTE_LENGTH} characters).`, { example });
  const time = split.when.time ?? DEFAULT_TIME;
  // The date was read in the user's zone; the reminder keeps that wall-clock time.
  const dueAt = zonedToInstant({ ...split.when.date, ...time }, env.timeZone);
  // Compared to the precision the time was given in: 10:00:30 is in the past only once that second is
  // over, and 10:00 (or a date alone) once that minute is. A time seconds ahead is never refused.
  const precisionMs = split.when.time?.second !== undefined ? 1000 : 60_000;
  if (dueAt.getTime() + precisionMs <= env.now.getTime())
    throw new UserInputError(
      `${formatInstantHuman(dueAt, env.timeZone)} is in the past. Pick a time from now on.`,
      { example, field: "when" },
    );
  const reminder: Reminder = {
    id: env.newId(),
    contractId: contract.id,
    vendor: contract.vendor,
    kind: "custom",
    ...(note ? { note } : {}),
    channel: contract.channel,
    dueAt: dueAt.toISOString(),
    timeZone: env.timeZone || tz,
    state: "pending",
    attempts: 0,
    createdBy: env.userId,
    createdAt: env.now.toISOString(),
  };
  const readAs = readAsNote(split.when);
  return { contract, reminder, notes: readAs ? [readAs] : [] };
}
