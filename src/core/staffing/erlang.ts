/**
 * Erlang B and Erlang C for a queue of N agents offered A Erlangs of traffic.
 *
 * Erlang B uses the stable recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)): every term is
 * positive, so rounding errors never grow, and no factorial or power is formed (they overflow float64
 * past about 170 agents). Stepping n upward costs one multiply, one add and one divide.
 */

/** Erlang B (blocking probability) for n agents, computed from B(0) = 1. O(n). */
export function erlangB(n: number, traffic: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) {
    const ab = traffic * b;
    b = ab / (k + ab);
  }
  return b;
}

/** One step of the recursion: B(n) from B(n−1). */
export const nextErlangB = (n: number, traffic: number, prev: number): number => {
  const ab = traffic * prev;
  return ab / (n + ab);
};

/**
 * Erlang C, the probability that a caller waits: P(wait) = N·B(N) / (N − A·(1 − B(N))).
 * Defined for N > A only (below that the queue grows without bound): returns 1 there.
 */
export const erlangCFromB = (n: number, traffic: number, b: number): number => {
  if (n <= traffic) return 1;
  const c = (n * b) / (n - traffic * (1 - b));
  // Rounding can push a value a hair outside [0, 1] when B is near 0 or 1.
  return Math.min(Math.max(c, 0), 1);
};

export const erlangC = (n: number, traffic: number): number => erlangCFromB(n, traffic, erlangB(n, traffic));

/** Share of callers who wait longer than `seconds`: P(wait)·e^(−(N − A)·t / AHT). */
export const probWaitLonger = (
  probWait: number,
  n: number,
  traffic: number,
  seconds: number,
  ahtSeconds: number,
): number => (n <= traffic ? 1 : probWait * Math.exp((-(n - traffic) * seconds) / ahtSeconds));

/** Service level: the share of callers answered within `answerSeconds`. */
export const serviceLevel = (
  probWait: number,
  n: number,
  traffic: number,
  answerSeconds: number,
  ahtSeconds: number,
): number => (n <= traffic ? 0 : 1 - probWaitLonger(probWait, n, traffic, answerSeconds, ahtSeconds));

/** Average speed of answer in seconds: P(wait)·AHT / (N − A). */
export const averageSpeedOfAnswer = (
  probWait: number,
  n: number,
  traffic: number,
  ahtSeconds: number,
): number => (n <= traffic ? Number.POSITIVE_INFINITY : (probWait * ahtSeconds) / (n - traffic));

/** The guide's threshold: about half of customers avoid a brand after waiting more than 5 minutes. */
export const LONG_WAIT_SECONDS = 300;

export interface QueueMetrics {
  agents: number;
  trafficErlangs: number;
  probWait: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  probWaitOver5Min: number;
}

/** Every queue figure at N agents, given B(N). */
export function queueMetrics(
  n: number,
  traffic: number,
  b: number,
  ahtSeconds: number,
  answerSeconds: number,
): QueueMetrics {
  const probWait = erlangCFromB(n, traffic, b);
  return {
    agents: n,
    trafficErlangs: traffic,
    probWait,
    serviceLevel: serviceLevel(probWait, n, traffic, answerSeconds, ahtSeconds),
    asaSeconds: averageSpeedOfAnswer(probWait, n, traffic, ahtSeconds),
    occupancy: n > 0 ? traffic / n : 0,
    probWaitOver5Min: probWaitLonger(probWait, n, traffic, LONG_WAIT_SECONDS, ahtSeconds),
  };
}
