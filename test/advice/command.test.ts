import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AdviseJson, adviseCommand } from "../../src/commands/advise.ts";
import { parseAdviseInput, profileCommandText } from "../../src/core/advice/input.ts";
import {
  CHANNELS,
  HOURS,
  INBOUND,
  OUTBOUND,
  PATTERNS,
  type Profile,
  ProfileSchema,
  REGIONS,
} from "../../src/core/advice/profile.ts";
import { isUserInputError, type UserInputError } from "../../src/core/errors.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

const run = async (text: string, ctx: Awaited<ReturnType<typeof testContext>>) =>
  adviseCommand.run(text, ctx);

async function inputError(promise: Promise<unknown>): Promise<UserInputError> {
  try {
    await promise;
  } catch (err) {
    if (isUserInputError(err)) return err;
    throw err;
  }
  throw new Error("expected a UserInputError");
}

describe("/cc-advise", () => {
  it("advises on key=value facts, prints the --json shape and saves the profile", async () => {
    const ctx = await testContext();
    const { result, reply } = await run("volume=2000 pattern=inconsistent languages=en,es payments=yes", ctx);
    const json = result as AdviseJson;
    expect(json.profile).toEqual({
      volume: 2000,
      pattern: "inconsistent",
      languages: ["en", "es"],
      payments: true,
    });
    const pci = json.recommendations.find((r) => r.rule === "security/pci-dss-for-card-payments");
    expect(pci).toMatchObject({
      criterion: "security",
      severity: "must",
      title: "Card payments need PCI DSS compliance",
    });
    expect(pci?.askVendor.length).toBeGreaterThan(0);
    const agents = json.recommendations.find((r) => r.criterion === "agent-model" && r.choice);
    expect(agents?.choice).toBe("shared");
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual(json.profile);
    expect(reply.files?.[0]?.filename).toBe("vendor-questions.txt");
    expect(blocksToText(reply.blocks)).toContain("now saved as your profile");
  });

  it("shows the facts understood from free text", async () => {
    const ctx = await testContext();
    const { reply, result } = await run(
      "We're a 40-person online shop, about 2,000 calls and 500 emails a month, customers in the US and Mexico, we need Spanish and take card payments by phone",
      ctx,
    );
    const text = blocksToText(reply.blocks);
    expect(text).toContain("What I understood");
    expect(text).toContain("volume=2,500 from “2,000 calls + 500 emails a month”");
    expect(text).toContain("languages=Spanish");
    expect((result as AdviseJson).understood.map((u) => u.key)).toContain("payments");
  });

  it("replaces the saved profile with what was typed, and says which saved facts were dropped", async () => {
    const ctx = await testContext();
    await run("volume=2000 hours=24/7", ctx);
    const { result, reply } = await run("volume=3000", ctx);
    expect((result as AdviseJson).profile).toEqual({ volume: 3000 });
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual({ volume: 3000 });
    const shown = blocksToText(reply.blocks);
    // One fact typed, one dropped: singular words, as a person would write them.
    expect(shown).toContain("exactly what you typed (1 fact), now saved");
    expect(shown).toContain("also had hours, which was dropped");
    await run("volume=2000 hours=24/7 quotes=1", ctx);
    expect(blocksToText((await run("volume=1000", ctx)).reply.blocks)).toContain(
      "also had hours, quotes, which were dropped",
    );
  });

  it("update merges into the saved profile; update alone advises on it", async () => {
    const ctx = await testContext();
    await run("volume=2000 hours=24/7", ctx);
    const up = await run("update quotes=1 volume=2500", ctx);
    expect((up.result as AdviseJson).profile).toEqual({ volume: 2500, hours: "24/7", quotes: 1 });
    expect(blocksToText(up.reply.blocks)).toMatch(
      /saved profile with quotes, volume updated|saved profile with volume, quotes updated/,
    );
    const again = await run("update", ctx);
    expect((again.result as AdviseJson).basis).toBe("saved");
    expect((again.result as AdviseJson).profile).toEqual({ volume: 2500, hours: "24/7", quotes: 1 });
  });

  it("show and reset", async () => {
    const ctx = await testContext();
    expect(blocksToText((await run("show", ctx)).reply.blocks)).toContain("No profile saved yet");
    await run("volume=2000 languages=es", ctx);
    const shown = blocksToText((await run("show", ctx)).reply.blocks);
    expect(shown).toContain("volume=2,000");
    expect(shown).toContain("languages=Spanish");
    const reset = await run("reset", ctx);
    expect(blocksToText(reset.reply.blocks)).toContain("Your saved profile (2 facts) is forgotten.");
    expect((await ctx.db.read(ctx.workspace)).profile).toBeUndefined();
  });

  it("help lists every key with its description", async () => {
    const ctx = await testContext();
    const text = blocksToText((await run("help", ctx)).reply.blocks);
    expect(text).toContain("callback-hours: How many hours it takes to call customers back.");
    expect(text).toContain("in-house-agents:");
  });

  it("keeps each workspace's profile to itself", async () => {
    const a = await testContext({ workspace: { teamId: "T_A" } });
    const b = await testContext({ workspace: { teamId: "T_B" }, store: a.db });
    await run("volume=2000", a);
    await run("volume=9000 hours=24/7", b);
    expect((await a.db.read(a.workspace)).profile).toEqual({ volume: 2000 });
    expect((await b.db.read(b.workspace)).profile).toEqual({ volume: 9000, hours: "24/7" });
    expect(blocksToText((await run("show", a)).reply.blocks)).not.toContain("24/7");
    await run("reset", b);
    expect((await a.db.read(a.workspace)).profile).toEqual({ volume: 2000 });
  });
});

