import { randomBytes } from "node:crypto";
import { open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";

/**
 * A lowdb adapter that writes JSON atomically and durably: a temp file in the same folder is written
 * and fsync'ed, renamed over the real file, then the folder is fsync'ed so the rename survives a power
 * loss. lowdb's own JSONFile (steno) renames but never fsyncs.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    return JSON.parse(raw) as T;
  }

  async write(data: T): Promise<void> {
    const dir = dirname(this.path);
    const tmp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    const body = `${JSON.stringify(data, null, 2)}\n`;
    const file = await open(tmp, "w", 0o600);
    try {
      await file.writeFile(body, "utf8");
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(tmp, this.path);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    await fsyncDir(dir);
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch (err) {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic there.
    if ((err as NodeJS.ErrnoException).code !== "EINVAL" && (err as NodeJS.ErrnoException).code !== "EISDIR")
      throw err;
  } finally {
    await handle.close();
  }
}
