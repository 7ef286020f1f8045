import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Number formatting for replies, in the locale of the person who asked (thousands separators and the
 * decimal mark: 12,000.5 in en-US, 12.000,5 in de-DE). `toLocaleString` with options builds a new
 * Intl.NumberFormat on every call (tens of microseconds each), which dominated a whole command's run
 * time: formatters are cached per locale.
 */
const cache = new Map<string, Intl.NumberFormat>();

/** The reply's locale, set once per command by the dispatcher, so no renderer has to pass it along. */
const replyLocale = new AsyncLocalStorage<string>();

// supportedLocalesOf costs more than a whole short command: remember the answer per tag (few exist).
const usableTags = new Map<string, string>();
const usable = (locale: string | undefined): string => {
  if (!locale || locale === "und") return "en-US";
  const known = usableTags.get(locale);
  if (known) return known;
  let tag = "en-US";
  try {
    if (Intl.NumberFormat.supportedLocalesOf([locale]).length) tag = locale;
  } catch {
    // A malformed tag formats like English.
  }
  if (usableTags.size < 500) usableTags.set(locale, tag);
  return tag;
};

/** Run `fn` with replies formatted for `locale` (BCP 47; unknown or undetermined tags mean en-US). */
export const withNumberLocale = <T>(locale: string | undefined, fn: () => T): T =>
  replyLocale.run(usable(locale), fn);

const formatter = (min: number, max: number): Intl.NumberFormat => {
  const locale = replyLocale.getStore() ?? "en-US";
  const key = `${locale}:${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
};

/** Grouped digits with between `min` and `max` decimals: formatNumber(12345.678, 0, 1) → "12,345.7". */
export const formatNumber = (x: number, min = 0, max = min): string =>
  formatter(min, Math.max(min, max)).format(x);

/** A whole number with thousands separators. */
export const formatInt = (x: number): string => formatter(0, 0).format(Math.round(x));

/** The reply's locale, for the few messages that format with `toLocaleString` themselves. */
export const numberLocale = (): string => replyLocale.getStore() ?? "en-US";
