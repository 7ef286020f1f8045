import { distance } from "fastest-levenshtein";
import { isUserInputError, ReadingQuestion, UserInputError } from "../core/errors.ts";
import { withNumberLocale } from "../core/format/number.ts";
import type { Logger } from "../logger.ts";
import { renderInputError, renderInternalError } from "../render/error.ts";
import { COMMANDS, commandName, findCommand, suggestCommand } from "./registry.ts";
import type { CommandContext, CommandRun, CommandSpec } from "./types.ts";
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
  if (!spec) return unknownCommand(name, typed);
  // A local-only command (home) has no slash command in Slack: its messages name it as typed.
  const slash = COMMANDS.includes(spec) ? slashName(spec) : spec.name;
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

/** A typed name shown back safely: short, and no markup or mentions. */
const shownName = (name: string): string => {
  const n = commandName(name).replace(/[<>&*`~|]/g, "");
  return n.length > 40 ? `${n.slice(0, 40)}…` : n;
};

const COMMAND_LIST = `Commands: ${COMMANDS.map(slashName).join(", ")}.`;

/** "/cc-estmate 12k calls": did you mean /cc-estimate? (a button that runs it with the same text). */
function unknownCommand(name: string, typed: string, askInstead?: string): Dispatched {
  const suggested = suggestCommand(name);
  const error = suggested
    ? new ReadingQuestion(
        `There is no command called "${shownName(name)}". Did you mean ${slashName(suggested)}?`,
        [
          { label: `Run ${slashName(suggested)}`, command: suggested.name, text: typed.trim() },
          ...(askInstead ? [{ label: "Ask it as a question", command: "ask", text: askInstead }] : []),
        ],
      )
    : new UserInputError(`There is no command called "${shownName(name)}".`, {
        example: "/cc-ask help",
        details: [COMMAND_LIST],
      });
  return { ok: false, kind: "input", error, reply: renderInputError(error) };
}

// Real words a question may start with that are one letter from a command name: never taken for typos.
const NOT_TYPOS = new Set(["advice", "advised", "adviser", "advises", "contact", "stuffing", "estimated"]);

/** The misspelled command a plain line starts with ("estmate 12k calls"): one edit only, never ask. */
function misspelledFirstWord(word: string): CommandSpec | undefined {
  const w = word.toLowerCase();
  if (!/^[a-z][a-z-]{2,23}$/.test(w) || NOT_TYPOS.has(w)) return undefined;
  const spec = suggestCommand(w);
  return spec && spec.name !== "ask" && distance(w, spec.name) <= 1 ? spec : undefined;
}

/**
 * A line typed without a slash command around it: the console, a mention, a DM. With `commandWords`
 * (the console) a first word that names a command runs it ("/cc-estimate 12k", "estimate 12k"), and
 * a misspelled `/cc-` name gets "did you mean". Anywhere, a first word one letter from a command
 * name asks which was meant, with the command and the question as buttons. Everything else is a
 * question for /cc-ask.
 */
export async function dispatchLine(
  line: string,
  ctx: CommandContext,
  opts: { commandWords: boolean },
  logger?: Logger,
): Promise<Dispatched> {
  const trimmed = line.trim();
  const m = /^(\/?cc-|\/)?([A-Za-z][\w-]*)(?=\s|$)\s*([\s\S]*)$/.exec(trimmed);
  const word = m?.[2] ?? "";
  const rest = m?.[3] ?? "";
  const known = m ? findCommand(word) : undefined;
  if (opts.commandWords) {
    if (m?.[1]) return known ? dispatch(word, rest, ctx, logger) : unknownCommand(word, rest);
    if (known) return dispatch(word, rest, ctx, logger);
  } else if (m?.[1] && !known && suggestCommand(word)) {
    // In a mention or DM a command is never run from the text (its reply would be posted for all
    // to see); a misspelled one still gets its suggestion, whose button answers only the clicker.
    return unknownCommand(word, rest, trimmed);
  }
  if (m && misspelledFirstWord(word)) return unknownCommand(word, rest, trimmed);
  return dispatch("ask", trimmed, ctx, logger);
}
