import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";

export class StoreLockedError extends Error {
  constructor(
    readonly dbPath: string,
    readonly pid: number,
  ) {
    super(
      `Another Switchboard process (pid ${pid}) is already using the database ${dbPath}. ` +
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
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(lockPath, "wx", 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        return new FileLock(lockPath);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      const holder = Number.parseInt(safeRead(lockPath), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new StoreLockedError(dbPath, holder);
      }
      // Stale lock (its process is gone, or the file is empty/garbled): remove it and try again.
      try {
        unlinkSync(lockPath);
      } catch {
        // Someone else removed it first; the next attempt settles who wins.
      }
    }
    throw new Error(`Could not take the lock ${lockPath}`);
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

function safeRead(path: string): string {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return "";
  }
}
