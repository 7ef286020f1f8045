import { z } from "zod";

/**
 * A vendor's quote as a workspace keeps it. Values are stored normalized (codes, seconds, months,
 * amounts in the quote's own currency); a field left out means "not asked yet", which the comparison
 * reports as unknown rather than guessing silently.
 */

export const LOCATIONS = ["onshore", "nearshore", "offshore"] as const;
export const AGENT_MODELS = ["shared", "semi-dedicated", "dedicated"] as const;
export const SERVICES = ["inbound", "outbound", "voice", "email", "chat", "social", "sms"] as const;
export const REPORTING_LEVELS = ["basic", "real-time", "recordings"] as const;
export const FEE_PERIODS = ["once", "month", "year"] as const;
export const DEPLOYMENTS = ["cloud", "on-premises"] as const;

export type Location = (typeof LOCATIONS)[number];
export type AgentModel = (typeof AGENT_MODELS)[number];
export type Service = (typeof SERVICES)[number];
export type ReportingLevel = (typeof REPORTING_LEVELS)[number];
export type FeePeriod = (typeof FEE_PERIODS)[number];

const amount = z.number().min(0).max(10_000_000);

export const FeeSchema = z.object({ amount, per: z.enum(FEE_PERIODS) });
export type Fee = z.infer<typeof FeeSchema>;

export const HoursSchema = z.object({
  hoursPerDay: z.number().gt(0).max(24),
  daysPerWeek: z.number().int().min(1).max(7),
});
export type Hours = z.infer<typeof HoursSchema>;

export const VendorSchema = z.object({
  name: z.string().trim().min(1).max(80),
  location: z.enum(LOCATIONS).optional(),
  /** ISO 3166 two-letter code, upper case. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** The agent model this quote is for. */
  model: z.enum(AGENT_MODELS).optional(),
  /** Currency of every amount in this quote (a code listed in data/currency-rates.json). */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("USD"),
  perMinute: amount.optional(),
  perHour: amount.optional(),
  perCall: amount.optional(),
  /** Each contact is billed rounded up to this many seconds. */
  billingSeconds: z.number().int().min(1).max(3600).optional(),
  holdBilled: z.boolean().optional(),
  minimumMinutes: z.number().int().min(0).max(100_000_000).optional(),
  minimumContacts: z.number().int().min(0).max(100_000_000).optional(),
  /** Smallest monthly bill. */
  minimumCharge: amount.optional(),
  /** Price of a minute above the minimum commitment, as an amount or as a percent over the rate. */
  overagePerMinute: amount.optional(),
  overagePercent: z.number().min(0).max(1000).optional(),
  setupFee: amount.optional(),
  holidayFee: FeeSchema.optional(),
  otherFees: FeeSchema.optional(),
  hours: HoursSchema.optional(),
  /** Two-letter language codes where known ("es"), else the name as typed. */
  languages: z.array(z.string().min(1).max(30)).max(50).optional(),
  services: z.array(z.enum(SERVICES)).optional(),
  agents: z.array(z.enum(AGENT_MODELS)).optional(),
  /** Certifications, normalized: pci, soc2, hipaa, iso27001, gdpr, ... */
  certs: z.array(z.string().min(1).max(30)).max(30).optional(),
  dr: z.boolean().optional(),
  /** How they can run the service: cloud, on-premises or both. */
  deployment: z.array(z.enum(DEPLOYMENTS)).optional(),
  /** Licensed agents available (e.g. insurance). */
  licensed: z.boolean().optional(),
  /** Percent, e.g. 99.9. */
  uptime: z.number().min(0).max(100).optional(),
  reporting: z.array(z.enum(REPORTING_LEVELS)).optional(),
  crm: z.array(z.string().min(1).max(40)).max(30).optional(),
  industries: z.array(z.string().min(1).max(40)).max(30).optional(),
  /** Number of agents. */
  size: z.number().int().min(1).max(1_000_000).optional(),
  contractMonths: z.number().int().min(1).max(120).optional(),
  noticeDays: z.number().int().min(0).max(730).optional(),
  freeTrial: z.boolean().optional(),
  trialDays: z.number().int().min(1).max(365).optional(),
  /** References and reviews, out of 5. */
  rating: z.number().min(0).max(5).optional(),
  notes: z.string().max(1000).optional(),
  addedBy: z.string().optional(),
  addedAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type Vendor = z.infer<typeof VendorSchema>;

/** The fields a user sets (everything but the bookkeeping). */
export type VendorFields = Omit<Vendor, "addedBy" | "addedAt" | "updatedAt">;

/** Names are unique per workspace regardless of case and spacing. */
export const nameKey = (name: string): string =>
  name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
