import { readFileSync } from "node:fs";
import { z } from "zod";
import { projectPath } from "../../project-root.ts";
import type { Range } from "./pricing.ts";

/**
 * Regional rates, kept in data/regions.json with the source of every figure. A figure no source
 * publishes is flagged `assumption` and the reply says so. Countries map to the region that prices them.
 */

const range = z
  .object({ low: z.number().positive(), high: z.number().positive() })
  .strict()
  .refine((r) => r.low <= r.high, { message: "low must not be above high" });
const fraction = z
  .object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) })
  .strict()
  .refine((r) => r.low <= r.high, { message: "low must not be above high" });
const COUNTRY = z.string().regex(/^[A-Z]{2}$/, "countries are two capital letters (ISO 3166)");

const regionSchema = z
  .object({
    label: z.string().min(1),
    countries: z.array(COUNTRY).min(1),
    shared: z.object({ perMinute: range, assumption: z.boolean(), source: z.string().min(1) }).strict(),
    dedicated: z.object({ perAgentHour: range, assumption: z.boolean(), source: z.string().min(1) }).strict(),
    caveats: z.array(z.string().min(1)),
  })
  .strict();

export const REGION_IDS = ["onshore", "nearshore", "philippines", "india", "eastern-europe"] as const;
export type RegionId = (typeof REGION_IDS)[number];

export const regionsSchema = z
  .object({
    currency: z.literal("USD"),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    note: z.string().min(1),
    regions: z.object({
      onshore: regionSchema,
      nearshore: regionSchema,
      philippines: regionSchema,
      india: regionSchema,
      "eastern-europe": regionSchema,
    }),
    totalCost: z
      .object({
        offshoreRawSavings: fraction,
        offshoreTotalSavings: fraction,
        hiddenCosts: fraction,
        source: z.string().min(1),
      })
      .strict(),
    inHouse: z
      .object({
        wages: z.record(COUNTRY, z.object({ perHour: range }).strict()),
        wageSource: z.string().min(1),
        benefitsLoad: z
          .object({
            low: z.number().min(0).max(2),
            high: z.number().min(0).max(2),
            assumption: z.boolean(),
            source: z.string().min(1),
          })
          .strict(),
        management: z
          .object({ percent: z.number().min(0).max(200), assumption: z.boolean(), source: z.string().min(1) })
          .strict(),
        seatPerMonth: z
          .object({
            low: z.number().min(0),
            high: z.number().min(0),
            assumption: z.boolean(),
            source: z.string().min(1),
          })
          .strict(),
        fullTimeHoursPerWeek: z.number().min(1).max(80),
        realityCheck: z.string().min(1),
      })
      .strict(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Map<string, string>();
    for (const [id, r] of Object.entries(d.regions))
      for (const c of r.countries) {
        const before = seen.get(c);
        if (before)
          ctx.addIssue({ code: "custom", path: ["regions", id], message: `${c} is also in ${before}` });
        seen.set(c, id);
      }
  });

export type Regions = z.infer<typeof regionsSchema>;
export type Region = Regions["regions"][RegionId];

export const DEFAULT_REGIONS_PATH = projectPath("data", "regions.json");

export function loadRegions(path: string | URL = DEFAULT_REGIONS_PATH): Regions {
  const where = path instanceof URL ? path.pathname : path;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read the regions file ${where}: ${(err as Error).message}`);
  }
  const parsed = regionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`The regions file ${where} is not valid: ${issues}`);
  }
  return parsed.data;
}

export const REGIONS: Regions = loadRegions();

/** Words a team may type for `location=`: the region ids and a few common names. */
const LOCATION_WORDS: Record<string, RegionId> = {
  onshore: "onshore",
  domestic: "onshore",
  us: "onshore",
  usa: "onshore",
  nearshore: "nearshore",
  latam: "nearshore",
  "latin-america": "nearshore",
  philippines: "philippines",
  ph: "philippines",
  india: "india",
  in: "india",
  "eastern-europe": "eastern-europe",
  "east-europe": "eastern-europe",
  ee: "eastern-europe",
};

/** Words that name more than one region: the parser asks which one rather than guess. */
export const AMBIGUOUS_LOCATIONS: Record<string, string> = {
  offshore: "`location=philippines` or `location=india`",
  europe: "`location=eastern-europe` (the only European region priced)",
};

export const regionIdOfLocation = (word: string): RegionId | undefined =>
  LOCATION_WORDS[
    word
      .trim()
      .toLowerCase()
      .replace(/[\s_]+/g, "-")
  ];

export function regionIdOfCountry(country: string, regions: Regions = REGIONS): RegionId | undefined {
  const c = country.trim().toUpperCase();
  return REGION_IDS.find((id) => regions.regions[id].countries.includes(c));
}

/** Every country the data prices, for messages. */
export const pricedCountries = (regions: Regions = REGIONS): string[] =>
  REGION_IDS.flatMap((id) => regions.regions[id].countries);

/** A location chosen for an estimate: the region and, when a country was named, the country. */
export interface Location {
  region: RegionId;
  country?: string;
}

/** The rates a location prices, with where they come from. */
export interface LocationRates {
  id: RegionId;
  label: string;
  country?: string;
  sharedRate: Range;
  hourlyRate: Range;
  source: { shared: string; dedicated: string };
  assumption: { shared: boolean; dedicated: boolean };
  caveats: string[];
}

export function locationRates(loc: Location, regions: Regions = REGIONS): LocationRates {
  const r = regions.regions[loc.region];
  return {
    id: loc.region,
    label: loc.country ? `${r.label}, ${loc.country}` : r.label,
    ...(loc.country ? { country: loc.country } : {}),
    sharedRate: r.shared.perMinute,
    hourlyRate: r.dedicated.perAgentHour,
    source: { shared: r.shared.source, dedicated: r.dedicated.source },
    assumption: { shared: r.shared.assumption, dedicated: r.dedicated.assumption },
    caveats: r.caveats,
  };
}

/**
 * The default in-house base wage for a location: the country's published range, else the span of
 * the region's published countries; undefined where nothing is published (US, Eastern Europe).
 */
export function defaultWage(loc: Location | undefined, regions: Regions = REGIONS): Range | undefined {
  if (!loc) return undefined;
  const wages = regions.inHouse.wages;
  if (loc.country) return wages[loc.country]?.perHour;
  const known = regions.regions[loc.region].countries
    .map((c) => wages[c]?.perHour)
    .filter((w) => w !== undefined);
  if (!known.length) return undefined;
  return { low: Math.min(...known.map((w) => w.low)), high: Math.max(...known.map((w) => w.high)) };
}
