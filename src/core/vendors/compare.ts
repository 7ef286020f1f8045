import type { Criterion } from "../advice/criteria.ts";
import type { Profile } from "../advice/profile.ts";
import { WORKLOAD_DEFAULTS } from "../estimate/defaults.ts";
import type { Pricing } from "../estimate/pricing.ts";
import { type CheckResult, shouldChecks } from "./checks.ts";
import { type CostContext, staffingFor, type VendorCost, vendorMonthlyCost, type Workload } from "./cost.ts";
import { type CurrencyRate, type CurrencyRates, currencyRate } from "./currency.ts";
import { mustChecks, mustRequirements } from "./musts.ts";
import { type Needs, neededHours } from "./needs.ts";
import type { Vendor } from "./vendor.ts";

/**
 * Side-by-side comparison of a workspace's quotes for one team: each quote's expected monthly cost,
 * the musts it fails, what is still unknown, a score and a rank. Ranking puts every quote that meets
 * all the team's musts ahead of any that fails one, whatever the price: a must is not traded for money.
 */

/** Handle times used when neither the profile nor the command gives them: the defaults every command shares. */
export const DEFAULT_HANDLE = {
  talkMinutes: WORKLOAD_DEFAULTS.talkSeconds / 60,
  wrapMinutes: WORKLOAD_DEFAULTS.wrapSeconds / 60,
  holdMinutes: WORKLOAD_DEFAULTS.holdSeconds / 60,
} as const;

/** The guide: get offers from at least three providers. */
export const RECOMMENDED_QUOTES = 3;

export interface CompareInput {
  /** The saved profile with what the command overrides: what the advice's musts are read from. */
  profile: Profile;
  needs: Needs;
  /** Contacts a month (from the command, else the profile). */
  volume: number;
  talkMinutes: number;
  wrapMinutes: number;
  holdMinutes: number;
  /** Where each figure came from, for the reply: "profile", "given" or "default". */
  sources: Record<"volume" | "talk" | "wrap" | "hold" | "hours", "profile" | "given" | "default">;
  /** Coverage to price dedicated agents for. */
  hours: Needs["hours"];
  /** Monthly budget in USD, when given (`budget=60000/month`). */
  budget?: number;
}

export interface ScoreParts {
  cost: number;
  fit: number;
  known: number;
  reviews: number;
  penalty: number;
}

export interface VendorComparison {
  vendor: Vendor;
  cost: VendorCost;
  checks: CheckResult[];
  /** Criteria of the musts it fails, one per failed check. */
  mustFailures: Criterion[];
  /** Terms and checks the quote says nothing about. */
  unknowns: string[];
  /** 0–100 within this comparison (the cost part is relative to the cheapest quote). */
  score: number;
  scoreParts: ScoreParts;
  rank: number;
  /** Against the budget, when one was given and the quote has a price. */
  budget?: BudgetFit | null;
}

export interface ConvertedCurrency {
  code: string;
  rate: CurrencyRate;
}

export interface Comparison {
  input: CompareInput;
  workload: Workload;
  vendors: VendorComparison[];
  /** Currencies converted to USD, with the dated rates used. */
  conversions: ConvertedCurrency[];
  /** Dedicated staffing for this workload, when some quote is hourly. */
  dedicatedAgents?: number;
  fewerThanRecommended: boolean;
  assumptions: string[];
}

const COVERED_BY_COST = new Set<Criterion>(["cost", "fees", "volume", "reviews"]);

const SCORE = { cost: 50, fit: 20, known: 15, reviews: 15, perMustFailure: 25, perUnknownMust: 3 } as const;
/** Unknowns at which the "known" part of the score reaches zero. */
const UNKNOWNS_FOR_ZERO = 8;

