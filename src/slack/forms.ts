import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import type { FormField, FormSpec } from "../commands/types.ts";
import { formatPair } from "../core/parse/kv.ts";
import { context } from "../render/blocks.ts";
import { LIMITS, truncate } from "../render/limits.ts";

export const FORM_CALLBACK_ID = "command_form";

/** What a modal remembers between opening and submission (kept in private_metadata). */
export interface FormMetadata {
  /** Command name. */
  c: string;
  /** Channel the command was typed in, where the reply goes. */
  ch?: string | undefined;
  /** Words put before the pairs, e.g. "add". */
  p?: string | undefined;
  /** Opened from the App Home, which is refreshed after the submission. */
  h?: 1 | undefined;
}

const blockId = (key: string) => `f:${key}`;
export const keyOfBlock = (id: string): string => id.replace(/^f:/, "");
const ACTION_ID = "v";

const plain = (text: string, max = 150) => ({
  type: "plain_text" as const,
  text: truncate(text, max),
  emoji: true,
});
const option = (o: { value: string; label: string }): PlainTextOption => ({
  text: plain(o.label, 75),
  value: o.value.slice(0, 150),
});

const initialList = (f: FormField): string[] =>
  f.initial === undefined ? [] : Array.isArray(f.initial) ? f.initial : [f.initial];

/**
 * Options of a select, plus a prefilled value that is not among them (e.g. hours=10x5 in an edit form):
 * dropping it would silently change the value when the form is submitted unchanged.
 */
function optionsWithInitial(f: FormField, initial: string[]): Array<{ value: string; label: string }> {
  const options = f.options ?? [];
  const extra = f.kind === "select" || f.kind === "multiselect" ? initial : [];
  const missing = extra.filter((v) => v !== "" && !options.some((o) => o.value === v));
  return [...options, ...missing.map((v) => ({ value: v, label: v }))].slice(0, 100);
}

/**
 * A number input Slack accepts: a prefilled value outside the field's range, or a fraction in a
 * whole-number field, would make Slack refuse the whole modal. The command checks the value anyway,
 * so the bound it breaks is left out rather than the user's value.
 */
function numberInput(f: FormField, initial: string | undefined): Record<string, unknown> {
  const value =
    initial !== undefined && initial.trim() !== "" && Number.isFinite(Number(initial)) ? initial : undefined;
  const n = value === undefined ? undefined : Number(value);
  const decimal = (f.decimal ?? true) || (n !== undefined && !Number.isInteger(n));
  const bound = (b: number | undefined, broken: boolean) =>
    b === undefined || broken || (!decimal && !Number.isInteger(b)) ? undefined : String(b);
  const min = bound(f.min, n !== undefined && f.min !== undefined && n < f.min);
  const max = bound(f.max, n !== undefined && f.max !== undefined && n > f.max);
  return {
    type: "number_input",
    action_id: ACTION_ID,
    is_decimal_allowed: decimal,
    ...(value !== undefined ? { initial_value: value } : {}),
    ...(min !== undefined ? { min_value: min } : {}),
    ...(max !== undefined ? { max_value: max } : {}),
  };
}

function element(f: FormField): Record<string, unknown> {
  const initial = initialList(f);
  const options = optionsWithInitial(f, initial);
  const selected = options.filter((o) => initial.includes(o.value)).map(option);
  const placeholder = f.placeholder ? { placeholder: plain(f.placeholder) } : {};
  switch (f.kind) {
    case "number":
      return { ...numberInput(f, initial[0]), ...placeholder };
    case "select":
      return {
        type: "static_select",
        action_id: ACTION_ID,
        options: options.map(option),
        ...(selected[0] ? { initial_option: selected[0] } : {}),
        ...placeholder,
      };
    case "multiselect":
      return {
        type: "multi_static_select",
        action_id: ACTION_ID,
        options: options.map(option),
        ...(selected.length ? { initial_options: selected } : {}),
        ...placeholder,
      };
    case "checkbox": {
      const opts = options.length ? options : [{ value: "yes", label: f.label }];
      const chosen = opts.filter((o) => initial.includes(o.value)).map(option);
      return {
        type: "checkboxes",
        action_id: ACTION_ID,
        options: opts.map(option),
        ...(chosen.length ? { initial_options: chosen } : {}),
      };
    }
    case "channel":
      return {
        type: "conversations_select",
        action_id: ACTION_ID,
        default_to_current_conversation: true,
        filter: {
          include: ["public", "private"],
          exclude_bot_users: true,
          exclude_external_shared_channels: false,
        },
        ...placeholder,
      };
    case "date":
      return {
        type: "datepicker",
        action_id: ACTION_ID,
        ...(initial[0] && /^\d{4}-\d{2}-\d{2}$/.test(initial[0]) ? { initial_date: initial[0] } : {}),
        ...placeholder,
      };
    default:
      return {
        type: "plain_text_input",
        action_id: ACTION_ID,
        multiline: f.kind === "textarea",
        ...(initial[0] ? { initial_value: initial[0].slice(0, 3000) } : {}),
        ...placeholder,
      };
  }
}

