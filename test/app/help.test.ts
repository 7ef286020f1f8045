import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { COMMANDS } from "../../src/commands/registry.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

describe("help", () => {
  it.each(COMMANDS.map((c) => c.name))("/cc-%s help is an answer, not an error", async (name) => {
    const ctx = await testContext();
    const out = await dispatch(name, "help", ctx);
    expect(out.ok).toBe(true);
    const text = blocksToText(out.reply.blocks);
    expect(text).toContain(`/cc-${name}`);
    expect(text.length).toBeGreaterThan(200);
    await ctx.db.close();
  });
});
