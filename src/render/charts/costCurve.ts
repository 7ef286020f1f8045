import type { TopLevelSpec } from "vega-lite";
import { ChartDataError } from "./errors.ts";
import { chartLabel, compactAxisLabel, formatCount, formatMoney, isAmount } from "./labels.ts";
import { baseConfig, renderChart } from "./render.ts";

/** Monthly cost in USD of each staffing model at one monthly volume (contacts a month). */
export interface CostCurvePoint {
  volume: number;
  shared: number;
  semiDedicated: number;
  dedicated: number;
}

export interface CostCurveSeries {
  points: CostCurvePoint[];
  /** Where two models cost the same, marked on the chart. */
  breakEven?: { volume: number; cost: number };
  /** The team's own volume, drawn as a vertical line. */
  currentVolume?: number;
  title?: string;
}

export type CostModel = "shared" | "semiDedicated" | "dedicated";

/** Legend names, in legend order. */
export const COST_CURVE_SERIES: Record<CostModel, string> = {
  shared: "Shared (per minute)",
  semiDedicated: "Semi-dedicated",
  dedicated: "Dedicated",
};
const MODELS = Object.keys(COST_CURVE_SERIES) as CostModel[];
const COLORS = ["#4C78A8", "#F58518", "#54A24B"];

export const COST_CURVE_SIZE = { width: 900, height: 500 } as const;
const DEFAULT_TITLE = "Monthly cost by staffing model";

export interface CostCurveSpec {
  spec: TopLevelSpec;
  /** Legend names of the series that have at least one point. */
  series: string[];
  /** Points drawn, and points left out because their volume or a cost was missing, negative or not a number. */
  plotted: number;
  dropped: number;
  xScale: "log" | "linear";
  breakEvenShown: boolean;
  currentVolumeShown: boolean;
}

interface Row {
  volume: number;
  cost: number;
  model: string;
}

/** Builds the Vega-Lite spec for the cost curve; throws ChartDataError when nothing can be drawn. */
export function costCurveSpec(series: CostCurveSeries): CostCurveSpec {
  const points = Array.isArray(series?.points) ? series.points : [];
  if (points.length === 0) throw new ChartDataError("The cost chart needs at least one volume to plot.");

  const valid = points.filter((p) => p && typeof p === "object" && isAmount(p.volume));
  const volumes = valid.map((p) => p.volume);
  const positive = volumes.filter((v) => v > 0);
  const minPositive = Math.min(...positive);
  const max = Math.max(...volumes);
  // Volumes sampled over orders of magnitude read better on a log axis; zero cannot be shown on one.
  const xScale = positive.length >= 2 && max / minPositive >= 20 ? "log" : "linear";
  const onAxis = (v: number) => (xScale === "log" ? v > 0 : true);

  const rows: Row[] = [];
  let dropped = points.length - valid.length;
  for (const p of [...valid].sort((a, b) => a.volume - b.volume)) {
    const costs = MODELS.filter((m) => isAmount(p[m]));
    if (!onAxis(p.volume) || costs.length < MODELS.length) dropped++;
    if (!onAxis(p.volume)) continue;
    for (const m of costs) rows.push({ volume: p.volume, cost: p[m], model: COST_CURVE_SERIES[m] });
  }
  if (rows.length === 0) {
    throw new ChartDataError("The cost chart has no point with a valid volume and cost to plot.");
  }
  const shownVolumes = rows.map((r) => r.volume);
  const lo = Math.min(...shownVolumes);
  const hi = Math.max(...shownVolumes);
  const inRange = (v: unknown): v is number => isAmount(v) && onAxis(v) && v >= lo && v <= hi;

  const x = {
    field: "volume",
    type: "quantitative" as const,
    title: "Monthly volume (contacts a month)",
    scale: xScale === "log" ? { type: "log" as const, nice: false } : { nice: false, zero: false },
    axis: {
      labelExpr: compactAxisLabel("", xScale === "log"),
      grid: true,
      tickCount: 8,
      labelOverlap: true,
      labelSeparation: 6,
    },
  };
  const y = {
    field: "cost",
    type: "quantitative" as const,
    title: "Monthly cost (USD)",
    axis: { labelExpr: compactAxisLabel("$"), tickCount: 6 },
  };

  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>["layer"]> = [
    {
      data: { values: rows },
      mark: { type: "line", strokeWidth: 2.5, interpolate: "linear" },
      encoding: {
        x,
        y,
        color: {
          field: "model",
          type: "nominal",
          title: null,
          scale: { domain: MODELS.map((m) => COST_CURVE_SERIES[m]), range: COLORS },
          legend: { symbolType: "stroke", symbolStrokeWidth: 3 },
        },
      },
    },
  ];

  // Where a volume sits across the plot (0 = left edge, 1 = right edge): labels go on the side with
  // more room so they are never cut at the chart's edge.
  const position = (v: number) =>
    xScale === "log" ? Math.log(v / lo) / Math.log(hi / lo || 2) : (v - lo) / (hi - lo || 1);
  const sideLabel = (v: number, row: number, bold: boolean) => {
    const right = position(v) > 0.65;
    return {
      type: "text" as const,
      align: right ? ("right" as const) : ("left" as const),
      baseline: "top" as const,
      dx: right ? -6 : 6,
      y: 6 + row * 18,
      fontSize: bold ? 12 : 11,
      fontWeight: bold ? ("bold" as const) : ("normal" as const),
      color: bold ? "#1d1c1d" : "#616061",
    };
  };

  const be = series.breakEven;
  const breakEvenShown = !!be && inRange(be.volume) && isAmount(be.cost);
  let subtitle = `${formatCount(lo)} to ${formatCount(hi)} contacts a month`;
  if (be && breakEvenShown) {
    // The label sits at the top of the rule, clear of the lines; the point marks where they cross.
    const mark = {
      volume: be.volume,
      cost: be.cost,
      label: `Break-even: ${formatCount(be.volume)} contacts`,
    };
    subtitle = `Break-even at ${formatCount(be.volume)} contacts a month (${formatMoney(be.cost)} a month)`;
    layers.push(
      {
        data: { values: [mark] },
        mark: { type: "rule", color: "#1d1c1d", strokeDash: [6, 4], strokeWidth: 1.2, opacity: 0.7 },
        encoding: { x },
      },
      {
        data: { values: [mark] },
        mark: {
          type: "point",
          filled: true,
          size: 110,
          color: "#1d1c1d",
          stroke: "#ffffff",
          strokeWidth: 1.5,
          opacity: 1,
        },
        encoding: { x, y },
      },
      {
        data: { values: [mark] },
        mark: sideLabel(be.volume, 0, true),
        encoding: { x, text: { field: "label" } },
      },
    );
  }

  const current = series.currentVolume;
  const currentVolumeShown = inRange(current);
  if (currentVolumeShown) {
    const mark = { volume: current, label: `Your volume: ${formatCount(current)}` };
    layers.push(
      {
        data: { values: [mark] },
        mark: { type: "rule", color: "#8d8d8d", strokeDash: [2, 3], strokeWidth: 1.5 },
        encoding: { x },
      },
      {
        data: { values: [mark] },
        mark: sideLabel(current, breakEvenShown ? 1 : 0, false),
        encoding: { x, text: { field: "label" } },
      },
    );
  }

  // One line at 18 px fits about 70 characters across the image.
  const title = (typeof series.title === "string" && chartLabel(series.title, 70)) || DEFAULT_TITLE;
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: { text: title, subtitle },
    width: COST_CURVE_SIZE.width,
    height: COST_CURVE_SIZE.height,
    autosize: { type: "fit", contains: "padding" },
    padding: { left: 16, right: 24, top: 16, bottom: 12 },
    config: baseConfig(),
    layer: layers,
  };
  const shownSeries = MODELS.map((m) => COST_CURVE_SERIES[m]).filter((name) =>
    rows.some((r) => r.model === name),
  );
  return {
    spec,
    series: shownSeries,
    plotted: new Set(shownVolumes).size,
    dropped,
    xScale,
    breakEvenShown,
    currentVolumeShown,
  };
}

