import { numberLocale } from "../format/number.ts";
import type { FactSink } from "../staffing/input.ts";
import { describeSeconds } from "../staffing/input.ts";
import type { Fact, Reading } from "./facts.ts";
import { factsOf } from "./facts.ts";
import { askAboutReadings } from "./questions.ts";

/**
 * The maps from the shared reader's facts to the keys of the calculators (`/cc-estimate`,
 * `/cc-staffing`). Each fact becomes the key's value written out plainly ("270s", "10x5", "80%"), so
 * the calculators' own checks and messages apply to it exactly as to key=value text.
 */

const seconds = (s: number): string => `${Math.round(s * 1000) / 1000}s`;

/** Durations, service levels, rates: the keys both calculators share. */
function queueFacts(r: Reading, sink: FactSink, used: Fact[], talkKey: "talk" | "aht"): void {
  for (const f of factsOf(r, "duration")) {
    // The estimate prices talk time: an AHT given there is read as it, and said so.
    const role = f.role === "aht" ? talkKey : f.role;
    if (!role || role === "callback" || (role === "interval" && talkKey === "talk")) continue;
    if (sink.has(role)) continue;
    sink.put(role, seconds(f.seconds), `“${f.span.words}”`);
    if (f.range)
      sink.note(`“${f.span.words}” is a range: read as its midpoint, ${describeSeconds(f.seconds)}`);
    if (f.role === "aht" && talkKey === "talk")
      sink.note(
        `AHT “${f.span.words}” read as the talk time (give \`wrap\` and \`hold\` apart if it includes them)`,
      );
    used.push(f);
  }
  // "300 calls a day, 4-5 minutes": one duration with no role beside a volume is the handle time, and
  // the reply says so. Two or more such durations stay unread (which one is the talk time?).
  const loose = factsOf(r, "duration").filter((d) => !d.role && d.seconds >= 30 && d.seconds <= 4 * 3600);
  const loneLoose = loose.length === 1 ? loose[0] : undefined;
  if (loneLoose && !sink.has(talkKey) && factsOf(r, "count").length > 0) {
    sink.put(talkKey, seconds(loneLoose.seconds), `“${loneLoose.span.words}”`);
    sink.note(
      `“${loneLoose.span.words}” read as the ${talkKey === "talk" ? "talk time" : "handle time"} of each contact${loneLoose.range ? `, a range read as its midpoint, ${describeSeconds(loneLoose.seconds)}` : ""}`,
    );
    used.push(loneLoose);
  }
  for (const f of factsOf(r, "service-level")) {
    if (sink.has("target") || sink.has("answer")) continue;
    sink.put("target", `${Math.round(f.target * 1e6) / 1e4}%`, `“${f.span.words}”`);
    sink.put("answer", seconds(f.answerSeconds), `“${f.span.words}”`);
    if (f.reversed)
      sink.warn(
        `“${f.span.words}” reads as ${Math.round(f.target * 100)}% answered within ${f.answerSeconds} s; service levels are written target first (80/20 is 80% in 20 s). Did you mean ${f.answerSeconds}/${Math.round(f.target * 100)}?`,
      );
    used.push(f);
  }
  for (const f of factsOf(r, "rate")) {
    if (f.role === "growth") continue;
    if (sink.has(f.role)) continue;
    // A problem value is passed on as typed, so the calculator's own check names the accepted forms.
    const typed = /(\d[\d.,]*)\s*(%)?/.exec(f.span.words);
    sink.put(
      f.role,
      f.value !== undefined
        ? `${Math.round(f.value * 1e6) / 1e4}%`
        : `${typed?.[1] ?? f.span.words}${typed?.[2] ?? ""}`,
      `“${f.span.words}”`,
    );
    used.push(f);
  }
}

/**
 * The warning for chats or e-mails summed into a call volume (the estimate's reading and ask's):
 * they are priced and staffed as calls, so the user is told, with the key that sizes them apart.
 */
export function countedAsCallsWarning(
  words: readonly string[],
  channel: "chats" | "emails",
  command: "estimate" | "staffing" = "estimate",
): string {
  const timeKey = channel === "chats" ? "chat-time" : "email-time";
  if (command === "staffing")
    return `${words.map((w) => `“${w}”`).join(" + ")} counted as calls, at the calls' handle time: size ${channel === "chats" ? "chats" : "e-mails"} in a line of their own (\`channel=${channel === "chats" ? "chat" : "email"}\`).`;
  return `${words.map((w) => `“${w}”`).join(" + ")} counted as calls, at the calls' talk time and per-minute price: give \`${timeKey}=\` (e.g. \`${timeKey}=${channel === "chats" ? "12m" : "8m"}\`) to size ${channel === "chats" ? "chats" : "e-mails"} as a channel of their own.`;
}

