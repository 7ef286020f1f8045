import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { BoundedReplayMemory } from "../../src/slack/replay.ts";

// A full collection on demand, to see what the memory keeps alive.
setFlagsFromString("--expose_gc");
const gc = runInNewContext("gc") as () => void;

describe("the replay memory", () => {
  it("keeps its keys, not the request bodies they were cut from", async () => {
    const memory = new BoundedReplayMemory();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i++) {
      // A form body as Slack sends it, 100 KB, with the trigger_id the guard remembers cut out of it.
      const body = `token=x&trigger_id=${i}.123456.abcdef0123456789abcdef&text=${String(i).padEnd(100_000, "x")}`;
      const trigger = body.slice(body.indexOf("trigger_id=") + 11, body.indexOf("&text="));
      expect(await memory.seen(`trigger:${trigger}`, 60_000)).toBe(false);
    }
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    // 200 bodies would be 20 MB (40 MB as UTF-16); the keys themselves are a few tens of KB.
    expect(kept).toBeLessThan(5_000_000);
    expect(memory.size).toBe(200);
  });
});
