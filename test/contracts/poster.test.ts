import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { reminderMetadata } from "../../src/scheduler/poster.ts";
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import { createReminderPoster, createSchedulerClient } from "../../src/slack/reminder-poster.ts";
import { FileStore as Store } from "../../src/store/file-store.ts";
import { tempDbPath, testContext } from "../helpers/context.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { Clock } from "./fakes.ts";

let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack().start();
});
afterAll(async () => {
  await slack.stop();
});

const poster = () => createReminderPoster(createSchedulerClient("xoxb-test", slack.apiUrl));
const args = (id: string) => ({
  channel: "C0CXOPS",
  text: "Review Acme",
  blocks: [],
  metadata: reminderMetadata(id),
});

describe("the Slack reminder poster", () => {
  it("posts with metadata and finds the message again by reminder id", async () => {
    const p = poster();
    const { ts } = await p.post(args("R-find"));
    await p.post(args("R-other"));
    const call = slack.callsTo("chat.postMessage").at(-2);
    expect(call?.args.metadata).toEqual({
      event_type: "switchboard_reminder",
      event_payload: { reminder_id: "R-find" },
    });
    expect(await p.findPosted("C0CXOPS", "R-find", 0)).toBe(ts);
    expect(await p.findPosted("C0CXOPS", "R-missing", 0)).toBeUndefined();
    expect(await p.findPosted("C0ELSE", "R-find", 0)).toBeUndefined();
    const history = slack.callsTo("conversations.history").at(-1);
    expect(history?.args).toMatchObject({ channel: "C0ELSE", include_all_metadata: "true" });
  });

  it("classifies 429 (with Retry-After), 5xx, permanent errors and network failures", async () => {
    const p = poster();
    slack.failNext("chat.postMessage", 1, {
      status: 429,
      headers: { "retry-after": "7" },
      body: { ok: false, error: "ratelimited" },
    });
    await expect(p.post(args("R1"))).rejects.toMatchObject({
      kind: "retryable",
      retryAfterSeconds: 7,
      ambiguous: false,
    });
    slack.failNext("chat.postMessage", 1, { status: 503, body: { ok: false } });
    await expect(p.post(args("R1"))).rejects.toMatchObject({
      kind: "retryable",
      code: "http_503",
      ambiguous: true,
    });
    slack.failNext("chat.postMessage", 1, { body: { ok: false, error: "channel_not_found" } });
    await expect(p.post(args("R1"))).rejects.toMatchObject({ kind: "permanent", code: "channel_not_found" });
    slack.failNext("chat.postMessage", 1, { body: { ok: false, error: "not_in_channel" } });
    await expect(p.post(args("R1"))).rejects.toMatchObject({ kind: "permanent", code: "not_in_channel" });
    const offline = createReminderPoster(createSchedulerClient("xoxb-test", "http://127.0.0.1:9/api/"));
    await expect(offline.post(args("R1"))).rejects.toMatchObject({ kind: "retryable", ambiguous: true });
  });

  it("drives the scheduler through the Web API: a 429 is waited out for its Retry-After, a 500 retried, and it posts once", async () => {
    // The fake numbers its messages from ts 1,700,000,000 (14 Nov 2023), so the clock starts just before.
    const clock = new Clock("2023-11-01T12:00:00Z");
    const store = await Store.open(tempDbPath());
    const ctx = await testContext({ now: clock.now, store, timeZone: "UTC" });
    const add = await dispatch(
      "contract",
      "add vendor=Acme start=2023-11-10 renews=2024-11-10 notice=30d onboarding=1d channel=C0API",
      ctx,
    );
    expect(add.ok).toBe(true);
    clock.set("2023-11-10T09:00:05Z");
    slack.failNext("chat.postMessage", 1, {
      status: 429,
      headers: { "retry-after": "3" },
      body: { ok: false, error: "ratelimited" },
    });
    slack.failNext("chat.postMessage", 1, { status: 500, body: { ok: false } });
    const before = slack.posted.length;
    const sched = startScheduler({
      store,
      poster: poster(),
      intervalSeconds: 60,
      now: clock.now,
      timer: false,
    });
    const calls = slack.callsTo("chat.postMessage").length;
    await sched.tickNow(); // 429: Slack said 3 s, so the same tick posts again 3 s later (and gets the 500)
    const [limited, after] = slack.callsTo("chat.postMessage").slice(calls);
    expect((after?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(2900);
    expect((after?.at ?? 0) - (limited?.at ?? 0)).toBeLessThan(10_000);
    clock.advance(31_000); // without a Retry-After the first retry waits 30 s
    await sched.tickNow(); // 500: may have been posted, so this attempt checks first
    clock.advance(61_000);
    await sched.tickNow();
    await sched.stop();
    const mine = slack.posted.slice(before).filter((m) => m.channel === "C0API");
    expect(mine).toHaveLength(1);
    expect(slack.callsTo("conversations.history").some((c) => c.args.channel === "C0API")).toBe(true);
    expect((await store.read(ctx.workspace)).reminders.find((r) => r.kind === "checkin")).toMatchObject({
      state: "posted",
      ts: mine[0]?.ts,
      attempts: 2,
    });
    await store.close();
  });
});
