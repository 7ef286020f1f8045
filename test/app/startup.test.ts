import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tempDbPath } from "../helpers/context.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { exited, runEntry, startEntry } from "../helpers/process.ts";
import { SIGNING_SECRET } from "../helpers/signed.ts";

describe("npm start", () => {
  it("fails fast on a wrong variable, naming it", async () => {
    const res = await runEntry("src/main.ts", [], { PORT: "eighty", DB_PATH: tempDbPath() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("PORT");
    expect(res.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("fails fast when HTTP mode lacks the signing secret", async () => {
    const res = await runEntry("src/main.ts", [], { SLACK_BOT_TOKEN: "xoxb-1", DB_PATH: tempDbPath() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("SLACK_SIGNING_SECRET");
  });

  it("fails fast when Socket Mode lacks the bot token", async () => {
    const res = await runEntry("src/main.ts", [], { SLACK_APP_TOKEN: "xapp-1", DB_PATH: tempDbPath() });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("SLACK_BOT_TOKEN");
  });

  it("refuses multi-workspace mode without the installation key, saying how to make one", async () => {
    const res = await runEntry("src/main.ts", [], {
      SLACK_CLIENT_ID: "111.222",
      SLACK_CLIENT_SECRET: "secret",
      SLACK_STATE_SECRET: "state",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      DB_PATH: tempDbPath(),
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/SLACK_INSTALLATION_KEY is required for multi-workspace mode/);
    expect(res.stderr).toMatch(/openssl rand -base64 32/);
  });

  it("serves the install page in multi-workspace mode and exits 0 on SIGTERM", async () => {
    const env = {
      SLACK_CLIENT_ID: "111.222",
      SLACK_CLIENT_SECRET: "secret",
      SLACK_STATE_SECRET: "state",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_INSTALLATION_KEY: Buffer.alloc(32, 3).toString("base64"),
      PORT: "0",
      DB_PATH: tempDbPath(),
      LOG_LEVEL: "info",
    };
    const { child, output } = await startEntry(env, /listening on port \d+/);
    try {
      const port = Number(/listening on port (\d+)/.exec(output())?.[1]);
      const res = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: "manual" });
      expect(res.status).toBe(302);
      const to = new URL(res.headers.get("location") ?? "");
      expect(`${to.origin}${to.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
      expect(to.searchParams.get("client_id")).toBe("111.222");
      expect(to.searchParams.get("scope")).toContain("commands");
      expect(res.headers.get("set-cookie")).toMatch(/state=/);
      child.kill("SIGTERM");
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("refuses a corrupt database, naming the file and leaving it as it was", async () => {
    const db = tempDbPath();
    writeFileSync(db, "{ not json");
    const res = await runEntry("src/main.ts", [], { DB_PATH: db }, "");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(db);
    expect(readFileSync(db, "utf8")).toBe("{ not json");
  });

  it("serves HTTP, refuses a second process on the same database, and exits 0 on SIGTERM", async () => {
    const fake = await new FakeSlack().start();
    const db = tempDbPath();
    const env = {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: "0",
      DB_PATH: db,
      LOG_LEVEL: "info",
    };
    const { child, output } = await startEntry(env, /listening on port \d+/);
    try {
      const port = Number(/listening on port (\d+)/.exec(output())?.[1]);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);

      const second = await runEntry("src/main.ts", [], { ...env });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/already using the database/);

      child.kill("SIGTERM");
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill("SIGKILL");
      await fake.stop();
    }
  });
});
