import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Contract } from "../../src/core/contracts/contract.ts";
import { planContract } from "../../src/core/contracts/plan.ts";
import { addTerm, parseChannel, parseTerm, parseWhen } from "../../src/core/contracts/when.ts";
import { addMonths, localParts, offsetMinutes, zonedToInstant } from "../../src/core/contracts/zone.ts";

// DST dates checked by hand: New York switches on Sun 14 Mar 2027 and Sun 7 Nov 2027; Bucharest (EU
// rules) on Sun 28 Mar 2027 and Sun 31 Oct 2027. Bucharest is UTC+2 in winter, UTC+3 in summer.

const contract = (over: Partial<Contract>): Contract => ({
  id: "K1",
  vendor: "Acme",
  start: "2027-01-04",
  renews: "2027-04-20",
  notice: { amount: 30, unit: "d" },
  noticeDeadline: "2027-03-21",
  onboardingDays: 0,
  checkinsPerDay: 1,
  channel: "C1",
  timeZone: "America/New_York",
  createdBy: "U1",
  createdAt: "2026-12-01T00:00:00.000Z",
  ...over,
});

const iso = (d: Date) => d.toISOString();

describe("wall-clock time in a zone", () => {
  it("puts 09:00 at the right instant on both sides of a DST change", () => {
    const at9 = (tz: string, y: number, m: number, d: number) =>
      iso(zonedToInstant({ year: y, month: m, day: d, hour: 9, minute: 0 }, tz));
    expect(at9("America/New_York", 2027, 3, 13)).toBe("2027-03-13T14:00:00.000Z");
    expect(at9("America/New_York", 2027, 3, 14)).toBe("2027-03-14T13:00:00.000Z");
    expect(at9("America/New_York", 2027, 11, 6)).toBe("2027-11-06T13:00:00.000Z");
    expect(at9("America/New_York", 2027, 11, 7)).toBe("2027-11-07T14:00:00.000Z");
    expect(at9("Europe/Bucharest", 2027, 3, 27)).toBe("2027-03-27T07:00:00.000Z");
    expect(at9("Europe/Bucharest", 2027, 3, 28)).toBe("2027-03-28T06:00:00.000Z");
    expect(at9("Europe/Bucharest", 2027, 10, 31)).toBe("2027-10-31T07:00:00.000Z");
  });

  it("moves a time skipped by spring-forward past the gap and takes the first of a repeated time", () => {
    const ny = "America/New_York";
    expect(iso(zonedToInstant({ year: 2027, month: 3, day: 14, hour: 2, minute: 30 }, ny))).toBe(
      "2027-03-14T07:30:00.000Z",
    );
    expect(iso(zonedToInstant({ year: 2027, month: 11, day: 7, hour: 1, minute: 30 }, ny))).toBe(
      "2027-11-07T05:30:00.000Z",
    );
  });

  it("reads back every wall-clock time it produced (except those skipped by DST)", () => {
    const zones = ["America/New_York", "Europe/Bucharest", "Asia/Tokyo", "Australia/Sydney", "UTC"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 2026, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 4, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (tz, year, month, day, hour, minute) => {
          const p = localParts(zonedToInstant({ year, month, day, hour, minute }, tz), tz);
          expect([p.year, p.month, p.day, p.hour, p.minute]).toEqual([year, month, day, hour, minute]);
        },
      ),
    );
  });

  it("knows the offsets", () => {
    expect(offsetMinutes(new Date("2027-01-10T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(offsetMinutes(new Date("2027-07-10T12:00:00Z"), "Europe/Bucharest")).toBe(180);
  });

  it("clamps month arithmetic to the end of the month", () => {
    expect(addMonths({ year: 2027, month: 5, day: 31 }, -3)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe("planning reminders", () => {
  it("reviews 30 and 7 days before the notice deadline and on it, at 09:00 local, across DST (New York)", () => {
    // Renews 20 Apr 2027 with 30 days' notice: deadline Sun 21 Mar (EDT); 30 days before is Fri 19 Feb
    // (EST); 7 days before is Sun 14 Mar, the day clocks go forward.
    const plan = planContract(contract({}), new Date("2026-12-01T00:00:00Z"));
    expect(plan.map((p) => [p.kind, iso(p.dueAt)])).toEqual([
      ["review-30", "2027-02-19T14:00:00.000Z"],
      ["review-7", "2027-03-14T13:00:00.000Z"],
      ["deadline", "2027-03-21T13:00:00.000Z"],
    ]);
  });

  it("plans in Bucharest time across the October change", () => {
    // Renews 1 Dec 2027 with one month's notice: deadline Mon 1 Nov (EET, UTC+2); 30 days before is
    // Sat 2 Oct and 7 days before Mon 25 Oct, both still summer time (UTC+3).
    const c = contract({
      renews: "2027-12-01",
      notice: { amount: 1, unit: "m" },
      noticeDeadline: "2027-11-01",
      timeZone: "Europe/Bucharest",
    });
    expect(planContract(c, new Date("2027-01-01T00:00:00Z")).map((p) => iso(p.dueAt))).toEqual([
      "2027-10-02T06:00:00.000Z",
      "2027-10-25T06:00:00.000Z",
      "2027-11-01T07:00:00.000Z",
    ]);
  });

  it("checks in twice a day for the onboarding days, keeping 09:00 and 15:00 through the DST change", () => {
    const c = contract({ start: "2027-03-12", onboardingDays: 4, checkinsPerDay: 2 });
    const checkins = planContract(c, new Date("2027-01-01T00:00:00Z"))
      .filter((p) => p.kind === "checkin")
      .map((p) => iso(p.dueAt));
    expect(checkins).toEqual([
      "2027-03-12T14:00:00.000Z",
      "2027-03-12T20:00:00.000Z",
      "2027-03-13T14:00:00.000Z",
      "2027-03-13T20:00:00.000Z",
      "2027-03-14T13:00:00.000Z",
      "2027-03-14T19:00:00.000Z",
      "2027-03-15T13:00:00.000Z",
      "2027-03-15T19:00:00.000Z",
    ]);
  });

  it("uses the time given with the dates instead of 09:00", () => {
    const c = contract({ renewsTime: "14:30", start: "2027-03-01", startTime: "08:00", onboardingDays: 1 });
    const plan = planContract(c, new Date("2027-01-01T00:00:00Z"));
    expect(plan.map((p) => iso(p.dueAt))).toEqual(
      [
        "2027-03-01T13:00:00.000Z", // 08:00 EST
        "2027-02-19T19:30:00.000Z", // 14:30 EST
        "2027-03-14T18:30:00.000Z", // 14:30 EDT
        "2027-03-21T18:30:00.000Z",
      ].sort(),
    );
  });

  it("never plans anything in the past", () => {
    const c = contract({ onboardingDays: 14 });
    const now = new Date("2027-03-01T00:00:00Z");
    const plan = planContract(c, now);
    expect(plan.map((p) => p.kind)).toEqual(["review-7", "deadline"]);
    expect(plan.every((p) => p.dueAt > now)).toBe(true);
  });
});

describe("reading dates, terms and channels", () => {
  // Thu 26 Nov 2026, 22:30 in New York; already Fri 27 Nov 12:30 in Tokyo.
  const now = new Date("2026-11-27T03:30:00Z");

  it("reads natural phrases in the user's zone, not the machine's", () => {
    expect(parseWhen("tomorrow", { now, timeZone: "America/New_York", locale: "en-US" })?.date).toEqual({
      year: 2026,
      month: 11,
      day: 27,
    });
    expect(parseWhen("tomorrow", { now, timeZone: "Asia/Tokyo", locale: "en-US" })?.date).toEqual({
      year: 2026,
      month: 11,
      day: 28,
    });
    expect(parseWhen("next Monday", { now, timeZone: "America/New_York", locale: "en-US" })?.date).toEqual({
      year: 2026,
      month: 11,
      day: 30,
    });
    expect(parseWhen("in 3 months", { now, timeZone: "America/New_York", locale: "en-US" })).toEqual({
      date: { year: 2027, month: 2, day: 26 },
    });
    expect(parseWhen("tomorrow at 3pm", { now, timeZone: "Asia/Tokyo", locale: "en-US" })).toEqual({
      date: { year: 2026, month: 11, day: 28 },
      time: { hour: 15, minute: 0 },
    });
  });

  it("reads ISO dates with or without a time, and instants with an offset in the user's zone", () => {
    expect(parseWhen("2027-01-15", { now, timeZone: "UTC", locale: "en-US" })).toEqual({
      date: { year: 2027, month: 1, day: 15 },
    });
    expect(parseWhen("2027-01-15T14:05", { now, timeZone: "UTC", locale: "en-US" })).toEqual({
      date: { year: 2027, month: 1, day: 15 },
      time: { hour: 14, minute: 5 },
    });
    expect(parseWhen("2027-01-15T02:00:00Z", { now, timeZone: "America/New_York", locale: "en-US" })).toEqual(
      {
        date: { year: 2027, month: 1, day: 14 },
        time: { hour: 21, minute: 0, second: 0 },
      },
    );
    expect(parseWhen("2027-02-30", { now, timeZone: "UTC", locale: "en-US" })).toBeUndefined();
    expect(parseWhen("someday soon-ish", { now, timeZone: "UTC", locale: "en-US" })).toBeUndefined();
  });

  it("reads notice periods, months included", () => {
    expect(parseTerm("60d")).toEqual({ amount: 60, unit: "d" });
    expect(parseTerm("3mo")).toEqual({ amount: 3, unit: "m" });
    expect(parseTerm("3 months")).toEqual({ amount: 3, unit: "m" });
    // m is minutes everywhere else (talk=5m): as a period it is refused, never read as months.
    expect(parseTerm("3m")).toBeUndefined();
    expect(parseTerm("2 weeks")).toEqual({ amount: 2, unit: "w" });
    expect(parseTerm("soon")).toBeUndefined();
    expect(addTerm({ year: 2028, month: 1, day: 15 }, { amount: 60, unit: "d" }, -1)).toEqual({
      year: 2027,
      month: 11,
      day: 16,
    });
  });

  it("takes channel mentions and ids, and refuses bare names it cannot resolve", () => {
    expect(parseChannel("<#C0CXOPS|cx-ops>")).toEqual({
      ok: true,
      channel: { id: "C0CXOPS", name: "cx-ops" },
    });
    expect(parseChannel("<#C0CXOPS|>")).toEqual({ ok: true, channel: { id: "C0CXOPS" } });
    expect(parseChannel("G012ABC")).toEqual({ ok: true, channel: { id: "G012ABC" } });
    expect(parseChannel("#cx-ops")).toEqual({ ok: false, reason: "name" });
    expect(parseChannel("ops team")).toEqual({ ok: false, reason: "invalid" });
  });
});
