import { describe, expect, it } from "vitest";
import { staffingCommand } from "../../src/commands/staffing.ts";
import { erlangB } from "../../src/core/staffing/erlang.ts";
import { blocksToText } from "../../src/render/text.ts";
import { tempDbPath, testContext } from "../helpers/context.ts";
import { runEntry } from "../helpers/process.ts";

const run = async (text: string) => {
  const out = await staffingCommand.run(text, await testContext());
  return { json: out.result as Record<string, unknown>, text: blocksToText(out.reply.blocks) };
};

/** Erlang C from scratch (B by the recursion, C from B), to size slots independently of the solver. */
function erlangCAgents(a: number, aht: number, t: number, target: number, maxOcc: number): number {
  let n = Math.floor(a) + 1;
  for (; ; n++) {
    const b = erlangB(n, a);
    const c = (n * b) / (n - a * (1 - b));
    if (1 - c * Math.exp((-(n - a) * t) / aht) >= target) break;
  }
  // The occupancy bound, as a whole number (exact for these inputs).
  return Math.max(n, Math.ceil(a / maxOcc - 1e-9));
}

describe("/cc-staffing channels", () => {
  it("takes the estimate's chat-time and email-time as the handle time of the channel sized", async () => {
    const chat = await run("chats=200 interval=1h chat-time=12m concurrency=2");
    const aht = await run("chats=200 interval=1h aht=12m concurrency=2");
    expect(chat.json.slots).toBe(aht.json.slots);
    expect((chat.json.inputs as { ahtSeconds: number }).ahtSeconds).toBe(720);
    const email = await run("emails=40 interval=1h email-time=8m response=4h");
    expect(email.json.channel).toBe("email");
    expect((email.json.inputs as { ahtSeconds: number }).ahtSeconds).toBe(480);
  });

  it("chat: slots from the queue on slot traffic, agents = slots ÷ concurrency rounded up", async () => {
    for (const k of [1, 2, 3, 4]) {
      const { json } = await run(`chats=200 interval=1h aht=12m concurrency=${k}`);
      const slots = erlangCAgents((200 * 720) / 3600, 720, 20, 0.8, 0.85);
      expect(json.channel).toBe("chat");
      expect(json.concurrency).toBe(k);
      expect(json.slots).toBe(slots);
      expect(json.agents).toBe(Math.ceil(slots / k));
      expect(json.scheduledAgents).toBe(Math.ceil(Math.ceil(slots / k) / 0.7 - 1e-9));
    }
  });

  it("chat defaults to 2 at once and warns above 5", async () => {
    const two = await run("calls=200 interval=1h aht=12m channel=chat");
    expect(two.json.concurrency).toBe(2);
    expect(two.text).toMatch(/concurrency: 2 chats at once/);
    const six = await run("chats=200 interval=1h aht=12m concurrency=6");
    expect(six.text).toMatch(/above 5/);
  });

  it("e-mail: the response target is the answer time, occupancy decides, no waiting statistics", async () => {
    const { json, text } = await run("emails=300 interval=1h aht=8m response=4h");
    const a = (300 * 480) / 3600;
    expect(json.channel).toBe("email");
    expect(json.agents).toBe(Math.max(Math.floor(a) + 1, Math.ceil(a / 0.85)));
    expect((json.inputs as { answerSeconds: number }).answerSeconds).toBe(4 * 3600);
    expect(json.probWaitOver5Min).toBeNull();
    expect(json.avgWaitSeconds).toBeNull();
    expect(text).not.toMatch(/5 minutes/);
    const day = await run("emails=300 interval=1h aht=8m channel=email");
    expect((day.json.inputs as { answerSeconds: number }).answerSeconds).toBe(24 * 3600);
    expect(day.text).toMatch(/24 h/);
  });

  it("patience switches to Erlang A; without it the reply says callers never hang up", async () => {
    const c = await run("calls=100 interval=30m aht=3m");
    expect(c.json.model).toBe("erlang-c");
    expect(c.text).toMatch(/never to hang up/);
    const a = await run("calls=100 interval=30m aht=3m patience=60s max-abandon=5%");
    expect(a.json.model).toBe("erlang-a");
    expect(a.json.abandonRate as number).toBeLessThanOrEqual(0.05);
    expect(a.text).toMatch(/Abandonment/);
    expect(a.text).toMatch(/hang up after 1 min/);
    // The limit binds here: one agent fewer would let more than 5% hang up.
    const fewer = await run(
      `calls=100 interval=30m aht=3m patience=60s agents=${(a.json.agents as number) - 1}`,
    );
    expect(fewer.json.abandonRate as number).toBeGreaterThan(0.05);
  });

  it("refuses abandonment without patience, and patience for e-mail", async () => {
    await expect(run("calls=100 interval=30m aht=3m max-abandon=5%")).rejects.toThrow(/patience/);
    await expect(run("emails=100 interval=1h aht=8m patience=60s")).rejects.toThrow(/e-mail/);
  });

  it("agents=N gives every figure at N, and a clear answer when N cannot carry the load", async () => {
    const at = await run("calls=100 interval=30m aht=3m agents=14");
    expect(at.json.agents).toBe(14);
    // The worked example of the standard definitions: 14 agents on 10 Erlangs.
    expect(at.json.serviceLevel as number).toBeCloseTo(0.888, 3);
    expect(at.json.probWait as number).toBeCloseTo(0.174, 3);
    expect(at.json.asaSeconds as number).toBeCloseTo(7.8, 1);
    const short = await run("calls=100 interval=30m aht=3m agents=10");
    expect(short.json.agents).toBe(10);
    expect(short.json.overloaded).toBe(true);
    expect(short.json.asaSeconds).toBeNull();
    expect(short.json.serviceLevel).toBe(0);
    expect(short.text).toMatch(/cannot carry/);
    expect(short.text).not.toMatch(/-\d|NaN|Infinity/);
    // With patience the queue does not grow without end: callers hang up instead.
    const a = await run("calls=100 interval=30m aht=3m agents=8 patience=60s");
    expect(a.json.overloaded).toBe(false);
    expect(a.json.abandonRate as number).toBeGreaterThan(0.2);
  });

  it("grid: agents and service level for ±20% volume and ±1 minute handle time", async () => {
    const { json, text } = await run("calls=100 interval=30m aht=3m grid");
    const grid = json.grid as Array<{ volumeFactor: number; ahtSeconds: number; agents: number }>;
    expect(grid).toHaveLength(9);
    const middle = grid.find((c) => c.volumeFactor === 1 && c.ahtSeconds === 180);
    expect(middle?.agents).toBe(json.agents);
    const busiest = grid.find((c) => c.volumeFactor === 1.2 && c.ahtSeconds === 240);
    expect(busiest?.agents).toBe(erlangCAgents((120 * 240) / 1800, 240, 20, 0.8, 0.85));
    expect(text).toMatch(/What if/);
  });

  it("the CLI prints the new JSON fields", async () => {
    const res = await runEntry(
      "src/cli.ts",
      ["staffing", "--json", "chats=200", "interval=1h", "aht=12m", "concurrency=3", "patience=2m"],
      { DB_PATH: tempDbPath() },
      undefined,
      60_000,
    );
    expect(res.code, res.stderr).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(json).toMatchObject({ model: "erlang-a", channel: "chat", concurrency: 3 });
    expect(json.agents).toBe(Math.ceil(json.slots / 3));
    expect(json.abandonRate).toBeGreaterThan(0);
    expect(json.avgWaitSeconds).toBeGreaterThan(0);
  }, 90_000);
});