describe("bad input: a clear message, the facts understood, nothing saved", () => {
  const withSaved = async () => {
    const ctx = await testContext();
    await run("volume=1234", ctx);
    return ctx;
  };

  it("unknown keys are named, with a suggestion", async () => {
    const ctx = await withSaved();
    const e = await inputError(run("volum=2000 langs=es colour=blue", ctx));
    expect(e.message).toContain("`volum` (did you mean `volume`?)");
    expect(e.message).toContain("`colour`");
    expect(e.details.join(" ")).toContain("Understood so far: languages=Spanish.");
    expect(e.field).toBe("volum");
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual({ volume: 1234 });
  });

  it("a bad value names its key", async () => {
    const ctx = await withSaved();
    const e = await inputError(run("volume=lots hours=24/7", ctx));
    expect(e.message).toBe(
      '`volume` takes a whole number such as 2000 or 12k, not "lots". Nothing was saved.',
    );
    expect(e.field).toBe("volume");
    expect(e.details.join(" ")).toContain("hours=24/7");
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual({ volume: 1234 });
  });

  it("a fraction of a quote, site or person, or zero talk time, is refused", async () => {
    const ctx = await withSaved();
    // 2.5 rounded up would be 3 quotes, silently dropping the "shop around" advice.
    const e = await inputError(run("quotes=2.5", ctx));
    expect(e.field).toBe("quotes");
    expect(e.message).toContain('not "2.5"');
    expect((await inputError(run("sites=1.5", ctx))).field).toBe("sites");
    // Zero talk time would be saved and then refused by every vendor comparison.
    expect((await inputError(run("talk=0", ctx))).field).toBe("talk");
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual({ volume: 1234 });
    // A volume written with a suffix still rounds to whole contacts.
    const { result } = await run("volume=2.5k quotes=2", ctx);
    expect((result as AdviseJson).profile).toEqual({ volume: 2500, quotes: 2 });
  });

  it("knows languages beyond the phrase table by code or English name, and refuses a typo", async () => {
    const ctx = await withSaved();
    const { result, reply } = await run("languages=th,Swahili,fa", ctx);
    expect((result as AdviseJson).profile.languages).toEqual(["th", "sw", "fa"]);
    expect(blocksToText(reply.blocks)).toContain("Agents fluent in Thai, Swahili and Persian");
    const e = await inputError(run("languages=sp", ctx));
    expect(e.message).toContain('I don\'t know the language "sp"');
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual({ languages: ["th", "sw", "fa"] });
  });

  it("contradictory values are refused", async () => {
    const ctx = await withSaved();
    const twice = await inputError(run("hours=24/7 hours=business", ctx));
    expect(twice.message).toContain(
      "`hours` is given twice with different values: hours=24/7 and hours=business",
    );
    const more = await inputError(run("employees=10 in-house-agents=25", ctx));
    expect(more.message).toContain("in-house-agents=25 is more than your 10 employees");
    expect(more.details.join(" ")).toContain("employees=10");
    const pay = await inputError(run("payments=no inbound=payments,support", ctx));
    expect(pay.message).toContain("payments=no, but the incoming work includes payments");
    const text = await inputError(run("We take card payments by phone. We don't take card payments.", ctx));
    expect(text.message).toContain("two things about `payments`");
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual({ volume: 1234 });
  });

  it("5,000 characters of noise", async () => {
    const ctx = await withSaved();
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const inner = Array.from(
      { length: 4998 },
      () => "qxzjkvw #@!%^&*  0123456789"[Math.floor(rnd() * 27)],
    ).join("");
    const noise = `#${inner}#`;
    const long = await inputError(run(noise, ctx));
    expect(long.message).toContain("5,000 characters; I read at most 4,000");
    expect(long.details.join(" ")).toMatch(/Understood so far|could not read any fact/);
    const short = await inputError(run(noise.slice(0, 3000), ctx));
    expect(short.message).toContain("couldn't find any facts about your team");
    const noisyFacts = await inputError(run(`${noise.slice(0, 4500)} we need Spanish`, ctx));
    expect(noisyFacts.details.join(" ")).toContain("languages=Spanish");
    expect((await ctx.db.read(ctx.workspace)).profile).toEqual({ volume: 1234 });
  });
});

