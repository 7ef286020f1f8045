import { afterAll, describe, expect, it, vi } from "vitest";
import { type Vendor, VendorSchema } from "../../src/core/vendors/vendor.ts";
import type { Db } from "../../src/store/pg/db.ts";
import { PgStore } from "../../src/store/pg-store.ts";
import { pgliteDb, serverDb, TEST_DATABASE_URL } from "../helpers/pg.ts";
import { quotes } from "../helpers/workspace-data.ts";

// Starting PGlite (PostgreSQL in WebAssembly) takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const A = { teamId: "TA" };
const v = (name: string): Vendor => VendorSchema.parse({ name });

const makers: Array<[string, () => Promise<{ db: Db; dispose(): Promise<void> }>]> = [
  ["PGlite", pgliteDb],
  ...(TEST_DATABASE_URL ? [["PostgreSQL server", () => serverDb(4)] as [string, typeof pgliteDb]] : []),
];

describe.each(makers)("PostgreSQL store specifics (%s)", (_name, make) => {
  const disposers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of disposers.reverse()) await d();
  });
  const twoStores = async (): Promise<[PgStore, PgStore, Db]> => {
    const { db, dispose } = await make();
    disposers.push(dispose);
    // Two stores over one database stand for two processes: each has its own memory of workspaces.
    const first = await PgStore.open(db);
    const second = await PgStore.open(db);
    return [first, second, db];
  };

  it("writes only the rows a change touches", async () => {
    const [s, , db] = await twoStores();
    await s.update(A, (d) => {
      d.vendors.push(...quotes(300));
    });
    await s.update(A, (d) => {
      const q = d.vendors[150];
      if (q) q.notes = "called them";
    });
    const { rows } = await db.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM vendors WHERE rev = (SELECT version FROM workspaces WHERE id = 'TA')",
    );
    expect(Number(rows[0]?.n)).toBe(1);
    const version = async () =>
      (await db.query<{ v: string }>("SELECT version::text AS v FROM workspaces WHERE id = 'TA'")).rows[0]?.v;
    const before = await version();
    await s.update(A, (d) => {
      const q = d.vendors[150];
      if (q) q.notes = "called them"; // the same again: nothing written
    });
    expect(await version()).toBe(before);
  });

  it("two processes writing one workspace at once lose nothing and see each other's writes", async () => {
    const [one, two] = await twoStores();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? one : two).update(A, (d) => void d.vendors.push(v(`v${i}`))),
      ),
    );
    for (const s of [one, two]) expect((await s.read(A)).vendors).toHaveLength(30);
    await one.update(A, (d) => {
      d.vendors = d.vendors.filter((x) => x.name !== "v3");
      const first = d.vendors[0];
      if (first) first.notes = "edited by one";
    });
    const seen = await two.read(A);
    expect(seen.vendors).toHaveLength(29);
    expect(seen.vendors.some((x) => x.name === "v3")).toBe(false);
    expect(seen.vendors[0]?.notes).toBe("edited by one");
    expect(await two.deleteWorkspace("TA")).toBe(true);
    expect((await one.read(A)).vendors).toEqual([]);
  });
});
