import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import type { Contract, Reminder } from "../../src/core/contracts/contract.ts";
import { PgStore } from "../../src/store/pg-store.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { serverDb, TEST_DATABASE_URL, urlWithSchema } from "../helpers/pg.ts";
import { exited, startEntry } from "../helpers/process.ts";
import { postSigned, SIGNING_SECRET, signedHeaders, slashBody } from "../helpers/signed.ts";

/** A store on the test schema, as another process would open it. */
const serverStore = (schema: string) => PgStore.connect(urlWithSchema(schema));

// Three app processes (HTTP mode, as behind a load balancer) on one PostgreSQL: 300 signed commands
// spread over them and 200 due reminders, with one process killed (-9) mid-run. Every reminder must
// be posted exactly once (counted at the fake Slack) and no acknowledged write lost. Needs a real
// server: PGlite is one in-process connection.

if (!TEST_DATABASE_URL)
  process.stderr.write(
    "multi-process store tests skipped: set TEST_DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres)\n",
  );

const REMINDERS = 200;
const COMMANDS = 300;

function seed(now: number): { contract: Contract; reminders: Reminder[] } {
  const at = new Date(now).toISOString();
  const contract: Contract = {
    id: "K1",
    vendor: "Acme",
    start: "2026-01-01",
    renews: "2027-06-01",
    notice: { amount: 60, unit: "d" },
    noticeDeadline: "2027-04-02",
    onboardingDays: 0,
    checkinsPerDay: 1,
    channel: "C0",
    timeZone: "UTC",
    createdBy: "U1",
    createdAt: at,
  };
  const reminders = Array.from(
    { length: REMINDERS },
    (_, i): Reminder => ({
      id: `R${i}`,
      contractId: "K1",
      vendor: "Acme",
      kind: "custom",
      note: `check ${i}`,
      channel: `C${i % 50}`,
      dueAt: new Date(now - 60_000 + i).toISOString(),
      timeZone: "UTC",
      state: "pending",
      attempts: 0,
      createdBy: "U1",
      createdAt: at,
    }),
  );
  return { contract, reminders };
}

