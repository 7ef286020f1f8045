import { describe, expect, it } from "vitest";
import { staffingCommand } from "../../src/commands/staffing.ts";
import { UserInputError } from "../../src/core/errors.ts";
import { parseStaffing } from "../../src/core/staffing/parse.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

// 300 calls an hour at 4 minutes: 20 Erlangs (300 × 240 / 3600).
const HOURLY = { callsPerInterval: 300, intervalSeconds: 3600, ahtSeconds: 240 };

const errorOf = (text: string): UserInputError => {
  try {
    parseStaffing(text);
  } catch (err) {
    if (err instanceof UserInputError) return err;
    throw err;
  }
  throw new Error(`no error for ${text}`);
};

describe("parseStaffing: how people describe a call's length and the volume", () => {
  it.each([
    "we get about 300 calls an hour, average call 4 minutes, want 80% answered in 20 seconds",
    "how many agents for 300 calls an hour at 4 minutes",
    "300 calls/h, 4 min avg",
    "300 calls/hr, 4 minutes each",
    "300 calls per hour, 4-minute calls",
    "300 calls per hour, 4-minute aht",
    "300 calls an hour with 4 minute calls",
    "300 calls per hour, calls last 4 minutes",
    "300 calls per hour, average call length 4 minutes",
    "300 calls per hour, 4 min per call",
  ])("reads %s as 300 calls an hour of 4 minutes", (text) => {
    expect(parseStaffing(text).input).toMatchObject({ ...HOURLY, answerSeconds: 20, target: 0.8 });
  });

  it.each([
    ["500 calls a day, aht 5m", "500 calls a day"],
    ["12k calls/month, aht 6m", "12k calls a month"],
    ["3000 weekly calls, aht 4m", "3000 calls a week"],
  ])("refuses %s with a way forward instead of inventing a peak hour", (text, quoted) => {
    const err = errorOf(text);
    expect(err.message).toContain(quoted);
    expect(err.message).toContain("/cc-estimate");
    expect(err.field).toBe("calls");
    expect(err.example).toMatch(/calls per hour/);
  });

  it("keeps a typed 99.9% target exact (no float noise in --json)", () => {
    expect(parseStaffing("calls=100 aht=3m target=99.9%").input.target).toBe(0.999);
    expect(parseStaffing("calls=100 aht=3m shrinkage=0.3%").input.shrinkage).toBe(0.003);
  });

  it("explains a unit typed after a space in key=value (aht=3 min)", () => {
    const err = errorOf("calls=100 interval=30m aht=3 min");
    expect(err.details?.join(" ")).toMatch(/without a space/);
  });

  it("answers `help` with how to use it rather than 'could not understand'", () => {
    const err = errorOf("help");
    expect(err.message).not.toMatch(/could not understand/);
    expect(err.details?.join(" ")).toMatch(/`calls`/);
  });
});

describe("/cc-staffing reply wording", () => {
  it("says '1 agent' for one agent and shows tiny traffic with its digits", async () => {
    const run = await staffingCommand.run("calls=0.1 interval=1h aht=30s", await testContext());
    const text = blocksToText(run.reply.blocks);
    // 0.1 × 30 / 3600 = 0.000833 Erlangs
    expect(text).toContain("0.00083 Erlangs");
    expect(text).not.toContain("0.00 Erlangs");
    expect(text).toContain("1 agent taking calls");
    expect(text).not.toContain("1 agents");
  });
});
