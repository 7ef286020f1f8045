import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedBilledMinutes } from "../../src/core/estimate/billing.ts";

/**
 * An independent computation: sum over k of k·h·P((k−1)·h < X ≤ k·h) for X exponential with mean m,
 * until the tail is negligible.
 */
function billedBySum(m: number, h: number): number {
  let total = 0;
  for (let k = 1; k < 1_000_000; k++) {
    const p = Math.exp((-(k - 1) * h) / m) - Math.exp((-k * h) / m);
    total += k * h * p;
    if (Math.exp((-k * h) / m) * (k + m / h + 1) * h < 1e-13) break;
  }
  return total;
}

describe("expected billed minutes with an increment", () => {
  it("matches a hand-worked case: 5-minute mean, per-minute billing → 1/(1 − e^−0.2) = 5.5167", () => {
    expect(expectedBilledMinutes(5, 1)).toBeCloseTo(5.5167, 4);
  });

  it("agrees with summing the rounded lengths directly", () => {
    for (const [m, h] of [
      [5, 1],
      [6, 1],
      [3.5, 0.1],
      [0.5, 1],
      [12, 0.5],
      [2, 1 / 60],
    ] as const) {
      expect(expectedBilledMinutes(m, h)).toBeCloseTo(billedBySum(m, h), 9);
    }
  });

  it("per-second billing of a 5-minute contact adds about half a second", () => {
    const extraSeconds = (expectedBilledMinutes(5, 1 / 60) - 5) * 60;
    expect(extraSeconds).toBeCloseTo(0.5, 2);
  });

  it("is never below the unrounded minutes, and rises with the increment", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 120, noNaN: true }),
        fc.double({ min: 1 / 60, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (m, h, k) => {
          const billed = expectedBilledMinutes(m, h);
          expect(billed).toBeGreaterThanOrEqual(m);
          expect(billed).toBeGreaterThanOrEqual(h);
          // A relative 1e-12 allows for float rounding when k is within a hair of 1.
          expect(expectedBilledMinutes(m, h * k)).toBeGreaterThanOrEqual(billed * (1 - 1e-12));
        },
      ),
    );
  });

  it("stays finite and exact-ish for tiny increments and long calls", () => {
    expect(expectedBilledMinutes(240, 1e-9)).toBeCloseTo(240, 6);
    expect(expectedBilledMinutes(0, 1)).toBe(0);
  });
});
