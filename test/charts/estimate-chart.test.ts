import { describe, expect, it } from "vitest";
import { estimateCommand } from "../../src/commands/estimate.ts";
import { pngSize } from "../../src/render/charts/index.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

describe("/cc-estimate chart", () => {
  it("offers a chart button, and `chart` attaches a 900×500 PNG of cost against volume", async () => {
    const ctx = await testContext();
    const plain = await estimateCommand.run("12000 calls a month, talk 5m", ctx);
    expect(plain.reply.files ?? []).toHaveLength(0);
    expect(blocksToText(plain.reply.blocks)).toContain(
      "Cost chart: /cc-estimate 12000 calls a month, talk 5m chart",
    );

    const charted = await estimateCommand.run("12000 calls a month, talk 5m chart", ctx);
    const file = charted.reply.files?.[0];
    expect(file?.filename).toBe("cost-vs-volume.png");
    expect(pngSize(file?.content as Buffer)).toEqual({ width: 900, height: 500 });
    // The chart changes nothing in the estimate itself.
    expect((charted.result as { shared: unknown }).shared).toEqual(
      (plain.result as { shared: unknown }).shared,
    );
    await ctx.db.close();
  });
});
