import type { AnyMiddlewareArgs, App } from "@slack/bolt";
import { COMMANDS } from "../../commands/registry.ts";
import { slashName } from "../../commands/types.ts";
import type { ListenerDeps } from "../deps.ts";
import { UNREADABLE_BUTTON, unreadableFormView } from "../envelope.ts";

/** What the app has listeners for; anything else is answered here so Slack never waits 3 s for a 404. */
export interface Handled {
  actions: readonly RegExp[];
  views: readonly string[];
  events: readonly string[];
}

const NO_SHORTCUTS = "Switchboard has no shortcuts: type a command instead (`/cc-ask help` lists them).";

type Args = AnyMiddlewareArgs & {
  ack?: (response?: unknown) => Promise<void>;
  respond?: (message: unknown) => Promise<unknown>;
  client: { chat: { postMessage(args: { channel: string; text: string }): Promise<unknown> } };
  next: () => Promise<void>;
};

/**
 * A global middleware, registered before the listeners: payload types and ids no listener handles
 * (block_suggestion, view_closed, shortcuts, unknown action_id or callback_id, unknown commands) get
 * their acknowledgement, a log line and, where a person can be told, a short note.
 */
export function registerFallbacks(app: App, deps: ListenerDeps, handled: Handled): void {
  const commands = new Set(COMMANDS.map(slashName));
  app.use(async (raw) => {
    const args = raw as unknown as Args;
    const body = args.body as {
      type?: string;
      command?: string;
      actions?: Array<{ action_id?: string }>;
      view?: { callback_id?: string };
      user?: { id?: string };
      callback_id?: string;
      response_url?: string;
    };
    const ack = args.ack ?? (async () => {});
    const tell = async (text: string) => {
      try {
        if (body.response_url && args.respond)
          await args.respond({ response_type: "ephemeral", replace_original: false, text });
        else if (body.user?.id) await args.client.chat.postMessage({ channel: body.user.id, text });
      } catch (err) {
        deps.logger.warn("could not tell the user about an unhandled payload", err);
      }
    };
    if (typeof body.command === "string") {
      if (commands.has(body.command)) return args.next();
      deps.logger.warn(`a slash command this app does not have: ${body.command.slice(0, 40)}`);
      await ack({
        response_type: "ephemeral",
        text: `Switchboard has no command \`${body.command.slice(0, 40)}\`. \`/cc-ask help\` lists the commands.`,
      });
      return;
    }
    switch (body.type) {
      case "block_actions": {
        const id = body.actions?.[0]?.action_id ?? "";
        if (handled.actions.some((re) => re.test(id))) return args.next();
        deps.logger.warn(`a button with an unknown action_id: ${id.slice(0, 60)}`);
        await ack();
        await tell(UNREADABLE_BUTTON);
        return;
      }
      case "view_submission": {
        const id = body.view?.callback_id ?? "";
        if (handled.views.includes(id)) return args.next();
        deps.logger.warn(`a form submission with an unknown callback_id: ${id.slice(0, 60)}`);
        await ack({ response_action: "update", view: unreadableFormView });
        return;
      }
      case "view_closed":
        deps.logger.info(`a form was closed (${(body.view?.callback_id ?? "").slice(0, 60)}): nothing to do`);
        await ack();
        return;
      case "block_suggestion":
        deps.logger.warn("an options request (block_suggestion): this app has no external selects");
        await ack({ options: [] });
        return;
      case "shortcut":
      case "message_action":
        deps.logger.warn(
          `a ${body.type} (${(body.callback_id ?? "").slice(0, 60)}): this app has no shortcuts`,
        );
        await ack();
        await tell(NO_SHORTCUTS);
        return;
      default: {
        const event = (args.body as { event?: { type?: unknown } }).event;
        if (event && !handled.events.includes(String(event.type)))
          deps.logger.info(`an event this app does not listen to: ${String(event.type).slice(0, 40)}`);
        return args.next();
      }
    }
  });
}
