import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { LastEstimateRecorder } from "../store/last-estimate.ts";
import type { Store } from "../store/store.ts";

/** What listeners need from the running app. */
export interface ListenerDeps {
  config: Config;
  store: Store;
  logger: Logger;
  now(): Date;
  /** Event ids already answered; shared by every process in PostgreSQL mode (default: in memory). */
  eventIds?: { firstTime(id: string | undefined, nowMs: number): boolean | Promise<boolean> };
  /** Remembers the last estimate of each workspace for the App Home. */
  lastEstimates?: LastEstimateRecorder;
  /** After app_uninstalled or tokens_revoked: forget a workspace's (or an org's) installation. */
  uninstall?: (query: {
    teamId?: string;
    enterpriseId?: string;
    isEnterpriseInstall: boolean;
  }) => Promise<unknown>;
}
