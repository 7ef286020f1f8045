import { createHash } from "node:crypto";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Reply, ReplyFile } from "../commands/types.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import type { Logger } from "../logger.ts";
import { actions, context, fitMessage } from "../render/blocks.ts";
import { shareButton } from "../render/buttons.ts";
import { boundedCache, type CacheCaps, stringBytes } from "./bounded-cache.ts";
import { sharedReplies } from "./shared-replies.ts";

/**
 * Blocks of a reply as Slack shows it: a note on the files that go with it (sent to the user's DM, or
 * already there), and for an ephemeral reply a button to share it in the channel (when the command line
 * fits in a button).
 */
export function slackBlocks(
  reply: Reply,
  command: string,
  text: string,
  ws?: WorkspaceKey,
  delivery?: FileDelivery,
): KnownBlock[] {
  const note = filesNote(reply, delivery);
  const room = 50 - note.length - (reply.visibility === "ephemeral" ? 1 : 0);
  const body = [...fitMessage(reply.blocks, room), ...note];
  if (reply.visibility !== "ephemeral" || reply.private) return body;
  // Kept so sharing posts this very reply rather than running the command line a second time.
  const share = shareButton(command, text, ws ? sharedReplies.put(ws, reply) : undefined);
  return share ? [...body, actions([share])] : body;
}

function filesNote(reply: Reply, delivery: FileDelivery | undefined): KnownBlock[] {
  const files = reply.files ?? [];
  if (!files.length) return [];
  const fresh = delivery?.fresh ?? files;
  const lines: string[] = [];
  if (fresh.length)
    lines.push(
      `${fresh.map((f) => f.filename).join(", ")} sent to you in a direct message from Switchboard.`,
    );
  for (const { file, at } of delivery?.already ?? [])
    lines.push(
      `${file.filename} is already in your direct messages from Switchboard: the same file, sent ${ago(delivery?.now ?? at, at)}.`,
    );
  return [context(`:paperclip: ${lines.join(" ")}`)];
}

/** "just now", "12 minutes ago", "3 hours ago": how long ago a file was sent, for the note. */
function ago(now: number, at: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"} ago`;
}

/** Blocks of a reply someone shared in the channel: the same content, signed. */
export function sharedBlocks(reply: Reply, userId: string): KnownBlock[] {
  return [...fitMessage(reply.blocks, 49), context(`Shared by <@${userId}>`)];
}

/** A user's DM with the app does not change: opened once, not before every file (about 60 bytes each). */
export const DM_CHANNEL_CAPS: CacheCaps = { entries: 20_000, bytes: 4 * 1024 * 1024 };
const dmChannels = boundedCache<{ id: string }>(DM_CHANNEL_CAPS, (v) => stringBytes(v.id));

/**
 * A file is not sent to the same person again while it is unchanged: a team re-reading its advice gets
 * one checklist in the DM, not one per reading (and the reply says it is already there). After a day,
 * or when its content changes, it is sent again. Kept per process (about 150 bytes a file sent).
 */
export const SENT_FILE_CAPS: CacheCaps = { entries: 20_000, bytes: 4 * 1024 * 1024 };
export const RESEND_AFTER_MS = 24 * 60 * 60 * 1000;
const sentFiles = boundedCache<{ hash: string; at: number }>(SENT_FILE_CAPS, (v) => stringBytes(v.hash) + 8);

/** The files of one reply: those to send now, and those the user already has, unchanged. */
export interface FileDelivery {
  fresh: ReplyFile[];
  already: Array<{ file: ReplyFile; at: number }>;
  now: number;
  /** Where each fresh file is recorded as sent (forgotten again if its upload fails). */
  keys: Map<ReplyFile, string>;
}

/**
 * Decide, before the reply is shown, which of its files go to the user's DM. A file is counted as sent
 * from this moment, so two identical requests at once upload it once.
 */
export function planFiles(client: WebClient, userId: string, reply: Reply, now: number): FileDelivery {
  const plan: FileDelivery = { fresh: [], already: [], now, keys: new Map() };
  for (const file of reply.files ?? []) {
    // The bot's token stands for the workspace (and the app) the DM belongs to.
    const key = `${client.token ?? ""}:${userId}:${file.filename}`;
    const hash = createHash("sha256").update(file.content).digest("base64url");
    const sent = sentFiles.get(key);
    if (sent && sent.hash === hash && now - sent.at < RESEND_AFTER_MS && now >= sent.at) {
      plan.already.push({ file, at: sent.at });
      continue;
    }
    sentFiles.set(key, { hash, at: now });
    plan.fresh.push(file);
    plan.keys.set(file, key);
  }
  return plan;
}

/**
 * The files of a plan are uploaded in a direct message to the user who asked, so a file from an
 * ephemeral reply is not shown to the whole channel.
 */
export async function deliverFiles(
  client: WebClient,
  userId: string,
  plan: FileDelivery,
  logger: Logger,
): Promise<void> {
  for (const file of plan.fresh) {
    const key = `${client.token ?? ""}:${userId}`;
    try {
      const channel =
        dmChannels.get(key)?.id ?? (await client.conversations.open({ users: userId })).channel?.id;
      if (!channel) throw new Error("conversations.open returned no channel");
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
      // The DM may be gone (the app was reinstalled): open it again next time, and send the file again.
      dmChannels.delete(key);
      const sent = plan.keys.get(file);
      if (sent) sentFiles.delete(sent);
      logger.warn(`could not upload ${file.filename}`, err);
    }
  }
}
