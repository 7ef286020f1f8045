import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import type { Contract, Reminder } from "../../src/core/contracts/contract.ts";
import { dateOrderOf, readNumericDate } from "../../src/core/contracts/numeric-date.ts";
import { AmbiguousDateError, parseWhen, readTerm, splitLeadingWhen } from "../../src/core/contracts/when.ts";
import { formatInstantHuman, zonedToInstant } from "../../src/core/contracts/zone.ts";
import { decodeCommandValue } from "../../src/render/buttons.ts";
import { testContext } from "../helpers/context.ts";

const now = new Date("2026-12-01T12:00:00Z");
const env = (locale: string) => ({ now, timeZone: "UTC", locale });

describe("numeric dates by locale", () => {
  it("knows which locales write the day first, the month first, or neither", () => {
    expect(dateOrderOf("en-US")).toBe("mdy");
    expect(dateOrderOf("en-GB")).toBe("dmy");
    expect(dateOrderOf("ro-RO")).toBe("dmy");
    expect(dateOrderOf("de-DE")).toBe("dmy");
    expect(dateOrderOf("pt-BR")).toBe("dmy");
    // Year-first locales, English without a region, unknown and invalid tags settle nothing.
    for (const l of ["en-CA", "ja-JP", "sv-SE", "en", "und", "xx-YY", "not a locale", ""])
      expect(dateOrderOf(l), l).toBeUndefined();
  });

  it("reads 01/02/2027 as 1 February day-first and 2 January month-first", () => {
    expect(parseWhen("01/02/2027", env("en-GB"))?.date).toEqual({ year: 2027, month: 2, day: 1 });
    expect(parseWhen("01/02/2027", env("ro-RO"))?.date).toEqual({ year: 2027, month: 2, day: 1 });
    expect(parseWhen("01.02.2027", env("ro-RO"))?.date).toEqual({ year: 2027, month: 2, day: 1 });
    expect(parseWhen("01/02/2027", env("en-US"))?.date).toEqual({ year: 2027, month: 1, day: 2 });
    expect(parseWhen("1/2/27", env("en-GB"))?.date).toEqual({ year: 2027, month: 2, day: 1 });
  });

  it("asks when both readings are dates and the locale does not say", () => {
    for (const locale of ["und", "en-CA", "en"]) {
      let caught: unknown;
      try {
        parseWhen("01/02/2027", env(locale));
      } catch (err) {
        caught = err;
      }
      expect(caught, locale).toBeInstanceOf(AmbiguousDateError);
      const e = caught as AmbiguousDateError;
      expect(e.readings).toEqual({
        dmy: { year: 2027, month: 2, day: 1 },
        mdy: { year: 2027, month: 1, day: 2 },
      });
      expect(e.message).toMatch(/1 Feb 2027.*2 Jan 2027/);
    }
  });

  it("needs no question when only one reading is a date, or both are the same", () => {
    expect(parseWhen("13/02/2027", env("und"))?.date).toEqual({ year: 2027, month: 2, day: 13 });
    expect(parseWhen("02/13/2027", env("und"))?.date).toEqual({ year: 2027, month: 2, day: 13 });
    expect(parseWhen("13/02/2027", env("en-US"))?.date).toEqual({ year: 2027, month: 2, day: 13 });
    expect(parseWhen("05/05/2027", env("und"))?.date).toEqual({ year: 2027, month: 5, day: 5 });
    expect(parseWhen("2027/02/01", env("und"))?.date).toEqual({ year: 2027, month: 2, day: 1 });
    expect(parseWhen("13/13/2027", env("und"))).toBeUndefined();
    expect(parseWhen("31/02/2027", env("en-GB"))).toBeUndefined();
  });

  it("ISO dates are never in doubt, whatever the locale", () => {
    for (const locale of ["und", "en-US", "en-GB", "ja-JP"])
      expect(parseWhen("2027-01-02", env(locale))?.date).toEqual({ year: 2027, month: 1, day: 2 });
  });

  it("a date without a year is the next one to come", () => {
    expect(readNumericDate("3/1", env("en-GB"))).toMatchObject({ date: { year: 2027, month: 1, day: 3 } });
    expect(readNumericDate("25/12", env("und"))).toMatchObject({ date: { year: 2026, month: 12, day: 25 } });
  });

  it("only a date at the start of a reminder is read, not numbers in its note", () => {
    const split = splitLeadingWhen("01/02/2027 check 1/2 of the calls", env("en-GB"));
    expect(split?.when.date).toEqual({ year: 2027, month: 2, day: 1 });
    expect(split?.rest).toBe("check 1/2 of the calls");
    expect(splitLeadingWhen("01/02/2027 14:30 check", env("ro-RO"))?.when).toEqual({
      date: { year: 2027, month: 2, day: 1 },
      time: { hour: 14, minute: 30 },
      readAs: { raw: "01/02/2027", order: "dmy", locale: "ro-RO" },
    });
  });
});

