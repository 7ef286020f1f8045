import type { WebClient } from "@slack/web-api";
import { dashboardFor } from "../core/home/dashboard.ts";
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
  await client.views.publish({ user_id: userId, view: renderHome(dashboard, { now: deps.now() }) });
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
