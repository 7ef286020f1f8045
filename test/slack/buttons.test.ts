import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

type Blocks = Array<{
  type: string;
  elements?: Array<{ action_id?: string; value?: string; text?: { text: string } }>;
}>;
const button = (blocks: Blocks, label: string) =>
  blocks.flatMap((b) => b.elements ?? []).find((e) => e.text?.text === label && e.action_id);

// Slack gives every click a fresh trigger_id (the app acts once per trigger_id).
let clicks = 0;
const click = (
  el: { action_id?: string; value?: string } | undefined,
  where: { responseUrl?: string; container: Record<string, unknown> },
  teamId = "T1",
) =>
  app.interact({
    type: "block_actions",
    team: { id: teamId, domain: "test" },
    user: { id: "U1", team_id: teamId },
    api_app_id: "A1",
    ...(where.responseUrl ? { response_url: where.responseUrl, channel: { id: "C1", name: "general" } } : {}),
    container: where.container,
    trigger_id: `trig-btn-${++clicks}`,
    actions: [{ type: "button", action_id: el?.action_id, block_id: "b", value: el?.value, action_ts: "1" }],
  });

describe("buttons", () => {
  it("a confirmation button runs the command and replaces the ephemeral message", async () => {
    await app.slash({ command: "/cc-vendor", text: "add name=Acme rate=0.95/min" });
    const ask = await app.slash({ command: "/cc-vendor", text: "remove Acme" });
    const remove = button((ask.json as { blocks: Blocks }).blocks, "Remove");
    expect(remove).toBeDefined();
    const before = app.fake.callsTo("response_url:confirm").length;
    await click(remove, {
      responseUrl: app.fake.responseUrl("confirm"),
      container: { type: "message", is_ephemeral: true },
    });
    const calls = await app.fake.waitFor("response_url:confirm", before + 1);
    const reply = calls[before]?.args as { replace_original: boolean; blocks: unknown };
    expect(reply.replace_original).toBe(true);
    expect(textOf(reply.blocks)).toMatch(/Acme/);
    expect((await app.running.store.read({ teamId: "T1" })).vendors).toHaveLength(0);
  });

  it("a button clicked in another workspace acts on that workspace only", async () => {
    await app.slash({ command: "/cc-vendor", text: "add name=Keep rate=0.95/min", teamId: "T1" });
    const ask = await app.slash({ command: "/cc-vendor", text: "remove Keep", teamId: "T1" });
    const remove = button((ask.json as { blocks: Blocks }).blocks, "Remove");
    // The same button value replayed from workspace T9 must not remove T1's vendor.
    await click(remove, { responseUrl: app.fake.responseUrl("other"), container: { type: "message" } }, "T9");
    await app.fake.waitFor("response_url:other");
    expect((await app.running.store.read({ teamId: "T1" })).vendors.map((v) => v.name)).toEqual(["Keep"]);
  });

  it("App Home buttons open the command's form with the trigger id", async () => {
    const before = app.fake.callsTo("views.publish").length;
    await app.event({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev-btn-home",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: "U1", channel: "D1", tab: "home", event_ts: "1.1" },
    });
    const published = await app.fake.waitFor("views.publish", before + 1);
    const view = published[before]?.args.view as { blocks: Blocks };
    const estimate = button(view.blocks, "Estimate costs");
    const opens = app.fake.callsTo("views.open").length;
    await click(estimate, { container: { type: "view", view_id: "V1" } });
    const calls = await app.fake.waitFor("views.open", opens + 1);
    expect(calls[opens]?.args.trigger_id).toBe(`trig-btn-${clicks}`);
    expect(JSON.stringify(calls[opens]?.args.view)).toContain("Contacts a month");
  });
});

describe("replies that must stay private", () => {
  it("a remove confirmation has no Share button", async () => {
    await app.slash({ command: "/cc-vendor", text: "add name=Solo rate=0.95/min", teamId: "T1" });
    const ask = await app.slash({ command: "/cc-vendor", text: "remove Solo", teamId: "T1" });
    const blocks = (ask.json as { blocks: Blocks }).blocks;
    expect(button(blocks, "Remove")).toBeDefined();
    expect(button(blocks, "Share in channel")).toBeUndefined();
  });

  it("a form that cannot be opened in time says so, with an example to type instead", async () => {
    app.fake.failNext("views.open", 1, { body: { ok: false, error: "expired_trigger_id" } });
    const res = await app.slash({ command: "/cc-estimate", text: "", teamId: "T1" });
    expect((res.json as { text: string }).text).toMatch(/could not be opened in time.*\/cc-estimate/);
  });
});

describe("broken buttons", () => {
  it("a button whose value cannot be read says so instead of doing nothing", async () => {
    const before = app.fake.callsTo("response_url:broken").length;
    await click(
      { action_id: "run_command:zz", value: "not json" },
      { responseUrl: app.fake.responseUrl("broken"), container: { type: "message" } },
    );
    const calls = await app.fake.waitFor("response_url:broken", before + 1);
    expect(String(calls[before]?.args.text)).toMatch(/no longer works/);
  });
});
