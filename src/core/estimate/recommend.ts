import type { EstimateInput } from "./model.ts";
import type { Pricing, Range } from "./pricing.ts";
import { midpoint } from "./pricing.ts";

/**
 * Which outsourcing model to star: the cheapest one at the midpoints of the rate ranges, among the
 * models a provider would sell at this volume. Semi-dedicated is not sold below one full-time agent's
 * worth of work (providers will not split an agent three ways for a few hours a month), so there it is
 * "not offered", not priced.
 */

export type Model = "shared" | "semi-dedicated" | "dedicated";

export interface ModelOption {
  model: Model;
  monthlyCost: Range;
  offered: boolean;
}

export interface Recommendation {
  recommended: Model;
  /** The next cheapest model offered, if any. */
  runnerUp: Model | null;
  /** Why it is starred, in words. */
  reason: string;
}

/** Hours of handling work a month (contacts × handle time), the measure of "an agent's worth". */
export const workHoursPerMonth = (contacts: number, ahtSeconds: number): number =>
  (contacts * ahtSeconds) / 3600;

/** Hours one full-time agent works in an average month. */
export const fullTimeHoursPerMonth = (hoursPerWeek: number, weeksPerYear: number): number =>
  (hoursPerWeek * weeksPerYear) / 12;

export const semiDedicatedOffered = (
  workHours: number,
  fullTimeAgents: number,
  fullTimeHours: number,
): boolean => workHours >= fullTimeAgents * fullTimeHours;

const NAMES: Record<Model, string> = {
  shared: "shared agents",
  "semi-dedicated": "semi-dedicated agents",
  dedicated: "dedicated agents",
};

/** Cheapest offered option at midpoints; ties go to the model giving more attention (dedicated first). */
export function recommend(options: ModelOption[]): Recommendation {
  const offered = options.filter((o) => o.offered);
  const attention: Record<Model, number> = { dedicated: 0, "semi-dedicated": 1, shared: 2 };
  const sorted = [...offered].sort(
    (a, b) => midpoint(a.monthlyCost) - midpoint(b.monthlyCost) || attention[a.model] - attention[b.model],
  );
  const best = sorted[0];
  if (!best) throw new Error("recommend: no option is offered");
  const next = sorted[1];
  const ratio = next ? midpoint(next.monthlyCost) / Math.max(midpoint(best.monthlyCost), 0.01) : 1;
  const more =
    ratio >= 2
      ? `${Math.round(ratio * 10) / 10} times as much`
      : ratio - 1 < 0.005
        ? "about the same"
        : `${Math.round((ratio - 1) * 100)}% more`;
  const reason = next
    ? `the cheapest option at midpoint rates (${NAMES[next.model]} cost ${more})`
    : "the only option offered at this volume";
  return { recommended: best.model, runnerUp: next?.model ?? null, reason };
}

/** The three models' costs for one workload, and the estimate's choice among them. */
export function recommendModel(
  input: EstimateInput,
  pricing: Pricing,
  costs: Record<Model, Range>,
  /** Hours of handling work a month over every channel; the calls' alone when not given. */
  workHours?: number,
): Recommendation & { semiOffered: boolean } {
  const aht = input.talkSeconds + input.holdSeconds + input.wrapSeconds;
  const semi = pricing.semiDedicated;
  const semiOffered = semiDedicatedOffered(
    workHours ?? workHoursPerMonth(input.contactsPerMonth, aht),
    semi.offeredFromFullTimeAgents,
    fullTimeHoursPerMonth(semi.fullTimeHoursPerWeek, pricing.coverage.weeksPerYear),
  );
  const options: ModelOption[] = [
    { model: "shared", monthlyCost: costs.shared, offered: true },
    { model: "semi-dedicated", monthlyCost: costs["semi-dedicated"], offered: semiOffered },
    { model: "dedicated", monthlyCost: costs.dedicated, offered: true },
  ];
  return { ...recommend(options), semiOffered };
}
