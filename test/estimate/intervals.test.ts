import { describe, expect, it } from "vitest";
import { estimateCommand } from "../../src/commands/estimate.ts";
import { expectedBilledMinutes } from "../../src/core/estimate/billing.ts";
import { erlangB } from "../../src/core/staffing/erlang.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

/**
 * The dedicated team of /cc-estimate against the extended staffing definitions, recomputed here from
 * scratch: each interval staffed on its own, agent-hours Σ S_i × length × open days, seats max N_i,
 * FTE = paid hours ÷ (40 × 52.143 / 12), chat agents = ceil(slots / k), e-mail sized on its response.
 */

const WEEKS = 52.143;

interface Dedicated {
  seats: number;
  fte: number;
  agentHours: number;
  paidAgentHours: number;
  billingBasis: string;
  byChannel: Array<{ channel: string; seats: number; agentHours: number; fte: number; serviceLevel: number }>;
  intervals: Array<{ start: string; contacts: number; agents: number; scheduledAgents: number }>;
  model: string;
}

const run = async (text: string) => {
  const out = await estimateCommand.run(text, await testContext());
  const json = out.result as {
    dedicated: Dedicated;
    shared: { billableMinutes: number };
    assumptions: string[];
  };
  return { json, text: blocksToText(out.reply.blocks) };
};

/** Erlang C agents by the definition: smallest N > A with SL ≥ target, at least ceil(A / max occ). */
function agentsC(calls: number, seconds: number, aht: number, t = 20, target = 0.8, maxOcc = 0.85): number {
  const a = (calls * aht) / seconds;
  let n = Math.floor(a) + 1;
  for (; ; n++) {
    const b = erlangB(n, a);
    const c = (n * b) / (n - a * (1 - b));
    if (1 - c * Math.exp((-(n - a) * t) / aht) >= target) break;
  }
  return Math.max(n, Math.ceil(a / maxOcc - 1e-9));
}

const scheduled = (n: number, shrinkage = 0.3) => Math.ceil(n / (1 - shrinkage) - 1e-9);

