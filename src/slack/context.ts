import type { WebClient } from "@slack/web-api";
import type { CommandContext } from "../commands/types.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import { boundedCache, type CacheCaps, stringBytes } from "./bounded-cache.ts";
import type { ListenerDeps } from "./deps.ts";

const USER_TTL_MS = 60 * 60 * 1000;
/** One short entry per user who typed a command (about 150 bytes each). */
export const TIME_ZONE_CAPS: CacheCaps = { entries: 20_000, bytes: 4 * 1024 * 1024 };
const userCache = boundedCache<{ tz: string; locale: string; at: number }>(
  TIME_ZONE_CAPS,
  (e) => stringBytes(e.tz) + stringBytes(e.locale) + 8,
);

/**
 * The user's IANA time zone and BCP 47 locale from one users.info call (with include_locale), cached
 * for an hour; UTC and en-US when Slack cannot tell.
 */
async function lookupUser(
  client: WebClient,
  ws: WorkspaceKey,
  userId: string,
  now: number,
): Promise<{ tz: string; locale: string }> {
  const key = `${ws.enterpriseId ?? ""}:${ws.teamId}:${userId}`;
  const hit = userCache.get(key);
  if (hit && now - hit.at < USER_TTL_MS) return hit;
  try {
    const res = await client.users.info({ user: userId, include_locale: true });
    const tz = typeof res.user?.tz === "string" && res.user.tz ? res.user.tz : "UTC";
    const raw = (res.user as { locale?: unknown } | undefined)?.locale;
    const locale =
      typeof raw === "string" && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(raw)
        ? raw.replace(/_/g, "-")
        : // No locale from Slack: undetermined, so a date such as 01/02/2027 is asked about, not guessed.
          "und";
    const entry = { tz, locale, at: now };
    userCache.set(key, entry);
    return entry;
  } catch {
    return { tz: "UTC", locale: "und" };
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

const CHANNELS_TTL_MS = 60 * 1000;
/**
 * A workspace's channel list (up to 10 pages of 1,000) is about 100 bytes a channel, so a big one
 * is 1 MiB; lists of at most 200 workspaces and 32 MiB are kept, a bigger list is fetched each time.
 */
export const CHANNEL_LIST_CAPS: CacheCaps = {
  entries: 200,
  bytes: 32 * 1024 * 1024,
  entryBytes: 4 * 1024 * 1024,
};
const channelLists = boundedCache<{ at: number; channels: Array<{ id: string; name: string }> }>(
  CHANNEL_LIST_CAPS,
  (e) => e.channels.reduce((n, c) => n + stringBytes(c.id) + stringBytes(c.name) + 48, 8),
);

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
