// `npm start`, `npm run cli` and the store tool (`npm run migrate|export|import`): run the built app (dist/), building it first if the sources changed
// since, so a fresh clone or an edited checkout never runs stale code. One process: no tsx, no loader.
import { ensureBuilt } from "./build.mjs";

const [entry] = process.argv.splice(2, 1);
if (entry !== "main" && entry !== "cli" && entry !== "tool") {
  process.stderr.write("Usage: node scripts/launch.mjs main|cli|tool [arguments]\n");
  process.exit(2);
}
await ensureBuilt();
await import(`../dist/${entry}.js`);
