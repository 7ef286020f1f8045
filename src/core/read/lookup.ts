import { distance } from "fastest-levenshtein";

/**
 * Lookups of names people type. A plain object answers `constructor`, `toString` or `__proto__` from its
 * prototype, so every table of user-typed names is read through these helpers (or is a Map).
 */
export const own = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** A Map from a plain table, so lookups never reach Object.prototype. */
export const tableMap = <V>(table: Readonly<Record<string, V>>): Map<string, V> =>
  new Map(Object.entries(table));

/** Common words that sit one letter away from a key word and must never be "corrected" to it. */
const REAL_WORDS = new Set([
  "told",
  "cold",
  "bold",
  "gold",
  "sold",
  "hole",
  "walk",
  "tall",
  "tale",
  "mall",
  "fall",
  "wall",
  "ball",
  "hall",
  "cell",
  "sell",
  "mouth",
  "moth",
  "calm",
  "house",
  "weak",
  "weed",
  "mails",
  "what",
  "that",
  "than",
  "then",
  "when",
  "with",
  "will",
  "well",
  "date",
  "late",
  "days",
  "ways",
  "says",
  "bays",
  "dates",
  "rates",
  "held",
  "cells",
  "balls",
  "halls",
  "charts",
  "chaps",
  "chart",
  "task",
  "tank",
  "tack",
  "holy",
  "hood",
  "walls",
  "tails",
  "weep",
  "seek",
  "mile",
  "miles",
  "lever",
  "billion",
  "billions",
  "calms",
  "tasks",
  "dally",
  "level",
  "hell",
  "help",
  "helps",
  "fees",
  "feel",
  "mind",
  "mine",
]);

/**
 * The vocabulary word a typo stands for ("cals" → "calls", "mnth" → "month", "tlak" → "talk"), or
 * undefined. Short words are matched only one edit (or one swap of neighbours) away, with the same
 * first letter, so real words such as "told" or "walk" are never turned into key words.
 */
export function nearestWord(word: string, vocabulary: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const words = [...vocabulary];
  if (words.includes(w)) return w;
  if (w.length < 4 || REAL_WORDS.has(w)) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const v of words) {
    if (v[0] !== w[0] || Math.abs(v.length - w.length) > 2) continue;
    const d = swapped(w, v) ? 1 : distance(w, v);
    if (d < bestDistance) {
      bestDistance = d;
      best = v;
    }
  }
  const allowed = w.length >= 7 ? 2 : 1;
  return bestDistance <= allowed ? best : undefined;
}

/** "tlak" and "talk": the same letters with two neighbours swapped. */
const swapped = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
};

/** The closest key name for a key typed wrong, for "did you mean" (up to 2 edits, or a third of it). */
export function suggestName(typed: string, names: Iterable<string>): string | undefined {
  const t = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const n of names) {
    const d = distance(t, n);
    if (d < bestDistance) {
      bestDistance = d;
      best = n;
    }
  }
  const allowed = Math.min(2, Math.max(1, Math.floor(t.length / 3)));
  return bestDistance <= allowed && bestDistance > 0 ? best : undefined;
}
