import type { ReplyFile } from "../commands/types.ts";
import type { Comparison } from "../core/vendors/compare.ts";
import { ChartDataError, vendorCostChart } from "./charts/index.ts";

/** A bar chart of the compared vendors' monthly costs, musts failed in another color. */
export async function vendorChartFile(cmp: Comparison): Promise<ReplyFile | undefined> {
  const bars = cmp.vendors
    .filter((r) => r.cost.monthlyCost !== null)
    .map((r) => ({
      name: r.vendor.name,
      monthlyCost: r.cost.monthlyCost as number,
      failsMusts: r.mustFailures.length > 0,
    }));
  try {
    const png = await vendorCostChart(bars);
    return { filename: "vendor-costs.png", title: "Vendors' monthly cost", content: png };
  } catch (err) {
    if (err instanceof ChartDataError) return undefined;
    throw err;
  }
}
