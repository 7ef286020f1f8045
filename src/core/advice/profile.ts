import { z } from "zod";

/**
 * A team's needs: the facts the advice rules read. Every field is optional (advice works on whatever
 * is known) and is stored normalized: numbers, booleans, lists and fixed choices, never raw text.
 * The descriptions are shown in the form and in `/cc-advise help`.
 */

export const PATTERNS = ["steady", "seasonal", "inconsistent"] as const;
export const CHANNELS = ["voice", "email", "chat", "social", "sms"] as const;
export const INBOUND = [
  "support",
  "technical",
  "orders",
  "payments",
  "transfers",
  "messages",
  "appointments",
] as const;
export const OUTBOUND = ["lead-generation", "cold-calling", "surveys", "follow-up", "win-back"] as const;
export const REGIONS = [
  "latam",
  "north-america",
  "europe",
  "asia",
  "africa",
  "middle-east",
  "oceania",
] as const;
export const HOURS = ["business", "extended", "24/7"] as const;
export const REPORTING = ["basic", "real-time", "recordings"] as const;

const count = z.number().int().min(0).max(1e9);
const minutes = z.number().min(0).max(600);
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length);

/** Each fact's schema and description (the profile makes every one optional). */
export const PROFILE_FIELDS = {
  volume: count.describe("Contacts a month: calls, e-mails and chats together, e.g. 2000 or 12k."),
  pattern: z
    .enum(PATTERNS)
    .describe("How the volume behaves over the year: steady, seasonal or inconsistent."),
  channels: list(CHANNELS).describe("How customers reach you: voice, email, chat, social, sms."),
  inbound: list(INBOUND).describe(
    "Incoming work: support, technical, orders, payments, transfers, messages, appointments.",
  ),
  outbound: list(OUTBOUND).describe(
    "Calls the center would make: lead-generation, cold-calling, surveys, follow-up, win-back.",
  ),
  languages: z
    .array(z.string().regex(/^[a-z]{2,3}$/))
    .max(40)
    .describe("Languages your customers need, as codes or names: en, es, fr or English, Spanish."),
  international: z.boolean().describe("Are your customers spread over several countries? yes or no."),
  expansion: z
    .enum(REGIONS)
    .describe(
      "A region you are growing into: latam, north-america, europe, asia, africa, middle-east, oceania.",
    ),
  accents: z
    .enum(["sensitive", "tolerant"])
    .describe("Would your customers mind agents with a foreign accent? sensitive or tolerant."),
  priority: z.enum(["cost", "balanced", "quality"]).describe("What matters most: cost, balanced or quality."),
  complexity: z
    .enum(["simple", "specialized"])
    .describe("Are the questions simple and general, or specialized and detailed?"),
  industry: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9][a-z0-9 &/-]*$/)
    .describe("Your industry in a few words, e.g. e-commerce, insurance, software."),
  licensed: z.boolean().describe("Must agents hold a license (e.g. insurance)? yes or no."),
  payments: z.boolean().describe("Do agents take card payments over the phone? yes or no."),
  health: z.boolean().describe("Do conversations include health data? yes or no."),
  "personal-data": z.boolean().describe("Do agents handle customers' personal data? yes or no."),
  hours: z.enum(HOURS).describe("Hours you need covered: business, extended or 24/7."),
  dr: z.boolean().describe("Must the center take over if your own phone lines go down? yes or no."),
  reporting: z
    .enum(REPORTING)
    .describe("Reporting you need: basic counts, real-time analytics, or recordings too."),
  crm: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9 .-]*$/))
    .max(20)
    .describe("Business tools the center must work with, e.g. salesforce, hubspot, zendesk."),
  growth: z.number().min(0).max(10_000).describe("Expected growth of contacts, % a year, e.g. 30%."),
  employees: count.describe("People in your company."),
  "in-house-agents": count.describe("People of your own who answer customers today."),
  sites: count.describe("Sites or offices your agents work from."),
  cloud: z
    .enum(["trusted", "skeptical"])
    .describe("How you feel about a cloud provider's security: trusted or skeptical."),
  talk: minutes.describe("Average talk time of a contact, in minutes (5m, 90s)."),
  wrap: minutes.describe("Average wrap-up work after a contact, in minutes."),
  hold: minutes.describe("Average time a caller waits on hold, in minutes."),
  switching: z
    .enum(["underperforming", "no"])
    .describe("Are you leaving a provider that underperforms? underperforming or no."),
  quotes: count.describe("How many offers you have collected so far."),
  overloaded: z.boolean().describe("Do your staff spend too much time answering calls? yes or no."),
  "lost-sales": z.boolean().describe("Are sales lost because nobody follows up leads? yes or no."),
  "missed-calls": z.boolean().describe("Are customer calls missed? yes or no."),
  "callback-hours": z.number().min(0).max(10_000).describe("How many hours it takes to call customers back."),
  "missed-appointments": z.boolean().describe("Do you lose track of appointments? yes or no."),
  "language-barriers": z
    .boolean()
    .describe("Are there customers you cannot help because of language? yes or no."),
};

export const ProfileSchema = z.object(PROFILE_FIELDS).partial().strict();

export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileKey = keyof Profile;

/** The profile keys in the order forms, help and replies list them. */
export const PROFILE_KEYS = Object.keys(PROFILE_FIELDS) as ProfileKey[];

/** The plain-language description of one key. */
export const describeKey = (key: ProfileKey): string => PROFILE_FIELDS[key].description ?? key;