/** A form declared by a command, as a Slack modal with typed inputs. */
export function buildModal(form: FormSpec, meta: FormMetadata): ModalView {
  const blocks: KnownBlock[] = [];
  if (form.intro) blocks.push(context(form.intro));
  for (const f of form.fields.slice(0, LIMITS.viewBlocks - blocks.length)) {
    blocks.push({
      type: "input",
      block_id: blockId(f.key),
      label: plain(f.label, 2000),
      // A lone checkbox is naturally optional: unticked means "no".
      optional: f.optional ?? f.kind === "checkbox",
      ...(f.hint ? { hint: plain(f.hint, 2000) } : {}),
      element: element(f),
    } as unknown as KnownBlock);
  }
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submit, LIMITS.modalTitle),
    close: plain("Cancel", LIMITS.modalTitle),
    private_metadata: JSON.stringify(meta).slice(0, LIMITS.privateMetadata),
    blocks,
  };
}

const optionValue = z.object({ value: z.string() });
/** One input's state as Slack sends it; anything else means the submission cannot be read. */
const StateValue = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: optionValue.nullish(),
  selected_options: z.array(optionValue).nullish(),
  selected_date: z.string().nullish(),
  selected_conversation: z.string().nullish(),
});
type StateValue = z.infer<typeof StateValue>;
const StateValues = z.record(z.string(), z.record(z.string(), StateValue));

/**
 * The submitted values, or undefined when they are not what Slack's inputs send (a value of the wrong
 * type, a list that is not a list): refused as a whole rather than read with a field missing.
 */
export function readSubmission(view: { state?: unknown }, prefix?: string): string | undefined {
  const state = view.state as { values?: unknown } | undefined;
  const values = StateValues.safeParse(state?.values ?? {});
  return values.success ? submissionToText({ state: { values: values.data } }, prefix) : undefined;
}

/**
 * Turn a submitted modal back into the command's key=value text. Empty inputs are left out, so the
 * command applies its stated defaults; an unticked lone checkbox means "no".
 */
export function submissionToText(view: { state?: { values?: unknown } }, prefix?: string): string {
  const values = (view.state?.values ?? {}) as Record<string, Record<string, StateValue>>;
  const parts: string[] = prefix ? [prefix] : [];
  for (const [block, actions] of Object.entries(values)) {
    if (!block.startsWith("f:")) continue;
    const key = keyOfBlock(block);
    const v = actions[ACTION_ID];
    if (!v) continue;
    let value: string | undefined;
    switch (v.type) {
      case "static_select":
        value = v.selected_option?.value;
        break;
      case "multi_static_select":
        value = (v.selected_options ?? []).map((o) => o.value).join(",") || undefined;
        break;
      case "checkboxes": {
        const chosen = (v.selected_options ?? []).map((o) => o.value);
        value = chosen.length === 1 && chosen[0] === "yes" ? "yes" : chosen.length ? chosen.join(",") : "no";
        break;
      }
      case "datepicker":
        value = v.selected_date ?? undefined;
        break;
      case "conversations_select":
        value = v.selected_conversation ? `<#${v.selected_conversation}>` : undefined;
        break;
      default:
        value = v.value ?? undefined;
    }
    if (value !== undefined && value.trim() !== "")
      parts.push(formatPair(key, value.replace(/\s+/g, " ").trim()));
  }
  return parts.join(" ");
}

/**
 * The input block to show an error on: the field the command named (`talk` is the form's `talk-min`,
 * a key with its unit), or the first input when no single field is to blame.
 */
export function blockForError(field: string | undefined, blockIds: string[]): string | undefined {
  if (typeof field === "string" && field) {
    const exact = blockIds.find((id) => id === blockId(field));
    if (exact) return exact;
    const withUnit = blockIds.find((id) =>
      new RegExp(`^f:${escapeRe(field)}-(sec|min|hours?|days?|pct)$`).test(id),
    );
    if (withUnit) return withUnit;
  }
  return blockIds[0];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const parseFormMetadata = (raw: string | undefined): FormMetadata | undefined => {
  try {
    const m = JSON.parse(raw ?? "") as Record<string, unknown> | null;
    if (!m || typeof m.c !== "string") return undefined;
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    return { c: m.c, ch: text(m.ch), p: text(m.p), ...(m.h === 1 ? { h: 1 } : {}) };
  } catch {
    return undefined;
  }
};
