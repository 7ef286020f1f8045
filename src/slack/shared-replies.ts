import { randomUUID } from "node:crypto";
import type { Reply } from "../commands/types.ts";
import { type WorkspaceKey, workspaceId } from "../core/workspace.ts";
import { boundedCache, type CacheCaps, stringBytes } from "./bounded-cache.ts";

/** As long as Slack lets the app answer through a message's response_url. */
const TTL_MS = 30 * 60 * 1000;
/**
 * A reply is a few kB of Block Kit, more with a chart or a CSV attached. A reply over 2 MiB is not
 * kept (its share button then asks to run the command again, as after a restart).
 */
export const SHARED_REPLY_CAPS: CacheCaps = {
  entries: 2000,
  bytes: 8 * 1024 * 1024,
  entryBytes: 2 * 1024 * 1024,
};

/**
 * A reply is kept as its JSON (and its files as they are): one string per reply, so what the cap
 * counts is what the heap holds, rather than a tree of small objects several times its size.
 */
interface Kept {
  at: number;
  ws: string;
  json: string;
  files?: Reply["files"];
}

const keep = (at: number, ws: string, reply: Reply): Kept => {
  const { files, ...rest } = reply;
  return { at, ws, json: replyJson(reply, rest), ...(files?.length ? { files } : {}) };
};

/** A kept (frozen) reply shown again is serialized once, and its entries share the one string. */
const jsonOfReply = new WeakMap<Reply, string>();
function replyJson(reply: Reply, rest: Omit<Reply, "files">): string {
  if (!Object.isFrozen(reply)) return JSON.stringify(rest);
  let json = jsonOfReply.get(reply);
  if (json === undefined) {
    json = JSON.stringify(rest);
    jsonOfReply.set(reply, json);
  }
  return json;
}

const filesBytes = (files: Reply["files"]): number =>
  (files ?? []).reduce(
    (n, f) => n + (typeof f.content === "string" ? stringBytes(f.content) : f.content.length),
    0,
  );

/** Approximate bytes of a kept reply: its Block Kit as JSON, and its files. */
export const replyBytes = (reply: Reply): number =>
  stringBytes(reply.text) + stringBytes(JSON.stringify(reply.blocks)) + filesBytes(reply.files);

/** Where replies are also kept when several processes share the work (PostgreSQL). */
export interface SharedReplyBacking {
  put(id: string, workspaceId: string, reply: Reply, ttlMs: number): Promise<void>;
  get(id: string, workspaceId: string): Promise<Reply | undefined>;
}

/**
 * Replies shown privately, kept a while so "Share in channel" posts exactly what the user saw.
 * Running the command line again would not do: `vendor add …` would fail as a duplicate, and
 * `contract remind …` would set a second reminder.
 */
export class SharedReplies {
  private readonly entries;
  private backing: SharedReplyBacking | undefined;
  private onBackingError: (err: unknown) => void = () => {};

  constructor(
    private readonly clock: () => number = Date.now,
    caps: CacheCaps = SHARED_REPLY_CAPS,
  ) {
    this.entries = boundedCache<Kept>(
      caps,
      (e) => stringBytes(e.ws) + stringBytes(e.json) + filesBytes(e.files),
    );
  }

  /**
   * Also keep replies in `backing` (shared by every process), or stop with undefined. The write is
   * not awaited by `put`: it is done long before anyone can click the button.
   */
  useBacking(backing: SharedReplyBacking | undefined, onError: (err: unknown) => void = () => {}): void {
    this.backing = backing;
    this.onBackingError = onError;
  }

  /** Keep a reply; returns the id a share button carries. */
  put(ws: WorkspaceKey, reply: Reply): string {
    const id = randomUUID().replace(/-/g, "").slice(0, 16);
    this.entries.set(id, keep(this.clock(), workspaceId(ws), reply));
    if (this.backing && replyBytes(reply) <= (SHARED_REPLY_CAPS.entryBytes ?? Number.POSITIVE_INFINITY))
      this.backing.put(id, workspaceId(ws), reply, TTL_MS).catch(this.onBackingError);
    return id;
  }

  /** As `get`, then from the shared backing: the click may land on another process. */
  async find(id: string, ws: WorkspaceKey): Promise<Reply | undefined> {
    const local = this.get(id, ws);
    if (local || !this.backing) return local;
    try {
      return await this.backing.get(id, workspaceId(ws));
    } catch (err) {
      this.onBackingError(err);
      return undefined;
    }
  }

  /** The reply kept under this id for this workspace, if it is still kept. */
  get(id: string, ws: WorkspaceKey): Reply | undefined {
    const e = this.entries.get(id);
    if (!e || e.ws !== workspaceId(ws) || this.clock() - e.at >= TTL_MS) return undefined;
    const reply = JSON.parse(e.json) as Reply;
    return e.files ? { ...reply, files: e.files } : reply;
  }

  /** How many replies and about how many bytes are kept (for the bench and tests). */
  usage(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.bytes };
  }
}

export const sharedReplies = new SharedReplies();
