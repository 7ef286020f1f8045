import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Low } from "lowdb";
import type { ZodError } from "zod";
import { type WorkspaceKey, workspaceId } from "../core/workspace.ts";
import { DurableJsonFile } from "./durable-file.ts";
import { FileLock } from "./lock.ts";
import {
  type Database,
  DatabaseSchema,
  DB_VERSION,
  emptyDatabase,
  emptyWorkspace,
  type WorkspaceData,
  WorkspaceDataSchema,
} from "./schema.ts";

export class StoreLoadError extends Error {
  constructor(
    readonly dbPath: string,
    reason: string,
  ) {
    super(`Cannot load the database ${dbPath}: ${reason}. The file was left untouched.`);
    this.name = "StoreLoadError";
  }
}

const describeZod = (err: ZodError): string =>
  err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");

/**
 * The lowdb database: one JSON file, one process, every workspace's data kept apart by workspace id.
 * All changes go through `update`, which runs one at a time on a copy: if the change throws or the
 * write fails, nothing changes in memory or on disk. When `update` resolves, the data is on disk.
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly db: Low<Database>,
    private readonly lock: FileLock,
  ) {}

  static async open(path: string): Promise<Store> {
    const full = resolve(path);
    await mkdir(dirname(full), { recursive: true });
    const lock = FileLock.acquire(full);
    try {
      const adapter = new DurableJsonFile<unknown>(full);
      let raw: unknown;
      try {
        raw = await adapter.read();
      } catch (err) {
        throw new StoreLoadError(
          full,
          err instanceof SyntaxError ? `it is not valid JSON (${err.message})` : String(err),
        );
      }
      let data: Database;
      if (raw === null) {
        data = emptyDatabase();
      } else {
        const version = (raw as { version?: unknown } | null)?.version;
        if (typeof version === "number" && version > DB_VERSION)
          throw new StoreLoadError(
            full,
            `it was written by a newer version (schema ${version}, this one reads ${DB_VERSION})`,
          );
        const parsed = DatabaseSchema.safeParse(raw);
        if (!parsed.success)
          throw new StoreLoadError(full, `its content is not valid (${describeZod(parsed.error)})`);
        data = parsed.data;
      }
      const low = new Low<Database>(new DurableJsonFile<Database>(full), data);
      low.data = data;
      return new Store(full, low, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /** A copy of one workspace's data (empty defaults for a workspace never seen). */
  read(ws: WorkspaceKey): WorkspaceData {
    const data = this.db.data.workspaces[workspaceId(ws)];
    return data ? structuredClone(data) : emptyWorkspace();
  }

  /** Ids of every workspace with data, for background jobs such as the reminder scheduler. */
  workspaceIds(): string[] {
    return Object.keys(this.db.data.workspaces);
  }

  readById(id: string): WorkspaceData {
    const data = this.db.data.workspaces[id];
    return data ? structuredClone(data) : emptyWorkspace();
  }

  /** Change one workspace's data. The callback gets a draft; its return value is passed through. */
  update<T>(ws: WorkspaceKey, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T> {
    return this.updateById(workspaceId(ws), change);
  }

  updateById<T>(id: string, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error("The database is closed.");
      const draft = this.readById(id);
      const result = await change(draft);
      const checked = WorkspaceDataSchema.parse(draft);
      const next: Database = { ...this.db.data, workspaces: { ...this.db.data.workspaces, [id]: checked } };
      await this.db.adapter.write(next);
      this.db.data = next;
      return result;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Wait for queued writes, then release the file lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    this.lock.release();
  }
}
