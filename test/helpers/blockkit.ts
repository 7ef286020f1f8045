import type { KnownBlock } from "@slack/types";

/**
 * Slack's Block Kit limits, checked the way Slack rejects payloads: returns the problems found
 * (empty when the payload would be accepted).
 */
export function blockKitProblems(blocks: KnownBlock[], surface: "message" | "modal" | "home"): string[] {
  const problems: string[] = [];
  const max = surface === "message" ? 50 : 100;
  if (blocks.length > max) problems.push(`${blocks.length} blocks (max ${max})`);
  if (surface === "message" && JSON.stringify(blocks).length > 13_000)
    problems.push(`blocks are ${JSON.stringify(blocks).length} characters (Slack fails near 13k)`);
  const blockIds = new Set<string>();
  // action_id must be unique within its block (Slack's rule), not across the whole message.
  let actionIds = new Set<string>();
  const text = (t: unknown): string =>
    t && typeof t === "object" ? String((t as { text?: unknown }).text ?? "") : "";
  blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    actionIds = new Set<string>();
    const id = (b as { block_id?: string }).block_id;
    if (id) {
      if (blockIds.has(id)) problems.push(`${at}: duplicate block_id ${id}`);
      if (id.length > 255) problems.push(`${at}: block_id longer than 255`);
      blockIds.add(id);
    }
    switch (b.type) {
      case "header":
        if (b.text.type !== "plain_text") problems.push(`${at}: header text must be plain_text`);
        if (b.text.text.length > 150) problems.push(`${at}: header text ${b.text.text.length} > 150`);
        if (!b.text.text.trim()) problems.push(`${at}: empty header`);
        break;
      case "section":
        if (!b.text && !b.fields) problems.push(`${at}: section needs text or fields`);
        if (b.text && b.text.text.length > 3000)
          problems.push(`${at}: section text ${b.text.text.length} > 3000`);
        if (b.text && !b.text.text.trim()) problems.push(`${at}: empty section text`);
        if (b.fields && b.fields.length > 10) problems.push(`${at}: ${b.fields.length} fields > 10`);
        for (const f of b.fields ?? [])
          if (f.text.length > 2000) problems.push(`${at}: field ${f.text.length} > 2000`);
        if (b.accessory) checkElement(b.accessory, at);
        break;
      case "context":
        if (b.elements.length === 0 || b.elements.length > 10)
          problems.push(`${at}: ${b.elements.length} elements (1-10)`);
        for (const e of b.elements)
          if (text(e).length > 2000 && e.type !== "image") problems.push(`${at}: element text > 2000`);
        break;
      case "actions":
        if (b.elements.length === 0 || b.elements.length > 25)
          problems.push(`${at}: ${b.elements.length} elements (1-25)`);
        for (const e of b.elements) checkElement(e, at);
        break;
      case "input":
        if (surface === "message") problems.push(`${at}: input blocks only in modals and Home`);
        if (!b.label || text(b.label).length === 0 || text(b.label).length > 2000)
          problems.push(`${at}: bad label`);
        if (!b.element) problems.push(`${at}: input without element`);
        else checkElement(b.element, at);
        break;
      case "divider":
        break;
      default:
        break;
    }
  });
  return problems;

  function checkElement(e: unknown, at: string): void {
    const el = e as {
      type: string;
      action_id?: string;
      text?: unknown;
      value?: string;
      url?: string;
      options?: unknown[];
    };
    if (el.action_id) {
      if (actionIds.has(el.action_id)) problems.push(`${at}: duplicate action_id ${el.action_id}`);
      if (el.action_id.length > 255) problems.push(`${at}: action_id longer than 255`);
      actionIds.add(el.action_id);
    }
    if (el.type === "button") {
      const t = text(el.text);
      if (!t || t.length > 75) problems.push(`${at}: button text length ${t.length} (1-75)`);
      if ((el.value ?? "").length > 2000) problems.push(`${at}: button value > 2000`);
    }
    if (el.options && (el.options.length === 0 || el.options.length > 100))
      problems.push(`${at}: ${el.options.length} options (1-100)`);
  }
}

export function viewProblems(v: { type: string; blocks: readonly unknown[] }): string[] {
  const view = v as {
    type: string;
    title?: { text: string };
    submit?: { text: string };
    close?: { text: string };
    private_metadata?: string;
    callback_id?: string;
    blocks: KnownBlock[];
  };
  const problems = blockKitProblems(view.blocks, view.type === "home" ? "home" : "modal");
  if (view.type === "modal") {
    if (!view.title?.text || view.title.text.length > 24)
      problems.push(`modal title "${view.title?.text}" (1-24)`);
    if (view.submit && view.submit.text.length > 24) problems.push("modal submit > 24");
    if (view.close && view.close.text.length > 24) problems.push("modal close > 24");
    if (view.blocks.some((b) => b.type === "input") && !view.submit)
      problems.push("modal with inputs needs submit");
  }
  if ((view.private_metadata ?? "").length > 3000) problems.push("private_metadata > 3000");
  if ((view.callback_id ?? "").length > 255) problems.push("callback_id > 255");
  return problems;
}
