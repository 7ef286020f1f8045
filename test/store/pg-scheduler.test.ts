import { afterAll, describe, expect, it, vi } from "vitest";
import type { Contract, Reminder } from "../../src/core/contracts/contract.ts";
import { claim } from "../../src/core/contracts/lifecycle.ts";
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import type { Db } from "../../src/store/pg/db.ts";
import { PgStore } from "../../src/store/pg-store.ts";
import { Clock, FakePoster, MINUTE } from "../contracts/fakes.ts";
import { pgliteDb, serverDb, TEST_DATABASE_URL } from "../helpers/pg.ts";

// Starting PGlite (PostgreSQL in WebAssembly) takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

// Reminders shared by several processes on one PostgreSQL: each stands for a process with its own
// store (its own memory) and scheduler; the poster is one fake chat that counts posts.

const makers: Array<[string, () => Promise<{ db: Db; dispose(): Promise<void> }>]> = [
  ["PGlite", pgliteDb],
  ...(TEST_DATABASE_URL ? [["PostgreSQL server", () => serverDb(8)] as [string, typeof pgliteDb]] : []),
];

const T0 = "2027-03-01T09:00:00Z";

function seed(count: number, channels: number): { contract: Contract; reminders: Reminder[] } {
  const contract: Contract = {
    id: "K1",
    vendor: "Acme",
    start: "2027-01-01",
    renews: "2028-01-01",
    notice: { amount: 60, unit: "d" },
    noticeDeadline: "2027-11-02",
    onboardingDays: 0,
    checkinsPerDay: 1,
    channel: "C0",
    timeZone: "UTC",
    createdBy: "U1",
    createdAt: T0,
  };
  const reminders = Array.from(
    { length: count },
    (_, i): Reminder => ({
      id: `R${i}`,
      contractId: "K1",
      vendor: "Acme",
      kind: "custom",
      note: `check ${i}`,
      channel: `C${i % channels}`,
      dueAt: new Date(Date.parse(T0) - (count - i) * 1000).toISOString(),
      timeZone: "UTC",
      state: "pending",
      attempts: 0,
      createdBy: "U1",
      createdAt: T0,
    }),
  );
  return { contract, reminders };
}

describe.each(makers)("reminders across processes (%s)", (_name, make) => {
  const disposers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of disposers.reverse()) await d();
  });

  it("three schedulers ticking at once post each due reminder exactly once", async () => {
    const { db, dispose } = await make();
    disposers.push(dispose);
    const clock = new Clock(T0);
    const stores = await Promise.all([0, 1, 2].map(() => PgStore.open(db)));
    const data = seed(90, 12);
    await stores[0]?.update({ teamId: "T1" }, (d) => {
      d.contracts.push(data.contract);
      d.reminders.push(...data.reminders);
    });
    const poster = new FakePoster(clock);
    poster.delayMs = 2;
    const scheds = stores.map((store) =>
      startScheduler({ store, poster, intervalSeconds: 60, now: clock.now, timer: false, batchSize: 10 }),
    );
    await Promise.all(scheds.map((s) => s.tickNow()));
    await Promise.all(scheds.map((s) => s.tickNow()));
    for (const s of scheds) await s.stop();
    const ids = poster.postedIds();
    expect(ids).toHaveLength(90);
    expect(new Set(ids).size).toBe(90);
    const stored = (await stores[1]?.read({ teamId: "T1" }))?.reminders ?? [];
    expect(stored.filter((r) => r.state === "posted")).toHaveLength(90);
    expect(await stores[2]?.dueReminders(clock.now(), 100, new Set())).toEqual([]);
  });

  it("a claim left by a killed process is taken again only after its lease, and not posted twice", async () => {
    const { db, dispose } = await make();
    disposers.push(dispose);
    const clock = new Clock(T0);
    const dead = await PgStore.open(db, { leaseSeconds: 120 });
    const alive = await PgStore.open(db, { leaseSeconds: 120 });
    const data = seed(2, 1);
    await dead.update({ teamId: "T1" }, (d) => {
      d.contracts.push(data.contract);
      d.reminders.push(...data.reminders);
    });
    const poster = new FakePoster(clock);
    // The "killed" process claimed both, posted R0, then died before recording anything.
    await dead.updateReminders(
      "T1",
      ["R0", "R1"],
      ({ reminders }) => ({
        reminders: reminders.map((r) => claim(r, clock.now(), 300_000).reminder),
        result: 0,
      }),
      { claimAt: clock.now() },
    );
    await poster.post({
      channel: "C0",
      text: "check 0",
      blocks: [],
      metadata: { event_type: "switchboard_reminder", event_payload: { reminder_id: "R0" } },
    });
    const sched = startScheduler({ store: alive, poster, intervalSeconds: 60, now: clock.now, timer: false });
    await sched.tickNow();
    expect(poster.postedIds()).toEqual(["R0"]); // still leased to the dead process
    clock.advance(3 * MINUTE);
    await sched.tickNow();
    await sched.stop();
    // R0 was found in the channel (not posted again); R1 was posted once.
    expect(poster.postedIds().sort()).toEqual(["R0", "R1"]);
    expect(poster.findCalls.map((c) => c.reminderId).sort()).toEqual(["R0", "R1"]);
    const stored = (await alive.read({ teamId: "T1" })).reminders;
    expect(stored.map((r) => r.state)).toEqual(["posted", "posted"]);
  });
});
