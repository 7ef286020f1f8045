import { formatInt, formatNumber } from "../format/number.ts";
import {
  type FieldNames,
  type StaffingInput,
  type StaffingResult,
  solveStaffing,
} from "../staffing/solve.ts";
import { expectedBilledMinutes } from "./billing.ts";
import { type Coverage, isTwentyFourSeven, monthlyCoverageHours } from "./coverage.ts";
import { midpoint, type Pricing, type Range } from "./pricing.ts";
import { type Model, recommendModel } from "./recommend.ts";
import type { LocationRates } from "./regions.ts";

export interface EstimateInput {
  contactsPerMonth: number;
  talkSeconds: number;
  wrapSeconds: number;
  holdSeconds: number;
  /** Whether the provider bills hold time (the guide says it should not). */
  holdBilled: boolean;
  coverage: Coverage;
  billingIncrementSeconds: number;
  target: number;
  answerSeconds: number;
  shrinkage: number;
  maxOccupancy: number;
  /** Per-minute rate range for shared agents; the guide's range when not given. */
  sharedRate?: Range | undefined;
  /** Per-agent-hour rate range for dedicated agents; the guide's range when not given. */
  hourlyRate?: Range | undefined;
  licensed: boolean;
  /** Languages besides English. */
  languages: string[];
  /** A region whose published rates replace the guide's US ones (rates typed by the user still win). */
  location?: LocationRates | undefined;
}

export type { Model };

export interface AppliedPremium {
  id: "24/7" | "licensed" | "languages";
  label: string;
  percent: number;
  /** True when the guide names the premium but gives no figure. */
  assumption: boolean;
  note: string;
}

export interface Estimate {
  inputs: EstimateInput & { sharedRate: Range; hourlyRate: Range; coverageHoursPerMonth: number };
  shared: {
    billedMinutesPerContact: number;
    billableMinutes: number;
    monthlyCost: Range;
  };
  dedicated: {
    callsPerHour: number;
    trafficErlangs: number;
    agents: number;
    scheduledAgents: number;
    agentHours: number;
    serviceLevel: number;
    asaSeconds: number;
    occupancy: number;
    probWait: number;
    probWaitOver5Min: number;
    bindingConstraint: StaffingResult["bindingConstraint"];
    monthlyCost: Range;
  };
  /** Position between shared (0) and dedicated (1), from data/pricing.json. */
  /** `offered` is false below one full-time agent's work: no provider sells it, so it is not priced. */
  semiDedicated: { monthlyCost: Range; position: number; offered: boolean };
  /** The cheapest option offered, at the midpoints of the rate ranges. */
  recommended: Model;
  recommendedReason: string;
  runnerUp: Model | null;
  /** Monthly contacts from which dedicated costs no more than shared, on the midpoints; null if never. */
  breakEvenMonthlyContacts: number | null;
  premiums: AppliedPremium[];
  /** Sum of the premiums applied to every model, in percent. */
  premiumPercent: number;
  assumptions: string[];
}

/** Keys as the estimate command names them, so a solve error points at the right field. */
export const ESTIMATE_FIELD_NAMES: FieldNames = {
  callsPerInterval: "contacts",
  intervalSeconds: "hours",
  ahtSeconds: "talk",
  answerSeconds: "answer",
  target: "target",
  shrinkage: "shrinkage",
  maxOccupancy: "max-occupancy",
};

export const ESTIMATE_EXAMPLE = "12000 calls a month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s";

const cents = (x: number) => Math.round(x * 100) / 100;
const scale = (r: Range, f: number): Range => ({ low: cents(r.low * f), high: cents(r.high * f) });

/** The hourly staffing problem for a monthly volume spread evenly over the coverage hours. */
export function hourlyLoad(input: EstimateInput, contactsPerMonth: number, hours: number): StaffingInput {
  return {
    callsPerInterval: contactsPerMonth / hours,
    intervalSeconds: 3600,
    ahtSeconds: input.talkSeconds + input.holdSeconds + input.wrapSeconds,
    answerSeconds: input.answerSeconds,
    target: input.target,
    shrinkage: input.shrinkage,
    maxOccupancy: input.maxOccupancy,
  };
}

/** Mean billable minutes per contact before rounding: talk + wrap (+ hold when billed). */
const billedMean = (input: EstimateInput): number =>
  (input.talkSeconds + input.wrapSeconds + (input.holdBilled ? input.holdSeconds : 0)) / 60;

const billedMinutesPerContact = (input: EstimateInput): number =>
  expectedBilledMinutes(billedMean(input), input.billingIncrementSeconds / 60);

