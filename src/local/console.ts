import { createInterface } from "node:readline";
import { COMMANDS } from "../commands/registry.ts";
import { slashName } from "../commands/types.ts";
import type { Logger } from "../logger.ts";
import { StoreLoadError, StorePathError } from "../store/errors.ts";
import { StoreLockedError } from "../store/lock.ts";
import type { StoreConfig } from "../store/open.ts";
import { LocalSession, replyText, takeLocaleFlag } from "./session.ts";

const HELP = [
  "Type a slash command as you would in Slack, for example:",
  ...COMMANDS.map((c) => `  ${slashName(c)} ${c.examples[0] ?? ""}`.trimEnd()),
  "  home   (the App Home dashboard as text)",
  "Anything else you type is a question for /cc-ask (how is hold time billed?).",
  "Type `help` for this list, `exit` to leave.",
].join("\n");

/**
 * The local console: the same commands and replies as Slack, as text, with no workspace needed.
 * Reads from a prompt on a terminal, or line by line from piped stdin.
 */
export async function runConsole(db: string | StoreConfig, logger: Logger): Promise<number> {
  // `npm start -- --locale ro-RO` (else LANG): how numbers such as 12.000 are read.
  const session = new LocalSession(db, logger, "console", takeLocaleFlag(process.argv.slice(2)).locale);
  try {
    await session.check();
  } catch (err) {
    if (err instanceof StoreLoadError || err instanceof StoreLockedError || err instanceof StorePathError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) process.stdout.write(`Switchboard local console (no Slack tokens set).\n${HELP}\n`);
  const rl = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  if (interactive) {
    rl.setPrompt("switchboard> ");
    rl.prompt();
  }
  let stopping = false;
  const stop = () => {
    stopping = true;
    rl.close();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  for await (const raw of rl) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) {
      if (interactive) rl.prompt();
      continue;
    }
    if (/^\/?(exit|quit|\\q|:q)$/i.test(line)) break;
    if (/^\/?(help|\?)$/i.test(line)) {
      process.stdout.write(`${HELP}\n`);
    } else {
      try {
        const out = await session.runLine(line);
        process.stdout.write(replyText(out.reply));
        if (out.ok)
          for (const p of await session.saveFiles(out.reply)) process.stdout.write(`  (file saved: ${p})\n`);
      } catch (err) {
        // The database could not be opened for this command (e.g. the CLI holds it right now).
        process.stdout.write(`${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    process.stdout.write("\n");
    if (stopping) break;
    if (interactive) rl.prompt();
  }
  rl.close();
  return 0;
}
