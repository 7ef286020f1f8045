import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StoreLoadError, StorePathError } from "../../src/store/errors.ts";
import { FileStore } from "../../src/store/file-store.ts";
import { describePathProblem } from "../../src/store/path-errors.ts";
import { tempDbPath } from "../helpers/context.ts";
import { runEntry } from "../helpers/process.ts";

// Issue: a file that is not a database must stop start-up, never be taken for an empty one (the first
// write would overwrite it); crashed writes' temp copies are cleaned; path problems are explained.

const DAMAGED: Array<[string, string]> = [
  ["null", "null"],
  ["an empty list", "[]"],
  ["a number", "0"],
  ["a string", '"hello"'],
  ["true", "true"],
  ["an empty object", "{}"],
  ["an object of the wrong shape", '{"users":[1,2,3]}'],
  ["a version of the wrong type", '{"version":"1","workspaces":{}}'],
  ["workspaces as a list", '{"version":1,"workspaces":[]}'],
  ["a workspace that is not an object", '{"version":1,"workspaces":{"T1":null}}'],
  ["a vendor of the wrong shape", '{"version":1,"workspaces":{"T1":{"vendors":[{"nom":"x"}]}}}'],
  ["truncated JSON", '{"version":1,"workspaces":{"T1":{"vend'],
  ["an empty file", ""],
  ["binary garbage", "\u0000\u0001\u0002\ufffd"],
  ["a newer schema version", '{"version":99,"workspaces":{}}'],
];

describe("damaged database files", () => {
  it.each(DAMAGED)("refuses %s, naming the file, and leaves its bytes as they were", async (_what, body) => {
    const path = tempDbPath();
    writeFileSync(path, body);
    const err = await FileStore.open(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreLoadError);
    expect((err as Error).message).toContain(path);
    expect((err as Error).message).toContain("left untouched");
    expect(readFileSync(path, "utf8")).toBe(body);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("still starts a new database where there is no file yet", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "switchboard-new-")), "deeper", "db.json");
    const store = await FileStore.open(path);
    await store.update(
      { teamId: "T1" },
      (d) => void d.vendors.push({ name: "Acme", currency: "USD" } as never),
    );
    await store.close();
    expect(JSON.parse(readFileSync(path, "utf8")).workspaces.T1.vendors[0].name).toBe("Acme");
  });

  it("stops start-up with the message when the file holds null", async () => {
    const path = tempDbPath();
    writeFileSync(path, "null");
    const out = await runEntry("src/main.ts", [], { DB_PATH: path }, "help\n", 60_000);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain(path);
    expect(out.stderr).toContain("not a Switchboard database");
    expect(readFileSync(path, "utf8")).toBe("null");
  }, 90_000);
});

describe("damaged database files, through the CLI", () => {
  it("a command says what is wrong with the file instead of an internal error", async () => {
    const path = tempDbPath();
    writeFileSync(path, "[]");
    const out = await runEntry("src/cli.ts", ["vendor", "list"], { DB_PATH: path }, undefined, 60_000);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(path);
    expect(out.stderr).toContain("not a Switchboard database");
    expect(out.stderr).not.toContain("went wrong");
    expect(readFileSync(path, "utf8")).toBe("[]");
  }, 90_000);
});

describe("temp files of crashed writes", () => {
  it("removes the store's own stale temp copies at start-up, and nothing else", async () => {
    const path = tempDbPath();
    const dir = join(path, "..");
    writeFileSync(path, '{"version":1,"workspaces":{}}');
    const stale = [".db.json.4242.0a1b2c3d.tmp", ".db.json.77.ffffffff.tmp"];
    const others = ["notes.tmp", ".db.json.backup", ".other.json.4242.0a1b2c3d.tmp", "db.json.bak"];
    for (const name of [...stale, ...others]) writeFileSync(join(dir, name), "{}");
    const store = await FileStore.open(path);
    const left = readdirSync(dir).sort();
    for (const name of stale) expect(left).not.toContain(name);
    for (const name of others) expect(left).toContain(name);
    await store.close();
  });

  it("leaves them alone when another process holds the database", async () => {
    const path = tempDbPath();
    const dir = join(path, "..");
    // A live process (pid 1) holds the lock: its write may be in progress.
    writeFileSync(`${path}.lock`, "1");
    const tmp = ".db.json.99999.0a1b2c3d.tmp";
    writeFileSync(join(dir, tmp), "{}");
    await expect(FileStore.open(path)).rejects.toThrow(/already using/);
    expect(readdirSync(dir)).toContain(tmp);
  });
});