export function scoreOf(
  cost: number | null,
  cheapest: number | null,
  checks: CheckResult[],
  unknownCount: number,
  rating: number | undefined,
): { score: number; parts: ScoreParts } {
  const costPart =
    cost !== null && cheapest !== null && cost > 0
      ? SCORE.cost * Math.min(1, cheapest / cost)
      : cost === 0
        ? SCORE.cost
        : 0;
  const shoulds = checks.filter((c) => c.severity === "should");
  const fitRatio = shoulds.length
    ? shoulds.reduce((s, c) => s + (c.status === "pass" ? 1 : c.status === "unknown" ? 0.5 : 0), 0) /
      shoulds.length
    : 1;
  const known = SCORE.known * Math.max(0, 1 - unknownCount / UNKNOWNS_FOR_ZERO);
  const reviews = rating === undefined ? SCORE.reviews / 2 : (SCORE.reviews * rating) / 5;
  const musts = checks.filter((c) => c.severity === "must");
  const penalty =
    SCORE.perMustFailure * musts.filter((c) => c.status === "fail").length +
    SCORE.perUnknownMust * musts.filter((c) => c.status === "unknown").length;
  const raw = costPart + SCORE.fit * fitRatio + known + reviews - penalty;
  const parts = {
    cost: Math.round(costPart * 10) / 10,
    fit: Math.round(SCORE.fit * fitRatio * 10) / 10,
    known: Math.round(known * 10) / 10,
    reviews: Math.round(reviews * 10) / 10,
    penalty,
  };
  return { score: Math.max(0, Math.min(100, Math.round(raw))), parts };
}

/**
 * Order: quotes meeting every must first; then fewer failed musts; then fewer musts not yet answered;
 * then lower monthly cost (known costs such as billed hold, rounding and fees are in it; unknown cost
 * last); then higher score; then name. The score weighs what is left (terms known, shoulds, references)
 * between equal costs.
 */
export function rankOrder(a: VendorComparison, b: VendorComparison): number {
  const fa = a.mustFailures.length;
  const fb = b.mustFailures.length;
  if ((fa === 0) !== (fb === 0)) return fa === 0 ? -1 : 1;
  if (fa !== fb) return fa - fb;
  const oa = openMusts(a);
  const ob = openMusts(b);
  if (oa !== ob) return oa - ob;
  const ca = a.cost.monthlyCost ?? Number.POSITIVE_INFINITY;
  const cb = b.cost.monthlyCost ?? Number.POSITIVE_INFINITY;
  if (ca !== cb) return ca - cb;
  if (a.score !== b.score) return b.score - a.score;
  return a.vendor.name.localeCompare(b.vendor.name);
}

const openMusts = (r: VendorComparison): number =>
  r.checks.filter((c) => c.severity === "must" && c.status === "unknown").length;

/** A quote against the team's monthly budget: within it or not, and by how much (budget − cost). */
export interface BudgetFit {
  fits: boolean;
  headroom: number;
}

export const budgetFit = (monthlyCost: number | null, budget: number): BudgetFit | null =>
  monthlyCost === null ? null : { fits: monthlyCost <= budget, headroom: Math.round(budget - monthlyCost) };

/** A quote's minimum as a number of contacts, whatever unit it was given in; undefined if not given. */
export function minimumInContacts(v: Vendor, cost: VendorCost, w: Workload): number | undefined {
  if (v.minimumContacts !== undefined) return v.minimumContacts;
  if (v.minimumMinutes !== undefined) {
    if (v.minimumMinutes === 0) return 0;
    const perContact = cost.billedMinutesPerContact ?? (w.talkSeconds + w.wrapSeconds) / 60;
    return perContact > 0 ? Math.ceil(v.minimumMinutes / perContact) : undefined;
  }
  if (v.minimumCharge !== undefined && cost.usagePerContact && cost.exchangeRate)
    return Math.ceil((v.minimumCharge * cost.exchangeRate) / cost.usagePerContact);
  return undefined;
}

export function workloadOf(input: CompareInput): Workload {
  const h = neededHours(input.hours);
  return {
    contactsPerMonth: input.volume,
    talkSeconds: input.talkMinutes * 60,
    wrapSeconds: input.wrapMinutes * 60,
    holdSeconds: input.holdMinutes * 60,
    coverage: {
      hoursPerDay: h.hoursPerDay,
      daysPerWeek: h.daysPerWeek,
      label: input.hours === "24/7" ? "24/7" : input.hours === "extended" ? "12x6" : "business",
    },
  };
}

