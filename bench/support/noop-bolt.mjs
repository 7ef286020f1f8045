// The floor the benchmarks compare with: Bolt's HTTP receiver with the same options as the app, a
// handler that only acknowledges, and the same /healthz route. Plain JavaScript, run with `node`
// like the built app, so neither side pays for a TypeScript loader. Started by bench/*.bench.ts.
import bolt from "@slack/bolt";

const { App, LogLevel } = bolt;
const app = new App({
  token: "xoxb-bench",
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "" },
  convoStore: false,
  customRoutes: [
    {
      path: "/healthz",
      method: ["GET"],
      handler: (_req, res) => {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("ok");
      },
    },
  ],
});
app.command(/.*/, async ({ ack }) => {
  await ack({ response_type: "ephemeral", text: "ok" });
});
app.event("app_home_opened", async () => {});
const server = await app.start(Number(process.env.PORT ?? 0));
console.error(`listening on port ${server.address().port}`);
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
