import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFacts, suggestArgs, toEstimateArgs, toStaffingArgs } from "../../src/core/knowledge/extract.ts";
import { routeIntent } from "../../src/core/knowledge/intent.ts";

describe("reading numbers for /cc-estimate", () => {
  it.each([
    ["what would 12k calls a month at 6 minutes cost?", "contacts=12000 talk=6m"],
    ["How much for 500 calls a day, 4 min each, 24/7?", "contacts=500/day talk=4m hours=24/7"],
    [
      "cost of 3,000 chats per week with 2 minute wrap-up and 30s hold, billed per second",
      "contacts=3000/week wrap=2m hold=30s billing=1s",
    ],
    ["budget for 40k calls monthly, aht 5 min, business hours", "contacts=40000 talk=5m hours=business"],
    [
      "price of 2 million calls a year at $0.90 per minute in spanish and french",
      "contacts=2000000/year shared-rate=0.90 languages=spanish,french",
    ],
    ["12000 calls a month at $30 an hour, licensed agents", "contacts=12000 hourly-rate=30 licensed=yes"],
  ])("%s → %s", (question, args) => {
    expect(toEstimateArgs(question)).toBe(args);
  });

  it("keeps key=value pairs typed in the question, and they win over words", () => {
    expect(toEstimateArgs("contacts=9000 talk=4m what would that cost")).toBe("contacts=9000 talk=4m");
    expect(toEstimateArgs("10k calls a month contacts=9000")).toBe("contacts=9000");
  });
});

describe("reading numbers for /cc-staffing", () => {
  it.each([
    ["how many agents for 80/20 with 300 calls an hour?", "calls=300 interval=60m answer=20s target=80%"],
    [
      "how many agents do we need for 100 calls in 30 minutes, aht 3 min, 90% within 30 seconds, shrinkage 35%",
      "calls=100 interval=30m aht=3m answer=30s target=90% shrinkage=35%",
    ],
    [
      "staff for 250 calls every 15 minutes with 4-minute calls and 85% occupancy",
      "calls=250 interval=15m aht=4m max-occupancy=85%",
    ],
    ["60 calls every half hour, talk 3m, wrap 30s", "calls=60 interval=30m talk=3m wrap=30s"],
    [
      "calls=300 interval=60m aht=4m answer=20s target=80%",
      "calls=300 interval=60m aht=4m answer=20s target=80%",
    ],
  ])("%s → %s", (question, args) => {
    expect(toStaffingArgs(question)).toBe(args);
  });

  it("does not read 24/7 as a service level", () => {
    const f = readFacts("300 calls an hour, 24/7");
    expect(f.hours).toBe("24/7");
    expect(f.target).toBeUndefined();
  });

  it("never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        expect(typeof toEstimateArgs(s)).toBe("string");
        expect(typeof toStaffingArgs(s)).toBe("string");
        expect(typeof routeIntent(s).intent).toBe("string");
      }),
    );
  });
});

describe("suggesting a complete command", () => {
  it("adds the missing key from the command's example to the user's own values", () => {
    expect(suggestArgs("calls=300 interval=60m", "aht", "calls=100 interval=30m aht=3m")).toBe(
      "calls=300 interval=60m aht=3m",
    );
  });
  it("falls back to the example when the missing key is unknown", () => {
    expect(suggestArgs("calls=300", undefined, "calls=100 interval=30m aht=3m")).toBe(
      "calls=100 interval=30m aht=3m",
    );
    expect(suggestArgs("", "aht", "calls=100 aht=3m")).toBe("calls=100 aht=3m");
  });
});

describe("intent routing", () => {
  it.each([
    ["what would 12k calls a month at 6 minutes cost?", "estimate"],
    ["how many agents for 80/20 with 300 calls an hour?", "staffing"],
    ["how many agents for 9,000 calls a month?", "estimate"],
    ["is $0.70 a minute a good rate?", "knowledge"],
    ["do centers require a minimum of 1000 minutes a month?", "knowledge"],
    ["how many agents do i need", "knowledge"],
    ["should we outsource our customer support?", "advise"],
    ["we get 200 calls a day and miss half, should we outsource?", "advise"],
    ["what should our contract include?", "knowledge"],
    ["when does our contract with Acme end", "contract"],
    ["remind me 60 days before the renewal", "contract"],
    ["compare our vendors", "vendor"],
    ["how do I compare providers' offers", "knowledge"],
    ["help", "help"],
    ["Help!", "help"],
    ["", "help"],
  ])("%s → %s", (question, intent) => {
    expect(routeIntent(question).intent).toBe(intent);
  });
});

describe("completing suggestions and hourly volumes", () => {
  it("completes a suggestion even when the command's example is written in plain words", () => {
    expect(suggestArgs("contacts=500/day", "talk", "12000 calls a month, talk 5m")).toBe(
      "contacts=500/day talk=5m",
    );
  });

  it("passes a volume per hour or half hour to the estimate as an hourly one", () => {
    expect(toEstimateArgs("what would 300 calls an hour cost")).toContain("contacts=300/hour");
    expect(toEstimateArgs("what would 100 calls per half hour cost")).toContain("contacts=200/hour");
  });
});

describe("coverage written as 24/5", () => {
  it("is read as hours, not as a service level", () => {
    const args = toEstimateArgs("what would 2000 calls a month cost with 24/5 coverage, 5 min calls");
    expect(args).toContain("hours=24x5");
    expect(args).not.toContain("target=24%");
  });
});
