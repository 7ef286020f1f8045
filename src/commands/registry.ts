import { distance } from "fastest-levenshtein";
import {
  ADVISE_META,
  ASK_META,
  CONTRACT_META,
  type CommandMeta,
  ESTIMATE_META,
  HOME_META,
  STAFFING_META,
  VENDOR_META,
} from "./catalog.ts";
import type { CommandSpec } from "./types.ts";

/** A command's module, imported when the command first runs (or opens its form). */
type Loader = () => Promise<CommandSpec>;

const loaded = new Map<string, Promise<CommandSpec>>();
const LOADERS = new Map<string, () => Promise<CommandSpec>>();

/**
 * A command as the registry hands it out: its name and help at once, its module on first use. The
 * same module is imported once however many callers wait for it; a module that failed to load (a
 * broken data file) is tried again next time, so the error is shown each time, not cached away.
 */
function lazy(meta: CommandMeta, load: Loader, hasForm: boolean): CommandSpec {
  const get = (): Promise<CommandSpec> => {
    let p = loaded.get(meta.name);
    if (!p) {
      p = load();
      loaded.set(meta.name, p);
      p.catch(() => loaded.delete(meta.name));
    }
    return p;
  };
  LOADERS.set(meta.name, get);
  return {
    ...meta,
    run: async (text, ctx) => (await get()).run(text, ctx),
    ...(hasForm ? { form: async (text, ctx) => (await get()).form?.(text, ctx) } : {}),
  };
}
/** Every command the app has, in the order help lists them. Slack, console and CLI all use this list. */
export const COMMANDS: readonly CommandSpec[] = [
  lazy(ESTIMATE_META, async () => (await import("./estimate.ts")).estimateCommand, true),
  lazy(STAFFING_META, async () => (await import("./staffing.ts")).staffingCommand, true),
  lazy(ADVISE_META, async () => (await import("./advise.ts")).adviseCommand, true),
  lazy(ASK_META, async () => (await import("./ask.ts")).askCommand, false),
  lazy(VENDOR_META, async () => (await import("./vendor.ts")).vendorCommand, true),
  lazy(CONTRACT_META, async () => (await import("./contract.ts")).contractCommand, true),
];

/** Commands of the console and the CLI only: Slack has its own App Home tab. */
export const LOCAL_COMMANDS: readonly CommandSpec[] = [
  lazy(HOME_META, async () => (await import("./home.ts")).homeCommand, false),
];

/**
 * Load the modules of these commands (default: all) now. The app does it at start-up, so a broken
 * data file stops it with the file's name rather than failing the first request, and no user waits
 * for a module; the CLI loads the one command it runs.
 */
export async function loadCommands(names?: readonly string[]): Promise<void> {
  await Promise.all((names ?? [...LOADERS.keys()]).map((n) => LOADERS.get(commandName(n))?.()));
}

const ALL = [...COMMANDS, ...LOCAL_COMMANDS];
// A Map, not an object: a typed name such as "constructor" or "__proto__" must find nothing.
const BY_NAME = new Map<string, CommandSpec>(ALL.map((c) => [c.name, c]));

/** "/cc-estimate", "cc-estimate" and "estimate" all name the command. */
export const commandName = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/^\/?(cc-)?/, "");

export const findCommand = (name: string): CommandSpec | undefined => BY_NAME.get(commandName(name));

/**
 * The command a misspelled name was meant to be ("estmate", "stafing", "vendr"), by edit distance:
 * at most 1 edit for names of up to 4 letters, 2 for longer ones, and only when one command is
 * clearly the closest (a tie suggests nothing rather than a guess).
 */
export function suggestCommand(name: string): CommandSpec | undefined {
  const typed = commandName(name);
  if (!typed || typed.length > 24 || BY_NAME.has(typed)) return undefined;
  const scored = ALL.map((c) => ({ c, d: distance(typed, c.name) })).sort((a, b) => a.d - b.d);
  const best = scored[0];
  if (!best || best.d === 0) return undefined;
  const limit = Math.min(best.c.name.length, typed.length) <= 4 ? 1 : 2;
  if (best.d > limit || scored[1]?.d === best.d) return undefined;
  return best.c;
}
