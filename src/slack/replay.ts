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
 * under a flood. Keys longer than 64 characters are stored as their SHA-256, so a huge trigger_id
 * costs the same as a short one.
 */
export class BoundedReplayMemory implements ReplayMemory {
  private readonly entries = new Map<string, number>();
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
    const key = rawKey.length > 64 ? `#${createHash("sha256").update(rawKey).digest("base64url")}` : rawKey;
    const now = this.clock();
    this.pruneExpired(now);
    const expires = this.entries.get(key);
    if (expires !== undefined && expires > now) return true;
    if (expires !== undefined) this.remove(key);
    this.entries.set(key, now + ttlMs);
    this.bytes += cost(key);
    this.enforceCaps();
    return false;
  }

  /** Entries are in insertion order and TTLs are close, so expired ones are (nearly all) at the front. */
  private pruneExpired(now: number): void {
    for (const [key, expires] of this.entries) {
      if (expires > now) break;
      this.remove(key);
    }
  }

  private enforceCaps(): void {
    let dropped = 0;
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.remove(key);
      dropped++;
    }
    if (dropped && !this.warned) {
      this.warned = true;
      this.onOverflow(dropped);
    } else if (!dropped) this.warned = false;
  }

  private remove(key: string): void {
    if (this.entries.delete(key)) this.bytes -= cost(key);
  }
}

const cost = (key: string) => key.length * 2 + ENTRY_OVERHEAD_BYTES;
