import { describe, expect, it } from "vitest";
import { EventDeduper } from "../../src/slack/listeners/events/dedupe.ts";

describe("event ids remembered against Slack's retries", () => {
  it("answers an event once within the hour, and again after it", () => {
    const d = new EventDeduper(60 * 60 * 1000);
    expect(d.firstTime("Ev1", 0)).toBe(true);
    expect(d.firstTime("Ev1", 5 * 60 * 1000)).toBe(false);
    expect(d.firstTime("Ev1", 60 * 60 * 1000 + 1)).toBe(true);
    expect(d.firstTime(undefined, 0)).toBe(true);
  });

  it("never holds more than its cap of ids, forgetting the least recently seen first", () => {
    const d = new EventDeduper(60 * 60 * 1000, { entries: 100, bytes: 1024 * 1024 });
    for (let i = 0; i < 1000; i++) expect(d.firstTime(`Ev${i}`, i)).toBe(true);
    expect(d.size).toBe(100);
    expect(d.firstTime("Ev999", 1000)).toBe(false);
    expect(d.firstTime("Ev0", 1000)).toBe(true);
  });

  it("is capped by bytes too", () => {
    const d = new EventDeduper(60 * 60 * 1000, { entries: 100_000, bytes: 10 * 1024 });
    for (let i = 0; i < 1000; i++) d.firstTime(`Ev${i}`, i);
    expect(d.size).toBeLessThan(1000);
    expect(d.size).toBeGreaterThan(10);
  });
});
