import type { KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import type { UserInputError } from "../core/errors.ts";
import { actions, context, section } from "./blocks.ts";
import { commandButton } from "./buttons.ts";

/** The reply for bad input: what was wrong, the details, and a correct example. */
export const renderInputError = (err: UserInputError, slash?: string): Reply => {
  const lines = [`:warning: ${err.message}`];
  for (const d of err.details.slice(0, 10)) lines.push(`• ${d}`);
  const blocks: KnownBlock[] = [section(lines.join("\n"))];
  // Each reading as a button that runs the command with it spelled out (a line to type in the console).
  const command = slash?.replace(/^\/cc-/, "");
  const buttons = err.choices
    .slice(0, 5)
    .map((c) =>
      (c.command ?? command) ? commandButton(c.label, c.command ?? command ?? "", c.text) : undefined,
    )
    .filter((b) => b !== undefined);
  if (buttons.length) blocks.push(actions(buttons));
  if (err.example) blocks.push(context(`Example: \`${slash ? `${slash} ` : ""}${err.example}\``));
  const text = err.example
    ? `${err.message} Example: ${slash ? `${slash} ` : ""}${err.example}`
    : err.message;
  return { text, blocks, visibility: "ephemeral" };
};

/**
 * The reply when something failed on our side: no stack trace, an honest apology. It cannot promise
 * that nothing changed (the failure may come after a save), so it says how to check.
 */
export const renderInternalError = (): Reply => {
  const text =
    "Something went wrong on our side. Please try again in a moment; `list` or `show` tells you what was saved.";
  return { text, blocks: [section(`:x: ${text}`)], visibility: "ephemeral" };
};
