import { App, type CodedError, type CustomRoute, ErrorCode, LogLevel } from "@slack/bolt";
import type { Config } from "../config.ts";
import type { LevelName } from "../logger.ts";
import type { ListenerDeps } from "./deps.ts";
import type { BotIdentity } from "./identity.ts";
import type { SealedInstallations } from "./installations.ts";
import { registerListeners } from "./listeners/index.ts";
import { tellByResponseUrl } from "./response-url.ts";
import { BOT_SCOPES } from "./scopes.ts";
import { registerTeamGate } from "./team-gate.ts";
import { webFetch } from "./web-fetch.ts";

// Here rather than in logger.ts, so the CLI and the console, which log too, never load Bolt.
const boltLogLevel = (level: LevelName): LogLevel =>
  ({ debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR })[level];

export interface SlackAppOptions {
  /** Web API retry policy; tests use a fast one. */
  retryConfig?: { retries: number; factor?: number; minTimeout?: number; maxTimeout?: number };
  /** The clock of listeners and the scheduler; tests move it forward. */
  now?: () => Date;
}

/** Who the app acts for: one workspace's bot token, or every workspace that installed it. */
export type Tenancy =
  | {
      /** The bot token's own workspace (auth.test at start-up): requests from any other are refused. */
      identity: BotIdentity;
    }
  | {
      /** Multi-workspace mode: each request is authorized with its workspace's installation. */
      installations: SealedInstallations;
    };

export const NOT_INSTALLED =
  "Switchboard is not installed in this workspace (or was removed from it), so it did nothing here. An admin can install it again from the app's install page.";

const healthz: CustomRoute = {
  path: "/healthz",
  method: ["GET"],
  handler: (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true }));
  },
};

/**
 * The Bolt app in Socket Mode (SLACK_APP_TOKEN) or HTTP mode (POST /slack/events, GET /healthz; in
 * multi-workspace mode also GET /slack/install and /slack/oauth_redirect, Bolt's OAuth flow).
 * Bolt checks each HTTP request's signature and timestamp before any listener runs.
 */
export function createSlackApp(config: Config, deps: ListenerDeps, opts: SlackAppOptions & Tenancy): App {
  const clientOptions = {
    fetch: webFetch,
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    ...(opts.retryConfig ? { retryConfig: opts.retryConfig } : {}),
  };
  const common = {
    // No conversation store: nothing here keeps per-conversation state, and it costs every request.
    convoStore: false as const,
    logLevel: boltLogLevel(config.logLevel) ?? LogLevel.INFO,
    clientOptions,
    // The error handler gets the request too, so a workspace that is not installed can be told.
    extendedErrorHandler: true,
  };
  let app: App;
  if ("installations" in opts) {
    const oauth = config.oauth;
    if (!oauth) throw new Error("multi-workspace mode needs the OAuth settings");
    app = new App({
      ...common,
      signingSecret: config.signingSecret ?? "",
      port: config.port,
      customRoutes: [healthz],
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      scopes: [...BOT_SCOPES],
      installationStore: opts.installations,
      installerOptions: {
        // Straight to Slack's consent page; the state cookie is set on the way.
        directInstall: true,
        // oauth.v2.access and auth.test go where every other Web API call goes.
        clientOptions,
      },
    });
  } else {
    const single = {
      ...common,
      token: config.botToken,
      // Known from start-up's auth.test, so Bolt makes no call of its own.
      ...(opts.identity.botId ? { botId: opts.identity.botId } : {}),
      ...(opts.identity.botUserId ? { botUserId: opts.identity.botUserId } : {}),
    };
    app =
      config.mode === "socket"
        ? new App({ ...single, socketMode: true, appToken: config.appToken })
        : new App({
            ...single,
            signingSecret: config.signingSecret ?? "",
            port: config.port,
            customRoutes: [healthz],
          });
    registerTeamGate(app, deps.logger, opts.identity);
  }

  app.error((async ({ error, body }: { error: CodedError; body: unknown }) => {
    if (error.code === ErrorCode.AuthorizationError) {
      // Bolt found no installation for the request's workspace and answered with an empty 200.
      deps.logger.warn(`refused a request: ${error.message}`);
      const url = (body as { response_url?: unknown } | undefined)?.response_url;
      if (typeof url === "string")
        await tellByResponseUrl(url, NOT_INSTALLED).catch((err: unknown) =>
          deps.logger.warn("could not tell a user of a workspace without an installation", err),
        );
      return;
    }
    deps.logger.error("unhandled error in a listener", error);
    // With extendedErrorHandler Bolt passes these arguments; its overloads type only the plain form.
  }) as unknown as Parameters<App["error"]>[0]);
  registerListeners(app, deps);
  return app;
}
