import type { Config } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { type RunningApp, startSlackServer } from "../../src/server.ts";
import { tempDbPath } from "./context.ts";
import { FakeSlack } from "./fake-slack.ts";
import { payloadBody, postSigned, SIGNING_SECRET, type SlashOptions, slashBody } from "./signed.ts";

export interface TestApp {
  url: string;
  fake: FakeSlack;
  running: RunningApp;
  dbPath: string;
  /** Send a signed slash command; returns what Slack would show (the ack body). */
  slash(o: SlashOptions): Promise<{ status: number; json: unknown; text: string }>;
  /** Send a signed interactivity payload. */
  interact(payload: unknown): Promise<{ status: number; json: unknown; text: string }>;
  /** Send a signed Events API envelope. */
  event(
    envelope: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: unknown; text: string }>;
  stop(): Promise<void>;
}

/** Multi-workspace mode for a test app: OAuth settings, and the key that seals installations. */
export interface TestOAuth {
  installationKey?: Buffer;
  dataRetentionDays?: number;
}

export const TEST_INSTALLATION_KEY = Buffer.alloc(32, 7);

/** The real Bolt app in HTTP mode on a free port, its Web API pointed at a fake Slack on loopback. */
export async function startTestApp(
  opts: {
    dbPath?: string;
    fake?: FakeSlack;
    reminderIntervalSeconds?: number;
    now?: () => Date;
    /** Multi-workspace mode (OAuth) instead of the single bot token. */
    oauth?: TestOAuth;
    /** The PostgreSQL store instead of the file. */
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const fake = opts.fake ?? (await new FakeSlack().start());
  const dbPath = opts.dbPath ?? tempDbPath();
  const config: Config = {
    mode: "http",
    ...(opts.oauth
      ? {
          oauth: {
            clientId: "111.222",
            clientSecret: "test-client-secret",
            stateSecret: "test-state-secret",
            installationKey: opts.oauth.installationKey ?? TEST_INSTALLATION_KEY,
          },
          dataRetentionDays: opts.oauth.dataRetentionDays ?? 30,
        }
      : { botToken: "xoxb-test" }),
    signingSecret: SIGNING_SECRET,
    slackApiUrl: fake.apiUrl,
    port: 0,
    dbPath,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
    reminderIntervalSeconds: opts.reminderIntervalSeconds ?? 3600,
    logLevel: "error",
  };
  const running = await startSlackServer(config, createLogger("error"), {
    retryConfig: { retries: 0 },
    ...(opts.now ? { now: opts.now } : {}),
  });
  const url = `http://127.0.0.1:${running.port}`;
  return {
    url,
    fake,
    running,
    dbPath,
    slash: (o) =>
      postSigned(
        `${url}/slack/events`,
        slashBody({ responseUrl: fake.responseUrl("cmd"), ...o }),
        "application/x-www-form-urlencoded",
      ),
    interact: (payload) =>
      postSigned(`${url}/slack/events`, payloadBody(payload), "application/x-www-form-urlencoded"),
    event: (envelope, headers) => {
      const body = JSON.stringify(envelope);
      return headers
        ? postSigned(`${url}/slack/events`, body, "application/json", headers)
        : postSigned(`${url}/slack/events`, body, "application/json");
    },
    async stop() {
      await running.stop();
      if (!opts.fake) await fake.stop();
    },
  };
}

/**
 * Install the app in a team of the fake Slack the way a browser does: the install page sets the state
 * cookie and redirects to Slack; Slack redirects back with a code and that state.
 */
export async function installThroughOAuth(
  app: TestApp,
  teamId: string,
): Promise<{ status: number; body: string }> {
  const install = await fetch(`${app.url}/slack/install`, { redirect: "manual" });
  const location = install.headers.get("location") ?? "";
  const state = new URL(location).searchParams.get("state") ?? "";
  const cookie = (install.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  await install.body?.cancel();
  const code = `code-${teamId}-${Math.random().toString(36).slice(2)}`;
  app.fake.installCodes.set(code, teamId);
  const back = await fetch(
    `${app.url}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
    { headers: { cookie }, redirect: "manual" },
  );
  return { status: back.status, body: await back.text() };
}

/** All text in a Block Kit payload, for assertions on what a user reads. */
export const textOf = (value: unknown): string => {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string") return;
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "text" && typeof x === "string") out.push(x);
        else walk(x);
      }
    }
  };
  walk(value);
  return out.join("\n");
};
