import { FileStore } from "../../src/store/file-store.ts";
import type { Store } from "../../src/store/store.ts";
import { tempDbPath } from "../helpers/context.ts";

/** A way to get a store for the shared store tests: `open` may be called again to reopen the same data. */
export interface StoreFactory {
  name: string;
  /** Open (or reopen) the store of this factory instance. */
  open(): Promise<Store>;
  /** Drop whatever the instance created. */
  dispose(): Promise<void>;
}

export type FactoryMaker = () => Promise<StoreFactory>;

export const fileFactory: FactoryMaker = async () => {
  const path = tempDbPath();
  return { name: "file", open: () => FileStore.open(path), dispose: async () => {} };
};

/** Every store the shared tests run on here: the file, PGlite, and the real server when reachable. */
export const factories: Array<[string, FactoryMaker]> = [["file", fileFactory]];
