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

describe("memory held for sharing", () => {
  const big = (text: string, kb: number): Reply => ({
    text,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: "x".repeat(kb * 512) } }],
    visibility: "ephemeral",
  });

  it("stays under the byte cap however many replies come, dropping the oldest first", () => {
    const kept = new SharedReplies(() => 0, { entries: 1000, bytes: 64 * 1024, entryBytes: 16 * 1024 });
    const ids = Array.from({ length: 50 }, (_, i) => kept.put({ teamId: "T1" }, big(`r${i}`, 8)));
    expect(kept.usage().bytes).toBeLessThanOrEqual(64 * 1024);
    expect(kept.usage().entries).toBeLessThan(10);
    expect(kept.get(ids[0] ?? "", { teamId: "T1" })).toBeUndefined();
    expect(kept.get(ids[49] ?? "", { teamId: "T1" })?.text).toBe("r49");
  });

  it("does not keep a reply bigger than the per-reply cap (its button then asks to run it again)", () => {
    const kept = new SharedReplies(() => 0, { entries: 1000, bytes: 64 * 1024, entryBytes: 16 * 1024 });
    const small = kept.put({ teamId: "T1" }, big("small", 4));
    const huge = kept.put({ teamId: "T1" }, big("huge", 32));
    expect(kept.get(huge, { teamId: "T1" })).toBeUndefined();
    expect(kept.get(small, { teamId: "T1" })?.text).toBe("small");
  });

  it("counts attached files against the cap", () => {
    const kept = new SharedReplies(() => 0, { entries: 1000, bytes: 64 * 1024, entryBytes: 16 * 1024 });
    const withPng = kept.put(
      { teamId: "T1" },
      {
        text: "chart",
        blocks: [],
        visibility: "ephemeral",
        files: [{ filename: "c.png", title: "c", content: Buffer.alloc(20 * 1024) }],
      },
    );
    expect(kept.get(withPng, { teamId: "T1" })).toBeUndefined();
  });
});
