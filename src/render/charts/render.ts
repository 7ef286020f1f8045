import type { TopLevelSpec } from "vega-lite";
import { chartFont, textWidth } from "./fonts.ts";

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}
interface TextMetrics {
  width: (item: TextItem, text: unknown) => number;
}

/**
 * vega, vega-lite and resvg take about half a second to import and most commands draw no chart, so
 * they are imported on the first chart, once per process.
 */
let stack:
  | Promise<{
      vega: typeof import("vega");
      compile: typeof import("vega-lite").compile;
      Resvg: typeof import("@resvg/resvg-js").Resvg;
      quietLogger: ReturnType<typeof import("vega").logger>;
    }>
  | undefined;
const chartStack = () => {
  stack ??= (async () => {
    const [vega, { compile }, { Resvg }] = await Promise.all([
      import("vega"),
      import("vega-lite"),
      import("@resvg/resvg-js"),
    ]);
    // Vega measures text with a canvas when it has one; there is none here, so give it widths close to
    // the real font's instead of its 0.8 em guess (its own hook, also used by other server-side
    // renderers). Labels are shortened before they reach Vega, so no `limit` has to be honoured here.
    const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
    metrics.width = (item, text) => {
      const weight = item.fontWeight;
      const bold = weight === "bold" || (typeof weight === "number" && weight >= 600);
      return textWidth(String(text ?? "").trim(), item.fontSize ?? 11, bold);
    };
    return { vega, compile, Resvg, quietLogger: vega.logger(vega.None) };
  })();
  // A failed import is not kept: the next chart tries again.
  stack.catch(() => {
    stack = undefined;
  });
  return stack;
};

/** Compiles a Vega-Lite spec and renders it to SVG text, with no browser and no canvas. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile, quietLogger } = await chartStack();
  const { spec: vgSpec } = compile(spec, { logger: quietLogger });
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none", logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterizes SVG text to a PNG `width` pixels wide (the height follows the SVG's aspect ratio). */
export async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const { Resvg } = await chartStack();
  const font = chartFont();
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    font: { fontFiles: font.files, loadSystemFonts: font.loadSystemFonts, defaultFontFamily: font.family },
  });
  return resvg.render().asPng();
}

/** Spec → SVG → PNG. */
export async function renderChart(spec: TopLevelSpec, width: number): Promise<Buffer> {
  return svgToPng(await chartSvg(spec), width);
}

/** Look shared by every chart: one font, light grid, titles left-aligned like Slack's own text. */
export function baseConfig(): NonNullable<TopLevelSpec["config"]> {
  const font = chartFont().family;
  return {
    font,
    background: "#ffffff",
    view: { stroke: null },
    title: {
      anchor: "start",
      fontSize: 18,
      fontWeight: "bold",
      color: "#1d1c1d",
      subtitleFontSize: 13,
      subtitleColor: "#616061",
      subtitlePadding: 6,
      offset: 14,
    },
    axis: {
      labelFontSize: 12,
      titleFontSize: 13,
      titleFontWeight: "normal",
      titleColor: "#454245",
      labelColor: "#616061",
      gridColor: "#ececec",
      domainColor: "#bbbbbb",
      tickColor: "#bbbbbb",
      labelLimit: 0,
    },
    legend: {
      labelFontSize: 12,
      titleFontSize: 12,
      labelLimit: 0,
      symbolSize: 140,
      orient: "top",
      direction: "horizontal",
    },
  };
}
