import type { Profile } from "../advice/profile.ts";
import { own } from "../read/lookup.ts";
import type { EstimateInput } from "./model.ts";

/**
 * The bridge between a saved needs profile and the estimate's inputs, both ways: a profile gives an
 * estimate its volume, handle times, hours, languages and licensing; an estimate can be saved back as
 * those profile facts. Profile times are minutes; estimate times are seconds.
 */

const minutes = (m: number) => `${Math.round(m * 60 * 1000) / 1000}s`;

/** Profile hours to estimate coverage: "extended" is read as 12 h × 6 days (stated to the user). */
const HOURS_TO_COVERAGE: Record<string, string> = { business: "business", extended: "12x6", "24/7": "24/7" };

/** Estimate key=value text from a saved profile, or undefined when it has no volume. */
export function estimateTextFromProfile(profile: Profile | undefined): string | undefined {
  if (!profile || typeof profile.volume !== "number" || profile.volume <= 0) return undefined;
  const parts = [`contacts=${Math.round(profile.volume)}`];
  if (typeof profile.talk === "number") parts.push(`talk=${minutes(profile.talk)}`);
  if (typeof profile.wrap === "number") parts.push(`wrap=${minutes(profile.wrap)}`);
  if (typeof profile.hold === "number") parts.push(`hold=${minutes(profile.hold)}`);
  const hours = profile.hours ? own(HOURS_TO_COVERAGE, profile.hours) : undefined;
  if (hours) parts.push(`hours=${hours}`);
  if (profile.licensed) parts.push("licensed=yes");
  const others = (profile.languages ?? []).filter((l) => l !== "en");
  if (others.length) parts.push(`languages=${others.join(",")}`);
  return parts.join(" ");
}

/** Coverage to profile hours: 24/7 is 24/7, more than 9 h × 5 days is "extended". */
const profileHours = (input: EstimateInput): "business" | "extended" | "24/7" => {
  const { hoursPerDay: h, daysPerWeek: d } = input.coverage;
  if (h >= 24 && d >= 7) return "24/7";
  return h * d > 45 ? "extended" : "business";
};

/** The profile facts an estimate carries, as `/cc-advise update` text. */
export function profileUpdateTextFromEstimate(input: EstimateInput): string {
  const m = (s: number) => `${Math.round((s / 60) * 1000) / 1000}m`;
  const parts = [
    `volume=${Math.round(input.contactsPerMonth)}`,
    `talk=${m(input.talkSeconds)}`,
    `wrap=${m(input.wrapSeconds)}`,
    `hold=${m(input.holdSeconds)}`,
    `hours=${profileHours(input)}`,
  ];
  if (input.licensed) parts.push("licensed=yes");
  return parts.join(" ");
}

/** Compare keys for `/cc-vendor compare` with the estimate's workload. */
export function compareTextFromEstimate(input: EstimateInput): string {
  const m = (s: number) => `${Math.round((s / 60) * 1000) / 1000}m`;
  return `volume=${Math.round(input.contactsPerMonth)} talk=${m(input.talkSeconds)} wrap=${m(input.wrapSeconds)} hold=${m(input.holdSeconds)} hours=${profileHours(input)}`;
}

/** Initial values of the estimate form from an estimate input (to re-run with changes). */
export function formValuesFromInput(input: EstimateInput): Record<string, string> {
  const round = (x: number) => String(Math.round(x * 1000) / 1000);
  const { hoursPerDay: h, daysPerWeek: d } = input.coverage;
  return {
    contacts: String(Math.round(input.contactsPerMonth)),
    "talk-min": round(input.talkSeconds / 60),
    "wrap-min": round(input.wrapSeconds / 60),
    "hold-sec": round(input.holdSeconds),
    "hold-billed": input.holdBilled ? "yes" : "",
    hours: h >= 24 && d >= 7 ? "24/7" : h === 9 && d === 5 ? "business" : `${h}x${d}`,
    billing: `${input.billingIncrementSeconds}s`,
    target: round(input.target * 100),
    "answer-sec": round(input.answerSeconds),
    shrinkage: round(input.shrinkage * 100),
    "max-occupancy": round(input.maxOccupancy * 100),
    licensed: input.licensed ? "yes" : "",
    languages: input.languages.join(", "),
    shape: input.shape ?? "flat",
    "billing-basis": input.billingBasis ?? "paid",
    ...(input.chats
      ? {
          chats: String(Math.round(input.chats.contactsPerMonth)),
          "chat-time-min": round(input.chats.handleSeconds / 60),
          concurrency: String(input.concurrency ?? 2),
        }
      : {}),
    ...(input.emails
      ? {
          emails: String(Math.round(input.emails.contactsPerMonth)),
          "email-time-min": round(input.emails.handleSeconds / 60),
        }
      : {}),
    ...(input.patienceSeconds !== undefined ? { "patience-sec": round(input.patienceSeconds) } : {}),
    ...(input.maxAbandon !== undefined ? { "max-abandon": round(input.maxAbandon * 100) } : {}),
  };
}