const round2 = (x: number) => Math.round(x * 100) / 100;

export function estimate(input: EstimateInput, pricing: Pricing): Estimate {
  const sharedRate = input.sharedRate ?? input.location?.sharedRate ?? pricing.shared.perMinute;
  const hourlyRate = input.hourlyRate ?? input.location?.hourlyRate ?? pricing.dedicated.perAgentHour;
  const hours = monthlyCoverageHours(input.coverage, pricing);

  const premiums = applicablePremiums(input, pricing);
  const premiumPercent = premiums.reduce((sum, p) => sum + p.percent, 0);
  const factor = 1 + premiumPercent / 100;

  const perContact = billedMinutesPerContact(input);
  const billableMinutes = perContact * input.contactsPerMonth;
  const sharedCost = scale(sharedRate, billableMinutes * factor);

  const staffing = solveStaffing(
    hourlyLoad(input, input.contactsPerMonth, hours),
    ESTIMATE_FIELD_NAMES,
    ESTIMATE_EXAMPLE,
  );
  const agentHours = staffing.scheduledAgents * hours;
  const dedicatedCost = scale(hourlyRate, agentHours * factor);

  const position = pricing.semiDedicated.position;
  const semiCost: Range = {
    low: cents(sharedCost.low + position * (dedicatedCost.low - sharedCost.low)),
    high: cents(sharedCost.high + position * (dedicatedCost.high - sharedCost.high)),
  };

  const breakEven = breakEvenContacts(input, sharedRate, hourlyRate, hours);
  const choice = recommendModel(input, pricing, {
    shared: sharedCost,
    "semi-dedicated": semiCost,
    dedicated: dedicatedCost,
  });

  const result: Estimate = {
    inputs: { ...input, sharedRate, hourlyRate, coverageHoursPerMonth: hours },
    shared: { billedMinutesPerContact: perContact, billableMinutes, monthlyCost: sharedCost },
    dedicated: {
      callsPerHour: input.contactsPerMonth / hours,
      trafficErlangs: staffing.trafficErlangs,
      agents: staffing.agents,
      scheduledAgents: staffing.scheduledAgents,
      agentHours,
      serviceLevel: staffing.serviceLevel,
      asaSeconds: staffing.asaSeconds,
      occupancy: staffing.occupancy,
      probWait: staffing.probWait,
      probWaitOver5Min: staffing.probWaitOver5Min,
      bindingConstraint: staffing.bindingConstraint,
      monthlyCost: dedicatedCost,
    },
    semiDedicated: { monthlyCost: semiCost, position, offered: choice.semiOffered },
    recommended: choice.recommended,
    recommendedReason: choice.reason,
    runnerUp: choice.runnerUp,
    breakEvenMonthlyContacts: breakEven,
    premiums,
    premiumPercent,
    assumptions: [],
  };
  result.assumptions = assumptionsOf(result, input, pricing);
  return result;
}

function applicablePremiums(input: EstimateInput, pricing: Pricing): AppliedPremium[] {
  const out: AppliedPremium[] = [];
  const p = pricing.premiums;
  const of = (
    id: AppliedPremium["id"],
    entry: Pricing["premiums"]["licensed"],
    percent: number,
    label: string,
  ) => ({
    id,
    label,
    percent,
    assumption: entry.source === "assumption",
    note: entry.note,
  });
  if (isTwentyFourSeven(input.coverage))
    out.push(of("24/7", p.twentyFourSeven, p.twentyFourSeven.percent, p.twentyFourSeven.label));
  if (input.licensed) out.push(of("licensed", p.licensed, p.licensed.percent, p.licensed.label));
  if (input.languages.length) {
    const n = input.languages.length;
    out.push(
      of(
        "languages",
        p.perLanguage,
        p.perLanguage.percent * n,
        `${n} language${n === 1 ? "" : "s"} besides English (${input.languages.join(", ")})`,
      ),
    );
  }
  return out;
}

/**
 * The smallest monthly volume at which dedicated agents cost no more than shared ones, on the midpoints
 * of both rate ranges, for this workload (same times, hours and service target). Premiums apply to both
 * alike, so they do not move it. Dedicated cost rises in steps (whole agents), so this is found by
 * doubling then bisection on whole contacts; null when dedicated never catches up.
 */
