import { describe, expect, it } from "vitest";
import { estimateCommand } from "../../src/commands/estimate.ts";
import { formatPair } from "../../src/core/parse/kv.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

const run = async (text: string) => estimateCommand.run(text, await testContext());

type Json = {
  inputs: Record<string, unknown>;
  shared: { billableMinutes: number; monthlyCost: { low: number; high: number } };
  dedicated: Record<string, unknown> & { monthlyCost: { low: number; high: number } };
  semiDedicated: { monthlyCost: { low: number; high: number } };
  recommended: string;
  breakEvenMonthlyContacts: number | null;
  premiums: Array<{ id: string; percent: number; assumption: boolean }>;
  assumptions: string[];
  location: { id: string } | null;
  inHouse: { monthlyCost: { low: number; high: number } } | null;
  budget: { monthly: number } | null;
};

describe("/cc-estimate", () => {
  it("answers the issue's example with the three models, the recommendation and the queue", async () => {
    const { result, reply } = await run(
      "12k calls/month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s",
    );
    const r = result as Json;
    const text = blocksToText(reply.blocks);
    expect(reply.visibility).toBe("ephemeral");
    expect(text).toContain("Monthly cost estimate: 12,000 contacts");
    expect(text).toContain("answered 24/7, 730 hours a month");
    // Shared: billed talk + wrap = 6 min per contact, rounded up per minute: 1/(1 − e^(−1/6)) = 6.5139.
    const perContact = 1 / (1 - Math.exp(-1 / 6));
    expect(r.shared.billableMinutes).toBeCloseTo(12_000 * perContact, 6);
    expect(text).toContain(`${Math.round(12_000 * perContact).toLocaleString("en-US")} billable minutes`);
    // With the 24/7 premium (+15%, an assumption) on every model.
    expect(r.shared.monthlyCost.low).toBeCloseTo(12_000 * perContact * 0.7 * 1.15, 1);
    expect(text).toContain(`$${Math.round(12_000 * perContact * 0.7 * 1.15).toLocaleString("en-US")}`);
    expect(r.premiums).toEqual([expect.objectContaining({ id: "24/7", percent: 15, assumption: true })]);
    expect(text).toMatch(/24\/7 staffing: \+15% \(assumption/);
    for (const label of ["Shared agents (per minute)", "Semi-dedicated agents", "Dedicated agents (hourly)"])
      expect(text).toContain(label);
    expect(text).toContain("Recommended: shared agents");
    expect(text).toMatch(/Break-even volume: About [\d,]+ contacts a month/);
    expect(text).toMatch(/would wait more than 5 minutes/);
    expect(text).toMatch(/About half of customers avoid a brand/);
    // Assumptions are one line behind a button; the button's command shows them all.
    expect(text).not.toContain("Hold time is not billed");
    expect(text).toMatch(/\d+ assumptions: the guide's US rates/);
    const full = blocksToText(
      (await run("12k calls/month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s assumptions=all"))
        .reply.blocks,
    );
    expect(full).toContain("Hold time is not billed");
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    expect(reply.text).toMatch(/shared \$[\d,]+ – \$[\d,]+/);
  });

  it("prints the documented --json fields", async () => {
    const r = (await run("12000 calls a month, 5 min talk")).result as Json;
    for (const key of [
      "inputs",
      "shared",
      "dedicated",
      "semiDedicated",
      "recommended",
      "breakEvenMonthlyContacts",
    ])
      expect(r).toHaveProperty(key);
    for (const key of [
      "agents",
      "scheduledAgents",
      "agentHours",
      "serviceLevel",
      "asaSeconds",
      "occupancy",
      "probWaitOver5Min",
    ])
      expect(typeof r.dedicated[key]).toBe("number");
    for (const m of [r.shared, r.dedicated, r.semiDedicated]) {
      expect(m.monthlyCost.low).toBeLessThanOrEqual(m.monthlyCost.high);
      expect(m.monthlyCost.low).toBeGreaterThan(0);
    }
    expect(["shared", "semi-dedicated", "dedicated"]).toContain(r.recommended);
    expect(r.inputs).toMatchObject({
      contactsPerMonth: 12_000,
      talkSeconds: 300,
      billingIncrementSeconds: 60,
    });
    // Defaults are part of the assumptions a script sees.
    expect(r.assumptions.join("\n")).toMatch(/Not given, so assumed: hours: business/);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("states the defaults it applied in the reply", async () => {
    const text = blocksToText((await run("12000 calls a month, 5 min talk assumptions=all")).reply.blocks);
    expect(text).toContain("Not given, so assumed: hours: business (9 h × 5 days a week), wrap-up: 1 min");
  });

  it("recommends dedicated agents for a large steady volume", async () => {
    const { result, reply } = await run("contacts=400k talk=5m wrap=1m");
    expect((result as Json).recommended).toBe("dedicated");
    expect(blocksToText(reply.blocks)).toContain("Recommended: dedicated agents");
  });

  it("lists licensed-agent and language premiums as assumptions", async () => {
    const text = blocksToText((await run("contacts=5000 talk=6m licensed=yes languages=es,fr")).reply.blocks);
    expect(text).toMatch(/Licensed agents \(e\.g\. insurance\): \+25%/);
    expect(text).toMatch(/2 languages besides English \(es, fr\): \+20%/);
    expect(text).toContain("Costs include +45% in premiums");
  });

  it("uses the user's rates when given and says so", async () => {
    const { result, reply } = await run(
      "contacts=12000 talk=5m shared-rate=1.00 hourly-rate=20-22 assumptions=all",
    );
    const r = result as Json;
    expect(r.shared.monthlyCost.low).toBe(r.shared.monthlyCost.high);
    expect(blocksToText(reply.blocks)).toMatch(
      /shared \$1\.00 a minute \(yours\), dedicated \$20–\$22 an agent-hour \(yours\)/,
    );
  });

  it("opens a form on empty text whose submissions it understands", async () => {
    const ctx = await testContext();
    const form = await estimateCommand.form?.("", ctx);
    expect(form?.title.length).toBeLessThanOrEqual(24);
    expect(await estimateCommand.form?.("12000 calls, talk 5m", ctx)).toBeUndefined();
    const sample: Record<string, string> = {
      contacts: "12000",
      "talk-min": "5",
      "wrap-min": "1",
      "hold-sec": "30",
      "hold-billed": "no",
      hours: "24/7",
      billing: "60s",
      target: "80",
      "answer-sec": "20",
      shrinkage: "30",
      "max-occupancy": "85",
      licensed: "no",
      languages: "Spanish, French",
      location: "nearshore",
      "inhouse-wage": "16 EUR/h",
      budget: "60000",
      shape: "24/7",
      chats: "3000",
      "chat-time-min": "12",
      concurrency: "3",
      emails: "2000",
      "email-time-min": "8",
      "patience-sec": "90",
      "max-abandon": "5",
      "billing-basis": "productive",
    };
    expect(form?.fields.map((f) => f.key).sort()).toEqual(Object.keys(sample).sort());
    for (const f of form?.fields ?? []) {
      if (f.kind === "select") {
        expect(f.options?.map((o) => o.value)).toContain(sample[f.key]);
        // Every option of every select must be accepted.
        for (const o of f.options ?? [])
          await estimateCommand.run(`contacts=1000 talk=5m ${formatPair(f.key, o.value)}`, ctx);
      }
      expect(f.label).not.toBe("");
    }
    const submitted = Object.entries(sample)
      .map(([k, v]) => formatPair(k, v))
      .join(" ");
    const r = (await estimateCommand.run(submitted, ctx)).result as Json;
    expect(r.inputs).toMatchObject({
      contactsPerMonth: 12_000,
      talkSeconds: 300,
      wrapSeconds: 60,
      holdSeconds: 30,
      languages: ["spanish", "french"],
    });
    expect(r.location?.id).toBe("nearshore");
    expect(r.inHouse?.monthlyCost.low).toBeGreaterThan(0);
    expect(r.inputs).toMatchObject({
      chats: { contactsPerMonth: 3000, handleSeconds: 720 },
      emails: { contactsPerMonth: 2000, handleSeconds: 480 },
      concurrency: 3,
      patienceSeconds: 90,
      maxAbandon: 0.05,
      billingBasis: "productive",
      shape: "24/7",
    });
    expect(r.budget?.monthly).toBe(60_000);
    const expected = (
      await estimateCommand.run(
        "12k calls/month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s, languages=spanish,french location=nearshore chats=3000 chat-time=12m concurrency=3 emails=2000 email-time=8m patience=90s max-abandon=5% billing-basis=productive shape=24/7",
        ctx,
      )
    ).result as Json;
    expect(r.shared).toEqual(expected.shared);
    expect(r.dedicated).toEqual(expected.dedicated);
    // Only the required fields: the rest take their stated defaults.
    await estimateCommand.run(
      "contacts=12000 talk-min=5 hours=business billing=60s hold-billed=no licensed=no",
      ctx,
    );
  });

  it("has examples that run", async () => {
    expect(estimateCommand.name).toBe("estimate");
    for (const example of estimateCommand.examples) {
      const r = (await run(example)).result as Json;
      expect(r.shared.monthlyCost.low).toBeGreaterThan(0);
    }
  });

  it("rejects bad input with a UserInputError, never a crash", async () => {
    for (const text of [
      "hello",
      "contacts=12000 talk=5m shrinkage=100%",
      "12000 calls, talk 5m, 🙂",
      "x".repeat(5000),
    ]) {
      await expect(run(text)).rejects.toMatchObject({ name: "UserInputError" });
    }
  });
});
