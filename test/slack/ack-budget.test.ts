import { afterEach, describe, expect, it, vi } from "vitest";
import { TIMED_OUT, within } from "../../src/slack/ack-budget.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("the acknowledgement budget", () => {
  it("gives a fast reply at once and leaves no timer holding it", async () => {
    vi.useFakeTimers();
    const reply = { blocks: new Array(200).fill("row") };
    const got = await within(Promise.resolve(reply), 2500);
    expect(got).toBe(reply);
    // A pending timer would keep the reply (and everything it refers to) alive for 2.5 s more.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("says TIMED_OUT when the work takes longer, and the work goes on", async () => {
    vi.useFakeTimers();
    let finish: (v: string) => void = () => {};
    const work = new Promise<string>((r) => {
      finish = r;
    });
    const raced = within(work, 2500);
    await vi.advanceTimersByTimeAsync(2500);
    expect(await raced).toBe(TIMED_OUT);
    finish("done");
    expect(await work).toBe("done");
  });
});
