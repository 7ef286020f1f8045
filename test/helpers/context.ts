import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandContext } from "../../src/commands/types.ts";
import type { WorkspaceKey } from "../../src/core/workspace.ts";
import { FileStore as Store } from "../../src/store/file-store.ts";

/** A fresh temporary database path for one test. */
export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), "switchboard-test-")), "db.json");

export interface TestContextOptions {
  workspace?: WorkspaceKey;
  userId?: string;
  channelId?: string;
  now?: Date | (() => Date);
  timeZone?: string;
  locale?: string;
  store?: Store;
}

/** A command context over a real store in a temp folder, as the console would build it. */
export async function testContext(opts: TestContextOptions = {}): Promise<CommandContext & { db: Store }> {
  const db = opts.store ?? (await Store.open(tempDbPath()));
  const now = opts.now;
  return {
    db,
    workspace: opts.workspace ?? { teamId: "T_TEST" },
    userId: opts.userId ?? "U_TEST",
    channelId: opts.channelId ?? "C_TEST",
    surface: "cli",
    store: async () => db,
    now: typeof now === "function" ? now : () => (now ? new Date(now) : new Date()),
    userTimeZone: async () => opts.timeZone ?? "UTC",
    userLocale: async () => opts.locale ?? "en-US",
  };
}
