import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileStore } from "../../src/store/file-store.ts";
import { tempDbPath } from "../helpers/context.ts";
import { serverDb, TEST_DATABASE_URL, urlWithSchema } from "../helpers/pg.ts";
import { ROOT } from "../helpers/process.ts";
import { workspace } from "../helpers/workspace-data.ts";

/** `npm run <migrate|export|import> -- args` as users run it: the build, through scripts/launch.mjs. */
function tool(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/launch.mjs", "tool", ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

async function seeded(): Promise<{ path: string; data: ReturnType<typeof workspace> }> {
  const path = tempDbPath();
  const data = workspace({
    vendors: 20,
    contracts: 5,
    perContract: 4,
    now: Date.parse("2027-01-01T00:00:00Z"),
  });
  const store = await FileStore.open(path);
  await store.update({ teamId: "T123" }, (d) => Object.assign(d, data));
  await store.update({ teamId: "T999" }, (d) => void d.vendors.push(...data.vendors.slice(0, 1)));
  await store.close();
  return { path, data };
}

describe("store tool: export and import between stores", () => {
  it("moves one workspace from one file to another, and refuses to overwrite without --replace", async () => {
    const { path, data } = await seeded();
    const exported = await tool(["export", "--workspace", "T123"], { DB_PATH: path });
    expect(exported.err).toBe("");
    expect(exported.code).toBe(0);
    const file = join(path, "..", "x.json");
    // As `npm run export -- … > x.json` writes it without --silent: npm's banner first.
    writeFileSync(
      file,
      `\n> switchboard@0.1.0 export\n> node scripts/launch.mjs tool export --workspace T123\n\n${exported.out}`,
    );
    const target = tempDbPath();
    const imported = await tool(["import", file], { DB_PATH: target });
    expect(imported.code).toBe(0);
    expect(imported.out).toContain("20 vendors, 5 contracts, 20 reminders");
    const db = JSON.parse(readFileSync(target, "utf8"));
    expect(Object.keys(db.workspaces)).toEqual(["T123"]);
    expect(db.workspaces.T123).toEqual(JSON.parse(JSON.stringify(data)));
    const before = readFileSync(target, "utf8");
    const again = await tool(["import", file], { DB_PATH: target });
    expect(again.code).toBe(1);
    expect(again.err).toContain("already has data");
    expect(readFileSync(target, "utf8")).toBe(before);
    expect((await tool(["import", file, "--replace"], { DB_PATH: target })).code).toBe(0);
  }, 120_000);

  it("says what is wrong with a missing workspace or a file that is not an export", async () => {
    const { path } = await seeded();
    const none = await tool(["export", "--workspace", "TNOPE"], { DB_PATH: path });
    expect(none.code).toBe(1);
    expect(none.err).toContain("No workspace TNOPE");
    expect(none.err).toContain("T123");
    const bad = join(path, "..", "bad.json");
    writeFileSync(bad, '{"hello":1}');
    const refused = await tool(["import", bad], { DB_PATH: tempDbPath() });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("is not a Switchboard workspace export");
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)("store tool with PostgreSQL (TEST_DATABASE_URL)", () => {
  const disposers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of disposers) await d();
  });

  it("migrates, then carries a workspace from the file into PostgreSQL and back unchanged", async () => {
    const { db, schema, dispose } = await serverDb(1);
    disposers.push(dispose);
    await db.close();
    const DATABASE_URL = urlWithSchema(schema);
    const first = await tool(["migrate"], { DATABASE_URL });
    expect(first.code).toBe(0);
    expect(first.out).toContain("Applied schema versions 1, 2");
    expect((await tool(["migrate"], { DATABASE_URL })).out).toContain("already at schema version 2");
    const { path, data } = await seeded();
    const file = join(path, "..", "x.json");
    writeFileSync(file, (await tool(["export", "--workspace", "T123"], { DB_PATH: path })).out);
    const imported = await tool(["import", file], { DATABASE_URL });
    expect(imported.err).toBe("");
    expect(imported.out).toContain("PostgreSQL");
    const back = await tool(["export", "--workspace", "T123"], { DATABASE_URL });
    expect(JSON.parse(back.out).data).toEqual(JSON.parse(JSON.stringify(data)));
  }, 120_000);
});
