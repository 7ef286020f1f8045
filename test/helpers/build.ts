import { ensureBuilt } from "../../scripts/build.mjs";

/**
 * Vitest global setup: the tests that run `npm start` and the CLI as child processes run the build in
 * dist/, as users do; build it once here when the sources are newer, not in each child at once.
 */
export default async function setup(): Promise<void> {
  await ensureBuilt();
}
