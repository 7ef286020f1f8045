import { describe, expect, it } from "vitest";
import { exactCeil, scheduledAgents } from "../../src/core/staffing/ceil.ts";
import { erlangB, erlangC, queueMetrics } from "../../src/core/staffing/erlang.ts";
import { type StaffingInput, solveStaffing } from "../../src/core/staffing/solve.ts";
import { exactErlangB, exactErlangC, toFloat } from "./reference.ts";

const base: StaffingInput = {
  callsPerInterval: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  answerSeconds: 20,
  target: 0.8,
  shrinkage: 0.3,
  maxOccupancy: 0.85,
};

describe("Erlang B and C against figures worked by hand", () => {
  it("B(1, 1) = 1/2 and B(3, 2) = 4/19", () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 15);
    expect(erlangB(3, 2)).toBeCloseTo(4 / 19, 15);
  });

  it("C(2, 1) = 1/3 (M/M/2 at 50% load) and C(3, 2) = 4/9", () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 15);
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 15);
  });

  it("B(10, 10) matches the published table value 0.2146", () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
  });

  it("agrees with an exact rational (BigInt) implementation for N up to 60", () => {
    const traffics: Array<[bigint, bigint]> = [
      [1n, 10n],
      [7n, 2n],
      [10n, 1n],
      [253n, 10n],
      [48n, 1n],
    ];
    for (const [p, q] of traffics) {
      const a = Number(p) / Number(q);
      for (let n = 1; n <= 60; n++) {
        const exact = toFloat(exactErlangB(n, p, q));
        expect(Math.abs(erlangB(n, a) - exact)).toBeLessThanOrEqual(1e-13 * Math.max(exact, 1e-300));
        if (n > a) {
          const c = exactErlangC(n, p, q);
          expect(Math.abs(erlangC(n, a) - c)).toBeLessThanOrEqual(1e-12 * c + 1e-300);
        }
      }
    }
  });
});

describe("solveStaffing", () => {
  it("reproduces the well-known worked example: 14 agents, 20 scheduled", () => {
    const r = solveStaffing(base);
    expect(r.trafficErlangs).toBe(10);
    expect(r.agents).toBe(14);
    expect(r.scheduledAgents).toBe(20);
    expect(r.serviceLevel).toBeCloseTo(0.888, 3);
    expect(r.probWait).toBeCloseTo(0.174, 3);
    expect(r.asaSeconds).toBeCloseTo(7.8, 1);
    expect(r.occupancy).toBeCloseTo(10 / 14, 12);
    expect(r.bindingConstraint).toBe("service_level");
    // One agent fewer misses the target: that is what makes 14 the answer.
    const c13 = exactErlangC(13, 10n, 1n);
    expect(1 - c13 * Math.exp((-(13 - 10) * 20) / 180)).toBeLessThan(0.8);
  });

  it("reports P(wait > 5 min) as P(wait)·e^(−(N − A)·300 / AHT)", () => {
    const r = solveStaffing(base);
    expect(r.probWaitOver5Min).toBeCloseTo(exactErlangC(14, 10n, 1n) * Math.exp(-(4 * 300) / 180), 12);
  });

  it("lets the occupancy limit bind when the service level alone needs fewer agents", () => {
    // 100 Erlangs: the service level is met well below ceil(100 / 0.85) = 118 agents.
    const r = solveStaffing({ ...base, callsPerInterval: 1000 });
    expect(r.trafficErlangs).toBe(100);
    expect(r.agents).toBe(118);
    expect(r.bindingConstraint).toBe("occupancy");
    expect(r.occupancy).toBeLessThanOrEqual(0.85);
    expect(r.scheduledAgents).toBe(Math.ceil(118 / 0.7));
  });

  it("allows occupancy exactly at the maximum (17 Erlangs at 85% needs 20, not 21)", () => {
    const r = solveStaffing({ ...base, callsPerInterval: 170, target: 0.01, answerSeconds: 0 });
    expect(r.trafficErlangs).toBe(17);
    expect(r.agents).toBe(20);
    expect(r.occupancy).toBeCloseTo(0.85, 12);
  });

  it("never returns N ≤ A, even when the target is tiny", () => {
    const r = solveStaffing({ ...base, callsPerInterval: 100, target: 0.001, maxOccupancy: 1 });
    expect(r.agents).toBe(11);
    expect(r.agents).toBeGreaterThan(r.trafficErlangs);
  });

  it("sizes 10,000 Erlangs and about 100,000 agents with finite figures", () => {
    const big = solveStaffing({ ...base, callsPerInterval: 100_000, maxOccupancy: 1 });
    expect(big.trafficErlangs).toBe(10_000);
    expect(big.agents).toBeGreaterThan(10_000);
    expect(big.agents).toBeLessThan(10_200);
    const huge = solveStaffing({ ...base, callsPerInterval: 950_000, maxOccupancy: 0.95 });
    expect(huge.agents).toBe(100_000);
    for (const r of [big, huge]) {
      for (const v of [r.serviceLevel, r.probWait, r.asaSeconds, r.occupancy, r.probWaitOver5Min]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(r.serviceLevel).toBeLessThanOrEqual(1);
    }
    expect(Number.isFinite(erlangB(100_000, 99_000))).toBe(true);
    expect(erlangB(100_000, 99_000)).toBeGreaterThan(0);
  });

  it("keeps metrics sane where B underflows (far more agents than traffic)", () => {
    const m = queueMetrics(5000, 10, erlangB(5000, 10), 180, 20);
    expect(m.probWait).toBe(0);
    expect(m.serviceLevel).toBe(1);
    expect(m.asaSeconds).toBe(0);
  });

  it.each([
    ["shrinkage", { shrinkage: 1 }],
    ["shrinkage", { shrinkage: -0.1 }],
    ["target", { target: 1 }],
    ["target", { target: 0 }],
    ["max-occupancy", { maxOccupancy: 0 }],
    ["max-occupancy", { maxOccupancy: 1.2 }],
    ["aht", { ahtSeconds: 0 }],
    ["interval", { intervalSeconds: 0 }],
    ["calls", { callsPerInterval: -1 }],
    ["calls", { callsPerInterval: Number.NaN }],
    ["calls", { callsPerInterval: 1e9 }],
  ])("rejects an impossible %s with a message naming it", (field, patch) => {
    try {
      solveStaffing({ ...base, ...patch });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).name).toBe("UserInputError");
      expect((err as { field?: string }).field).toBe(field);
    }
  });
});

describe("exact ceilings", () => {
  it("schedules 30 people for 21 agents at 30% shrinkage (21 / 0.7 is 30.000000000000004 in float64)", () => {
    expect(21 / (1 - 0.3)).toBeGreaterThan(30);
    expect(scheduledAgents(21, 0.3)).toBe(30);
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(7, 0.3)).toBe(10);
  });

  it("still rounds up real fractions", () => {
    expect(exactCeil(30.1)).toBe(31);
    expect(exactCeil(30.0001)).toBe(31);
    expect(scheduledAgents(15, 0.3)).toBe(22); // 21.43
    expect(scheduledAgents(10, 0)).toBe(10);
  });

  it("is exact for every agent count up to 2,000 at common shrinkages", () => {
    for (const pct of [10, 20, 25, 30, 35, 40, 50]) {
      for (let n = 1; n <= 2000; n++) {
        // Integer arithmetic: ceil(n·100 / (100 − pct)).
        const expected = Math.floor((n * 100 + (100 - pct) - 1) / (100 - pct));
        expect(scheduledAgents(n, pct / 100)).toBe(expected);
      }
    }
  });
});
