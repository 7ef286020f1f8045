import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
};

describe("configuration", () => {
  it("runs the local console with no Slack variables, with documented defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ mode: "console", port: 3000, reminderIntervalSeconds: 60, logLevel: "info" });
    expect(c.dbPath).toMatch(/^\.data\//);
  });

  it("chooses HTTP mode with a bot token and signing secret, Socket Mode with an app token", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).mode).toBe("http");
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).mode).toBe("socket");
  });

  it("adds the trailing slash Bolt expects to SLACK_API_URL", () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(c.slackApiUrl).toBe("http://127.0.0.1:9/api/");
  });

  it.each([
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "-1" }, "PORT"],
    [{ REMINDER_INTERVAL_SECONDS: "0" }, "REMINDER_INTERVAL_SECONDS"],
    [{ REMINDER_INTERVAL_SECONDS: "soon" }, "REMINDER_INTERVAL_SECONDS"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ SLACK_API_URL: "ftp://x" }, "SLACK_API_URL"],
    [{ SLACK_BOT_TOKEN: "xoxp-user", SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_APP_TOKEN: "xapp-1" }, "SLACK_BOT_TOKEN"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN"],
  ])("rejects %o naming %s", (env, name) => {
    expect(problems(env as Record<string, string>).join("\n")).toContain(name);
  });

  describe("multi-workspace mode", () => {
    const OAUTH = {
      SLACK_CLIENT_ID: "111.222",
      SLACK_CLIENT_SECRET: "secret",
      SLACK_STATE_SECRET: "state",
      SLACK_SIGNING_SECRET: "s",
    };
    const KEY_BYTES = Buffer.from(Array.from({ length: 32 }, (_, i) => i));

    it("runs in HTTP mode with the key given as base64 or hex, keeping data 30 days by default", () => {
      for (const key of [
        KEY_BYTES.toString("base64"),
        KEY_BYTES.toString("hex"),
        KEY_BYTES.toString("base64url"),
      ]) {
        const c = loadConfig({ ...OAUTH, SLACK_INSTALLATION_KEY: key });
        expect(c.mode).toBe("http");
        expect(c.oauth?.installationKey.equals(KEY_BYTES)).toBe(true);
        expect(c.dataRetentionDays).toBe(30);
      }
      expect(
        loadConfig({ ...OAUTH, SLACK_INSTALLATION_KEY: KEY_BYTES.toString("hex"), DATA_RETENTION_DAYS: "7" })
          .dataRetentionDays,
      ).toBe(7);
    });

    it("refuses to start without the installation key, saying what it is for and how to make one", () => {
      const said = problems(OAUTH).join("\n");
      expect(said).toContain("SLACK_INSTALLATION_KEY");
      expect(said).toMatch(/encrypts/);
      expect(said).toMatch(/openssl rand -base64 32/);
    });

    it.each([
      [{ ...OAUTH, SLACK_INSTALLATION_KEY: "short" }, "SLACK_INSTALLATION_KEY"],
      [{ ...OAUTH, SLACK_INSTALLATION_KEY: Buffer.alloc(16).toString("base64") }, "SLACK_INSTALLATION_KEY"],
      [{ SLACK_CLIENT_ID: "1", SLACK_SIGNING_SECRET: "s" }, "SLACK_CLIENT_SECRET"],
      [{ SLACK_CLIENT_ID: "1", SLACK_SIGNING_SECRET: "s" }, "SLACK_STATE_SECRET"],
      [{ ...OAUTH, SLACK_SIGNING_SECRET: "" }, "SLACK_SIGNING_SECRET"],
      [{ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_BOT_TOKEN"],
      [{ ...OAUTH, SLACK_APP_TOKEN: "xapp-1" }, "SLACK_APP_TOKEN"],
      [{ ...OAUTH, DATA_RETENTION_DAYS: "-1" }, "DATA_RETENTION_DAYS"],
      [{ ...OAUTH, DATA_RETENTION_DAYS: "a month" }, "DATA_RETENTION_DAYS"],
    ])("rejects %o naming %s", (env, name) => {
      expect(problems(env as Record<string, string>).join("\n")).toContain(name);
    });
  });

  it("takes DATABASE_URL and the claim lease, and names them when wrong", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://u@db:5432/sb", REMINDER_CLAIM_LEASE_SECONDS: "120" });
    expect(c.databaseUrl).toBe("postgres://u@db:5432/sb");
    expect(c.reminderLeaseSeconds).toBe(120);
    expect(loadConfig({}).reminderLeaseSeconds).toBe(300);
    expect(problems({ DATABASE_URL: "mysql://x" }).join("\n")).toMatch(
      /DATABASE_URL must be a PostgreSQL URL/,
    );
    expect(problems({ REMINDER_CLAIM_LEASE_SECONDS: "1" }).join("\n")).toMatch(
      /REMINDER_CLAIM_LEASE_SECONDS must be at least 5 seconds/,
    );
  });
});
