import type { HomeView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { type Dashboard, dashboardFor } from "../core/home/dashboard.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import { renderHome } from "../render/home.ts";
import type { ListenerDeps } from "./deps.ts";

/** Publish the App Home dashboard of a workspace for one user. */
export async function publishHome(
  deps: ListenerDeps,
  client: WebClient,
  ws: WorkspaceKey,
  userId: string,
): Promise<void> {
  const dashboard = await dashboardFor(await deps.store.read(ws));
  // The Web API takes the view as JSON text: the same text is sent to everyone who opens the tab.
  const view = homeViewJson(dashboard, deps.now()) as unknown as HomeView;
  await client.views.publish({ user_id: userId, view });
}

/**
 * The dashboard's view as JSON, kept with the dashboard (which stays the same object until the
 * workspace changes) for the minute its "Updated" line shows.
 */
const views = new WeakMap<Dashboard, { minute: number; json: string }>();
function homeViewJson(dashboard: Dashboard, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const kept = views.get(dashboard);
  if (kept?.minute === minute) return kept.json;
  const json = JSON.stringify(renderHome(dashboard, { now }));
  views.set(dashboard, { minute, json });
  return json;
}

/**
 * After a change made from the App Home (a form opened there, a button clicked there), show it at
 * once rather than on the next visit. A failure only leaves the tab as it was.
 */
export async function refreshHome(
  deps: ListenerDeps,
  client: WebClient,
  ws: WorkspaceKey,
  userId: string,
): Promise<void> {
  try {
    await publishHome(deps, client, ws, userId);
  } catch (err) {
    deps.logger.warn("could not refresh the App Home", err);
  }
}
