import { describe, expect, it } from "vitest";
import { staffingCommand } from "../../src/commands/staffing.ts";
import { formatPair } from "../../src/core/parse/kv.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

const run = async (text: string) => staffingCommand.run(text, await testContext());

describe("/cc-staffing", () => {
  it("answers the worked example with every figure a planner needs", async () => {
    const { reply } = await run(
      "calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30% max-occupancy=85%",
    );
    const text = blocksToText(reply.blocks);
    expect(reply.visibility).toBe("ephemeral");
    expect(reply.text).toContain("14 agents, 20 scheduled");
    expect(text).toContain("10.00 Erlangs");
    expect(text).toContain("88.8% answered within 20 s (target 80%)");
    expect(text).toContain("Average speed of answer: 7.8 s");
    expect(text).toContain("Occupancy: 71.4% (limit 85%)");
    expect(text).toContain("Chance a caller waits: 17.4%");
    expect(text).toContain("Waits over 5 minutes: < 0.1%");
    expect(text).toMatch(/half of customers avoid a brand/);
    expect(text).toContain("service-level target");
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });

  it("prints exactly the documented --json fields", async () => {
    const { result } = await run("calls=100 interval=30m aht=3m");
    expect(Object.keys(result as object).sort()).toEqual(
      [
        "inputs",
        "trafficErlangs",
        "agents",
        "scheduledAgents",
        "serviceLevel",
        "asaSeconds",
        "occupancy",
        "probWait",
        "probWaitOver5Min",
        "bindingConstraint",
        "model",
        "channel",
        "abandonRate",
        "avgWaitSeconds",
        "overloaded",
      ].sort(),
    );
    const r = result as Record<string, unknown>;
    expect(r.agents).toBe(14);
    expect(r.scheduledAgents).toBe(20);
    expect(r.bindingConstraint).toBe("service_level");
    expect(r.inputs).toEqual({
      callsPerInterval: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      answerSeconds: 20,
      target: 0.8,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      patienceSeconds: null,
      maxAbandon: null,
    });
    expect(r.model).toBe("erlang-c");
    expect(r.abandonRate).toBeNull();
    // Under Erlang C the mean wait of all callers is the ASA.
    expect(r.avgWaitSeconds).toBe(r.asaSeconds);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("says which defaults it used", async () => {
    const text = blocksToText((await run("calls=100 aht=3m")).reply.blocks);
    expect(text).toContain(
      "Not given, so assumed: interval: 30 min, service level: 80% answered within 20 s, shrinkage: 30%, max occupancy: 85%.",
    );
  });

  it("says when the occupancy limit sets the number", async () => {
    const { result, reply } = await run("calls=1000 interval=30m aht=3m");
    expect((result as { bindingConstraint: string }).bindingConstraint).toBe("occupancy");
    expect(blocksToText(reply.blocks)).toContain("occupancy limit sets this number");
  });

  it("sizes a 10,000-Erlang center", async () => {
    const { result, reply } = await run("calls=100k interval=30m aht=3m max-occupancy=100%");
    expect((result as { trafficErlangs: number }).trafficErlangs).toBe(10_000);
    expect(blocksToText(reply.blocks)).toMatch(/10,0\d\d agents/);
  });

  it("refuses a load beyond what it sizes, naming calls", async () => {
    await expect(run("calls=9000000 aht=1h interval=1m")).rejects.toMatchObject({
      name: "UserInputError",
      field: "calls",
    });
  });

  it("opens a form on empty text whose submissions it understands", async () => {
    const ctx = await testContext();
    const form = await staffingCommand.form?.("", ctx);
    expect(form).toBeDefined();
    expect(await staffingCommand.form?.("calls=100 aht=3m", ctx)).toBeUndefined();
    const sample: Record<string, string> = {
      calls: "100",
      "interval-min": "30",
      "aht-sec": "180",
      "answer-sec": "20",
      target: "80",
      shrinkage: "30",
      "max-occupancy": "85",
      channel: "voice",
    };
    const optional = ["concurrency", "response-h", "patience-sec", "max-abandon"];
    const keys = form?.fields.map((f) => f.key) ?? [];
    expect(keys.sort()).toEqual([...Object.keys(sample), ...optional].sort());
    for (const f of form?.fields ?? []) {
      if (f.kind === "select") expect(f.options?.map((o) => o.value)).toContain(sample[f.key]);
    }
    const submitted = Object.entries(sample)
      .map(([k, v]) => formatPair(k, v))
      .join(" ");
    const { result } = await staffingCommand.run(submitted, ctx);
    expect((result as { agents: number }).agents).toBe(14);
    // Only the required fields filled: the optional ones take the stated defaults.
    const minimal = await staffingCommand.run("calls=100 interval-min=30 aht-sec=180", ctx);
    expect((minimal.result as { scheduledAgents: number }).scheduledAgents).toBe(20);
    // The new fields as the form sends them: chat with concurrency, Erlang A, e-mail with a response.
    const chat = await staffingCommand.run(
      "channel=chat calls=100 interval-min=60 aht-sec=720 concurrency=3 patience-sec=90 max-abandon=5",
      ctx,
    );
    expect(chat.result).toMatchObject({ channel: "chat", concurrency: 3, model: "erlang-a" });
    expect((chat.result as { inputs: { maxAbandon: number } }).inputs.maxAbandon).toBe(0.05);
    const email = await staffingCommand.run(
      "channel=email calls=40 interval-min=60 aht-sec=480 response-h=4",
      ctx,
    );
    expect((email.result as { inputs: { answerSeconds: number } }).inputs.answerSeconds).toBe(14_400);
    // The edit form keeps them.
    const edit = await staffingCommand.form?.(
      "edit calls=100 interval=1h aht=12m channel=chat concurrency=3 patience=90s",
      ctx,
    );
    const initial = Object.fromEntries((edit?.fields ?? []).map((f) => [f.key, f.initial]));
    expect(initial).toMatchObject({ channel: "chat", concurrency: "3", "patience-sec": "90" });
  });

  it("has help text and examples that run", async () => {
    expect(staffingCommand.name).toBe("staffing");
    for (const example of staffingCommand.examples) {
      const { result } = await run(example);
      expect((result as { agents: number }).agents).toBeGreaterThan(0);
    }
  });
});
