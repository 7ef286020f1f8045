import type { TopLevelSpec } from "vega-lite";
import { ChartDataError } from "./errors.ts";
import { baseConfig, renderChart } from "./render.ts";

/** Agents of each interval of an open day: productive (on the queue) and scheduled (with shrinkage). */
export interface AgentsBar {
  start: string;
  agents: number;
  scheduledAgents: number;
}

export const AGENTS_CHART_SIZE = { width: 900, height: 420 } as const;

export function agentsByHourSpec(bars: AgentsBar[], title = "Agents by hour of the day"): TopLevelSpec {
  const rows = bars.filter((b) => Number.isFinite(b.agents) && Number.isFinite(b.scheduledAgents));
  if (!rows.length) throw new ChartDataError("No interval to draw.");
  const values = rows.flatMap((b) => [
    { start: b.start, kind: "Productive (on the queue)", agents: b.agents },
    { start: b.start, kind: "Scheduled (with shrinkage)", agents: b.scheduledAgents - b.agents },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    width: AGENTS_CHART_SIZE.width - 120,
    height: AGENTS_CHART_SIZE.height - 140,
    title: {
      text: title,
      subtitle: "Each interval staffed on its own; the full bar is the headcount to schedule",
    },
    data: { values },
    mark: { type: "bar" },
    encoding: {
      x: { field: "start", type: "ordinal", sort: null, title: "Interval start", axis: { labelAngle: -45 } },
      y: { field: "agents", type: "quantitative", stack: "zero", title: "Agents" },
      color: {
        field: "kind",
        type: "nominal",
        scale: { range: ["#4C78A8", "#9ECAE9"] },
        legend: { orient: "top", title: null },
      },
      order: { field: "kind", sort: "ascending" },
    },
    config: baseConfig(),
  } as TopLevelSpec;
}

export async function agentsByHourChart(bars: AgentsBar[], title?: string): Promise<Buffer> {
  return renderChart(agentsByHourSpec(bars, title), AGENTS_CHART_SIZE.width);
}
