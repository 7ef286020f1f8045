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
 * treat old entries as absent; the caps alone bound the memory.
 */
export function boundedCache<V extends object>(
  caps: CacheCaps,
  sizeOf: (value: V, key: string) => number,
): LRUCache<string, V> {
  return new LRUCache<string, V>({
    max: caps.entries,
    maxSize: caps.bytes,
    maxEntrySize: caps.entryBytes ?? caps.bytes,
    sizeCalculation: (value, key) =>
      Math.max(1, Math.ceil(sizeOf(value, key) + stringBytes(key) + ENTRY_OVERHEAD_BYTES)),
  });
}