export function compareVendors(
  vendors: readonly Vendor[],
  input: CompareInput,
  opts: { pricing: Pricing; rates: CurrencyRates },
): Comparison {
  const workload = workloadOf(input);
  let staffing: ReturnType<typeof staffingFor> | undefined;
  const ctx: CostContext = {
    pricing: opts.pricing,
    rates: opts.rates,
    staffing: () => {
      staffing ??= staffingFor(workload, opts.pricing);
      return staffing;
    },
  };
  const costs = vendors.map((v) => vendorMonthlyCost(v, workload, ctx));
  const priced = costs.map((c) => c.monthlyCost).filter((c): c is number => c !== null);
  const cheapest = priced.length ? Math.min(...priced) : null;
  // Sizing dedicated agents is needed for the size check even when no quote is hourly; it is one solve.
  const agents = input.volume > 0 ? ctx.staffing().result.scheduledAgents : undefined;

  const requirements = mustRequirements(input.profile);
  const rows: VendorComparison[] = vendors.map((vendor, i) => {
    const cost = costs[i] as VendorCost;
    const minimum = minimumInContacts(vendor, cost, workload);
    const checks = [
      ...mustChecks(requirements, vendor, minimum, cost.basis),
      ...shouldChecks(vendor, {
        needs: { ...input.needs, volume: input.volume },
        ...(agents !== undefined ? { scheduledAgents: agents } : {}),
        ...(cost.billableMinutes !== undefined ? { billableMinutes: cost.billableMinutes } : {}),
      }),
    ];
    const mustFailures = checks
      .filter((c) => c.severity === "must" && c.status === "fail")
      .map((c) => c.criterion);
    const unknowns = [
      ...cost.unknowns,
      ...checks
        // Cost, fee and minimum terms are already listed by the cost; references just below.
        .filter((c) => c.status === "unknown" && !COVERED_BY_COST.has(c.criterion))
        .map((c) => `${c.label}${c.severity === "must" ? " (a must)" : ""}`),
      ...(vendor.rating === undefined ? ["references and reviews"] : []),
    ];
    const { score, parts } = scoreOf(cost.monthlyCost, cheapest, checks, unknowns.length, vendor.rating);
    return {
      vendor,
      cost,
      checks,
      mustFailures,
      unknowns,
      score,
      scoreParts: parts,
      rank: 0,
      ...(input.budget !== undefined ? { budget: budgetFit(cost.monthlyCost, input.budget) } : {}),
    };
  });
  rows.sort(rankOrder);
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });

  const conversions: ConvertedCurrency[] = [];
  for (const code of new Set(vendors.map((v) => v.currency))) {
    if (code === opts.rates.base) continue;
    const rate = currencyRate(code, opts.rates);
    if (rate) conversions.push({ code, rate });
  }

  const assumptions: string[] = [
    "Ranked by musts met (failed, then not yet answered), then by monthly cost: billed hold time, rounding and fees are costs already in each quote's monthly figure, not failed musts.",
    "Quoted rates are taken as all-in: no premium is added for 24/7, languages or licensed agents.",
    "Per-minute quotes: each contact is billed for talk + wrap-up (+ hold when billed), rounded up to the quote's increment, with contact lengths taken as exponential (as in /cc-estimate).",
    "A term a quote leaves out is priced at the costlier common case (billing in whole minutes, hold billed) and listed as unknown.",
  ];
  if (costs.some((c) => c.basis === "hourly"))
    assumptions.push(
      "Hourly quotes: dedicated agents sized by Erlang C for 80% of contacts answered within 20 s, at most 85% occupancy and 30% shrinkage, every scheduled agent paid for every coverage hour (as in /cc-estimate).",
    );
  if (input.hours === "extended") assumptions.push("Extended hours are taken as 12 h a day, 6 days a week.");

  return {
    input,
    workload,
    vendors: rows,
    conversions,
    ...(agents !== undefined ? { dedicatedAgents: agents } : {}),
    fewerThanRecommended: vendors.length < RECOMMENDED_QUOTES,
    assumptions,
  };
}
