import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { applyReminderAction } from "../../src/commands/reminder-actions.ts";
import type { Reminder } from "../../src/core/contracts/contract.ts";
import { createLogger } from "../../src/logger.ts";
import { REMINDER_ACTIONS } from "../../src/render/contract.ts";
import { blocksToText } from "../../src/render/text.ts";
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import type { ListenerDeps } from "../../src/slack/deps.ts";
import { registerReminderActions } from "../../src/slack/listeners/actions/reminders.ts";
import type { Store } from "../../src/store/store.ts";
import { testContext } from "../helpers/context.ts";
import { Clock, FakePoster } from "./fakes.ts";

// Reviews at 09:00 New York time; the 30-day review is Sun 17 Oct 2027 09:00 EDT (13:00 UTC).
const ADD = "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d onboarding=0 channel=C0CXOPS";

async function postedReview(teamId = "TA") {
  const clock = new Clock("2026-12-01T12:00:00Z");
  const ctx = await testContext({ now: clock.now, workspace: { teamId }, timeZone: "America/New_York" });
  await dispatch("contract", ADD, ctx);
  const poster = new FakePoster(clock);
  clock.set("2027-10-17T13:00:30Z");
  const sched = startScheduler({ store: ctx.db, poster, intervalSeconds: 60, now: clock.now, timer: false });
  await sched.tickNow();
  await sched.stop();
  const review = (await ctx.db.read(ctx.workspace)).reminders.find((r) => r.state === "posted") as Reminder;
  return { clock, ctx, poster, review, store: ctx.db };
}

describe("reminder buttons", () => {
  it("marks a reminder reviewed once, naming who did it", async () => {
    const { clock, ctx, review, store } = await postedReview();
    const first = await applyReminderAction(
      store,
      ctx.workspace,
      REMINDER_ACTIONS.reviewed,
      review.id,
      "U1",
      clock.now(),
    );
    expect(first.outcome.ok).toBe(true);
    const second = await applyReminderAction(
      store,
      ctx.workspace,
      REMINDER_ACTIONS.reviewed,
      review.id,
      "U2",
      clock.now(),
    );
    expect(second.outcome).toMatchObject({ ok: false, reason: "already" });
    expect((await store.read(ctx.workspace)).reminders.find((r) => r.id === review.id)).toMatchObject({
      state: "reviewed",
      doneBy: "U1",
    });
  });

  it("snoozes to the same local time a day or a week later, across the DST change, and posts it again then", async () => {
    const { clock, ctx, poster, review, store } = await postedReview();
    const day = await applyReminderAction(
      store,
      ctx.workspace,
      REMINDER_ACTIONS.snoozeDay,
      review.id,
      "U1",
      clock.now(),
    );
    expect(day.next?.dueAt).toBe("2027-10-18T13:00:00.000Z");
    // A second click (on "Snooze 1 week") does not snooze it twice.
    const week = await applyReminderAction(
      store,
      ctx.workspace,
      REMINDER_ACTIONS.snoozeWeek,
      review.id,
      "U2",
      clock.now(),
    );
    expect(week.outcome.ok).toBe(false);
    expect(
      (await store.read(ctx.workspace)).reminders.filter((r) => r.snoozedFrom === review.id),
    ).toHaveLength(1);

    clock.set("2027-10-18T13:00:10Z");
    const sched = startScheduler({ store, poster, intervalSeconds: 60, now: clock.now, timer: false });
    await sched.tickNow();
    await sched.stop();
    expect(poster.channelMessages).toHaveLength(2);
    const again = (await store.read(ctx.workspace)).reminders.find(
      (r) => r.snoozedFrom === review.id,
    ) as Reminder;
    expect(again.state).toBe("posted");
    // Snooze a week from 18 Oct (EDT) lands on 25 Oct 09:00 (still EDT); from 1 Nov it would be EST.
    const weekLater = await applyReminderAction(
      store,
      ctx.workspace,
      REMINDER_ACTIONS.snoozeWeek,
      again.id,
      "U1",
      clock.now(),
    );
    expect(weekLater.next?.dueAt).toBe("2027-10-25T13:00:00.000Z");
    clock.set("2027-11-05T15:00:00Z");
    const r = (await store.read(ctx.workspace)).reminders.find(
      (x) => x.id === weekLater.next?.id,
    ) as Reminder;
    await store.update(ctx.workspace, (d) => {
      const i = d.reminders.findIndex((x) => x.id === r.id);
      d.reminders[i] = { ...r, state: "posted" };
    });
    const acrossDst = await applyReminderAction(
      store,
      ctx.workspace,
      REMINDER_ACTIONS.snoozeWeek,
      r.id,
      "U1",
      clock.now(),
    );
    expect(acrossDst.next?.dueAt).toBe("2027-11-12T14:00:00.000Z");
  });

  it("never changes another workspace's reminder", async () => {
    const { ctx, review, store, clock } = await postedReview("TA");
    const other = await applyReminderAction(
      store,
      { teamId: "TB" },
      REMINDER_ACTIONS.reviewed,
      review.id,
      "U9",
      clock.now(),
    );
    expect(other.outcome).toMatchObject({ ok: false, reason: "not-found" });
    const sameTeamOtherGrid = await applyReminderAction(
      store,
      { teamId: "TA", enterpriseId: "E1" },
      REMINDER_ACTIONS.reviewed,
      review.id,
      "U9",
      clock.now(),
    );
    expect(sameTeamOtherGrid.outcome.ok).toBe(false);
    expect((await store.read(ctx.workspace)).reminders.find((r) => r.id === review.id)?.state).toBe("posted");
    expect((await store.read({ teamId: "TB" })).reminders).toEqual([]);
  });

  it("updates the message through Bolt to show who reviewed it, without the buttons", async () => {
    const { clock, ctx, review, store } = await postedReview();
    const handlers: Array<(args: unknown) => Promise<void>> = [];
    const fakeApp = {
      action: (_constraints: unknown, handler: (args: unknown) => Promise<void>) => handlers.push(handler),
    } as unknown as App;
    const deps = {
      store: store as Store,
      logger: createLogger("error"),
      now: clock.now,
    } as unknown as ListenerDeps;
    registerReminderActions(fakeApp, deps);
    const updates: Array<{ channel: string; ts: string; text: string; blocks: unknown[] }> = [];
    const responses: unknown[] = [];
    const click = (teamId: string, user: string) =>
      handlers[0]?.({
        ack: async () => undefined,
        body: {
          type: "block_actions",
          team: { id: teamId },
          user: { id: user },
          channel: { id: "C0CXOPS" },
          message: { ts: review.ts },
          response_url: "https://example.invalid/respond",
        },
        action: { type: "button", action_id: REMINDER_ACTIONS.reviewed, value: review.id },
        client: { chat: { update: async (args: (typeof updates)[number]) => updates.push(args) } },
        respond: async (r: unknown) => responses.push(r),
      });
    await click("TB", "U9");
    expect(updates).toEqual([]);
    expect(JSON.stringify(responses[0])).toContain("can't find this reminder");
    await click(ctx.workspace.teamId, "U1");
    expect(updates).toHaveLength(1);
    const shown = blocksToText(updates[0]?.blocks as never);
    expect(shown).toContain("Marked reviewed by <@U1>".replace(/[<>]/g, ""));
    expect(JSON.stringify(updates[0]?.blocks)).not.toContain(REMINDER_ACTIONS.snoozeDay);
    expect(updates[0]).toMatchObject({ channel: "C0CXOPS", ts: review.ts });
  });
});
