import { freeze } from "immer";
import { LRUCache } from "lru-cache";
import type { Contract, Reminder } from "../core/contracts/contract.ts";
import { ReminderSchema } from "../core/contracts/contract.ts";
import { type WorkspaceKey, workspaceId } from "../core/workspace.ts";
import {
  applyChange,
  COLLECTIONS,
  type CollectionName,
  EMPTY_WORKSPACE,
  keysOf,
  type WorkspaceDiff,
} from "./changes.ts";
import { StoreLoadError } from "./errors.ts";
import { type Db, poolDb, type Sql } from "./pg/db.ts";
import { migrate } from "./pg/migrations.ts";
import type { WorkspaceData } from "./schema.ts";
import type { DueReminder, ReminderBatch, Store } from "./store.ts";

export const DEFAULT_LEASE_SECONDS = 300;

interface Cached {
  version: number;
  data: WorkspaceData;
}

interface RecordRow {
  c: CollectionName;
  key: string;
  body: unknown;
}

/**
 * The PostgreSQL store. Each workspace is a row (version, profile, last estimate) and each vendor,
 * contract and reminder a row of its own (a jsonb body beside the columns queries need), so a write
 * costs what it changes: the change runs on a draft, and only rows that differ are written, in one
 * transaction with the workspace row locked FOR UPDATE (every writer of a workspace takes that lock
 * first, so concurrent writers from any number of processes lose nothing and never deadlock).
 *
 * Each process keeps the workspaces it read in memory, tagged with the workspace's version: a read
 * costs one indexed lookup when nothing changed, and fetches only the rows changed since (each row
 * carries the version that last wrote it; a removed record stays as a bodiless row so its removal is
 * seen too).
 */
export class PgStore implements Store {
  readonly kind = "postgres" as const;
  /** Workspaces read lately, with their version (at most 500: a forgotten one is loaded again). */
  private readonly cache = new LRUCache<string, Cached>({ max: 500 });
  private closed = false;

  private constructor(
    readonly db: Db,
    private readonly leaseMs: number,
    private readonly ownsDb: boolean,
  ) {}

