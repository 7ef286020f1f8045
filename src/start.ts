import { loadCommands } from "./commands/registry.ts";
import type { Config } from "./config.ts";
import { knowledgeBase } from "./core/knowledge/answer.ts";
import { loadKnowledge } from "./core/knowledge/load.ts";
import type { Logger } from "./logger.ts";
import { StoreLoadError, StorePathError } from "./store/errors.ts";
import { StoreLockedError } from "./store/lock.ts";

/**
 * Start the chosen front end. It first loads and checks the data files (pricing, rules, knowledge
 * base) with the commands that read them; main.ts reports a broken file plainly.
 */
export async function start(config: Config, logger: Logger): Promise<number> {
  // Check the knowledge files now, so a broken one stops start-up; the search index (about 90 ms) is
  // built a second after the app is up, so it does not hold up the health check's first answer, and
  // a question that comes sooner builds it itself.
  loadKnowledge();
  // The Slack modules (Bolt) are read while the commands load: the two imports share the file reads.
  const slack = config.mode === "console" ? undefined : import("./server.ts");
  slack?.catch(() => undefined); // awaited below; a failure is reported there
  // Every command's module (and the pricing, rules and region files they read) is loaded now, so a
  // broken file stops start-up with its name and no first request waits for a module.
  await loadCommands();
  const buildIndex = (afterMs: number) =>
    setTimeout(() => {
      // ICU loads its data on the first number or date formatted (about 30 ms): done here too, so a
      // later request or reminder does not pay it.
      new Intl.NumberFormat("en-US").format(1234.5);
      new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", dateStyle: "full" }).format(0);
      try {
        knowledgeBase();
      } catch (err) {
        logger.error("could not index the knowledge base", err); // the first question will say so
      }
    }, afterMs).unref();
  // Each front end is imported only when chosen: the console never loads Bolt.
  if (config.mode === "console") {
    const { runConsole } = await import("./local/console.ts");
    buildIndex(0);
    return runConsole(config, logger);
  }
  const { startSlackServer } = await (slack ?? import("./server.ts"));

  let running: Awaited<ReturnType<typeof startSlackServer>>;
  try {
    running = await startSlackServer(config, logger);
  } catch (err) {
    // By name: importing the Slack modules here would load Bolt for the console too.
    const refused =
      err instanceof Error &&
      ["TokenRefusedError", "InstallationsLoadError", "InstallationKeyError"].includes(err.name);
    if (
      err instanceof StoreLoadError ||
      err instanceof StoreLockedError ||
      err instanceof StorePathError ||
      refused
    ) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  buildIndex(1000);
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
    // Announce readiness only once a stop signal is handled, so a supervisor may signal right away.
    logger.info(
      config.mode === "http"
        ? `Switchboard is listening on port ${running.port} (POST /slack/events, GET /healthz)`
        : "Switchboard is connected to Slack in Socket Mode",
    );
  });
}
