import { chartFont } from "../src/render/charts/fonts.ts";
import {
  chartSvg,
  costCurveChart,
  costCurveSpec,
  pngSize,
  sampleCostCurve,
  type VendorBar,
  vendorCostChart,
} from "../src/render/charts/index.ts";

// A cost shape like the estimate's: shared per minute, staffed models in whole agents.
const costAt = (volume: number) => {
  const minutes = volume * 6;
  const agents = Math.max(1, Math.ceil(minutes / 60 / 0.75 / 160));
  return { shared: minutes, semiDedicated: agents * 0.6 * 160 * 28, dedicated: agents * 160 * 30 };
};
const curve = { points: sampleCostCurve(costAt, { from: 100, to: 50_000 }), currentVolume: 4000 };
const vendors = (n: number): VendorBar[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `Vendor ${i} Contact Services`,
    monthlyCost: 20_000 + ((i * 7919) % 60_000),
    failsMusts: i % 4 === 0,
  }));

async function median(runs: number, task: () => Promise<unknown>): Promise<{ median: number; best: number }> {
  for (let i = 0; i < 3; i++) await task(); // warm up the JIT and the font lookup
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, best: times[0] ?? 0 };
}

const line = (label: string, t: { median: number; best: number }, extra: string) =>
  console.log(
    `charts: ${label} in ${t.median.toFixed(1)} ms median, ${t.best.toFixed(1)} ms best of 10 (${extra})`,
  );

export default async function bench(): Promise<void> {
  const font = chartFont();
  const curvePng = await costCurveChart(curve);
  const size = pngSize(curvePng);
  line(
    "cost curve PNG",
    await median(10, () => costCurveChart(curve)),
    `${size.width}×${size.height}, ${curve.points.length} volumes × 3 models, ${(curvePng.length / 1024).toFixed(0)} KiB`,
  );
  line(
    "cost curve SVG only",
    await median(10, () => chartSvg(costCurveSpec(curve).spec)),
    "Vega-Lite compile + Vega render",
  );
  for (const n of [5, 200]) {
    const input = vendors(n);
    const png = await vendorCostChart(input);
    const s = pngSize(png);
    line(
      `vendor bars PNG, ${n} vendors`,
      await median(10, () => vendorCostChart(input)),
      `${s.width}×${s.height}, ${Math.min(n, 30)} bars drawn, ${(png.length / 1024).toFixed(0)} KiB`,
    );
  }
  console.log(`charts: font ${font.family} from ${font.source}${font.files[0] ? ` (${font.files[0]})` : ""}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
