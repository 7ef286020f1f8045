import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Profile } from "../../src/core/advice/profile.ts";
import { PRICING } from "../../src/core/estimate/pricing.ts";
import { tokenize } from "../../src/core/parse/kv.ts";
import { type CompareInput, compareVendors } from "../../src/core/vendors/compare.ts";
import { readCompareInput } from "../../src/core/vendors/compare-input.ts";
import type { CurrencyRates } from "../../src/core/vendors/currency.ts";
import { mustChecks, mustRequirements } from "../../src/core/vendors/musts.ts";
import { type Vendor, VendorSchema } from "../../src/core/vendors/vendor.ts";

const RATES: CurrencyRates = {
  base: "USD",
  label: "test rates",
  note: "test",
  rates: {
    USD: { name: "US dollar", usd: 1, asOf: "2026-01-01", source: "base" },
    EUR: { name: "Euro", usd: 1.1, asOf: "2026-01-01", source: "test" },
  },
};

const input = (profile: Record<string, unknown>, volume = 5000): CompareInput =>
  readCompareInput(tokenize(`volume=${volume} talk=4m wrap=1m hold=30s`).pairs, [], profile);

/** A random quote: any mix of price, terms and capabilities, some left unknown. */
const quote = fc
  .record(
    {
      perMinute: fc.double({ min: 0.3, max: 2, noNaN: true }),
      billingSeconds: fc.constantFrom(1, 6, 30, 60),
      holdBilled: fc.boolean(),
      setupFee: fc.integer({ min: 0, max: 5000 }),
      languages: fc.subarray(["en", "es", "fr"]),
      hours: fc.constantFrom({ hoursPerDay: 24, daysPerWeek: 7 }, { hoursPerDay: 9, daysPerWeek: 5 }),
      certs: fc.subarray(["pci", "soc2"]),
      dr: fc.boolean(),
      rating: fc.double({ min: 0, max: 5, noNaN: true }),
      currency: fc.constantFrom("USD", "EUR"),
    },
    { requiredKeys: ["perMinute"] },
  )
  .map((f) => f as Record<string, unknown>);

const PROFILE = { languages: ["en", "es"], hours: "24/7", payments: true, dr: true };

describe("ranking", () => {
  it("never puts a quote that fails a must above one that meets them all at a similar cost", () => {
    fc.assert(
      fc.property(fc.array(quote, { minLength: 2, maxLength: 12 }), (quotes) => {
        const vendors: Vendor[] = quotes.map((q, i) => VendorSchema.parse({ name: `V${i}`, ...q }));
        const cmp = compareVendors(vendors, input(PROFILE), { pricing: PRICING, rates: RATES });
        for (const a of cmp.vendors)
          for (const b of cmp.vendors) {
            if (a.mustFailures.length === 0 && b.mustFailures.length > 0) {
              const ca = a.cost.monthlyCost ?? 0;
              const cb = b.cost.monthlyCost ?? 0;
              // "Similar" is read generously: within 25% either way. The rule holds at any cost.
              if (Math.abs(ca - cb) <= 0.25 * Math.max(ca, cb)) expect(a.rank).toBeLessThan(b.rank);
              expect(a.rank).toBeLessThan(b.rank);
            }
          }
      }),
      { numRuns: 200 },
    );
  });

  it("a cheaper quote with no Spanish ranks below a dearer one that speaks it", () => {
    const full = {
      billingSeconds: 60,
      holdBilled: false,
      hours: { hoursPerDay: 24, daysPerWeek: 7 },
      certs: ["pci"],
      dr: true,
    };
    const vendors = [
      VendorSchema.parse({ name: "Cheap", perMinute: 0.95, languages: ["en"], rating: 5, ...full }),
      VendorSchema.parse({ name: "Fits", perMinute: 1.0, languages: ["en", "es"], rating: 3, ...full }),
    ];
    const cmp = compareVendors(vendors, input(PROFILE), { pricing: PRICING, rates: RATES });
    expect(cmp.vendors.map((r) => r.vendor.name)).toEqual(["Fits", "Cheap"]);
    expect(cmp.vendors[1]?.mustFailures).toEqual(["languages"]);
    expect(cmp.vendors[1]?.score).toBeLessThan(cmp.vendors[0]?.score ?? 0);
  });

  it("among quotes that meet every must, the cheaper one with the same terms ranks first", () => {
    const base = { billingSeconds: 60, holdBilled: false, setupFee: 0, rating: 4 };
    const vendors = [
      VendorSchema.parse({ name: "Dear", perMinute: 1.2, ...base }),
      VendorSchema.parse({ name: "Cheap", perMinute: 0.8, ...base }),
    ];
    const cmp = compareVendors(vendors, input({}), { pricing: PRICING, rates: RATES });
    expect(cmp.vendors.map((r) => r.vendor.name)).toEqual(["Cheap", "Dear"]);
  });
});

