import { boundedCache, type CacheCaps } from "../../bounded-cache.ts";

/** Event ids are about 12 characters: 100,000 of them are a few MiB, more than an hour of events. */
export const EVENT_ID_CAPS: CacheCaps = { entries: 100_000, bytes: 16 * 1024 * 1024 };

/**
 * Slack retries an event it thinks we missed (X-Slack-Retry-Num), up to three times. We remember the
 * event ids we handled for an hour and answer each event once. At the caps the least recently seen
 * ids are forgotten first.
 */
export class EventDeduper {
  private readonly seen;

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    caps: CacheCaps = EVENT_ID_CAPS,
  ) {
    this.seen = boundedCache<{ at: number }>(caps, () => 16);
  }

  /** True the first time an id is seen within the TTL. */
  firstTime(id: string | undefined, now: number): boolean {
    if (!id) return true;
    const hit = this.seen.get(id);
    if (hit && now - hit.at <= this.ttlMs) return false;
    this.seen.set(id, { at: now });
    return true;
  }

  /** How many ids are remembered (for tests). */
  get size(): number {
    return this.seen.size;
  }
}