/** A channel's handle time given in words ("email-time 8m", "chat aht 10 min"), read by the estimate's own phrases. */
const TIME_PHRASE = {
  "chat-time": /\bchat(?:-(?:time|length|handle|duration)|[-\s]aht)\b/i,
  "email-time": /\b(?:e-?mail|ticket)(?:-(?:time|handle)|[-\s]aht)\b/i,
} as const;

/** `/cc-estimate`: a monthly volume, call parts, coverage, billing, rates and languages. */
export function estimateFromFacts(r: Reading, sink: FactSink): Fact[] {
  const used: Fact[] = [];
  askAboutReadings(r, "contacts");
  const counts = factsOf(r, "count").filter((f) => !f.intervalSeconds);
  queueFacts(r, sink, used, "talk");
  // Chats and e-mails have handle times and queues of their own: with their time given, "800 emails
  // and 1,200 calls" is `emails=800` beside 1,200 calls. Without it they are counted as calls, as the
  // other commands count every contact, and the reply warns that they were.
  const split = new Set<Fact>();
  const asCalls: Array<{ channel: "chats" | "emails"; own: Fact[] }> = [];
  for (const channel of ["chats", "emails"] as const) {
    const own = counts.filter((f) => f.channel === channel);
    const timeKey = channel === "chats" ? "chat-time" : "email-time";
    if (!own.length || sink.has(channel)) continue;
    if (!sink.has(timeKey) && !TIME_PHRASE[timeKey].test(r.prepared.text)) {
      asCalls.push({ channel, own });
      continue;
    }
    const periods = new Set(own.map((f) => f.period ?? "month"));
    if (periods.size !== 1) continue;
    const total = own.reduce((n, f) => n + f.value, 0);
    const period = [...periods][0] ?? "month";
    sink.put(
      channel,
      period === "month" ? String(total) : `${total}/${period}`,
      own.map((f) => `“${f.span.words}”`).join(" + "),
    );
    if (own.some((f) => f.periodFrom === "none"))
      sink.note(
        `no period given with “${own.find((f) => f.periodFrom === "none")?.span.words}”: read as a month`,
      );
    sink.note(
      `${own.map((f) => `“${f.span.words}”`).join(" + ")} read as \`${channel}=${total}${period === "month" ? "" : `/${period}`}\`, a channel of its own (its handle time is \`${channel === "chats" ? "chat-time" : "email-time"}=\`)`,
    );
    used.push(...own);
    for (const f of own) split.add(f);
  }
  const contacts = counts.filter((f) => f.channel !== "minutes" && !split.has(f));
  const minutes = counts.filter((f) => f.channel === "minutes");
  if (contacts.length && !sink.has("contacts")) {
    const periods = new Set(contacts.map((f) => f.period ?? "month"));
    if (periods.size === 1) {
      const total = contacts.reduce((s, f) => s + f.value, 0);
      const period = [...periods][0] ?? "month";
      const words = contacts.map((f) => `“${f.span.words}”`).join(" + ");
      sink.put("contacts", period === "month" ? String(total) : `${total}/${period}`, words);
      if (contacts.length > 1)
        sink.note(
          `${contacts.map((f) => `${f.value.toLocaleString(numberLocale())} ${f.channel}`).join(" + ")} = ${total.toLocaleString(numberLocale())} contacts a ${period}`,
        );
      if (contacts.some((f) => f.periodFrom === "none"))
        sink.note(
          `no period given with “${contacts.find((f) => f.periodFrom === "none")?.span.words}”: read as a month`,
        );
      used.push(...contacts);
    }
  }
  for (const { channel, own } of asCalls)
    if (own.every((f) => used.includes(f)))
      sink.warn(
        countedAsCallsWarning(
          own.map((f) => f.span.words),
          channel,
        ),
      );
  if (minutes.length === 1 && !sink.has("contacts")) {
    const f = minutes[0] as Extract<Fact, { kind: "count" }>;
    const talk = factsOf(r, "duration").find((d) => d.role === "talk" || d.role === "aht");
    if (talk && talk.seconds > 0) {
      const count = Math.round((f.value * 60) / talk.seconds);
      const period = f.period ?? "month";
      sink.put("contacts", period === "month" ? String(count) : `${count}/${period}`, `“${f.span.words}”`);
      sink.note(
        `${f.value.toLocaleString(numberLocale())} minutes a ${period} ÷ ${describeSeconds(talk.seconds)} a contact = ${count.toLocaleString(numberLocale())} contacts a ${period}`,
      );
      used.push(f);
    }
  }
  const coverage = factsOf(r, "coverage");
  if (coverage.length === 1 && !sink.has("hours")) {
    const c = coverage[0] as Extract<Fact, { kind: "coverage" }>;
    const h = c.hoursPerDay ?? 9;
    const d = c.daysPerWeek ?? 5;
    sink.put(
      "hours",
      h === 24 && d === 7 ? "24/7" : c.label === "business" ? "business" : `${h}x${d}`,
      `“${c.span.words}”`,
    );
    if (c.assumed) sink.warn(c.assumed);
    // "24/7", "business hours", "12x6" say it plainly; clock ranges and day names are worth echoing.
    const plain = c.label === "24/7" || c.label === "business" || /\d\s*h?\s*x\s*\d/.test(c.span.words);
    if (c.hoursPerDay === undefined || c.daysPerWeek === undefined || !plain)
      sink.note(
        `“${c.span.words}” read as ${h} h a day${c.hoursPerDay === undefined ? " (not given: a business day)" : ""}, ${d} days a week${c.daysPerWeek === undefined ? " (not given: weekdays)" : ""}`,
      );
    used.push(c);
  }
  const billing = factsOf(r, "billing");
  if (billing.length === 1 && !sink.has("billing")) {
    const b = billing[0] as Extract<Fact, { kind: "billing" }>;
    sink.put("billing", seconds(b.thenSeconds), `“${b.span.words}”`);
    if (b.firstSeconds !== b.thenSeconds)
      sink.warn(
        `“${b.span.words}” is billed as ${b.thenSeconds}-second increments throughout: the first ${b.firstSeconds} s minimum is not modelled, so short calls cost a little more than shown.`,
      );
    used.push(b);
  }
  for (const m of factsOf(r, "money")) {
    const key = m.per === "minute" ? "shared-rate" : m.per === "hour" ? "hourly-rate" : undefined;
    if (!key || sink.has(key)) continue;
    const cur = m.currency && m.currency !== "USD" ? ` ${m.currency}` : "";
    sink.put(key, m.range ? `${m.range[0]}-${m.range[1]}${cur}` : `${m.amount}${cur}`, `“${m.span.words}”`);
    used.push(m);
  }
  // "languages es, fr": a list after the key word is the estimate's own phrase; free mentions are ours.
  const languages = factsOf(r, "language").filter(
    (l) => !/\blanguages?\b[^.;]*$/.test(r.prepared.text.slice(Math.max(0, l.span.start - 40), l.span.start)),
  );
  const needed = languages.filter((l) => l.needed && l.code !== "en");
  if (languages.length && !sink.has("languages")) {
    if (needed.length)
      sink.put(
        "languages",
        needed.map((l) => l.code).join(","),
        needed.map((l) => `“${l.span.words}”`).join(", "),
      );
    for (const l of languages.filter((x) => !x.needed))
      sink.note(`${l.span.words}: not needed (“${l.because ?? "not"}”)`);
    used.push(...languages);
  }
  return used;
}

