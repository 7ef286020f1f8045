import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCurrencyRates, toBase } from "../../src/core/vendors/currency.ts";

const write = (content: unknown): string => {
  const path = join(mkdtempSync(join(tmpdir(), "switchboard-rates-")), "rates.json");
  writeFileSync(path, JSON.stringify(content));
  return path;
};

const valid = {
  base: "USD",
  label: "Team rates",
  note: "Edited by hand.",
  rates: {
    USD: { name: "US dollar", usd: 1, asOf: "2026-11-01", source: "base" },
    MXN: { name: "Mexican peso", usd: 0.05, asOf: "2026-11-01", source: "our bank" },
  },
};

describe("currency rates file", () => {
  it("ships with a dated, labeled rate for every currency it lists", () => {
    const rates = loadCurrencyRates();
    expect(rates.rates.USD?.usd).toBe(1);
    for (const [code, r] of Object.entries(rates.rates)) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect(r.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.name.length).toBeGreaterThan(0);
      expect(r.source.length).toBeGreaterThan(0);
    }
  });

  it("covers the currencies quotes commonly come in, beyond the Americas and Europe", () => {
    const rates = loadCurrencyRates();
    for (const code of ["JPY", "CHF", "SEK", "SGD", "CNY", "AED", "TRY", "CLP", "ARS", "PEN"])
      expect(rates.rates[code], code).toBeDefined();
    // 600,000 JPY at the file's own rate, checked against the file rather than a copied figure.
    expect(toBase(600000, "JPY", rates)).toBeCloseTo(600000 * (rates.rates.JPY?.usd ?? Number.NaN), 6);
  });

  it("reads an edited file and converts with its rates", () => {
    const rates = loadCurrencyRates(write(valid));
    // 20,000 MXN × 0.05 = $1,000.
    expect(toBase(20000, "MXN", rates)).toBeCloseTo(1000, 9);
  });

  it("rejects a broken file naming the file and the entry at fault", () => {
    const path = write({
      ...valid,
      rates: { ...valid.rates, MXN: { ...valid.rates.MXN, asOf: "last week" } },
    });
    expect(() => loadCurrencyRates(path)).toThrow(new RegExp(`${path}.*rates\\.MXN\\.asOf`));
    expect(() => loadCurrencyRates(join(tmpdir(), "no-such-rates.json"))).toThrow(
      /Cannot read the currency rates file/,
    );
  });
});
