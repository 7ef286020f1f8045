import type { PostArgs, ReminderPoster } from "../../src/scheduler/poster.ts";

/** A clock the test moves by hand. */
export class Clock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  now = (): Date => new Date(this.t);
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface PostedMessage extends PostArgs {
  ts: string;
}

/**
 * An in-memory chat: post() stores messages with their metadata, findPosted() searches them the way
 * conversations.history with include_all_metadata does. Failures can be queued, and hooks run around
 * a post to simulate a crash at a chosen moment.
 */
export class FakePoster implements ReminderPoster {
  readonly messages: PostedMessage[] = [];
  readonly findCalls: Array<{ channel: string; reminderId: string; oldest: number }> = [];
  readonly failures: unknown[] = [];
  beforePost?: (args: PostArgs) => Promise<void> | void;
  afterPost?: (args: PostArgs) => Promise<void> | void;
  delayMs = 0;
  private counter = 0;

  constructor(private readonly clock?: Clock) {}

  async post(args: PostArgs): Promise<{ ts: string }> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    await this.beforePost?.(args);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const seconds = Math.floor((this.clock?.now().getTime() ?? Date.now()) / 1000);
    const ts = `${seconds}.${String(++this.counter).padStart(6, "0")}`;
    this.messages.push({ ...args, ts });
    await this.afterPost?.(args);
    return { ts };
  }

  async findPosted(channel: string, reminderId: string, oldest: number): Promise<string | undefined> {
    this.findCalls.push({ channel, reminderId, oldest });
    return this.messages.find(
      (m) =>
        m.channel === channel &&
        m.metadata.event_payload.reminder_id === reminderId &&
        Number(m.ts) >= oldest,
    )?.ts;
  }

  /** Messages in channels (reminders), not direct messages to people. */
  get channelMessages(): PostedMessage[] {
    return this.messages.filter((m) => !m.channel.startsWith("U"));
  }

  postedIds(): string[] {
    return this.channelMessages.map((m) => m.metadata.event_payload.reminder_id);
  }
}
