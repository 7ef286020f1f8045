import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

describe("numbers in replies follow the locale of the person who asked", () => {
  it("groups thousands and marks decimals the user's way, the same in every figure", async () => {
    const text = "12000 calls a month, talk 5m";
    const us = blocksToText(
      (await dispatch("estimate", text, await testContext({ locale: "en-US" }))).reply.blocks,
    );
    const de = blocksToText(
      (await dispatch("estimate", text, await testContext({ locale: "de-DE" }))).reply.blocks,
    );
    expect(us).toContain("12,000 contacts");
    expect(de).toContain("12.000 contacts");
    // Money too, not only counts: no en-US grouping left in the German reply's cost lines.
    const money = (t: string) => t.match(/\$\d{1,3}(?:[.,]\d{3})+/g) ?? [];
    expect(money(us).length).toBeGreaterThan(0);
    expect(money(us).every((m) => m.includes(","))).toBe(true);
    expect(money(de).every((m) => m.includes("."))).toBe(true);
  });

  it("an unknown or undetermined locale reads like en-US", async () => {
    const out = await dispatch(
      "estimate",
      "12000 calls a month, talk 5m",
      await testContext({ locale: "und" }),
    );
    expect(blocksToText(out.reply.blocks)).toContain("12,000 contacts");
  });

  it("percentages keep at most one decimal and drop trailing zeros in either mark", async () => {
    const de = await dispatch(
      "staffing",
      "calls=100 interval=30m aht=3m",
      await testContext({ locale: "de-DE" }),
    );
    const t = blocksToText(de.reply.blocks);
    expect(t).toContain("88,8%");
    expect(t).not.toMatch(/\d,\d0%/);
  });
});
