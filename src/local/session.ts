import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { type Dispatched, dispatch, dispatchLine } from "../commands/dispatch.ts";
import type { CommandContext, Reply } from "../commands/types.ts";
import { UserInputError } from "../core/errors.ts";
import { LOCAL_WORKSPACE } from "../core/workspace.ts";
import type { Logger } from "../logger.ts";
import { blocksToText } from "../render/text.ts";
import { StoreLoadError, StorePathError } from "../store/errors.ts";
import { StoreLockedError } from "../store/lock.ts";
import { makeFolder } from "../store/make-folder.ts";
import { openStore, type StoreConfig } from "../store/open.ts";
import type { Store } from "../store/store.ts";

/** "/cc-estimate 12k calls", "cc-estimate 12k calls" and "estimate 12k calls" all name the command. */
export function splitCommandLine(line: string): { command: string; text: string } | undefined {
  const m = /^\s*\/?(?:cc-)?([a-z]+)\b\s*([\s\S]*)$/i.exec(line);
  if (!m?.[1]) return undefined;
  return { command: m[1].toLowerCase(), text: m[2] ?? "" };
}

/** How long a local command waits for another one (a CLI run in parallel) to release the database. */
const LOCK_WAIT_MS = 3000;

/**
 * Open the database, waiting while another short-lived local command holds it. If it stays locked
 * (the Slack app runs on the same DB_PATH), say so plainly: this is not the user's mistake, but it is
 * theirs to fix, so it is reported like bad input rather than as a failure with a stack trace.
 */
async function openWhenFree(config: StoreConfig): Promise<Store> {
  const start = Date.now();
  for (;;) {
    try {
      return await openStore(config);
    } catch (err) {
      // A database that cannot be used is told as it is (naming DB_PATH or the file), not as a crash.
      if (err instanceof StoreLoadError || err instanceof StorePathError)
        throw new UserInputError(err.message);
      if (!(err instanceof StoreLockedError)) throw err;
      if (Date.now() - start > LOCK_WAIT_MS) throw new UserInputError(err.message);
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 60));
    }
  }
}

/**
 * The console and the CLI act as one local workspace. The database is opened for one command and
 * closed after it, so what one saves the other sees, and neither holds the file lock while idle.
 */
export class LocalSession {
  private readonly storeConfig: StoreConfig;
  private readonly dbPath: string;

  constructor(
    /** DB_PATH, or the whole store configuration (PostgreSQL when it has a DATABASE_URL). */
    db: string | StoreConfig,
    private readonly logger: Logger,
    private readonly surface: "console" | "cli",
    /** `--locale`, else the environment's (LC_ALL, LC_NUMERIC, LANG). */
    private readonly locale: string = localeFromEnv(),
  ) {
    this.storeConfig = typeof db === "string" ? { dbPath: db } : db;
    this.dbPath = this.storeConfig.dbPath;
  }

  /** Fail fast at start when the database cannot be loaded (corrupt, newer, locked). */
  async check(): Promise<void> {
    const store = await openStore(this.storeConfig);
    await store.close();
  }

  async run(command: string, text: string): Promise<Dispatched> {
    return this.withContext((ctx) => dispatch(command, text, ctx, this.logger));
  }

  /**
   * A console line: a command (with or without its slash), "did you mean" for a misspelled one, and
   * plain text as a question for /cc-ask.
   */
  async runLine(line: string): Promise<Dispatched> {
    return this.withContext((ctx) => dispatchLine(line, ctx, { commandWords: true }, this.logger));
  }

  private async withContext(run: (ctx: CommandContext) => Promise<Dispatched>): Promise<Dispatched> {
    let opened: Promise<Store> | undefined;
    const ctx: CommandContext = {
      workspace: LOCAL_WORKSPACE,
      userId: "U_LOCAL",
      channelId: "C_LOCAL",
      surface: this.surface,
      store: () => {
        opened ??= openWhenFree(this.storeConfig);
        return opened;
      },
      now: () => new Date(),
      userTimeZone: async () => process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
      userLocale: async () => this.locale,
      // No Slack here: a #name stands for a local channel, shown by its name (nothing is posted locally).
      lookupChannel: async (ref) =>
        "name" in ref
          ? { id: `CLOCAL${ref.name.toUpperCase().replace(/[^A-Z0-9]/g, "")}`, name: ref.name }
          : { id: ref.id },
    };
    try {
      return await run(ctx);
    } finally {
      if (opened) await (await opened.catch(() => undefined))?.close();
    }
  }

  /** Files that go with a reply are written beside the database; returns their paths. */
  async saveFiles(reply: Reply): Promise<string[]> {
    const paths: string[] = [];
    for (const file of reply.files ?? []) {
      const dir = join(dirname(resolve(this.dbPath)), "files");
      await makeFolder(dir);
      const path = join(dir, file.filename.replace(/[^\w.-]+/g, "_"));
      await writeFile(path, file.content);
      paths.push(path);
    }
    return paths;
  }
}

/** "ro_RO.UTF-8" → "ro-RO"; C, POSIX or nothing → "und" (undetermined). */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.LC_ALL || env.LC_NUMERIC || env.LANG || "";
  const tag = raw.split(".")[0]?.split("@")[0]?.replace(/_/g, "-") ?? "";
  // C, POSIX or nothing names no one's habits: "und", so 01/02/2027 is asked (replies format as en-US).
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag) || /^(c|posix)$/i.test(tag)) return "und";
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "und";
  } catch {
    return "und";
  }
}

/** `--locale ro-RO` or `--locale=ro-RO` taken out of command-line arguments. */
export function takeLocaleFlag(argv: string[]): { argv: string[]; locale?: string } {
  const out: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--locale") {
      locale = argv[i + 1];
      i++;
    } else if (a.startsWith("--locale=")) locale = a.slice("--locale=".length);
    else out.push(a);
  }
  return locale ? { argv: out, locale: localeFromEnv({ LANG: locale }) } : { argv: out };
}

export const replyText = (reply: Reply): string => blocksToText(reply.blocks);
