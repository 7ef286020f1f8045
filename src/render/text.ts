import type { KnownBlock } from "@slack/types";
import { ACTION_RUN, decodeCommandValue } from "./buttons.ts";

/** Slack mrkdwn to plain terminal text: keep the words, drop the markup. */
export const plainText = (mrkdwn: string): string =>
  mrkdwn
    // Slack's mentions read as people would type them: <#C123|ops> is #ops, <@U123> is @U123.
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, "#$1")
    .replace(/<#([A-Z0-9]+)>/g, "#$1")
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, "@$1")
    .replace(/<!(here|channel|everyone)>/g, "@$1")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/<([^>]+)>/g, "$1")
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/gm, "$1$2")
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/gm, "$1$2")
    .replace(/```/g, "")
    .replace(/`([^`\n]+)`/g, "$1")
    .replace(/:warning:/g, "!")
    .replace(/:white_check_mark:/g, "✓")
    .replace(/:x:/g, "✗")
    // Emoji codes, but not the middle of a time such as 10:00:30.
    .replace(/(?<!\d):[a-z0-9_+-]+:(?!\d)/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const textOf = (el: unknown): string => {
  const t = (el as { text?: unknown }).text;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string")
    return (t as { text: string }).text;
  return "";
};

/** Render Block Kit as readable text for the console and the CLI. */
export const blocksToText = (blocks: KnownBlock[]): string => {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "header": {
        const title = plainText(block.text.text);
        lines.push("", title, "=".repeat(Math.min(title.length, 72)));
        break;
      }
      case "section": {
        if (block.text) lines.push(plainText(block.text.text));
        for (const f of block.fields ?? []) {
          const [label, ...rest] = plainText(f.text).split("\n");
          lines.push(rest.length ? `  ${label}: ${rest.join(" ")}` : `  ${label}`);
        }
        break;
      }
      case "context":
        for (const el of block.elements) {
          const t = textOf(el);
          if (t) lines.push(`  ${plainText(t)}`);
        }
        break;
      case "divider":
        lines.push("");
        break;
      case "actions":
        // Buttons that run a command line are shown as the line to type, so nothing is Slack-only.
        for (const el of block.elements) {
          if (el.type !== "button" || !el.action_id?.startsWith(ACTION_RUN)) continue;
          const cmd = decodeCommandValue(el.value);
          if (cmd) lines.push(`  ▸ ${el.text.text}: /cc-${cmd.c} ${cmd.t}`.trimEnd());
        }
        break;
      case "rich_text":
      case "input":
      case "image":
      case "file":
      case "video":
        break;
      default:
        break;
    }
  }
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()}\n`;
};
