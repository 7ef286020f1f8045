import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Reminder } from "../src/core/contracts/contract.ts";
import { startScheduler } from "../src/scheduler/scheduler.ts";
import { FileStore } from "../src/store/file-store.ts";
import { type Db, poolDb, serialDb } from "../src/store/pg/db.ts";
import { PgStore } from "../src/store/pg-store.ts";
import type { Store } from "../src/store/store.ts";
import { FakeSlack } from "../test/helpers/fake-slack.ts";
import { exited, startEntry } from "../test/helpers/process.ts";
import { SIGNING_SECRET } from "../test/helpers/signed.ts";
import { contracts, quotes } from "../test/helpers/workspace-data.ts";

// Store costs: write latency at 100 / 10,000 / 100,000 records in one workspace, on the file and on
// PostgreSQL (the server in TEST_DATABASE_URL or DATABASE_URL, else PGlite in process), and reminder
// throughput with 1 and 3 app processes on one PostgreSQL server.

const URL_ = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const WS = { teamId: "T_BENCH" };
const SIZES = [100, 10_000, 100_000];
const WRITES = 15;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)] ?? Number.NaN;

/** N records: 100 vendors and the rest as contracts' reminders (40 per contract). */
function records(n: number, now: number) {
  const vendors = quotes(Math.min(100, n));
  const rest = Math.max(0, n - vendors.length);
  const cs = contracts(Math.ceil(rest / 40), 40, now);
  return { vendors, contracts: cs.contracts, reminders: cs.reminders.slice(0, rest) };
}

