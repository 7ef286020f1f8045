import { randomBytes } from "node:crypto";
import { open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { jsonPieces } from "./json-chunks.ts";

/**
Reads and writes the database file: writes JSON atomically and durably: a temp file in the same folder is written
 * and fsync'ed, renamed over the real file, then the folder is fsync'ed so the rename survives a power
 * loss. (lowdb's JSONFile, whose file format this keeps, renames but never fsyncs.)
 */
export class DurableJsonFile<T> {
  constructor(readonly path: string) {}

  /** The parsed file, or undefined when there is no file (a JSON `null` is returned as null). */
  async read(): Promise<T | undefined> {
    let raw: string;
    try {
      raw = await readFile(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw err;
    }
    return JSON.parse(raw) as T;
  }

  async write(data: T): Promise<void> {
    const dir = dirname(this.path);
    const tmp = join(dir, tempName(basename(this.path)));
    const file = await open(tmp, "w", 0o600);
    try {
      // Written in slices of about 64 kB, so the event loop runs between them.
      let buf = "";
      for (const piece of jsonPieces(data)) {
        buf += piece;
        if (buf.length >= 64 * 1024) {
          await file.write(buf, null, "utf8");
          buf = "";
        }
      }
      await file.write(`${buf}\n`, null, "utf8");
      await file.sync();
    } catch (err) {
      await file.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    await file.close();
    try {
      await rename(tmp, this.path);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    await fsyncDir(dir);
  }
}

const tempName = (base: string): string => `.${base}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;

/** True for a temp copy of the database `base` written by `write` (".db.json.1234.89abcdef.tmp"). */
export function isStoreTempFile(base: string, name: string): boolean {
  const prefix = `.${base}.`;
  return name.startsWith(prefix) && /^\d+\.[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length));
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
