import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Contract, Reminder } from "../src/core/contracts/contract.ts";
import type { PostArgs, ReminderPoster } from "../src/scheduler/poster.ts";
import { startScheduler } from "../src/scheduler/scheduler.ts";
import { FileStore as Store } from "../src/store/file-store.ts";

const CONTRACTS = 400;
const PER_CONTRACT = 25; // 10,000 reminders in one workspace
const WS = { teamId: "T_BENCH" };

class NullPoster implements ReminderPoster {
  posts = 0;
  async post(_args: PostArgs) {
    this.posts++;
    return { ts: `${this.posts}.000000` };
  }
  async findPosted() {
    return undefined;
  }
}

async function seed(store: Store, dueCount: number, now: number): Promise<void> {
  await store.update(WS, (d) => {
    for (let c = 0; c < CONTRACTS; c++) {
      const contract: Contract = {
        id: `K${c}`,
        vendor: `Vendor ${c}`,
        start: "2027-01-15",
        renews: "2028-01-15",
        notice: { amount: 60, unit: "d" },
        noticeDeadline: "2027-11-16",
        onboardingDays: 14,
        checkinsPerDay: 1,
        channel: `C${c}`,
        timeZone: "America/New_York",
        createdBy: "U1",
        createdAt: new Date(now).toISOString(),
      };
      d.contracts.push(contract);
      for (let i = 0; i < PER_CONTRACT; i++) {
        const n = c * PER_CONTRACT + i;
        const due = n < dueCount ? now - 60_000 : now + (n + 1) * 3_600_000;
        const r: Reminder = {
          id: `R${n}`,
          contractId: contract.id,
          vendor: contract.vendor,
          kind: i < 22 ? "checkin" : "review-30",
          channel: contract.channel,
          dueAt: new Date(due).toISOString(),
          timeZone: contract.timeZone,
          state: "pending",
          attempts: 0,
          createdBy: "U1",
          createdAt: new Date(now).toISOString(),
        };
        d.reminders.push(r);
      }
    }
  });
}

/** Tick time over 10,000 stored reminders: an idle tick, and a tick that posts some of them. */
export default async function bench(): Promise<void> {
  const now = Date.parse("2027-06-01T12:00:00Z");
  for (const due of [0, 10, 100]) {
    const dir = mkdtempSync(join(tmpdir(), "switchboard-bench-"));
    const path = join(dir, "db.json");
    const store = await Store.open(path);
    await seed(store, due, now);
    const poster = new NullPoster();
    const sched = startScheduler({
      store,
      poster,
      intervalSeconds: 60,
      now: () => new Date(now),
      timer: false,
    });
    await sched.tickNow(); // the start-up tick does the posting; later ticks are idle
    const t0 = performance.now();
    const ticks = 20;
    for (let i = 0; i < ticks; i++) await sched.tickNow();
    const idle = (performance.now() - t0) / ticks;
    await sched.stop();
    await store.close();

    // The posting tick, measured on its own over a fresh copy.
    let posting = 0;
    if (due > 0) {
      const store2 = await Store.open(join(dir, "db2.json"));
      await seed(store2, due, now);
      const p2 = new NullPoster();
      const t1 = performance.now();
      const s2 = startScheduler({
        store: store2,
        poster: p2,
        intervalSeconds: 60,
        now: () => new Date(now),
        timer: false,
      });
      await s2.tickNow();
      posting = performance.now() - t1;
      await s2.stop();
      await store2.close();
      if (p2.posts !== due) throw new Error(`posted ${p2.posts}, expected ${due}`);
    }
    const size = statSync(path).size;
    process.stdout.write(
      `contracts: idle tick over 10,000 reminders in ${idle.toFixed(1)} ms (database ${(size / 1e6).toFixed(1)} MB)` +
        (due
          ? `; tick posting ${due} due reminders in ${posting.toFixed(0)} ms (${(posting / due).toFixed(1)} ms each; 2 fsync'ed writes per batch of 25)`
          : "") +
        "\n",
    );
    rmSync(dir, { recursive: true, force: true });
  }
}
