import { UserInputError } from "../errors.ts";
import { numberLocale } from "../format/number.ts";
import { exactCeil, scheduledAgents } from "./ceil.ts";
import { LONG_WAIT_SECONDS } from "./erlang.ts";
import { MAX_AGENTS, type StaffingInput, trafficErlangs, validateStaffingInput } from "./solve.ts";

/**
 * Erlang A (M/M/N+M): callers hang up after an exponential patience with mean 1/θ.
 *
 * The number in the system is a birth-death chain; relative to π_N its stationary weights are
 *   below N:  Σ_{n<N} π_n/π_N = 1/B(N) − 1 (Erlang B at A = λ/μ, by the stable recursion), and
 *   above N:  t_k = π_{N+k}/π_N = Π_{i=1..k} λ / (Nμ + iθ),
 * summed until the rest is provably negligible, with rescaling so nothing overflows at any size.
 *
 * Service level without alternating sums. A caller finding k others waiting is answered after
 * V_k = Σ_{j=0..k} Exp(Nμ + jθ), and only if its own patience outlasts V_k:
 *   E[e^{−θV_k}; V_k ≤ T] = Π_j r_j/(r_j + θ) · P(Ṽ_k ≤ T)   (exponential tilting, r_j = Nμ + jθ),
 * the product telescopes to c/(c + k + 1) with c = Nμ/θ, and Ṽ_k (rates θ(c + 1 + j), j = 0..k) is the
 * (k+1)-th failure among c + 1 + k exponential lifetimes, so P(Ṽ_k ≤ T) = I_x(k+1, c+1) with
 * x = 1 − e^{−θT}: one minus the negative-binomial CDF, built from positive terms p_a = p_{a−1}·x·(a+c)/a.
 * The same identity with c in place of c + 1 gives the share still waiting after 5 minutes.
 */

export interface ErlangAInput extends StaffingInput {
  /** Average time a caller waits before hanging up (exponential), in seconds. */
  patienceSeconds: number;
  /** Highest acceptable abandonment rate, a fraction; undefined for no limit. */
  maxAbandon?: number | undefined;
}

export interface ErlangAMetrics {
  agents: number;
  trafficErlangs: number;
  /** An arriving caller finds every agent busy. */
  probWait: number;
  /** Share of callers who hang up before an agent answers. */
  probAbandon: number;
  /** Share of all callers answered within the answer time (those who hang up count as not answered). */
  serviceLevel: number;
  /** Mean wait of all callers (answered or not): Lq / λ. */
  avgWaitSeconds: number;
  /** Mean wait of the callers who are answered. */
  asaSeconds: number;
  /** Carried traffic per agent: A·(1 − P(abandon)) / N. */
  occupancy: number;
  /** Share of callers still waiting after 5 minutes (neither answered nor gone). */
  probWaitOver5Min: number;
}

export type ErlangABinding = "service_level" | "occupancy" | "abandonment";

export interface ErlangAResult extends ErlangAMetrics {
  scheduledAgents: number;
  bindingConstraint: ErlangABinding;
}

const SCALE = 1e-250;
const BIG = 1e250;
const LN_BIG = 250 * Math.LN10;
/** The tail is cut when what is left is below this share of the total. */
const EPS = 1e-17;
const ABSOLUTE_EPS = 1e-30;

/** 1/B(n) for n = 0..n, carried up by 1/B(k) = 1 + (k/A)·1/B(k−1) (Infinity once B underflows). */
function inverseErlangBTable(n: number, traffic: number): Float64Array {
  const table = new Float64Array(n + 1);
  table[0] = 1;
  let inv = 1;
  if (traffic <= 0) {
    table.fill(Number.POSITIVE_INFINITY, 1);
    return table;
  }
  const r = 1 / traffic;
  for (let k = 1; k <= n; k++) {
    inv = 1 + inv * (k * r);
    table[k] = inv;
  }
  return table;
}

/**
 * Every Erlang A figure at N agents, given 1/B(N) at A = λ/μ. Rates are per second.
 * O(length of the tail), which is about √A terms near a sensible staffing level.
 */
