import { App, LogLevel } from "@slack/bolt";
import type { Config } from "../config.ts";
import type { LevelName } from "../logger.ts";
import type { ListenerDeps } from "./deps.ts";
import type { BotIdentity } from "./identity.ts";
import { registerListeners } from "./listeners/index.ts";
import { registerTeamGate } from "./team-gate.ts";

// Here rather than in logger.ts, so the CLI and the console, which log too, never load Bolt.
const boltLogLevel = (level: LevelName): LogLevel =>
  ({ debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR })[level];

export interface SlackAppOptions {
  /** Web API retry policy; tests use a fast one. */
  retryConfig?: { retries: number; factor?: number; minTimeout?: number; maxTimeout?: number };
  /** The clock of listeners and the scheduler; tests move it forward. */
  now?: () => Date;
}

export interface SingleWorkspace {
  /** The bot token's own workspace (auth.test at start-up): requests from any other are refused. */
  identity: BotIdentity;
}

/**
 * The Bolt app in Socket Mode (SLACK_APP_TOKEN) or HTTP mode (POST /slack/events, GET /healthz).
 * Bolt checks each HTTP request's signature and timestamp before any listener runs.
 */
export function createSlackApp(
  config: Config,
  deps: ListenerDeps,
  opts: SlackAppOptions & SingleWorkspace,
): App {
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    ...(opts.retryConfig ? { retryConfig: opts.retryConfig } : {}),
  };
  const common = {
    token: config.botToken,
    // Known from start-up's auth.test, so Bolt makes no call of its own.
    ...(opts.identity.botId ? { botId: opts.identity.botId } : {}),
    ...(opts.identity.botUserId ? { botUserId: opts.identity.botUserId } : {}),
    // No conversation store: nothing here keeps per-conversation state, and it costs every request.
    convoStore: false as const,
    logLevel: boltLogLevel(config.logLevel) ?? LogLevel.INFO,
    clientOptions,
  };
  const app =
    config.mode === "socket"
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          signingSecret: config.signingSecret ?? "",
          port: config.port,
          customRoutes: [
            {
              path: "/healthz",
              method: ["GET"],
              handler: (_req, res) => {
                res.writeHead(200, { "content-type": "application/json" });
                res.end(JSON.stringify({ ok: true }));
              },
            },
          ],
        });

  app.error(async (err) => {
    deps.logger.error("unhandled error in a listener", err);
  });
  registerTeamGate(app, deps.logger, opts.identity);
  registerListeners(app, deps);
  return app;
}
