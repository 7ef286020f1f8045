import { App, LogLevel } from "@slack/bolt";

/**
 * The floor the HTTP benchmark is compared with: Bolt's HTTP receiver with the same options as the
 * app and a handler that only acknowledges. Started by bench/http.bench.ts.
 */
const app = new App({
  token: "xoxb-bench",
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "" },
  convoStore: false,
});
app.command(/.*/, async ({ ack }) => {
  await ack({ response_type: "ephemeral", text: "ok" });
});
const server = (await app.start(0)) as unknown as { address(): { port: number } };
console.error(`listening on port ${server.address().port}`);
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
