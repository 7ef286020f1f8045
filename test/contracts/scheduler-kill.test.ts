import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { startScheduler } from "../../src/scheduler/scheduler.ts";
import { FileStore as Store } from "../../src/store/file-store.ts";
import { tempDbPath, testContext } from "../helpers/context.ts";
import { ROOT } from "../helpers/process.ts";
import { FilePoster } from "./file-poster.ts";

const runChild = (env: Record<string, string>) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/contracts/kill-child.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TZ: "UTC", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("exit", (code, signal) => resolve({ code, signal, stderr }));
  });

describe("kill -9 and restart", () => {
  it.each(["after-post", "before-post"])(
    "posts each due reminder exactly once when killed %s",
    async (killAt) => {
      const path = tempDbPath();
      const channelFile = join(dirname(path), "channel.jsonl");
      const store = await Store.open(path);
      const ctx = await testContext({ now: new Date("2026-12-01T12:00:00Z"), store, timeZone: "UTC" });
      await dispatch(
        "contract",
        "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d onboarding=2d checkins=daily-7 channel=C0CXOPS",
        ctx,
      );
      await store.close();
      // 17 Oct 2027: both check-ins and the 30-day review are due.
      const now = "2027-10-17T10:00:00Z";

      const child = await runChild({ DB_PATH: path, CHANNEL_FILE: channelFile, KILL_AT: killAt, NOW: now });
      expect(child.signal).toBe("SIGKILL");
      const poster = new FilePoster(channelFile);
      expect(poster.lines()).toHaveLength(killAt === "after-post" ? 1 : 0);

      const reopened = await Store.open(path);
      const sched = startScheduler({
        store: reopened,
        poster,
        intervalSeconds: 60,
        now: () => new Date(now),
        timer: false,
      });
      await sched.tickNow();
      await sched.stop();
      const ids = poster.lines().map((l) => l.reminderId);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
      const reminders = (await reopened.read(ctx.workspace)).reminders;
      expect(
        reminders
          .filter((r) => r.state === "posted")
          .map((r) => r.id)
          .sort(),
      ).toEqual([...ids].sort());
      await reopened.close();
    },
  );
});