describe("seconds", () => {
  it("keeps the seconds of an ISO time, with or without a zone", () => {
    expect(parseWhen("2027-01-15T10:00:30Z", env("und"))).toEqual({
      date: { year: 2027, month: 1, day: 15 },
      time: { hour: 10, minute: 0, second: 30 },
    });
    expect(parseWhen("2027-01-15T10:00:30", env("und"))?.time).toEqual({ hour: 10, minute: 0, second: 30 });
    expect(parseWhen("2027-01-15T10:00:30.750+02:00", env("und"))?.time).toEqual({
      hour: 8,
      minute: 0,
      second: 30,
    });
    expect(parseWhen("2027-01-15T10:00:61", env("und"))).toBeUndefined();
  });

  it("turns a wall-clock time with seconds into the instant, across zones", () => {
    const t = { year: 2027, month: 7, day: 1, hour: 9, minute: 5, second: 7 };
    expect(zonedToInstant(t, "Europe/Bucharest").toISOString()).toBe("2027-07-01T06:05:07.000Z");
    expect(formatInstantHuman(new Date("2027-07-01T06:05:07Z"), "Europe/Bucharest")).toBe(
      "Thu 1 Jul 2027, 09:05:07",
    );
    expect(formatInstantHuman(new Date("2027-07-01T06:05:00Z"), "Europe/Bucharest")).toBe(
      "Thu 1 Jul 2027, 09:05",
    );
  });
});

describe("periods", () => {
  it("m is minutes in this product: a notice of 2m is refused, 2mo is two months", () => {
    expect(readTerm("2m")).toEqual({ ok: false, reason: "minutes" });
    expect(readTerm("2min")).toEqual({ ok: false, reason: "minutes" });
    expect(readTerm("2mo")).toEqual({ ok: true, term: { amount: 2, unit: "m" } });
    expect(readTerm("2 months")).toEqual({ ok: true, term: { amount: 2, unit: "m" } });
    expect(readTerm("60d")).toEqual({ ok: true, term: { amount: 60, unit: "d" } });
    expect(readTerm("constructor")).toEqual({ ok: false, reason: "unreadable" });
    expect(readTerm("2constructor")).toEqual({ ok: false, reason: "unreadable" });
  });
});

type Blocks = Array<{
  type: string;
  elements?: Array<{ type: string; text?: { text: string }; value?: string }>;
}>;
const buttonsOf = (blocks: unknown) =>
  (blocks as Blocks)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ label: e.text?.text ?? "", cmd: decodeCommandValue(e.value) }));

