import type { TopLevelSpec } from "vega-lite";
import { ChartDataError } from "./errors.ts";
import { chartLabel, compactAxisLabel, formatCount, formatMoney, isAmount, uniqueLabels } from "./labels.ts";
import { baseConfig, renderChart } from "./render.ts";

export interface VendorBar {
  name: string;
  /** USD a month. */
  monthlyCost: number;
  /** True when the vendor misses at least one must-have requirement. */
  failsMusts: boolean;
}

/** More bars than this would make labels unreadable in a Slack preview. */
export const VENDOR_CHART_MAX_BARS = 30;
export const VENDOR_CHART_WIDTH = 900;
const ROW_HEIGHT = 26;
const FRAME_HEIGHT = 150; // title, subtitle, legend, axis

/** Image height for `bars` bars: grows with the count, from 260 up to 930 pixels for 30 bars. */
export const vendorChartHeight = (bars: number): number =>
  Math.max(260, FRAME_HEIGHT + ROW_HEIGHT * Math.min(Math.max(bars, 1), VENDOR_CHART_MAX_BARS));

const MEETS = "Meets all musts";
const FAILS = "Fails a must";

export interface VendorCostSpec {
  spec: TopLevelSpec;
  /** Labels of the bars drawn, cheapest first. */
  labels: string[];
  /** Vendors drawn, left out beyond the limit, and left out for lacking a valid cost. */
  shown: number;
  hidden: number;
  invalid: number;
  /** The line under the title, which says when vendors were left out. */
  note: string;
  width: number;
  height: number;
}

/** Builds the Vega-Lite spec of the vendor cost bars; throws ChartDataError when no vendor can be drawn. */
export function vendorCostSpec(bars: VendorBar[], maxBars = VENDOR_CHART_MAX_BARS): VendorCostSpec {
  const all = Array.isArray(bars) ? bars : [];
  if (all.length === 0) throw new ChartDataError("The vendor chart needs at least one vendor.");
  const valid = all.filter((b) => b && typeof b === "object" && isAmount(b.monthlyCost));
  const invalid = all.length - valid.length;
  if (valid.length === 0) {
    throw new ChartDataError("None of the vendors has a monthly cost that is a number of zero or more.");
  }

  const sorted = valid
    .map((b) => ({
      name: chartLabel(typeof b.name === "string" ? b.name : String(b.name ?? "")) || "(no name)",
      b,
    }))
    .sort((p, q) => p.b.monthlyCost - q.b.monthlyCost || p.name.localeCompare(q.name));
  const limit = Math.max(1, Math.floor(maxBars));
  const kept = sorted.slice(0, limit);
  const hidden = sorted.length - kept.length;
  const labels = uniqueLabels(kept.map((k) => k.name));
  const rows = kept.map((k, i) => ({
    vendor: labels[i],
    cost: k.b.monthlyCost,
    costLabel: formatMoney(k.b.monthlyCost),
    status: k.b.failsMusts === true ? FAILS : MEETS,
  }));

  const parts: string[] = [];
  if (hidden > 0) {
    parts.push(
      `Cheapest ${formatCount(kept.length)} of ${formatCount(sorted.length)} vendors, +${formatCount(hidden)} more not shown`,
    );
  } else {
    parts.push(`${formatCount(kept.length)} ${kept.length === 1 ? "vendor" : "vendors"}, cheapest first`);
  }
  if (invalid > 0) parts.push(`${formatCount(invalid)} without a valid cost left out`);
  const note = parts.join(" · ");

  const height = vendorChartHeight(kept.length);
  const y = {
    field: "vendor",
    type: "nominal" as const,
    title: null,
    sort: labels,
    axis: { labelFontSize: 12, labelColor: "#1d1c1d", ticks: false, domain: false, labelPadding: 8 },
  };
  const x = {
    field: "cost",
    type: "quantitative" as const,
    title: "Monthly cost (USD)",
    axis: { labelExpr: compactAxisLabel("$"), tickCount: 6 },
    scale: { nice: true },
    stack: null, // one bar per vendor: colors must not stack
  };

  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: "Monthly cost by vendor", subtitle: note },
    width: VENDOR_CHART_WIDTH,
    height,
    autosize: { type: "fit", contains: "padding" },
    padding: { left: 16, right: 24, top: 16, bottom: 12 },
    config: baseConfig(),
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        mark: { type: "bar", cornerRadiusEnd: 3, height: { band: 0.7 } },
        encoding: {
          x,
          color: {
            field: "status",
            type: "nominal",
            title: null,
            scale: { domain: [MEETS, FAILS], range: ["#4C78A8", "#E45756"] },
          },
        },
      },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 5, fontSize: 11, color: "#454245" },
        encoding: { x, text: { field: "costLabel" } },
      },
    ],
  };
  return { spec, labels, shown: kept.length, hidden, invalid, note, width: VENDOR_CHART_WIDTH, height };
}

/** PNG bar chart of vendors' monthly costs, cheapest first, those failing a must in another color. */
export async function vendorCostChart(bars: VendorBar[]): Promise<Buffer> {
  return renderChart(vendorCostSpec(bars).spec, VENDOR_CHART_WIDTH);
}
