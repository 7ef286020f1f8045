import type { Reply } from "../commands/types.ts";
import { context, header, section } from "./blocks.ts";

/** A command's help: what it does, its keys, and examples to copy. */
export function renderCommandHelp(slash: string, summary: string, keys: string, examples: string[]): Reply {
  return {
    text: `${slash}: ${summary}`,
    blocks: [
      header(`${slash}: help`),
      section(summary),
      section(keys),
      context(...examples.slice(0, 5).map((e) => `\`${slash} ${e}\``)),
    ],
    visibility: "ephemeral",
  };
}
