import { createHash } from "node:crypto";

/**
 * Where signed requests are remembered so a replay is answered without acting again. In one process
 * an in-memory table is enough; several processes must share one (e.g. a PostgreSQL table).
 */
export interface ReplayMemory {
  /** True if `key` was seen and has not expired; otherwise remember it for `ttlMs` and return false. */
  seen(key: string, ttlMs: number): Promise<boolean>;
}

export interface MemoryLimits {
  /** Most entries kept (default 100,000). */
  maxEntries?: number;
  /** Most bytes of keys kept, counted as UTF-16 plus a fixed overhead per entry (default 16 MiB). */
  maxBytes?: number;
}

export const DEFAULT_REPLAY_LIMITS = { maxEntries: 100_000, maxBytes: 16 * 1024 * 1024 } as const;

/** Map bookkeeping per entry, roughly: the expiry number and the map slot. */
const ENTRY_OVERHEAD_BYTES = 64;

/**
 * A bounded in-memory ReplayMemory. Entries expire after their TTL; when a cap is reached the oldest
 * entries are dropped first (a warning is logged once per overflow), so memory stays bounded even
 * under a flood.
 */
export class BoundedReplayMemory implements ReplayMemory {
  private readonly entries = new Map<string, number>();
  /**
   * Keys in insertion order, for expiry and eviction from the oldest. A queue beside the map because
   * iterating a Map from the front after many deletions walks over their holes (milliseconds here).
   */
  private queue: Array<{ key: string; expires: number }> = [];
  private head = 0;
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private warned = false;

  constructor(
    limits: MemoryLimits = {},
    private readonly clock: () => number = Date.now,
    private readonly onOverflow: (dropped: number) => void = () => {},
  ) {
    this.maxEntries = Math.max(1, limits.maxEntries ?? DEFAULT_REPLAY_LIMITS.maxEntries);
    this.maxBytes = Math.max(1024, limits.maxBytes ?? DEFAULT_REPLAY_LIMITS.maxBytes);
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  async seen(rawKey: string, ttlMs: number): Promise<boolean> {
    const key = keyOf(rawKey);
    const now = this.clock();
    this.pruneExpired(now);
    const expires = this.entries.get(key);
    if (expires !== undefined && expires > now) return true;
    if (expires !== undefined) this.remove(key);
    this.entries.set(key, now + ttlMs);
    this.queue.push({ key, expires: now + ttlMs });
    this.bytes += cost(key);
    this.enforceCaps();
    return false;
  }

  /** TTLs are close, so expired entries are (nearly all) at the front of the queue. */
  private pruneExpired(now: number): void {
    while (this.head < this.queue.length) {
      const oldest = this.queue[this.head] as { key: string; expires: number };
      if (oldest.expires > now) break;
      this.dropOldest();
    }
  }

  private enforceCaps(): void {
    let dropped = 0;
    while (
      (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) &&
      this.head < this.queue.length
    ) {
      this.dropOldest();
      dropped++;
    }
    if (dropped && !this.warned) {
      this.warned = true;
      this.onOverflow(dropped);
    } else if (!dropped) this.warned = false;
  }

  private dropOldest(): void {
    const oldest = this.queue[this.head++] as { key: string; expires: number };
    // A key seen again after expiring has a newer queue entry: only the matching one removes it.
    if (this.entries.get(oldest.key) === oldest.expires) this.remove(oldest.key);
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private remove(key: string): void {
    if (this.entries.delete(key)) this.bytes -= cost(key);
  }
}

const cost = (key: string) => key.length * 2 + ENTRY_OVERHEAD_BYTES;

/**
 * Long keys are kept as their SHA-256 (a huge trigger_id costs what a short one does), and every key
 * is kept as a string of its own: a trigger_id cut from a request body shares that body's characters
 * (V8 slices), so keeping the slice kept the whole body, about 0.3 KB a slash command, until expiry.
 */
const keyOf = (raw: string): string =>
  raw.length > 64 ? `#${createHash("sha256").update(raw).digest("base64url")}` : Buffer.from(raw).toString();
