/**
 * CSV for spreadsheets (RFC 4180): fields with a comma, quote or line break are quoted and quotes
 * doubled. A cell starting with = + - @ (or a tab or carriage return) would run as a formula in
 * Excel, Sheets or LibreOffice, so it is prefixed with an apostrophe: vendor names and notes are typed
 * by anyone in the workspace and must never execute on a colleague's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export const csvCell = (value: string | number | boolean | null | undefined): string => {
  if (value === null || value === undefined) return "";
  let s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows to CSV text with CRLF line ends, as RFC 4180 and Excel expect. */
export const toCsv = (
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
): string => `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
