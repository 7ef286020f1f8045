import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * `mkdir -p`, one level at a time. Node's own `mkdir(dir, { recursive: true })` never returns on
 * file systems that answer ENOENT for a child of a folder that exists (/proc, /sys): it retries the
 * parent forever. Here a level that cannot be made fails with the system's error, like any other.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    try {
      await mkdir(at);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EEXIST") break;
      const parent = dirname(at);
      if (code !== "ENOENT" || parent === at || missing.includes(parent)) throw err;
      missing.push(at);
      at = parent;
    }
  }
  // The first existing (or just made) ancestor is in place: make the rest downwards, once each.
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
}
