import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Db, poolDb, serialDb } from "../../src/store/pg/db.ts";

/** The real server, when one is reachable (CI and the development machines set it). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

let shared: Promise<Db> | undefined;

/**
 * A fresh schema in an in-process PostgreSQL (PGlite, one per test file: starting one takes
 * seconds), dropped by dispose(). No server needed.
 */
export async function pgliteDb(): Promise<{ db: Db; dispose(): Promise<void> }> {
  shared ??= (async () => serialDb(new PGlite() as never))();
  const base = await shared;
  const schema = `sbtest_${randomBytes(5).toString("hex")}`;
  await base.query(`CREATE SCHEMA ${schema}`);
  // One connection: every statement runs with this schema first in the path while the test runs.
  const db: Db = {
    query: async (text, params) => {
      return base.transaction(async (tx) => {
        await tx.query(`SET LOCAL search_path TO ${schema}`);
        return tx.query(text, params);
      }) as never;
    },
    transaction: (work) =>
      base.transaction(async (tx) => {
        await tx.query(`SET LOCAL search_path TO ${schema}`);
        return work(tx);
      }),
    close: async () => {},
  };
  return { db, dispose: async () => void (await base.query(`DROP SCHEMA ${schema} CASCADE`)) };
}

/** A fresh schema on the real server, dropped by dispose(). */
export async function serverDb(max = 5): Promise<{ db: Db; schema: string; dispose(): Promise<void> }> {
  const url = TEST_DATABASE_URL as string;
  const schema = `sbtest_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const db = poolDb(url, { schema, max });
  return {
    db,
    schema,
    async dispose() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** DATABASE_URL naming that schema, for child processes. */
export const urlWithSchema = (schema: string): string => {
  const u = new URL(TEST_DATABASE_URL as string);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
};
