import { own } from "../read/lookup.ts";
import { certainNumber } from "../read/numbers.ts";

/**
 * Numbers and units as people type them: "12k", "12,000", "1.5m" (million), "5m" (minutes) or "30s",
 * "80%" or "0.8". Each parser returns undefined for text it does not understand, so the caller can name
 * the field in its own error message.
 */

/**
 * A plain number, with thousands separators allowed: "12,000", "12 000", "1.5", "-3", read by the
 * shared reader. "12.000" is undefined here, since it could be twelve or twelve thousand: callers that
 * can ask (askIfUnclear) do so before they get here.
 */
export const parseNumber = (text: string, locale?: string): number | undefined => {
  const t = text.trim();
  if (!/^[+-]?(?:\d[\d.,\s]*|[.,]\d+)$/.test(t)) return undefined;
  const n = certainNumber(t, locale);
  return n !== undefined && Number.isFinite(n) ? n : undefined;
};

/** A count with an optional k/m/million/thousand multiplier: "12k", "1.2m", "3 thousand". */
export const parseCount = (text: string, locale?: string): number | undefined => {
  const m = /^\s*([\d.,]+(?:\s\d{3})*)\s*(k|thousand|m|mm|million|mln)?\s*$/i.exec(text);
  if (!m?.[1]) return undefined;
  const n = parseNumber(m[1], locale);
  if (n === undefined) return undefined;
  const unit = (m[2] ?? "").toLowerCase();
  const mult = unit === "k" || unit === "thousand" ? 1e3 : unit ? 1e6 : 1;
  return Math.round(n * mult * 1e6) / 1e6;
};

const DURATION_UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
};

/**
 * A duration in seconds: "30s", "5m", "5 min", "1h30m", "1:30" (m:ss), "90" (in `defaultUnit`).
 * Returns undefined for anything else, including negative values.
 */
export const parseDuration = (text: string, defaultUnit: "s" | "m" | "h" = "s"): number | undefined => {
  const t = text.trim().toLowerCase();
  if (t === "") return undefined;
  const clock = /^(\d+):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const bare = parseNumber(t);
  if (bare !== undefined) return bare < 0 ? undefined : bare * (own(DURATION_UNITS, defaultUnit) ?? 1);
  const re = /(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)/g;
  let total = 0;
  let consumed = "";
  for (const m of t.matchAll(re)) {
    const unit = own(DURATION_UNITS, m[2] ?? "");
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    consumed += m[0];
  }
  if (consumed.replace(/\s+/g, "") !== t.replace(/\s+/g, "")) return undefined;
  return Number.isFinite(total) ? total : undefined;
};

/** A rate as a fraction: "80%", "80 %", "0.8", "80" (read as a percent when above 1). */
export const parseRate = (text: string): number | undefined => {
  const t = text.trim();
  const pct = /^([\d.,]+)\s*%$/.exec(t);
  if (pct?.[1]) {
    const n = parseNumber(pct[1]);
    return n === undefined ? undefined : n / 100;
  }
  const n = parseNumber(t);
  if (n === undefined) return undefined;
  return n > 1 ? n / 100 : n;
};

/** Yes/no answers: yes, y, true, 1, on / no, n, false, 0, off. */
export const parseYesNo = (text: string): boolean | undefined => {
  const t = text.trim().toLowerCase();
  if (["yes", "y", "true", "1", "on"].includes(t)) return true;
  if (["no", "n", "false", "0", "off", "none"].includes(t)) return false;
  return undefined;
};

/** A money amount: "$0.95", "0.95", "1,500", "USD 30". The currency, if any, is returned apart. */
export const parseMoney = (text: string): { amount: number; currency?: string } | undefined => {
  const t = text.trim();
  const m =
    /^(?:(USD|EUR|GBP|RON|MXN|CAD|AUD|INR|PHP)\s*)?([$€£])?\s*([\d.,]+)\s*(USD|EUR|GBP|RON|MXN|CAD|AUD|INR|PHP)?$/i.exec(
      t,
    );
  if (!m?.[3]) return undefined;
  const amount = parseNumber(m[3]);
  if (amount === undefined) return undefined;
  const symbol = m[2] ? ({ $: "USD", "€": "EUR", "£": "GBP" } as Record<string, string>)[m[2]] : undefined;
  const currency = (m[1] ?? m[4])?.toUpperCase() ?? symbol;
  return currency ? { amount, currency } : { amount };
};

export type Period = "hour" | "day" | "week" | "month" | "year";

/** Words for a period of time as people write them after a count: "a month", "per wk", "daily". */
export const PERIOD_WORDS: Readonly<Record<string, Period>> = {
  hour: "hour",
  hr: "hour",
  h: "hour",
  hourly: "hour",
  day: "day",
  daily: "day",
  week: "week",
  wk: "week",
  weekly: "week",
  month: "month",
  mo: "month",
  monthly: "month",
  year: "year",
  yr: "year",
  yearly: "year",
  annually: "year",
  annual: "year",
};
