import { nearestWord } from "./lookup.ts";

/**
 * Text prepared for reading: lower case, plain quotes and dashes, and typos of key words corrected
 * ("cals" → "calls", "mnth" → "month", "tlak" → "talk"). `origin[i]` is where character i of the
 * prepared text came from in what was typed, so every fact can quote the user's own words.
 */
export interface Prepared {
  text: string;
  origin: number[];
  typed: string;
  /** Typos corrected, in the user's words: "cals" → "calls". */
  corrected: Array<{ from: string; to: string }>;
}

/** The words the reader looks for: a typo of one of them is read as it. */
export const KEY_WORDS: readonly string[] = [
  "calls",
  "chats",
  "emails",
  "tickets",
  "contacts",
  "messages",
  "conversations",
  "month",
  "months",
  "monthly",
  "week",
  "weekly",
  "daily",
  "minutes",
  "minute",
  "seconds",
  "second",
  "hours",
  "talk",
  "wrap",
  "wrap-up",
  "hold",
  "average",
  "billing",
  "billed",
  "increments",
  "shrinkage",
  "occupancy",
  "target",
  "service",
  "level",
  "answered",
  "within",
  "languages",
  "spanish",
  "french",
  "german",
  "english",
  "portuguese",
  "italian",
  "romanian",
  "weekdays",
  "weekends",
  "monday",
  "friday",
  "saturday",
  "sunday",
  "business",
  "interval",
  "handle",
  "patience",
  "concurrency",
  "abandonment",
];

const VOCABULARY = new Set(KEY_WORDS);

/** Words that are already right and must not be read as a typo of a key word. */
const KNOWN = new Set([
  "call",
  "chat",
  "email",
  "ticket",
  "contact",
  "message",
  "hour",
  "day",
  "days",
  "year",
  "years",
  "mins",
  "secs",
  "hrs",
  "weeks",
  "calling",
  "called",
  "caller",
  "callers",
  "chatting",
  "talking",
  "talks",
  "holding",
  "holds",
  "mail",
  "mails",
  "targets",
  "services",
  "levels",
  "answer",
  "answers",
  "languages",
  "language",
  "english",
  "spain",
  "france",
  "germany",
  "monthly",
  "mondays",
  "fridays",
  "averages",
  "handled",
  "handles",
  "handling",
  "billable",
  "bill",
  "bills",
  "average",
  "weekday",
  "weekend",
  "minimum",
  "maximum",
  "increment",
  "contacted",
]);

export function prepare(typed: string): Prepared {
  const corrected: Prepared["corrected"] = [];
  let text = "";
  const origin: number[] = [];
  const lower = typed
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[–—−]/g, "-");
  // Same length as typed for every character above (all are one UTF-16 unit), so offsets carry over.
  const re = /[a-z][a-z'-]*[a-z]|[a-z]|[^a-z]/g;
  for (const m of lower.matchAll(re)) {
    const at = m.index ?? 0;
    const word = m[0];
    let out = word;
    if (word.length >= 4 && /^[a-z]+$/.test(word) && !VOCABULARY.has(word) && !KNOWN.has(word)) {
      const fix = nearestWord(word, VOCABULARY);
      if (fix && fix !== word) {
        out = fix;
        corrected.push({ from: typed.slice(at, at + word.length), to: fix });
      }
    }
    if (out === word) {
      text += word;
      for (let i = 0; i < word.length; i++) origin.push(at + i);
    } else {
      text += out;
      for (let i = 0; i < out.length; i++) origin.push(at + Math.min(i, word.length - 1));
    }
  }
  origin.push(typed.length);
  return { text, origin, typed, corrected };
}

/** The typed words behind [start, end) of the prepared text. */
export const typedSpan = (p: Prepared, start: number, end: number): string => {
  const from = p.origin[start] ?? 0;
  const lastIndex = end > start ? (p.origin[end - 1] ?? from) : from;
  // The last prepared character maps to a typed one; take the whole typed word it belongs to.
  let to = lastIndex + 1;
  while (to < p.typed.length && /[A-Za-z]/.test(p.typed[to] ?? "") && /[a-z]/.test(p.text[end - 1] ?? ""))
    to++;
  return p.typed.slice(from, to).trim();
};
