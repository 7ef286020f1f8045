import { FileStore } from "../../src/store/file-store.ts";
import { PgStore } from "../../src/store/pg-store.ts";
import type { Store } from "../../src/store/store.ts";
import { tempDbPath } from "../helpers/context.ts";
import { pgliteDb, serverDb, TEST_DATABASE_URL } from "../helpers/pg.ts";

/** A way to get a store for the shared store tests: `open` may be called again to reopen the same data. */
export interface StoreFactory {
  open(): Promise<Store>;
  /** Drop whatever the instance created. */
  dispose(): Promise<void>;
}

export type FactoryMaker = () => Promise<StoreFactory>;

export const fileFactory: FactoryMaker = async () => {
  const path = tempDbPath();
  return { open: () => FileStore.open(path), dispose: async () => {} };
};

export const pgliteFactory: FactoryMaker = async () => {
  const { db, dispose } = await pgliteDb();
  return { open: () => PgStore.open(db), dispose };
};

export const serverFactory: FactoryMaker = async () => {
  const { db, dispose } = await serverDb();
  return { open: () => PgStore.open(db), dispose };
};

/** Every store the shared tests run on here: the file, PGlite, and the real server when reachable. */
export const factories: Array<[string, FactoryMaker]> = [
  ["file", fileFactory],
  ["PostgreSQL on PGlite", pgliteFactory],
  ...(TEST_DATABASE_URL ? [["PostgreSQL server", serverFactory] as [string, FactoryMaker]] : []),
];
