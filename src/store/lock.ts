import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";

export class StoreLockedError extends Error {
  constructor(
    readonly dbPath: string,
    readonly pid: number,
  ) {
    super(
      `Another Switchboard process${pid ? ` (pid ${pid})` : ""} is already using the database ${dbPath}. ` +
        "Stop it first, or give this one its own file with DB_PATH.",
    );
    this.name = "StoreLockedError";
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * An exclusive lock on a database file, held for the life of the process: lowdb is single-process,
 * and two writers on one file lose updates. A lock left by a process that died (kill -9) is taken over.
 */
/** Locks held by this process, released on exit by one shared handler. */
const held = new Set<FileLock>();
let exitHandlerInstalled = false;
const releaseAll = () => {
  for (const lock of held) lock.release();
};

export class FileLock {
  private released = false;

  private constructor(readonly lockPath: string) {
    held.add(this);
    if (!exitHandlerInstalled) {
      process.on("exit", releaseAll);
      exitHandlerInstalled = true;
    }
  }

  static acquire(dbPath: string): FileLock {
    const lockPath = `${dbPath}.lock`;
    // The lock file appears complete or not at all: the pid is written to a private file first, then
    // linked into place (link fails if the lock exists), so nobody ever reads a half-written lock.
    const tmp = `${lockPath}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, String(process.pid), { mode: 0o600 });
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          linkSync(tmp, lockPath);
          return new FileLock(lockPath);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        }
        const raw = safeRead(lockPath);
        const holder = Number.parseInt(raw, 10);
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
          throw new StoreLockedError(dbPath, holder);
        }
        // A garbled lock this recent may belong to a process that is starting: leave it be.
        if (!(Number.isInteger(holder) && holder > 0) && ageMs(lockPath) < 2000)
          throw new StoreLockedError(dbPath, 0);
        // Stale: its process is gone (e.g. kill -9). Remove it only if it is still that same file.
        removeIfSame(lockPath, raw);
      }
      throw new Error(`Could not take the lock ${lockPath}`);
    } finally {
      try {
        unlinkSync(tmp);
      } catch {
        // Already gone.
      }
    }
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    try {
      if (safeRead(this.lockPath) === String(process.pid)) unlinkSync(this.lockPath);
    } catch {
      // Already gone.
    }
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Remove a stale lock, but only the one we judged stale: it is first renamed to a name of our own
 * (atomic), then checked, so a lock another process has just taken is put back, not deleted.
 */
function removeIfSame(lockPath: string, judged: string): void {
  const mine = `${lockPath}.${process.pid}.stale`;
  try {
    renameSync(lockPath, mine);
  } catch {
    return; // Someone else removed it first.
  }
  if (safeRead(mine) === judged) {
    unlinkSync(mine);
    return;
  }
  try {
    linkSync(mine, lockPath);
  } catch {
    // A new lock is already in place; ours was not the stale one anyway.
  }
  unlinkSync(mine);
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return "";
  }
}
