import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^xoxb-/, "must be a bot token starting with xoxb-")
        .optional(),
    ),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^xapp-/, "must be an app-level token starting with xapp-")
        .optional(),
    ),
    SLACK_API_URL: z.preprocess(
      blankToUndefined,
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://slack.com/api/" })
        .optional(),
    ),
    PORT: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "must be a port number" })
        .int("must be a whole number")
        .min(0, "must be between 0 and 65535")
        .max(65535, "must be between 0 and 65535")
        .default(3000),
    ),
    DB_PATH: z.preprocess(blankToUndefined, z.string().default(".data/switchboard.json")),
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(
          /^postgres(?:ql)?:\/\//,
          "must be a PostgreSQL URL such as postgres://user@host:5432/switchboard",
        )
        .optional(),
    ),
    REMINDER_CLAIM_LEASE_SECONDS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "must be a number of seconds" })
        .int("must be a whole number of seconds")
        .min(5, "must be at least 5 seconds (and longer than a post with its Retry-After waits)")
        .max(86_400, "must be at most 86400 (one day)")
        .default(300),
    ),
    REMINDER_INTERVAL_SECONDS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "must be a number of seconds" })
        .min(1, "must be at least 1 second")
        .max(86_400, "must be at most 86400 (one day)")
        .default(60),
    ),
    SLACK_CLIENT_ID: optionalString,
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: optionalString,
    SLACK_INSTALLATION_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .transform((v, ctx) => {
          const key = readKey(v);
          if (!key) {
            ctx.addIssue({
              code: "custom",
              message:
                "must be 32 random bytes written as base64 or hex, e.g. the output of `openssl rand -base64 32`",
            });
            return z.NEVER;
          }
          return key;
        })
        .optional(),
    ),
    DATA_RETENTION_DAYS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "must be a number of days" })
        .int("must be a whole number of days")
        .min(0, "must be 0 or more days")
        .max(3650, "must be at most 3650 days")
        .default(30),
    ),
    LOG_LEVEL: z.preprocess(
      (v) => (typeof blankToUndefined(v) === "string" ? String(v).toLowerCase() : undefined),
      z
        .enum(["debug", "info", "warn", "error"], { error: "must be one of debug, info, warn, error" })
        .default("info"),
    ),
  })
  .superRefine((env, ctx) => {
    const oauth = [env.SLACK_CLIENT_ID, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET];
    if (oauth.some(Boolean)) {
      for (const [name, value] of [
        ["SLACK_CLIENT_ID", env.SLACK_CLIENT_ID],
        ["SLACK_CLIENT_SECRET", env.SLACK_CLIENT_SECRET],
        ["SLACK_STATE_SECRET", env.SLACK_STATE_SECRET],
      ] as const)
        if (!value)
          ctx.addIssue({
            code: "custom",
            path: [name],
            message:
              "is required for multi-workspace mode (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together)",
          });
      if (!env.SLACK_INSTALLATION_KEY)
        ctx.addIssue({
          code: "custom",
          path: ["SLACK_INSTALLATION_KEY"],
          message:
            "is required for multi-workspace mode: it encrypts each workspace's tokens at rest (create one with `openssl rand -base64 32` and keep it safe)",
        });
      if (!env.SLACK_SIGNING_SECRET)
        ctx.addIssue({
          code: "custom",
          path: ["SLACK_SIGNING_SECRET"],
          message: "is required for multi-workspace mode (it runs in HTTP mode)",
        });
      if (env.SLACK_BOT_TOKEN)
        ctx.addIssue({
          code: "custom",
          path: ["SLACK_BOT_TOKEN"],
          message:
            "must not be set in multi-workspace mode (each workspace's token comes from its installation): unset it, or unset SLACK_CLIENT_ID for single-workspace mode",
        });
      if (env.SLACK_APP_TOKEN)
        ctx.addIssue({
          code: "custom",
          path: ["SLACK_APP_TOKEN"],
          message:
            "must not be set in multi-workspace mode, which runs in HTTP mode (Socket Mode serves one workspace)",
        });
      return;
    }
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN)
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message: "is required with SLACK_APP_TOKEN (Socket Mode needs the bot token too)",
      });
    if (!env.SLACK_APP_TOKEN && env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_SIGNING_SECRET"],
        message: "is required with SLACK_BOT_TOKEN for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)",
      });
    if (!env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["SLACK_BOT_TOKEN"],
        message: "is required with SLACK_SIGNING_SECRET for HTTP mode",
      });
  });

export type Mode = "socket" | "http" | "console";

/** An AES-256 key from base64 (standard or URL-safe) or hex; undefined unless exactly 32 bytes. */
function readKey(text: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  const key = Buffer.from(text, "base64");
  return key.length === 32 ? key : undefined;
}

/** Multi-workspace mode: Slack's OAuth install flow, one installation (and token) per workspace. */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** Encrypts installations at rest (AES-256-GCM). */
  installationKey: Buffer;
}

export interface Config {
  mode: Mode;
  botToken?: string | undefined;
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  slackApiUrl?: string | undefined;
  port: number;
  dbPath: string;
  /** DATABASE_URL: PostgreSQL instead of the file at dbPath. */
  databaseUrl?: string | undefined;
  /** REMINDER_CLAIM_LEASE_SECONDS: a claimed reminder is re-claimed only after this, if not settled. */
  reminderLeaseSeconds?: number | undefined;
  reminderIntervalSeconds: number;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Set in multi-workspace mode; absent in single-workspace mode (SLACK_BOT_TOKEN). */
  oauth?: OAuthConfig | undefined;
  /** Days an uninstalled workspace's data is kept before it is deleted. */
  dataRetentionDays?: number | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Read and check the environment. Throws ConfigError naming each variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${String(i.path[0] ?? "environment")} ${i.message}`),
    );
  }
  const e = parsed.data;
  const oauth =
    e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.SLACK_INSTALLATION_KEY
      ? {
          clientId: e.SLACK_CLIENT_ID,
          clientSecret: e.SLACK_CLIENT_SECRET,
          stateSecret: e.SLACK_STATE_SECRET,
          installationKey: e.SLACK_INSTALLATION_KEY,
        }
      : undefined;
  const mode: Mode = oauth ? "http" : e.SLACK_APP_TOKEN ? "socket" : e.SLACK_BOT_TOKEN ? "http" : "console";
  const apiUrl = e.SLACK_API_URL && !e.SLACK_API_URL.endsWith("/") ? `${e.SLACK_API_URL}/` : e.SLACK_API_URL;
  return {
    mode,
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    slackApiUrl: apiUrl,
    port: e.PORT,
    dbPath: e.DB_PATH,
    databaseUrl: e.DATABASE_URL,
    reminderLeaseSeconds: e.REMINDER_CLAIM_LEASE_SECONDS,
    reminderIntervalSeconds: e.REMINDER_INTERVAL_SECONDS,
    logLevel: e.LOG_LEVEL,
    ...(oauth ? { oauth } : {}),
    dataRetentionDays: e.DATA_RETENTION_DAYS,
  };
}