export function breakEvenContacts(
  input: EstimateInput,
  sharedRate: Range,
  hourlyRate: Range,
  hours: number,
): number | null {
  const perContactShared = billedMinutesPerContact(input) * midpoint(sharedRate);
  const hourly = midpoint(hourlyRate);
  const aht = input.talkSeconds + input.holdSeconds + input.wrapSeconds;
  // Agents are never fewer than traffic / max occupancy and the headcount adds shrinkage, so a
  // dedicated contact always costs at least AHT (h) × rate / max occupancy / (1 − shrinkage), the
  // limit it approaches at large volumes. If that is not below the shared price, it never catches up.
  const asymptote = ((aht / 3600) * hourly) / input.maxOccupancy / (1 - input.shrinkage);
  if (asymptote >= perContactShared) return null;
  const cheaper = (contacts: number): boolean => {
    const s = solveStaffing(hourlyLoad(input, contacts, hours), ESTIMATE_FIELD_NAMES, ESTIMATE_EXAMPLE);
    return s.scheduledAgents * hours * hourly <= contacts * perContactShared;
  };
  // Stay within what a solve can size (about 200,000 Erlangs).
  const maxContacts = Math.floor(((200_000 * input.maxOccupancy * 3600) / aht) * hours);
  let hi = 64;
  while (!cheaper(hi)) {
    if (hi >= maxContacts) return null;
    hi = Math.min(hi * 2, maxContacts);
  }
  let lo = Math.floor(hi / 2);
  if (lo < 1 || cheaper(lo)) lo = 0;
  // Invariant: not cheaper at lo (or lo = 0), cheaper at hi.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cheaper(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const money = (x: number) => `$${formatNumber(x, x < 10 ? 2 : 0, 2)}`;
const moneyRange = (r: Range) => (r.low === r.high ? money(r.low) : `${money(r.low)}–${money(r.high)}`);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const secs = (s: number) => (s % 60 === 0 && s >= 60 ? `${s / 60} min` : `${Math.round(s * 10) / 10} s`);
const increment = (s: number) => (s === 1 ? "second" : s === 60 ? "minute" : secs(s));

const rateOrigin = (
  typed: Range | undefined,
  loc: LocationRates | undefined,
  which: "shared" | "dedicated",
) =>
  typed
    ? " (yours)"
    : loc
      ? ` (${loc.label}${loc.assumption[which] ? ", an assumption" : ""}: ${loc.source[which]})`
      : which === "shared"
        ? " (the guide's US range)"
        : " (the guide's US range; larger teams tend to get the lower end)";

function assumptionsOf(e: Estimate, input: EstimateInput, pricing: Pricing): string[] {
  const i = e.inputs;
  const billedParts = input.holdBilled ? "talk + wrap + hold" : "talk + wrap";
  const out = [
    `Shared: each contact is billed for ${billedParts}, rounded up to the next ${increment(input.billingIncrementSeconds)}. Contact lengths are taken as exponential (as Erlang C assumes), so with increment h and mean m a contact is billed h/(1−e^(−h/m)) on average: ${round2(e.shared.billedMinutesPerContact)} minutes here, against ${round2(billedMean(input))} unrounded.`,
    input.holdBilled
      ? "Hold time is billed, as you said; the guide advises that customers' hold time should not be."
      : "Hold time is not billed (the guide's advice; check that the contract says so).",
    `Dedicated: the monthly volume is spread evenly over ${formatInt(i.coverageHoursPerMonth)} coverage hours a month (${input.coverage.hoursPerDay} h × ${input.coverage.daysPerWeek} days × ${pricing.coverage.weeksPerYear} weeks / 12). Real traffic peaks, so busy hours need more agents than this average.`,
    `Agents sized by Erlang C for ${pct(input.target)} of contacts answered within ${secs(input.answerSeconds)}, at most ${pct(input.maxOccupancy)} occupancy; the headcount adds ${pct(input.shrinkage)} shrinkage, and every scheduled agent is paid for every coverage hour.`,
    `Rates: shared ${moneyRange(i.sharedRate)} a minute${rateOrigin(input.sharedRate, input.location, "shared")}, dedicated ${moneyRange(i.hourlyRate)} an agent-hour${rateOrigin(input.hourlyRate, input.location, "dedicated")}.`,
    `Semi-dedicated (assumption): ${pricing.semiDedicated.note}`,
    `Break-even: compares shared and dedicated at the midpoints of their ranges for this workload. ${pricing.recommendation.note}`,
  ];
  for (const p of e.premiums)
    out.push(
      `Premium: ${p.label}, +${p.percent}% on every model.${p.assumption ? ` Assumption: ${p.note}` : ""}`,
    );
  return out;
}
