import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Contract, Reminder } from "../../src/core/contracts/contract.ts";
import {
  backoffMs,
  cancelForContract,
  claim,
  recordPosted,
  recordRetry,
  selectWork,
} from "../../src/core/contracts/lifecycle.ts";
import { planContract } from "../../src/core/contracts/plan.ts";
import { addTerm } from "../../src/core/contracts/when.ts";
import { addDays, formatLocalDate, localParts } from "../../src/core/contracts/zone.ts";

const reminder = (over: Partial<Reminder> = {}): Reminder => ({
  id: "R1",
  contractId: "K1",
  vendor: "Acme",
  kind: "review-30",
  channel: "C1",
  dueAt: "2027-10-17T09:00:00.000Z",
  timeZone: "UTC",
  state: "pending",
  attempts: 0,
  createdBy: "U1",
  createdAt: "2026-12-01T00:00:00.000Z",
  ...over,
});

describe("scheduler decisions", () => {
  it("picks due reminders and orphans, oldest first, skipping those in flight or waiting to retry", () => {
    const now = new Date("2027-10-17T12:00:00Z");
    const list = [
      reminder({ id: "future", dueAt: "2027-10-18T09:00:00Z" }),
      reminder({ id: "due-late", dueAt: "2027-10-17T11:00:00Z" }),
      reminder({ id: "due-early", dueAt: "2027-10-17T08:00:00Z" }),
      reminder({ id: "waiting", nextAttemptAt: "2027-10-17T12:05:00Z" }),
      reminder({ id: "orphan", state: "posting" }),
      reminder({ id: "busy", state: "posting" }),
      reminder({ id: "posted", state: "posted" }),
      reminder({ id: "failed", state: "failed" }),
    ];
    expect(selectWork(list, now, new Set(["busy"])).map((r) => r.id)).toEqual([
      "due-early",
      "orphan",
      "due-late",
    ]);
  });

  it("records the attempt, flags it late past the grace, and asks for a check when it was left posting", () => {
    const now = new Date("2027-10-17T09:10:00Z");
    const fresh = claim(reminder(), now, 5 * 60_000);
    expect(fresh).toMatchObject({ check: false, reminder: { state: "posting", attempts: 1, late: true } });
    const onTime = claim(reminder(), new Date("2027-10-17T09:01:00Z"), 5 * 60_000);
    expect(onTime.reminder.late).toBeUndefined();
    const orphan = claim(
      reminder({ state: "posting", attempts: 1, firstAttemptAt: "2027-10-17T09:00:00Z" }),
      now,
      300_000,
    );
    expect(orphan).toMatchObject({
      check: true,
      reminder: { attempts: 2, firstAttemptAt: "2027-10-17T09:00:00Z" },
    });
  });

  it("backs off 30 s, doubling, capped at an hour, and waits exactly Slack's Retry-After when given", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    expect(backoffMs(1, 600)).toBe(600_000);
    expect(backoffMs(1, 1)).toBe(1000);
    expect(backoffMs(5, 2)).toBe(2000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        (a) => backoffMs(a + 1) >= backoffMs(a) && backoffMs(a) <= 3_600_000,
      ),
    );
  });

  it("keeps a retry after an ambiguous failure marked for a check before the next post", () => {
    const now = new Date("2027-10-17T09:00:00Z");
    const r = recordRetry(reminder({ state: "posting", attempts: 1 }), now, {
      message: "http_503",
      ambiguous: true,
    });
    expect(r).toMatchObject({ state: "pending", uncertain: true, nextAttemptAt: "2027-10-17T09:00:30.000Z" });
    expect(claim(r, new Date("2027-10-17T09:01:00Z"), 300_000).check).toBe(true);
  });

  it("cancels a contract's open reminders only, and a post finishing after removal stays cancelled", () => {
    const list = [
      reminder({ id: "a" }),
      reminder({ id: "b", state: "posted" }),
      reminder({ id: "c", contractId: "K2" }),
      reminder({ id: "d", state: "posting" }),
    ];
    const { reminders, cancelled } = cancelForContract(list, "K1");
    expect(cancelled).toBe(2);
    expect(reminders.map((r) => r.state)).toEqual(["cancelled", "posted", "pending", "cancelled"]);
    const late = recordPosted(reminders[3] as Reminder, "1.0", new Date());
    expect(late).toMatchObject({ state: "cancelled", ts: "1.0" });
  });
});

describe("planning, for any contract and zone", () => {
  const zones = ["America/New_York", "Europe/Bucharest", "Australia/Sydney", "Asia/Kolkata", "UTC"];
  it("puts every reminder at 09:00 local on the right day, after now", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 60, max: 900 }),
        fc.integer({ min: 1, max: 59 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(1 as const, 2 as const),
        (tz, startOffset, termDays, noticeDays, onboardingDays, perDay) => {
          const start = addDays({ year: 2027, month: 1, day: 1 }, startOffset);
          const renews = addDays(start, termDays);
          const deadline = addTerm(renews, { amount: noticeDays, unit: "d" }, -1);
          const c: Contract = {
            id: "K",
            vendor: "V",
            start: formatLocalDate(start),
            renews: formatLocalDate(renews),
            notice: { amount: noticeDays, unit: "d" },
            noticeDeadline: formatLocalDate(deadline),
            onboardingDays,
            checkinsPerDay: perDay,
            channel: "C1",
            timeZone: tz,
            createdBy: "U",
            createdAt: "",
          };
          const now = new Date("2027-06-01T00:00:00Z");
          const plan = planContract(c, now);
          for (const p of plan) {
            expect(p.dueAt.getTime()).toBeGreaterThan(now.getTime());
            const local = localParts(p.dueAt, tz);
            if (p.kind === "checkin") expect([9, 15]).toContain(local.hour);
            else expect(local.hour).toBe(9);
            expect(local.minute).toBe(0);
            const day = formatLocalDate(local);
            if (p.kind === "deadline") expect(day).toBe(c.noticeDeadline);
            if (p.kind === "review-7") expect(day).toBe(formatLocalDate(addDays(deadline, -7)));
            if (p.kind === "review-30") expect(day).toBe(formatLocalDate(addDays(deadline, -30)));
          }
          const checkins = plan.filter((p) => p.kind === "checkin").length;
          expect(checkins).toBeLessThanOrEqual(onboardingDays * perDay);
        },
      ),
      { numRuns: 300 },
    );
  });
});
