import { readFileSync } from "node:fs";
import { z } from "zod";
import { projectPath } from "../../project-root.ts";

/**
 * Exchange rates for comparing quotes in different currencies. They live in data/currency-rates.json,
 * each dated and labeled, and are edited by hand: no live rates are fetched, so a comparison is
 * reproducible and the reply can say exactly which rate and date it used.
 */

const CODE = /^[A-Z]{3}$/;

const RateSchema = z
  .object({
    name: z.string().min(1),
    /** Value of one unit of this currency in the base currency. */
    usd: z.number().positive(),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-27"),
    source: z.string().min(1),
  })
  .strict();

export const CurrencyRatesSchema = z
  .object({
    base: z.literal("USD"),
    label: z.string().min(1),
    note: z.string().min(1),
    rates: z
      .record(z.string().regex(CODE, "currency codes are three capital letters"), RateSchema)
      .refine((r) => r.USD?.usd === 1, { message: "USD must be listed with usd: 1" }),
  })
  .strict();

export type CurrencyRates = z.infer<typeof CurrencyRatesSchema>;
export type CurrencyRate = z.infer<typeof RateSchema>;

export const DEFAULT_RATES_PATH = projectPath("data", "currency-rates.json");

/** Read and check a rates file; a bad file fails with a message naming it and the entry at fault. */
export function loadCurrencyRates(path: string | URL = DEFAULT_RATES_PATH): CurrencyRates {
  const where = path instanceof URL ? path.pathname : path;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read the currency rates file ${where}: ${(err as Error).message}`);
  }
  const parsed = CurrencyRatesSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`The currency rates file ${where} is not valid: ${issues}`);
  }
  return parsed.data;
}

/** The app's rates, loaded and checked once at start. */
export const CURRENCY_RATES: CurrencyRates = loadCurrencyRates();

export const knownCurrencies = (rates: CurrencyRates = CURRENCY_RATES): string[] => Object.keys(rates.rates);

export const currencyRate = (
  code: string,
  rates: CurrencyRates = CURRENCY_RATES,
): CurrencyRate | undefined =>
  Object.hasOwn(rates.rates, code.toUpperCase()) ? rates.rates[code.toUpperCase()] : undefined;

/** An amount in `code` expressed in the base currency (USD). Throws for a currency with no rate. */
export function toBase(amount: number, code: string, rates: CurrencyRates = CURRENCY_RATES): number {
  const rate = currencyRate(code, rates);
  if (!rate) throw new Error(`No exchange rate for ${code} in the currency rates file.`);
  return amount * rate.usd;
}

/** Symbols people type in front of amounts. `$` is read as US dollars. */
export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: "USD",
  US$: "USD",
  "€": "EUR",
  "£": "GBP",
  "₹": "INR",
  "₱": "PHP",
  R$: "BRL",
};
