import { distance } from "fastest-levenshtein";
import { adviseCommand } from "./advise.ts";
import { askCommand } from "./ask.ts";
import { contractCommand } from "./contract.ts";
import { estimateCommand } from "./estimate.ts";
import { homeCommand } from "./home.ts";
import { staffingCommand } from "./staffing.ts";
import type { CommandSpec } from "./types.ts";
import { vendorCommand } from "./vendor.ts";

/** Every command the app has, in the order help lists them. Slack, console and CLI all use this list. */
export const COMMANDS: readonly CommandSpec[] = [
  estimateCommand,
  staffingCommand,
  adviseCommand,
  askCommand,
  vendorCommand,
  contractCommand,
];

/** Commands of the console and the CLI only: Slack has its own App Home tab. */
export const LOCAL_COMMANDS: readonly CommandSpec[] = [homeCommand];

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
