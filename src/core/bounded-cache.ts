import { LRUCache } from "lru-cache";

/** A cache's limits: whichever is reached first evicts the least recently used entries. */
export interface CacheCaps {
  entries: number;
  /** Approximate bytes of all entries together, as counted by the cache's `sizeOf`. */
  bytes: number;
  /** An entry bigger than this is not kept at all (default: `bytes`). */
  entryBytes?: number;
}

/** Bytes of a string as stored: UTF-16, plus a fixed overhead per entry for the map and the object. */
export const stringBytes = (s: string): number => 2 * s.length;
export const ENTRY_OVERHEAD_BYTES = 64;

/**
 * An in-memory cache capped by count and by size (lru-cache), so memory stays bounded however many
 * users, events or workspaces come by. Callers keep their own time stamps (with their own clock) and
 * treat old entries as absent; the caps alone bound the memory. lru-cache allocates its tables for
 * `entries` up front (about 1 ms per 1,000), so the cache is made on first use, not at start-up.
 */
export class BoundedCache<V extends object> {
  private cache: LRUCache<string, V> | undefined;

  constructor(
    private readonly caps: CacheCaps,
    private readonly sizeOf: (value: V, key: string) => number,
  ) {}

  private made(): LRUCache<string, V> {
    this.cache ??= new LRUCache<string, V>({
      max: this.caps.entries,
      maxSize: this.caps.bytes,
      maxEntrySize: this.caps.entryBytes ?? this.caps.bytes,
      sizeCalculation: (value, key) =>
        Math.max(1, Math.ceil(this.sizeOf(value, key) + stringBytes(key) + ENTRY_OVERHEAD_BYTES)),
    });
    return this.cache;
  }

  get(key: string): V | undefined {
    return this.cache?.get(key);
  }

  /** Keep a value; one bigger than the per-entry cap is not kept (and an older one under its key goes). */
  set(key: string, value: V): void {
    this.made().set(key, value);
  }

  delete(key: string): void {
    this.cache?.delete(key);
  }

  get size(): number {
    return this.cache?.size ?? 0;
  }

  /** Approximate bytes held. */
  get bytes(): number {
    return this.cache?.calculatedSize ?? 0;
  }
}

export const boundedCache = <V extends object>(
  caps: CacheCaps,
  sizeOf: (value: V, key: string) => number,
): BoundedCache<V> => new BoundedCache(caps, sizeOf);
