import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../commands/types.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import type { Logger } from "../logger.ts";
import { actions, context, fitMessage } from "../render/blocks.ts";
import { shareButton } from "../render/buttons.ts";
import { boundedCache, type CacheCaps, stringBytes } from "./bounded-cache.ts";
import { sharedReplies } from "./shared-replies.ts";

/**
 * Blocks of a reply as Slack shows it: a note when files were sent to the user's DM, and for an
 * ephemeral reply a button to share it in the channel (when the command line fits in a button).
 */
export function slackBlocks(reply: Reply, command: string, text: string, ws?: WorkspaceKey): KnownBlock[] {
  const files = reply.files ?? [];
  const note = files.length
    ? [
        context(
          `:paperclip: ${files.map((f) => f.filename).join(", ")} sent to you in a direct message from Switchboard.`,
        ),
      ]
    : [];
  const room = 50 - note.length - (reply.visibility === "ephemeral" ? 1 : 0);
  const body = [...fitMessage(reply.blocks, room), ...note];
  if (reply.visibility !== "ephemeral" || reply.private) return body;
  // Kept so sharing posts this very reply rather than running the command line a second time.
  const share = shareButton(command, text, ws ? sharedReplies.put(ws, reply) : undefined);
  return share ? [...body, actions([share])] : body;
}

/** Blocks of a reply someone shared in the channel: the same content, signed. */
export function sharedBlocks(reply: Reply, userId: string): KnownBlock[] {
  return [...fitMessage(reply.blocks, 49), context(`Shared by <@${userId}>`)];
}

/** A user's DM with the app does not change: opened once, not before every file (about 60 bytes each). */
export const DM_CHANNEL_CAPS: CacheCaps = { entries: 20_000, bytes: 4 * 1024 * 1024 };
const dmChannels = boundedCache<{ id: string }>(DM_CHANNEL_CAPS, (v) => stringBytes(v.id));

/**
 * Files that go with a reply are uploaded in a direct message to the user who asked, so a file from
 * an ephemeral reply is not shown to the whole channel.
 */
export async function deliverFiles(
  client: WebClient,
  userId: string,
  reply: Reply,
  logger: Logger,
): Promise<void> {
  for (const file of reply.files ?? []) {
    // The bot's token stands for the workspace (and the app) the DM belongs to.
    const key = `${client.token ?? ""}:${userId}`;
    try {
      const channel =
        dmChannels.get(key)?.id ?? (await client.conversations.open({ users: userId })).channel?.id;
      if (!channel) continue;
      dmChannels.set(key, { id: channel });
      // The Web API refuses an upload that names both `file` and `content`, even when one is undefined.
      const data = typeof file.content === "string" ? { content: file.content } : { file: file.content };
      await client.filesUploadV2({
        channel_id: channel,
        filename: file.filename,
        title: file.title,
        initial_comment: `Here is ${file.title}.`,
        ...data,
      } as Parameters<WebClient["filesUploadV2"]>[0]);
    } catch (err) {
      // The DM may be gone (the app was reinstalled): open it again next time.
      dmChannels.delete(key);
      logger.warn(`could not upload ${file.filename}`, err);
    }
  }
}
