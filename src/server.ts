import type { Server as HttpServer } from "node:http";
import type { AddressInfo, Server } from "node:net";
import type { Config } from "./config.ts";
import { parseWorkspaceId } from "./core/workspace.ts";
import type { Logger } from "./logger.ts";
import type { ReminderPoster } from "./scheduler/poster.ts";
import { startPurge } from "./scheduler/purge.ts";
import { startScheduler } from "./scheduler/scheduler.ts";
import { createSlackApp, type SlackAppOptions, type Tenancy } from "./slack/app.ts";
import { identifyBot } from "./slack/identity.ts";
import { InstallationKeyError, SealedInstallations } from "./slack/installations.ts";
import { createReminderPoster, createSchedulerClient } from "./slack/reminder-poster.ts";
import { BoundedReplayMemory, type ReplayMemory } from "./slack/replay.ts";
import { installRequestGuard } from "./slack/request-guard.ts";
import { sharedReplies } from "./slack/shared-replies.ts";
import { servesWorkspace } from "./slack/team-gate.ts";
import { type InstallationRecords, PgInstallationRecords } from "./store/installations.ts";
import { FileInstallationRecords, installationsPathFor } from "./store/installations-file.ts";
import { LastEstimateRecorder } from "./store/last-estimate.ts";
import { openStore } from "./store/open.ts";
import type { PgStore } from "./store/pg-store.ts";
import type { Store } from "./store/store.ts";

export interface RunningApp {
  /** The HTTP port (HTTP mode), useful when PORT=0 picked a free one. */
  port: number | undefined;
  store: Store;
  /** Multi-workspace mode: the installations, as stored (tokens sealed). */
  installations: InstallationRecords | undefined;
  /** Post the reminders that are due now (the scheduler also does so on its timer). */
  tickReminders(): Promise<void>;
  /** Delete the data of workspaces whose retention period after uninstall has passed. */
  purgeNow(): Promise<number>;
  /** Stop taking requests, let queued writes finish, release the database. */
  stop(): Promise<void>;
}

export interface ServerOptions extends SlackAppOptions {
  replayMemory?: ReplayMemory;
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
  opts: ServerOptions = {},
): Promise<RunningApp> {
  // Before the database is opened: a refused token stops start-up with nothing to undo.
  const identity = config.oauth
    ? undefined
    : await identifyBot(config.botToken ?? "", {
        slackApiUrl: config.slackApiUrl,
        retryConfig: opts.retryConfig,
      });
  const store = await openStore(config);
  try {
    const now = opts.now ?? (() => new Date());
    // Installations live beside the data: in PostgreSQL's installations table, or in a file of their own.
    const pg = store.kind === "postgres" ? (store as PgStore) : undefined;
    const recordsPath = pg ? "the installations table" : installationsPathFor(config.dbPath);
    const records = config.oauth
      ? pg
        ? new PgInstallationRecords(pg.db)
        : await FileInstallationRecords.open(recordsPath)
      : undefined;
    const installations =
      records && config.oauth
        ? new SealedInstallations(records, config.oauth.installationKey, now, logger)
        : undefined;
    // A wrong key would make every installed workspace look uninstalled: refuse to start instead.
    const unreadable = (await installations?.unreadable()) ?? [];
    if (unreadable.length) throw new InstallationKeyError(recordsPath, unreadable);
    const tenancy: Tenancy = installations
      ? { installations }
      : { identity: identity ?? { teamId: "", isEnterpriseInstall: false } };

    const lastEstimates = new LastEstimateRecorder(store);
    /** Single-workspace mode: the bot token was revoked (the app uninstalled) while running. */
    let tokenRevoked = false;
    const uninstall = async (q: Parameters<SealedInstallations["uninstall"]>[0]): Promise<unknown> => {
      if (installations) return installations.uninstall(q);
      if (
        !identity ||
        !q.teamId ||
        !servesWorkspace(identity, { teamId: q.teamId, enterpriseId: q.enterpriseId })
      )
        return false;
      // Posting with a dead token would mark every due reminder failed: hold them instead.
      tokenRevoked = true;
      logger.error(
        "Switchboard was uninstalled from its workspace (or its bot token revoked): reminders are held until it is installed again and restarted with the new SLACK_BOT_TOKEN",
      );
      return true;
    };
    // With PostgreSQL, several processes may share the work: what a retry or a click must find on
    // whichever process it lands (event ids, signed requests, share-button replies) is kept there too.
    const shared = pg ? await sharedMemories(pg, logger) : undefined;
    const deps = {
      config,
      store,
      logger,
      now,
      lastEstimates,
      uninstall,
      ...(shared ? { eventIds: shared.eventIds } : {}),
    };
    const app = createSlackApp(config, deps, { ...opts, ...tenancy });
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
    // The scheduler has its own Web API clients with no internal retries: only the scheduler retries,
    // after checking the channel for the post, so a timed-out post is never sent twice. Each workspace's
    // reminders go out with that workspace's token; a workspace without one has its reminders held.
    const posters = new Map<string, ReminderPoster>();
    const posterForToken = (token: string): ReminderPoster => {
      let poster = posters.get(token);
      if (!poster) {
        poster = createReminderPoster(createSchedulerClient(token, config.slackApiUrl));
        posters.set(token, poster);
      }
      return poster;
    };
    const poster = installations
      ? async (wsId: string) => {
          const token = await installations.botTokenFor(wsId);
          return token ? posterForToken(token) : undefined;
        }
      : (wsId: string) =>
          identity && !tokenRevoked && servesWorkspace(identity, parseWorkspaceId(wsId))
            ? posterForToken(config.botToken ?? "")
            : undefined;
    const scheduler = startScheduler({
      store,
      poster,
      intervalSeconds: config.reminderIntervalSeconds,
      now,
      logger,
    });
    const purge =
      records && installations
        ? startPurge({
            records,
            retentionDays: config.dataRetentionDays ?? 30,
            workspaceIds: () => store.workspaceIds(),
            isServed: async (wsId) => (await installations.botTokenFor(wsId)) !== undefined,
            // Every record of the workspace goes, DATA_RETENTION_DAYS after it uninstalled the app.
            deleteWorkspace: async (wsId) => void (await store.deleteWorkspace(wsId)),
            now,
            logger,
          })
        : undefined;
    let stopped: Promise<void> | undefined;
    return {
      port,
      store,
      installations: records,
      tickReminders: () => scheduler.tickNow(),
      purgeNow: () => purge?.runNow() ?? Promise.resolve(0),
      stop() {
        stopped ??= (async () => {
          await purge?.stop().catch((err: unknown) => logger.warn("error while stopping the purge", err));
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
