import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../commands/types.ts";
import type { Logger } from "../logger.ts";
import { actions, context, fitMessage } from "../render/blocks.ts";
import { shareButton } from "../render/buttons.ts";

/** Blocks of an ephemeral reply, with a button to share it in the channel when the text allows. */
export function withShareButton(reply: Reply, command: string, text: string): KnownBlock[] {
  if (reply.visibility !== "ephemeral") return fitMessage(reply.blocks);
  const share = shareButton(command, text);
  return share ? [...fitMessage(reply.blocks, 49), actions([share])] : fitMessage(reply.blocks);
}

/** Blocks of a reply someone shared in the channel: the same content, signed. */
export function sharedBlocks(reply: Reply, userId: string): KnownBlock[] {
  return [...fitMessage(reply.blocks, 49), context(`Shared by <@${userId}>`)];
}

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
    try {
      const dm = await client.conversations.open({ users: userId });
      const channel = dm.channel?.id;
      if (!channel) continue;
      await client.filesUploadV2({
        channel_id: channel,
        filename: file.filename,
        title: file.title,
        content: typeof file.content === "string" ? file.content : undefined,
        file: typeof file.content === "string" ? undefined : file.content,
        initial_comment: `Here is ${file.title}.`,
      } as Parameters<WebClient["filesUploadV2"]>[0]);
    } catch (err) {
      logger.warn(`could not upload ${file.filename}`, err);
    }
  }
}
