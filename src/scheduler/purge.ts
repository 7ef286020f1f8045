import { installationCovers, parseWorkspaceId } from "../core/workspace.ts";
import type { InstallationRecord, InstallationRecords } from "../store/installations.ts";
import type { SchedulerLogger } from "./scheduler.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** True when `workspaceId` (a storage id) is one of the workspaces an installation serves. */
export const coversWorkspace = (rec: InstallationRecord, workspaceId: string): boolean =>
  installationCovers({ ...rec, teamId: rec.teamId ?? rec.id }, parseWorkspaceId(workspaceId));

export interface PurgeOptions {
  records: InstallationRecords;
  /** DATA_RETENTION_DAYS: how long after an uninstall the data is kept. */
  retentionDays: number;
  /** Every workspace with data. */
  workspaceIds(): string[] | Promise<string[]>;
  /** Whether a live installation still serves a workspace (e.g. an org-wide one after a team uninstall). */
  isServed(workspaceId: string): Promise<boolean>;
  /** Delete all of one workspace's data. */
  deleteWorkspace(workspaceId: string): Promise<void>;
  now?: () => Date;
  logger?: SchedulerLogger;
  /** How often to look (default hourly); tests turn the timer off and call runNow(). */
  intervalMs?: number;
  timer?: boolean;
}

export interface RunningPurge {
  /** Delete what is due now; resolves with the number of workspaces deleted. */
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Deletes the data of workspaces uninstalled more than `retentionDays` ago, then their tombstones.
 * A reinstall within the period replaces the tombstone, so nothing is deleted. Runs at start-up and
 * then every `intervalMs`, one run at a time.
 */
export function startPurge(opts: PurgeOptions): RunningPurge {
  const now = opts.now ?? (() => new Date());
  const log = opts.logger;
  let chain: Promise<number> = Promise.resolve(0);
  let stopped = false;

  const run = async (): Promise<number> => {
    const cutoff = now().getTime() - opts.retentionDays * DAY_MS;
    const due = (await opts.records.list()).filter(
      (r) => r.uninstalledAt !== undefined && Date.parse(r.uninstalledAt) <= cutoff,
    );
    let deleted = 0;
    for (const rec of due) {
      if (stopped) break;
      // Read again: a reinstall since the list was taken cancels the deletion.
      const current = await opts.records.get(rec.id);
      if (!current?.uninstalledAt || Date.parse(current.uninstalledAt) > cutoff) continue;
      for (const wsId of await opts.workspaceIds()) {
        if (!coversWorkspace(current, wsId) || (await opts.isServed(wsId))) continue;
        await opts.deleteWorkspace(wsId);
        deleted++;
      }
      await opts.records.delete(rec.id);
      log?.info(
        `deleted the data of ${rec.id}, uninstalled on ${current.uninstalledAt} (kept ${opts.retentionDays} days)`,
      );
    }
    return deleted;
  };

  const runNow = (): Promise<number> => {
    const next = chain.then(
      () => (stopped ? 0 : run()),
      () => (stopped ? 0 : run()),
    );
    chain = next.catch((err: unknown) => {
      log?.error("the data retention purge failed; it will run again", err);
      return 0;
    });
    return next;
  };

  const timer =
    opts.timer === false
      ? undefined
      : setInterval(() => void runNow().catch(() => undefined), opts.intervalMs ?? 60 * 60 * 1000);
  timer?.unref();
  if (opts.timer !== false) void runNow().catch(() => undefined);

  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await chain;
    },
  };
}
