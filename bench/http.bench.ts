import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";
import { tempDbPath } from "../test/helpers/context.ts";
import { FakeSlack } from "../test/helpers/fake-slack.ts";
import { SIGNING_SECRET, signedHeaders, slashBody } from "../test/helpers/signed.ts";

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const TEXTS = [
  ["/cc-staffing", "calls=100 interval=30m aht=3m answer=20s target=80%"],
  ["/cc-staffing", "calls=2500 interval=60m aht=5m target=90% answer=30s"],
  ["/cc-estimate", "12000 calls a month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s"],
  ["/cc-estimate", "contacts=800 talk=4m hours=business"],
] as const;

/**
 * Slash-command latency through the real HTTP receiver: the app runs as `npm start` does, in its own
 * process; this process signs requests and sends them on loopback, 1 and 50 at a time.
 */
export default async function bench(): Promise<void> {
  const fake = await new FakeSlack().start();
  try {
    await measure(fake, "src/main.ts", "slash commands over HTTP", [1, 50]);
    await measure(
      fake,
      "bench/support/noop-bolt.ts",
      "for comparison, Bolt alone (a handler that only acks)",
      [50],
    );
  } finally {
    await fake.stop();
  }
}

async function measure(fake: FakeSlack, entry: string, label: string, levels: number[]): Promise<void> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DB_PATH: tempDbPath(),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stderr?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`app exited with ${code}: ${out}`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const send = (i: number): Promise<number> => {
    const [command, text] = TEXTS[i % TEXTS.length] as readonly [string, string];
    const body = slashBody({ command, text, responseUrl: fake.responseUrl("bench") });
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/slack/events",
          method: "POST",
          agent,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            ...signedHeaders(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () =>
            res.statusCode === 200
              ? resolve(performance.now() - start)
              : reject(new Error(`status ${res.statusCode}`)),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
  const run = async (total: number, concurrency: number): Promise<number[]> => {
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) times.push(await send(next++));
      }),
    );
    return times.sort((a, b) => a - b);
  };
  try {
    await run(500, 10); // warm-up: JIT, connections, the first auth.test
    for (const concurrency of levels) {
      const total = 3000;
      const start = performance.now();
      const times = await run(total, concurrency);
      const secs = (performance.now() - start) / 1000;
      process.stdout.write(
        `${label}, ${concurrency} concurrent: p50 ${percentile(times, 50).toFixed(2)} ms, ` +
          `p99 ${percentile(times, 99).toFixed(2)} ms, ${Math.round(total / secs).toLocaleString("en-US")} req/s (${total} signed requests)\n`,
      );
    }
  } finally {
    agent.destroy();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}