describe("/cc-staffing reads the new inputs through the shared reader", () => {
  it("patience in plain words, with a typo, and says what it understood", async () => {
    const typo = await run("100 calls in 30 minutes, aht 3m, patiance 60s");
    expect(typo.json.model).toBe("erlang-a");
    expect((typo.json.inputs as { patienceSeconds: number }).patienceSeconds).toBe(60);
    expect(typo.text).toMatch(/“patiance” read as “patience”/);
    expect(typo.text).toMatch(/I understood/);
    const words = await run("100 calls in 30 minutes, aht 3m, callers hang up after 1 min");
    expect((words.json.inputs as { patienceSeconds: number }).patienceSeconds).toBe(60);
  });

  it("a misspelt key is refused with the key it is closest to", async () => {
    await expect(run("calls=100 interval=30m aht=3m concurency=3")).rejects.toThrow(/concurency/);
    await expect(run("calls=100 interval=30m aht=3m patiance=60s")).rejects.toMatchObject({
      details: expect.arrayContaining([expect.stringMatching(/did you mean `patience`/)]),
    });
  });
});

describe("channels in plain words", () => {
  it("“120 chats an hour … 3 chats per agent” is chat at concurrency 3", async () => {
    const { json } = await run("120 chats an hour, 12 min each, 3 chats per agent");
    expect(json).toMatchObject({ channel: "chat", concurrency: 3 });
    expect(json.agents).toBe(Math.ceil((json.slots as number) / 3));
  });

  it("“40 e-mails per hour … answered within 4 hours” is e-mail with a 4 h response target", async () => {
    const { json } = await run("40 emails per hour, 8 min each, answered within 4 hours");
    expect(json.channel).toBe("email");
    expect((json.inputs as { answerSeconds: number }).answerSeconds).toBe(4 * 3600);
  });
});