describe.skipIf(!TEST_DATABASE_URL)("three processes on one PostgreSQL", () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  });

  it("posts every reminder exactly once and loses no acknowledged write, with one process killed", async () => {
    const { db, schema, dispose } = await serverDb(2);
    cleanup.push(dispose);
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    // Posting takes a while (100 ms), so the kill lands while reminders are claimed but not settled.
    fake.on(
      "chat.postMessage",
      (args) =>
        new Promise((resolve) =>
          setTimeout(() => {
            const channel = String(args.channel);
            const ts = `${Math.floor(Date.now() / 1000)}.${String(fake.posted.length + 1).padStart(6, "0")}`;
            fake.posted.push({ channel, ts, text: args.text, metadata: args.metadata });
            resolve({ body: { ok: true, channel, ts } });
          }, 100),
        ) as never,
    );
    const store = await PgStore.open(db);

    const env = {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATABASE_URL: urlWithSchema(schema),
      REMINDER_INTERVAL_SECONDS: "1",
      REMINDER_CLAIM_LEASE_SECONDS: "5",
      LOG_LEVEL: "warn",
    };
    const procs: Array<{ child: ChildProcess; port: number }> = [];
    for (let i = 0; i < 3; i++) {
      const { child, output } = await startEntry({ ...env, LOG_LEVEL: "info" }, /listening on port \d+/);
      cleanup.push(async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGKILL");
          await exited(child);
        }
      });
      procs.push({ child, port: Number(/listening on port (\d+)/.exec(output())?.[1]) });
    }

    // The reminders fall due together once all three run.
    const data = seed(Date.now() + 61_000);
    await store.update({ teamId: "T1" }, (d) => {
      d.contracts.push(data.contract);
      d.reminders.push(...data.reminders);
    });
    const postedIds = () =>
      fake.posted
        .map(
          (m) =>
            (m.metadata as { event_payload?: { reminder_id?: string } } | undefined)?.event_payload
              ?.reminder_id,
        )
        .filter((id): id is string => typeof id === "string" && /^R\d+$/.test(id));
    // Process 1 is killed once 40 reminders are out: it then holds claims it never settles.
    let postedAtKill = -1;
    const killer = (async () => {
      const until = Date.now() + 30_000;
      while (postedIds().length < 40 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      postedAtKill = postedIds().length;
      procs[1]?.child.kill("SIGKILL");
    })();

    // 300 commands, 20 at a time, round-robin over the processes. What a process answered before
    // dying counts as acknowledged.
    const acked: string[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < COMMANDS; i = next++) {
        const target = procs[i % 3] as { port: number };
        const name = `Vendor${i}`;
        const body = slashBody({
          command: "/cc-vendor",
          text: `add name=${name} rate=0.80/min currency=USD`,
        });
        try {
          const res = await postSigned(
            `http://127.0.0.1:${target.port}/slack/events`,
            body,
            "application/x-www-form-urlencoded",
          );
          if (res.status === 200 && res.text.includes(name) && !/went wrong/i.test(res.text))
            acked.push(name);
        } catch {
          // The killed process: not acknowledged.
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    await killer;
    expect(postedAtKill).toBeGreaterThanOrEqual(40);
    expect(postedAtKill).toBeLessThan(REMINDERS);

    // Every reminder posted, including those the killed process had claimed (its lease runs out).
    const deadline = Date.now() + 60_000;
    while (new Set(postedIds()).size < REMINDERS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500)); // any late duplicate would show up now
    const ids = postedIds();
    expect(new Set(ids).size).toBe(REMINDERS);
    expect(ids.length).toBe(REMINDERS);

    for (const p of [procs[0], procs[2]]) {
      p?.child.kill("SIGTERM");
      if (p) await exited(p.child);
    }
    const stored = await store.read({ teamId: "T1" });
    const names = new Set(stored.vendors.map((x) => x.name));
    expect(acked.length).toBeGreaterThan(150);
    expect(acked.filter((n) => !names.has(n))).toEqual([]);
    const states = new Map<string, number>();
    for (const r of stored.reminders) states.set(r.state, (states.get(r.state) ?? 0) + 1);
    expect(Object.fromEntries(states)).toEqual({ posted: REMINDERS });
    const reclaimed = stored.reminders.filter((r) => r.attempts > 1).length;
    process.stderr.write(
      `multi-process: ${acked.length}/${COMMANDS} commands acknowledged, killed after ${postedAtKill} posts, ${reclaimed} reminders re-claimed after the lease\n`,
    );
    await store.close();
  }, 180_000);

  it("recognises an event retry and a replayed request that land on another process", async () => {
    const { schema, dispose, db } = await serverDb(1);
    cleanup.push(dispose);
    await db.close();
    const fake = await new FakeSlack().start();
    cleanup.push(() => fake.stop());
    const env = {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DATABASE_URL: urlWithSchema(schema),
      LOG_LEVEL: "info",
    };
    const ports: number[] = [];
    for (let i = 0; i < 2; i++) {
      const { child, output } = await startEntry(env, /listening on port \d+/);
      cleanup.push(async () => {
        child.kill("SIGTERM");
        await exited(child);
      });
      ports.push(Number(/listening on port (\d+)/.exec(output())?.[1]));
    }
    const url = (i: number) => `http://127.0.0.1:${ports[i]}/slack/events`;
    const mention = JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev-shared-1",
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "app_mention",
        user: "U1",
        text: "<@UBOT> what does shrinkage mean?",
        ts: "1700000000.000200",
        channel: "C1",
        event_ts: "1700000000.000200",
      },
    });
    expect((await postSigned(url(0), mention, "application/json")).status).toBe(200);
    await fake.waitFor("chat.postMessage", 1, 20_000);
    // Slack's retry carries a new signature and lands on the other process.
    const retry = await postSigned(url(1), mention, "application/json", {
      ...signedHeaders(mention, SIGNING_SECRET, Math.floor(Date.now() / 1000) + 1),
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    expect(retry.status).toBe(200);
    // The same signed command sent to both: the second is answered without acting again.
    const body = slashBody({ command: "/cc-vendor", text: "add name=Once rate=0.80/min currency=USD" });
    const headers = signedHeaders(body);
    const first = await postSigned(url(0), body, "application/x-www-form-urlencoded", headers);
    const replay = await postSigned(url(1), body, "application/x-www-form-urlencoded", headers);
    expect(first.text).toContain("Once");
    expect(replay.status).toBe(200);
    expect(replay.text).not.toContain("Once");
    await new Promise((r) => setTimeout(r, 1000));
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
    const check = await serverStore(schema);
    expect((await check.read({ teamId: "T1" })).vendors.map((v) => v.name)).toEqual(["Once"]);
    await check.close();
  }, 120_000);
});
