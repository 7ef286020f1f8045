import { z } from "zod";
import { failOn, type Given, type Givens } from "../staffing/input.ts";
import { readAmount } from "../vendors/amount.ts";
import { CURRENCY_RATES, type CurrencyRates, currencyRate } from "../vendors/currency.ts";
import { type InHouseOverrides, inHouseOverridesSchema } from "./inhouse.ts";
import type { Range } from "./pricing.ts";
import {
  AMBIGUOUS_LOCATIONS,
  type Location,
  pricedCountries,
  REGION_IDS,
  type RegionId,
  regionIdOfCountry,
  regionIdOfLocation,
} from "./regions.ts";

/**
 * The estimate's pricing keys beyond the workload: where the work is done (`location`, `country`,
 * `locations=all`), the currency shown (`currency`), the in-house alternative (`inhouse-wage`,
 * `inhouse-benefits`, `inhouse-management`, `inhouse-seat`) and a `budget`. Amounts may be typed in any
 * currency of data/currency-rates.json (`€0.90`, `28 EUR`) and are converted to US dollars, the model's
 * currency, with the dated rate stated.
 */

/** The keys as the estimate reader knows them, with their other names. */
export const PRICING_KEYS: Record<string, string[]> = {
  location: ["region", "where"],
  country: [],
  locations: [],
  currency: ["show-in", "in-currency"],
  "inhouse-wage": ["in-house-wage", "wage"],
  "inhouse-benefits": ["in-house-benefits", "benefits", "benefits-load"],
  "inhouse-management": ["in-house-management", "management"],
  "inhouse-seat": ["in-house-seat", "seat-cost", "seat"],
  budget: ["monthly-budget"],
};

export const PRICING_HELP =
  "`location` (onshore, nearshore, philippines, india, eastern-europe) or `country` (US, MX, CO, CR, PH, IN, RO, BG), " +
  "`locations=all` (every region side by side), `currency` (e.g. EUR), `inhouse-wage` (e.g. 18/h), " +
  "`inhouse-benefits` (%), `inhouse-management` (%), `inhouse-seat` (a month), `budget` (a month). " +
  "Amounts may be in another currency: `shared-rate=€0.90`, `hourly-rate=28EUR`.";

