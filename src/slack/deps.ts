import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { Store } from "../store/store.ts";

/** What listeners need from the running app. */
export interface ListenerDeps {
  config: Config;
  store: Store;
  logger: Logger;
  now(): Date;
}
