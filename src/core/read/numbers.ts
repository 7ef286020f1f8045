/**
 * Numbers as people type them, read by the writer's locale: `12,000`, `12.000`, `12 000`, `12k`,
 * `1.5k`, `1,5`. When the locale does not settle it (`12.000` from an English locale: twelve thousand
 * or twelve?), both readings come back so the command can ask instead of guessing.
 */

export type NumberReading = { value: number } | { readings: [number, number] };

export interface NumberStyle {
  decimal: "." | ",";
  group: "," | "." | " ";
}

const styles = new Map<string, NumberStyle>();

/** The decimal and group marks of a BCP 47 locale ("en-US" → ".", ","; "ro-RO" → ",", "."). */
export function numberStyle(locale: string | undefined): NumberStyle {
  const key = locale ?? "en-US";
  const hit = styles.get(key);
  if (hit) return hit;
  let style: NumberStyle = { decimal: ".", group: "," };
  try {
    const parts = new Intl.NumberFormat(key).formatToParts(12345.6);
    const decimal = parts.find((p) => p.type === "decimal")?.value;
    const group = parts.find((p) => p.type === "group")?.value;
    style = {
      decimal: decimal === "," ? "," : ".",
      group: group === "." ? "." : group === "," ? "," : decimal === "," ? " " : ",",
    };
  } catch {
    // An unknown locale tag reads like English.
  }
  styles.set(key, style);
  return style;
}

/** The number shape the reader accepts: digits with `,` `.` or a space between groups. */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:[.,]\d+)*|[.,]\d+`;

const MULTIPLIERS = new Map<string, number>([
  ["k", 1e3],
  ["thousand", 1e3],
  ["m", 1e6],
  ["mm", 1e6],
  ["mln", 1e6],
  ["million", 1e6],
]);

const clean = (n: number): number => Math.round(n * 1e9) / 1e9;

/**
 * Read one number (digits and separators only, an optional multiplier after it: `12k`, `1.5 million`).
 * Undefined for anything else.
 */
export function readNumber(text: string, locale?: string): NumberReading | undefined {
  const m =
    /^\s*([+-]?)((?:\d[\d.,\s\u00a0\u202f]*\d|\d)|[.,]\d+)\s*(k|thousand|mm|mln|million|m)?\s*$/i.exec(text);
  if (!m?.[2]) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  const mult = MULTIPLIERS.get((m[3] ?? "").toLowerCase()) ?? 1;
  const r = readDigits(m[2], numberStyle(locale));
  if (r === undefined) return undefined;
  if ("value" in r) return { value: clean(sign * r.value * mult) };
  return { readings: [clean(sign * r.readings[0] * mult), clean(sign * r.readings[1] * mult)] };
}

/** The value when the number is certain; undefined when it is not a number or needs a question. */
export const certainNumber = (text: string, locale?: string): number | undefined => {
  const r = readNumber(text, locale);
  return r && "value" in r ? r.value : undefined;
};

function readDigits(raw: string, style: NumberStyle): NumberReading | undefined {
  const s = raw.replace(/[\u00a0\u202f]/g, " ");
  if (/^\d+$/.test(s)) return { value: Number(s) };
  // 12 000, 1 250 000: a space only ever groups thousands.
  if (/^\d{1,3}(?: \d{3})+$/.test(s)) return { value: Number(s.replace(/ /g, "")) };
  if (/\s/.test(s)) return undefined;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    // 12,000.50 or 12.000,50: the last mark is the decimal one, the other groups thousands.
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const group = decimal === "," ? "." : ",";
    const [int, frac, extra] = s.split(decimal);
    if (extra !== undefined || int === undefined || frac === undefined) return undefined;
    if (!groupedThousands(int, group)) return undefined;
    return { value: Number(`${int.split(group).join("")}.${frac}`) };
  }
  const mark = commas ? "," : ".";
  const count = commas || dots;
  if (count > 1) return groupedThousands(s, mark) ? { value: Number(s.split(mark).join("")) } : undefined;
  const [int = "", frac = ""] = s.split(mark);
  const asDecimal = Number(`${int === "" ? "0" : int}.${frac}`);
  // 1,5 or 3.25: not three digits after the mark, so it cannot group thousands.
  if (frac.length !== 3 || int === "" || int.length > 3 || /^0+$/.test(int)) return { value: asDecimal };
  const asGroup = Number(`${int}${frac}`);
  if (mark === style.group) return { value: asGroup };
  // 12.000 in English, 12,000 in Romanian: the locale's decimal mark before three digits.
  return { readings: [asGroup, asDecimal] };
}

const groupedThousands = (s: string, mark: string): boolean =>
  new RegExp(`^\\d{1,3}(?:\\${mark}\\d{3})+$`).test(s);

/** A number written back unambiguously for a command line: 12000, 1.5. */
export const plainNumber = (n: number): string => String(clean(n));