/** PNG (900×500) of monthly cost against monthly volume for the three staffing models. */
export async function costCurveChart(series: CostCurveSeries): Promise<Buffer> {
  return renderChart(costCurveSpec(series).spec, COST_CURVE_SIZE.width);
}

/**
 * Samples `count` volumes from `from` to `to` (log-spaced by default, which suits volumes spanning
 * orders of magnitude) and asks the cost engine for each.
 */
export function sampleCostCurve(
  costAt: (volume: number) => Omit<CostCurvePoint, "volume">,
  range: { from: number; to: number; count?: number; spacing?: "log" | "linear" },
): CostCurvePoint[] {
  const { from, to, count = 40, spacing = "log" } = range;
  if (!isAmount(from) || !isAmount(to) || to <= from) {
    throw new ChartDataError(
      `The volume range must go up from a number to a larger one (got ${from} to ${to}).`,
    );
  }
  if (spacing === "log" && from <= 0)
    throw new ChartDataError("A log-spaced volume range must start above zero.");
  const n = Math.max(2, Math.min(500, Math.floor(count)));
  const points: CostCurvePoint[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    const volume = spacing === "log" ? from * (to / from) ** t : from + (to - from) * t;
    const rounded = i === n - 1 ? to : volume;
    const c = costAt(rounded);
    points.push({
      volume: rounded,
      shared: c.shared,
      semiDedicated: c.semiDedicated,
      dedicated: c.dedicated,
    });
  }
  return points;
}

/**
 * The first volume where model `b` becomes no dearer than model `a` (linear between samples), or
 * undefined when the two never cross within the points.
 */
export function findBreakEven(
  points: CostCurvePoint[],
  a: CostModel = "shared",
  b: CostModel = "dedicated",
): { volume: number; cost: number } | undefined {
  const sorted = points.filter((p) => isAmount(p.volume) && isAmount(p[a]) && isAmount(p[b]));
  sorted.sort((p, q) => p.volume - q.volume);
  for (let i = 0; i < sorted.length; i++) {
    const cur = sorted[i];
    if (!cur) continue;
    const gap = cur[a] - cur[b];
    if (gap === 0) return { volume: cur.volume, cost: cur[a] };
    const prev = sorted[i - 1];
    if (!prev || gap < 0) continue;
    const prevGap = prev[a] - prev[b];
    if (prevGap >= 0) continue;
    const t = -prevGap / (gap - prevGap);
    return {
      volume: prev.volume + t * (cur.volume - prev.volume),
      cost: prev[a] + t * (cur[a] - prev[a]),
    };
  }
  return undefined;
}
