import { describe, expect, it } from "vitest";
import { UserInputError } from "../../src/core/errors.ts";
import { parseStaffing } from "../../src/core/staffing/parse.ts";

const WORKED = {
  callsPerInterval: 100,
  intervalSeconds: 1800,
  ahtSeconds: 180,
  answerSeconds: 20,
  target: 0.8,
  shrinkage: 0.3,
  maxOccupancy: 0.85,
};

const errorOf = (text: string): UserInputError => {
  try {
    parseStaffing(text);
  } catch (err) {
    if (err instanceof UserInputError) return err;
    throw err;
  }
  throw new Error(`no error for ${text}`);
};

describe("parseStaffing: the forms people type", () => {
  it.each([
    "calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30% max-occupancy=85%",
    "calls=100 interval=0.5h aht=180s answer=20s target=0.8 shrinkage=0.3 max_occupancy=0.85",
    "CALLS=100 Interval=1800s AHT=3:00 answer=20s target=80 shrinkage=30 max-occupancy=85",
    "100 calls in 30 minutes, aht 3m, 80% in 20s, shrinkage 30%, max occupancy 85%",
    "100 calls every half hour, aht 3 min, 80/20, 30% shrinkage, 85% max occupancy",
    "calls=100 talk=2m30s wrap=30s 80% answered within 20 seconds",
    "calls=100 aht-sec=180 interval-min=30 answer-sec=20 target=80 shrinkage=30 max-occupancy=85",
    "calls=100 interval=30m aht=3m target=80/20",
  ])("reads %s as the worked example", (text) => {
    expect(parseStaffing(text).input).toEqual(WORKED);
  });

  it("states the defaults it applied and applies none for fields given", () => {
    const p = parseStaffing("calls=100 aht=3m");
    expect(p.input).toEqual(WORKED);
    expect(p.defaults).toEqual([
      "interval: 30 min",
      "service level: 80% answered within 20 s",
      "shrinkage: 30%",
      "max occupancy: 85%",
    ]);
    expect(parseStaffing(WORKED_TEXT).defaults).toEqual([]);
  });

  it("reads counts with k and hours as intervals", () => {
    const p = parseStaffing("1.2k calls per hour, aht 4m");
    expect(p.input.callsPerInterval).toBe(1200);
    expect(p.input.intervalSeconds).toBe(3600);
    expect(p.input.ahtSeconds).toBe(240);
  });

  it("accepts zero shrinkage, 100% occupancy and answer=0", () => {
    const p = parseStaffing("calls=100 aht=3m shrinkage=0% max-occupancy=100% answer=0s");
    expect(p.input.shrinkage).toBe(0);
    expect(p.input.maxOccupancy).toBe(1);
    expect(p.input.answerSeconds).toBe(0);
  });
});

const WORKED_TEXT = "calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30% max-occupancy=85%";

describe("parseStaffing: bad input gets a message that names the problem and an example", () => {
  it.each([
    ["calls=100 aht=3m colour=blue", /don't know the key `colour`/, undefined],
    ["calls=-100 aht=3m", /cannot be negative/, "calls"],
    ["calls=0 aht=3m", /more than 0/, "calls"],
    ["calls=lots aht=3m", /must be a number/, "calls"],
    ["calls=100 aht=180", /add a unit/, "aht"],
    ["calls=100 aht=3 parsecs", /could not understand/, undefined],
    ["calls=100 aht=0s", /at least 1 s/, "aht"],
    ["calls=100 aht=9h", /at most 4 h/, "aht"],
    ["calls=100 aht=3m shrinkage=100%", /below 100%/, "shrinkage"],
    ["calls=100 aht=3m shrinkage=-5%", /negative/, "shrinkage"],
    ["calls=100 aht=3m target=100%", /unreachable/, "target"],
    ["calls=100 aht=3m target=150%", /below 100%/, "target"],
    ["calls=100 aht=3m max-occupancy=0", /above 0%/, "max-occupancy"],
    ["calls=100 aht=3m max-occupancy=120%", /at most 100%/, "max-occupancy"],
    ["calls=100 aht=3m talk=2m", /either `aht` or its parts/, "aht"],
    ["calls=100 aht=3m aht=4m", /given twice/, "aht"],
    ["aht=3m", /How many calls/, "calls"],
    ["calls=100", /handle time/, "aht"],
    ["calls=100 aht=3m interval=10s", /at least 1 min/, "interval"],
    ["calls=100000000 aht=3m", /more than this calculator handles/, "calls"],
    ["calls=100 aht=3m 🚀🚀", /could not understand “🚀🚀”/, undefined],
    ["please staff my call center", /could not understand/, undefined],
    ["calls=100 aht=3m '; DROP TABLE vendors; --", /could not understand/, undefined],
  ])("%s", (text, message, field) => {
    const err = errorOf(text);
    expect(err.message).toMatch(message);
    expect(err.field).toBe(field);
    expect(err.example).toMatch(/calls=100/);
  });

  it("never echoes a Slack mention or link back", () => {
    const err = errorOf("calls=100 aht=3m <!channel> <https://evil.example|click>");
    expect(err.message).not.toMatch(/<!channel>|<https/);
    expect(err.message).toContain("&lt;!channel&gt;");
  });

  it("refuses 5,000 characters politely", () => {
    const err = errorOf(`calls=100 aht=3m ${"x".repeat(5000)}`);
    expect(err.message).toMatch(/5,017 characters/);
  });

  it("asks for input when given nothing", () => {
    expect(errorOf("").message).toMatch(/call volume and handle time/);
  });
});
