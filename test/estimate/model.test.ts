import { describe, expect, it } from "vitest";
import { monthlyCoverageHours } from "../../src/core/estimate/coverage.ts";
import { type EstimateInput, estimate, hourlyLoad } from "../../src/core/estimate/model.ts";
import { PRICING } from "../../src/core/estimate/pricing.ts";
import { erlangC } from "../../src/core/staffing/erlang.ts";
import { solveStaffing } from "../../src/core/staffing/solve.ts";

const input: EstimateInput = {
  contactsPerMonth: 12_000,
  talkSeconds: 300,
  wrapSeconds: 0,
  holdSeconds: 0,
  holdBilled: false,
  coverage: { hoursPerDay: 9, daysPerWeek: 5, label: "business" },
  billingIncrementSeconds: 60,
  target: 0.8,
  answerSeconds: 20,
  shrinkage: 0.3,
  maxOccupancy: 0.85,
  licensed: false,
  languages: [],
};

describe("coverage hours", () => {
  it("24/7 is about 730 hours a month and business hours (9 × 5) about 195.5", () => {
    expect(monthlyCoverageHours({ hoursPerDay: 24, daysPerWeek: 7, label: "24/7" }, PRICING)).toBeCloseTo(
      730,
      1,
    );
    expect(monthlyCoverageHours(input.coverage, PRICING)).toBeCloseTo((9 * 5 * 52.143) / 12, 9);
  });
});

describe("estimate: 12,000 contacts of 5 minutes in business hours, billed per minute", () => {
  const e = estimate(input, PRICING);

  it("bills 1/(1 − e^−0.2) = 5.5167 minutes per contact, at $0.70–$1.25", () => {
    const perContact = 1 / (1 - Math.exp(-0.2));
    expect(e.shared.billedMinutesPerContact).toBeCloseTo(perContact, 12);
    expect(e.shared.billableMinutes).toBeCloseTo(12_000 * perContact, 6);
    expect(e.shared.monthlyCost.low).toBeCloseTo(0.7 * 12_000 * perContact, 1);
    expect(e.shared.monthlyCost.high).toBeCloseTo(1.25 * 12_000 * perContact, 1);
  });

  it("sizes dedicated agents by Erlang C on the average hourly load", () => {
    const hours = (9 * 5 * 52.143) / 12;
    const traffic = ((12_000 / hours) * 300) / 3600; // 5.114 Erlangs
    const sl = (n: number) => 1 - erlangC(n, traffic) * Math.exp((-(n - traffic) * 20) / 300);
    expect(sl(7)).toBeLessThan(0.8);
    expect(sl(8)).toBeGreaterThanOrEqual(0.8);
    expect(e.dedicated.trafficErlangs).toBeCloseTo(traffic, 12);
    expect(e.dedicated.agents).toBe(8);
    expect(e.dedicated.scheduledAgents).toBe(12); // ceil(8 / 0.7) = ceil(11.43)
    expect(e.dedicated.agentHours).toBeCloseTo(12 * hours, 9);
    expect(e.dedicated.monthlyCost.low).toBeCloseTo(25 * 12 * hours, 1);
    expect(e.dedicated.monthlyCost.high).toBeCloseTo(35 * 12 * hours, 1);
    expect(e.dedicated.serviceLevel).toBeCloseTo(sl(8), 12);
    expect(e.dedicated.probWaitOver5Min).toBeCloseTo(erlangC(8, traffic) * Math.exp(-(8 - traffic)), 12);
  });

  it("puts semi-dedicated halfway between the two, as data/pricing.json assumes", () => {
    expect(e.semiDedicated.monthlyCost.low).toBeCloseTo(
      (e.shared.monthlyCost.low + e.dedicated.monthlyCost.low) / 2,
      1,
    );
    expect(e.semiDedicated.monthlyCost.high).toBeCloseTo(
      (e.shared.monthlyCost.high + e.dedicated.monthlyCost.high) / 2,
      1,
    );
  });

  it("finds the break-even volume where dedicated stops costing more, on the midpoints", () => {
    const be = e.breakEvenMonthlyContacts;
    expect(be).not.toBeNull();
    const hours = monthlyCoverageHours(input.coverage, PRICING);
    const perContact = 1 / (1 - Math.exp(-0.2));
    const dedicated = (c: number) => solveStaffing(hourlyLoad(input, c, hours)).scheduledAgents * hours * 30;
    const shared = (c: number) => c * perContact * 0.975;
    expect(dedicated(be as number)).toBeLessThanOrEqual(shared(be as number));
    expect(dedicated((be as number) - 1)).toBeGreaterThan(shared((be as number) - 1));
  });

  it("stars the cheapest option at midpoint rates just below the break-even volume, and says why", () => {
    expect(e.breakEvenMonthlyContacts as number).toBeGreaterThan(12_000);
    const mid = (r: { low: number; high: number }) => (r.low + r.high) / 2;
    expect(mid(e.shared.monthlyCost)).toBeLessThan(mid(e.semiDedicated.monthlyCost));
    expect(e.recommended).toBe("shared");
    expect(e.runnerUp).toBe("semi-dedicated");
    expect(e.recommendedReason).toMatch(/cheapest option at midpoint rates/);
  });

  it("lists every assumption it used", () => {
    const all = e.assumptions.join("\n");
    expect(all).toMatch(/rounded up to the next minute/);
    expect(all).toMatch(/exponential/);
    expect(all).toMatch(/Hold time is not billed/);
    expect(all).toMatch(/196 coverage hours/);
    expect(all).toMatch(/30% shrinkage/);
    expect(all).toMatch(/Semi-dedicated \(assumption\)/);
    expect(all).toMatch(/midpoints/);
  });
});

