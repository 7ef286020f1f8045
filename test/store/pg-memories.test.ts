import { afterAll, describe, expect, it, vi } from "vitest";
import type { Reply } from "../../src/commands/types.ts";
import { SharedReplies } from "../../src/slack/shared-replies.ts";
import type { Db } from "../../src/store/pg/db.ts";
import { PgEventIds, PgReplayMemory, PgSharedReplies } from "../../src/store/pg/memories.ts";
import { migrate } from "../../src/store/pg/migrations.ts";
import { pgliteDb, serverDb, TEST_DATABASE_URL } from "../helpers/pg.ts";

// Starting PGlite (PostgreSQL in WebAssembly) takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const makers: Array<[string, () => Promise<{ db: Db; dispose(): Promise<void> }>]> = [
  ["PGlite", pgliteDb],
  ...(TEST_DATABASE_URL ? [["PostgreSQL server", () => serverDb(2)] as [string, typeof pgliteDb]] : []),
];

const reply: Reply = {
  text: "Estimate",
  blocks: [{ type: "section", text: { type: "mrkdwn", text: "*12,000 calls*" } }],
  visibility: "ephemeral",
  files: [
    { filename: "a.csv", title: "A", content: "x,y\n1,2\n" },
    { filename: "b.png", title: "B", content: Buffer.from([137, 80, 78, 71]) },
  ],
};

describe.each(makers)("memories shared by processes (%s)", (_name, make) => {
  const disposers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of disposers) await d();
  });
  const db = async () => {
    const made = await make();
    disposers.push(made.dispose);
    await migrate(made.db);
    return made.db;
  };

  it("an event retry landing on another process is recognised, and forgotten after its expiry", async () => {
    const d = await db();
    const one = new PgEventIds(d);
    const two = new PgEventIds(d, 50);
    expect(await one.firstTime("Ev1")).toBe(true);
    expect(await two.firstTime("Ev1")).toBe(false);
    expect(await two.firstTime("Ev2")).toBe(true);
    await new Promise((r) => setTimeout(r, 120));
    expect(await one.firstTime("Ev2")).toBe(true); // two kept it 50 ms only
    expect(await one.firstTime(undefined)).toBe(true);
  });

  it("a replayed signed request is recognised on another process, long keys included", async () => {
    const d = await db();
    const one = new PgReplayMemory(d);
    const two = new PgReplayMemory(d);
    const long = `sig:${"a".repeat(500)}`;
    expect(await one.seen(long, 300_000)).toBe(false);
    expect(await two.seen(long, 300_000)).toBe(true);
    expect(await two.seen("trigger:1", 300_000)).toBe(false);
    expect(await one.seen("trigger:1", 300_000)).toBe(true);
  });

  it("a share click on another process finds the reply the user saw, in that workspace only", async () => {
    const d = await db();
    const here = new SharedReplies();
    const there = new SharedReplies();
    here.useBacking(new PgSharedReplies(d));
    there.useBacking(new PgSharedReplies(d));
    const id = here.put({ teamId: "T1" }, reply);
    let found: Reply | undefined;
    for (let i = 0; i < 50 && !found; i++) {
      found = await there.find(id, { teamId: "T1" });
      if (!found) await new Promise((r) => setTimeout(r, 10));
    }
    expect(found?.text).toBe("Estimate");
    expect(found?.blocks).toEqual(reply.blocks);
    expect(found?.files?.[0]?.content).toBe("x,y\n1,2\n");
    expect(Buffer.isBuffer(found?.files?.[1]?.content)).toBe(true);
    expect([...((found?.files?.[1]?.content ?? Buffer.alloc(0)) as Buffer)]).toEqual([137, 80, 78, 71]);
    expect(await there.find(id, { teamId: "T2" })).toBeUndefined();
  });
});
