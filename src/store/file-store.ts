import { readdir, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { freeze } from "immer";
import { type Adapter, Low } from "lowdb";
import type { ZodError } from "zod";
import { type Reminder, ReminderSchema } from "../core/contracts/contract.ts";
import { type WorkspaceKey, workspaceId } from "../core/workspace.ts";
import { applyChange, EMPTY_WORKSPACE } from "./changes.ts";
import { DueIndex } from "./due-index.ts";
import { DurableJsonFile, isStoreTempFile } from "./durable-file.ts";
import { StoreLoadError, StorePathError } from "./errors.ts";
import { FileLock } from "./lock.ts";
import { makeFolder } from "./make-folder.ts";
import { describePathProblem } from "./path-errors.ts";
import { type Database, DatabaseSchema, DB_VERSION, emptyDatabase, type WorkspaceData } from "./schema.ts";
import type { DueReminder, ReminderBatch, Store } from "./store.ts";

const describeZod = (err: ZodError): string =>
  err.issues
    .slice(0, 3)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");

/**
 * The lowdb-format database: one JSON file, one process (a lock file refuses a second one), every
 * workspace's data kept apart by workspace id. Changes run one at a time on an immer draft; one that
 * throws or changes nothing writes nothing; otherwise the whole file is rewritten atomically and
 * fsync'ed before `update` resolves.
 */
export class FileStore implements Store {
  readonly kind = "file" as const;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly due = new DueIndex();

  /** lowdb holds the data and writes it through the durable adapter. */
  private readonly low: Low<Database>;

  private constructor(
    readonly path: string,
    data: Database,
    adapter: DurableJsonFile<Database>,
    private readonly lock: FileLock,
  ) {
    // lowdb's adapter contract reads null for "no file"; this one says undefined, and is only written through.
    this.low = new Low<Database>(adapter as unknown as Adapter<Database>, data);
    for (const [id, ws] of Object.entries(data.workspaces))
      for (const r of ws.reminders) this.due.set(id, r.id, r);
  }

  private get data(): Database {
    return this.low.data;
  }

  private set data(next: Database) {
    this.low.data = next;
  }

  /** Written before it is made visible: a failed write leaves memory and disk as they were. */
  private async persist(next: Database): Promise<void> {
    await this.low.adapter.write(next);
    this.low.data = next;
  }

  static async open(path: string): Promise<FileStore> {
    const full = resolve(path);
    const dir = dirname(full);
    try {
      await makeFolder(dir);
    } catch (err) {
      throw new StorePathError(describePathProblem(full, err, "folder"));
    }
    const st = await stat(full).catch(() => undefined);
    if (st?.isDirectory())
      throw new StorePathError(
        `DB_PATH=${path} is a folder, not a file. Set DB_PATH to a file inside it, e.g. DB_PATH=${join(path, "switchboard.json")}.`,
      );
    let lock: FileLock;
    try {
      lock = FileLock.acquire(full);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code) throw new StorePathError(describePathProblem(full, err, "lock"));
      throw err;
    }
    try {
      // Only this process can be writing now: any temp copy left beside the file is from a crash.
      await removeStaleTempFiles(full);
      const adapter = new DurableJsonFile<Database>(full);
      let raw: unknown;
      try {
        raw = await adapter.read();
      } catch (err) {
        if (err instanceof SyntaxError)
          throw new StoreLoadError(full, `it is not valid JSON (${err.message})`);
        throw new StorePathError(describePathProblem(full, err, "read"));
      }
      let data: Database;
      if (raw === undefined) {
        data = emptyDatabase();
      } else {
        if (raw === null || typeof raw !== "object" || Array.isArray(raw))
          throw new StoreLoadError(
            full,
            `it holds ${raw === null ? "null" : Array.isArray(raw) ? "a list" : `a ${typeof raw}`}, not a Switchboard database (an object with "version" and "workspaces")`,
          );
        const version = (raw as { version?: unknown }).version;
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
      return new FileStore(full, freeze(data, true), adapter, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  async read(ws: WorkspaceKey): Promise<WorkspaceData> {
    return this.readNow(workspaceId(ws));
  }

  async readById(id: string): Promise<WorkspaceData> {
    return this.readNow(id);
  }

  /** The stored data itself (frozen): no copy. */
  private readNow(id: string): WorkspaceData {
    return Object.hasOwn(this.data.workspaces, id)
      ? (this.data.workspaces[id] as WorkspaceData)
      : EMPTY_WORKSPACE;
  }

  async workspaceIds(): Promise<string[]> {
    return Object.keys(this.data.workspaces);
  }

  update<T>(ws: WorkspaceKey, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T> {
    return this.updateById(workspaceId(ws), change);
  }

  updateById<T>(id: string, change: (draft: WorkspaceData) => T | Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      const base = this.readNow(id);
      const { next, result, diff } = await applyChange(base, change);
      if (next !== base) {
        const d = diff?.collections.reminders;
        await this.commit(id, next, (d?.put.map((p) => p.value) ?? []) as Reminder[], d?.removed ?? []);
      }
      return result;
    });
  }

  updateReminders<T>(
    wsId: string,
    ids: readonly string[],
    change: (batch: ReminderBatch) => { reminders: Reminder[]; result: T },
  ): Promise<T> {
    return this.enqueue(async () => {
      const base = this.readNow(wsId);
      const wanted = new Set(ids);
      const found: Reminder[] = [];
      const at = new Map<string, number>();
      base.reminders.forEach((r, i) => {
        if (wanted.has(r.id) && !at.has(r.id)) {
          found.push(r);
          at.set(r.id, i);
        }
      });
      const contracts = new Map(
        base.contracts.filter((c) => found.some((r) => r.contractId === c.id)).map((c) => [c.id, c]),
      );
      const { reminders, result } = change({ reminders: found, contracts });
      let list: Reminder[] | undefined;
      const changed: Reminder[] = [];
      for (const r of reminders) {
        const i = at.get(r.id);
        if (i === undefined || base.reminders[i] === r) continue;
        list ??= base.reminders.slice();
        const checked = freeze(ReminderSchema.parse(r), true);
        list[i] = checked;
        changed.push(checked);
      }
      if (list) await this.commit(wsId, freeze({ ...base, reminders: list }), changed, []);
      return result;
    });
  }

  async deleteWorkspace(id: string): Promise<boolean> {
    return this.enqueue(async () => {
      if (!Object.hasOwn(this.data.workspaces, id)) return false;
      const { [id]: gone, ...rest } = this.data.workspaces;
      const next: Database = freeze({ ...this.data, workspaces: rest }, true);
      await this.persist(next);
      if (gone) this.due.removeWorkspace(id, gone.reminders);
      return true;
    });
  }

  async dueReminders(now: Date, limit: number, exclude: ReadonlySet<string>): Promise<DueReminder[]> {
    return this.due.due(now.getTime(), limit, exclude);
  }

  /** Wait for queued writes, then release the file lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    this.lock.release();
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error("The database is closed.");
      return work();
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Write the database with `next` for workspace `id`; `changed`/`removed` reminders update the index. */
  private async commit(
    id: string,
    next: WorkspaceData,
    changed: Reminder[],
    removed: string[],
  ): Promise<void> {
    const db: Database = freeze({ ...this.data, workspaces: { ...this.data.workspaces, [id]: next } });
    await this.persist(db);
    for (const r of changed) this.due.set(id, r.id, r);
    for (const key of removed) this.due.set(id, key, undefined);
  }
}

/** Temp copies DurableJsonFile writes beside the database, left behind if the process was killed. */
async function removeStaleTempFiles(full: string): Promise<void> {
  const dir = dirname(full);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names)
    if (isStoreTempFile(basename(full), name)) await unlink(join(dir, name)).catch(() => undefined);
}
