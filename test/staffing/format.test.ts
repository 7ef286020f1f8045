import { describe, expect, it } from "vitest";
import { duration, percent } from "../../src/render/staffing.ts";

describe("figures as people read them", () => {
  it("writes shares with at most one decimal, keeping tiny and near-certain ones visible instead of 0% or 100%", () => {
    expect(percent(0.8883)).toBe("88.8%");
    expect(percent(0.8)).toBe("80%");
    expect(percent(1)).toBe("100%");
    expect(percent(0.0062)).toBe("0.6%");
    expect(percent(0.000221)).toBe("< 0.1%");
    expect(percent(9e-38)).toBe("< 0.1%");
    expect(percent(0.9996)).toBe("> 99.9%");
    expect(percent(0.99999964)).toBe("> 99.9%");
    expect(percent(0.9994)).toBe("99.9%");
    expect(percent(0)).toBe("0%");
  });

  it("writes durations with units", () => {
    expect(duration(7.8359)).toBe("7.8 s");
    expect(duration(20)).toBe("20 s");
    expect(duration(180)).toBe("3 min");
    expect(duration(390)).toBe("6 min 30 s");
    expect(duration(5400)).toBe("1 h 30 min");
    expect(duration(0.0002)).toBe("< 0.1 s");
  });
});