describe("DB_PATH problems", () => {
  const expectExplained = (err: unknown, path: string) => {
    expect(err).toBeInstanceOf(StorePathError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^DB_PATH=/);
    expect(msg).toContain(path);
    expect(msg).toMatch(/set DB_PATH|Set DB_PATH/);
  };

  it("a file where a folder should be", async () => {
    const base = mkdtempSync(join(tmpdir(), "switchboard-path-"));
    writeFileSync(join(base, "data"), "I am a file");
    const path = join(base, "data", "db.json");
    const err = await FileStore.open(path).catch((e: unknown) => e);
    expectExplained(err, path);
    expect((err as Error).message).toContain("is a file, not a folder");
  });

  it("a missing parent that cannot be created (under a file)", async () => {
    const base = mkdtempSync(join(tmpdir(), "switchboard-path-"));
    writeFileSync(join(base, "f"), "");
    const path = join(base, "f", "a", "b", "db.json");
    const err = await FileStore.open(path).catch((e: unknown) => e);
    expectExplained(err, path);
  });

  it("a folder on a file system that refuses new folders (/proc), answered instead of hanging", async (ctx) => {
    if (!existsSync("/proc/self")) return ctx.skip();
    // Node's own recursive mkdir retries forever here; the store makes one level at a time.
    for (const path of ["/proc/switchboard-test/db.json", "/proc/switchboard-test/a/b/db.json"]) {
      const err = await FileStore.open(path).catch((e: unknown) => e);
      expectExplained(err, path);
    }
  });

  it("makes every missing folder of a new DB_PATH", async () => {
    const base = mkdtempSync(join(tmpdir(), "switchboard-path-"));
    const path = join(base, "a", "b", "c", "db.json");
    const store = await FileStore.open(path);
    await store.update({ teamId: "T1" }, (d) => {
      d.profile = { volume: 10 };
    });
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it("DB_PATH naming a folder", async () => {
    const path = mkdtempSync(join(tmpdir(), "switchboard-path-"));
    const err = await FileStore.open(path).catch((e: unknown) => e);
    expectExplained(err, path);
    expect((err as Error).message).toContain("is a folder, not a file");
  });

  it("a folder nobody may write, even root (immutable)", async (ctx) => {
    const base = mkdtempSync(join(tmpdir(), "switchboard-path-"));
    const dir = join(base, "ro");
    mkdirSync(dir);
    try {
      execFileSync("chattr", ["+i", dir], { stdio: "ignore" });
    } catch {
      ctx.skip("chattr +i is not available here (needs root and ext4-like file system): skipped");
      return;
    }
    try {
      const path = join(dir, "db.json");
      const err = await FileStore.open(path).catch((e: unknown) => e);
      expectExplained(err, path);
      expect((err as Error).message).toContain("no permission");
    } finally {
      execFileSync("chattr", ["-i", dir]);
    }
  });

  it("explains EACCES, EROFS and ENOENT in words, not only the code", () => {
    for (const code of ["EACCES", "EROFS", "ENOENT", "EPERM"]) {
      const e = Object.assign(new Error(`${code}: raw`), { code, path: "/x/db.json.lock.1.tmp" });
      for (const stage of ["folder", "lock", "read"] as const) {
        const msg = describePathProblem("/x/db.json", e, stage);
        expect(msg).toMatch(/^DB_PATH=\/x\/db\.json cannot be used: [a-z]/);
        expect(msg).toMatch(/DB_PATH to/);
      }
    }
  });

  it("the app says so at start-up instead of a raw error", async () => {
    const base = mkdtempSync(join(tmpdir(), "switchboard-path-"));
    writeFileSync(join(base, "data"), "");
    const path = join(base, "data", "db.json");
    const out = await runEntry("src/main.ts", [], { DB_PATH: path }, "help\n", 60_000);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain(`DB_PATH=${path}`);
    expect(out.stderr).toContain("is a file, not a folder");
    expect(out.stderr).not.toMatch(/^\s+at /m);
  }, 90_000);
});
