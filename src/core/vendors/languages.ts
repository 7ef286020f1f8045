import { languageName as adviceLanguageName, languageCodeOf } from "../advice/synonyms.ts";
import { own } from "../read/lookup.ts";

/**
 * Languages as two-letter codes, so "Spanish", "español" and "es" all match when a vendor's languages
 * are checked against a team's. Names not in the table are kept as typed (lower-cased).
 */
const NAMES: Record<string, string> = {
  english: "en",
  eng: "en",
  spanish: "es",
  español: "es",
  espanol: "es",
  castellano: "es",
  french: "fr",
  français: "fr",
  francais: "fr",
  german: "de",
  deutsch: "de",
  italian: "it",
  portuguese: "pt",
  português: "pt",
  romanian: "ro",
  română: "ro",
  romana: "ro",
  dutch: "nl",
  polish: "pl",
  russian: "ru",
  ukrainian: "uk",
  chinese: "zh",
  mandarin: "zh",
  cantonese: "yue",
  japanese: "ja",
  korean: "ko",
  arabic: "ar",
  hindi: "hi",
  tagalog: "tl",
  filipino: "tl",
  vietnamese: "vi",
  turkish: "tr",
  greek: "el",
  hungarian: "hu",
  czech: "cs",
  swedish: "sv",
  norwegian: "no",
  danish: "da",
  finnish: "fi",
  hebrew: "he",
  thai: "th",
  indonesian: "id",
  malay: "ms",
};

// The first English name listed for each code is the one shown.
const CODES: Record<string, string> = {};
for (const [name, code] of Object.entries(NAMES))
  if (!(code in CODES) && /^[a-z]+$/.test(name)) CODES[code] = name;

/**
 * "Spanish" → "es", "ES" → "es", "klingon" → "klingon". The advice's language table is read first, so
 * a vendor's languages and a team's ("Cantonese" in both) always come out as the same code.
 */
export const normalizeLanguage = (text: string): string => {
  const t = text.trim().toLowerCase();
  return languageCodeOf(t) ?? own(NAMES, t) ?? t;
};

/** "es" → "Spanish", for replies; unknown codes are shown as typed. */
export const languageName = (code: string): string => {
  const name = own(CODES, code);
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : adviceLanguageName(code);
};

export const isLanguageText = (text: string): boolean => /^\p{L}[\p{L} -]{0,29}$/u.test(text.trim());
