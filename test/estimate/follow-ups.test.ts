import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { adviseCommand } from "../../src/commands/advise.ts";
import { estimateCommand } from "../../src/commands/estimate.ts";
import { vendorCommand } from "../../src/commands/vendor.ts";
import { decodeCommandValue } from "../../src/render/buttons.ts";
import { testContext } from "../helpers/context.ts";

const buttons = (blocks: KnownBlock[]) =>
  blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])).filter((e) => e.type === "button");

const byLabel = (blocks: KnownBlock[], label: string) => {
  const b = buttons(blocks).find((x) => x.type === "button" && x.text.text === label);
  return b?.type === "button" ? decodeCommandValue(b.value) : undefined;
};

describe("/cc-estimate and the saved profile", () => {
  it("with no text estimates the saved profile, and says so", async () => {
    const ctx = await testContext();
    await adviseCommand.run("volume=3000 talk=4m wrap=1m hours=24/7", ctx);
    const run = await estimateCommand.run("", ctx);
    const result = run.result as {
      inputs: {
        contactsPerMonth: number;
        talkSeconds: number;
        wrapSeconds: number;
        hours: { label: string };
      };
    };
    expect(result.inputs.contactsPerMonth).toBe(3000);
    expect(result.inputs.talkSeconds).toBe(240);
    expect(result.inputs.wrapSeconds).toBe(60);
    expect(result.inputs.hours.label).toBe("24/7");
    expect(JSON.stringify(run.reply.blocks)).toContain("saved profile");
    await ctx.db.close();
  });

  it("with no text and no profile asks for the volume with an example", async () => {
    const ctx = await testContext();
    await expect(estimateCommand.run("", ctx)).rejects.toThrow(/volume|contacts/i);
    await ctx.db.close();
  });

  it("opens its form prefilled from the saved profile, or from the estimate being changed", async () => {
    const ctx = await testContext();
    await adviseCommand.run("volume=3000 talk=4m hours=24/7", ctx);
    const initial = (form: Awaited<ReturnType<NonNullable<typeof estimateCommand.form>>>, key: string) =>
      form?.fields.find((f) => f.key === key)?.initial;
    const fromProfile = await estimateCommand.form?.("", ctx);
    expect(initial(fromProfile, "contacts")).toBe("3000");
    expect(initial(fromProfile, "talk-min")).toBe("4");
    expect(initial(fromProfile, "hours")).toBe("24/7");
    const fromEdit = await estimateCommand.form?.("edit contacts=800 talk=6m hours=12x6 billing=6s", ctx);
    expect(initial(fromEdit, "contacts")).toBe("800");
    expect(initial(fromEdit, "talk-min")).toBe("6");
    expect(initial(fromEdit, "hours")).toBe("12x6");
    expect(initial(fromEdit, "billing")).toBe("6s");
    expect(await estimateCommand.form?.("contacts=800 talk=6m", ctx)).toBeUndefined();
    await ctx.db.close();
  });

  it("offers buttons whose command lines really save the profile and open the comparison", async () => {
    const ctx = await testContext();
    const run = await estimateCommand.run("contacts=7000 talk=5m wrap=1m hold=30s hours=24/7", ctx);
    const save = byLabel(run.reply.blocks, "Save as profile");
    const compare = byLabel(run.reply.blocks, "Compare vendors");
    expect(save?.c).toBe("advise");
    expect(compare?.c).toBe("vendor");
    await adviseCommand.run(save?.t ?? "", ctx);
    const profile = (await ctx.db.read(ctx.workspace)).profile as Record<string, unknown>;
    expect(profile).toMatchObject({ volume: 7000, talk: 5, wrap: 1, hold: 0.5, hours: "24/7" });
    await vendorCommand.run("add name=Acme rate=0.95/min billing=60s", ctx);
    const cmp = await vendorCommand.run(compare?.t ?? "", ctx);
    expect((cmp.result as { profile: { volume: number } }).profile.volume).toBe(7000);
    await ctx.db.close();
  });
});

describe("/cc-staffing change inputs", () => {
  it("offers a form prefilled with the calculation shown", async () => {
    const { staffingCommand } = await import("../../src/commands/staffing.ts");
    const ctx = await testContext();
    const run = await staffingCommand.run("calls=100 interval=30m aht=3m answer=20s target=80%", ctx);
    const change = buttons(run.reply.blocks).find(
      (b) => b.type === "button" && b.text.text === "Change inputs",
    );
    const value = change?.type === "button" ? decodeCommandValue(change.value) : undefined;
    expect(value?.c).toBe("staffing");
    const form = await staffingCommand.form?.(value?.t ?? "", ctx);
    const initial = (key: string) => form?.fields.find((f) => f.key === key)?.initial;
    expect(initial("calls")).toBe("100");
    expect(initial("interval-min")).toBe("30");
    expect(initial("aht-sec")).toBe("180");
    expect(initial("target")).toBe("80");
    await ctx.db.close();
  });
});
