import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
} from "@slack/types";
import { LIMITS, truncate } from "./limits.ts";

// Typed builders over @slack/types: each one enforces the limits of its block so a long user input
// or a long list can never make Slack reject a whole message.

export const mrkdwn = (text: string): MrkdwnElement => ({
  type: "mrkdwn",
  text: truncate(text, LIMITS.sectionText),
});

export const header = (text: string): HeaderBlock => ({
  type: "header",
  text: { type: "plain_text", text: truncate(text, LIMITS.headerText), emoji: true },
});

export const section = (text: string, accessory?: Button): SectionBlock => ({
  type: "section",
  text: mrkdwn(text),
  ...(accessory ? { accessory } : {}),
});

/** A section of label/value pairs shown two per row. */
export const fields = (pairs: Array<[label: string, value: string]>, text?: string): SectionBlock => ({
  type: "section",
  ...(text ? { text: mrkdwn(text) } : {}),
  fields: pairs
    .slice(0, LIMITS.sectionFields)
    .map(([label, value]) => ({ type: "mrkdwn", text: truncate(`*${label}*\n${value}`, LIMITS.fieldText) })),
});

export const context = (...texts: string[]): ContextBlock => ({
  type: "context",
  elements: texts
    .slice(0, LIMITS.contextElements)
    .map((t) => ({ type: "mrkdwn", text: truncate(t, LIMITS.contextText) })),
});

export const divider = (): DividerBlock => ({ type: "divider" });

export interface ButtonOptions {
  text: string;
  actionId: string;
  value?: string;
  style?: "primary" | "danger";
  url?: string;
}

export const button = (opts: ButtonOptions): Button => ({
  type: "button",
  text: { type: "plain_text", text: truncate(opts.text, LIMITS.buttonText), emoji: true },
  action_id: opts.actionId,
  ...(opts.value !== undefined ? { value: opts.value.slice(0, LIMITS.buttonValue) } : {}),
  ...(opts.style ? { style: opts.style } : {}),
  ...(opts.url ? { url: opts.url } : {}),
});

export const actions = (elements: Button[], blockId?: string): ActionsBlock => ({
  type: "actions",
  ...(blockId ? { block_id: blockId } : {}),
  elements: elements.slice(0, LIMITS.actionsElements),
});

/**
 * Make a message fit: at most 50 blocks and about 12k characters. Blocks past the limit are replaced
 * by a context line saying how much was left out, so nothing disappears silently.
 */
export const fitMessage = (blocks: KnownBlock[], max: number = LIMITS.messageBlocks): KnownBlock[] => {
  // A kept (frozen) reply is fitted once per limit, not at every showing.
  if (!Object.isFrozen(blocks)) return fitNow(blocks, max);
  let byMax = fittedBlocks.get(blocks);
  if (!byMax) {
    byMax = new Map();
    fittedBlocks.set(blocks, byMax);
  }
  let out = byMax.get(max);
  if (!out) {
    out = fitNow(blocks, max);
    byMax.set(max, out);
  }
  return out;
};

const fittedBlocks = new WeakMap<KnownBlock[], Map<number, KnownBlock[]>>();

const fitNow = (blocks: KnownBlock[], max: number): KnownBlock[] => {
  const budget = LIMITS.messageChars - 300;
  // The common case, checked with one serialization: it already fits.
  if (blocks.length <= max && JSON.stringify(blocks).length <= budget) return blocks;
  const out: KnownBlock[] = [];
  let chars = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as KnownBlock;
    const size = JSON.stringify(block).length;
    const roomForNote = i < blocks.length - 1 ? 1 : 0;
    if (out.length + 1 + roomForNote > max || chars + size > budget) {
      out.push(context(`…${blocks.length - i} more part(s) left out to fit Slack's limits.`));
      return out;
    }
    out.push(block);
    chars += size;
  }
  return out;
};
