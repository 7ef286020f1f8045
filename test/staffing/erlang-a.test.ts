import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangAMetrics, solveErlangA } from "../../src/core/staffing/erlang-a.ts";
import { solveStaffing } from "../../src/core/staffing/solve.ts";

/**
 * Erlang A (M/M/N+M) checked three independent ways: a textbook identity (θ = μ makes the queue an
 * M/M/∞ one, so the number in the system is Poisson(A)), a direct reference computed here from the
 * definition in plain arithmetic (stationary probabilities by truncated products, service level by
 * uniformization of the tagged caller's chain), and a discrete-event simulation of callers.
 */

const base = {
  callsPerInterval: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  answerSeconds: 20,
  target: 0.8,
  shrinkage: 0.3,
  maxOccupancy: 0.85,
};

/** The definition, literally, for small queues: π by products, truncated far out, normalised. */
function reference(n: number, lambda: number, mu: number, theta: number, t: number) {
  const states = 4000;
  const w: number[] = [1];
  for (let k = 1; k < states; k++)
    w[k] = ((w[k - 1] as number) * lambda) / (Math.min(k, n) * mu + Math.max(k - n, 0) * theta);
  const z = w.reduce((s, x) => s + x, 0);
  const pi = w.map((x) => x / z);
  let probWait = 0;
  let lq = 0;
  for (let k = n; k < states; k++) {
    probWait += pi[k] as number;
    lq += (k - n) * (pi[k] as number);
  }
  // Tagged caller who finds n + k in the system: chain "j ahead" → … → answered, or hung up.
  // Uniformized with rate Λ; after m jumps the mass answered is read off; Poisson(Λt) weights.
  let sl = 0;
  for (let k = 0; k < n; k++) sl += pi[k] as number;
  const kMax = states - n - 1;
  // Only states with noticeable probability matter.
  const kUse = (() => {
    let k = 0;
    while (k < kMax && (pi[n + k] as number) > 1e-18) k++;
    return k;
  })();
  const rate = n * mu + (kUse + 1) * theta;
  const lt = rate * t;
  const steps = Math.ceil(lt + 12 * Math.sqrt(lt) + 50);
  for (let k = 0; k <= kUse; k++) {
    // p[j] = probability of j ahead (not yet answered, not gone); answered accumulates.
    let p = new Float64Array(k + 1);
    p[k] = 1;
    let answered = 0;
    let pois = Math.exp(-lt);
    let within = 0;
    for (let m = 0; m <= steps; m++) {
      within += pois * answered;
      const q = new Float64Array(k + 1);
      let newlyAnswered = 0;
      for (let j = 0; j <= k; j++) {
        const mass = p[j] as number;
        if (mass === 0) continue;
        const advance = (n * mu + j * theta) / rate;
        const leave = theta / rate;
        if (j === 0) newlyAnswered += mass * advance;
        else q[j - 1] = (q[j - 1] as number) + mass * advance;
        q[j] = (q[j] as number) + mass * (1 - advance - leave);
      }
      p = q;
      answered += newlyAnswered;
      pois *= lt / (m + 1);
    }
    sl += (pi[n + k] as number) * within;
  }
  return { probWait, probAbandon: (theta * lq) / lambda, avgWait: lq / lambda, serviceLevel: sl };
}

