import { own } from "../read/lookup.ts";
/**
 * Split command text into key=value pairs and loose words. Values may be quoted with straight or
 * curly quotes (Slack turns " into “ ” on some clients): name="Acme Corp" or name=“Acme Corp”.
 * Keys are lower-cased and may be written with `-` or `_`; `key: value` is not a pair (free text).
 */
export interface KvToken {
  key: string;
  value: string;
  /** The raw key as typed, for error messages. */
  raw: string;
}

export interface Tokenized {
  pairs: KvToken[];
  /** Everything that is not a pair, in order, for free-text parsing. */
  words: string[];
}

const OPEN_QUOTES: Record<string, string> = {
  '"': '"',
  "'": "'",
  "“": "”",
  "”": "”",
  "‘": "’",
  "’": "’",
  "«": "»",
};

export const normalizeKey = (key: string): string => key.trim().toLowerCase().replace(/_/g, "-");

export function tokenize(text: string): Tokenized {
  const pairs: KvToken[] = [];
  const words: string[] = [];
  const s = text.replace(/\s+/g, " ").trim();
  let i = 0;
  while (i < s.length) {
    while (s[i] === " ") i++;
    if (i >= s.length) break;
    const rest = s.slice(i);
    const m = /^([A-Za-z][A-Za-z0-9_-]*)=/.exec(rest);
    if (m?.[1]) {
      i += m[0].length;
      const open = s[i] ?? "";
      let value: string;
      const close = own(OPEN_QUOTES, open);
      if (close) {
        const end = s.indexOf(close, i + 1);
        const alt = open === '"' ? -1 : s.indexOf('"', i + 1);
        const stop = end >= 0 ? end : alt >= 0 ? alt : s.length;
        value = s.slice(i + 1, stop);
        i = stop + 1;
      } else {
        let end = s.indexOf(" ", i);
        if (end < 0) end = s.length;
        value = s.slice(i, end);
        i = end;
      }
      pairs.push({ key: normalizeKey(m[1]), value: value.trim(), raw: m[1] });
    } else {
      let end = s.indexOf(" ", i);
      if (end < 0) end = s.length;
      words.push(s.slice(i, end));
      i = end;
    }
  }
  return { pairs, words };
}

/** Quote a value for key=value text when it needs it (used when a modal is turned back into text). */
export const formatPair = (key: string, value: string): string =>
  /[\s"]/.test(value) || value === "" ? `${key}="${value.replace(/"/g, "'")}"` : `${key}=${value}`;

/** Split a list value: "en,es", "en, es" or "en;es". */
export const splitList = (value: string): string[] =>
  value
    .split(/[,;]/)
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** The first word, lower-cased, and the rest: `remove Acme Corp` → { sub: "remove", rest: "Acme Corp" }. */
export const splitSubcommand = (text: string): { sub: string; rest: string } => {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(text.trim());
  return m ? { sub: (m[1] ?? "").toLowerCase(), rest: m[2] ?? "" } : { sub: "", rest: "" };
};

/** A name typed after a subcommand, with or without (straight or curly) quotes around it. */
export const unquoteName = (words: string[]): string =>
  words
    .join(" ")
    .replace(/^["“'‘]+|["”'’]+$/g, "")
    .trim();
