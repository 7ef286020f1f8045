import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { localeFromEnv, takeLocaleFlag } from "../../src/local/session.ts";
import { decodeCommandValue } from "../../src/render/buttons.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

/** The misreadings the reading layer was built to end, each through the real command. */
const buttonsOf = (blocks: unknown[]): Array<{ c: string; t: string; label: string }> =>
  blocks.flatMap((b) => {
    const block = b as { type: string; elements?: Array<{ value?: string; text?: { text: string } }> };
    if (block.type !== "actions") return [];
    return (block.elements ?? []).flatMap((e) => {
      const v = decodeCommandValue(e.value);
      return v ? [{ ...v, label: e.text?.text ?? "" }] : [];
    });
  });

describe("numbers by locale", () => {
  it("asks about 12.000 from an English locale, with a button for each reading", async () => {
    const ctx = await testContext({ locale: "en-US" });
    const out = await dispatch("estimate", "12.000 calls per month, talk 5m", ctx);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/12,000 or 12/);
    const buttons = buttonsOf(out.reply.blocks);
    expect(buttons.map((b) => b.t)).toEqual([
      "12000 calls per month, talk 5m",
      "12 calls per month, talk 5m",
    ]);
    expect(buttons.every((b) => b.c === "estimate")).toBe(true);
    // The console and the CLI show the readings as the commands to type.
    expect(blocksToText(out.reply.blocks)).toContain("/cc-estimate 12000 calls per month, talk 5m");
    // Each button's command runs.
    const chosen = await dispatch("estimate", buttons[0]?.t ?? "", ctx);
    expect(
      chosen.ok && (chosen.result as { inputs: { contactsPerMonth: number } }).inputs.contactsPerMonth,
    ).toBe(12000);
  });

  it("reads 12.000 as twelve thousand for a Romanian user, and 12 000 or 12k for anyone", async () => {
    const ro = await testContext({ locale: "ro-RO" });
    for (const [ctx, text] of [
      [ro, "12.000 calls per month, talk 5m"],
      [await testContext(), "12 000 calls per month, talk 5m"],
      [await testContext(), "contacts=12k talk=5m"],
    ] as const) {
      const out = await dispatch("estimate", text, ctx);
      expect(out.ok && (out.result as { inputs: { contactsPerMonth: number } }).inputs.contactsPerMonth).toBe(
        12000,
      );
    }
    const key = await dispatch("advise", "volume=12.000", await testContext());
    expect(key.ok).toBe(false);
    expect(buttonsOf(key.reply.blocks).map((b) => b.t)).toEqual(["volume=12000", "volume=12"]);
  });

  it("takes the locale from --locale or LANG on the console and the CLI", () => {
    expect(localeFromEnv({ LANG: "ro_RO.UTF-8" })).toBe("ro-RO");
    expect(localeFromEnv({ LANG: "C" })).toBe("und");
    expect(takeLocaleFlag(["estimate", "--locale", "de-DE", "12.000 calls"])).toEqual({
      argv: ["estimate", "12.000 calls"],
      locale: "de-DE",
    });
  });
});

describe("periods, negations and one day for every command", () => {
  it("never borrows a period from another clause", async () => {
    const out = await dispatch("advise", "about 5000 calls, and we grow 30% a year", await testContext());
    expect(out.ok && (out.result as { profile: Record<string, unknown> }).profile).toMatchObject({
      volume: 5000,
      growth: 30,
    });
    const daily = await dispatch(
      "advise",
      "1000 calls, 2 minutes each, we are open daily 9-5",
      await testContext(),
    );
    expect(daily.ok && (daily.result as { profile: Record<string, unknown> }).profile).toMatchObject({
      volume: 1000,
      talk: 2,
    });
  });

  it("keeps a negated or past fact off, wherever the negation is in the clause", async () => {
    const ctx = await testContext();
    const out = await dispatch(
      "advise",
      "2000 calls a month. Spanish isn't needed. French would be nice but not required. We used to take card payments but not anymore.",
      ctx,
    );
    expect(out.ok, out.reply.text).toBe(true);
    const profile = (out.ok ? out.result : {}) as { profile: { languages?: string[]; payments?: boolean } };
    expect(profile.profile.languages ?? []).not.toContain("es");
    expect(profile.profile.languages ?? []).not.toContain("fr");
    expect(profile.profile.payments).not.toBe(true);
  });

  it("says which words it did not use", async () => {
    const out = await dispatch("advise", "2000 calls a month, we love our customers", await testContext());
    expect(blocksToText(out.reply.blocks)).toMatch(
      /I did not use: 'love'|I did not use: 'love our customers'/,
    );
  });

  it("warns when a saved volume changes a thousandfold", async () => {
    const ctx = await testContext();
    await dispatch("advise", "volume=12000", ctx);
    const out = await dispatch("advise", "update volume=12", ctx);
    expect(blocksToText(out.reply.blocks)).toMatch(/1,000 times|thousandth/);
  });
});

describe("implausible values", () => {
  it.each([
    ["contacts=1000 talk=5m max-occupancy=1.2", "max-occupancy"],
    ["contacts=1000 talk=5m target=1.5", "target"],
    ["1000 calls a month, talk 5m, shrinkage 1.5", "shrinkage"],
    ["calls=100 aht=3m target=1.5", "target"],
  ])("refuses %s and names the accepted forms", async (text, field) => {
    const command = text.startsWith("calls=") ? "staffing" : "estimate";
    const out = await dispatch(command, text, await testContext());
    expect(out.ok).toBe(false);
    expect(!out.ok && out.kind).toBe("input");
    expect(!out.ok && out.kind === "input" ? out.error.field : undefined).toBe(field);
    expect(out.reply.text).toMatch(/percentage \(80%\) or a fraction from 0 to 1 \(0\.8\)/);
  });

  it.each([
    ["contacts=1000 talk=5m target=40%", /service-level target of 40%/],
    ["contacts=1000 talk=5m shrinkage=3%", /Shrinkage of 3%/],
    ["contacts=1000 talk=5m max-occupancy=40%", /maximum occupancy of 40%/],
    ["1000 calls a month, talk 5m, 20/80", /target first/],
  ])("computes %s but warns", async (text, warning) => {
    const out = await dispatch("estimate", text, await testContext());
    expect(out.ok, out.reply.text).toBe(true);
    expect(blocksToText(out.reply.blocks)).toMatch(warning);
  });

  it("asks whether notice=2m is minutes or months", async () => {
    const out = await dispatch(
      "contract",
      "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=2m",
      await testContext({ now: new Date("2026-06-01T10:00:00Z") }),
    );
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/minutes or months.*2mo/);
  });
});