describe("/cc-contract with dates that could be read two ways", () => {
  it("asks, offers each reading as a button, and saves nothing until one is chosen", async () => {
    const ctx = await testContext({ now, locale: "und" });
    const out = await dispatch(
      "contract",
      "add vendor=Acme start=01/02/2027 renews=01/02/2028 notice=60d channel=C0123ABCD",
      ctx,
    );
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/two ways/);
    const buttons = buttonsOf(out.reply.blocks);
    expect(buttons.map((b) => b.label)).toEqual([
      "Mon 1 Feb 2027, Tue 1 Feb 2028 (day first)",
      "Sat 2 Jan 2027, Sun 2 Jan 2028 (month first)",
    ]);
    expect(buttons[0]?.cmd).toEqual({
      c: "contract",
      t: "add vendor=Acme start=2027-02-01 renews=2028-02-01 notice=60d channel=C0123ABCD",
    });
    expect((await ctx.db.read(ctx.workspace)).contracts).toHaveLength(0);

    // The month-first button, run as Slack would: the contract is saved with that reading.
    const chosen = buttons[1]?.cmd;
    const run = await dispatch(chosen?.c ?? "", chosen?.t ?? "", ctx);
    expect(run.ok).toBe(true);
    const saved = (await ctx.db.read(ctx.workspace)).contracts[0] as Contract;
    expect([saved.start, saved.renews]).toEqual(["2027-01-02", "2028-01-02"]);
    await ctx.db.close();
  });

  it("reads them without asking when the locale settles the order", async () => {
    const ctx = await testContext({ now, locale: "ro-RO" });
    const out = await dispatch(
      "contract",
      "add vendor=Acme start=01/02/2027 renews=01/02/2028 notice=60d channel=C0123ABCD",
      ctx,
    );
    expect(out.ok ? "" : out.reply.text).toBe("");
    const saved = (await ctx.db.read(ctx.workspace)).contracts[0] as Contract;
    expect(saved.start).toBe("2027-02-01");
    // The reply says how the locale read it, so a wrong locale setting is seen at once.
    expect(JSON.stringify(out.reply.blocks)).toContain(
      "01/02/2027 read as Mon 1 Feb 2027 (day first, as ro-RO writes dates",
    );
    await ctx.db.close();
  });

  it("asks about a reminder's date, keeping the note in both readings", async () => {
    const ctx = await testContext({ now, locale: "en-CA" });
    await dispatch("contract", "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d", ctx);
    const out = await dispatch("contract", "remind Acme 03/04/2027 check 1/2 of the invoices", ctx);
    expect(out.ok).toBe(false);
    expect(JSON.stringify(out.reply.blocks)).toMatch(/language setting \(en-CA\)/);
    expect(buttonsOf(out.reply.blocks).map((b) => b.cmd?.t)).toEqual([
      "remind Acme 2027-04-03 check 1/2 of the invoices",
      "remind Acme 2027-03-04 check 1/2 of the invoices",
    ]);
    const custom = async () =>
      (await ctx.db.read(ctx.workspace)).reminders.filter((r) => r.kind === "custom");
    expect(await custom()).toHaveLength(0);
    await dispatch("contract", "remind Acme 2027-04-03 check 1/2 of the invoices", ctx);
    expect((await custom())[0]?.note).toBe("check 1/2 of the invoices");
    await ctx.db.close();
  });

  it("refuses notice=2m with the two ways to write it, and a button for months", async () => {
    const ctx = await testContext({ now });
    const out = await dispatch(
      "contract",
      "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=2m",
      ctx,
    );
    expect(out.ok).toBe(false);
    expect(out.reply.text).toContain("notice=2mo");
    expect(out.reply.text).toContain("notice=60d");
    expect(buttonsOf(out.reply.blocks)[0]?.cmd?.t).toBe(
      "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=2mo",
    );
    expect((await ctx.db.read(ctx.workspace)).contracts).toHaveLength(0);
    await ctx.db.close();
  });
});

