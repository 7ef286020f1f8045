import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPricing, PRICING } from "../../src/core/estimate/pricing.ts";

const tempFile = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "pricing-")), "pricing.json");
  writeFileSync(path, content);
  return path;
};

describe("data/pricing.json", () => {
  it("holds the guide's ranges", () => {
    expect(PRICING.shared.perMinute).toEqual({ low: 0.7, high: 1.25 });
    expect(PRICING.dedicated.perAgentHour).toEqual({ low: 25, high: 35 });
    expect(PRICING.shared.source).toBe("guide");
    expect(PRICING.dedicated.source).toBe("guide");
  });

  it("labels every figure the guide does not give as an assumption", () => {
    expect(PRICING.semiDedicated.source).toBe("assumption");
    expect(PRICING.recommendation.source).toBe("assumption");
    for (const p of Object.values(PRICING.premiums)) {
      expect(p.source).toBe("assumption");
      expect(p.note).toMatch(/no figure/);
    }
  });

  it("rejects a broken file with a message naming the file and the field", () => {
    const good = JSON.parse(readFileSync(new URL("../../data/pricing.json", import.meta.url), "utf8"));
    const bad = { ...good, shared: { ...good.shared, perMinute: { low: 2, high: 1 } } };
    const path = tempFile(JSON.stringify(bad));
    expect(() => loadPricing(path)).toThrow(path);
    expect(() => loadPricing(path)).toThrow(/shared\.perMinute/);
    const typo = tempFile(
      JSON.stringify({ ...good, premiums: { ...good.premiums, weekend: good.premiums.licensed } }),
    );
    expect(() => loadPricing(typo)).toThrow(/premiums/);
    expect(() => loadPricing(tempFile("{ not json"))).toThrow(/Cannot read the pricing file/);
  });
});
