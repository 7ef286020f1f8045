import { createHash } from "node:crypto";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Dispatched } from "../commands/dispatch.ts";
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
  const fresh = delivery?.fresh.map((p) => p.file) ?? files;
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

/**
 * A command's outcome as Slack shows it: its blocks (with the note on its files) and, once the reply
 * is shown, `deliver` to send those files to the user's DM. An error reply has no files.
 */
export function slackReply(
  out: Dispatched,
  at: { client: WebClient; userId: string; command: string; text: string; ws?: WorkspaceKey; now: number },
): { blocks: KnownBlock[]; deliver(logger: Logger): Promise<void> } {
  if (!out.ok) return { blocks: out.reply.blocks, deliver: async () => {} };
  const plan = planFiles(at.client, at.userId, out.reply, at.now);
  return {
    blocks: slackBlocks(out.reply, at.command, at.text, at.ws, plan),
    deliver: async (logger) => {
      if (plan.fresh.length) await deliverFiles(at.client, at.userId, plan, logger);
    },
  };
}

/** Blocks of a reply someone shared in the channel: the same content, signed. */
export function sharedBlocks(reply: Reply, userId: string): KnownBlock[] {
  return [...fitMessage(reply.blocks, 49), context(`Shared by <@${userId}>`)];
}

/** A user's DM with the app does not change: opened once, not before every file (about 60 bytes each). */
export const DM_CHANNEL_CAPS: CacheCaps = { entries: 20_000, bytes: 4 * 1024 * 1024 };
const dmChannels = boundedCache<{ id: string }>(DM_CHANNEL_CAPS, (v) => stringBytes(v.id));

/**
 * A file that goes with every reading of a reply (the advice's vendor-questions checklist) is not sent
 * to the same person again while it is unchanged: a team re-reading its advice gets one checklist in
 * the DM, not one per reading, and the reply says it is already there. After a day, or when its
 * content changes, it is sent again. A file asked for (a CSV export, a chart) is always sent. A file
 * counts as sent once Slack took the upload; kept per process (about 150 bytes a file).
 */
export const SENT_FILE_CAPS: CacheCaps = { entries: 20_000, bytes: 4 * 1024 * 1024 };
export const RESEND_AFTER_MS = 24 * 60 * 60 * 1000;
const sentFiles = boundedCache<{ hash: string; at: number }>(SENT_FILE_CAPS, (v) => stringBytes(v.hash) + 8);
/** Uploads under way, so a second identical request waits for the first instead of uploading again. */
const uploading = new Map<string, { hash: string; done: Promise<boolean> }>();

interface Planned {
  file: ReplyFile;
  /** Set for a file sent once while unchanged: where it is recorded, and its content's hash. */
  once?: { key: string; hash: string };
}

/** The files of one reply: those to send now, and those the user already has, unchanged. */
export interface FileDelivery {
  fresh: Planned[];
  already: Array<{ file: ReplyFile; at: number }>;
  now: number;
}

/** Decide, before the reply is shown, which of its files go to the user's DM. */
export function planFiles(client: WebClient, userId: string, reply: Reply, now: number): FileDelivery {
  const plan: FileDelivery = { fresh: [], already: [], now };
  for (const file of reply.files ?? []) {
    if (!file.onceUnchanged) {
      plan.fresh.push({ file });
      continue;
    }
    // The bot's token stands for the workspace (and the app) the DM belongs to.
    const key = `${client.token ?? ""}:${userId}:${file.filename}`;
    const hash = createHash("sha256").update(file.content).digest("base64url");
    const sent = sentFiles.get(key);
    if (sent && sent.hash === hash && now - sent.at < RESEND_AFTER_MS && now >= sent.at)
      plan.already.push({ file, at: sent.at });
    else plan.fresh.push({ file, once: { key, hash } });
  }
  return plan;
}

/**
 * The files of a plan are uploaded in a direct message to the user who asked, so a file from an
 * ephemeral reply is not shown to the whole channel. Called once the reply is shown: a reply that
 * could not be shown sends no file and records none.
 */
export async function deliverFiles(
  client: WebClient,
  userId: string,
  plan: FileDelivery,
  logger: Logger,
): Promise<void> {
  for (const { file, once } of plan.fresh) {
    if (!once) {
      await upload(client, userId, file, logger);
      continue;
    }
    const under = uploading.get(once.key);
    // The same file is being sent to this person by another request: one upload, unless that one fails.
    if (under?.hash === once.hash && (await under.done)) continue;
    const done = upload(client, userId, file, logger);
    uploading.set(once.key, { hash: once.hash, done });
    try {
      if (await done) sentFiles.set(once.key, { hash: once.hash, at: plan.now });
    } finally {
      if (uploading.get(once.key)?.done === done) uploading.delete(once.key);
    }
  }
}

/** One file into the user's DM; false (and a log line) when Slack did not take it. */
async function upload(client: WebClient, userId: string, file: ReplyFile, logger: Logger): Promise<boolean> {
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
    return true;
  } catch (err) {
    // The DM may be gone (the app was reinstalled): open it again next time.
    dmChannels.delete(key);
    logger.warn(`could not upload ${file.filename}`, err);
    return false;
  }
}
