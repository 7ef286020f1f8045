import { describe, expect, it } from "vitest";
import { UserInputError } from "../../src/core/errors.ts";
import { parseEstimate } from "../../src/core/estimate/parse.ts";
import { PRICING } from "../../src/core/estimate/pricing.ts";

const parse = (text: string) => parseEstimate(text, PRICING);

const errorOf = (text: string): UserInputError => {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof UserInputError) return err;
    throw err;
  }
  throw new Error(`no error for ${text}`);
};

const ISSUE_EXAMPLE = {
  contactsPerMonth: 12_000,
  talkSeconds: 300,
  wrapSeconds: 60,
  holdSeconds: 30,
  holdBilled: false,
  coverage: { hoursPerDay: 24, daysPerWeek: 7, label: "24/7" },
  billingIncrementSeconds: 60,
};

describe("parseEstimate: the forms people type", () => {
  it.each([
    "12k calls/month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s",
    "12000 calls a month, 5 min talk, 1 min wrap-up, 30s hold, 24/7, per-minute billing",
    "12,000 calls per month; talk time 5 minutes; wrap 1m; hold 0:30; open 24/7; billed per minute",
    "contacts=12000 talk=5m wrap=1m hold=30s hours=24/7 billing=60s",
    "contacts=12k talk=300s wrap_up=60s hold=0.5m hours=24x7 billing=1m hold-billed=no",
    "contacts=12000 talk-min=5 wrap-min=1 hold-sec=30 hours=24/7 billing=60s",
    "12000 calls, talk=5m wrap=1m hold=30s, 24/7 coverage, billing 60s",
  ])("reads %s", (text) => {
    expect(parse(text).input).toMatchObject(ISSUE_EXAMPLE);
  });

  it("reads the short form and states every default it applied", () => {
    const p = parse("12000 calls a month, 5 min talk");
    expect(p.input).toMatchObject({
      contactsPerMonth: 12_000,
      talkSeconds: 300,
      // The defaults every command shares (src/core/estimate/defaults.ts).
      wrapSeconds: 60,
      holdSeconds: 30,
      coverage: { hoursPerDay: 9, daysPerWeek: 5 },
      billingIncrementSeconds: 60,
      target: 0.8,
      answerSeconds: 20,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      licensed: false,
      languages: [],
    });
    expect(p.defaults).toEqual([
      "hours: business (9 h × 5 days a week)",
      "wrap-up: 1 min",
      "hold: 30 s",
      "hold not billed",
      "billing: rounded up to the next minute",
      "service level: 80% answered within 20 s",
      "shrinkage: 30%",
      "max occupancy: 85%",
      "day shape: flat (the same volume every open hour)",
      "billing basis: paid hours (shrinkage billed)",
    ]);
  });

  it.each([
    ["hours=business", 9, 5],
    ["business hours", 9, 5],
    ["hours=12x6", 12, 6],
    ["hours 16x7", 16, 7],
    ["hours=24/7/365", 24, 7],
  ])("reads coverage %s", (text, h, d) => {
    expect(parse(`12000 calls, talk 5m, ${text}`).input.coverage).toMatchObject({
      hoursPerDay: h,
      daysPerWeek: d,
    });
  });

  it.each([
    ["billing=1s", 1],
    ["billing=6s", 6],
    ["billing=30s", 30],
    ["billed per second", 1],
    ["6-second billing", 6],
    ["billing=per-second", 1],
    ["rounded up to the minute", 60],
  ])("reads the billing increment %s", (text, seconds) => {
    expect(parse(`12000 calls, talk 5m, ${text}`).input.billingIncrementSeconds).toBe(seconds);
  });

  it("reads service level, shrinkage, occupancy, premiums and rate overrides", () => {
    const p = parse(
      "contacts=40000 talk=4m target=90% answer=30s shrinkage=25% max-occupancy=0.9 licensed=yes languages=es,fr,en shared-rate=0.80-1.10 hourly-rate=$28",
    );
    expect(p.input).toMatchObject({
      target: 0.9,
      answerSeconds: 30,
      shrinkage: 0.25,
      maxOccupancy: 0.9,
      licensed: true,
      languages: ["es", "fr"],
      sharedRate: { low: 0.8, high: 1.1 },
      hourlyRate: { low: 28, high: 28 },
    });
    expect(parse("12000 calls, talk 5m, 90% in 15s, licensed agents, languages spanish").input).toMatchObject(
      {
        target: 0.9,
        answerSeconds: 15,
        licensed: true,
        languages: ["spanish"],
      },
    );
    expect(parse("12000 calls, talk 5m, hold 1m, hold is billed").input.holdBilled).toBe(true);
    expect(parse("12000 calls, talk 5m, languages spanish and french").input.languages).toEqual([
      "spanish",
      "french",
    ]);
  });

  it("turns daily, weekly and yearly volumes into monthly ones and says so", () => {
    const day = parse("500 calls a day, talk 4m, business hours");
    expect(day.input.contactsPerMonth).toBeCloseTo(500 * ((5 * 52.143) / 12), 1);
    expect(day.readAs[0]).toMatch(/500 a day × 21\.7 open days a month = 10,863 contacts a month/);
    expect(parse("120000 calls a year, talk 4m").input.contactsPerMonth).toBe(10_000);
    expect(parse("1000 calls per week, talk 4m").input.contactsPerMonth).toBeCloseTo((1000 * 52.143) / 12, 1);
  });
});

