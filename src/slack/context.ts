import type { WebClient } from "@slack/web-api";
import type { CommandContext } from "../commands/types.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import type { ListenerDeps } from "./deps.ts";

const TZ_TTL_MS = 60 * 60 * 1000;
const tzCache = new Map<string, { tz: string; at: number }>();

/** The user's IANA time zone from users.info, cached for an hour; UTC when Slack cannot tell. */
async function lookupTimeZone(
  client: WebClient,
  ws: WorkspaceKey,
  userId: string,
  now: number,
): Promise<string> {
  const key = `${ws.enterpriseId ?? ""}:${ws.teamId}:${userId}`;
  const hit = tzCache.get(key);
  if (hit && now - hit.at < TZ_TTL_MS) return hit.tz;
  try {
    const res = await client.users.info({ user: userId });
    const tz = typeof res.user?.tz === "string" && res.user.tz ? res.user.tz : "UTC";
    tzCache.set(key, { tz, at: now });
    return tz;
  } catch {
    return "UTC";
  }
}

/** Workspace of a Slack payload: commands and events carry team_id, actions and views carry team.id. */
export function workspaceOf(body: unknown): WorkspaceKey | undefined {
  const b = body as {
    team_id?: string;
    enterprise_id?: string;
    team?: { id?: string; enterprise_id?: string } | null;
    enterprise?: { id?: string } | null;
    user?: { team_id?: string };
    view?: { team_id?: string };
  };
  const teamId = b.team_id ?? b.team?.id ?? b.view?.team_id ?? b.user?.team_id;
  if (!teamId) return undefined;
  const enterpriseId = b.enterprise_id ?? b.enterprise?.id ?? b.team?.enterprise_id ?? undefined;
  return enterpriseId ? { teamId, enterpriseId } : { teamId };
}

export function slackContext(
  deps: ListenerDeps,
  client: WebClient,
  ws: WorkspaceKey,
  userId: string,
  channelId?: string,
): CommandContext {
  return {
    workspace: ws,
    userId,
    channelId,
    surface: "slack",
    store: async () => deps.store,
    now: deps.now,
    userTimeZone: () => lookupTimeZone(client, ws, userId, deps.now().getTime()),
  };
}
