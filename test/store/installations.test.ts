import { afterAll, describe, expect, it, vi } from "vitest";
import { PgInstallationRecords } from "../../src/store/installations.ts";
import type { Db } from "../../src/store/pg/db.ts";
import { migrate } from "../../src/store/pg/migrations.ts";
import { pgliteDb, serverDb, TEST_DATABASE_URL } from "../helpers/pg.ts";

// Starting PGlite (PostgreSQL in WebAssembly) takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

const makers: Array<[string, () => Promise<{ db: Db; dispose(): Promise<void> }>]> = [
  ["PGlite", pgliteDb],
  ...(TEST_DATABASE_URL ? [["PostgreSQL server", () => serverDb(2)] as [string, typeof pgliteDb]] : []),
];

describe.each(makers)("installations table (%s)", (_name, make) => {
  const disposers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const d of disposers) await d();
  });

  it("keeps, replaces, lists and deletes installations by id", async () => {
    const { db, dispose } = await make();
    disposers.push(dispose);
    await migrate(db);
    const recs = new PgInstallationRecords(db);
    expect(await recs.get("T1")).toBeUndefined();
    await recs.put({
      id: "T1",
      teamId: "T1",
      isEnterpriseInstall: false,
      sealed: "s1",
      installedAt: "2026-12-01T00:00:00Z",
    });
    await recs.put({
      id: "E1",
      enterpriseId: "E1",
      isEnterpriseInstall: true,
      sealed: "s2",
      installedAt: "2026-12-01T00:00:00Z",
    });
    await recs.put({
      id: "T1",
      teamId: "T1",
      isEnterpriseInstall: false,
      sealed: "s3",
      installedAt: "2026-12-02T00:00:00Z",
      uninstalledAt: "2026-12-03T00:00:00Z",
    });
    expect(await recs.get("T1")).toEqual({
      id: "T1",
      teamId: "T1",
      isEnterpriseInstall: false,
      sealed: "s3",
      installedAt: "2026-12-02T00:00:00Z",
      uninstalledAt: "2026-12-03T00:00:00Z",
    });
    expect((await recs.list()).map((r) => [r.id, r.isEnterpriseInstall, r.enterpriseId])).toEqual([
      ["E1", true, "E1"],
      ["T1", false, undefined],
    ]);
    expect(await recs.delete("T1")).toBe(true);
    expect(await recs.delete("T1")).toBe(false);
    expect((await recs.list()).map((r) => r.id)).toEqual(["E1"]);
  });

  it("migrations are idempotent and safe when several run at once", async () => {
    const { db, dispose } = await make();
    disposers.push(dispose);
    const runs = await Promise.all([migrate(db), migrate(db), migrate(db)]);
    expect(runs.flat().sort()).toEqual([1, 2]);
    expect(await migrate(db)).toEqual([]);
  });
});
