/**
 * Expected billed minutes per contact when each contact is rounded up to a billing increment.
 * Contact lengths are taken as exponential with mean m (the same assumption Erlang C makes). A contact
 * of length X is billed ceil(X / h)·h, and E[ceil(X / h)] = Σ P(X > (k−1)·h) = 1 / (1 − e^(−h/m)), so the
 * expected billed length is h / (1 − e^(−h/m)). It tends to m as h → 0 and is about m + h/2 when h ≪ m.
 */
export function expectedBilledMinutes(meanMinutes: number, incrementMinutes: number): number {
  if (meanMinutes <= 0) return 0;
  if (incrementMinutes <= 0) return meanMinutes;
  // expm1 keeps precision when h/m is tiny (per-second billing of long calls).
  return incrementMinutes / -Math.expm1(-incrementMinutes / meanMinutes);
}
