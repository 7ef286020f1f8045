import { describe, expect, it } from "vitest";
import { formatPair, splitList, tokenize } from "../../src/core/parse/kv.ts";
import {
  parseCount,
  parseDuration,
  parseMoney,
  parseNumber,
  parseRate,
  parseYesNo,
} from "../../src/core/parse/units.ts";

describe("tokenize", () => {
  it("separates key=value pairs from free words, normalizing keys", () => {
    const t = tokenize("add Name=Acme max_occupancy=85% some words");
    expect(t.pairs).toEqual([
      { key: "name", value: "Acme", raw: "Name" },
      { key: "max-occupancy", value: "85%", raw: "max_occupancy" },
    ]);
    expect(t.words).toEqual(["add", "some", "words"]);
  });

  it("reads quoted values, with straight or curly quotes as Slack sends them", () => {
    expect(tokenize('name="Acme Corp" x=1').pairs[0]?.value).toBe("Acme Corp");
    expect(tokenize("name=“Acme Corp” x=1").pairs[0]?.value).toBe("Acme Corp");
    expect(tokenize("note='call me' x=1").pairs[0]?.value).toBe("call me");
  });

  it("round-trips values through formatPair", () => {
    for (const v of ["Acme", "Acme Corp", "a,b", ""]) {
      const [pair] = tokenize(formatPair("name", v)).pairs;
      expect(pair?.value).toBe(v);
    }
  });

  it("splits lists on commas and semicolons", () => {
    expect(splitList("en, es;fr,,")).toEqual(["en", "es", "fr"]);
  });
});

describe("units", () => {
  it("reads numbers with thousands separators and rejects junk", () => {
    expect(parseNumber("12,000")).toBe(12000);
    expect(parseNumber("1.5")).toBe(1.5);
    // A comma before one or two digits cannot group thousands: it is a decimal comma (1,5 is 1.5).
    expect(parseNumber("12,00")).toBe(12);
    expect(parseNumber("1,5")).toBe(1.5);
    expect(parseNumber("12 000")).toBe(12000);
    // Twelve or twelve thousand: not read here, the commands ask.
    expect(parseNumber("12.000")).toBeUndefined();
    expect(parseNumber("12.000", "ro-RO")).toBe(12000);
    expect(parseNumber("1,2,3")).toBeUndefined();
    expect(parseNumber("1e9")).toBeUndefined();
    expect(parseNumber("abc")).toBeUndefined();
  });

  it("reads counts with k and million", () => {
    expect(parseCount("12k")).toBe(12000);
    expect(parseCount("1.2m")).toBe(1_200_000);
    expect(parseCount("3 thousand")).toBe(3000);
    expect(parseCount("many")).toBeUndefined();
  });

  it("reads durations in seconds", () => {
    expect(parseDuration("30s")).toBe(30);
    expect(parseDuration("5m")).toBe(300);
    expect(parseDuration("5 min")).toBe(300);
    expect(parseDuration("1h30m")).toBe(5400);
    expect(parseDuration("1:30")).toBe(90);
    expect(parseDuration("3", "m")).toBe(180);
    expect(parseDuration("5 parsecs")).toBeUndefined();
    expect(parseDuration("-5m")).toBeUndefined();
    expect(parseDuration("5m garbage")).toBeUndefined();
  });

  it("reads rates as fractions", () => {
    expect(parseRate("80%")).toBeCloseTo(0.8);
    expect(parseRate("0.8")).toBeCloseTo(0.8);
    expect(parseRate("80")).toBeCloseTo(0.8);
    expect(parseRate("eighty")).toBeUndefined();
  });

  it("reads yes/no and money", () => {
    expect(parseYesNo("Yes")).toBe(true);
    expect(parseYesNo("off")).toBe(false);
    expect(parseYesNo("maybe")).toBeUndefined();
    expect(parseMoney("$0.95")).toEqual({ amount: 0.95, currency: "USD" });
    expect(parseMoney("1,500 EUR")).toEqual({ amount: 1500, currency: "EUR" });
    expect(parseMoney("30")).toEqual({ amount: 30 });
    expect(parseMoney("cheap")).toBeUndefined();
  });
});
