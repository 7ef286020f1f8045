import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ConfigError, loadConfig } from "../config.ts";
import { StoreLoadError, StorePathError } from "./errors.ts";
import { StoreLockedError } from "./lock.ts";
import { WorkspaceDataSchema } from "./schema.ts";

// `npm run migrate`, `npm run export -- --workspace T123 > x.json`, `npm run import -- x.json`: the
// store named by DATABASE_URL (else the file at DB_PATH), the same way the app chooses it.

const USAGE = [
  "Usage:",
  "  npm run migrate                                   create or update the PostgreSQL schema (DATABASE_URL)",
  "  npm run --silent export -- --workspace T123 > x.json   one workspace's data as JSON",
  "  npm run import -- x.json [--replace]              load it into the configured store",
  "The store is PostgreSQL when DATABASE_URL is set, else the file at DB_PATH.",
].join("\n");

export const EXPORT_FORMAT = "switchboard-workspace";

const ExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  workspaceId: z.string().min(1),
  exportedAt: z.string().optional(),
  data: WorkspaceDataSchema,
});

class ToolError extends Error {}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "help") {
    process.stderr.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const { openStore } = await import("./open.ts");
  if (command === "migrate") {
    if (!config.databaseUrl) {
      process.stdout.write(
        `DATABASE_URL is not set: the file store (DB_PATH=${config.dbPath}) needs no migration.\n`,
      );
      return 0;
    }
    const { poolDb } = await import("./pg/db.ts");
    const { migrate, MIGRATIONS } = await import("./pg/migrations.ts");
    const db = poolDb(config.databaseUrl, { max: 1 });
    try {
      const applied = await migrate(db);
      const newest = Math.max(...MIGRATIONS.map((m) => m.version));
      process.stdout.write(
        applied.length
          ? `Applied schema version${applied.length > 1 ? "s" : ""} ${applied.join(", ")}; the database is at version ${newest}.\n`
          : `The database is already at schema version ${newest}.\n`,
      );
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === "export") {
    const i = rest.indexOf("--workspace");
    const id = i >= 0 ? rest[i + 1] : rest.find((a) => a.startsWith("--workspace="))?.slice(12);
    if (!id) throw new ToolError("Say which workspace: npm run --silent export -- --workspace T123 > x.json");
    const store = await openStore(config);
    try {
      const ids = await store.workspaceIds();
      if (!ids.includes(id))
        throw new ToolError(
          `No workspace ${id} in this store. Workspaces: ${ids.length ? ids.join(", ") : "(none)"}.`,
        );
      const data = await store.readById(id);
      const out = {
        format: EXPORT_FORMAT,
        version: 1,
        workspaceId: id,
        exportedAt: new Date().toISOString(),
        data,
      };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (command === "import") {
    const file = rest.find((a) => !a.startsWith("--"));
    if (!file) throw new ToolError("Say which file: npm run import -- x.json");
    const replace = rest.includes("--replace");
    let parsed: z.infer<typeof ExportSchema>;
    try {
      // `npm run export > x.json` without --silent puts npm's banner ("> switchboard@… export") first.
      const text = (await readFile(file, "utf8")).replace(/^(?:\s*>[^\n]*\n|\s*\n)*(?=\s*\{)/, "");
      const raw: unknown = JSON.parse(text);
      const checked = ExportSchema.safeParse(raw);
      if (!checked.success)
        throw new ToolError(
          `${file} is not a Switchboard workspace export: ${checked.error.issues
            .slice(0, 3)
            .map((x) => `${x.path.join(".") || "(root)"}: ${x.message}`)
            .join("; ")}. Make one with npm run --silent export -- --workspace T123 > x.json`,
        );
      parsed = checked.data;
    } catch (err) {
      if (err instanceof ToolError) throw err;
      throw new ToolError(`Cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const store = await openStore(config);
    try {
      const { workspaceId, data } = parsed;
      const counts = await store.updateById(workspaceId, (draft) => {
        const has =
          draft.vendors.length + draft.contracts.length + draft.reminders.length > 0 || draft.profile;
        if (has && !replace)
          throw new ToolError(
            `Workspace ${workspaceId} already has data in this store: nothing was changed. Add --replace to overwrite it.`,
          );
        if (data.profile) draft.profile = data.profile;
        else delete draft.profile;
        if (data.lastEstimate) draft.lastEstimate = data.lastEstimate;
        else delete draft.lastEstimate;
        draft.vendors = data.vendors;
        draft.contracts = data.contracts;
        draft.reminders = data.reminders;
        return {
          vendors: data.vendors.length,
          contracts: data.contracts.length,
          reminders: data.reminders.length,
        };
      });
      process.stdout.write(
        `Imported workspace ${workspaceId}: ${counts.vendors} vendors, ${counts.contracts} contracts, ${counts.reminders} reminders (${store.kind === "postgres" ? "PostgreSQL" : `file ${config.dbPath}`}).\n`,
      );
    } finally {
      await store.close();
    }
    return 0;
  }
  process.stderr.write(`Unknown command ${command}.\n${USAGE}\n`);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const known =
      err instanceof ToolError ||
      err instanceof ConfigError ||
      err instanceof StoreLoadError ||
      err instanceof StorePathError ||
      err instanceof StoreLockedError;
    process.stderr.write(`${known ? (err as Error).message : String((err as Error)?.stack ?? err)}\n`);
    process.exitCode = 1;
  },
);
