import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const cleanEnv = (env: Record<string, string>): NodeJS.ProcessEnv => {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TZ: "UTC" };
  return { ...base, ...env };
};

/**
 * How `npm start` and `npm run cli` run an entry point: the build in dist/ through scripts/launch.mjs
 * (which rebuilds when the sources are newer), so these tests check the artifact users run.
 */
const launch = (entry: "src/main.ts" | "src/cli.ts"): string[] => [
  "scripts/launch.mjs",
  entry === "src/main.ts" ? "main" : "cli",
];

/** Run an entry point (the build of src/main.ts or src/cli.ts) as users do, with its own environment only. */
export function runEntry(
  entry: "src/main.ts" | "src/cli.ts",
  args: string[],
  env: Record<string, string>,
  input?: string,
  timeoutMs = 30_000,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...launch(entry), ...args], {
      cwd: ROOT,
      env: cleanEnv(env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${entry} did not finish in ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Start the app as a long-running process; resolves when its stderr shows `ready`. */
export function startEntry(
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, launch("src/main.ts"), {
      cwd: ROOT,
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve({ child, output: () => out });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code} before ready:\n${out}`)));
    setTimeout(() => reject(new Error(`not ready in time:\n${out}`)), 30_000).unref();
  });
}

export const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.once("exit", (code) => r(code))));
