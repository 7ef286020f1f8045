// Builds src/ into dist/ with esbuild: the app and the npm packages it uses bundled into dist/main.js,
// dist/cli.js and dist/tool.js (shared code and lazily imported modules in chunks). Run by `npm ci`
// (the `prepare` script), `npm run build`, and by scripts/launch.mjs when dist/ is older than src/.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
const SRC = join(ROOT, "src");
/** Written last: its time is when the build finished, and its content lists the build's files. */
const STAMP = join(DIST, ".build");
/** Besides the sources, files whose change alters the build. */
const INPUTS = ["package.json", "package-lock.json", "scripts/build.mjs"];

function newestSource(dir = SRC) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than a source file (a few hundred stat calls: about 2 ms). */
export function isStale() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  const inputs = INPUTS.map((f) => {
    try {
      return statSync(join(ROOT, f)).mtimeMs;
    } catch {
      return 0;
    }
  });
  return Math.max(newestSource(), ...inputs) > built;
}

export async function build() {
  const { build: esbuild } = await import("esbuild");
  const result = await esbuild({
    // The store tool (migrate, export, import) is an entry of its own: dist/tool.js.
    entryPoints: {
      main: join(SRC, "main.ts"),
      cli: join(SRC, "cli.ts"),
      tool: join(SRC, "store", "tool.ts"),
    },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Bundled, the packages load as a few files instead of about a thousand (Bolt alone brings express,
    // undici and their dependencies): `npm start` is ready in about two thirds of the time (measured:
    // 0.66 s against 0.90 s with the packages left as imports). Left out: native addons, packages that
    // find files of their own (fonts, wasm), the charts (loaded on first use), and optional addons.
    external: [
      "@resvg/resvg-js",
      "dejavu-fonts-ttf",
      "vega",
      "vega-lite",
      "pg",
      "pg-native",
      "@electric-sql/pglite",
      "esbuild",
      "bufferutil",
      "utf-8-validate",
    ],
    // The CommonJS packages inside an ES module still call require() (for Node's own modules).
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    // Whitespace and syntax only: names stay as written, so a stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: "linked",
    write: false,
    logLevel: "warning",
  });
  mkdirSync(DIST, { recursive: true });
  // Each file is written beside its place and renamed over it, so a process starting while another
  // builds never reads half a file.
  const written = new Set();
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    written.add(relative(DIST, file.path));
  }
  for (const name of readdirSync(DIST)) {
    if (!written.has(name) && name !== ".build" && !name.endsWith(".tmp"))
      rmSync(join(DIST, name), { force: true });
  }
  writeFileSync(STAMP, `${[...written].sort().join("\n")}\n`);
}

/** Build only when dist/ is older than the sources. */
export async function ensureBuilt() {
  if (isStale()) await build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await build();
  process.stderr.write(`built dist/ in ${Math.round(performance.now() - started)} ms\n`);
}
