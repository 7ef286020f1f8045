import { type CurrencyRate, type CurrencyRates, currencyRate } from "../vendors/currency.ts";
import type { Range } from "./pricing.ts";

/**
 * Money in the estimate. The model works in US dollars (the guide's and the data's currency); rates
 * typed in another currency are converted in, and `currency=EUR` converts every figure out, at the
 * dated rate of data/currency-rates.json, which the reply names.
 */

export interface DisplayCurrency {
  code: string;
  /** Value of one unit in USD. */
  usd: number;
  rate: CurrencyRate;
}

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", INR: "₹", PHP: "₱" };

export const USD_DISPLAY = (rates: CurrencyRates): DisplayCurrency => {
  const rate = currencyRate("USD", rates);
  if (!rate) throw new Error("The currency rates file has no USD entry.");
  return { code: "USD", usd: 1, rate };
};

export function displayCurrency(code: string, rates: CurrencyRates): DisplayCurrency | undefined {
  const rate = currencyRate(code, rates);
  return rate ? { code: code.toUpperCase(), usd: rate.usd, rate } : undefined;
}

/** A USD amount in the display currency. */
export const fromUsd = (usd: number, c: DisplayCurrency): number => usd / c.usd;

const group = (x: number, decimals: number): string =>
  x.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/**
 * A USD amount shown in the display currency: "$1,234", "€0.78", "1,234 RON". Cents only below 100
 * and when they are not zero (rates), whole units otherwise (monthly totals).
 */
export function formatMoney(usd: number, c: DisplayCurrency): string {
  const x = fromUsd(usd, c);
  const cents = Math.abs(x) < 100 && Math.round(x * 100) % 100 !== 0;
  const n = group(x, cents ? 2 : 0);
  const symbol = SYMBOLS[c.code];
  return symbol ? `${x < 0 ? "-" : ""}${symbol}${n.replace(/^-/, "")}` : `${n} ${c.code}`;
}

export const formatMoneyRange = (r: Range, c: DisplayCurrency, dash = "–"): string =>
  r.low === r.high ? formatMoney(r.low, c) : `${formatMoney(r.low, c)}${dash}${formatMoney(r.high, c)}`;

/** "at €1 = $1.16 (approximate reference rate, 2026-11-27)". */
export const rateNote = (c: DisplayCurrency): string =>
  `1 ${c.code} = $${c.usd} (${c.rate.source}, ${c.rate.asOf})`;