export function erlangAAt(
  n: number,
  lambda: number,
  ahtSeconds: number,
  patienceSeconds: number,
  answerSeconds: number,
  inverseB: number,
  traffic = lambda * ahtSeconds,
): ErlangAMetrics {
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const a = traffic;
  const nmu = n * mu;
  if (lambda <= 0 || !Number.isFinite(inverseB))
    return {
      agents: n,
      trafficErlangs: a,
      probWait: 0,
      probAbandon: 0,
      serviceLevel: 1,
      avgWaitSeconds: 0,
      asaSeconds: 0,
      occupancy: n > 0 ? a / n : 0,
      probWaitOver5Min: 0,
    };
  const c = nmu / theta;
  // Service-level stream: NB(c + 1, x), p_0 = (1 − x)^{c+1} = e^{−(Nμ + θ)T}.
  const x = -Math.expm1(-theta * answerSeconds);
  // Long-wait stream: NB(c, x5), q_0 = e^{−Nμ·300}.
  const x5 = -Math.expm1(-theta * LONG_WAIT_SECONDS);
  // Each pmf is kept as a mantissa × 10^{−250·scale}, so it can start far below the smallest double
  // and climb by multiplications alone; a term below 10^{−250} adds nothing to a CDF.
  const pLog = -(nmu + theta) * answerSeconds;
  let ps = Math.max(0, Math.ceil(-pLog / LN_BIG));
  let pm = Math.exp(pLog + ps * LN_BIG);
  const qLog = -nmu * LONG_WAIT_SECONDS;
  let qs = Math.max(0, Math.ceil(-qLog / LN_BIG));
  let qm = Math.exp(qLog + qs * LN_BIG);
  let cdf = 0;
  let cdf5 = 0;

  let head = inverseB - 1; // Σ_{n<N} π_n / π_N, rescaled with the tail
  let t = 1; // t_k
  let s0 = 0; // Σ t_k            → P(wait)
  let s1 = 0; // Σ k·t_k          → Lq
  let sg = 0; // Σ t_k·g_k(T)     → answered within T after waiting
  let s5 = 0; // Σ t_k·P(V_k > 300)
  let sw = 0; // Σ t_k·E[V_k; answered]
  let harmonic = 0; // Σ_{j=1..k+1} 1/(c + j)
  let ratio = 0; // t_k / t_{k−1}
  // Below 10⁻³⁰ of the whole nothing shows; head ≫ tail whenever this matters, so it is fixed once
  // (and rescaled with the sums).
  let floor = ABSOLUTE_EPS * head;
  for (let k = 0; ; k++) {
    if (k > 0) {
      t *= ratio;
      if (t > BIG) {
        t *= SCALE;
        head *= SCALE;
        floor *= SCALE;
        s0 *= SCALE;
        s1 *= SCALE;
        sg *= SCALE;
        s5 *= SCALE;
        sw *= SCALE;
      }
      // Next terms of the two negative-binomial pmfs: ratios x·(k + c)/k and x5·(k − 1 + c)/k.
      const invK = 1 / k;
      pm *= x * (1 + c * invK);
      if (pm > BIG && ps > 0) {
        pm *= SCALE;
        ps--;
      }
      qm *= x5 * (1 + (c - 1) * invK);
      if (qm > BIG && qs > 0) {
        qm *= SCALE;
        qs--;
      }
    }
    cdf += ps === 0 ? pm : ps === 1 ? pm * SCALE : 0;
    cdf5 += qs === 0 ? qm : qs === 1 ? qm * SCALE : 0;
    const inv = 1 / (c + k + 1);
    harmonic += inv;
    const served = c * inv; // P(answered before hanging up | k ahead)
    s0 += t;
    s1 += k * t;
    sg += t * served * (cdf < 1 ? 1 - cdf : 0);
    s5 += t * Math.min(cdf5, 1);
    sw += t * served * harmonic;
    // Stop once the ratio of successive terms is below 1 and the geometric bound of the rest is tiny,
    // relative to the tail itself, so even tiny waiting figures keep their digits.
    // (Or below 10⁻³⁰ of everything: no figure can show that.)
    ratio = lambda / (nmu + (k + 1) * theta);
    if (ratio < 1 && t * ratio <= (1 - ratio) * Math.max(EPS * s0, floor)) break;
    if (k > 50_000_000) break;
  }
  const z = head + s0;
  const probWait = s0 / z;
  const lq = s1 / z;
  const probAbandon = Math.min(1, (theta * lq) / lambda);
  const serviceLevel = Math.min(1, (head + sg) / z);
  const answered = 1 - probAbandon;
  return {
    agents: n,
    trafficErlangs: a,
    probWait,
    probAbandon,
    serviceLevel,
    avgWaitSeconds: lq / lambda,
    asaSeconds: answered > 0 ? sw / z / theta / answered : 0,
    occupancy: Math.min(1, (a * answered) / n),
    probWaitOver5Min: Math.exp(-theta * LONG_WAIT_SECONDS) * (s5 / z),
  };
}