describe("the form", () => {
  it("opens only for empty text, prefilled with the saved profile", async () => {
    const ctx = await testContext();
    await run("volume=2000 languages=en,es payments=yes channels=voice,email hours=24/7", ctx);
    const form = await adviseCommand.form?.("", ctx);
    expect(form?.title.length).toBeLessThanOrEqual(24);
    const byKey = new Map(form?.fields.map((f) => [f.key, f]));
    expect(byKey.get("volume")?.initial).toBe("2000");
    expect(byKey.get("languages")?.initial).toBe("en, es");
    expect(byKey.get("payments")?.initial).toBe("yes");
    expect(byKey.get("channels")?.initial).toEqual(["voice", "email"]);
    expect(byKey.get("hours")?.initial).toBe("24/7");
    expect(byKey.get("pattern")?.initial).toBeUndefined();
    expect(form?.fields.every((f) => f.optional)).toBe(true);
    expect(await adviseCommand.form?.("volume=10", ctx)).toBeUndefined();
  });
});

describe("profile text round trip", () => {
  const profileArb: fc.Arbitrary<Profile> = fc
    .record(
      {
        volume: fc.integer({ min: 0, max: 2_000_000 }),
        pattern: fc.constantFrom(...PATTERNS),
        channels: fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1 }),
        inbound: fc.uniqueArray(fc.constantFrom(...INBOUND), { minLength: 1 }),
        outbound: fc.uniqueArray(fc.constantFrom(...OUTBOUND), { minLength: 1 }),
        languages: fc.uniqueArray(fc.constantFrom("en", "es", "fr", "de", "ro"), { minLength: 1 }),
        expansion: fc.constantFrom(...REGIONS),
        hours: fc.constantFrom(...HOURS),
        payments: fc.boolean(),
        growth: fc.integer({ min: 0, max: 500 }),
        talk: fc.integer({ min: 1, max: 60 }),
        "callback-hours": fc.integer({ min: 0, max: 500 }),
        industry: fc.constantFrom("e-commerce", "insurance", "pet care"),
      },
      { requiredKeys: [] },
    )
    .filter((p) => !(p.payments === false && p.inbound?.includes("payments")))
    .map((p) => ProfileSchema.parse(p));

  it("a saved profile written as key=value reads back to itself", () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        fc.pre(Object.keys(p).length > 0);
        expect(parseAdviseInput(profileCommandText(p)).profile).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the form submitted unchanged", () => {
  it("gives back the saved profile", async () => {
    const { submissionToText } = await import("../../src/slack/forms.ts");
    const ctx = await testContext();
    const typed =
      "volume=2000 pattern=seasonal channels=voice,email languages=en,es payments=yes growth=30% talk=4.5 callback-hours=48 industry=e-commerce crm=hubspot";
    const saved = (await run(typed, ctx)).result as AdviseJson;
    const form = await adviseCommand.form?.("", ctx);
    // What Slack sends back when the user submits the prefilled modal without touching it.
    const values: Record<string, Record<string, unknown>> = {};
    for (const f of form?.fields ?? []) {
      const init = f.initial;
      if (init === undefined) continue;
      const v =
        f.kind === "select"
          ? { type: "static_select", selected_option: { value: init } }
          : f.kind === "multiselect"
            ? {
                type: "multi_static_select",
                selected_options: (init as string[]).map((value) => ({ value })),
              }
            : { type: f.kind === "number" ? "number_input" : "plain_text_input", value: init };
      values[`f:${f.key}`] = { v };
    }
    const text = submissionToText({ state: { values } });
    const again = (await run(text, ctx)).result as AdviseJson;
    expect(again.profile).toEqual(saved.profile);
  });
});
