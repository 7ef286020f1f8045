import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
export const median = (xs: readonly number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

export interface Served {
  child: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/** Start a server process (`node <args>`) and wait for its "listening on port N" line on stderr. */
export function serve(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Served> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${args[0]} not listening in time: ${out}`)), timeoutMs);
    child.stderr?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stderr?.removeAllListeners("data");
        child.stderr?.resume();
        resolve({
          child,
          port: Number(m[1]),
          stop: () =>
            new Promise<void>((r) => {
              if (child.exitCode !== null) return r();
              child.once("exit", () => r());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args[0]} exited with ${code}: ${out}`));
    });
  });
}

/** Resident set size of a process in MiB (Linux /proc; NaN elsewhere). */
export function rssMiB(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
export const closeAgent = (): void => agent.destroy();

/**
 * POST on loopback; resolves with the status, the body and the time to the end of the body. A kept-alive
 * socket the server closed just as it was reused is retried once on a new one (Node's own advice).
 */
export async function post(
  port: number,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; ms: number }> {
  try {
    return await postOnce(port, body, headers);
  } catch (err) {
    if ((err as { reused?: boolean }).reused) return postOnce(port, body, headers);
    throw err;
  }
}

function postOnce(
  port: number,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/slack/events",
        method: "POST",
        agent,
        headers: { "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: text, ms: performance.now() - start }),
        );
      },
    );
    req.on("error", (err) => reject(Object.assign(err, { reused: req.reusedSocket })));
    req.end(body);
  });
}

/** Run `task(i)` for i < total with `concurrency` at a time; the times it returns, sorted. */
export async function load(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<number>,
): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) times.push(await task(next++));
    }),
  );
  return times.sort((a, b) => a - b);
}
