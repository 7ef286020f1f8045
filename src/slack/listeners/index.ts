import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.ts";
import { FORM_CALLBACK_ID } from "../forms.ts";
import { ACTION_PATTERNS, registerActions } from "./actions/index.ts";
import { registerCommands } from "./commands/index.ts";
import { registerEvents } from "./events/index.ts";
import { registerUninstallEvents, UNINSTALL_EVENTS } from "./events/uninstall.ts";
import { registerFallbacks } from "./fallback.ts";
import { registerViews } from "./views/index.ts";

/** Each folder registers its own listeners, as in Slack's Bolt TypeScript samples. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerFallbacks(app, deps, {
    actions: Object.values(ACTION_PATTERNS),
    views: [FORM_CALLBACK_ID],
    events: ["app_mention", "message", "app_home_opened", ...(deps.uninstall ? UNINSTALL_EVENTS : [])],
  });
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerUninstallEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