describe("estimate: how the answer moves", () => {
  it("recommends shared for a small volume and dedicated for a large one", () => {
    expect(estimate({ ...input, contactsPerMonth: 300 }, PRICING).recommended).toBe("shared");
    const big = estimate({ ...input, contactsPerMonth: 1_000_000 }, PRICING);
    expect(big.recommended).toBe("dedicated");
    expect(big.dedicated.monthlyCost.low).toBeLessThan(big.shared.monthlyCost.low);
  });

  it("reports no break-even when dedicated can never be cheaper", () => {
    const e = estimate({ ...input, hourlyRate: { low: 200, high: 200 } }, PRICING);
    expect(e.breakEvenMonthlyContacts).toBeNull();
    expect(e.recommended).toBe("shared");
  });

  it("adds premiums to every model: licensed +25%, each language +10%, 24/7 +15%", () => {
    const plain = estimate(input, PRICING);
    const extra = estimate({ ...input, licensed: true, languages: ["spanish", "french"] }, PRICING);
    expect(extra.premiumPercent).toBe(45);
    expect(extra.premiums.map((p) => p.id)).toEqual(["licensed", "languages"]);
    expect(extra.premiums.every((p) => p.assumption)).toBe(true);
    for (const k of ["shared", "dedicated", "semiDedicated"] as const) {
      expect(extra[k].monthlyCost.low).toBeCloseTo(plain[k].monthlyCost.low * 1.45, 0);
    }
    const always = estimate(
      { ...input, coverage: { hoursPerDay: 24, daysPerWeek: 7, label: "24/7" } },
      PRICING,
    );
    expect(always.premiums.map((p) => p.id)).toEqual(["24/7"]);
    expect(always.premiumPercent).toBe(15);
    expect(always.inputs.coverageHoursPerMonth).toBeCloseTo(730, 1);
  });

  it("bills hold only when asked, and more for coarser increments", () => {
    const withHold = { ...input, holdSeconds: 60 };
    const unbilled = estimate(withHold, PRICING).shared.billableMinutes;
    const billed = estimate({ ...withHold, holdBilled: true }, PRICING).shared.billableMinutes;
    expect(unbilled).toBeCloseTo(estimate(input, PRICING).shared.billableMinutes, 9);
    expect(billed).toBeGreaterThan(unbilled);
    const perSecond = estimate({ ...input, billingIncrementSeconds: 1 }, PRICING).shared.billableMinutes;
    const sixSecond = estimate({ ...input, billingIncrementSeconds: 6 }, PRICING).shared.billableMinutes;
    expect(perSecond).toBeLessThan(sixSecond);
    expect(sixSecond).toBeLessThan(unbilled);
    expect(perSecond).toBeGreaterThanOrEqual(12_000 * 5);
  });

  it("counts hold time in the dedicated agents' handle time even when it is not billed", () => {
    const heavy = estimate({ ...input, holdSeconds: 300 }, PRICING);
    expect(heavy.dedicated.trafficErlangs).toBeCloseTo(
      2 * estimate(input, PRICING).dedicated.trafficErlangs,
      9,
    );
  });
});