export const pricingChoicesSchema = z
  .object({
    location: z.object({ region: z.enum(REGION_IDS), country: z.string().length(2).optional() }).optional(),
    allLocations: z.boolean(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    inHouse: inHouseOverridesSchema,
    /** Monthly budget, USD. */
    budget: z.number().positive().max(1e10).optional(),
  })
  .strict();
export type PricingChoices = z.infer<typeof pricingChoicesSchema>;

const EXAMPLE = "12000 calls a month, talk 5m, country=MX inhouse-wage=6/h budget=60000/month";

const fail = (key: string, given: Given, message: string): never =>
  failOn(key, given, message, { example: EXAMPLE });

/**
 * "28 EUR" with a space is two words to the reader: join a currency code to the number before it, so
 * `hourly-rate=28 EUR` reads as one value.
 */
export function joinCurrencyCodes(text: string, rates: CurrencyRates = CURRENCY_RATES): string {
  const codes = Object.keys(rates.rates).join("|");
  return text.replace(new RegExp(String.raw`(\d)\s+(${codes})(?![A-Za-z])`, "gi"), "$1$2");
}

/** An amount in USD, with a note of the conversion when it was typed in another currency. */
export function readUsd(
  key: string,
  given: Given,
  text: string,
  readAs: string[],
  opts: { units?: string[]; currency?: string; rates?: CurrencyRates } = {},
): { usd: number; currency: string; unit?: string } {
  const rates = opts.rates ?? CURRENCY_RATES;
  const a = readAmount(text, rates);
  if (!a) {
    // 1.044 or 1,044 with three digits after the mark: a thousands group or decimals, not told apart.
    const amb = /(\d{1,3})[.,](\d{3})(?!\d)/.exec(text);
    if (amb)
      return fail(
        key,
        given,
        `I can't tell whether ${amb[0]} means ${amb[1]}${amb[2]} or ${amb[1]}.${amb[2]}: write it without the doubt, e.g. \`${key}=${amb[1]}.${amb[2]}0\` or \`${key}=${amb[1]}${amb[2]}\`.`,
      );
    return fail(key, given, `\`${key}\` must be an amount, like \`${key}=${exampleOf(key)}\`.`);
  }
  if (a.unit !== undefined && !(opts.units ?? []).includes(a.unit))
    return fail(key, given, `\`${key}\` is ${unitWords(key)}; write it like \`${key}=${exampleOf(key)}\`.`);
  const code = a.currency ?? opts.currency ?? "USD";
  const rate = currencyRate(code, rates);
  if (!rate) return fail(key, given, `there is no exchange rate for ${code} in data/currency-rates.json.`);
  const usd = a.amount * rate.usd;
  if (code !== "USD")
    readAs.push(
      `${key} ${a.amount} ${code} = $${Math.round(usd * 1000) / 1000} at 1 ${code} = $${rate.usd} (${rate.source}, ${rate.asOf})`,
    );
  return { usd, currency: code, ...(a.unit ? { unit: a.unit } : {}) };
}

const EXAMPLES: Record<string, string> = {
  "shared-rate": "0.80-1.10",
  "hourly-rate": "26-32",
  "inhouse-wage": "18/h",
  "inhouse-seat": "300/month",
  budget: "60000/month",
};
const exampleOf = (key: string) => EXAMPLES[key] ?? "100";
const unitWords = (key: string) =>
  key === "shared-rate"
    ? "a rate a minute"
    : key === "hourly-rate" || key === "inhouse-wage"
      ? "a rate an hour"
      : "an amount a month";

/** A single amount or a range ("0.8-1.1", "€0.80 to €1.10", "0.8-1.1EUR"), in USD. */
export function readUsdRange(
  key: string,
  given: Given,
  opts: { min: number; max: number; unit: string; units: string[] },
  readAs: string[],
): Range {
  const parts = given.value
    .split(/\s*(?:–|to|(?<=[\d€$£₹₱])\s*-\s*(?=[$€£₹₱\d.]))\s*/)
    .filter((p) => p !== "");
  if (parts.length < 1 || parts.length > 2)
    fail(
      key,
      given,
      `\`${key}\` must be an amount ${opts.unit} or a range, like \`${key}=${exampleOf(key)}\`.`,
    );
  // A currency or unit written once at the end applies to both ends: "0.80-1.10 EUR", "5-6/h".
  const last = readAmount(parts[parts.length - 1] ?? "");
  const notes: string[] = [];
  const values = parts.map((p, i) => {
    const text =
      i < parts.length - 1 && last?.unit && !/[a-z/]/i.test(p.replace(/^[A-Z]{3}/, ""))
        ? `${p}/${last.unit}`
        : p;
    return readUsd(key, given, text, notes, {
      units: opts.units,
      ...(last?.currency ? { currency: last.currency } : {}),
    }).usd;
  });
  if (notes.length) readAs.push(...notes);
  const low = values[0] ?? 0;
  const high = values[1] ?? low;
  for (const x of [low, high])
    if (x < opts.min || x > opts.max)
      fail(
        key,
        given,
        `\`${key}\` must be between $${opts.min} and $${opts.max} ${opts.unit} (in US dollars).`,
      );
  if (low > high) fail(key, given, `the low end of \`${key}\` is above the high end.`);
  return { low: Math.round(low * 10000) / 10000, high: Math.round(high * 10000) / 10000 };
}

const PERCENT = /^(\d+(?:\.\d+)?)\s*%?$/;

function readPercent(key: string, given: Given, max: number): number {
  const m = PERCENT.exec(given.value.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  if (!(n >= 0 && n <= max))
    fail(key, given, `\`${key}\` must be a percentage from 0 to ${max}, like \`${key}=30%\`.`);
  return n / 100;
}

const MONTH_UNITS = ["month", "mo", "monthly", "m"];
const HOUR_UNITS = ["h", "hr", "hour", "hours"];

function readLocation(givens: Givens): Location | undefined {
  const loc = givens.get("location");
  const country = givens.get("country");
  let region: RegionId | undefined;
  if (loc) {
    const word = loc.value.trim().toLowerCase();
    const ambiguous = AMBIGUOUS_LOCATIONS[word];
    if (ambiguous) fail("location", loc, `“${word}” covers more than one priced region: write ${ambiguous}.`);
    region = regionIdOfLocation(word);
    if (!region)
      fail("location", loc, `\`location\` must be one of ${REGION_IDS.join(", ")} (or give \`country=MX\`).`);
  }
  if (!country) return region ? { region } : undefined;
  const code = country.value.trim().toUpperCase();
  const byCountry = regionIdOfCountry(code);
  if (!byCountry)
    return fail(
      "country",
      country,
      `no rates are kept for ${code}: the priced countries are ${pricedCountries().join(", ")} (data/regions.json).`,
    );
  if (region && region !== byCountry)
    fail(
      "country",
      country,
      `${code} is priced as ${byCountry}, not ${region}: give one of \`location\` or \`country\`.`,
    );
  return { region: byCountry, country: code };
}

/** Read the pricing keys; every one is optional. Conversions are added to `readAs`. */
export function readPricingChoices(givens: Givens, readAs: string[]): PricingChoices {
  const location = readLocation(givens);
  const all = givens.get("locations");
  if (all && !/^(all|yes)$/i.test(all.value.trim()))
    fail("locations", all, "write `locations=all` to compare every region.");
  const cur = givens.get("currency");
  let currency: string | undefined;
  if (cur) {
    currency = cur.value.trim().toUpperCase();
    if (!currencyRate(currency))
      fail(
        "currency",
        cur,
        `no exchange rate for ${currency}: data/currency-rates.json has ${Object.keys(CURRENCY_RATES.rates).join(", ")}.`,
      );
  }
  const inHouse: InHouseOverrides = {};
  const wage = givens.get("inhouse-wage");
  if (wage)
    inHouse.wage = readUsdRange(
      "inhouse-wage",
      wage,
      { min: 0.5, max: 500, unit: "an hour", units: HOUR_UNITS },
      readAs,
    );
  const benefits = givens.get("inhouse-benefits");
  if (benefits) inHouse.benefits = readPercent("inhouse-benefits", benefits, 200);
  const management = givens.get("inhouse-management");
  if (management) inHouse.management = readPercent("inhouse-management", management, 200);
  const seat = givens.get("inhouse-seat");
  if (seat) inHouse.seat = readUsd("inhouse-seat", seat, seat.value, readAs, { units: MONTH_UNITS }).usd;
  const b = givens.get("budget");
  const budget = b ? readUsd("budget", b, b.value, readAs, { units: MONTH_UNITS }).usd : undefined;
  if (budget !== undefined && !(budget > 0)) fail("budget", b as Given, "`budget` must be above 0.");
  return pricingChoicesSchema.parse({
    ...(location ? { location } : {}),
    allLocations: all !== undefined,
    ...(currency ? { currency } : {}),
    inHouse,
    ...(budget !== undefined ? { budget } : {}),
  });
}
