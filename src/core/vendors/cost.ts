import { expectedBilledMinutes } from "../estimate/billing.ts";
import { type Coverage, monthlyCoverageHours } from "../estimate/coverage.ts";
import { ESTIMATE_EXAMPLE, ESTIMATE_FIELD_NAMES, type EstimateInput, hourlyLoad } from "../estimate/model.ts";
import { ESTIMATE_DEFAULTS } from "../estimate/parse.ts";
import type { Pricing } from "../estimate/pricing.ts";
import { formatInt } from "../format/number.ts";
import { type StaffingResult, solveStaffing } from "../staffing/solve.ts";
import { type CurrencyRates, currencyRate } from "./currency.ts";
import type { Fee, Vendor } from "./vendor.ts";

/**
 * A vendor's expected monthly bill for a workload, through the same cost engine as /cc-estimate:
 * per-minute quotes use its billed-minutes formula (each contact rounded up to the vendor's increment,
 * exponential durations), hourly quotes size dedicated agents with its Erlang C solver. Then the
 * quote's own terms: minimums, overage, setup fee spread over the contract, holiday and other fees.
 * Everything is converted to US dollars with the dated rates in data/currency-rates.json.
 */

export interface Workload {
  contactsPerMonth: number;
  talkSeconds: number;
  wrapSeconds: number;
  holdSeconds: number;
  coverage: Coverage;
}

/** What the comparison assumes when a quote leaves a term out; each use is reported as an unknown. */
export const QUOTE_ASSUMPTIONS = {
  billingSeconds: ESTIMATE_DEFAULTS.billingIncrementSeconds,
  /** An unknown is priced as the costlier case, so a vague quote never looks cheaper than a clear one. */
  holdBilled: true,
  contractMonths: 12,
} as const;

export type CostBasis = "per-minute" | "per-call" | "hourly";

export interface CostLine {
  label: string;
  /** US dollars a month. */
  amount: number;
}

export interface VendorCost {
  basis: CostBasis | null;
  /** US dollars a month; null when the quote has no price or its currency has no rate. */
  monthlyCost: number | null;
  lines: CostLine[];
  /** The quote's currency, and whether amounts were converted to USD. */
  currency: string;
  converted: boolean;
  billedMinutesPerContact?: number;
  billableMinutes?: number;
  /** US dollars a contact before minimums and fees, to express a money minimum in contacts. */
  usagePerContact?: number;
  /** US dollars for one unit of the quote's currency, as used. */
  exchangeRate?: number;
  scheduledAgents?: number;
  agentHours?: number;
  /** Terms the quote left out, with what was assumed. */
  unknowns: string[];
}

const cents = (x: number) => Math.round(x * 100) / 100;

/** The staffing solve for dedicated quotes depends only on the workload: solve once per comparison. */
export function staffingFor(w: Workload, pricing: Pricing): { result: StaffingResult; hours: number } {
  const hours = monthlyCoverageHours(w.coverage, pricing);
  const input: EstimateInput = {
    contactsPerMonth: w.contactsPerMonth,
    talkSeconds: w.talkSeconds,
    wrapSeconds: w.wrapSeconds,
    holdSeconds: w.holdSeconds,
    holdBilled: false,
    coverage: w.coverage,
    billingIncrementSeconds: ESTIMATE_DEFAULTS.billingIncrementSeconds,
    target: ESTIMATE_DEFAULTS.target,
    answerSeconds: ESTIMATE_DEFAULTS.answerSeconds,
    shrinkage: ESTIMATE_DEFAULTS.shrinkage,
    maxOccupancy: ESTIMATE_DEFAULTS.maxOccupancy,
    licensed: false,
    languages: [],
  };
  const result = solveStaffing(
    hourlyLoad(input, w.contactsPerMonth, hours),
    ESTIMATE_FIELD_NAMES,
    ESTIMATE_EXAMPLE,
  );
  return { result, hours };
}

/** Which of the quote's prices applies: the one for its model, else the first quoted. */
export function costBasis(v: Vendor): CostBasis | null {
  if (v.model === "dedicated" && v.perHour !== undefined) return "hourly";
  if (v.model !== "dedicated" && v.perMinute !== undefined) return "per-minute";
  if (v.perMinute !== undefined) return "per-minute";
  if (v.perHour !== undefined) return "hourly";
  if (v.perCall !== undefined) return "per-call";
  return null;
}

const feePerMonth = (fee: Fee, contractMonths: number): number =>
  fee.per === "month" ? fee.amount : fee.per === "year" ? fee.amount / 12 : fee.amount / contractMonths;

const int = (n: number) => formatInt(n);

export interface CostContext {
  pricing: Pricing;
  rates: CurrencyRates;
  /** The dedicated staffing for this workload (see staffingFor), shared by every hourly quote. */
  staffing: () => { result: StaffingResult; hours: number };
}

