import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuilt } from "../scripts/build.mjs";
import { FakeSlack } from "../test/helpers/fake-slack.ts";
import { SIGNING_SECRET } from "../test/helpers/signed.ts";
import { median, ROOT } from "./support/servers.ts";

const RUNS = 5;

/** Run a command to its end; the wall time in ms (it must exit 0 and print what `expect` says). */
function timed(cmd: string, args: string[], env: Record<string, string>, expect?: RegExp): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.resume();
    child.once("exit", (code) => {
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`));
      else if (expect && !expect.test(out))
        reject(new Error(`${cmd} ${args.join(" ")} printed ${out.slice(0, 200)}`));
      else resolve(ms);
    });
  });
}

/** Start a server and poll GET /healthz until it answers 200; the time from spawn, then stop it. */
function readiness(cmd: string, args: string[], env: Record<string, string>): Promise<number> {
  const start = performance.now();
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port) },
    stdio: "ignore",
    detached: true, // npm starts node as its child: signal the whole group
  });
  return new Promise((resolve, reject) => {
    let done = false;
    const stop = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    };
    child.once("exit", (code) => {
      if (!done) reject(new Error(`${cmd} ${args.join(" ")} exited with ${code} before /healthz answered`));
    });
    const poll = async () => {
      while (!done) {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/healthz`);
          if (res.status === 200) {
            done = true;
            const ms = performance.now() - start;
            child.once("exit", () => resolve(ms));
            stop();
            return;
          }
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 10));
        if (performance.now() - start > 60_000) {
          done = true;
          stop();
          reject(new Error(`${cmd} not ready in 60 s`));
        }
      }
    };
    void poll();
  });
}

/**
 * Whole-process times, each side measured in turn in the same run (medians of 5): the CLI beside
 * `node -e 0` and a script that only imports Bolt; readiness (`npm start` until /healthz answers)
 * beside bare Bolt.
 */
export default async function bench(): Promise<void> {
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), "switchboard-bench-"));
  const fake = await new FakeSlack().start();
  // The app asks auth.test which workspace its token belongs to before it is ready.
  fake.teams = [{ teamId: "T_BENCH", botToken: "xoxb-bench" }];
  try {
    const db = { DB_PATH: join(dir, "cli.json") };
    const staffing = ["staffing", "--json", "calls=100", "interval=30m", "aht=3m"];
    const sides: Record<string, number[]> = {};
    const add = (k: string, ms: number) => {
      sides[k] ??= [];
      sides[k].push(ms);
    };
    for (let i = 0; i < RUNS; i++) {
      add("node -e 0", await timed(process.execPath, ["-e", "0"], {}));
      add("import Bolt only", await timed(process.execPath, ["bench/support/bolt-import.mjs"], {}));
      add(
        "cli (node dist/cli.js)",
        await timed(process.execPath, ["dist/cli.js", ...staffing], db, /"agents": 14/),
      );
      add(
        "cli (npm run cli)",
        await timed("npm", ["run", "--silent", "cli", "--", ...staffing], db, /"agents": 14/),
      );
    }
    const bolt = median(sides["import Bolt only"] ?? []);
    for (const [k, v] of Object.entries(sides)) {
      const m = median(v);
      process.stdout.write(
        `${k.padEnd(24)} ${m.toFixed(0).padStart(5)} ms median${k.startsWith("cli") ? ` (${(m / bolt).toFixed(2)}x Bolt-only import, target <= 1.5x)` : ""}\n`,
      );
    }

    const http = {
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: "error",
    };
    const ready: Record<string, number[]> = {};
    const addReady = (k: string, ms: number) => {
      ready[k] ??= [];
      ready[k].push(ms);
    };
    for (let i = 0; i < RUNS; i++) {
      addReady("bare Bolt (node)", await readiness(process.execPath, ["bench/support/noop-bolt.mjs"], http));
      addReady(
        "npm start",
        await readiness("npm", ["start", "--silent"], { ...http, DB_PATH: join(dir, `start-${i}.json`) }),
      );
      addReady(
        "node scripts/launch.mjs",
        await readiness(process.execPath, ["scripts/launch.mjs", "main"], {
          ...http,
          DB_PATH: join(dir, `launch-${i}.json`),
        }),
      );
    }
    const bare = median(ready["bare Bolt (node)"] ?? []);
    for (const [k, v] of Object.entries(ready)) {
      const m = median(v);
      process.stdout.write(
        `ready: ${k.padEnd(24)} ${m.toFixed(0).padStart(5)} ms median until /healthz${k.startsWith("bare") ? "" : ` (${(m / bare).toFixed(2)}x bare Bolt, target <= 2x)`}\n`,
      );
    }
  } finally {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
