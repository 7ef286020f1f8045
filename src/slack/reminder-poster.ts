import { webApi } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import {
  type PostArgs,
  REMINDER_EVENT_TYPE,
  ReminderPostError,
  type ReminderPoster,
} from "../scheduler/poster.ts";
import { webFetch } from "./web-fetch.ts";

/** Slack errors that retrying can fix; every other platform error is permanent. */
const RETRYABLE_PLATFORM = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);
/** Of those, the ones where Slack may have done the work before failing. */
const AMBIGUOUS_PLATFORM = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/** Turn a Web API error into a classified ReminderPostError. */
export function classifySlackError(err: unknown): ReminderPostError {
  const e = err as {
    code?: string;
    data?: { error?: string };
    retryAfter?: number;
    statusCode?: number;
    message?: string;
    original?: Error;
  };
  const { ErrorCode } = webApi;
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      return new ReminderPostError("Slack rate limit", "retryable", {
        code: "ratelimited",
        retryAfterSeconds: e.retryAfter,
      });
    case ErrorCode.PlatformError: {
      const name = e.data?.error ?? "unknown_error";
      return RETRYABLE_PLATFORM.has(name)
        ? new ReminderPostError(`Slack error ${name}`, "retryable", {
            code: name,
            ambiguous: AMBIGUOUS_PLATFORM.has(name),
          })
        : new ReminderPostError(`Slack error ${name}`, "permanent", { code: name });
    }
    case ErrorCode.HTTPError: {
      const status = e.statusCode ?? 0;
      // 5xx: Slack may or may not have posted; other statuses mean the request itself was refused.
      return status >= 500
        ? new ReminderPostError(`Slack answered HTTP ${status}`, "retryable", {
            code: `http_${status}`,
            ambiguous: true,
          })
        : new ReminderPostError(`Slack answered HTTP ${status}`, "permanent", { code: `http_${status}` });
    }
    case ErrorCode.RequestError:
      return new ReminderPostError(
        `network error: ${e.original?.message ?? e.message ?? "request failed"}`,
        "retryable",
        {
          code: "request_error",
          ambiguous: true,
        },
      );
    default: {
      // The WebClient's own retry gave up on a 429 (it throws a plain Error then): not posted.
      const message = e?.message ?? String(err);
      if (/rate limit/i.test(message))
        return new ReminderPostError(message, "retryable", { code: "ratelimited", ambiguous: false });
      return new ReminderPostError(message, "retryable", { code: "unknown", ambiguous: true });
    }
  }
}

/** How many pages of channel history to read when looking for an earlier post. */
const HISTORY_PAGES = 10;

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { reminder_id?: unknown } };
}

/**
 * The scheduler's poster over Slack's Web API: chat.postMessage with message metadata naming the
 * reminder, and conversations.history (include_all_metadata) to find an earlier post after a crash.
 */
export function createReminderPoster(client: WebClient): ReminderPoster {
  return {
    async post(args: PostArgs) {
      try {
        const res = await client.chat.postMessage({
          channel: args.channel,
          text: args.text,
          blocks: args.blocks,
          metadata: args.metadata,
          unfurl_links: false,
          unfurl_media: false,
        });
        if (!res.ts)
          throw new ReminderPostError("Slack returned no message ts", "retryable", { ambiguous: true });
        return { ts: res.ts };
      } catch (err) {
        throw err instanceof ReminderPostError ? err : classifySlackError(err);
      }
    },

    async findPosted(channel, reminderId, oldestEpochSeconds) {
      let cursor: string | undefined;
      try {
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const res = await client.conversations.history({
            channel,
            oldest: String(Math.max(0, oldestEpochSeconds)),
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          });
          for (const m of (res.messages ?? []) as HistoryMessage[]) {
            if (
              m.metadata?.event_type === REMINDER_EVENT_TYPE &&
              m.metadata.event_payload?.reminder_id === reminderId
            )
              return m.ts;
          }
          cursor = res.response_metadata?.next_cursor || undefined;
          if (!res.has_more || !cursor) return undefined;
        }
        return undefined;
      } catch (err) {
        throw classifySlackError(err);
      }
    },
  };
}

/**
 * A Web API client for the scheduler: no internal retries and 429s rejected at once, so the
 * scheduler's own retry (which checks the channel before posting again) is the only one. The
 * client's default policy would retry a timed-out chat.postMessage blindly and could post twice.
 */
export function createSchedulerClient(token: string, slackApiUrl?: string): WebClient {
  return new webApi.WebClient(token, {
    fetch: webFetch,
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 30_000,
  });
}