describe("/cc-contract remind to the second", () => {
  const setup = async (at: Date) => {
    const ctx = await testContext({ now: at });
    await dispatch("contract", "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d", ctx);
    return ctx;
  };
  const customOf = async (ctx: Awaited<ReturnType<typeof setup>>) =>
    (await ctx.db.read(ctx.workspace)).reminders.filter((r) => r.kind === "custom") as Reminder[];

  it("keeps :30 of 2027-01-15T10:00:30Z and shows it", async () => {
    const ctx = await setup(now);
    const out = await dispatch("contract", "remind Acme 2027-01-15T10:00:30Z check the invoice", ctx);
    expect(out.ok ? "" : out.reply.text).toBe("");
    expect((await customOf(ctx))[0]?.dueAt).toBe("2027-01-15T10:00:30.000Z");
    expect(out.reply.text).toContain("10:00:30");
    await ctx.db.close();
  });

  it("accepts a time a few seconds ahead, and one within the second that is under way", async () => {
    const ctx = await setup(new Date("2026-12-01T12:00:27.400Z"));
    expect((await dispatch("contract", "remind Acme 2026-12-01T12:00:30Z soon", ctx)).ok).toBe(true);
    expect((await dispatch("contract", "remind Acme 2026-12-01T12:00:27Z now", ctx)).ok).toBe(true);
    expect((await customOf(ctx)).map((r) => r.dueAt)).toEqual([
      "2026-12-01T12:00:30.000Z",
      "2026-12-01T12:00:27.000Z",
    ]);
    // A second that is over is in the past; so is a minute that is over when no seconds were given.
    const late = await dispatch("contract", "remind Acme 2026-12-01T12:00:26Z late", ctx);
    expect(late.ok ? "" : late.reply.text).toMatch(/in the past/);
    const minute = await dispatch("contract", "remind Acme 2026-12-01T11:59Z late", ctx);
    expect(minute.ok ? "" : minute.reply.text).toMatch(/in the past/);
    expect(await customOf(ctx)).toHaveLength(2);
    await ctx.db.close();
  });

  it("keeps seconds in contract dates, for the reminders they plan", async () => {
    const ctx = await testContext({ now });
    const out = await dispatch(
      "contract",
      "add vendor=Acme start=2027-01-15T08:15:45 renews=2028-01-15T10:00:05 notice=60d onboarding=1d",
      ctx,
    );
    expect(out.ok ? "" : out.reply.text).toBe("");
    const saved = await ctx.db.read(ctx.workspace);
    expect(saved.contracts[0]).toMatchObject({ startTime: "08:15:45", renewsTime: "10:00:05" });
    const byKind = (k: string) => saved.reminders.find((r) => r.kind === k)?.dueAt;
    expect(byKind("checkin")).toBe("2027-01-15T08:15:45.000Z");
    expect(byKind("deadline")).toBe("2027-11-16T10:00:05.000Z");
    await ctx.db.close();
  });
});

describe("/cc-contract and names that exist on every object", () => {
  it("refuses Object.prototype names as keys, units, vendors and subcommands as input, never a crash", async () => {
    const ctx = await testContext({ now });
    await dispatch("contract", "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d", ctx);
    const before = JSON.stringify(await ctx.db.read(ctx.workspace));
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), "prototype"]) {
      for (const text of [
        `add vendor=Beta start=2027-01-15 renews=2028-01-15 notice=60d ${name}=1`,
        `add vendor=Beta start=2027-01-15 renews=2028-01-15 notice=2${name}`,
        `add vendor=Beta start=${name} renews=2028-01-15 notice=60d`,
        `remind ${name} 2027-03-01 check`,
        `show ${name}`,
        name,
      ]) {
        const out = await dispatch("contract", text, ctx);
        expect(out.ok ? "ok" : out.kind, text).toBe("input");
      }
    }
    expect(JSON.stringify(await ctx.db.read(ctx.workspace))).toBe(before);
    await ctx.db.close();
  });
});

describe("/cc-contract edit with a date that could be read two ways", () => {
  it("asks with buttons that run the edit with each reading", async () => {
    const ctx = await testContext({ now, locale: "und" });
    await dispatch("contract", "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d", ctx);
    const out = await dispatch("contract", "edit Acme renews=03/04/2028", ctx);
    expect(out.ok).toBe(false);
    expect(buttonsOf(out.reply.blocks).map((b) => b.cmd?.t)).toEqual([
      "edit Acme renews=2028-04-03",
      "edit Acme renews=2028-03-04",
    ]);
    expect((await ctx.db.read(ctx.workspace)).contracts[0]?.renews).toBe("2028-01-15");
    const notice = await dispatch("contract", "edit Acme notice=2m", ctx);
    expect(buttonsOf(notice.reply.blocks)[0]?.cmd?.t).toBe("edit Acme notice=2mo");
    await ctx.db.close();
  });
});
