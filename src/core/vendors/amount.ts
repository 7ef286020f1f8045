import { own } from "../read/lookup.ts";
import { readNumber } from "../read/numbers.ts";
import { CURRENCY_RATES, CURRENCY_SYMBOLS, type CurrencyRates } from "./currency.ts";

/**
 * An amount as people type it in a quote: "0.95", "$0.95/min", "€0.80 per minute", "USD 30/h",
 * "1,500 MXN", "2.5k". The currency and the unit after it, if any, come back apart.
 */
export interface TypedAmount {
  amount: number;
  currency?: string;
  /** The word after "/", "per" or "a", lower-cased: "min", "hour", "call", "month"... */
  unit?: string;
  /** Both readings when the writer's locale does not settle the number (`1.250` from English). */
  readings?: [number, number];
  /** The number as typed, for a question that rewrites it. */
  typed: string;
}

const SYMBOL_RE = /^(US\$|R\$|[$€£₹₱])/;

export function readAmount(
  text: string,
  rates: CurrencyRates = CURRENCY_RATES,
  locale?: string,
): TypedAmount | undefined {
  let rest = text.trim();
  let currency: string | undefined;
  const codeFirst = /^([A-Za-z]{3})\s*(?=[\d.$€£₹₱])/.exec(rest);
  if (codeFirst?.[1] && Object.hasOwn(rates.rates, codeFirst[1].toUpperCase())) {
    currency = codeFirst[1].toUpperCase();
    rest = rest.slice(codeFirst[0].length);
  }
  const symbol = SYMBOL_RE.exec(rest);
  if (symbol?.[1]) {
    const fromSymbol = own(CURRENCY_SYMBOLS, symbol[1]);
    if (currency && fromSymbol !== currency) return undefined;
    currency = fromSymbol;
    rest = rest.slice(symbol[1].length).trimStart();
  }
  const num = /^(\d(?:[\d.,]*\d)?|[.,]\d+)\s*(k\b)?/i.exec(rest);
  if (!num?.[1]) return undefined;
  const read = readNumber(num[1], locale);
  if (read === undefined) return undefined;
  const mult = num[2] ? 1000 : 1;
  const readings =
    "readings" in read ? ([read.readings[0] * mult, read.readings[1] * mult] as [number, number]) : undefined;
  const amount = "value" in read ? read.value * mult : (readings as [number, number])[0];
  rest = rest.slice(num[0].length).trim();
  const codeAfter = /^([A-Za-z]{3})(?![A-Za-z])/.exec(rest);
  if (codeAfter?.[1] && Object.hasOwn(rates.rates, codeAfter[1].toUpperCase())) {
    const code = codeAfter[1].toUpperCase();
    if (currency && code !== currency) return undefined;
    currency = code;
    rest = rest.slice(codeAfter[0].length).trim();
  }
  let unit: string | undefined;
  if (rest !== "") {
    const u = /^(?:\/|per\s+|an?\s+|a\/)?\s*([a-z][a-z-]*)$/i.exec(rest);
    if (!u?.[1]) return undefined;
    unit = u[1].toLowerCase();
  }
  return {
    amount,
    typed: num[1],
    ...(currency ? { currency } : {}),
    ...(unit ? { unit } : {}),
    ...(readings ? { readings } : {}),
  };
}

export type RateUnit = "minute" | "hour" | "call";

const RATE_UNITS: Record<string, RateUnit> = {
  m: "minute",
  min: "minute",
  mins: "minute",
  minute: "minute",
  minutes: "minute",
  h: "hour",
  hr: "hour",
  hrs: "hour",
  hour: "hour",
  hours: "hour",
  "agent-hour": "hour",
  "agent-hours": "hour",
  call: "call",
  calls: "call",
  contact: "call",
  contacts: "call",
};

export const rateUnit = (unit: string | undefined): RateUnit | undefined =>
  unit === undefined ? undefined : own(RATE_UNITS, unit);

export type Period = "once" | "month" | "year";

const PERIODS: Record<string, Period> = {
  month: "month",
  mo: "month",
  monthly: "month",
  year: "year",
  yr: "year",
  y: "year",
  yearly: "year",
  annually: "year",
  annual: "year",
  once: "once",
  "one-time": "once",
  "one-off": "once",
  onetime: "once",
};

export const period = (unit: string | undefined): Period | undefined =>
  unit === undefined ? undefined : own(PERIODS, unit);
