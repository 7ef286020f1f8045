import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import type { Reminder } from "../../src/core/contracts/contract.ts";
import { blocksToText } from "../../src/render/text.ts";
import { type RunningScheduler, startScheduler } from "../../src/scheduler/scheduler.ts";
import { FileStore as Store } from "../../src/store/file-store.ts";
import { tempDbPath, testContext } from "../helpers/context.ts";
import { Clock, DAY, FakePoster } from "./fakes.ts";

const ADD = "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=C0CXOPS";
const running: RunningScheduler[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const pendingSlots = (rs: Reminder[]) =>
  rs
    .filter((r) => r.state === "pending")
    .map((r) => `${r.kind}@${r.dueAt}@${r.channel}`)
    .sort();

/** What a freshly added contract with these values would plan: the edit must end up the same. */
async function planOf(add: string, now: Date): Promise<string[]> {
  const ctx = await testContext({ now, timeZone: "UTC" });
  const out = await dispatch("contract", add, ctx);
  expect(out.ok).toBe(true);
  return pendingSlots((await ctx.db.read(ctx.workspace)).reminders);
}

describe("/cc-contract edit", () => {
  it("changes dates and notice, and re-plans the pending reminders exactly as a new contract would", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const ctx = await testContext({ now, timeZone: "UTC" });
    await dispatch("contract", ADD, ctx);
    const id = (await ctx.db.read(ctx.workspace)).contracts[0]?.id;

    const out = await dispatch("contract", "edit Acme renews=2028-03-01 notice=90d checkins=2x", ctx);
    expect(out.ok).toBe(true);
    const text = blocksToText(out.reply.blocks);
    expect(text).toContain("renews");
    expect(text).toContain("notice");
    const data = await ctx.db.read(ctx.workspace);
    expect(data.contracts).toHaveLength(1);
    // Same contract (its id, so posted reminders and buttons still point at it), new terms.
    expect(data.contracts[0]).toMatchObject({
      id,
      renews: "2028-03-01",
      notice: { amount: 90, unit: "d" },
      noticeDeadline: "2027-12-02",
      checkinsPerDay: 2,
    });
    expect(pendingSlots(data.reminders)).toEqual(
      await planOf(
        "add vendor=Acme start=2027-01-15 renews=2028-03-01 notice=90d checkins=2x channel=C0CXOPS",
        now,
      ),
    );
    expect(data.reminders.every((r) => r.contractId === id)).toBe(true);
  });

  it("never plans again what was already posted, and keeps one-off reminders", async () => {
    const clock = new Clock("2026-12-01T12:00:00Z");
    const ctx = await testContext({ now: clock.now, timeZone: "UTC" });
    await dispatch("contract", ADD, ctx);
    await dispatch("contract", "remind Acme 2027-03-01 check the first invoice", ctx);
    const poster = new FakePoster(clock);
    const sched = startScheduler({
      store: ctx.db,
      poster,
      intervalSeconds: 60,
      now: clock.now,
      timer: false,
    });
    running.push(sched);
    // The first two check-ins (Fri 15 and Mon 18 Jan 2027) go out.
    clock.set("2027-01-18T09:00:30Z");
    await sched.tickNow();
    await sched.tickNow();
    expect(poster.channelMessages).toHaveLength(2);

    // Moving the channel and adding weekend check-ins must not re-post those two.
    const out = await dispatch("contract", "edit Acme checkins=daily-7 channel=C0OTHER", ctx);
    expect(out.ok).toBe(true);
    const rs = (await ctx.db.read(ctx.workspace)).reminders;
    const posted = rs.filter((r) => r.state === "posted");
    expect(posted).toHaveLength(2);
    const pending = rs.filter((r) => r.state === "pending");
    for (const p of posted) expect(pending.some((r) => r.kind === p.kind && r.dueAt === p.dueAt)).toBe(false);
    expect(pending.every((r) => r.channel === "C0OTHER")).toBe(true);
    expect(pending.some((r) => r.kind === "custom" && r.dueAt === "2027-03-01T09:00:00.000Z")).toBe(true);
    // Sat 16 and Sun 17 Jan have passed; the next weekend (23, 24 Jan) now has check-ins.
    expect(pending.some((r) => r.kind === "checkin" && r.dueAt.startsWith("2027-01-23"))).toBe(true);
    expect(pending.some((r) => r.kind === "checkin" && r.dueAt.startsWith("2027-01-16"))).toBe(false);

    // Every remaining reminder goes out once, in the new channel.
    clock.set("2028-01-20T00:00:00Z");
    await sched.tickNow();
    await sched.tickNow();
    const ids = poster.channelMessages.map((m) => m.metadata.event_payload.reminder_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(2 + pending.length);
    expect(poster.channelMessages.slice(2).every((m) => m.channel === "C0OTHER")).toBe(true);
  });

  it("re-plans across a restart: the edit is on disk and the reopened store posts the new plan once", async () => {
    const clock = new Clock("2026-12-01T12:00:00Z");
    const path = tempDbPath();
    let store = await Store.open(path);
    let ctx = await testContext({ now: clock.now, store, timeZone: "UTC" });
    await dispatch("contract", ADD, ctx);
    await dispatch("contract", "edit Acme start=2027-02-01 onboarding=7d notice=30d", ctx);
    await store.close();

    store = await Store.open(path);
    ctx = await testContext({ now: clock.now, store, timeZone: "UTC" });
    const c = (await store.read(ctx.workspace)).contracts[0];
    expect(c).toMatchObject({ start: "2027-02-01", onboardingDays: 7, noticeDeadline: "2027-12-16" });
    const checkins = (await store.read(ctx.workspace)).reminders
      .filter((r) => r.kind === "checkin" && r.state === "pending")
      .map((r) => r.dueAt.slice(0, 10));
    // Mon 1 – Sun 7 Feb 2027: five weekdays.
    expect(checkins).toEqual(["2027-02-01", "2027-02-02", "2027-02-03", "2027-02-04", "2027-02-05"]);

    const poster = new FakePoster(clock);
    const sched = startScheduler({ store, poster, intervalSeconds: 60, now: clock.now, timer: false });
    running.push(sched);
    clock.advance(400 * DAY);
    await sched.tickNow();
    await sched.tickNow();
    const kinds = poster.channelMessages.map((m) => m.metadata.event_payload.reminder_id);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(5 + 3);
  });

  it.each([
    ["edit Acme", "Say what to change"],
    ["edit Nobody notice=30d", "no contract with Nobody"],
    ["edit Acme vendor=Beta", "cannot be edited"],
    ["edit Acme notice=60w", "longer than the term"],
    ["edit Acme renews=2026-01-01", "must come after the start date"],
    ["edit Acme colour=red", "Unknown key"],
  ])("refuses %s and changes nothing", async (text, message) => {
    const path = tempDbPath();
    const store = await Store.open(path);
    const ctx = await testContext({ now: new Date("2026-12-01T12:00:00Z"), store, timeZone: "UTC" });
    await dispatch("contract", ADD, ctx);
    const before = readFileSync(path, "utf8");
    const out = await dispatch("contract", text, ctx);
    expect(out.ok).toBe(false);
    expect(blocksToText(out.reply.blocks)).toContain(message);
    expect(readFileSync(path, "utf8")).toBe(before);
    await store.close();
  });
});

describe("onboarding check-ins", () => {
  it("skip weekends unless checkins=daily-7", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const days = async (checkins: string) =>
      (await planOf(`${ADD} onboarding=14d checkins=${checkins}`, now))
        .filter((s) => s.startsWith("checkin@"))
        .map((s) => new Date(s.split("@")[1] as string).getUTCDay());
    const weekdays = await days("1x");
    // Fri 15 – Thu 28 Jan 2027: ten weekdays.
    expect(weekdays).toHaveLength(10);
    expect(weekdays.some((d) => d === 0 || d === 6)).toBe(false);
    expect(await days("daily-7")).toHaveLength(14);
    expect(await days("2x")).toHaveLength(20);
    expect(await days("2x-7")).toHaveLength(28);
  });
});
