import { boundedCache, type CacheCaps } from "../../bounded-cache.ts";

/**
 * Slack retries within minutes (at once, after 1 and after 5 minutes), so the latest 20,000 event ids
 * (over 5 events a second for the whole hour) are plenty; about 100 bytes each.
 */
export const EVENT_ID_CAPS: CacheCaps = { entries: 20_000, bytes: 4 * 1024 * 1024 };

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