  /** Connect to DATABASE_URL and bring its schema up to date. */
  static async connect(
    url: string,
    opts: { leaseSeconds?: number | undefined; schema?: string; max?: number } = {},
  ): Promise<PgStore> {
    const db = poolDb(url, opts);
    try {
      await migrate(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw new StoreLoadError(redact(url), `could not prepare the PostgreSQL database (${describePg(err)})`);
    }
    return new PgStore(db, (opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000, true);
  }

  /** A store over an already-open database (PGlite in tests; the tool shares one). */
  static async open(db: Db, opts: { leaseSeconds?: number; ownsDb?: boolean } = {}): Promise<PgStore> {
    await migrate(db);
    return new PgStore(db, (opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000, opts.ownsDb ?? false);
  }

  read(ws: WorkspaceKey): Promise<WorkspaceData> {
    return this.readById(workspaceId(ws));
  }

  async readById(id: string): Promise<WorkspaceData> {
    this.check();
    return this.load(this.db, id);
  }

  async workspaceIds(): Promise<string[]> {
    this.check();
    const { rows } = await this.db.query<{ id: string }>("SELECT id FROM workspaces ORDER BY id");
    return rows.map((r) => r.id);
  }

  update<T>(ws: WorkspaceKey, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T> {
    return this.updateById(workspaceId(ws), change);
  }

  async updateById<T>(id: string, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T> {
    this.check();
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.db.transaction(async (tx) => {
        const head = await lockWorkspace(tx, id);
        const base = head ? await this.load(tx, id, head) : EMPTY_WORKSPACE;
        const { next, result, diff } = await applyChange(base, change);
        if (next === base || !diff) return { result, retry: false };
        const version = await nextVersion(tx);
        if (!head) {
          // A first write: create the row; if another process just did, start again on its data.
          const created = await tx.query(
            "INSERT INTO workspaces (id, version) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id",
            [id, version],
          );
          if (created.rows.length === 0) return { result, retry: true };
        }
        await this.writeDiff(tx, id, version, next, diff);
        return { result, retry: false, commit: () => this.cache.set(id, { version, data: next }) };
      });
      if (outcome.retry && attempt < 3) continue;
      if ("commit" in outcome) outcome.commit?.();
      return outcome.result;
    }
  }

  async updateReminders<T>(
    wsId: string,
    ids: readonly string[],
    change: (batch: ReminderBatch) => { reminders: Reminder[]; result: T },
    opts: { claimAt?: Date } = {},
  ): Promise<T> {
    this.check();
    return this.db.transaction(async (tx) => {
      const head = await lockWorkspace(tx, wsId);
      if (!head) return change({ reminders: [], contracts: new Map() }).result;
      // Rows another process is working on are skipped, and a claim re-checks, under the lock, that
      // each reminder is still due (or its lease has run out): it is handed out once.
      const claimable = opts.claimAt ? " AND wake_at <= $3::timestamptz" : "";
      const { rows } = await tx.query<{ key: string; body: Reminder }>(
        `SELECT key, body FROM reminders
          WHERE workspace_id = $1 AND key IN (SELECT jsonb_array_elements_text($2::jsonb)) AND body IS NOT NULL${claimable}
          ORDER BY key FOR UPDATE${opts.claimAt ? " SKIP LOCKED" : ""}`,
        opts.claimAt ? [wsId, JSON.stringify(ids), opts.claimAt.toISOString()] : [wsId, JSON.stringify(ids)],
      );
      const found = rows.map((r) => freeze(r.body, true));
      const contractIds = [...new Set(found.map((r) => r.contractId))];
      const contracts = new Map<string, Contract>();
      if (contractIds.length) {
        const got = await tx.query<{ body: Contract }>(
          "SELECT body FROM contracts WHERE workspace_id = $1 AND key IN (SELECT jsonb_array_elements_text($2::jsonb)) AND body IS NOT NULL",
          [wsId, JSON.stringify(contractIds)],
        );
        for (const r of got.rows) contracts.set(r.body.id, r.body);
      }
      const { reminders, result } = change({ reminders: found, contracts });
      const before = new Map(found.map((r) => [r.id, r]));
      const put = reminders
        .filter((r) => before.has(r.id) && JSON.stringify(before.get(r.id)) !== JSON.stringify(r))
        .map((r) => ({ key: r.id, value: ReminderSchema.parse(r) }));
      if (put.length) {
        const version = await nextVersion(tx);
        await this.upsert(tx, wsId, "reminders", version, put);
        await tx.query("UPDATE workspaces SET version = $2, updated_at = now() WHERE id = $1", [
          wsId,
          version,
        ]);
      }
      return result;
    });
  }

  async deleteWorkspace(id: string): Promise<boolean> {
    this.check();
    const { rows } = await this.db.query("DELETE FROM workspaces WHERE id = $1 RETURNING id", [id]);
    this.cache.delete(id);
    return rows.length > 0;
  }

  async dueReminders(now: Date, limit: number, exclude: ReadonlySet<string>): Promise<DueReminder[]> {
    this.check();
    const { rows } = await this.db.query<{ workspace_id: string; key: string }>(
      "SELECT workspace_id, key FROM reminders WHERE wake_at <= $1::timestamptz ORDER BY wake_at LIMIT $2",
      [now.toISOString(), limit + exclude.size],
    );
    return rows
      .filter((r) => !exclude.has(r.key))
      .slice(0, limit)
      .map((r) => ({ workspaceId: r.workspace_id, id: r.key }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsDb) await this.db.close();
  }

  private check(): void {
    if (this.closed) throw new Error("The database is closed.");
  }

  /** When the scheduler must look at a reminder (see the wake_at column). */
  private wakeAt(r: Reminder): string | null {
    if (r.state === "posting") {
      const from = Date.parse(r.lastAttemptAt ?? r.dueAt);
      return new Date((Number.isNaN(from) ? 0 : from) + this.leaseMs).toISOString();
    }
    if (r.state !== "pending") return null;
    const at = Math.max(Date.parse(r.dueAt), r.nextAttemptAt ? Date.parse(r.nextAttemptAt) : 0);
    return new Date(Number.isNaN(at) ? 0 : at).toISOString();
  }

  /**
   * The workspace as of now: from memory when its version has not moved, else with the rows changed
   * since (all rows the first time).
   */
  private async load(
    sql: Sql,
    id: string,
    head?: { version: number; profile: unknown; last_estimate: unknown },
  ): Promise<WorkspaceData> {
    const h =
      head ??
      (
        await sql.query<{ version: string; profile: unknown; last_estimate: unknown }>(
          "SELECT version::text AS version, profile, last_estimate FROM workspaces WHERE id = $1",
          [id],
        )
      ).rows.map((r) => ({ ...r, version: Number(r.version) }))[0];
    if (!h) {
      this.cache.delete(id);
      return EMPTY_WORKSPACE;
    }
    const cached = this.cache.get(id);
    if (cached && cached.version === h.version) return cached.data;
    const since = cached && cached.version < h.version ? cached.version : -1;
    const { rows } = await sql.query<RecordRow>(
      `${COLLECTIONS.map(
        (c) =>
          `SELECT '${c}' AS c, key, seq AS ord, body FROM ${c} WHERE workspace_id = $1 AND rev > $2${since < 0 ? " AND body IS NOT NULL" : ""}`,
      ).join(" UNION ALL ")} ORDER BY ord`,
      [id, since],
    );
    const baseData = since < 0 ? EMPTY_WORKSPACE : (cached as Cached).data;
    const next: WorkspaceData = {
      ...baseData,
      profile: (h.profile ?? undefined) as WorkspaceData["profile"],
      lastEstimate: (h.last_estimate ?? undefined) as WorkspaceData["lastEstimate"],
    };
    if (next.profile === undefined) delete next.profile;
    if (next.lastEstimate === undefined) delete next.lastEstimate;
    for (const c of COLLECTIONS) {
      const changed = rows.filter((r) => r.c === c);
      if (changed.length) (next as Record<CollectionName, unknown[]>)[c] = applyRows(c, baseData[c], changed);
    }
    // Kept profile/estimate objects when equal, so an unchanged read keeps identity for diffs.
    if (cached && JSON.stringify(cached.data.profile) === JSON.stringify(next.profile))
      next.profile = cached.data.profile;
    if (cached && JSON.stringify(cached.data.lastEstimate) === JSON.stringify(next.lastEstimate))
      next.lastEstimate = cached.data.lastEstimate;
    const data = freeze(next, true);
    // Outside a transaction holding the lock the version read may already be stale; that only means
    // the next read fetches the same rows again (applying a row twice is harmless).
    this.cache.set(id, { version: h.version, data });
    return data;
  }

  private async writeDiff(
    tx: Sql,
    id: string,
    version: number,
    next: WorkspaceData,
    diff: WorkspaceDiff,
  ): Promise<void> {
    const sets: string[] = ["version = $2", "updated_at = now()"];
    const params: unknown[] = [id, version];
    if (diff.profile) {
      params.push(next.profile === undefined ? null : JSON.stringify(next.profile));
      sets.push(`profile = $${params.length}::jsonb`);
    }
    if (diff.lastEstimate) {
      params.push(next.lastEstimate === undefined ? null : JSON.stringify(next.lastEstimate));
      sets.push(`last_estimate = $${params.length}::jsonb`);
    }
    for (const c of COLLECTIONS) {
      const d = diff.collections[c];
      if (!d) continue;
      if (d.removed.length)
        await tx.query(
          `UPDATE ${c} SET body = NULL, rev = $2${c === "reminders" ? ", wake_at = NULL" : ""}
            WHERE workspace_id = $1 AND key IN (SELECT jsonb_array_elements_text($3::jsonb))`,
          [id, version, JSON.stringify(d.removed)],
        );
      if (d.put.length) await this.upsert(tx, id, c, version, d.put);
    }
    await tx.query(`UPDATE workspaces SET ${sets.join(", ")} WHERE id = $1`, params);
  }

  private async upsert(
    tx: Sql,
    id: string,
    c: CollectionName,
    version: number,
    put: Array<{ key: string; value: unknown; replaces?: string }>,
  ): Promise<void> {
    const table = c; // table names equal collection names
    const rows = put.map((p) => ({
      key: p.key,
      replaces: p.replaces ?? null,
      body: p.value,
      ...(c === "reminders" ? { wake_at: this.wakeAt(p.value as Reminder) } : {}),
    }));
    const wake = c === "reminders";
    await tx.query(
      `INSERT INTO ${table} (workspace_id, key, seq, rev, body${wake ? ", wake_at" : ""})
       SELECT $1, x.key,
              COALESCE((SELECT o.seq FROM ${table} o WHERE o.workspace_id = $1 AND o.key = x.replaces), nextval('record_seq')),
              $2, x.body${wake ? ", x.wake_at" : ""}
         FROM jsonb_to_recordset($3::jsonb) AS x(key text, replaces text, body jsonb${wake ? ", wake_at timestamptz" : ""})
       ON CONFLICT (workspace_id, key) DO UPDATE SET body = EXCLUDED.body, rev = EXCLUDED.rev,
         seq = CASE WHEN ${table}.body IS NULL THEN EXCLUDED.seq ELSE ${table}.seq END${wake ? ", wake_at = EXCLUDED.wake_at" : ""}`,
      [id, version, JSON.stringify(rows)],
    );
  }
}

/**
 * Versions come from one sequence, taken under the workspace lock: increasing per workspace in commit
 * order, and never reused, even for a workspace deleted and created again.
 */
async function nextVersion(tx: Sql): Promise<number> {
  const { rows } = await tx.query<{ v: string }>("SELECT nextval('record_seq')::text AS v");
  return Number(rows[0]?.v);
}

/** Lock a workspace row for this transaction; undefined if it does not exist yet. */
async function lockWorkspace(
  tx: Sql,
  id: string,
): Promise<{ version: number; profile: unknown; last_estimate: unknown } | undefined> {
  const { rows } = await tx.query<{ version: string; profile: unknown; last_estimate: unknown }>(
    "SELECT version::text AS version, profile, last_estimate FROM workspaces WHERE id = $1 FOR UPDATE",
    [id],
  );
  const r = rows[0];
  return r ? { ...r, version: Number(r.version) } : undefined;
}

/** Apply changed rows (in seq order) to a collection: replace in place, drop removed, append new. */
function applyRows(c: CollectionName, current: readonly unknown[], changed: RecordRow[]): unknown[] {
  const keys = keysOf(c, current);
  const at = new Map(keys.map((k, i) => [k, i]));
  const out: Array<unknown | undefined> = current.slice();
  let removedAny = false;
  for (const row of changed) {
    const i = at.get(row.key);
    if (row.body === null) {
      if (i !== undefined) {
        out[i] = undefined;
        removedAny = true;
      }
    } else if (i !== undefined) out[i] = row.body;
    else {
      at.set(row.key, out.length);
      out.push(row.body);
    }
  }
  return removedAny ? out.filter((x) => x !== undefined) : out;
}

/** The URL without its password, for messages. */
export const redact = (url: string): string => url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");

function describePg(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === "ECONNREFUSED") return "nothing answers at that address: is PostgreSQL running?";
  if (e.code === "28P01" || e.code === "28000") return "the user name or password was refused";
  if (e.code === "3D000") return "that database does not exist: create it first (createdb)";
  return e.message ?? String(err);
}
