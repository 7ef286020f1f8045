import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { testContext } from "../helpers/context.ts";

describe("long questions", () => {
  it("/cc-ask answers a 5,000-character question from its beginning instead of refusing it", async () => {
    const ctx = await testContext();
    const out = await dispatch("ask", "what does shrinkage mean? ".repeat(200), ctx);
    if (!out.ok) throw new Error(out.reply.text);
    expect((out.result as { intent: string }).intent).toBe("knowledge");
    await ctx.db.close();
  });

  it("other commands still refuse text over the limit, saying how long it was", async () => {
    const ctx = await testContext();
    const out = await dispatch("estimate", "x".repeat(5000), ctx);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/5,000 characters/);
    await ctx.db.close();
  });
});

describe("long descriptions", () => {
  it("/cc-advise refuses 5,000 characters but says which facts it understood, and saves nothing", async () => {
    const ctx = await testContext();
    const text = `We are a 40-person shop with about 2,000 calls a month and need Spanish. ${"lorem ipsum dolor ".repeat(280)}`;
    const out = await dispatch("advise", text, ctx);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/4,000/);
    expect(JSON.stringify(out.reply.blocks)).toMatch(/volume=2,000/);
    expect((await ctx.db.read(ctx.workspace)).profile).toBeUndefined();
    await ctx.db.close();
  });
});