describe("ranking by musts met, then monthly cost", () => {
  it("ranks the cheaper of two quotes that both meet every must first, though it bills hold time", () => {
    // Billed hold and per-minute rounding are costs, already in the monthly figure: not failed musts.
    const full = {
      hours: { hoursPerDay: 24, daysPerWeek: 7 },
      certs: ["pci"],
      dr: true,
      languages: ["en", "es"],
    };
    const vendors = [
      VendorSchema.parse({
        name: "Dear",
        perMinute: 1.6,
        billingSeconds: 6,
        holdBilled: false,
        setupFee: 0,
        rating: 5,
        ...full,
      }),
      VendorSchema.parse({ name: "Cheap", perMinute: 0.6, billingSeconds: 60, holdBilled: true, ...full }),
    ];
    const cmp = compareVendors(vendors, input(PROFILE), { pricing: PRICING, rates: RATES });
    const [first, second] = cmp.vendors;
    expect(first?.vendor.name).toBe("Cheap");
    expect(first?.mustFailures).toEqual([]);
    expect(second?.mustFailures).toEqual([]);
    expect(first?.cost.monthlyCost ?? 0).toBeLessThan(second?.cost.monthlyCost ?? 0);
    // Billed hold is still reported, as a cost to negotiate, not a must it fails.
    const hold = first?.checks.find((c) => c.label === "Hold time is not billed");
    expect(hold).toMatchObject({ status: "fail", severity: "should" });
    expect(first?.scoreParts.penalty).toBe(0);
    expect(cmp.assumptions.join(" ")).toMatch(
      /Ranked by musts met \(failed, then not yet answered\), then by monthly cost/,
    );
  });

  it("counts a minimum above the team's volume as a failed must", () => {
    const vendors = [
      VendorSchema.parse({ name: "Big", perMinute: 0.5, minimumContacts: 50_000, holdBilled: false }),
      VendorSchema.parse({ name: "Fits", perMinute: 0.9, minimumContacts: 1000, holdBilled: false }),
    ];
    const cmp = compareVendors(vendors, input({}, 8000), { pricing: PRICING, rates: RATES });
    expect(cmp.vendors.map((r) => r.vendor.name)).toEqual(["Fits", "Big"]);
    expect(cmp.vendors[1]?.mustFailures).toEqual(["volume"]);
  });

  it("marks each quote against a budget", () => {
    const vendors = [
      VendorSchema.parse({ name: "A", perMinute: 0.6, holdBilled: false }),
      VendorSchema.parse({ name: "B", perMinute: 1.5, holdBilled: false }),
    ];
    const withBudget = readCompareInput(
      tokenize("volume=5000 talk=4m wrap=1m hold=30s budget=20000/month").pairs,
      [],
      {},
    );
    const cmp = compareVendors(vendors, withBudget, { pricing: PRICING, rates: RATES });
    for (const r of cmp.vendors) {
      const cost = r.cost.monthlyCost ?? 0;
      expect(r.budget).toEqual({ fits: cost <= 20_000, headroom: Math.round(20_000 - cost) });
    }
    expect(cmp.vendors.map((r) => r.budget?.fits)).toEqual([true, false]);
  });
});

describe("musts, from the advice requirements", () => {
  const v = VendorSchema.parse({
    name: "X",
    languages: ["en"],
    hours: { hoursPerDay: 12, daysPerWeek: 6 },
    certs: ["soc2"],
    dr: false,
    holdBilled: true,
    minimumContacts: 5000,
  });
  const failed = (profile: Record<string, unknown>) =>
    mustChecks(mustRequirements(profile), v, v.minimumContacts)
      .filter((c) => c.status === "fail")
      .map((c) => c.criterion);

  it("names the guide's musts a quote fails: language, 24/7, PCI with card payments, DR, hold billed, minimum", () => {
    expect(failed({ languages: ["en", "es"] })).toContain("languages");
    expect(failed({ hours: "24/7" })).toContain("availability");
    expect(failed({ payments: true })).toContain("security");
    expect(failed({ dr: true })).toContain("availability");
    expect(failed({})).toEqual(["cost"]);
    expect(failed({ volume: 2000 })).toContain("volume");
    // 12 h × 6 days covers evenings and weekends.
    expect(failed({ hours: "extended" })).not.toContain("availability");
  });

  it("keeps region, channels and on-premises as shoulds, as the advice rules behind them are", () => {
    // The advice says a team expanding into Latin America *should* look there, and so on: a quote
    // based elsewhere is marked down, not counted as failing a must.
    const ph = VendorSchema.parse({ name: "PH", country: "PH", services: ["voice"], deployment: ["cloud"] });
    const profile: Profile = { expansion: "latam", channels: ["voice", "email"], cloud: "skeptical" };
    const checks = mustChecks(mustRequirements(profile), ph);
    const missed = checks.filter((c) => c.status === "fail");
    expect(missed.map((c) => c.criterion).sort()).toEqual(["deployment", "location", "needs"]);
    expect(missed.every((c) => c.severity === "should")).toBe(true);
    expect(failed(profile)).toEqual(["cost"]);
  });

  it("says what is missing in words", () => {
    const checks = mustChecks(mustRequirements({ languages: ["en", "es"], hours: "24/7" }), v);
    expect(checks.find((c) => c.criterion === "languages")?.detail).toBe("no Spanish");
    expect(checks.find((c) => c.criterion === "availability")?.detail).toBe("open 12 h × 6 days only");
  });

  it("treats what a quote does not say as unknown, never as met", () => {
    const blank = VendorSchema.parse({ name: "Blank" });
    const checks = mustChecks(mustRequirements({ languages: ["en", "es"], payments: true, dr: true }), blank);
    expect(checks.length).toBeGreaterThanOrEqual(4);
    expect(checks.every((c) => c.status === "unknown")).toBe(true);
  });
});
