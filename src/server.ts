import type { AddressInfo, Server } from "node:net";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import { createSlackApp, type SlackAppOptions } from "./slack/app.ts";
import { Store } from "./store/store.ts";

export interface RunningApp {
  /** The HTTP port (HTTP mode), useful when PORT=0 picked a free one. */
  port: number | undefined;
  store: Store;
  /** Stop taking requests, let queued writes finish, release the database. */
  stop(): Promise<void>;
}

/** Start the Slack app (HTTP or Socket Mode) over an opened store. */
export async function startSlackServer(
  config: Config,
  logger: Logger,
  opts: SlackAppOptions = {},
): Promise<RunningApp> {
  const store = await Store.open(config.dbPath);
  try {
    const deps = { config, store, logger, now: () => new Date() };
    const app = createSlackApp(config, deps, opts);
    const started = (await (config.mode === "http" ? app.start(config.port) : app.start())) as unknown;
    const address = (started as Server | undefined)?.address?.() as AddressInfo | null | undefined;
    const port = config.mode === "http" ? (address?.port ?? config.port) : undefined;
    let stopped: Promise<void> | undefined;
    return {
      port,
      store,
      stop() {
        stopped ??= (async () => {
          await app.stop().catch((err: unknown) => logger.warn("error while stopping", err));
          await store.close();
        })();
        return stopped;
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
