import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * `npm run bench`: runs every bench/*.bench.ts in name order (or only those whose name contains one
 * of the arguments), each printing its own figures.
 */
const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

process.stdout.write(`node ${process.version}, ${process.platform}/${process.arch}\n`);
for (const file of files) {
  const mod = (await import(new URL(file, import.meta.url).href)) as { default: () => Promise<void> };
  process.stdout.write(`\n# ${file.replace(".bench.ts", "")}\n`);
  await mod.default();
}
