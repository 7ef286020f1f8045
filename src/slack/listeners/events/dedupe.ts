/**
 * Slack retries an event it thinks we missed (X-Slack-Retry-Num), up to three times. We remember the
 * event ids we handled for an hour and answer each event once.
 */
export class EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs = 60 * 60 * 1000) {}

  /** True the first time an id is seen within the TTL. */
  firstTime(id: string | undefined, now: number): boolean {
    if (!id) return true;
    this.prune(now);
    if (this.seen.has(id)) return false;
    this.seen.set(id, now);
    return true;
  }

  private prune(now: number): void {
    for (const [id, at] of this.seen) {
      if (now - at <= this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}
