import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Server } from "node:net";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import { startScheduler } from "./scheduler/scheduler.ts";
import { createSlackApp, type SlackAppOptions } from "./slack/app.ts";
import { createReminderPoster, createSchedulerClient } from "./slack/reminder-poster.ts";
import { BoundedReplayMemory, type ReplayMemory } from "./slack/replay.ts";
import { installRequestGuard } from "./slack/request-guard.ts";
import { sharedReplies } from "./slack/shared-replies.ts";
import { LastEstimateRecorder } from "./store/last-estimate.ts";
import { openStore } from "./store/open.ts";
import type { PgStore } from "./store/pg-store.ts";
import type { Store } from "./store/store.ts";

export interface RunningApp {
  /** The HTTP port (HTTP mode), useful when PORT=0 picked a free one. */
  port: number | undefined;
  store: Store;
  /** Stop taking requests, let queued writes finish, release the database. */
  stop(): Promise<void>;
}

async function sharedMemories(store: PgStore, logger: Logger) {
  const { PgEventIds, PgReplayMemory, PgSharedReplies } = await import("./store/pg/memories.ts");
  sharedReplies.useBacking(new PgSharedReplies(store.db), (err) =>
    logger.warn("could not keep a reply for its share button in the database", err),
  );
  return { eventIds: new PgEventIds(store.db), replay: new PgReplayMemory(store.db) };
}

/** Start the Slack app (HTTP or Socket Mode) over an opened store. */
export async function startSlackServer(
  config: Config,
  logger: Logger,
  opts: SlackAppOptions & { replayMemory?: ReplayMemory } = {},
): Promise<RunningApp> {
  const store = await openStore(config);
  try {
    const lastEstimates = new LastEstimateRecorder(store);
    // With PostgreSQL, several processes may share the work: what a retry or a click must find on
    // whichever process it lands (event ids, signed requests, share-button replies) is kept there too.
    const shared = store.kind === "postgres" ? await sharedMemories(store as PgStore, logger) : undefined;
    const deps = {
      config,
      store,
      logger,
      now: opts.now ?? (() => new Date()),
      lastEstimates,
      ...(shared ? { eventIds: shared.eventIds } : {}),
    };
    const app = createSlackApp(config, deps, opts);
    const started = (await (config.mode === "http" ? app.start(config.port) : app.start())) as unknown;
    const address = (started as Server | undefined)?.address?.() as AddressInfo | null | undefined;
    const port = config.mode === "http" ? (address?.port ?? config.port) : undefined;
    if (config.mode === "http" && started) {
      // Timestamps within 5 minutes either way, replays answered without acting, unreadable payloads
      // answered with a 200: checked in front of Bolt (src/slack/request-guard.ts).
      const memory =
        opts.replayMemory ??
        shared?.replay ??
        new BoundedReplayMemory({}, Date.now, (dropped) =>
          logger.warn(`replay memory full: dropped the ${dropped} oldest entries`),
        );
      installRequestGuard(started as HttpServer, {
        signingSecret: config.signingSecret ?? "",
        memory,
        logger,
      });
    }
    // The scheduler has its own Web API client with no internal retries: only the scheduler retries,
    // after checking the channel for the post, so a timed-out post is never sent twice.
    const scheduler = startScheduler({
      store,
      poster: createReminderPoster(createSchedulerClient(config.botToken ?? "", config.slackApiUrl)),
      intervalSeconds: config.reminderIntervalSeconds,
      now: deps.now,
      logger,
    });
    let stopped: Promise<void> | undefined;
    return {
      port,
      store,
      stop() {
        stopped ??= (async () => {
          await scheduler
            .stop()
            .catch((err: unknown) => logger.warn("error while stopping the scheduler", err));
          await app.stop().catch((err: unknown) => logger.warn("error while stopping", err));
          await lastEstimates.flush();
          if (shared) sharedReplies.useBacking(undefined);
          await store.close();
        })();
        return stopped;
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
