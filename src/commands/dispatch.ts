import { isUserInputError, UserInputError } from "../core/errors.ts";
import { withNumberLocale } from "../core/format/number.ts";
import type { Logger } from "../logger.ts";
import { renderInputError, renderInternalError } from "../render/error.ts";
import { findCommand } from "./registry.ts";
import type { CommandContext, CommandRun } from "./types.ts";
import { slashName } from "./types.ts";

/** Longest text we accept after a command; Slack itself allows about 4,000 characters. */
export const MAX_COMMAND_TEXT = 4000;

export type Dispatched =
  | ({ ok: true } & CommandRun)
  | { ok: false; kind: "input"; error: UserInputError; reply: CommandRun["reply"] }
  | { ok: false; kind: "internal"; error: unknown; reply: CommandRun["reply"] };

/**
 * Run a command by name on the text typed after it, the one path shared by Slack, the console and the
 * CLI. Bad input becomes a friendly reply; an unexpected failure is logged and becomes an apology.
 */
export async function dispatch(
  name: string,
  typed: string,
  ctx: CommandContext,
  logger?: Logger,
): Promise<Dispatched> {
  let text = typed;
  const spec = findCommand(name);
  if (!spec) {
    const error = new UserInputError(`There is no command called "${name}".`, { example: "/cc-ask help" });
    return { ok: false, kind: "input", error, reply: renderInputError(error) };
  }
  const slash = slashName(spec);
  try {
    if (text.length > MAX_COMMAND_TEXT && spec.truncatesLongText) text = text.slice(0, MAX_COMMAND_TEXT);
    if (text.length > MAX_COMMAND_TEXT && !spec.checksOwnLength) {
      throw new UserInputError(
        `That is ${text.length.toLocaleString("en-US")} characters; ${slash} takes at most ${MAX_COMMAND_TEXT.toLocaleString("en-US")}.`,
        { example: spec.examples[0] ?? "" },
      );
    }
    // Replies show numbers the way the person who typed the command writes them.
    const locale = await ctx.userLocale().catch(() => undefined);
    const run = await withNumberLocale(locale, () => spec.run(text.trim(), ctx));
    return { ok: true, ...run };
  } catch (err) {
    if (isUserInputError(err))
      return { ok: false, kind: "input", error: err, reply: renderInputError(err, slash, text.trim()) };
    logger?.error(`${slash} failed`, err);
    return { ok: false, kind: "internal", error: err, reply: renderInternalError() };
  }
}
