import { ConfigError, loadConfig } from "./config.ts";
import { runConsole } from "./local/console.ts";
import { createLogger } from "./logger.ts";
import { startSlackServer } from "./server.ts";
import { StoreLockedError } from "./store/lock.ts";
import { StoreLoadError } from "./store/store.ts";

/** `npm start`: Socket Mode, HTTP mode or the local console, chosen by the environment. */
async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee the configuration table in README.md.\n`);
      return 1;
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  if (config.mode === "console") return runConsole(config.dbPath, logger);

  let running: Awaited<ReturnType<typeof startSlackServer>>;
  try {
    running = await startSlackServer(config, logger);
  } catch (err) {
    if (err instanceof StoreLoadError || err instanceof StoreLockedError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  logger.info(
    config.mode === "http"
      ? `Switchboard is listening on port ${running.port} (POST /slack/events, GET /healthz)`
      : "Switchboard is connected to Slack in Socket Mode",
  );
  return new Promise<number>((resolveExit) => {
    const shutdown = (signal: string) => {
      logger.info(`${signal} received: finishing writes and stopping`);
      running.stop().then(
        () => resolveExit(0),
        (err: unknown) => {
          logger.error("error during shutdown", err);
          resolveExit(1);
        },
      );
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `Switchboard could not start: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  },
);
