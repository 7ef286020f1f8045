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
