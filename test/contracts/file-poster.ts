import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { PostArgs, ReminderPoster } from "../../src/scheduler/poster.ts";

/**
 * A "channel" kept in a file, one JSON line per message, written synchronously: what a process
 * posted is there even when it is killed right after.
 */
export class FilePoster implements ReminderPoster {
  private n = 0;
  constructor(
    private readonly path: string,
    private readonly hooks: { before?: () => void; after?: () => void } = {},
  ) {}

  lines(): Array<{ channel: string; ts: string; reminderId: string }> {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { channel: string; ts: string; reminderId: string });
  }

  async post(args: PostArgs): Promise<{ ts: string }> {
    this.hooks.before?.();
    const ts = `${Math.floor(Date.now() / 1000)}.${String(process.pid)}${++this.n}`;
    appendFileSync(
      this.path,
      `${JSON.stringify({ channel: args.channel, ts, reminderId: args.metadata.event_payload.reminder_id })}\n`,
    );
    this.hooks.after?.();
    return { ts };
  }

  async findPosted(channel: string, reminderId: string): Promise<string | undefined> {
    return this.lines().find((l) => l.channel === channel && l.reminderId === reminderId)?.ts;
  }
}