describe("parseEstimate: bad input is named, with an example", () => {
  it.each([
    ["contacts=12000 talk=5m colour=red", /don't know the key `colour`/, undefined],
    ["contacts=12000 talk=5m aht=6m", /don't know the key `aht`/, undefined],
    ["contacts=-12000 talk=5m", /cannot be negative/, "contacts"],
    ["contacts=0 talk=5m", /more than 0/, "contacts"],
    ["contacts=1000000000 talk=5m", /more than this calculator handles/, "contacts"],
    ["contacts=12000 talk=5", /add a unit to `talk`/, "talk"],
    ["contacts=12000 talk=-5m", /cannot be negative/, "talk"],
    ["contacts=12000 talk=9h", /at most 4 h/, "talk"],
    ["contacts=12000 talk=5m shrinkage=100%", /below 100%/, "shrinkage"],
    ["contacts=12000 talk=5m target=100%", /unreachable/, "target"],
    ["contacts=12000 talk=5m max-occupancy=0%", /above 0%/, "max-occupancy"],
    ["contacts=12000 talk=5m hours=25x7", /between 1 and 24/, "hours"],
    ["contacts=12000 talk=5m hours=9x8", /between 1 and 7/, "hours"],
    ["contacts=12000 talk=5m hours=weekends", /`hours` must be/, "hours"],
    ["contacts=12000 talk=5m billing=0s", /at least 1 s/, "billing"],
    ["contacts=12000 talk=5m billing=sometimes", /duration/, "billing"],
    ["contacts=12000 talk=5m hold-billed=maybe", /yes or no/, "hold-billed"],
    ["contacts=12000 talk=5m shared-rate=cheap", /must be an amount/, "shared-rate"],
    ["contacts=12000 talk=5m shared-rate=1.20-0.80", /low end/, "shared-rate"],
    ["contacts=12000 talk=5m hourly-rate=30/call", /a rate an hour/, "hourly-rate"],
    ["contacts=12000 talk=5m location=offshore", /philippines.*india/, "location"],
    ["contacts=12000 talk=5m country=FR", /no rates are kept for FR/, "country"],
    ["contacts=12000 talk=5m currency=XYZ", /no exchange rate for XYZ/, "currency"],
    ["contacts=12000 talk=5m budget=lots", /must be an amount/, "budget"],
    ["contacts=12000 talk=5m hourly-rate=5000", /between \$1 and \$500/, "hourly-rate"],
    ["contacts=12000 talk=5m languages=es1", /languages by name/, "languages"],
    ["contacts=12000 talk=5m talk=6m", /given twice/, "talk"],
    ["talk=5m", /How many contacts/, "contacts"],
    ["12000 calls a month", /talk time/, "talk"],
    ["we get loads of calls", /could not understand/, undefined],
    ["12000 calls 📞📞 talk 5m", /could not understand “📞📞”/, undefined],
    ["12000 calls, talk 5m, <script>alert(1)</script>", /could not understand/, undefined],
    ["12000 calls, talk 5m, $(rm -rf /)", /could not understand/, undefined],
  ])("%s", (text, message, field) => {
    const err = errorOf(text);
    expect(err.message).toMatch(message);
    expect(err.field).toBe(field);
    expect(err.example).toMatch(/12000 calls a month/);
  });

  it("explains why `aht` is not taken", () => {
    expect(errorOf("contacts=12000 aht=6m").details[0]).toMatch(/`talk`, `wrap` and `hold` separately/);
  });

  it("escapes what it quotes back so it cannot ping a channel or inject markup", () => {
    const err = errorOf("12000 calls, talk 5m, <!here> <script>");
    expect(err.message).not.toMatch(/<!here>|<script>/);
  });

  it("refuses 5,000 characters", () => {
    expect(errorOf(`12000 calls, talk 5m, ${"a".repeat(5000)}`).message).toMatch(/characters/);
  });

  it("asks for input when given nothing", () => {
    expect(errorOf("   ").message).toMatch(/monthly volume and talk time/);
  });
});

describe("parseEstimate: call lengths and hourly volumes in plain words", () => {
  it.each([
    "12k calls/month 6 min avg",
    "12k calls a month, 6 minutes each",
    "12k calls a month, average call 6 minutes",
    "what would 12k calls a month at 6 minutes cost",
    "12000 calls a month, 6-minute calls",
  ])("reads %s as 12,000 contacts of 6 minutes' talk", (text) => {
    const p = parse(text);
    expect(p.input.contactsPerMonth).toBe(12_000);
    expect(p.input.talkSeconds).toBe(360);
  });

  it("turns calls an hour into a month over the coverage hours, and says so", () => {
    // Business hours: 9 h × 5 days × 52.143 / 12 = 195.53625 h a month; 300 × 195.53625 = 58,660.875.
    const p = parse(
      "we get about 300 calls an hour, average call 4 minutes, want 80% answered in 20 seconds",
    );
    expect(p.input.contactsPerMonth).toBeCloseTo(58_660.88, 2);
    expect(p.input.talkSeconds).toBe(240);
    expect(p.readAs.join(" ")).toMatch(/300 an hour × 195\.5 coverage hours a month = 58,661/);
    // 24/7: 730.002 h a month.
    expect(parse("contacts=300/hour talk=4m hours=24/7").input.contactsPerMonth).toBeCloseTo(219_000.6, 1);
  });
});

describe("parseEstimate: coverage and language lists as people write them", () => {
  it("reads 24/5 as 24 hours on 5 days, never as a 24% service level", () => {
    for (const text of ["2000 calls a month, talk 5m, 24/5", "contacts=2000 talk=5m hours=24/5"]) {
      const p = parse(text);
      expect(p.input.coverage).toMatchObject({ hoursPerDay: 24, daysPerWeek: 5 });
      expect(p.input.target).toBe(0.8);
    }
    expect(parse("contacts=2000 talk=5m hours=7x24").input.coverage.label).toBe("24/7");
  });

  it("keeps a comma-separated language list together without swallowing other keys", () => {
    expect(parse("2000 tickets a month, talk 5m, languages es, fr, de").input.languages).toEqual([
      "es",
      "fr",
      "de",
    ]);
    const p = parse("2000 tickets a month, talk 5m, languages spanish, licensed");
    expect(p.input.languages).toEqual(["spanish"]);
    expect(p.input.licensed).toBe(true);
  });
});
