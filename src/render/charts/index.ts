export { AGENTS_CHART_SIZE, type AgentsBar, agentsByHourChart, agentsByHourSpec } from "./agentsByHour.ts";
export {
  COST_CURVE_SERIES,
  COST_CURVE_SIZE,
  type CostCurvePoint,
  type CostCurveSeries,
  type CostCurveSpec,
  type CostModel,
  costCurveChart,
  costCurveSpec,
  findBreakEven,
  sampleCostCurve,
} from "./costCurve.ts";
export { ChartDataError } from "./errors.ts";
export { isPng, pngSize } from "./png.ts";
export { chartSvg } from "./render.ts";
export {
  VENDOR_CHART_MAX_BARS,
  type VendorBar,
  type VendorCostSpec,
  vendorChartHeight,
  vendorCostChart,
  vendorCostSpec,
} from "./vendorCost.ts";
