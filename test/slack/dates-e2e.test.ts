import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCommandValue } from "../../src/render/buttons.ts";
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
  elements?: Array<{ type: string; action_id?: string; text?: { text: string }; value?: string }>;
}>;
const buttons = (blocks: unknown) =>
  (blocks as Blocks).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

const click = (
  user: string,
  teamId: string,
  el: { action_id?: string; value?: string } | undefined,
  url: string,
) =>
  app.interact({
    type: "block_actions",
    team: { id: teamId, domain: "test" },
    user: { id: user, team_id: teamId },
    api_app_id: "A1",
    response_url: url,
    channel: { id: "C1", name: "general" },
    container: { type: "message", is_ephemeral: true },
    trigger_id: "trig-date",
    actions: [{ type: "button", action_id: el?.action_id, block_id: "b", value: el?.value, action_ts: "1" }],
  });

// One vendor per test: every test writes to the one workspace the app serves.
const add = (vendor: string) => `add vendor=${vendor} start=01/02/2027 renews=01/02/2028 notice=60d`;

describe("dates in /cc-contract over HTTP, read by the user's Slack locale", () => {
  it("asks the locale with the time zone in one users.info call", async () => {
    app.fake.userLocales.U7 = "en-GB";
    const before = app.fake.callsTo("users.info").length;
    const res = await app.slash({ command: "/cc-contract", text: add("Acme"), userId: "U7" });
    expect(textOf(res.json)).toMatch(/saved/);
    const calls = app.fake.callsTo("users.info").slice(before);
    expect(calls).toHaveLength(1);
    expect(String(calls[0]?.args.include_locale)).toBe("true");
    expect((await app.running.store.read({ teamId: "T1" })).contracts.at(-1)?.start).toBe("2027-02-01");
  });

  it("an en-US user gets 2 January without a question", async () => {
    app.fake.userLocales.U8 = "en-US";
    await app.slash({ command: "/cc-contract", text: add("Brio"), userId: "U8" });
    expect((await app.running.store.read({ teamId: "T1" })).contracts.at(-1)?.start).toBe("2027-01-02");
  });

  it("asks a user whose locale does not settle it, and a click saves the reading chosen", async () => {
    app.fake.userLocales.U9 = "en-CA";
    const saved = (await app.running.store.read({ teamId: "T1" })).contracts.length;
    const res = await app.slash({ command: "/cc-contract", text: add("Cora"), userId: "U9" });
    expect(textOf(res.json)).toMatch(/two ways/);
    const choices = buttons((res.json as { blocks: unknown }).blocks);
    expect(choices.map((b) => b.text?.text)).toEqual([
      "Mon 1 Feb 2027, Tue 1 Feb 2028 (day first)",
      "Sat 2 Jan 2027, Sun 2 Jan 2028 (month first)",
    ]);
    // Nothing is saved until the reading is chosen.
    expect((await app.running.store.read({ teamId: "T1" })).contracts).toHaveLength(saved);
    const before = app.fake.callsTo("response_url:date").length;
    await click("U9", "T1", choices[0], app.fake.responseUrl("date"));
    const replies = await app.fake.waitFor("response_url:date", before + 1);
    expect(textOf(replies[before]?.args.blocks)).toMatch(/saved/);
    expect((await app.running.store.read({ teamId: "T1" })).contracts.at(-1)?.start).toBe("2027-02-01");
  });

  it("a user with no locale in Slack is asked too, never guessed for", async () => {
    app.fake.userLocales.U10 = "";
    const res = await app.slash({ command: "/cc-contract", text: add("Dune"), userId: "U10" });
    expect(
      buttons((res.json as { blocks: unknown }).blocks).map((b) => decodeCommandValue(b.value)?.t),
    ).toEqual([
      "add vendor=Dune start=2027-02-01 renews=2028-02-01 notice=60d",
      "add vendor=Dune start=2027-01-02 renews=2028-01-02 notice=60d",
    ]);
  });

  it("a reminder keeps the seconds of its ISO time", async () => {
    app.fake.userTimeZones.U11 = "Europe/Bucharest";
    await app.slash({
      command: "/cc-contract",
      text: "add vendor=Eos start=2027-01-15 renews=2028-01-15 notice=60d",
      userId: "U11",
    });
    const res = await app.slash({
      command: "/cc-contract",
      text: "remind Eos 2027-01-15T10:00:30Z check the first invoice",
      userId: "U11",
    });
    expect(textOf(res.json)).toContain("12:00:30");
    const custom = (await app.running.store.read({ teamId: "T1" })).reminders.find(
      (r) => r.kind === "custom",
    );
    expect(custom?.dueAt).toBe("2027-01-15T10:00:30.000Z");
  });
});

describe("a mention that starts with a misspelled command", () => {
  it("answers 'did you mean' with the command and the question as buttons", async () => {
    const before = app.fake.callsTo("chat.postMessage").length;
    await app.event({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev-typo-1",
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> estmate 12000 calls a month",
        ts: "1700000001.000200",
        channel: "C1",
        event_ts: "1700000001.000200",
      },
    });
    const posts = await app.fake.waitFor("chat.postMessage", before + 1);
    const post = posts[before]?.args as { text: string; blocks: unknown; thread_ts: string };
    expect(post.text).toContain("Did you mean /cc-estimate?");
    expect(post.thread_ts).toBe("1700000001.000200");
    expect(buttons(post.blocks).map((b) => decodeCommandValue(b.value))).toEqual([
      { c: "estimate", t: "12000 calls a month" },
      { c: "ask", t: "estmate 12000 calls a month" },
    ]);
  });
});
