import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/commands/types.ts";
import { SharedReplies } from "../../src/slack/shared-replies.ts";

const reply = (text: string): Reply => ({ text, blocks: [], visibility: "ephemeral" });

describe("replies kept for sharing", () => {
  it("are found by their id in their own workspace only, for 30 minutes", () => {
    let now = 0;
    const kept = new SharedReplies(() => now);
    const id = kept.put({ teamId: "T1" }, reply("estimate"));
    expect(kept.get(id, { teamId: "T1" })?.text).toBe("estimate");
    expect(kept.get(id, { teamId: "T2" })).toBeUndefined();
    expect(kept.get(id, { teamId: "T1", enterpriseId: "E1" })).toBeUndefined();
    now = 29 * 60 * 1000;
    expect(kept.get(id, { teamId: "T1" })).toBeDefined();
    now = 30 * 60 * 1000;
    expect(kept.get(id, { teamId: "T1" })).toBeUndefined();
  });

  it("keep at most 2,000, dropping the oldest first", () => {
    const kept = new SharedReplies(() => 0);
    const first = kept.put({ teamId: "T1" }, reply("first"));
    const second = kept.put({ teamId: "T1" }, reply("second"));
    for (let i = 0; i < 1999; i++) kept.put({ teamId: "T1" }, reply(`r${i}`));
    expect(kept.get(first, { teamId: "T1" })).toBeUndefined();
    expect(kept.get(second, { teamId: "T1" })?.text).toBe("second");
  });
});
