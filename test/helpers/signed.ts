import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "test-signing-secret";

/** Headers Slack sends with a request body: a v0 HMAC signature over the timestamp and body. */
export function signedHeaders(
  body: string,
  secret = SIGNING_SECRET,
  timestamp = Math.floor(Date.now() / 1000),
) {
  const sig = createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-signature": `v0=${sig}`, "x-slack-request-timestamp": String(timestamp) };
}

export interface SlashOptions {
  command: string;
  text: string;
  teamId?: string;
  enterpriseId?: string;
  userId?: string;
  channelId?: string;
  responseUrl?: string;
  triggerId?: string;
}

// Slack gives every slash command a fresh trigger_id; the app refuses to act twice on one.
let triggers = 0;
const freshTrigger = () => `${Date.now()}.${++triggers}.test`;

export const slashBody = (o: SlashOptions): string =>
  new URLSearchParams({
    token: "legacy",
    team_id: o.teamId ?? "T1",
    team_domain: "test",
    ...(o.enterpriseId ? { enterprise_id: o.enterpriseId } : {}),
    channel_id: o.channelId ?? "C1",
    channel_name: "general",
    user_id: o.userId ?? "U1",
    user_name: "pat",
    command: o.command,
    text: o.text,
    api_app_id: "A1",
    response_url: o.responseUrl ?? "http://127.0.0.1:9/none",
    trigger_id: o.triggerId ?? freshTrigger(),
  }).toString();

/** POST a signed body to the app; returns status and parsed JSON (or text). */
export async function postSigned(
  url: string,
  body: string,
  contentType: "application/x-www-form-urlencoded" | "application/json",
  headers: Record<string, string> = signedHeaders(body),
): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": contentType, ...headers },
    body,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/** A form-encoded interactivity payload (block_actions, view_submission). */
export const payloadBody = (payload: unknown): string =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
