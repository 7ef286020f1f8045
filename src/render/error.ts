import type { KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import { ReadingQuestion, type UserInputError } from "../core/errors.ts";
import { actions, context, section } from "./blocks.ts";
import { commandButton } from "./buttons.ts";

/**
 * One button per reading (at most five), each running the command with that reading written out:
 * `from` replaced by `to` in the typed text, or the reading's whole `text`.
 */
function readingButtons(err: ReadingQuestion, slash?: string, typed?: string): KnownBlock[] {
  const asked = slash?.replace(/^\/cc-/, "");
  const buttons = err.readings.slice(0, 5).flatMap((r) => {
    const command = r.command ?? asked;
    const text = "text" in r ? r.text : typed?.split(r.from).join(r.to);
    const b = command && text !== undefined ? commandButton(r.label, command, text) : undefined;
    return b ? [b] : [];
  });
  return buttons.length ? [actions(buttons)] : [];
}

/**
 * The reply for bad input: what was wrong, the details, and a correct example. A question about how
 * to read something gets one button per reading (with `typed`, the text to run again).
 */
export const renderInputError = (err: UserInputError, slash?: string, typed?: string): Reply => {
  const lines = [`:warning: ${err.message}`];
  for (const d of err.details.slice(0, 10)) lines.push(`• ${d}`);
  const blocks: KnownBlock[] = [section(lines.join("\n"))];
  if (err instanceof ReadingQuestion) blocks.push(...readingButtons(err, slash, typed));
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
