import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { startSlackServer } from "../../src/server.ts";
import { textOf } from "../helpers/app.ts";
import { tempDbPath } from "../helpers/context.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { FakeSocket } from "../helpers/fake-socket.ts";
import { exited, startEntry } from "../helpers/process.ts";

describe("Socket Mode", () => {
  it("connects with the app token and answers slash commands and mentions over the socket", async () => {
    const fake = await new FakeSlack().start();
    const socket = await new FakeSocket().start();
    fake.on("apps.connections.open", () => ({ body: { ok: true, url: socket.url } }));
    const running = await startSlackServer(
      {
        mode: "socket",
        botToken: "xoxb-test",
        appToken: "xapp-test",
        slackApiUrl: fake.apiUrl,
        port: 0,
        dbPath: tempDbPath(),
        reminderIntervalSeconds: 3600,
        logLevel: "error",
      },
      createLogger("error"),
      { retryConfig: { retries: 0 } },
    );
    try {
      await socket.waitConnected();
      expect(fake.callsTo("apps.connections.open")).toHaveLength(1);
      const ack = (await socket.send(
        "slash_commands",
        {
          token: "x",
          team_id: "T1",
          team_domain: "t",
          channel_id: "C1",
          channel_name: "general",
          user_id: "U1",
          user_name: "pat",
          command: "/cc-staffing",
          text: "calls=100 interval=30m aht=3m",
          api_app_id: "A1",
          response_url: fake.responseUrl("socket"),
          trigger_id: "t1",
        },
        "env-1",
      )) as { response_type: string; blocks: unknown };
      expect(ack.response_type).toBe("ephemeral");
      expect(textOf(ack.blocks)).toContain("14 agents");

      const before = fake.callsTo("chat.postMessage").length;
      await socket.send(
        "events_api",
        {
          type: "event_callback",
          team_id: "T1",
          api_app_id: "A1",
          event_id: "Ev-socket-1",
          event_time: 1,
          event: {
            type: "app_mention",
            user: "U1",
            text: "<@UBOT> what is shrinkage?",
            ts: "5.5",
            channel: "C1",
          },
        },
        "env-2",
      );
      const posts = await fake.waitFor("chat.postMessage", before + 1);
      expect(posts[before]?.args.thread_ts).toBe("5.5");
    } finally {
      await running.stop();
      await socket.stop();
      await fake.stop();
    }
  });

  it("npm start in Socket Mode stops cleanly on SIGTERM", async () => {
    const fake = await new FakeSlack().start();
    const socket = await new FakeSocket().start();
    fake.on("apps.connections.open", () => ({ body: { ok: true, url: socket.url } }));
    const { child } = await startEntry(
      {
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_APP_TOKEN: "xapp-test",
        SLACK_API_URL: fake.apiUrl,
        DB_PATH: tempDbPath(),
      },
      /connected to Slack in Socket Mode/,
    );
    child.kill("SIGTERM");
    expect(await exited(child)).toBe(0);
    await socket.stop();
    await fake.stop();
  });
});
