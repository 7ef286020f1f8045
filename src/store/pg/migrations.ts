import type { Db } from "./db.ts";

/**
 * Schema versions, applied in order, each once (recorded in schema_migrations). Append new versions;
 * never edit one that has shipped. Rows keep each record as a jsonb body beside the columns queries
 * need, so the record schema (zod) stays the one source of truth for their content.
 */
export const MIGRATIONS: Array<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: "workspaces, records, reminders by wake time, installations",
    sql: `
      CREATE SEQUENCE record_seq;
      CREATE TABLE workspaces (
        id text PRIMARY KEY,
        version bigint NOT NULL DEFAULT 0,
        profile jsonb,
        last_estimate jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE vendors (
        workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        seq bigint NOT NULL,
        rev bigint NOT NULL,
        body jsonb,
        PRIMARY KEY (workspace_id, key)
      );
      CREATE INDEX vendors_rev ON vendors (workspace_id, rev);
      CREATE TABLE contracts (
        workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        seq bigint NOT NULL,
        rev bigint NOT NULL,
        body jsonb,
        PRIMARY KEY (workspace_id, key)
      );
      CREATE INDEX contracts_rev ON contracts (workspace_id, rev);
      CREATE TABLE reminders (
        workspace_id text NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key text NOT NULL,
        seq bigint NOT NULL,
        rev bigint NOT NULL,
        body jsonb,
        -- When the scheduler must look at it: due (or retry) time when pending, lease end when posting.
        wake_at timestamptz,
        PRIMARY KEY (workspace_id, key)
      );
      CREATE INDEX reminders_rev ON reminders (workspace_id, rev);
      CREATE INDEX reminders_wake ON reminders (wake_at) WHERE wake_at IS NOT NULL;
      CREATE TABLE installations (
        id text PRIMARY KEY,
        team_id text,
        enterprise_id text,
        body jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    name: "shared memories: event ids, signed requests, share-button replies",
    sql: `
      CREATE TABLE seen_events (id text PRIMARY KEY, expires_at timestamptz NOT NULL);
      CREATE INDEX seen_events_expiry ON seen_events (expires_at);
      CREATE TABLE seen_requests (key text PRIMARY KEY, expires_at timestamptz NOT NULL);
      CREATE INDEX seen_requests_expiry ON seen_requests (expires_at);
      CREATE TABLE shared_replies (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        body jsonb NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX shared_replies_expiry ON shared_replies (expires_at);
    `,
  },
];

/** Any constant: every Switchboard process takes the same transaction-scoped advisory lock. */
const MIGRATION_LOCK = 7_240_315_001;

/**
 * Bring the schema up to date. Safe when several processes start at once: the advisory lock makes
 * them take turns, and each applies only the versions not yet recorded, inside the same transaction.
 * Returns the versions this call applied.
 */
export async function migrate(db: Db): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set(
      (await tx.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) =>
        Number(r.version),
      ),
    );
    const newest = Math.max(0, ...done);
    const known = Math.max(...MIGRATIONS.map((m) => m.version));
    if (newest > known)
      throw new Error(
        `The database schema is version ${newest}, newer than this Switchboard knows (${known}): upgrade the app.`,
      );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.query(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
