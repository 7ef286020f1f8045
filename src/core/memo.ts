import { freeze } from "immer";
import { BoundedCache, type CacheCaps, stringBytes } from "./bounded-cache.ts";

/**
 * Results of pure computations kept for their inputs. Stored data is frozen and a write replaces the
 * objects it changed, so an object's identity (numbered here through a WeakMap, which never keeps it
 * alive) stands for its content: a key built from it misses after a write, and the stale entries age
 * out of the bounded cache. Kept values are frozen, so no caller can change what the next one gets.
 */
const ids = new WeakMap<object, number>();
let lastId = 0;

/** A number for this object's identity, the same for as long as it lives. */
export function identityOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) {
    id = ++lastId;
    ids.set(o, id);
  }
  return id;
}

/** Bytes of a value, as its JSON (UTF-16). */
export const jsonBytes = (v: unknown): number => stringBytes(JSON.stringify(v) ?? "");

export class Memo<V extends object> {
  private readonly cache: BoundedCache<V>;

  constructor(caps: CacheCaps, sizeOf: (value: V) => number = jsonBytes) {
    this.cache = new BoundedCache<V>(caps, sizeOf);
  }

  get(key: string, compute: () => V): V {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const value = freeze(compute(), true);
    this.cache.set(key, value);
    return value;
  }

  async getAsync(key: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const value = freeze(await compute(), true);
    this.cache.set(key, value);
    return value;
  }

  usage(): { entries: number; bytes: number } {
    return { entries: this.cache.size, bytes: this.cache.bytes };
  }
}
