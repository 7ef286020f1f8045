import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder holding package.json, data/ and rules/, found by walking up from this module, so the
 * data files are found from the sources (src/) and from the build (dist/, where modules are bundled
 * into chunks at another depth) alike.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data"))) return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new Error(`Switchboard's data/ folder was not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const PROJECT_ROOT = findRoot();

/** An absolute path inside the project, e.g. `projectPath("data", "pricing.json")`. */
export const projectPath = (...segments: string[]): string => join(PROJECT_ROOT, ...segments);
