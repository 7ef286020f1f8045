import type { WebClient } from "@slack/web-api";
import type { CommandContext } from "../commands/types.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import type { ListenerDeps } from "./deps.ts";

const USER_TTL_MS = 60 * 60 * 1000;
interface UserSettings {
  tz: string;
  locale: string;
}
const userCache = new Map<string, { at: number; settings: Promise<UserSettings> }>();

/** A Slack locale ("en-US", "ro-RO") as BCP 47; "und" when Slack gives none or one that is not a tag. */
const localeTag = (raw: unknown): string => {
  if (typeof raw !== "string" || !raw.trim()) return "und";
  try {
    return Intl.getCanonicalLocales(raw.trim().replace(/_/g, "-"))[0] ?? "und";
  } catch {
    return "und";
  }
};

/**
 * The user's IANA time zone and locale from one users.info call (include_locale), cached for an hour
 * and shared while in flight, so a command that needs both asks Slack once. When Slack cannot tell:
 * UTC and "und" (not cached, so the next command asks again).
 */
function lookupUser(client: WebClient, ws: WorkspaceKey, userId: string, now: number): Promise<UserSettings> {
  const key = `${ws.enterpriseId ?? ""}:${ws.teamId}:${userId}`;
  const hit = userCache.get(key);
  if (hit && now - hit.at < USER_TTL_MS) return hit.settings;
  const settings = client.users.info({ user: userId, include_locale: true }).then(
    (res) => ({
      tz: typeof res.user?.tz === "string" && res.user.tz ? res.user.tz : "UTC",
      locale: localeTag(res.user?.locale),
    }),
    () => {
      userCache.delete(key);
      return { tz: "UTC", locale: "und" };
    },
  );
  userCache.set(key, { at: now, settings });
  return settings;
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

const CHANNELS_TTL_MS = 60 * 1000;
const channelLists = new Map<string, { at: number; channels: Array<{ id: string; name: string }> }>();

/** Channels the bot can see, by name, cached for a minute (conversations.list, a few pages at most). */
async function listChannels(client: WebClient, key: string, now: number) {
  const hit = channelLists.get(key);
  if (hit && now - hit.at < CHANNELS_TTL_MS) return hit.channels;
  const channels: Array<{ id: string; name: string }> = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const res = await client.conversations.list({
      types: "public_channel,private_channel",
      exclude_archived: true,
      limit: 1000,
      ...(cursor ? { cursor } : {}),
    });
    for (const c of res.channels ?? []) if (c.id && c.name) channels.push({ id: c.id, name: c.name });
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  channelLists.set(key, { at: now, channels });
  return channels;
}

/** A channel by id (conversations.info) or by name; null when Slack says it does not exist. */
async function lookupChannel(
  client: WebClient,
  ws: WorkspaceKey,
  ref: { id: string } | { name: string },
  now: number,
): Promise<{ id: string; name?: string } | null | undefined> {
  try {
    if ("id" in ref) {
      const res = await client.conversations.info({ channel: ref.id });
      return res.channel?.id
        ? { id: res.channel.id, ...(res.channel.name ? { name: res.channel.name } : {}) }
        : undefined;
    }
    const name = ref.name.toLowerCase();
    const found = (await listChannels(client, `${ws.enterpriseId ?? ""}:${ws.teamId}`, now)).find(
      (c) => c.name === name,
    );
    return found ?? null;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    return code === "channel_not_found" ? null : undefined;
  }
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
    userTimeZone: async () => (await lookupUser(client, ws, userId, deps.now().getTime())).tz,
    userLocale: async () => (await lookupUser(client, ws, userId, deps.now().getTime())).locale,
    lookupChannel: (ref) => lookupChannel(client, ws, ref, deps.now().getTime()),
  };
}
