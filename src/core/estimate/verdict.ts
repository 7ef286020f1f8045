import { numberLocale } from "../format/number.ts";
import { CURRENCY_RATES, type CurrencyRates } from "../vendors/currency.ts";
import {
  type InHouse,
  type InHouseAssumptions,
  inHouseBreakEven,
  inHouseCost,
  type Staff,
} from "./inhouse.ts";
import {
  breakEvenContacts,
  type Estimate,
  type EstimateInput,
  estimate,
  hourlyLoad,
  type Model,
} from "./model.ts";
import { type DisplayCurrency, displayCurrency, USD_DISPLAY } from "./money.ts";
import { midpoint, type Pricing, type Range } from "./pricing.ts";
import type { PricingChoices } from "./pricing-input.ts";
import {
  defaultWage,
  type LocationRates,
  locationRates,
  REGION_IDS,
  REGIONS,
  type Regions,
} from "./regions.ts";

/**
 * Everything the estimate answers beyond the three outsourcing models: the location priced and its
 * source, the in-house alternative and where it stops being dearer, every region side by side, the
 * budget, and the currency shown. Pure: the command and the advice's cost facts both call it.
 */

export type BudgetOption = Model | "in-house";

export interface BudgetCheck {
  monthly: number;
  /** True when the option's whole range is within the budget. */
  fits: Partial<Record<BudgetOption, boolean>>;
  /** Budget minus cost at the midpoint: positive is under budget, negative over. */
  headroom: Partial<Record<BudgetOption, number>>;
}

export interface RegionRow {
  id: string;
  label: string;
  shared: { monthlyCost: Range };
  dedicated: { monthlyCost: Range };
  recommended: Model;
  source: { shared: string; dedicated: string };
  assumption: { shared: boolean; dedicated: boolean };
  caveats: string[];
}