async function schemaDb(url: string): Promise<{ db: Db; drop(): Promise<void> }> {
  const schema = `sbbench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = poolDb(url, { schema, max: 4 });
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** One vendor edited per write: what the change costs, beside the size of the workspace. */
async function writeLatency(
  store: Store,
): Promise<{ write: number; p90: number; noop: number; read: number }> {
  const times: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const t = performance.now();
    await store.update(WS, (d) => {
      const v = d.vendors[i % d.vendors.length];
      if (v) v.notes = `call ${i}`;
    });
    times.push(performance.now() - t);
  }
  const noops: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await store.update(WS, (d) => {
      const v = d.vendors[(WRITES - 1) % d.vendors.length];
      if (v) v.notes = `call ${WRITES - 1}`; // the same again: nothing written
    });
    noops.push(performance.now() - t);
  }
  const reads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await store.read(WS);
    reads.push(performance.now() - t);
  }
  return { write: median(times), p90: p90(times), noop: median(noops), read: median(reads) };
}

/** A scheduler tick with nothing due, through the store's due index. */
async function idleTick(store: Store, now: number): Promise<number> {
  const sched = startScheduler({
    store,
    poster: { post: async () => ({ ts: "1.0" }), findPosted: async () => undefined },
    intervalSeconds: 60,
    now: () => new Date(now),
    timer: false,
  });
  await sched.tickNow();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await sched.tickNow();
    times.push(performance.now() - t);
  }
  await sched.stop();
  return median(times);
}

async function fileRun(n: number, now: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-bench-"));
  const path = join(dir, "db.json");
  writeFileSync(path, JSON.stringify({ version: 1, workspaces: { T_BENCH: records(n, now) } }));
  const store = await FileStore.open(path);
  const r = await writeLatency(store);
  const tick = await idleTick(store, now);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return `${fmt("file", n, r)}; idle scheduler tick ${tick.toFixed(2)} ms`;
}

async function pgRun(n: number, now: number): Promise<string> {
  let db: Db;
  let drop: () => Promise<void>;
  if (URL_) ({ db, drop } = await schemaDb(URL_));
  else {
    const { PGlite } = await import("@electric-sql/pglite");
    db = serialDb(new PGlite() as never);
    drop = () => db.close();
  }
  const store = await PgStore.open(db);
  const data = records(n, now);
  // Seeded in slices, as a workspace grows.
  await store.update(WS, (d) => void d.vendors.push(...data.vendors));
  await store.update(WS, (d) => void d.contracts.push(...data.contracts));
  for (let i = 0; i < data.reminders.length; i += 20_000)
    await store.update(WS, (d) => void d.reminders.push(...data.reminders.slice(i, i + 20_000)));
  // A second store over the same database stands for another process: its first read loads it all.
  const other = await PgStore.open(db);
  const t = performance.now();
  await other.read(WS);
  const cold = performance.now() - t;
  const r = await writeLatency(store);
  const tick = await idleTick(store, now);
  await store.close();
  await other.close();
  await drop();
  return `${fmt(URL_ ? "postgres" : "pglite", n, r)}; first read by another process ${cold.toFixed(0)} ms; idle tick ${tick.toFixed(2)} ms`;
}

const fmt = (kind: string, n: number, r: { write: number; p90: number; noop: number; read: number }) =>
  `store: ${kind.padEnd(8)} ${String(n).padStart(7)} records: write p50 ${r.write.toFixed(1)} ms (p90 ${r.p90.toFixed(1)}), unchanged write ${r.noop.toFixed(2)} ms, read ${r.read.toFixed(2)} ms`;

/** Time for `procs` app processes to post `count` due reminders (fake Slack answering at once). */
async function throughput(url: string, procs: number, count: number): Promise<string> {
  const { db, drop } = await schemaDb(url);
  const fake = await new FakeSlack().start();
  const children: ChildProcess[] = [];
  try {
    const store = await PgStore.open(db);
    const schema = (await db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]?.s ?? "";
    const u = new URL(url);
    u.searchParams.set("options", `-c search_path=${schema}`);
    for (let i = 0; i < procs; i++) {
      const { child } = await startEntry(
        {
          SLACK_BOT_TOKEN: "xoxb-test",
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          PORT: "0",
          DATABASE_URL: u.toString(),
          REMINDER_INTERVAL_SECONDS: "1",
          LOG_LEVEL: "info",
        },
        /listening on port \d+/,
      );
      children.push(child);
    }
    const now = Date.now();
    const cs = contracts(1, 1, now).contracts;
    const contract = cs[0];
    if (!contract) throw new Error("no contract");
    const reminders: Reminder[] = Array.from({ length: count }, (_, i) => ({
      id: `R${i}`,
      contractId: contract.id,
      vendor: contract.vendor,
      kind: "custom",
      channel: `C${i % 100}`,
      dueAt: new Date(now + 500).toISOString(),
      timeZone: "UTC",
      state: "pending",
      attempts: 0,
      createdBy: "U1",
      createdAt: new Date(now).toISOString(),
    }));
    await store.update(WS, (d) => {
      d.contracts.push(contract);
      d.reminders.push(...reminders);
    });
    const t0 = Date.now() + 500;
    const until = Date.now() + 40_000;
    while (fake.callsTo("chat.postMessage").length < count && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    const posts = fake.callsTo("chat.postMessage");
    const last = Math.max(...posts.map((c) => c.at));
    const ids = new Set(posts.map((c) => JSON.stringify(c.args.metadata)));
    await store.close();
    return `store: reminders, ${procs} process${procs > 1 ? "es" : ""}: ${posts.length} posts (${ids.size} distinct) of ${count} in ${((last - t0) / 1000).toFixed(2)} s = ${Math.round(count / ((last - t0) / 1000))} reminders/s`;
  } finally {
    for (const c of children) {
      c.kill("SIGTERM");
      await exited(c);
    }
    await fake.stop();
    await drop();
  }
}

export default async function bench(): Promise<void> {
  const now = Date.parse("2027-01-01T00:00:00Z");
  for (const n of SIZES) process.stdout.write(`${await fileRun(n, now)}\n`);
  for (const n of SIZES) process.stdout.write(`${await pgRun(n, now)}\n`);
  if (!URL_) {
    process.stdout.write(
      "store: reminder throughput skipped: set TEST_DATABASE_URL to a PostgreSQL server\n",
    );
    return;
  }
  for (const procs of [1, 3]) process.stdout.write(`${await throughput(URL_, procs, 1000)}\n`);
}
