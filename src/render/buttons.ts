import type { Button } from "@slack/types";
import { button } from "./blocks.ts";
import { LIMITS } from "./limits.ts";

/**
 * Buttons that carry a command line. The Slack shell handles three generic actions, so no feature
 * needs its own listener for them:
 * - `run_command`: runs `/cc-<command> <text>` as the clicking user and replaces the message with the
 *   reply (confirmations such as `vendor remove Acme confirm=yes`, "show all", related topics);
 * - `share_reply`: runs it again and posts the reply in the channel for everyone;
 * - `open_form`: opens the command's modal for that text (e.g. `edit Acme`).
 */
export interface CommandButtonValue {
  c: string;
  t: string;
}

export const ACTION_RUN = "run_command";
export const ACTION_SHARE = "share_reply";
export const ACTION_FORM = "open_form";

export const encodeCommandValue = (command: string, text: string): string | undefined => {
  const value = JSON.stringify({ c: command, t: text } satisfies CommandButtonValue);
  return value.length <= LIMITS.buttonValue ? value : undefined;
};

export const decodeCommandValue = (value: string | undefined): CommandButtonValue | undefined => {
  try {
    const v = JSON.parse(value ?? "") as Partial<CommandButtonValue>;
    return typeof v.c === "string" && typeof v.t === "string" ? { c: v.c, t: v.t } : undefined;
  } catch {
    return undefined;
  }
};

let counter = 0;
/** action_ids must be unique within a message: a suffix keeps several command buttons apart. */
const uniqueId = (base: string) => `${base}:${(counter++ % 1e6).toString(36)}`;

/** A button that runs a command line (undefined when the line is too long for a button value). */
export const commandButton = (
  label: string,
  command: string,
  text: string,
  style?: "primary" | "danger",
): Button | undefined => {
  const value = encodeCommandValue(command, text);
  return value
    ? button({ text: label, actionId: uniqueId(ACTION_RUN), value, ...(style ? { style } : {}) })
    : undefined;
};

export const formButton = (label: string, command: string, text = ""): Button | undefined => {
  const value = encodeCommandValue(command, text);
  return value ? button({ text: label, actionId: uniqueId(ACTION_FORM), value }) : undefined;
};

/**
 * "Share in channel". With `replyId` (a reply the Slack shell keeps) the button shares that very reply;
 * the command line is then only kept to say what to run again once the reply has expired.
 */
export const shareButton = (command: string, text: string, replyId?: string): Button | undefined => {
  const withText = JSON.stringify({ c: command, t: text, ...(replyId ? { r: replyId } : {}) });
  const value =
    withText.length <= LIMITS.buttonValue
      ? withText
      : replyId
        ? JSON.stringify({ c: command, t: "", r: replyId })
        : undefined;
  return value ? button({ text: "Share in channel", actionId: uniqueId(ACTION_SHARE), value }) : undefined;
};

/** A share button's value: the command line and, for replies the shell keeps, the reply's id. */
export const decodeShareValue = (
  value: string | undefined,
): (CommandButtonValue & { r?: string }) | undefined => {
  const cmd = decodeCommandValue(value);
  if (!cmd) return undefined;
  const r = (JSON.parse(value ?? "") as { r?: unknown }).r;
  return typeof r === "string" ? { ...cmd, r } : cmd;
};
