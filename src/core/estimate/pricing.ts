import { readFileSync } from "node:fs";
import { z } from "zod";
import { projectPath } from "../../project-root.ts";

/**
 * Prices and pricing assumptions, kept in data/pricing.json so a team can adjust them without touching
 * code. Each entry says whether its figure comes from the guide or is an assumption of ours.
 */

const range = z
  .object({ low: z.number().positive(), high: z.number().positive() })
  .strict()
  .refine((r) => r.low <= r.high, { message: "low must not be above high" });

const source = z.enum(["guide", "assumption"]);

const premium = z
  .object({
    label: z.string().min(1),
    percent: z.number().min(0).max(500),
    source,
    note: z.string().min(1),
  })
  .strict();

export const pricingSchema = z
  .object({
    currency: z.literal("USD"),
    shared: z.object({ perMinute: range, source, note: z.string().min(1) }).strict(),
    dedicated: z.object({ perAgentHour: range, source, note: z.string().min(1) }).strict(),
    semiDedicated: z
      .object({
        position: z.number().gt(0).lt(1),
        /** Below this many full-time agents' worth of work, providers do not sell semi-dedicated agents. */
        offeredFromFullTimeAgents: z.number().min(0).max(100),
        fullTimeHoursPerWeek: z.number().min(1).max(80),
        source,
        note: z.string().min(1),
      })
      .strict(),
    recommendation: z.object({ source, note: z.string().min(1) }).strict(),
    coverage: z
      .object({
        weeksPerYear: z.number().min(52).max(52.2),
        businessHoursPerDay: z.number().int().min(1).max(24),
        businessDaysPerWeek: z.number().int().min(1).max(7),
      })
      .strict(),
    premiums: z.object({ twentyFourSeven: premium, licensed: premium, perLanguage: premium }).strict(),
  })
  .strict();

export type Pricing = z.infer<typeof pricingSchema>;
export type Range = { low: number; high: number };

export const DEFAULT_PRICING_PATH = projectPath("data", "pricing.json");

/** Read and check a pricing file; a bad file fails with a message naming it and the field at fault. */
export function loadPricing(path: string | URL = DEFAULT_PRICING_PATH): Pricing {
  const where = path instanceof URL ? path.pathname : path;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read the pricing file ${where}: ${(err as Error).message}`);
  }
  const parsed = pricingSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    throw new Error(`The pricing file ${where} is not valid: ${issues}`);
  }
  return parsed.data;
}

/** The app's prices, loaded and checked once when the module is first imported (at start). */
export const PRICING: Pricing = loadPricing();

export const midpoint = (r: Range): number => (r.low + r.high) / 2;
