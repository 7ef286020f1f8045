import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startTestApp, textOf } from "../helpers/app.ts";
import { tempDbPath } from "../helpers/context.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await sleep(50);
  }
}

const delivered = (fake: FakeSlack, channel: string) =>
  fake.posted.filter(
    (m) => m.channel === channel && JSON.stringify(m.metadata ?? "").includes("switchboard_reminder"),
  );

describe("contract reminders end to end (real app, fake Slack Web API)", () => {
  it("a reminder that came due while the app was down is posted at start-up, once, through 5xx answers and restarts", async () => {
    const fake = await new FakeSlack().start();
    fake.userTimeZones.U1 = "UTC";
    const dbPath = tempDbPath();
    let app = await startTestApp({ fake, dbPath });
    try {
      await app.slash({
        command: "/cc-contract",
        text: "add vendor=Acme start=2030-01-15 renews=2031-01-15 notice=60d channel=<#C42|cx-ops>",
      });
      const remind = await app.slash({
        command: "/cc-contract",
        text: "remind Acme 2030-01-20 check the invoice",
      });
      expect(textOf((remind.json as { blocks: unknown }).blocks)).toMatch(/check the invoice/);
      await app.stop();

      // While the app is down, the one-off reminder comes due (we move its due time into the past).
      const db = JSON.parse(readFileSync(dbPath, "utf8"));
      const reminders = db.workspaces.T1.reminders as Array<{ kind: string; note?: string; dueAt: string }>;
      const oneOff = reminders.find((r) => r.note === "check the invoice");
      expect(oneOff).toBeDefined();
      if (oneOff) oneOff.dueAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
      writeFileSync(dbPath, JSON.stringify(db));

      // Slack answers the first two posts with server errors: the reminder stays pending and is retried.
      fake.failNext("chat.postMessage", 2, {
        status: 503,
        body: { ok: false, error: "service_unavailable" },
      });
      // The scheduler backs off 30 s and more between attempts: a test clock moves time forward.
      let offset = 0;
      const now = () => new Date(Date.now() + offset);
      app = await startTestApp({ fake, dbPath, reminderIntervalSeconds: 1, now });
      await waitUntil(() => fake.callsTo("chat.postMessage").length >= 1);
      // Move the clock past each backoff until the reminder is delivered; each step is small enough
      // that the scheduler can never skip ahead of a retry it has not recorded yet.
      const end = Date.now() + 30_000;
      while (delivered(fake, "C42").length === 0) {
        if (Date.now() > end) throw new Error("the reminder was never delivered");
        offset += 60 * 1000;
        await sleep(250);
      }
      expect(fake.callsTo("chat.postMessage").length).toBeGreaterThanOrEqual(3);
      const [post] = delivered(fake, "C42");
      expect(JSON.stringify(post?.text)).toMatch(/Acme/);
      await sleep(2500);
      await app.stop();

      // A restart on the same database posts nothing again.
      app = await startTestApp({ fake, dbPath, reminderIntervalSeconds: 1, now });
      await sleep(2500);
      expect(delivered(fake, "C42")).toHaveLength(1);
      const after = JSON.parse(readFileSync(dbPath, "utf8")).workspaces.T1.reminders as Array<{
        note?: string;
        state: string;
        late?: boolean;
      }>;
      const stored = after.find((r) => r.note === "check the invoice");
      expect(stored?.state).toBe("posted");
      expect(stored?.late).toBe(true);
    } finally {
      await app.stop();
      await fake.stop();
    }
  }, 150_000);
});
