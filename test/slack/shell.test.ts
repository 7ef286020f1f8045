import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { signedHeaders, slashBody } from "../helpers/signed.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const mention = (eventId: string, extra: Record<string, unknown> = {}) => ({
  type: "event_callback",
  team_id: "T1",
  api_app_id: "A1",
  event_id: eventId,
  event_time: Math.floor(Date.now() / 1000),
  event: {
    type: "app_mention",
    user: "U1",
    text: "<@UBOT> what does shrinkage mean?",
    ts: "1700000000.000200",
    channel: "C1",
    event_ts: "1700000000.000200",
    ...extra,
  },
});

describe("HTTP receiver", () => {
  it("answers GET /healthz with 200", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it("rejects a request with a bad signature before any handler runs", async () => {
    const before = app.fake.calls.length;
    const body = slashBody({ command: "/cc-ask", text: "help" });
    const res = await fetch(`${app.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...signedHeaders(body, "wrong-secret"),
      },
      body,
    });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("help");
    expect(app.fake.calls.length).toBe(before);
  });

  it("rejects a correctly signed but stale request (replay)", async () => {
    const body = slashBody({ command: "/cc-ask", text: "help" });
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const res = await fetch(`${app.url}/slack/events`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...signedHeaders(body, undefined, stale),
      },
      body,
    });
    expect(res.status).toBe(401);
  });

  it("answers the url_verification challenge", async () => {
    const res = await app.event({ type: "url_verification", challenge: "abc123", token: "x" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("abc123");
  });
});

describe("events", () => {
  it("replies to a mention in a thread, once, even when Slack retries the event", async () => {
    const before = app.fake.callsTo("chat.postMessage").length;
    await app.event(mention("Ev-mention-1"));
    await app.fake.waitFor("chat.postMessage", before + 1);
    const retry = mention("Ev-mention-1");
    const body = JSON.stringify(retry);
    await app.event(retry, {
      ...signedHeaders(body),
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    await new Promise((r) => setTimeout(r, 200));
    const posts = app.fake.callsTo("chat.postMessage").slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.thread_ts).toBe("1700000000.000200");
    expect(posts[0]?.args.channel).toBe("C1");
  });

  it("ignores messages from bots and message edits", async () => {
    const before = app.fake.callsTo("chat.postMessage").length;
    await app.event({
      ...mention("Ev-bot"),
      event: { type: "message", channel_type: "im", channel: "D1", bot_id: "B2", text: "hi", ts: "1.1" },
    });
    await app.event({
      ...mention("Ev-edit"),
      event: { type: "message", channel_type: "im", channel: "D1", subtype: "message_changed", ts: "1.2" },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(app.fake.callsTo("chat.postMessage").length).toBe(before);
  });

  it("answers a direct message in the DM", async () => {
    const before = app.fake.callsTo("chat.postMessage").length;
    await app.event({
      ...mention("Ev-dm"),
      event: { type: "message", channel_type: "im", channel: "D9", user: "U1", text: "help", ts: "1.3" },
    });
    const posts = await app.fake.waitFor("chat.postMessage", before + 1);
    const post = posts[before];
    expect(post?.args.channel).toBe("D9");
    expect(post?.args.thread_ts).toBeUndefined();
  });

  it("publishes the App Home when it is opened", async () => {
    await app.event({
      ...mention("Ev-home"),
      event: { type: "app_home_opened", user: "U1", channel: "D1", tab: "home", event_ts: "1.4" },
    });
    const [call] = await app.fake.waitFor("views.publish");
    expect(call?.args.user_id).toBe("U1");
    const view = call?.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain("/cc-estimate");
  });
});
