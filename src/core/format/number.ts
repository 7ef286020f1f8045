/**
 * Number formatting for replies. `toLocaleString` with options builds a new Intl.NumberFormat on every
 * call (tens of microseconds each), which dominated a whole command's run time: formatters are cached.
 */
const cache = new Map<string, Intl.NumberFormat>();

const formatter = (min: number, max: number): Intl.NumberFormat => {
  const key = `${min}:${max}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, f);
  }
  return f;
};

/** en-US grouping with between `min` and `max` decimals: formatNumber(12345.678, 0, 1) → "12,345.7". */
export const formatNumber = (x: number, min = 0, max = min): string =>
  formatter(min, Math.max(min, max)).format(x);

/** A whole number with thousands separators. */
export const formatInt = (x: number): string => formatter(0, 0).format(Math.round(x));
