import { describe, expect, it } from "vitest";
import { estimate } from "../../src/core/estimate/model.ts";
import { PRICING } from "../../src/core/estimate/pricing.ts";
import {
  type CostContext,
  staffingFor,
  vendorMonthlyCost,
  type Workload,
} from "../../src/core/vendors/cost.ts";
import type { CurrencyRates } from "../../src/core/vendors/currency.ts";
import { type Vendor, VendorSchema } from "../../src/core/vendors/vendor.ts";

// Rates fixed here (not read from data/) so editing the rates file never changes these hand results.
const RATES: CurrencyRates = {
  base: "USD",
  label: "test rates",
  note: "test",
  rates: {
    USD: { name: "US dollar", usd: 1, asOf: "2026-01-01", source: "base" },
    EUR: { name: "Euro", usd: 1.1, asOf: "2026-01-01", source: "test" },
  },
};

const vendor = (fields: Record<string, unknown>): Vendor => VendorSchema.parse({ name: "V", ...fields });

const business = { hoursPerDay: 9, daysPerWeek: 5, label: "business" };
/** 1,000 contacts of 3 minutes' talk, nothing else: the workload of most cases below. */
const small: Workload = {
  contactsPerMonth: 1000,
  talkSeconds: 180,
  wrapSeconds: 0,
  holdSeconds: 0,
  coverage: business,
};

const ctxFor = (w: Workload): CostContext => {
  let s: ReturnType<typeof staffingFor> | undefined;
  return {
    pricing: PRICING,
    rates: RATES,
    staffing: () => {
      s ??= staffingFor(w, PRICING);
      return s;
    },
  };
};
const cost = (v: Vendor, w: Workload = small) => vendorMonthlyCost(v, w, ctxFor(w));

