import { z } from "zod";
import { WORKLOAD_DEFAULTS } from "../estimate/defaults.ts";
import { estimate } from "../estimate/model.ts";
import { parseEstimate } from "../estimate/parse.ts";
import { PRICING, type Pricing } from "../estimate/pricing.ts";
import { estimateTextFromProfile } from "../estimate/profile-bridge.ts";
import type { Profile, ProfileKey } from "./profile.ts";

/**
 * The cost model's verdict as facts for the advice rules, so `/cc-advise` and `/cc-estimate` give the
 * same answer for the same team: the cheapest agent model at the team's volume, and the volume from
 * which dedicated agents cost no more than shared ones at the team's coverage hours. Both come from
 * the estimate itself (same defaults, same rates), never from thresholds of their own.
 */

export const MODELS = ["shared", "semi-dedicated", "dedicated"] as const;

/** Facts the advice derives rather than asks; rule files may name them like profile keys. */
export const DERIVED_FIELDS = {
  "cheapest-model": z
    .enum(MODELS)
    .describe("The cheapest agent model at your volume, from the cost estimate."),
  "break-even-volume": z
    .number()
    .min(0)
    .describe(
      "Contacts a month from which dedicated agents cost no more than shared ones, from the cost estimate.",
    ),
  "semi-dedicated-offered": z
    .boolean()
    .describe(
      "Whether your volume is at least one full-time agent's work (providers sell semi-dedicated agents from there).",
    ),
};
export type DerivedKey = keyof typeof DERIVED_FIELDS;
export const DERIVED_KEYS = Object.keys(DERIVED_FIELDS) as DerivedKey[];

export type CostFacts = {
  "cheapest-model"?: (typeof MODELS)[number];
  "break-even-volume"?: number;
  "semi-dedicated-offered"?: boolean;
};

const num = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 0 });
const MODEL_WORDS: Record<string, string> = {
  shared: "shared agents",
  "semi-dedicated": "semi-dedicated agents",
  dedicated: "dedicated agents",
};

export const DERIVED_STATEMENTS: Record<DerivedKey, (v: unknown) => string> = {
  "cheapest-model": (v) =>
    `${MODEL_WORDS[String(v)] ?? String(v)} cost least at your volume (the cost estimate, midpoint rates)`,
  "break-even-volume": (v) =>
    `dedicated agents pay off from about ${num(Number(v))} contacts a month at your hours`,
  "semi-dedicated-offered": (v) =>
    v
      ? "your volume is enough for semi-dedicated agents (at least one full-time agent's work)"
      : "your volume is less than one full-time agent's work, too little for semi-dedicated agents",
};

export const DERIVED_UNKNOWN: Record<DerivedKey, string> = {
  "cheapest-model": "how many contacts you expect a month, so the cheapest model is not known",
  "break-even-volume": "how many contacts you expect a month",
  "semi-dedicated-offered": "how many contacts you expect a month",
};

/** The estimate's input for a profile: its facts, and the shared defaults for the rest. */
export function estimateTextFor(profile: Profile): string | undefined {
  const text = estimateTextFromProfile(profile);
  if (!text) return undefined;
  return typeof profile.talk === "number" ? text : `${text} talk=${WORKLOAD_DEFAULTS.talkSeconds}s`;
}

/** The verdict for a profile with a volume; no facts when the volume is unknown or cannot be priced. */
export function costFacts(profile: Profile, pricing: Pricing = PRICING): CostFacts {
  const text = estimateTextFor(profile);
  if (!text) return {};
  try {
    const e = estimate(parseEstimate(text, pricing).input, pricing);
    return {
      "cheapest-model": e.recommended,
      "semi-dedicated-offered": e.semiDedicated.offered,
      ...(e.breakEvenMonthlyContacts !== null ? { "break-even-volume": e.breakEvenMonthlyContacts } : {}),
    };
  } catch {
    // A profile the estimate cannot size (e.g. a talk time of 0) simply gives no cost facts.
    return {};
  }
}

/**
 * When the advice's agent-model choice is not the cheapest, say so in words: the reason then names the
 * cheaper model and the facts that justify paying more.
 */
export function costNote(choice: string | undefined, facts: CostFacts): string | undefined {
  const cheapest = facts["cheapest-model"];
  if (!choice || !cheapest || choice === cheapest) return undefined;
  return `This is not the cheapest model: ${MODEL_WORDS[cheapest]} would cost less at your volume (see /cc-estimate), but the facts above call for ${MODEL_WORDS[choice] ?? choice}.`;
}

/** The team's own facts a cost fact rests on: the volume, and the hours and handle times it gave. */
const COST_INPUTS: ProfileKey[] = ["volume", "hours", "talk", "wrap", "hold"];

/**
 * A rule's facts with the derived ones replaced by the profile facts they come from, so a rule that
 * fired on the cost verdict counts as firing on the team's own volume (and hours, when given).
 */
export function factsBehind(facts: ProfileKey[], profile: Profile): ProfileKey[] {
  const out: ProfileKey[] = [];
  for (const f of facts) {
    const from = (DERIVED_KEYS as string[]).includes(f)
      ? COST_INPUTS.filter((k) => profile[k] !== undefined)
      : [f];
    for (const k of from) if (!out.includes(k)) out.push(k);
  }
  return out;
}
