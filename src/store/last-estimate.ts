import { type WorkspaceKey, workspaceId } from "../core/workspace.ts";
import type { Store } from "./store.ts";

export interface LastEstimate {
  at: string;
  text: string;
  summary: string;
}

/**
 * Remembers each workspace's latest estimate for the App Home. It is a convenience, not something a
 * user saved, so writes are coalesced (at most one per workspace per second) and never slow a reply.
 */
export class LastEstimateRecorder {
  private readonly pending = new Map<string, { ws: WorkspaceKey; value: LastEstimate }>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly delayMs = 1000,
  ) {}

  note(ws: WorkspaceKey, value: LastEstimate): void {
    this.pending.set(workspaceId(ws), { ws, value });
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs).unref();
  }

  /** Write what is pending now (also called on shutdown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const items = [...this.pending.values()];
    this.pending.clear();
    this.flushing = this.flushing.then(async () => {
      for (const { ws, value } of items)
        await this.store
          .update(ws, (d) => {
            d.lastEstimate = value;
          })
          .catch(() => undefined);
    });
    return this.flushing;
  }
}
