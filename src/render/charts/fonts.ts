import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** Where the text of a chart gets its glyphs: font files given to resvg, or the system's fonts. */
export interface ChartFont {
  /** The family name written into the SVG and used by resvg when a family is not found. */
  family: string;
  /** Font files handed to resvg; empty when relying on the system's fonts. */
  files: string[];
  /** True only when no known font file was found, so resvg has to scan the system. */
  loadSystemFonts: boolean;
  source: "package" | "system-file" | "system";
}

interface Candidate {
  family: string;
  regular: string;
  bold?: string;
}

/**
 * Font packages that ship TrueType files (resvg reads TTF/OTF, not WOFF2). If one of them is
 * installed, charts look the same on every machine.
 */
const PACKAGE_FONTS: Array<{ pkg: string } & Candidate> = [
  {
    pkg: "dejavu-fonts-ttf",
    family: "DejaVu Sans",
    regular: "ttf/DejaVuSans.ttf",
    bold: "ttf/DejaVuSans-Bold.ttf",
  },
  {
    pkg: "@expo-google-fonts/inter",
    family: "Inter",
    regular: "400Regular/Inter_400Regular.ttf",
    bold: "600SemiBold/Inter_600SemiBold.ttf",
  },
];

/** Common places of a plain sans-serif font, so resvg need not scan every system font (slow). */
const SYSTEM_FONTS: Candidate[] = [
  {
    family: "DejaVu Sans",
    regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
  },
  {
    family: "DejaVu Sans",
    regular: "/usr/share/fonts/TTF/DejaVuSans.ttf",
    bold: "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
  },
  {
    family: "Liberation Sans",
    regular: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    bold: "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
  },
  {
    family: "Arial",
    regular: "/System/Library/Fonts/Supplemental/Arial.ttf",
    bold: "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
  },
  { family: "Arial", regular: "C:\\Windows\\Fonts\\arial.ttf", bold: "C:\\Windows\\Fonts\\arialbd.ttf" },
];

const filesOf = (c: Candidate, base = ""): string[] => {
  const regular = base ? join(base, c.regular) : c.regular;
  if (!existsSync(regular)) return [];
  const bold = c.bold ? (base ? join(base, c.bold) : c.bold) : undefined;
  return bold && existsSync(bold) ? [regular, bold] : [regular];
};

function packageDirs(pkg: string): string[] {
  const require = createRequire(import.meta.url);
  const roots = require.resolve.paths(pkg) ?? [];
  return roots.map((root) => join(root, pkg)).filter((dir) => existsSync(dir));
}

/** Finds the font to draw charts with: a font package first, then a known system file, else any system font. */
export function findChartFont(): ChartFont {
  for (const candidate of PACKAGE_FONTS) {
    for (const dir of packageDirs(candidate.pkg)) {
      const files = filesOf(candidate, dir);
      if (files.length > 0)
        return { family: candidate.family, files, loadSystemFonts: false, source: "package" };
    }
  }
  for (const candidate of SYSTEM_FONTS) {
    const files = filesOf(candidate);
    if (files.length > 0)
      return { family: candidate.family, files, loadSystemFonts: false, source: "system-file" };
  }
  return { family: "sans-serif", files: [], loadSystemFonts: true, source: "system" };
}

let cached: ChartFont | undefined;
/** The chart font, looked up once per process. */
export function chartFont(): ChartFont {
  cached ??= findChartFont();
  return cached;
}

/**
 * Advance widths in em of a sans-serif face like DejaVu Sans. Vega has no canvas here and would
 * otherwise guess 0.8 em for every character, which pushes axis titles far from the axis and
 * truncates labels too early.
 */
const WIDTHS: Record<string, number> = {
  " ": 0.318,
  ".": 0.318,
  ",": 0.318,
  ":": 0.337,
  ";": 0.337,
  "-": 0.361,
  "(": 0.39,
  ")": 0.39,
  "/": 0.337,
  $: 0.636,
  "%": 0.95,
  "+": 0.838,
  "≈": 0.838,
  "…": 1,
  "'": 0.275,
  '"': 0.46,
  "&": 0.78,
  a: 0.613,
  b: 0.635,
  c: 0.55,
  d: 0.635,
  e: 0.615,
  f: 0.352,
  g: 0.635,
  h: 0.634,
  i: 0.278,
  j: 0.278,
  k: 0.579,
  l: 0.278,
  m: 0.974,
  n: 0.634,
  o: 0.612,
  p: 0.635,
  q: 0.635,
  r: 0.411,
  s: 0.521,
  t: 0.392,
  u: 0.634,
  v: 0.592,
  w: 0.818,
  x: 0.592,
  y: 0.592,
  z: 0.525,
  A: 0.684,
  B: 0.686,
  C: 0.698,
  D: 0.77,
  E: 0.632,
  F: 0.575,
  G: 0.775,
  H: 0.752,
  I: 0.295,
  J: 0.295,
  K: 0.656,
  L: 0.557,
  M: 0.863,
  N: 0.748,
  O: 0.787,
  P: 0.603,
  Q: 0.787,
  R: 0.695,
  S: 0.635,
  T: 0.611,
  U: 0.732,
  V: 0.684,
  W: 0.989,
  X: 0.685,
  Y: 0.611,
  Z: 0.685,
};

/** Estimated width in pixels of `text` at `fontSize`, a little wider for bold. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const known = WIDTHS[ch];
    if (known !== undefined) em += known;
    else if (ch >= "0" && ch <= "9") em += 0.636;
    else em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62; // CJK and other wide scripts take a full em
  }
  return em * fontSize * (bold ? 1.1 : 1);
}