export interface Verdict {
  estimate: Estimate;
  location: LocationRates | null;
  inHouse: InHouse | null;
  /** Why there is no in-house figure, when there is none. */
  inHouseMissing?: string;
  regions: RegionRow[] | null;
  budget: BudgetCheck | null;
  currency: DisplayCurrency;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The in-house assumptions for this team: its own figures, else the published defaults, labelled. */
export function inHouseAssumptions(
  choices: PricingChoices,
  regions: Regions = REGIONS,
): InHouseAssumptions | { missing: string } {
  const d = regions.inHouse;
  const o = choices.inHouse;
  const published = defaultWage(choices.location, regions);
  const wage = o.wage ?? published;
  if (!wage)
    return {
      missing: choices.location
        ? `No agent wage is published for ${choices.location.country ?? regions.regions[choices.location.region].label}: give \`inhouse-wage\` (e.g. 18/h) to compare with keeping the work in-house.`
        : "Give `inhouse-wage` (e.g. 18/h) or a `country` to compare with keeping the work in-house.",
    };
  const where =
    choices.location?.country ?? (choices.location ? regions.regions[choices.location.region].label : "");
  return {
    wage,
    wageSource: o.wage ? "yours" : `published base wage for ${where} (${d.wageSource.split(" (")[0]})`,
    benefitsLoad:
      o.benefits !== undefined
        ? { low: o.benefits, high: o.benefits }
        : { low: d.benefitsLoad.low, high: d.benefitsLoad.high },
    benefitsSource: o.benefits !== undefined ? "yours" : d.benefitsLoad.source,
    managementShare: o.management ?? d.management.percent / 100,
    managementSource: o.management !== undefined ? "yours" : d.management.source,
    seatPerMonth:
      o.seat !== undefined
        ? { low: o.seat, high: o.seat }
        : { low: d.seatPerMonth.low, high: d.seatPerMonth.high },
    seatSource: o.seat !== undefined ? "yours" : d.seatPerMonth.source,
  };
}

/**
 * The staffing the in-house cost uses: the dedicated estimate's paid agent-hours, full-time
 * equivalents for them, and a seat for each agent scheduled at once.
 */
export function staffOf(e: Estimate): Staff {
  const d = e.dedicated;
  // In-house pays every paid hour (shrinkage included) and needs a desk for each agent scheduled at once.
  // Its FTE are the dedicated team's, at the same full-time week (`fte-hours=`, default 40 h).
  return { agentHours: d.paidAgentHours, fte: Math.round(d.fte * 10) / 10, seats: d.scheduledAgents };
}

/** Cheapest outsourced model at midpoints for a volume, premiums included (as the estimate prices them). */
function outsourcedMid(e: Estimate) {
  const factor = 1 + e.premiumPercent / 100;
  const perContact = e.shared.billedMinutesPerContact * midpoint(e.inputs.sharedRate) * factor;
  const hourly = midpoint(e.inputs.hourlyRate) * factor;
  const hours = e.inputs.coverageHoursPerMonth;
  return (contacts: number, agents: number) => Math.min(contacts * perContact, agents * hours * hourly);
}

export function inHouseOf(e: Estimate, a: InHouseAssumptions, _pricing: Pricing): InHouse {
  const staff = staffOf(e);
  const monthlyCost = inHouseCost(staff, a);
  const i = e.inputs;
  const aht = i.talkSeconds + i.holdSeconds + i.wrapSeconds;
  const hours = i.coverageHoursPerMonth;
  const maxContacts = Math.floor(((200_000 * i.maxOccupancy * 3600) / aht) * hours);
  const breakEven = inHouseBreakEven(
    (contacts) => hourlyLoad(i, contacts, hours),
    hours,
    a,
    outsourcedMid(e),
    maxContacts,
  );
  return {
    monthlyCost,
    perAgentHourMid:
      staff.agentHours > 0 ? Math.round((midpoint(monthlyCost) / staff.agentHours) * 100) / 100 : 0,
    staff,
    assumptions: a,
    breakEvenMonthlyContacts: breakEven,
  };
}

function budgetOf(monthly: number, e: Estimate, inHouse: InHouse | null): BudgetCheck {
  const options: Array<[BudgetOption, Range]> = [
    ["shared", e.shared.monthlyCost],
    ...(e.semiDedicated.offered
      ? ([["semi-dedicated", e.semiDedicated.monthlyCost]] as Array<[BudgetOption, Range]>)
      : []),
    ["dedicated", e.dedicated.monthlyCost],
    ...(inHouse ? ([["in-house", inHouse.monthlyCost]] as Array<[BudgetOption, Range]>) : []),
  ];
  const fits: BudgetCheck["fits"] = {};
  const headroom: BudgetCheck["headroom"] = {};
  for (const [k, r] of options) {
    fits[k] = r.high <= monthly;
    headroom[k] = Math.round(monthly - midpoint(r));
  }
  return { monthly, fits, headroom };
}

/** Every region priced for the same workload, with the rates' sources. */
export function regionRows(input: EstimateInput, pricing: Pricing, regions: Regions = REGIONS): RegionRow[] {
  return REGION_IDS.map((id) => {
    const loc = locationRates({ region: id }, regions);
    const e = estimate({ ...input, sharedRate: undefined, hourlyRate: undefined, location: loc }, pricing);
    return {
      id,
      label: loc.label,
      shared: { monthlyCost: e.shared.monthlyCost },
      dedicated: { monthlyCost: e.dedicated.monthlyCost },
      recommended: e.recommended,
      source: loc.source,
      assumption: loc.assumption,
      caveats: loc.caveats,
    };
  });
}

export function verdict(
  input: EstimateInput,
  choices: PricingChoices,
  pricing: Pricing,
  opts: { regions?: Regions; rates?: CurrencyRates } = {},
): Verdict {
  const regions = opts.regions ?? REGIONS;
  const rates = opts.rates ?? CURRENCY_RATES;
  const e = estimate(input, pricing);
  const a = inHouseAssumptions(choices, regions);
  const inHouse = "missing" in a ? null : inHouseOf(e, a, pricing);
  return {
    estimate: e,
    location: input.location ?? null,
    inHouse,
    ...("missing" in a ? { inHouseMissing: a.missing } : {}),
    regions: choices.allLocations ? regionRows(input, pricing, regions) : null,
    budget: choices.budget !== undefined ? budgetOf(choices.budget, e, inHouse) : null,
    currency: (choices.currency ? displayCurrency(choices.currency, rates) : undefined) ?? USD_DISPLAY(rates),
  };
}

/** The in-house assumptions in words, one line each. */
export function inHouseAssumptionLines(h: InHouse): string[] {
  const a = h.assumptions;
  const range = (r: Range, f: (x: number) => string) =>
    r.low === r.high ? f(r.low) : `${f(r.low)}–${f(r.high)}`;
  return [
    `In-house: the same ${Math.round(h.staff.agentHours).toLocaleString(numberLocale())} paid agent-hours a month as the dedicated team (${h.staff.fte} full-time equivalents, ${h.staff.seats} seats), at a base wage of ${range(a.wage, (x) => `$${x}`)} an hour (${a.wageSource}).`,
    `In-house benefits load ${range(a.benefitsLoad, pct)} (${a.benefitsSource}); management ${pct(a.managementShare)} of the loaded wages (${a.managementSource}); seats ${range(a.seatPerMonth, (x) => `$${x}`)} a month each (${a.seatSource}). No 24/7, language or licence premium is added in-house. Change them with \`inhouse-wage\`, \`inhouse-benefits\`, \`inhouse-management\`, \`inhouse-seat\`.`,
    "In-house break-even: the smallest monthly volume at which the team's own agents cost no more than the cheapest outsourced option, both at midpoints; beyond the raw cost, recruiting, attrition and cover for absences are the team's own to manage.",
  ];
}

/** Break-even of shared against dedicated, re-exported for the advice's cost facts. */
export { breakEvenContacts };

/** The fields `--json` adds for the verdict (amounts in USD; `currency` says what the reply shows). */
export function verdictJson(v: Verdict) {
  const e = v.estimate;
  return {
    recommendedReason: e.recommendedReason,
    runnerUp: e.runnerUp,
    location: v.location
      ? {
          id: v.location.id,
          label: v.location.label,
          ...(v.location.country ? { country: v.location.country } : {}),
          source: sourceText(v.location.source),
          sources: v.location.source,
          assumption: v.location.assumption,
        }
      : null,
    currency: {
      code: v.currency.code,
      /** The figures of --json stay in US dollars, the model's currency; `code` is what the reply shows. */
      amountsIn: "USD",
      usdPerUnit: v.currency.usd,
      asOf: v.currency.rate.asOf,
      source: v.currency.rate.source,
    },
    inHouse: v.inHouse
      ? {
          monthlyCost: v.inHouse.monthlyCost,
          breakEvenMonthlyContacts: v.inHouse.breakEvenMonthlyContacts,
          perAgentHourMid: v.inHouse.perAgentHourMid,
          staff: v.inHouse.staff,
          assumptions: v.inHouse.assumptions,
        }
      : null,
    budget: v.budget,
    ...(v.regions
      ? { regions: v.regions.map((r) => ({ ...r, source: sourceText(r.source), sources: r.source })) }
      : {}),
  };
}

const sourceText = (s: { shared: string; dedicated: string }): string =>
  `shared: ${s.shared}; dedicated: ${s.dedicated}`;
