import { createHash } from "node:crypto";
import type { Reply } from "../../commands/types.ts";
import type { Db } from "./db.ts";

// What a retry or a click must find whichever process it lands on, kept in PostgreSQL with an expiry
// (the tables come from the store's migrations). Expired rows are deleted now and then by the writers.

/** Long keys are kept as their SHA-256, as in the in-memory replay memory. */
const shortKey = (k: string): string =>
  k.length > 64 ? `#${createHash("sha256").update(k).digest("base64url")}` : k;

/** Remember `key` until `ttlMs` from now; true if it was already remembered and not expired. */
async function seenBefore(
  db: Db,
  table: "seen_events" | "seen_requests",
  column: string,
  key: string,
  ttlMs: number,
) {
  const { rows } = await db.query(
    `INSERT INTO ${table} (${column}, expires_at) VALUES ($1, now() + $2 * interval '1 millisecond')
     ON CONFLICT (${column}) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE ${table}.expires_at <= now()
     RETURNING 1`,
    [shortKey(key), ttlMs],
  );
  return rows.length === 0;
}

class Sweeper {
  private writes = 0;
  constructor(
    private readonly db: Db,
    private readonly table: string,
  ) {}
  /** One write in 500 clears expired rows, a bounded number at a time. */
  tick(): void {
    if (++this.writes % 500 !== 0) return;
    void this.db
      .query(
        `DELETE FROM ${this.table} WHERE ctid IN (SELECT ctid FROM ${this.table} WHERE expires_at < now() LIMIT 5000)`,
      )
      .catch(() => undefined);
  }
}

/** Slack's event retries (`event_id`), across processes. */
export class PgEventIds {
  private readonly sweep: Sweeper;
  constructor(
    private readonly db: Db,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {
    this.sweep = new Sweeper(db, "seen_events");
  }

  async firstTime(id: string | undefined): Promise<boolean> {
    if (!id) return true;
    this.sweep.tick();
    return !(await seenBefore(this.db, "seen_events", "id", id, this.ttlMs));
  }
}

/** Signed requests (signatures, trigger_ids) within the replay window, across processes. */
export class PgReplayMemory {
  private readonly sweep: Sweeper;
  constructor(private readonly db: Db) {
    this.sweep = new Sweeper(db, "seen_requests");
  }

  async seen(key: string, ttlMs: number): Promise<boolean> {
    this.sweep.tick();
    return seenBefore(this.db, "seen_requests", "key", key, ttlMs);
  }
}

type StoredReply = Omit<Reply, "files"> & {
  files?: Array<
    { filename: string; title: string; content: string } | { filename: string; title: string; base64: string }
  >;
};

const encode = ({ files: _files, ...reply }: Reply): StoredReply => ({
  ...reply,
  ...(_files
    ? {
        files: _files.map((f) =>
          typeof f.content === "string"
            ? { filename: f.filename, title: f.title, content: f.content }
            : { filename: f.filename, title: f.title, base64: f.content.toString("base64") },
        ),
      }
    : {}),
});

const decode = ({ files, ...stored }: StoredReply): Reply => ({
  ...stored,
  ...(files
    ? {
        files: files.map((f) =>
          "base64" in f
            ? { filename: f.filename, title: f.title, content: Buffer.from(f.base64, "base64") }
            : f,
        ),
      }
    : {}),
});

/** Share-button replies, so a click on another process posts the reply the user saw. */
export class PgSharedReplies {
  private readonly sweep: Sweeper;
  constructor(private readonly db: Db) {
    this.sweep = new Sweeper(db, "shared_replies");
  }

  async put(id: string, workspaceId: string, reply: Reply, ttlMs: number): Promise<void> {
    this.sweep.tick();
    await this.db.query(
      `INSERT INTO shared_replies (id, workspace_id, body, expires_at)
       VALUES ($1, $2, $3::jsonb, now() + $4 * interval '1 millisecond') ON CONFLICT (id) DO NOTHING`,
      [id, workspaceId, JSON.stringify(encode(reply)), ttlMs],
    );
  }

  async get(id: string, workspaceId: string): Promise<Reply | undefined> {
    const { rows } = await this.db.query<{ body: StoredReply }>(
      "SELECT body FROM shared_replies WHERE id = $1 AND workspace_id = $2 AND expires_at > now()",
      [id, workspaceId],
    );
    return rows[0] ? decode(rows[0].body) : undefined;
  }
}
