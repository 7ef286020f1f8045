import { parse as parseQuery } from "node:querystring";
import type { ModalView } from "@slack/types";
import { z } from "zod";

// What a request to /slack/events carries, read before Bolt sees it. Bolt routes a body by its shape
// and crashes (HTTP 500) or never answers (404 after 3 s) on shapes Slack documents but we do not
// expect, or on broken ones: those are answered here with a 200, a log line and, where a person can
// be told, a short note. Pure: no I/O.

export const FORM = "application/x-www-form-urlencoded";

export const UNREADABLE_BUTTON =
  "That button or form could not be read, so nothing was changed. Please type the command instead (`/cc-ask help` lists them).";
export const UNREADABLE_COMMAND =
  "That command could not be read, so nothing was changed. Please type it again, e.g. `/cc-ask help`.";

/** A modal that replaces a form Slack sent us in a shape we cannot read. */
export const unreadableFormView: ModalView = {
  type: "modal",
  title: { type: "plain_text", text: "Switchboard" },
  close: { type: "plain_text", text: "Close" },
  blocks: [{ type: "section", text: { type: "mrkdwn", text: UNREADABLE_BUTTON } }],
};

export type Envelope =
  | {
      kind: "pass";
      what: "ssl_check" | "url_verification" | "event" | "command" | "interaction";
      /** Interactive payload type or event type, for logs. */
      type?: string;
      /** Besides the signature, ids that must be acted on once (trigger_id). */
      replayKeys: string[];
    }
  | {
      kind: "unreadable";
      reason: string;
      /** The JSON to answer with (HTTP 200); none: an empty 200. */
      reply?: unknown;
      /** Where to tell the person who clicked, when the payload says. */
      responseUrl?: string;
      replayKeys: string[];
    };

const str = z.string();
const user = z.object({ id: str });
const interactive = z.object({ type: str, user, trigger_id: str.optional(), response_url: str.optional() });

/** The least each payload type must carry for Bolt to route it and our listeners to read it. */
const ROUTABLE: Record<string, z.ZodType> = {
  block_actions: z.object({
    actions: z.array(z.object({ action_id: str, type: str.optional() })).min(1),
    team: z.object({ id: str }).nullish(),
  }),
  block_suggestion: z.object({ action_id: str, value: str.optional() }),
  view_submission: z.object({ view: z.object({ callback_id: str, private_metadata: str.optional() }) }),
  view_closed: z.object({ view: z.object({ callback_id: str }) }),
  shortcut: z.object({ callback_id: str }),
  message_action: z.object({ callback_id: str, response_url: str.optional() }),
};

/** Fields of a slash command: each must be one string (a repeated field arrives as an array). */
const COMMAND_FIELDS = ["command", "text", "team_id", "user_id", "channel_id", "trigger_id", "response_url"];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

function readPayload(raw: string): Envelope {
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    return { kind: "unreadable", reason: "the payload is not JSON", replayKeys: [] };
  }
  const base = interactive.safeParse(payload);
  if (!base.success) {
    const responseUrl =
      isRecord(payload) && typeof payload.response_url === "string" ? payload.response_url : undefined;
    return {
      kind: "unreadable",
      reason: "the payload has no type or no user",
      ...(responseUrl ? { responseUrl } : {}),
      replayKeys: [],
    };
  }
  const { type, trigger_id, response_url } = base.data;
  const replayKeys = trigger_id ? [`trigger:${trigger_id}`] : [];
  const schema = hasOwn(ROUTABLE, type) ? ROUTABLE[type] : undefined;
  if (schema?.safeParse(payload).success) return { kind: "pass", what: "interaction", type, replayKeys };
  return {
    kind: "unreadable",
    reason: schema
      ? `a ${type} payload of an unexpected shape`
      : `an interactive payload of type "${type.slice(0, 40)}"`,
    ...(type === "view_submission" ? { reply: { response_action: "update", view: unreadableFormView } } : {}),
    ...(response_url ? { responseUrl: response_url } : {}),
    replayKeys,
  };
}

function readForm(raw: string): Envelope {
  const form = parseQuery(raw);
  if (hasOwn(form, "payload")) {
    const payload = form.payload;
    if (typeof payload !== "string")
      return { kind: "unreadable", reason: "the payload field is repeated", replayKeys: [] };
    return readPayload(payload);
  }
  if (hasOwn(form, "command")) {
    const bad = COMMAND_FIELDS.filter((k) => hasOwn(form, k) && typeof form[k] !== "string");
    const trigger = form.trigger_id;
    const replayKeys = typeof trigger === "string" && trigger ? [`trigger:${trigger}`] : [];
    if (bad.length || !String(form.command).startsWith("/"))
      return {
        kind: "unreadable",
        reason: bad.length
          ? `repeated command fields (${bad.join(", ")})`
          : "a command that does not start with /",
        reply: { response_type: "ephemeral", text: UNREADABLE_COMMAND },
        replayKeys,
      };
    return { kind: "pass", what: "command", type: String(form.command).slice(0, 40), replayKeys };
  }
  return { kind: "unreadable", reason: "a form with neither a command nor a payload", replayKeys: [] };
}

function readJson(raw: string): Envelope {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { kind: "unreadable", reason: "the body is not JSON", replayKeys: [] };
  }
  if (!isRecord(body)) return { kind: "unreadable", reason: "the body is not a JSON object", replayKeys: [] };
  if (body.type === "url_verification" && typeof body.challenge === "string")
    return { kind: "pass", what: "url_verification", replayKeys: [] };
  if (hasOwn(body, "event")) {
    const event = body.event;
    if (isRecord(event) && typeof event.type === "string")
      return { kind: "pass", what: "event", type: event.type.slice(0, 40), replayKeys: [] };
    return { kind: "unreadable", reason: "an event without a type", replayKeys: [] };
  }
  const type = typeof body.type === "string" ? body.type.slice(0, 40) : "none";
  return { kind: "unreadable", reason: `a JSON body of type "${type}" with no event`, replayKeys: [] };
}

/** True for Slack's SSL check, which is not signed (Bolt answers it and strips anything else). */
export const isSslCheck = (contentType: string | undefined, raw: string): boolean =>
  contentType === FORM && parseQuery(raw).ssl_check === "1";

/**
 * Classify a verified request body the way Bolt will parse it: form-encoded only for exactly
 * `application/x-www-form-urlencoded`, JSON otherwise.
 */
export function readEnvelope(contentType: string | undefined, raw: string): Envelope {
  return contentType === FORM ? readForm(raw) : readJson(raw);
}