describe("/cc-estimate, interval by interval", () => {
  it("hourly counts: each hour staffed alone; agent-hours, seats and FTE by the definitions", async () => {
    const hours = [
      [9, 40],
      [10, 80],
      [11, 120],
      [12, 90],
      [13, 70],
      [14, 100],
      [15, 60],
    ] as const;
    const { json } = await run(
      `hourly=${hours.map(([h, c]) => `${h}:${c}`).join(",")} talk=4m wrap=1m hold=0s`,
    );
    const d = json.dedicated;
    const n = hours.map(([, c]) => agentsC(c, 3600, 300));
    const s = n.map((x) => scheduled(x));
    const days = (5 * WEEKS) / 12;
    expect(d.intervals.map((i) => i.start)).toEqual(hours.map(([h]) => `${String(h).padStart(2, "0")}:00`));
    expect(d.intervals.map((i) => i.contacts)).toEqual(hours.map(([, c]) => c));
    expect(d.intervals.map((i) => i.agents)).toEqual(n);
    expect(d.intervals.map((i) => i.scheduledAgents)).toEqual(s);
    expect(d.seats).toBe(Math.max(...n));
    const paid = s.reduce((x, y) => x + y, 0) * days;
    expect(d.agentHours).toBeCloseTo(paid, 6);
    expect(d.billingBasis).toBe("paid");
    expect(d.fte).toBeCloseTo(paid / ((40 * WEEKS) / 12), 6);
  });

  it("billing-basis=productive bills Σ N_i, while FTE still counts paid hours", async () => {
    const { json, text } = await run(
      "hourly=9:40,10:80,11:120 talk=4m wrap=1m hold=0s billing-basis=productive",
    );
    const n = [40, 80, 120].map((c) => agentsC(c, 3600, 300));
    const days = (5 * WEEKS) / 12;
    expect(json.dedicated.billingBasis).toBe("productive");
    expect(json.dedicated.agentHours).toBeCloseTo(n.reduce((x, y) => x + y, 0) * days, 6);
    const paid = n.map((x) => scheduled(x)).reduce((x, y) => x + y, 0) * days;
    expect(json.dedicated.fte).toBeCloseTo(paid / ((40 * WEEKS) / 12), 6);
    expect(text).toMatch(/productive/);
  });

  it("fte-hours changes the FTE and nothing else", async () => {
    const a = await run("contacts=12000 talk=5m hours=24/7");
    const b = await run("contacts=12000 talk=5m hours=24/7 fte-hours=37.5");
    expect(b.json.dedicated.agentHours).toBe(a.json.dedicated.agentHours);
    expect(b.json.dedicated.fte).toBeCloseTo((a.json.dedicated.fte * 40) / 37.5, 9);
  });

  it("24/7 coverage: the headcount is FTE, not the agents on shift", async () => {
    const { json } = await run("contacts=12000 talk=5m wrap=1m hold=30s hours=24/7");
    const d = json.dedicated;
    // 730 h a month of cover per seat: several full-time people per scheduled agent.
    expect(d.fte).toBeGreaterThan((d.intervals[0]?.scheduledAgents ?? 0) * 3.5);
    expect(d.intervals).toHaveLength(24);
  });

  it("a named shape puts more agents on the peak and the sum over intervals in agent-hours", async () => {
    const flat = await run("contacts=20000 talk=5m shape=flat");
    const shaped = await run("contacts=20000 talk=5m shape=business-day");
    expect(shaped.json.dedicated.seats).toBeGreaterThan(flat.json.dedicated.seats);
    const days = (5 * WEEKS) / 12;
    const sum = shaped.json.dedicated.intervals.reduce((x, i) => x + i.scheduledAgents, 0) * days;
    expect(shaped.json.dedicated.agentHours).toBeCloseTo(sum, 6);
    const contacts = shaped.json.dedicated.intervals.reduce((x, i) => x + i.contacts, 0);
    expect(contacts * days).toBeCloseTo(20000, 6);
    expect(shaped.text).toMatch(/Busiest interval/);
  });

  it("48 half-hour intervals in a 24/7 day", async () => {
    const { json } = await run("contacts=30000 talk=5m hours=24/7 shape=24/7 interval=30m");
    const iv = json.dedicated.intervals;
    expect(iv).toHaveLength(48);
    expect(iv[1]?.start).toBe("00:30");
    for (const i of iv) expect(i.agents).toBe(agentsC(i.contacts, 1800, 390));
  });

  it("mixed channels: each sized and summed; shared minutes count every channel", async () => {
    const { json, text } = await run(
      "calls=8000 talk=5m wrap=0s hold=0s chats=3000 chat-time=12m emails=2000 email-time=8m billing=1s",
    );
    const d = json.dedicated;
    const days = (5 * WEEKS) / 12;
    const perHour = (monthly: number) => monthly / days / 9;
    const voice = agentsC(perHour(8000), 3600, 300);
    const slots = agentsC(perHour(3000), 3600, 720);
    const chat = Math.ceil(slots / 2);
    const emailA = (perHour(2000) * 480) / 3600;
    const email = Math.max(Math.floor(emailA) + 1, Math.ceil(emailA / 0.85 - 1e-9));
    const by = Object.fromEntries(d.byChannel.map((c) => [c.channel, c]));
    expect(by.voice?.seats).toBe(voice);
    expect(by.chat?.seats).toBe(chat);
    expect(by.email?.seats).toBe(email);
    expect(d.seats).toBe(voice + chat + email);
    const paid = (scheduled(voice) + scheduled(chat) + scheduled(email)) * 9 * days;
    expect(d.agentHours).toBeCloseTo(paid, 6);
    expect(d.byChannel.reduce((x, c) => x + c.agentHours, 0)).toBeCloseTo(d.agentHours, 6);
    expect(by.email?.serviceLevel).toBeGreaterThan(0.999);
    // Billed per second: minutes are the handle minutes of every channel.
    const minutes =
      8000 * expectedBilledMinutes(5, 1 / 60) +
      3000 * expectedBilledMinutes(12, 1 / 60) +
      2000 * expectedBilledMinutes(8, 1 / 60);
    expect(json.shared.billableMinutes).toBeCloseTo(minutes, 6);
    expect(text).toMatch(/Chats \(2 at once\)/);
  });

  it("patience switches the estimate to Erlang A and the assumptions say so", async () => {
    const c = await run("contacts=12000 talk=5m");
    expect(c.json.dedicated.model).toBe("erlang-c");
    expect(c.json.assumptions.join(" ")).toMatch(/Erlang C \(callers are assumed never to hang up\)/);
    const a = await run("contacts=12000 talk=5m patience=90s max-abandon=5%");
    expect(a.json.dedicated.model).toBe("erlang-a");
    expect(a.json.assumptions.join(" ")).toMatch(/Erlang A/);
    expect(a.json.assumptions.join(" ")).not.toMatch(/sized by Erlang C/);
  });

  it("refuses contacts and hourly together, and a chat volume without its time", async () => {
    await expect(run("contacts=1000 hourly=9:40 talk=5m")).rejects.toThrow(/either/);
    await expect(run("calls=1000 talk=5m chats=300")).rejects.toThrow(/chat-time/);
    await expect(run("contacts=1000 talk=5m shape=lumpy")).rejects.toThrow(/business-day/);
  });
});

