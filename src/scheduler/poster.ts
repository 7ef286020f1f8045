import type { KnownBlock } from "@slack/types";

// Only a type import from @slack/types (erased at run time): the scheduler never talks to Slack itself.

/** The metadata attached to every reminder message, so a later check can find it in the channel. */
export const REMINDER_EVENT_TYPE = "switchboard_reminder";

export interface ReminderMetadata {
  event_type: typeof REMINDER_EVENT_TYPE;
  event_payload: { reminder_id: string };
}

export interface PostArgs {
  channel: string;
  text: string;
  blocks: KnownBlock[];
  metadata: ReminderMetadata;
}

/** How the scheduler reaches the chat: Slack's Web API in the app, an in-memory fake in tests. */
export interface ReminderPoster {
  post(args: PostArgs): Promise<{ ts: string }>;
  /** The ts of a message in `channel` whose metadata names `reminderId`, posted since `oldestEpochSeconds`. */
  findPosted(channel: string, reminderId: string, oldestEpochSeconds: number): Promise<string | undefined>;
}

export interface PostErrorOptions {
  /** Slack's error name (channel_not_found, ratelimited, http_503, ...). */
  code?: string | undefined;
  retryAfterSeconds?: number | undefined;
  /** The request may have reached Slack (timeout, connection reset, 5xx). */
  ambiguous?: boolean | undefined;
}

/**
 * A failed post, classified. Retryable: network errors, 429 (with Retry-After), 5xx. Permanent:
 * anything retrying cannot fix (channel_not_found, not_in_channel, is_archived, invalid_auth, ...).
 * Errors of any other type are treated as retryable and ambiguous.
 */
export class ReminderPostError extends Error {
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly ambiguous: boolean;

  constructor(
    message: string,
    readonly kind: "retryable" | "permanent",
    options: PostErrorOptions = {},
  ) {
    super(message);
    this.name = "ReminderPostError";
    this.code = options.code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.ambiguous = options.ambiguous ?? false;
  }
}

export const isReminderPostError = (err: unknown): err is ReminderPostError =>
  err instanceof ReminderPostError;

export const reminderMetadata = (reminderId: string): ReminderMetadata => ({
  event_type: REMINDER_EVENT_TYPE,
  event_payload: { reminder_id: reminderId },
});