export const erlangARates = (input: StaffingInput & { patienceSeconds: number }) => ({
  lambda: input.callsPerInterval / input.intervalSeconds,
  traffic: trafficErlangs(input),
});

/** Every Erlang A figure at exactly `agents` agents (the reverse calculation). */
export function erlangAMetrics(input: ErlangAInput, agents: number): ErlangAMetrics {
  const { lambda, traffic } = erlangARates(input);
  const inv = inverseErlangBTable(agents, traffic)[agents] ?? Number.POSITIVE_INFINITY;
  return erlangAAt(
    agents,
    lambda,
    input.ahtSeconds,
    input.patienceSeconds,
    input.answerSeconds,
    inv,
    traffic,
  );
}

const meets = (m: ErlangAMetrics, input: ErlangAInput): boolean =>
  m.serviceLevel >= input.target &&
  // The same relative tolerance as the exact ceilings: 8.5 Erlangs on 10 agents is 85%, not 85.00…02%.
  m.occupancy <= input.maxOccupancy * (1 + 1e-9) &&
  (input.maxAbandon === undefined || m.probAbandon <= input.maxAbandon);

/**
 * Where a straight line through two looks (N, margin) at one requirement crosses zero: the first N it
 * predicts to meet it (−∞ when it is met and the line says nothing, NaN when it is unmet and the line
 * says nothing). Only aims the search, never decides.
 */
function crossing(n: number, g: number, prev: number, gPrev: number): number {
  if (Number.isFinite(g) && Number.isFinite(gPrev) && g !== gPrev)
    return Math.ceil(n - (g * (n - prev)) / (g - gPrev));
  return g >= 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
}

/**
 * Each requirement's margin at N on a log scale, positive when met: 1 − service level, abandonment and
 * occupancy fall roughly geometrically as agents are added, so on logs a secant lands close.
 */
const slMargin = (m: ErlangAMetrics, input: ErlangAInput) =>
  Math.log(1 - input.target) - Math.log(1 - m.serviceLevel);
const occupancyMargin = (m: ErlangAMetrics, input: ErlangAInput) =>
  Math.log(input.maxOccupancy) - Math.log(m.occupancy);
const abandonMargin = (m: ErlangAMetrics, input: ErlangAInput) =>
  input.maxAbandon === undefined
    ? Number.POSITIVE_INFINITY
    : Math.log(input.maxAbandon) - Math.log(m.probAbandon);

/**
 * Agents needed: the smallest N ≥ 1 with service level ≥ target, occupancy ≤ max occupancy and (when
 * given) abandonment ≤ its maximum. Every figure improves as N grows, so the first N that meets them
 * is the one whose N − 1 does not: found by a bracketing search from the occupancy bound A / max
 * occupancy, the same N as a search upward from 1, usually in two to four looks.
 */