describe("/cc-estimate chart of agents by hour", () => {
  it("`chart` on a day that varies attaches agents by hour as a PNG, next to the cost curve", async () => {
    const out = await estimateCommand.run(
      "contacts=20000 talk=5m shape=business-day chart",
      await testContext(),
    );
    const files = out.reply.files ?? [];
    const agents = files.find((f) => f.filename === "agents-by-hour.png");
    expect(agents).toBeDefined();
    // PNG signature.
    expect(
      Buffer.from(agents?.content ?? [])
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");
    expect(blocksToText(out.reply.blocks)).toMatch(/Agents by hour/);
  }, 60_000);
});

describe("/cc-estimate break-even with every channel", () => {
  it("at the break-even volume (same mix, same day) dedicated costs no more than shared, one contact less it costs more", async () => {
    const { estimate, scaleVolume, totalContacts } = await import("../../src/core/estimate/model.ts");
    const { parseEstimate } = await import("../../src/core/estimate/parse.ts");
    const { PRICING } = await import("../../src/core/estimate/pricing.ts");
    const input = parseEstimate(
      "calls=4000 talk=5m chats=2000 chat-time=10m emails=1000 email-time=6m shape=business-day",
      PRICING,
    ).input;
    const e = estimate(input, PRICING);
    const be = e.breakEvenMonthlyContacts;
    expect(be).not.toBeNull();
    const mid = (r: { low: number; high: number }) => (r.low + r.high) / 2;
    const at = (contacts: number) => estimate(scaleVolume(input, contacts / totalContacts(input)), PRICING);
    const hit = at(be as number);
    expect(mid(hit.dedicated.monthlyCost)).toBeLessThanOrEqual(mid(hit.shared.monthlyCost) + 0.02);
    const below = at((be as number) - 1);
    expect(mid(below.dedicated.monthlyCost)).toBeGreaterThan(mid(below.shared.monthlyCost) - 0.02);
    // The recommendation compares costs that include every channel.
    const calls = estimate({ ...input, chats: undefined, emails: undefined }, PRICING);
    expect(mid(e.shared.monthlyCost)).toBeGreaterThan(mid(calls.shared.monthlyCost));
    expect(e.dedicated.agentHours).toBeGreaterThan(calls.dedicated.agentHours);
  });
});

describe("/cc-estimate --json through the CLI", () => {
  it("prints seats, FTE, agent-hours, billing basis, byChannel and intervals", async () => {
    const { runEntry } = await import("../helpers/process.ts");
    const { tempDbPath } = await import("../helpers/context.ts");
    const res = await runEntry(
      "src/cli.ts",
      ["estimate", "--json", "talk=5m", "chats=3000", "chat-time=12m", "hourly=9:20,10:40,11:30"],
      { DB_PATH: tempDbPath() },
      undefined,
      60_000,
    );
    expect(res.code, res.stderr).toBe(0);
    const d = JSON.parse(res.stdout).dedicated as Dedicated;
    expect(d.billingBasis).toBe("paid");
    expect(d.byChannel.map((c) => c.channel)).toEqual(["voice", "chat"]);
    expect(d.intervals.map((i) => i.start)).toEqual(["09:00", "10:00", "11:00"]);
    expect(d.seats).toBe(Math.max(...d.intervals.map((i) => i.agents)));
    expect(d.fte).toBeGreaterThan(0);
    expect(d.agentHours).toBeCloseTo(
      d.byChannel.reduce((s, c) => s + c.agentHours, 0),
      6,
    );
  }, 90_000);
});
