import { afterEach, describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import type { Reminder } from "../../src/core/contracts/contract.ts";
import { blocksToText } from "../../src/render/text.ts";
import { ReminderPostError } from "../../src/scheduler/poster.ts";
import { type RunningScheduler, startScheduler } from "../../src/scheduler/scheduler.ts";
import { FileStore as Store } from "../../src/store/file-store.ts";
import { tempDbPath, testContext } from "../helpers/context.ts";
import { Clock, DAY, FakePoster, HOUR, MINUTE, SECOND } from "./fakes.ts";

// A contract added on Tue 1 Dec 2026 (UTC zone for readable instants): one review at 09:00 UTC on each
// of 17 Oct, 9 Nov and 16 Nov 2027; no check-ins.
const ADD = "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d onboarding=0 channel=C0CXOPS";
const REVIEW_30 = "2027-10-17T09:00:00Z";

const running: RunningScheduler[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

async function setup(opts: { path?: string } = {}) {
  const clock = new Clock("2026-12-01T12:00:00Z");
  const path = opts.path ?? tempDbPath();
  const store = await Store.open(path);
  const ctx = await testContext({ now: clock.now, store, timeZone: "UTC" });
  const poster = new FakePoster(clock);
  const start = (p: FakePoster = poster, s: Store = store) => {
    const sched = startScheduler({ store: s, poster: p, intervalSeconds: 60, now: clock.now, timer: false });
    running.push(sched);
    return sched;
  };
  return { clock, path, store, ctx, poster, start };
}

const remindersOf = async (store: Store, teamId = "T_TEST"): Promise<Reminder[]> =>
  (await store.read({ teamId })).reminders;
const byKind = async (store: Store, kind: Reminder["kind"]) =>
  (await remindersOf(store)).find((r) => r.kind === kind);

describe("the reminder scheduler", () => {
  it("posts a due reminder once, with metadata and buttons, and nothing early", async () => {
    const { clock, ctx, poster, start, store } = await setup();
    await dispatch("contract", ADD, ctx);
    const sched = start();
    await sched.tickNow();
    expect(poster.messages).toEqual([]);

    clock.set(REVIEW_30);
    clock.advance(10 * SECOND);
    await sched.tickNow();
    await sched.tickNow();
    expect(poster.channelMessages).toHaveLength(1);
    const msg = poster.channelMessages[0];
    const r = await byKind(store, "review-30");
    expect(msg?.channel).toBe("C0CXOPS");
    expect(msg?.metadata).toEqual({
      event_type: "switchboard_reminder",
      event_payload: { reminder_id: r?.id },
    });
    const text = blocksToText(msg?.blocks ?? []);
    for (const item of [
      "Fees charged vs quoted",
      "Billing rounding",
      "Hold time",
      "Service level",
      "Reports received",
    ])
      expect(text).toContain(item);
    expect(JSON.stringify(msg?.blocks)).toContain("reminder_snooze_1w");
    expect(r).toMatchObject({ state: "posted", ts: msg?.ts, attempts: 1 });
    expect(r?.late).toBeUndefined();
  });

  it("catches up at start-up on reminders missed while down, marked late", async () => {
    const { clock, ctx, poster, start, store } = await setup();
    await dispatch("contract", ADD, ctx);
    // Down from before 17 Oct until 10 Nov: two reviews came due meanwhile.
    clock.set("2027-11-10T08:00:00Z");
    const sched = start();
    await sched.tickNow();
    expect(poster.channelMessages).toHaveLength(2);
    expect((await byKind(store, "review-30"))?.late).toBe(true);
    expect((await byKind(store, "review-7"))?.late).toBe(true);
    expect((await byKind(store, "deadline"))?.state).toBe("pending");
    expect(blocksToText(poster.channelMessages[0]?.blocks ?? [])).toContain(
      "Posted late: this was due Sun 17 Oct 2027, 09:00",
    );
  });

  it("does not post twice when the process dies between the post and the state write", async () => {
    const { clock, ctx, poster, start, store, path } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set(REVIEW_30);
    // The post reaches the channel, then the "process dies": the database goes away before the
    // scheduler can record the post.
    poster.afterPost = () => store.close();
    const first = start();
    await first.tickNow();
    await first.stop();
    expect(poster.channelMessages).toHaveLength(1);

    const reopened = await Store.open(path);
    const onDisk = (await reopened.read({ teamId: "T_TEST" })).reminders.find((r) => r.kind === "review-30");
    expect(onDisk?.state).toBe("posting");

    poster.afterPost = undefined;
    clock.advance(2 * MINUTE);
    const second = start(poster, reopened);
    await second.tickNow();
    expect(poster.channelMessages).toHaveLength(1);
    expect(poster.findCalls.map((c) => c.reminderId)).toEqual([onDisk?.id]);
    const after = (await reopened.read({ teamId: "T_TEST" })).reminders.find((r) => r.kind === "review-30");
    expect(after).toMatchObject({ state: "posted", ts: poster.channelMessages[0]?.ts });
    await reopened.close();
  });

  it("posts after a restart when the process died after recording the attempt but before posting", async () => {
    const { clock, ctx, poster, start, store, path } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set(REVIEW_30);
    poster.beforePost = async () => {
      await store.close();
      throw new Error("killed");
    };
    const first = start();
    await first.tickNow();
    await first.stop();
    expect(poster.channelMessages).toHaveLength(0);

    poster.beforePost = undefined;
    const reopened = await Store.open(path);
    const second = start(poster, reopened);
    await second.tickNow();
    expect(poster.channelMessages).toHaveLength(1);
    expect(
      (await reopened.read({ teamId: "T_TEST" })).reminders.find((r) => r.kind === "review-30")?.state,
    ).toBe("posted");
    await reopened.close();
  });

  it("retries a 429 after Retry-After and a 5xx with backoff, staying pending meanwhile", async () => {
    const { clock, ctx, poster, start, store } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set(REVIEW_30);
    poster.failures.push(
      new ReminderPostError("rate limited", "retryable", { code: "ratelimited", retryAfterSeconds: 120 }),
      new ReminderPostError("HTTP 503", "retryable", { code: "http_503", ambiguous: true }),
    );
    const sched = start();
    await sched.tickNow();
    expect(await byKind(store, "review-30")).toMatchObject({
      state: "pending",
      lastError: "ratelimited",
      nextAttemptAt: "2027-10-17T09:02:00.000Z",
    });

    clock.advance(60 * SECOND); // still inside Retry-After
    await sched.tickNow();
    expect(poster.channelMessages).toHaveLength(0);

    clock.advance(61 * SECOND);
    await sched.tickNow(); // second attempt: 503; the next waits 30 s × 2 = 60 s
    const afterFiveXx = await byKind(store, "review-30");
    expect(afterFiveXx).toMatchObject({
      state: "pending",
      lastError: "http_503",
      uncertain: true,
      attempts: 2,
    });
    expect(Date.parse(afterFiveXx?.nextAttemptAt ?? "") - clock.now().getTime()).toBe(60 * SECOND);
    const list = blocksToText((await dispatch("contract", "list", ctx)).reply.blocks);
    expect(list).toContain("Retrying (2 attempts, last error http_503)");

    clock.advance(61 * SECOND);
    await sched.tickNow();
    // After a 5xx the message may exist: the channel is checked first, then it is posted once.
    expect(poster.findCalls).toHaveLength(1);
    expect(poster.channelMessages).toHaveLength(1);
    expect(await byKind(store, "review-30")).toMatchObject({ state: "posted", attempts: 3 });
  });

  it("does not post again after a 5xx when the message did reach the channel", async () => {
    const { clock, ctx, poster, start, store } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set(REVIEW_30);
    // Slack posted it but the answer was lost (a 504 from a proxy after the post).
    let first = true;
    poster.afterPost = () => {
      if (!first) return;
      first = false;
      throw new ReminderPostError("HTTP 504", "retryable", { code: "http_504", ambiguous: true });
    };
    const sched = start();
    await sched.tickNow();
    expect((await byKind(store, "review-30"))?.state).toBe("pending");
    clock.advance(HOUR);
    await sched.tickNow();
    expect(poster.channelMessages).toHaveLength(1);
    expect(await byKind(store, "review-30")).toMatchObject({
      state: "posted",
      ts: poster.channelMessages[0]?.ts,
    });
  });

  it("records a permanent error, tells the author once, shows it in list and never retries", async () => {
    const { clock, ctx, poster, start, store } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set(REVIEW_30);
    poster.failures.push(
      new ReminderPostError("channel_not_found", "permanent", { code: "channel_not_found" }),
    );
    const sched = start();
    await sched.tickNow();
    clock.advance(DAY);
    await sched.tickNow();
    expect(await byKind(store, "review-30")).toMatchObject({
      state: "failed",
      lastError: "channel_not_found",
    });
    expect(poster.channelMessages).toHaveLength(0);
    const dms = poster.messages.filter((m) => m.channel === "U_TEST");
    expect(dms).toHaveLength(1);
    expect(dms[0]?.text).toContain("channel_not_found");
    const list = blocksToText((await dispatch("contract", "list", ctx)).reply.blocks);
    expect(list).toContain(
      "Could not post the reminder due Sun 17 Oct 2027, 09:00 (UTC) to #C0CXOPS: channel_not_found",
    );
  });

  it("leaves the rest of a batch untouched after a 429 and posts them once Slack allows", async () => {
    const { clock, ctx, poster, start, store } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set("2027-11-16T10:00:00Z"); // all three reviews are due
    poster.failures.push(
      new ReminderPostError("rate limited", "retryable", { code: "ratelimited", retryAfterSeconds: 90 }),
    );
    const sched = start();
    await sched.tickNow();
    expect(poster.channelMessages).toHaveLength(0);
    const states = (await remindersOf(store)).map((r) => [r.kind, r.state, r.attempts]);
    expect(states).toEqual([
      ["review-30", "pending", 1],
      ["review-7", "pending", 0],
      ["deadline", "pending", 0],
    ]);
    clock.advance(60 * SECOND); // Slack said wait 90 s: nothing is tried
    await sched.tickNow();
    expect(poster.channelMessages).toHaveLength(0);
    clock.advance(31 * SECOND);
    await sched.tickNow();
    expect(poster.postedIds().sort()).toEqual((await remindersOf(store)).map((r) => r.id).sort());
    expect(poster.findCalls).toEqual([]); // a 429 means not posted: no need to look
  });

  it("posts to other channels while one channel's post is slow, one post at a time per channel", async () => {
    const { clock, ctx, start, store } = await setup();
    const channels = ["C0SLOW", "C0FAST1", "C0FAST2", "C0FAST3", "C0FAST4"];
    for (const [i, ch] of channels.entries())
      await dispatch("contract", ADD.replace("vendor=Acme", `vendor=V${i}`).replace("C0CXOPS", ch), ctx);
    clock.set("2027-11-16T10:00:00Z"); // three reviews due in each channel
    const inFlight = new Map<string, number>();
    let most = 0;
    let mostInOneChannel = 0;
    const done: Array<{ channel: string; at: number }> = [];
    const poster = new FakePoster(clock);
    poster.beforePost = async (args) => {
      const n = (inFlight.get(args.channel) ?? 0) + 1;
      inFlight.set(args.channel, n);
      mostInOneChannel = Math.max(mostInOneChannel, n);
      most = Math.max(
        most,
        [...inFlight.values()].reduce((a, b) => a + b, 0),
      );
      await new Promise((r) => setTimeout(r, args.channel === "C0SLOW" ? 600 : 20));
      inFlight.set(args.channel, n - 1);
      done.push({ channel: args.channel, at: Date.now() });
    };
    await start(poster).tickNow();
    expect(poster.channelMessages).toHaveLength(15);
    expect((await remindersOf(store)).every((r) => r.state === "posted")).toBe(true);
    const firstSlow = done.find((d) => d.channel === "C0SLOW")?.at ?? 0;
    const fast = done.filter((d) => d.channel !== "C0SLOW");
    // The twelve quick posts all finished while the first slow one was still going.
    expect(fast).toHaveLength(12);
    expect(fast.every((d) => d.at <= firstSlow)).toBe(true);
    expect(mostInOneChannel).toBe(1);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(6);
  });

  it("waits exactly a short Retry-After within the tick instead of a 30-second backoff", async () => {
    const { clock, ctx, poster, start, store } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set(REVIEW_30);
    poster.failures.push(
      new ReminderPostError("rate limited", "retryable", { code: "ratelimited", retryAfterSeconds: 1 }),
    );
    const tries: number[] = [];
    poster.beforePost = () => void tries.push(Date.now());
    await start().tickNow();
    expect(poster.channelMessages).toHaveLength(1);
    expect(await byKind(store, "review-30")).toMatchObject({ state: "posted", attempts: 1 });
    expect(tries).toHaveLength(2);
    const waited = (tries[1] ?? 0) - (tries[0] ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(5000);
    expect(poster.findCalls).toEqual([]); // a 429 was not posted: nothing to look for
  });

  it("posts once when two ticks overlap", async () => {
    const { clock, ctx, poster, start } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set("2027-11-10T08:00:00Z");
    poster.delayMs = 30;
    const sched = start();
    await Promise.all([sched.tickNow(), sched.tickNow(), sched.tickNow()]);
    expect(poster.channelMessages).toHaveLength(2);
    expect(new Set(poster.postedIds()).size).toBe(2);
  });

  it("posts once even when two schedulers are started over the same store", async () => {
    const { clock, ctx, poster, start } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set("2027-11-16T10:00:00Z");
    poster.delayMs = 20;
    const a = start();
    const b = start();
    await Promise.all([a.tickNow(), b.tickNow(), a.tickNow(), b.tickNow()]);
    expect(poster.channelMessages).toHaveLength(3);
    expect(new Set(poster.postedIds()).size).toBe(3);
    expect(poster.findCalls).toEqual([]);
  });

  it("posts nothing for a removed contract", async () => {
    const { clock, ctx, poster, start } = await setup();
    await dispatch("contract", ADD, ctx);
    await dispatch("contract", "remove Acme confirm=yes", ctx);
    clock.set("2028-02-01T00:00:00Z");
    await start().tickNow();
    expect(poster.messages).toEqual([]);
  });

  it("posts each workspace's reminders with that workspace's poster only", async () => {
    const { clock, store } = await setup();
    const a = await testContext({ now: clock.now, store, workspace: { teamId: "TA" }, timeZone: "UTC" });
    const b = await testContext({ now: clock.now, store, workspace: { teamId: "TB" }, timeZone: "UTC" });
    await dispatch("contract", ADD, a);
    await dispatch("contract", ADD.replace("C0CXOPS", "C0BBBBB"), b);
    const posters = { TA: new FakePoster(clock), TB: new FakePoster(clock) };
    const sched = startScheduler({
      store,
      poster: (ws) => posters[ws as "TA" | "TB"],
      intervalSeconds: 60,
      now: clock.now,
      timer: false,
    });
    running.push(sched);
    clock.set(REVIEW_30);
    await sched.tickNow();
    expect(posters.TA.channelMessages.map((m) => m.channel)).toEqual(["C0CXOPS"]);
    expect(posters.TB.channelMessages.map((m) => m.channel)).toEqual(["C0BBBBB"]);
  });

  it("runs on its own timer", async () => {
    const { clock, ctx, poster, store } = await setup();
    await dispatch("contract", ADD, ctx);
    clock.set(REVIEW_30);
    const sched = startScheduler({ store, poster, intervalSeconds: 0.05, now: clock.now });
    running.push(sched);
    const until = Date.now() + 2000;
    while (poster.channelMessages.length === 0 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 10));
    expect(poster.channelMessages).toHaveLength(1);
    clock.set("2027-11-09T09:00:01Z");
    const until2 = Date.now() + 3000;
    while (poster.channelMessages.length < 2 && Date.now() < until2)
      await new Promise((r) => setTimeout(r, 10));
    expect(poster.channelMessages).toHaveLength(2);
  });
});