/** `/cc-staffing`: calls in one interval, the handle time and the queue targets. */
export function staffingFromFacts(r: Reading, sink: FactSink): Fact[] {
  const used: Fact[] = [];
  askAboutReadings(r, "calls");
  queueFacts(r, sink, used, "aht");
  const counts = factsOf(r, "count").filter((f) => f.channel !== "minutes");
  // Only volumes of one interval are the staffing command's; a daily or monthly total is left to its
  // own phrases, which explain why it cannot be sized as one interval.
  const interval = counts.filter((f) => f.intervalSeconds || f.period === "hour" || f.periodFrom === "none");
  if (interval.length === 1 && counts.length === 1 && !sink.has("calls")) {
    const f = interval[0] as Extract<Fact, { kind: "count" }>;
    sink.put("calls", String(f.value), `“${f.span.words}”`);
    // "120 chats an hour", "40 e-mails per hour": the channel is in the words.
    if ((f.channel === "chats" || f.channel === "emails") && !sink.has("channel"))
      sink.put("channel", f.channel === "chats" ? "chat" : "email", `“${f.span.words}”`);
    if (f.intervalSeconds) sink.put("interval", seconds(f.intervalSeconds), `“${f.span.words}”`);
    else if (f.period === "hour") sink.put("interval", "3600s", `“${f.span.words}”`);
    used.push(f);
  }
  return used;
}