export function vendorMonthlyCost(v: Vendor, w: Workload, ctx: CostContext): VendorCost {
  const unknowns: string[] = [];
  const rate = currencyRate(v.currency, ctx.rates);
  const basis = costBasis(v);
  const base: VendorCost = {
    basis,
    monthlyCost: null,
    lines: [],
    currency: v.currency,
    converted: v.currency !== ctx.rates.base,
    unknowns,
  };
  if (!rate) {
    unknowns.push(`exchange rate for ${v.currency} (add it to data/currency-rates.json)`);
    return base;
  }
  if (basis === null) {
    unknowns.push("price (no rate quoted)");
    return base;
  }
  const usd = (amount: number) => amount * rate.usd;
  base.exchangeRate = rate.usd;
  const lines: CostLine[] = [];
  const contracts = v.contractMonths ?? QUOTE_ASSUMPTIONS.contractMonths;
  const billedContacts = Math.max(w.contactsPerMonth, v.minimumContacts ?? 0);
  const contactsNote =
    billedContacts > w.contactsPerMonth ? ` (minimum of ${int(billedContacts)} contacts)` : "";
  const out: VendorCost = { ...base, lines };

  if (basis === "per-minute") {
    const increment = v.billingSeconds ?? QUOTE_ASSUMPTIONS.billingSeconds;
    if (v.billingSeconds === undefined)
      unknowns.push(`billing rounding (${QUOTE_ASSUMPTIONS.billingSeconds} s increments assumed)`);
    const holdBilled = v.holdBilled ?? QUOTE_ASSUMPTIONS.holdBilled;
    if (v.holdBilled === undefined && w.holdSeconds > 0) unknowns.push("hold billing (assumed billed)");
    const perContact = expectedBilledMinutes(
      (w.talkSeconds + w.wrapSeconds + (holdBilled ? w.holdSeconds : 0)) / 60,
      increment / 60,
    );
    const minutes = perContact * billedContacts;
    const perMinute = v.perMinute ?? 0;
    const committed = v.minimumMinutes ?? 0;
    out.billedMinutesPerContact = perContact;
    out.billableMinutes = minutes;
    if (committed > 0 && minutes <= committed) {
      lines.push({
        label: `Minimum of ${int(committed)} minutes (you would use about ${int(minutes)})`,
        amount: usd(committed * perMinute),
      });
    } else if (committed > 0) {
      const overage =
        v.overagePerMinute ??
        (v.overagePercent !== undefined ? perMinute * (1 + v.overagePercent / 100) : undefined);
      if (overage === undefined) unknowns.push("overage price (the base rate assumed)");
      lines.push({ label: `${int(committed)} committed minutes`, amount: usd(committed * perMinute) });
      lines.push({
        label: `${int(minutes - committed)} minutes above the minimum`,
        amount: usd((minutes - committed) * (overage ?? perMinute)),
      });
    } else {
      lines.push({
        label: `${int(minutes)} billed minutes${contactsNote}`,
        amount: usd(minutes * perMinute),
      });
    }
  } else if (basis === "per-call") {
    lines.push({
      label: `${int(billedContacts)} contacts${contactsNote ? " (the minimum)" : ""}`,
      amount: usd(billedContacts * (v.perCall ?? 0)),
    });
  } else {
    const { result, hours } = ctx.staffing();
    const agentHours = result.scheduledAgents * hours;
    out.scheduledAgents = result.scheduledAgents;
    out.agentHours = agentHours;
    lines.push({
      label: `${int(result.scheduledAgents)} dedicated agents × ${int(hours)} h`,
      amount: usd(agentHours * (v.perHour ?? 0)),
    });
  }

  const usage = lines.reduce((s, l) => s + l.amount, 0);
  if (basis === "per-minute")
    out.usagePerContact = usd((out.billedMinutesPerContact ?? 0) * (v.perMinute ?? 0));
  else if (basis === "per-call") out.usagePerContact = usd(v.perCall ?? 0);
  else if (w.contactsPerMonth > 0) out.usagePerContact = usage / w.contactsPerMonth;
  const floor = v.minimumCharge !== undefined ? usd(v.minimumCharge) : 0;
  if (floor > usage) lines.push({ label: "Top-up to the monthly minimum charge", amount: floor - usage });
  if (v.minimumMinutes === undefined && v.minimumContacts === undefined && v.minimumCharge === undefined)
    unknowns.push("minimum volume or charge");

  const spreadNote = `${contracts}-month contract${v.contractMonths === undefined ? ", assumed" : ""}`;
  if (v.setupFee === undefined) unknowns.push("setup fee");
  else if (v.setupFee > 0)
    lines.push({ label: `Setup fee spread over the ${spreadNote}`, amount: usd(v.setupFee / contracts) });
  for (const [fee, label] of [
    [v.holidayFee, "holiday fees"],
    [v.otherFees, "other fees"],
  ] as const) {
    if (fee === undefined) unknowns.push(label);
    else if (fee.amount > 0)
      lines.push({
        label: `${label.charAt(0).toUpperCase()}${label.slice(1)}${fee.per === "once" ? ` spread over the ${spreadNote}` : fee.per === "year" ? " (a year ÷ 12)" : ""}`,
        amount: usd(feePerMonth(fee, contracts)),
      });
  }
  const needsContract = (v.setupFee ?? 0) > 0 || v.holidayFee?.per === "once" || v.otherFees?.per === "once";
  if (needsContract && v.contractMonths === undefined)
    unknowns.push(`contract length (${QUOTE_ASSUMPTIONS.contractMonths} months assumed)`);
  if (
    basis === "per-minute" &&
    (v.minimumMinutes ?? 0) > 0 &&
    v.overagePerMinute === undefined &&
    v.overagePercent === undefined &&
    !unknowns.some((u) => u.startsWith("overage"))
  )
    unknowns.push("overage fees");

  for (const l of lines) l.amount = cents(l.amount);
  out.monthlyCost = cents(lines.reduce((s, l) => s + l.amount, 0));
  return out;
}
