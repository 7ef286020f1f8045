import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ChartDataError,
  chartSvg,
  pngSize,
  type VendorBar,
  vendorChartHeight,
  vendorCostChart,
  vendorCostSpec,
} from "../../src/render/charts/index.ts";
import { chartLabel, uniqueLabels } from "../../src/render/charts/labels.ts";
import { countColor, decodePng } from "./decodePng.ts";

const RED = "#E45756";
const BLUE = "#4C78A8";
const bars = (svg: string) =>
  [
    ...svg.matchAll(
      /aria-label="Monthly cost \(USD\): ([^;]*); vendor: (.*?); status: ([^"]*)"[^>]*fill="(#\w+)"/g,
    ),
  ].map((m) => ({ cost: Number(m[1]), vendor: m[2], status: m[3], fill: m[4] }));
// 200 vendors at $10,000 + $250 × ((i × 37) mod 200): every cost differs, and every fifth vendor fails a must.
const many: VendorBar[] = Array.from({ length: 200 }, (_, i) => ({
  name: `Vendor ${i}`,
  monthlyCost: 10_000 + 250 * ((i * 37) % 200),
  failsMusts: i % 5 === 0,
}));

describe("vendorCostChart", () => {
  it("draws one bar per vendor, cheapest first, failing vendors in red", async () => {
    const input = [
      { name: "Northwind", monthlyCost: 42_000, failsMusts: false },
      { name: "Contoso", monthlyCost: 18_500, failsMusts: true },
      { name: "Fabrikam", monthlyCost: 25_000, failsMusts: false },
    ];
    const spec = vendorCostSpec(input);
    expect(spec.labels).toEqual(["Contoso", "Fabrikam", "Northwind"]);
    const svg = await chartSvg(spec.spec);
    expect(bars(svg)).toEqual([
      { cost: 18_500, vendor: "Contoso", status: "Fails a must", fill: RED },
      { cost: 25_000, vendor: "Fabrikam", status: "Meets all musts", fill: BLUE },
      { cost: 42_000, vendor: "Northwind", status: "Meets all musts", fill: BLUE },
    ]);
    for (const text of [
      "$18,500",
      "$42,000",
      "Meets all musts",
      "Fails a must",
      "3 vendors, cheapest first",
    ]) {
      expect(svg).toContain(`>${text}</text>`);
    }
    // The y axis lists the names top to bottom in the same order.
    const axis = svg.slice(svg.indexOf("Y-axis"));
    expect(axis.indexOf(">Contoso<")).toBeLessThan(axis.indexOf(">Fabrikam<"));
    expect(axis.indexOf(">Fabrikam<")).toBeLessThan(axis.indexOf(">Northwind<"));
  });

  it("renders a valid PNG whose height grows with the bars, up to a cap", async () => {
    const one = await vendorCostChart([{ name: "Solo", monthlyCost: 5000, failsMusts: false }]);
    expect(pngSize(one)).toEqual({ width: 900, height: 260 });
    const ten = await vendorCostChart(many.slice(0, 10));
    expect(pngSize(ten)).toEqual({ width: 900, height: 150 + 26 * 10 });
    const image = decodePng(ten);
    expect(image.height).toBe(410);
    // Two of the ten fail a must (0 and 5): their bars add far more red than the legend swatch alone.
    const allPass = decodePng(await vendorCostChart(many.slice(1, 5)));
    expect(countColor(image, RED)).toBeGreaterThan(countColor(allPass, RED) + 2000);
    expect(countColor(image, BLUE)).toBeGreaterThan(10_000);
    expect(vendorChartHeight(200)).toBe(150 + 26 * 30);
  });

  it("shows the 30 cheapest of 200 vendors and says how many more there are", async () => {
    const spec = vendorCostSpec(many);
    expect(spec).toMatchObject({ shown: 30, hidden: 170, invalid: 0, height: 930 });
    const svg = await chartSvg(spec.spec);
    const drawn = bars(svg);
    expect(drawn).toHaveLength(30);
    // Costs are 10,000 + 250 × k for k = 0…199 (37 is coprime with 200), so the cheapest 30 are k = 0…29.
    expect(drawn.map((b) => b.cost)).toEqual(Array.from({ length: 30 }, (_, k) => 10_000 + 250 * k));
    expect(svg).toContain(">Cheapest 30 of 200 vendors, +170 more not shown</text>");
    const png = await vendorCostChart(many);
    expect(pngSize(png)).toEqual({ width: 900, height: 930 });
  });

  it("shortens a 5,000-character name, drops emoji and keeps duplicate names apart", async () => {
    const spec = vendorCostSpec([
      { name: "A".repeat(5000), monthlyCost: 100, failsMusts: false },
      { name: "Call 📞 Heroes 🦸‍♀️", monthlyCost: 200, failsMusts: false },
      { name: "Twin", monthlyCost: 300, failsMusts: false },
      { name: "Twin", monthlyCost: 400, failsMusts: true },
      { name: "AT&T <Support>\n", monthlyCost: 500, failsMusts: false },
      { name: "   ", monthlyCost: 600, failsMusts: false },
    ]);
    expect(spec.labels).toEqual([
      `${"A".repeat(39)}…`,
      "Call Heroes",
      "Twin",
      "Twin (2)",
      "AT&T <Support>",
      "(no name)",
    ]);
    const svg = await chartSvg(spec.spec);
    expect(svg).toContain(">AT&amp;T &lt;Support&gt;</text>");
    expect(bars(svg)).toHaveLength(6);
    expect(pngSize(await vendorCostChart([{ name: "🚀🚀🚀", monthlyCost: 1, failsMusts: true }]))).toEqual({
      width: 900,
      height: 260,
    });
  });

  it("leaves out vendors without a valid cost and says so", async () => {
    const spec = vendorCostSpec([
      { name: "Good", monthlyCost: 1000, failsMusts: false },
      { name: "Negative", monthlyCost: -50, failsMusts: false },
      { name: "Unknown", monthlyCost: Number.NaN, failsMusts: false },
      { name: "Free", monthlyCost: 0, failsMusts: true },
    ]);
    expect(spec).toMatchObject({
      labels: ["Free", "Good"],
      invalid: 2,
      note: "2 vendors, cheapest first · 2 without a valid cost left out",
    });
    const svg = await chartSvg(spec.spec);
    expect(svg).not.toContain("Negative");
    expect(svg).not.toContain("Unknown");
  });

  it("refuses an empty list, or one where no cost is valid, with a ChartDataError", async () => {
    expect(() => vendorCostSpec([])).toThrow(ChartDataError);
    await expect(
      vendorCostChart([{ name: "X", monthlyCost: Number.NaN, failsMusts: false }]),
    ).rejects.toThrow(/monthly cost/);
  });

  it("never fails with anything but a ChartDataError on arbitrary vendors", () => {
    const vendor = fc.record({
      name: fc.string({ maxLength: 200, unit: "grapheme" }),
      monthlyCost: fc.oneof(fc.double(), fc.integer()),
      failsMusts: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(vendor, { maxLength: 60 }), (list) => {
        try {
          const spec = vendorCostSpec(list);
          expect(spec.shown).toBeLessThanOrEqual(30);
          expect(new Set(spec.labels).size).toBe(spec.labels.length);
        } catch (err) {
          expect(err).toBeInstanceOf(ChartDataError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("chart labels", () => {
  it("are at most 40 characters, on one line, with no emoji", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), (raw) => {
        const label = chartLabel(raw);
        expect(Array.from(label).length).toBeLessThanOrEqual(40);
        expect(label).not.toMatch(/[\p{Cc}\p{Extended_Pictographic}]/u);
        expect(label).toBe(label.trim());
      }),
    );
  });

  it("stay distinct even when a name already looks like a numbered copy", () => {
    expect(uniqueLabels(["A", "A (2)", "A"])).toEqual(["A", "A (2)", "A (3)"]);
  });
});
