import type { ReplyFile } from "../commands/types.ts";
import type { EstimateInput } from "../core/estimate/model.ts";
import { type Estimate, estimate, scaleVolume, totalContacts } from "../core/estimate/model.ts";
import type { Pricing } from "../core/estimate/pricing.ts";
import { agentsByHourChart, ChartDataError, costCurveChart, sampleCostCurve } from "./charts/index.ts";

const mid = (r: { low: number; high: number }) => (r.low + r.high) / 2;

/**
 * The cost-against-volume chart of an estimate: the three models at midpoint rates over a range of
 * volumes around the team's own, with the break-even volume marked. Undefined when nothing can be drawn.
 */
export async function estimateChartFile(
  input: EstimateInput,
  pricing: Pricing,
  breakEven: number | null,
): Promise<ReplyFile | undefined> {
  const volume = totalContacts(input);
  const top = Math.max(volume * 4, (breakEven ?? 0) * 1.5, 1000);
  const points = sampleCostCurve(
    (v) => {
      const e = estimate(scaleVolume(input, v / volume), pricing);
      return {
        shared: mid(e.shared.monthlyCost),
        semiDedicated: mid(e.semiDedicated.monthlyCost),
        dedicated: mid(e.dedicated.monthlyCost),
      };
    },
    { from: Math.max(50, Math.min(volume / 10, top / 40)), to: top, count: 40, spacing: "log" },
  );
  const at = breakEven ? estimate(scaleVolume(input, breakEven / volume), pricing) : undefined;
  try {
    const png = await costCurveChart({
      points,
      currentVolume: volume,
      ...(breakEven && at ? { breakEven: { volume: breakEven, cost: mid(at.shared.monthlyCost) } } : {}),
      title: "Monthly cost against volume (midpoint rates)",
    });
    return { filename: "cost-vs-volume.png", title: "Monthly cost against volume", content: png };
  } catch (err) {
    if (err instanceof ChartDataError) return undefined;
    throw err;
  }
}

/** Agents by interval of the open day (a PNG), when the day has more than one interval. */
export async function agentsChartFile(e: Estimate): Promise<ReplyFile | undefined> {
  const iv = e.dedicated.intervals;
  if (iv.length < 2) return undefined;
  try {
    const png = await agentsByHourChart(iv, `Agents by interval (${e.dedicated.shape} day)`);
    return { filename: "agents-by-hour.png", title: "Agents by hour of the day", content: png };
  } catch (err) {
    if (err instanceof ChartDataError) return undefined;
    throw err;
  }
}
