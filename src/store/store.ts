import type { Contract, Reminder } from "../core/contracts/contract.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import type { WorkspaceData } from "./schema.ts";

export { StoreLoadError, StorePathError } from "./errors.ts";

/** A reminder the scheduler should work on now: due (or its retry time has come), or an orphaned claim. */
export interface DueReminder {
  workspaceId: string;
  id: string;
}

/** What `updateReminders` passes to its change: the listed reminders and the contracts they belong to. */
export interface ReminderBatch {
  reminders: readonly Reminder[];
  contracts: ReadonlyMap<string, Contract>;
}

/**
 * The database, whichever implementation is chosen (the lowdb file, or PostgreSQL with DATABASE_URL).
 * Every workspace's data is kept apart by workspace id.
 *
 * Reads return the stored data itself, frozen, not a copy: do not change it (it throws). Changes go
 * through `update`, which hands out a draft; when `update` resolves the change is durable, and a change
 * that throws, or changes nothing, writes nothing.
 */
export interface Store {
  readonly kind: "file" | "postgres";
  /** One workspace's data (empty defaults for a workspace never seen). Frozen. */
  read(ws: WorkspaceKey): Promise<WorkspaceData>;
  readById(id: string): Promise<WorkspaceData>;
  /** Change one workspace's data. The callback gets a draft; its return value is passed through. */
  update<T>(ws: WorkspaceKey, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T>;
  updateById<T>(id: string, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T>;
  /** Ids of every workspace with data. */
  workspaceIds(): Promise<string[]>;
  /** Remove every record of a workspace (data retention after an uninstall). False if there was none. */
  deleteWorkspace(id: string): Promise<boolean>;
  /**
   * Reminders to work on at `now`, oldest first, at most `limit`, leaving out `exclude` (those this
   * process is working on). Costs the due reminders, not all of them. In PostgreSQL a reminder claimed
   * by another process comes back only when that claim's lease has run out.
   */
  dueReminders(now: Date, limit: number, exclude: ReadonlySet<string>): Promise<DueReminder[]>;
  /**
   * Change some reminders of one workspace in one durable write. `change` gets those of `ids` that
   * still exist (in PostgreSQL with `claimAt`: only those still due or orphaned at that time and not
   * held by another process, taken with FOR UPDATE SKIP LOCKED) and returns their replacements (same
   * ids); only replacements that differ are written.
   */
  updateReminders<T>(
    workspaceId: string,
    ids: readonly string[],
    change: (batch: ReminderBatch) => { reminders: Reminder[]; result: T },
    opts?: { claimAt?: Date },
  ): Promise<T>;
  /** Wait for queued writes, then release the database. */
  close(): Promise<void>;
}