describe("Erlang A", () => {
  it("with patience equal to the handle time, the number in the system is Poisson(A) (M/M/∞)", () => {
    for (const [calls, n] of [
      [100, 8],
      [100, 12],
      [300, 25],
    ] as const) {
      const i = { ...base, callsPerInterval: calls, patienceSeconds: base.ahtSeconds };
      const a = (calls * base.ahtSeconds) / base.intervalSeconds;
      const m = erlangAMetrics(i, n);
      // Poisson(A): P(X ≥ N) and E[(X − N)+].
      let pk = Math.exp(-a);
      let below = 0;
      let excess = 0;
      for (let k = 0; k < 2000; k++) {
        if (k < n) below += pk;
        else excess += (k - n) * pk;
        pk *= a / (k + 1);
      }
      expect(m.probWait).toBeCloseTo(1 - below, 12);
      // P(abandon) = θ·E[(X − N)+] / λ, with θ = μ: E[(X − N)+] / A.
      expect(m.probAbandon).toBeCloseTo(excess / a, 12);
      expect(m.avgWaitSeconds).toBeCloseTo((excess / a) * base.ahtSeconds, 9);
    }
  });

  it("with almost no patience, callers who find every agent busy leave: Erlang B (the loss system)", () => {
    for (const [calls, n] of [
      [100, 8],
      [100, 12],
      [500, 40],
    ] as const) {
      const i = { ...base, callsPerInterval: calls, patienceSeconds: 1e-6 };
      const a = (calls * base.ahtSeconds) / base.intervalSeconds;
      // Erlang B from its textbook sum, in plain floating point for these small N.
      let term = 1;
      let sum = 1;
      for (let k = 1; k <= n; k++) {
        term *= a / k;
        sum += term;
      }
      const blocked = term / sum;
      const m = erlangAMetrics(i, n);
      expect(m.probAbandon).toBeCloseTo(blocked, 6);
      expect(m.probWait).toBeCloseTo(blocked, 6);
      expect(m.serviceLevel).toBeCloseTo(1 - blocked, 6);
    }
  });

  it("matches the definition computed directly (products and uniformization) on small queues", () => {
    const cases = [
      { calls: 100, n: 12, patience: 60, answer: 20 },
      { calls: 100, n: 9, patience: 60, answer: 20 },
      { calls: 40, n: 3, patience: 30, answer: 30 },
      { calls: 250, n: 24, patience: 300, answer: 15 },
      { calls: 100, n: 11, patience: 120, answer: 0 },
      { calls: 60, n: 4, patience: 600, answer: 60 },
    ];
    for (const c of cases) {
      const i = { ...base, callsPerInterval: c.calls, answerSeconds: c.answer, patienceSeconds: c.patience };
      const m = erlangAMetrics(i, c.n);
      const r = reference(c.n, c.calls / 1800, 1 / 180, 1 / c.patience, c.answer);
      expect(m.probWait).toBeCloseTo(r.probWait, 10);
      expect(m.probAbandon).toBeCloseTo(r.probAbandon, 10);
      expect(m.avgWaitSeconds).toBeCloseTo(r.avgWait, 8);
      expect(m.serviceLevel).toBeCloseTo(r.serviceLevel, 8);
    }
  });

  it("tends to Erlang C as patience grows (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          callsPerInterval: fc.double({ min: 1, max: 3000, noNaN: true }),
          intervalSeconds: fc.constantFrom(900, 1800, 3600),
          ahtSeconds: fc.integer({ min: 30, max: 900 }),
          answerSeconds: fc.integer({ min: 0, max: 120 }),
          target: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
          shrinkage: fc.constant(0.3),
          maxOccupancy: fc.double({ min: 0.7, max: 1, noNaN: true }),
        }),
        (i) => {
          const c = solveStaffing(i);
          // At the Erlang C staffing level, every figure converges as patience grows.
          let previous = Number.POSITIVE_INFINITY;
          for (const factor of [1e2, 1e4, 1e7]) {
            const a = erlangAMetrics({ ...i, patienceSeconds: i.ahtSeconds * factor }, c.agents);
            const gap = Math.abs(a.serviceLevel - c.serviceLevel) + Math.abs(a.probWait - c.probWait);
            expect(gap).toBeLessThanOrEqual(previous + 1e-12);
            previous = gap;
            if (factor === 1e7) {
              // Near N = A convergence is slowest (the gap shrinks like 1/patience): 4 digits here.
              expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 3);
              expect(a.probWait).toBeCloseTo(c.probWait, 3);
              if (c.asaSeconds > 1e-6) expect(a.avgWaitSeconds / c.asaSeconds).toBeCloseTo(1, 3);
              else expect(a.avgWaitSeconds).toBeCloseTo(c.asaSeconds, 6);
              expect(a.probAbandon).toBeLessThan(1e-5);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("finds the smallest N a search upward from 1 finds, with abandonment as a constraint (property)", () => {
    fc.assert(
      fc.property(
        fc.record({
          callsPerInterval: fc.double({ min: 1, max: 600, noNaN: true }),
          ahtSeconds: fc.integer({ min: 30, max: 600 }),
          answerSeconds: fc.integer({ min: 0, max: 60 }),
          target: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
          maxOccupancy: fc.double({ min: 0.6, max: 1, noNaN: true }),
          patienceSeconds: fc.integer({ min: 5, max: 1200 }),
          maxAbandon: fc.option(fc.double({ min: 0.01, max: 0.2, noNaN: true }), { nil: undefined }),
        }),
        (p) => {
          const i = { ...base, ...p, intervalSeconds: 1800 };
          let n = 1;
          for (;;) {
            const m = erlangAMetrics(i, n);
            if (
              m.serviceLevel >= i.target &&
              m.occupancy <= i.maxOccupancy * (1 + 1e-9) &&
              (i.maxAbandon === undefined || m.probAbandon <= i.maxAbandon)
            )
              break;
            n++;
          }
          expect(solveErlangA(i).agents).toBe(n);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("stays finite and sensible at 10,000 Erlangs, and below the load (N < A is allowed)", () => {
    const calls = (10_000 * 1800) / 180;
    const t0 = performance.now();
    const r = solveErlangA({ ...base, callsPerInterval: calls, patienceSeconds: 60, maxOccupancy: 1 });
    const under = erlangAMetrics({ ...base, callsPerInterval: calls, patienceSeconds: 60 }, 5000);
    expect(performance.now() - t0).toBeLessThan(2000);
    for (const m of [r, under]) {
      for (const v of Object.values(m)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
      expect(m.probAbandon).toBeGreaterThanOrEqual(0);
      expect(m.probAbandon).toBeLessThanOrEqual(1);
    }
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    // Half the agents needed to carry the load: about half the callers give up (the fluid limit).
    expect(under.probAbandon).toBeCloseTo(0.5, 2);
    expect(under.avgWaitSeconds).toBeCloseTo(under.probAbandon * 60, 6);
  });

  it("agrees with a discrete-event simulation of callers who hang up", () => {
    // A seeded generator, so the test is repeatable.
    let seed = 12345;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const exp = (rate: number) => -Math.log(1 - rand()) / rate;
    const n = 6;
    const lambda = 1 / 25; // a call every 25 s
    const aht = 150;
    const patience = 90;
    const answer = 20;
    const mu = 1 / aht;
    const theta = 1 / patience;
    let now = 0;
    let busy = 0;
    const queue: number[] = []; // arrival times, first in first out
    let arrivals = 0;
    let abandoned = 0;
    let inTime = 0;
    const warmup = 2000;
    const total = 200_000;
    const started = performance.now();
    while (arrivals < total + warmup) {
      const rate = lambda + busy * mu + queue.length * theta;
      now += exp(rate);
      const u = rand() * rate;
      if (u < lambda) {
        arrivals++;
        const counted = arrivals > warmup;
        if (busy < n) {
          busy++;
          if (counted) inTime++;
        } else queue.push(counted ? now : -now - 1);
      } else if (u < lambda + busy * mu) {
        const next = queue.shift();
        if (next === undefined) busy--;
        else if (next >= 0 && now - next <= answer) inTime++;
      } else {
        // Every waiting caller hangs up at rate θ: one of them, at random.
        const [gone] = queue.splice(Math.floor(rand() * queue.length), 1);
        if (gone !== undefined && gone >= 0) abandoned++;
      }
    }
    expect(performance.now() - started).toBeLessThan(5000);
    const m = erlangAMetrics(
      {
        ...base,
        callsPerInterval: lambda * 3600,
        intervalSeconds: 3600,
        ahtSeconds: aht,
        answerSeconds: answer,
        patienceSeconds: patience,
      },
      n,
    );
    expect(Math.abs(abandoned / total - m.probAbandon)).toBeLessThan(0.006);
    expect(Math.abs(inTime / total - m.serviceLevel)).toBeLessThan(0.008);
  });
});
