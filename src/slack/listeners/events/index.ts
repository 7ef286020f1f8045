import type { App } from "@slack/bolt";
import { dispatchLine, MAX_COMMAND_TEXT } from "../../../commands/dispatch.ts";
import { truncate } from "../../../render/limits.ts";
import { slackContext, workspaceOf } from "../../context.ts";
import type { ListenerDeps } from "../../deps.ts";
import { publishHome } from "../../home.ts";
import { EventDeduper } from "./dedupe.ts";

/** Remove mentions of the bot itself, so "@Switchboard what is ASA?" asks "what is ASA?". */
export const stripMentions = (text: string, botUserId?: string): string =>
  (botUserId ? text.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), " ") : text)
    .replace(/\s+/g, " ")
    .trim();

interface MessageLike {
  text?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
}

export function registerEvents(app: App, deps: ListenerDeps): void {
  const deduper = deps.eventIds ?? new EventDeduper();

  const answer = async (
    args: { body: unknown; client: Parameters<Parameters<App["event"]>[1]>[0]["client"]; botUserId?: string },
    event: MessageLike,
    inThread: boolean,
  ) => {
    const body = args.body as { event_id?: string };
    if (!(await deduper.firstTime(body.event_id, deps.now().getTime()))) return;
    // Never answer bots (ourselves included), edits, deletions or other message subtypes.
    if (event.bot_id || event.subtype || !event.user) return;
    const ws = workspaceOf(args.body);
    if (!ws) return;
    // A message can be far longer than a slash command; the question is in its first part.
    const typed = typeof event.text === "string" ? event.text : "";
    const question = stripMentions(typed, args.botUserId).slice(0, MAX_COMMAND_TEXT);
    const ctx = slackContext(deps, args.client, ws, event.user, event.channel);
    // A question for /cc-ask, unless it starts with a misspelled command name ("estmate 12k calls").
    const out = await dispatchLine(question, ctx, { commandWords: false }, deps.logger);
    await args.client.chat.postMessage({
      channel: event.channel,
      text: truncate(out.reply.text, 3000),
      blocks: out.reply.blocks,
      ...(inThread ? { thread_ts: event.thread_ts ?? event.ts } : {}),
    });
  };

  // One listener for the three (Bolt runs every listener's matchers on every request).
  app.event(/^(?:app_mention|message|app_home_opened)$/, async ({ event, body, client, context }) => {
    switch (event.type) {
      case "app_mention":
        await answer({ body, client, botUserId: context.botUserId }, event as unknown as MessageLike, true);
        return;
      case "message": {
        const msg = event as unknown as MessageLike;
        if (msg.channel_type !== "im") return;
        // In a DM thread, keep the conversation in that thread.
        await answer({ body, client, botUserId: context.botUserId }, msg, Boolean(msg.thread_ts));
        return;
      }
      case "app_home_opened": {
        if (event.tab !== "home" || typeof event.user !== "string") return;
        const ws = workspaceOf(body);
        if (!ws) return;
        await publishHome(deps, client, ws, event.user);
        return;
      }
    }
  });
}
