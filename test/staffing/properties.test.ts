import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactCeil } from "../../src/core/staffing/ceil.ts";
import { erlangB, erlangCFromB, serviceLevel } from "../../src/core/staffing/erlang.ts";
import { type StaffingInput, solveStaffing } from "../../src/core/staffing/solve.ts";

const input = fc.record({
  callsPerInterval: fc.double({ min: 0.1, max: 5000, noNaN: true }),
  intervalSeconds: fc.constantFrom(900, 1800, 3600),
  ahtSeconds: fc.integer({ min: 10, max: 1200 }),
  answerSeconds: fc.integer({ min: 0, max: 120 }),
  target: fc.double({ min: 0.05, max: 0.99, noNaN: true }),
  shrinkage: fc.double({ min: 0, max: 0.6, noNaN: true }),
  maxOccupancy: fc.double({ min: 0.5, max: 1, noNaN: true }),
});

/**
 * The definition, applied literally: recompute B(N) from B(0) for every N from floor(A) + 1 upward
 * (no shortcuts, no starting point) and take the max with the occupancy ceiling.
 */
function bySearchFromScratch(i: StaffingInput): number {
  const a = (i.callsPerInterval * i.ahtSeconds) / i.intervalSeconds;
  let n = Math.floor(a) + 1;
  for (;;) {
    const pw = erlangCFromB(n, a, erlangB(n, a));
    if (serviceLevel(pw, n, a, i.answerSeconds, i.ahtSeconds) >= i.target) break;
    n++;
  }
  return Math.max(n, exactCeil(a / i.maxOccupancy));
}

describe("staffing properties", () => {
  it("finds exactly the N the definition gives (search from floor(A) + 1, B from scratch)", () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(solveStaffing(i).agents).toBe(bySearchFromScratch(i));
      }),
      { numRuns: 300 },
    );
  });

  it("more calls never need fewer agents", () => {
    fc.assert(
      fc.property(input, fc.double({ min: 1, max: 3, noNaN: true }), (i, k) => {
        const more = { ...i, callsPerInterval: i.callsPerInterval * k };
        expect(solveStaffing(more).agents).toBeGreaterThanOrEqual(solveStaffing(i).agents);
      }),
      { numRuns: 200 },
    );
  });

  it("a higher target never needs fewer agents", () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 0.5, noNaN: true }), (i, dt) => {
        const higher = { ...i, target: Math.min(0.999, i.target + dt) };
        expect(solveStaffing(higher).agents).toBeGreaterThanOrEqual(solveStaffing(i).agents);
      }),
      { numRuns: 200 },
    );
  });

  it("service level rises with every agent added above the traffic", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 2000, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        (a, t) => {
          let prev = -1;
          let b = erlangB(Math.floor(a), a);
          for (let n = Math.floor(a) + 1; n <= Math.floor(a) + 60; n++) {
            b = (a * b) / (n + a * b);
            const sl = serviceLevel(erlangCFromB(n, a, b), n, a, t, 180);
            expect(sl).toBeGreaterThanOrEqual(prev);
            prev = sl;
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("scheduled headcount is never below productive agents, and meets the service level it reports", () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = solveStaffing(i);
        expect(r.scheduledAgents).toBeGreaterThanOrEqual(r.agents);
        expect(r.scheduledAgents * (1 - i.shrinkage)).toBeGreaterThanOrEqual(r.agents * (1 - 1e-9) - 1e-12);
        expect((r.scheduledAgents - 1) * (1 - i.shrinkage)).toBeLessThan(r.agents);
        expect(r.serviceLevel).toBeGreaterThanOrEqual(i.target);
        // Ceilings treat a quotient within a relative 1e-9 of an integer as that integer (see ceil.ts).
        expect(r.occupancy).toBeLessThanOrEqual(i.maxOccupancy * (1 + 1e-9));
        expect(r.agents).toBeGreaterThan(r.trafficErlangs);
      }),
      { numRuns: 200 },
    );
  });

  it("shrinkage changes the headcount, never the queue", () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 0.9, noNaN: true }), (i, s) => {
        const a = solveStaffing(i);
        const b = solveStaffing({ ...i, shrinkage: s });
        expect(b.agents).toBe(a.agents);
        expect(b.serviceLevel).toBe(a.serviceLevel);
      }),
      { numRuns: 100 },
    );
  });
});
