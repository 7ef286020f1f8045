import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../deps.ts";
import { registerActions } from "./actions/index.ts";
import { registerCommands } from "./commands/index.ts";
import { registerEvents } from "./events/index.ts";
import { registerViews } from "./views/index.ts";

/** Each folder registers its own listeners, as in Slack's Bolt TypeScript samples. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
