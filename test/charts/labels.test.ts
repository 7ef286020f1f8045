import { describe, expect, it } from "vitest";
import { withNumberLocale } from "../../src/core/format/number.ts";
import { formatCount, formatMoney } from "../../src/render/charts/labels.ts";

describe("chart labels", () => {
  it("write amounts and counts in the reply's locale, like the text beside the chart", () => {
    expect(withNumberLocale("en-US", () => formatMoney(12345.4))).toBe("$12,345");
    expect(withNumberLocale("de-DE", () => formatMoney(12345.4))).toMatch(/^12\.345\s\$$/u);
    expect(withNumberLocale("fr-FR", () => formatCount(12345))).toMatch(/^12\s345$/u);
    expect(withNumberLocale("und", () => formatCount(12345))).toBe("12,345");
  });
});