describe("a vendor's monthly cost, checked by hand", () => {
  it("per minute in whole minutes, with setup, holiday and other fees", () => {
    // Billed minutes per contact with increment h = 1 and mean m = 3: 1 / (1 − e^(−1/3)).
    // e^(−1/3) = 0.7165313, 1 − 0.7165313 = 0.2834687, 1 / 0.2834687 = 3.527726 minutes.
    // 1,000 contacts × 3.527726 × $1.00 = $3,527.73 (to the cent).
    // Setup $1,200 over a 12-month contract = $100; holidays $240 a year = $20; other fees $50 a month.
    // Total: 3,527.73 + 100 + 20 + 50 = $3,697.73.
    const c = cost(
      vendor({
        perMinute: 1,
        billingSeconds: 60,
        holdBilled: false,
        minimumMinutes: 0,
        setupFee: 1200,
        contractMonths: 12,
        holidayFee: { amount: 240, per: "year" },
        otherFees: { amount: 50, per: "month" },
      }),
    );
    expect(c.billedMinutesPerContact).toBeCloseTo(3.527726, 5);
    expect(c.monthlyCost).toBeCloseTo(3697.73, 2);
    expect(c.unknowns).toEqual([]);
  });

  it("per second costs about the talk time itself", () => {
    // h = 1/60 min, m = 3: x = h/m = 0.0055556; 1 − e^(−x) = x − x²/2 + x³/6 = 0.0055402;
    // (1/60) / 0.0055402 = 3.008341. 1,000 × 3.008341 × $1.00 = $3,008.34
    // (rounding to the second adds about h/2, half a second, to each contact).
    const c = cost(vendor({ perMinute: 1, billingSeconds: 1, holdBilled: false, minimumMinutes: 0 }));
    expect(c.monthlyCost).toBeCloseTo(3008.34, 2);
  });

  it("a minimum above the usage is what is paid", () => {
    // 1,000 contacts × 2 min at 1 s billing ≈ 2,008 minutes, under the 5,000-minute minimum:
    // 5,000 × $0.80 = $4,000 exactly.
    const c = cost(vendor({ perMinute: 0.8, billingSeconds: 1, holdBilled: false, minimumMinutes: 5000 }), {
      ...small,
      talkSeconds: 120,
    });
    expect(c.monthlyCost).toBe(4000);
    expect(c.lines[0]?.label).toMatch(/Minimum of 5,000 minutes/);
  });

  it("minutes above the minimum are charged at the overage price", () => {
    // Usage 3,527.726 minutes (first case). Committed 1,000 at $1.00 = $1,000;
    // 2,527.726 above at $1.50 = $3,791.59. Total $4,791.59.
    const c = cost(
      vendor({
        perMinute: 1,
        billingSeconds: 60,
        holdBilled: false,
        minimumMinutes: 1000,
        overagePerMinute: 1.5,
      }),
    );
    expect(c.monthlyCost).toBeCloseTo(4791.59, 2);
  });

  it("an overage given as a percent raises the rate above the minimum", () => {
    // Same usage; 2,527.726 minutes at $1.00 × 1.20 = $3,033.27; plus $1,000 committed = $4,033.27.
    const c = cost(
      vendor({
        perMinute: 1,
        billingSeconds: 60,
        holdBilled: false,
        minimumMinutes: 1000,
        overagePercent: 20,
      }),
    );
    expect(c.monthlyCost).toBeCloseTo(4033.27, 2);
  });

  it("per call, with a minimum number of contacts", () => {
    // max(1,000 contacts, minimum 1,500) × $2.50 = $3,750.
    expect(cost(vendor({ perCall: 2.5, minimumContacts: 1500 })).monthlyCost).toBe(3750);
  });

  it("a monthly minimum charge tops the bill up", () => {
    // 1,000 × $2.50 = $2,500, under the $3,000 minimum charge: $3,000.
    const c = cost(vendor({ perCall: 2.5, minimumCharge: 3000 }));
    expect(c.monthlyCost).toBe(3000);
    expect(c.lines.map((l) => l.label)).toContain("Top-up to the monthly minimum charge");
  });

  it("a quote in euros is converted at the dated rate", () => {
    // €1.00 a minute, 1 s billing: 3,008.341 EUR (second case) × 1.10 = $3,309.175 → $3,309.18.
    const c = cost(
      vendor({ currency: "EUR", perMinute: 1, billingSeconds: 1, holdBilled: false, minimumMinutes: 0 }),
    );
    expect(c.converted).toBe(true);
    expect(c.monthlyCost).toBeCloseTo(3309.18, 2);
  });

  it("hourly dedicated agents are sized by the same Erlang C as /cc-estimate", () => {
    // The worked example: 100 calls in 30 min, AHT 180 s → 10 Erlangs → 14 agents, 20 scheduled.
    // The same load as 200 calls an hour over business hours: 9 h × 5 days × 52.143 weeks / 12
    // = 195.53625 h a month, so 200 × 195.53625 = 39,107.25 contacts a month.
    // Cost: 20 agents × 195.53625 h × $30 = $117,321.75.
    const w: Workload = { ...small, contactsPerMonth: 39107.25 };
    const c = cost(vendor({ model: "dedicated", perHour: 30 }), w);
    expect(c.basis).toBe("hourly");
    expect(c.scheduledAgents).toBe(20);
    expect(c.agentHours).toBeCloseTo(3910.725, 3);
    expect(c.monthlyCost).toBeCloseTo(117321.75, 2);
  });

  it("unknown hold billing is priced as billed and listed as unknown", () => {
    // Talk 3 + hold 1: mean 4 min billed in whole minutes: 1 / (1 − e^(−0.25)) = 1 / 0.221199 = 4.520812.
    // 1,000 × 4.520812 × $1 = $4,520.81; with hold not billed it is $3,527.73 (first case).
    const w = { ...small, holdSeconds: 60 };
    const unknown = cost(vendor({ perMinute: 1, billingSeconds: 60, minimumMinutes: 0 }), w);
    const notBilled = cost(
      vendor({ perMinute: 1, billingSeconds: 60, minimumMinutes: 0, holdBilled: false }),
      w,
    );
    expect(unknown.monthlyCost).toBeCloseTo(4520.81, 2);
    expect(notBilled.monthlyCost).toBeCloseTo(3527.73, 2);
    expect(unknown.unknowns).toContain("hold billing (assumed billed)");
  });

  it("unknown rounding is priced in whole minutes and every unasked fee is listed", () => {
    const c = cost(vendor({ perMinute: 1 }));
    expect(c.monthlyCost).toBeCloseTo(3527.73, 2);
    expect(c.unknowns).toEqual(
      expect.arrayContaining([
        "billing rounding (60 s increments assumed)",
        "minimum volume or charge",
        "setup fee",
        "holiday fees",
        "other fees",
      ]),
    );
  });

  it("a setup fee without a contract length is spread over 12 months, said as assumed", () => {
    // $2,400 / 12 = $200 on top of $3,527.73.
    const c = cost(vendor({ perMinute: 1, billingSeconds: 60, holdBilled: false, setupFee: 2400 }));
    expect(c.monthlyCost).toBeCloseTo(3727.73, 2);
    expect(c.unknowns).toContain("contract length (12 months assumed)");
  });

  it("a quote with no price has no cost, and says so", () => {
    const c = cost(vendor({ languages: ["en"] }));
    expect(c.monthlyCost).toBeNull();
    expect(c.unknowns).toContain("price (no rate quoted)");
  });

  it("agrees with /cc-estimate for the same workload and rates", () => {
    // 12,000 contacts, talk 5 min + wrap 1 min + hold 30 s (not billed), whole-minute billing, business
    // hours, no premiums: a quote at the guide's low rates must cost what the estimate's low end says.
    const w: Workload = {
      contactsPerMonth: 12000,
      talkSeconds: 300,
      wrapSeconds: 60,
      holdSeconds: 30,
      coverage: business,
    };
    const e = estimate(
      {
        ...w,
        holdBilled: false,
        billingIncrementSeconds: 60,
        target: 0.8,
        answerSeconds: 20,
        shrinkage: 0.3,
        maxOccupancy: 0.85,
        licensed: false,
        languages: [],
      },
      PRICING,
    );
    const terms = { billingSeconds: 60, holdBilled: false, minimumMinutes: 0, setupFee: 0 };
    const shared = cost(vendor({ perMinute: PRICING.shared.perMinute.low, ...terms }), w);
    const dedicated = cost(
      vendor({ model: "dedicated", perHour: PRICING.dedicated.perAgentHour.low, ...terms }),
      w,
    );
    expect(shared.monthlyCost).toBeCloseTo(e.shared.monthlyCost.low, 1);
    expect(dedicated.scheduledAgents).toBe(e.dedicated.scheduledAgents);
    expect(dedicated.monthlyCost).toBeCloseTo(e.dedicated.monthlyCost.low, 1);
  });
});
