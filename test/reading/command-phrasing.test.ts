import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

type Json = { inputs: { contactsPerMonth: number; talkSeconds: number } };

describe("sentences as teams type them, through /cc-estimate", () => {
  it("reads a lone duration beside a volume as the talk time, a range as its midpoint, and says so", async () => {
    const ctx = await testContext();
    const out = await dispatch("estimate", "300 calls a day, 4-5 minutes, open 8-6 weekdays", ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const json = out.result as Json;
    expect(json.inputs.talkSeconds).toBe(270);
    // 300 a day × 5 open days a week × 52.143 / 12.
    expect(json.inputs.contactsPerMonth).toBeCloseTo((300 * 5 * 52.143) / 12, 0);
    const all = await dispatch(
      "estimate",
      "300 calls a day, 4-5 minutes, open 8-6 weekdays assumptions=all",
      ctx,
    );
    expect(blocksToText(all.reply.blocks)).toMatch(/“4-5 minutes” read as the talk time/);
  });

  it("leaves two durations with no role unread rather than guess which is the talk time", async () => {
    const ctx = await testContext();
    const out = await dispatch("estimate", "12000 calls a month, 4 minutes, 2 minutes", ctx);
    expect(out.ok).toBe(false);
  });

  it("ignores punctuation after a filler word: `cost?`", async () => {
    const ctx = await testContext();
    const out = await dispatch("estimate", "12 000 cals a mnth, tlak 5 min, cost?", ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect((out.result as Json).inputs).toMatchObject({ contactsPerMonth: 12000, talkSeconds: 300 });
  });
});
