import { randomUUID } from "node:crypto";
import type { Reply } from "../commands/types.ts";
import { type WorkspaceKey, workspaceId } from "../core/workspace.ts";

/** As long as Slack lets the app answer through a message's response_url. */
const TTL_MS = 30 * 60 * 1000;
const MAX_ENTRIES = 2000;

/**
 * Replies shown privately, kept a while so "Share in channel" posts exactly what the user saw.
 * Running the command line again would not do: `vendor add …` would fail as a duplicate, and
 * `contract remind …` would set a second reminder.
 */
export class SharedReplies {
  private readonly entries = new Map<string, { at: number; ws: string; reply: Reply }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Keep a reply; returns the id a share button carries. */
  put(ws: WorkspaceKey, reply: Reply): string {
    const now = this.clock();
    for (const [id, e] of this.entries) {
      if (this.entries.size < MAX_ENTRIES && now - e.at < TTL_MS) break;
      this.entries.delete(id);
    }
    const id = randomUUID().replace(/-/g, "").slice(0, 16);
    this.entries.set(id, { at: now, ws: workspaceId(ws), reply });
    return id;
  }

  /** The reply kept under this id for this workspace, if it is still kept. */
  get(id: string, ws: WorkspaceKey): Reply | undefined {
    const e = this.entries.get(id);
    if (!e || e.ws !== workspaceId(ws) || this.clock() - e.at >= TTL_MS) return undefined;
    return e.reply;
  }
}

export const sharedReplies = new SharedReplies();
