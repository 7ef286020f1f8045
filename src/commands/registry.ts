import { adviseCommand } from "./advise.ts";
import { askCommand } from "./ask.ts";
import { contractCommand } from "./contract.ts";
import { estimateCommand } from "./estimate.ts";
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

export const findCommand = (name: string): CommandSpec | undefined => {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^\/?(cc-)?/, "");
  return COMMANDS.find((c) => c.name === n);
};
