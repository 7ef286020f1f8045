import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ChartDataError,
  COST_CURVE_SERIES,
  type CostCurvePoint,
  chartSvg,
  costCurveChart,
  costCurveSpec,
  findBreakEven,
  pngSize,
  sampleCostCurve,
} from "../../src/render/charts/index.ts";
import { countColor, decodePng } from "./decodePng.ts";

// A toy cost engine, simple enough to check by hand: shared $1 a contact, semi-dedicated $1,000 + $0.75,
// dedicated $2,000 + $0.50. Shared and dedicated cost the same at 4,000 contacts ($4,000).
const costAt = (v: number) => ({ shared: v, semiDedicated: 1000 + 0.75 * v, dedicated: 2000 + 0.5 * v });
const linearPoints = (from: number, to: number, step: number): CostCurvePoint[] => {
  const out: CostCurvePoint[] = [];
  for (let v = from; v <= to; v += step) out.push({ volume: v, ...costAt(v) });
  return out;
};
const points = sampleCostCurve(costAt, { from: 100, to: 50_000, count: 40 });
const series = { points, breakEven: { volume: 4000, cost: 4000 }, currentVolume: 12_000 };

describe("costCurveChart", () => {
  it("renders a valid 900×500 PNG that shows the three lines and the break-even point", async () => {
    const png = await costCurveChart(series);
    expect(pngSize(png)).toEqual({ width: 900, height: 500 });
    const image = decodePng(png); // checks every chunk's CRC and the size of the image data
    expect(image.width * image.height).toBe(450_000);
    for (const color of ["#4C78A8", "#F58518", "#54A24B"])
      expect(countColor(image, color)).toBeGreaterThan(300);
    expect(countColor(image, "#1D1C1D")).toBeGreaterThan(30); // break-even dot and title text
  });

  it("names the three staffing models in the legend and draws one line for each", async () => {
    const svg = await chartSvg(costCurveSpec(series).spec);
    const colors = { "Shared (per minute)": "#4C78A8", "Semi-dedicated": "#F58518", Dedicated: "#54A24B" };
    for (const [name, color] of Object.entries(colors)) {
      expect(svg).toContain(`>${name}</text>`);
      const line = new RegExp(
        `model: ${name.replace(/[()]/g, "\\$&")}" [^>]*aria-roledescription="line mark"[^>]*stroke="${color}"`,
      );
      expect(svg).toMatch(line);
    }
    expect(svg.match(/aria-roledescription="line mark"/g)).toHaveLength(3);
    expect(svg).toContain(">Monthly volume (contacts a month)</text>");
    expect(svg).toContain(">Monthly cost (USD)</text>");
  });

  it("marks the break-even volume with a rule, a point and a label, and says it in the subtitle", async () => {
    const spec = costCurveSpec(series);
    expect(spec.breakEvenShown).toBe(true);
    const svg = await chartSvg(spec.spec);
    expect(svg).toContain(">Break-even: 4,000 contacts</text>");
    expect(svg).toContain(">Break-even at 4,000 contacts a month ($4,000 a month)</text>");
    expect(svg).toMatch(
      /aria-label="Monthly volume \(contacts a month\): 4000" role="graphics-symbol" aria-roledescription="rule mark"/,
    );
    expect(svg).toMatch(
      /aria-label="Monthly volume \(contacts a month\): 4000; Monthly cost \(USD\): 4000" role="graphics-symbol" aria-roledescription="point"/,
    );
    expect(svg).toContain(">Your volume: 12,000</text>");
  });

  it("uses a log volume axis over orders of magnitude, labelled compactly, and a linear one otherwise", async () => {
    const wide = costCurveSpec(series);
    expect(wide.xScale).toBe("log");
    const svg = await chartSvg(wide.spec);
    for (const label of ["100", "1k", "10k", "$0", "$50k"]) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toContain(">$0k</text>");
    expect(costCurveSpec({ points: linearPoints(1000, 5000, 500) }).xScale).toBe("linear");
  });

  it("leaves out points with missing, negative or infinite values and says how many", () => {
    const bad = [
      { volume: 100, shared: Number.NaN, semiDedicated: 50, dedicated: 60 },
      { volume: -5, shared: 1, semiDedicated: 1, dedicated: 1 },
      { volume: 200, shared: 10, semiDedicated: -3, dedicated: Number.POSITIVE_INFINITY },
      { volume: 300, shared: 30, semiDedicated: 40, dedicated: 50 },
      null as unknown as CostCurvePoint,
    ];
    const spec = costCurveSpec({ points: bad });
    expect(spec.dropped).toBe(4);
    expect(spec.plotted).toBe(3); // 100, 200 and 300 each keep the costs that are valid
    expect(spec.series).toEqual(Object.values(COST_CURVE_SERIES));
  });

  it("ignores a break-even or current volume outside the plotted range instead of failing", async () => {
    const spec = costCurveSpec({ points, breakEven: { volume: Number.NaN, cost: 5 }, currentVolume: 1e9 });
    expect(spec.breakEvenShown).toBe(false);
    expect(spec.currentVolumeShown).toBe(false);
    const svg = await chartSvg(spec.spec);
    expect(svg).not.toContain("Break-even");
    expect(svg).toContain(">100 to 50,000 contacts a month</text>");
  });

  it("refuses data with nothing to plot with a ChartDataError", () => {
    expect(() => costCurveSpec({ points: [] })).toThrow(ChartDataError);
    expect(() =>
      costCurveSpec({ points: [{ volume: Number.NaN, shared: 1, semiDedicated: 1, dedicated: 1 }] }),
    ).toThrow(/no point with a valid volume/);
    expect(() => costCurveSpec(undefined as unknown as { points: CostCurvePoint[] })).toThrow(ChartDataError);
  });

  it("shortens a very long title to fit the image and escapes markup in it", async () => {
    const spec = costCurveSpec({ points, title: `<b>Costs & "plans"</b> ${"x".repeat(5000)}` });
    const svg = await chartSvg(spec.spec);
    expect(svg).toContain("&lt;b&gt;Costs &amp; ");
    const title = svg.match(/role-title-text"[\s\S]*?<text[^>]*>([^<]*)<\/text>/)?.[1] ?? "";
    expect(title.endsWith("…")).toBe(true);
    expect(title.replace(/&\w+;/g, "_").length).toBeLessThanOrEqual(70);
    const png = await costCurveChart({ points, title: `Plans 🚀 ${"y".repeat(5000)}` });
    expect(pngSize(png)).toEqual({ width: 900, height: 500 });
  });

  it("never fails with anything but a ChartDataError on arbitrary numbers", () => {
    const num = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, -1, 0, 1e12));
    const point = fc.record({ volume: num, shared: num, semiDedicated: num, dedicated: num });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (pts) => {
        try {
          const spec = costCurveSpec({ points: pts });
          expect(spec.plotted).toBeGreaterThan(0);
        } catch (err) {
          expect(err).toBeInstanceOf(ChartDataError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("sampleCostCurve and findBreakEven", () => {
  it("samples log-spaced volumes that end exactly on the range", () => {
    const sampled = sampleCostCurve(costAt, { from: 100, to: 10_000, count: 3 });
    expect(sampled.map((p) => p.volume)).toEqual([100, 1000, 10_000]);
    expect(sampled[1]).toEqual({ volume: 1000, shared: 1000, semiDedicated: 1750, dedicated: 2500 });
    expect(sampleCostCurve(costAt, { from: 100, to: 50_000 })).toHaveLength(40);
    const linear = sampleCostCurve(costAt, { from: 0, to: 1000, count: 5, spacing: "linear" });
    expect(linear.map((p) => p.volume)).toEqual([0, 250, 500, 750, 1000]);
  });

  it("rejects an empty or reversed range", () => {
    expect(() => sampleCostCurve(costAt, { from: 500, to: 100 })).toThrow(ChartDataError);
    expect(() => sampleCostCurve(costAt, { from: 0, to: 100 })).toThrow(/above zero/);
  });

  it("finds where dedicated becomes cheaper than shared between two samples", () => {
    // Samples at 3,000 (shared $3,000 < dedicated $3,500) and 4,500 ($4,500 > $4,250): crossing at 4,000.
    const be = findBreakEven(linearPoints(0, 9000, 1500));
    expect(be?.volume).toBeCloseTo(4000, 6);
    expect(be?.cost).toBeCloseTo(4000, 6);
    expect(findBreakEven(linearPoints(0, 3000, 500))).toBeUndefined();
  });
});