export function solveErlangA(input: ErlangAInput): ErlangAResult {
  validateStaffingInput(input);
  if (!(input.patienceSeconds > 0) || !Number.isFinite(input.patienceSeconds))
    throw new UserInputError("`patience` must be longer than 0.", {
      field: "patience",
      example: "calls=100 interval=30m aht=3m patience=60s",
    });
  const { lambda, traffic: a } = erlangARates(input);
  const at = (n: number, inv: number) =>
    erlangAAt(n, lambda, input.ahtSeconds, input.patienceSeconds, input.answerSeconds, inv, a);
  // 1/B(n) for every n looked at. One forward pass to the starting point (as Erlang C does), keeping
  // the values from one below it upward; the rare step further down recomputes a full table, since
  // running the recursion backwards would lose precision.
  const first = Math.max(1, exactCeil(a / input.maxOccupancy));
  const r = a > 0 ? 1 / a : 0;
  let inv = 1;
  for (let k = 1; k < first; k++) inv = 1 + inv * (k * r);
  const above: number[] = [inv]; // above[i] = 1/B(first − 1 + i)
  let lowTable: Float64Array | undefined;
  const invAt = (n: number): number => {
    if (a <= 0) return n === 0 ? 1 : Number.POSITIVE_INFINITY;
    const i = n - (first - 1);
    if (i < 0) {
      lowTable ??= inverseErlangBTable(first, a);
      return lowTable[n] as number;
    }
    while (above.length <= i) {
      const k = first - 1 + above.length;
      above.push(1 + (above[above.length - 1] as number) * (k * r));
    }
    return above[i] as number;
  };
  // The few N looked at (a search visits a dozen at most), without a Map's allocations.
  const seen: ErlangAMetrics[] = [];
  const metricsAt = (n: number): ErlangAMetrics => {
    for (const m of seen) if (m.agents === n) return m;
    const m = at(n, invAt(n));
    seen.push(m);
    return m;
  };
  // lo fails (or is 0), hi meets every requirement (0 while none found); the answer is hi once they are
  // adjacent. Which N to look at next only decides how fast that happens: each look costs a walk down
  // the queue tail, so the next N is where a straight line through the last two looks crosses the
  // requirements (a secant on the tightest margin), kept strictly inside the bracket; bisection or a
  // doubling step when the line says nothing useful. The first looks are the occupancy bound and its
  // neighbour, which is the answer whenever occupancy binds.
  const start = Math.max(1, exactCeil(a / input.maxOccupancy));
  let lo = 0;
  let hi = 0;
  let prev: ErlangAMetrics | undefined; // the look before the last one
  let clamped = false;
  let n = start;
  for (;;) {
    const m = metricsAt(n);
    if (meets(m, input)) hi = n;
    else lo = n;
    if (hi > 0 && hi - lo === 1) break;
    if (lo > MAX_AGENTS)
      throw new UserInputError(
        `That load needs more than ${MAX_AGENTS.toLocaleString(numberLocale())} agents.`,
        { field: "calls", example: "calls=100 interval=30m aht=3m patience=60s" },
      );
    // The answer is where the last requirement to be met crosses: the latest of the three crossings.
    let next = hi === n ? n - 1 : n + 1;
    if (prev) {
      const p = prev;
      next = Math.max(
        crossing(n, slMargin(m, input), p.agents, slMargin(p, input)),
        crossing(n, occupancyMargin(m, input), p.agents, occupancyMargin(p, input)),
        crossing(n, abandonMargin(m, input), p.agents, abandonMargin(p, input)),
      );
    }
    // Never further up than a doubling of the way travelled (and a few √A), so a flat stretch of the
    // margins cannot send the search far past the answer.
    const reach = lo + Math.max(8, 4 * Math.ceil(Math.sqrt(a)), 2 * (lo - start));
    if (hi === 0) {
      if (!(next > lo && next <= reach)) next = Math.min(reach, Math.max(lo + 1, 2 * lo - start + 1));
    } else if (!(next > lo && next < hi)) {
      // The line points at an end of the bracket: look just inside it (the answer is likely there),
      // or bisect when that already happened last time, so the search never crawls.
      next = clamped ? Math.floor((lo + hi) / 2) : next >= hi ? hi - 1 : lo + 1;
      clamped = !clamped;
    } else clamped = false;
    prev = m;
    n = next;
  }
  n = hi;
  const m = metricsAt(n);
  const below = n > 1 ? metricsAt(n - 1) : undefined;
  // Written out, not spread: a spread followed by more keys costs microseconds on Node 20 (see solve.ts).
  return {
    agents: m.agents,
    trafficErlangs: m.trafficErlangs,
    probWait: m.probWait,
    probAbandon: m.probAbandon,
    serviceLevel: m.serviceLevel,
    avgWaitSeconds: m.avgWaitSeconds,
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
    probWaitOver5Min: m.probWaitOver5Min,
    scheduledAgents: scheduledAgents(n, input.shrinkage),
    bindingConstraint: bindingOf(below, input),
  };
}

/** Which requirement stops N − 1 from being enough (ties: service level, then abandonment). */
function bindingOf(below: ErlangAMetrics | undefined, input: ErlangAInput): ErlangABinding {
  if (!below || below.serviceLevel < input.target) return "service_level";
  if (input.maxAbandon !== undefined && below.probAbandon > input.maxAbandon) return "abandonment";
  return "occupancy";
}
