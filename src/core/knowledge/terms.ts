/**
 * Words to index terms: accents folded, stop words dropped and a light English stemmer, applied the
 * same way to the entries and to questions so "pricing", "prices" and "priced" all meet at "pric".
 */

export const foldAccents = (s: string): string => s.normalize("NFD").replace(/\p{M}+/gu, "");

// Function words and question words: they say nothing about the topic.
const STOP = new Set(
  (
    "a an and are as at be been being but by can could did do does doing done for from had has have " +
    "having he her here hers him his how i if in into is it its itself just me might more most must my " +
    "no nor not of off on once only or other our ours out over own same she should so some such than " +
    "that the their them then there these they this those through to too under until up us very was we " +
    "were what when where which while who whom why will with would you your yours also any anything " +
    "about again all am any each few further get gets got im ive id youre dont doesnt isnt arent hey hi " +
    "hello thanks thank please pls plz know tell explain mean means meaning ok okay really actually " +
    "need needs want wants like one ones thing things something someone lot lots " +
    "way ways go going make made let lets yes yeah sure kind sort bit whats hows s t " +
    // Judgement words of a question ("what is a good occupancy", "what does ASA stand for").
    "good best ideal typical normal usual idea stand plan say says " +
    // Every question here is about a call center, and "X vs Y" questions name both sides anyway.
    "center centers centre centres difference differences different between vs versus"
  ).split(/\s+/),
);

export const isStopWord = (w: string): boolean => STOP.has(w);

/** The stop words themselves, for recognising them when misspelt ("betwen", "diffrence"). */
export const STOP_WORDS: readonly string[] = [...STOP];

/**
 * True when a and b differ by at most one edit (insert, delete, substitute, or swap of two neighbours).
 * Enough to catch most typos without the cost of a full edit-distance table.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const VOWEL = /[aeiouy]/;

/** A small suffix-stripping stemmer (a trimmed-down Porter): enough for the words of this domain. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  // Plurals.
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // Verb endings, only when a vowel stays in what remains.
  for (const suffix of ["ingly", "edly", "ing", "ed"]) {
    if (w.endsWith(suffix)) {
      const rest = w.slice(0, -suffix.length);
      if (rest.length >= 3 && VOWEL.test(rest)) w = rest;
      break;
    }
  }
  // Derivational endings.
  const rules: Array<[string, string]> = [
    ["ization", "iz"],
    ["isation", "iz"],
    ["ational", "at"],
    ["ation", "at"],
    ["ability", "abl"],
    ["ibility", "ibl"],
    ["iveness", "iv"],
    ["fulness", "ful"],
    ["ousness", "ous"],
    ["ity", ""],
    ["ness", ""],
    ["ments", "ment"],
    ["ly", ""],
  ];
  for (const [suffix, repl] of rules) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length) + repl;
      break;
    }
  }
  if (w.endsWith("y") && w.length > 4 && !VOWEL.test(w.at(-2) ?? "a")) w = `${w.slice(0, -1)}i`;
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  // Doubled final consonant left by -ing/-ed ("shopping" → "shopp" → "shop"), but keep ll, ss, ff, zz.
  if (/([^aeiouylsfz])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Split text into raw lower-case words; "24/7" and "24x7" stay one word. */
export function splitWords(text: string): string[] {
  return foldAccents(text.toLowerCase())
    .replace(/\b24\s*[/x]\s*7(?:\s*\/\s*365)?\b/g, " 24x7 ")
    .replace(/\be-mail/g, "email")
    .replace(/['’]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

// British spellings meet their American twins before stemming.
const SPELLING: Record<string, string> = {
  centre: "center",
  centres: "centers",
  utilisation: "utilization",
  specialised: "specialized",
  personalised: "personalized",
  organisation: "organization",
  favourite: "favorite",
  analyse: "analyze",
  licence: "license",
  licenced: "licensed",
};

/** A word as an index term, or null for words that carry no meaning. */
export function toTerm(word: string): string | null {
  const lower = foldAccents(word.toLowerCase());
  const w = SPELLING[lower] ?? lower;
  if (w.length < 2 && !/\d/.test(w)) return null;
  if (isStopWord(w)) return null;
  return stem(w);
}

/** The terms of a text, in order. */
export const termsOf = (text: string): string[] =>
  splitWords(text)
    .map(toTerm)
    .filter((t): t is string => t !== null);
