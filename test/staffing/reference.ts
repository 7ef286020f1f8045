/**
 * An independent Erlang B / Erlang C for small N in exact rational arithmetic (BigInt), straight from
 * the textbook formula B = (A^N / N!) / Σ_{k=0..N} A^k / k!, with no recursion and no floating point.
 * Traffic is given as a fraction p/q.
 */
export function exactErlangB(n: number, p: bigint, q: bigint): { num: bigint; den: bigint } {
  // Multiply every term by q^N·N!: term_k = p^k · q^(N−k) · N!/k!.
  let sum = 0n;
  let nFactOverKFact = 1n; // N!/k! for k = N, computed downward
  const terms: bigint[] = [];
  for (let k = n; k >= 0; k--) {
    terms[k] = p ** BigInt(k) * q ** BigInt(n - k) * nFactOverKFact;
    nFactOverKFact *= BigInt(k);
  }
  for (const t of terms) sum += t ?? 0n;
  return { num: terms[n] ?? 0n, den: sum };
}

/** A BigInt fraction as a float: 30 significant digits of the quotient, then one rounding. */
export const toFloat = (f: { num: bigint; den: bigint }): number => {
  if (f.num === 0n) return 0;
  const shift = f.den.toString().length - f.num.toString().length + 30;
  const q = shift >= 0 ? (f.num * 10n ** BigInt(shift)) / f.den : f.num / (f.den * 10n ** BigInt(-shift));
  return Number.parseFloat(`${q}e${-shift}`);
};

/** Erlang C from the exact B: C = N·B / (N − A·(1 − B)), in exact arithmetic as well. */
export function exactErlangC(n: number, p: bigint, q: bigint): number {
  const b = exactErlangB(n, p, q);
  const N = BigInt(n);
  // N·b/(N − (p/q)(1 − b)) with b = num/den: = N·num·q / (N·den·q − p·(den − num))
  const num = N * b.num * q;
  const den = N * b.den * q - p * (b.den - b.num);
  return toFloat({ num, den });
}
