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

export const findCommand = (name: string): CommandSpec | undefined => {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^\/?(cc-)?/, "");
  return COMMANDS.find((c) => c.name === n) ?? LOCAL_COMMANDS.find((c) => c.name === n);
};
