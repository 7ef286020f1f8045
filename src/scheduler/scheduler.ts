import { Cron } from "croner";
import type { Contract, Reminder } from "../core/contracts/contract.ts";
import {
  claim,
  isDue,
  lateAfterMs,
  type RetryInfo,
  recordPermanent,
  recordPosted,
  recordRetry,
  releaseClaim,
  searchFrom,
} from "../core/contracts/lifecycle.ts";
import { renderPostFailureNotice, renderReminderMessage } from "../render/contract.ts";
import type { Store } from "../store/store.ts";
import { isReminderPostError, type ReminderPoster, reminderMetadata } from "./poster.ts";

export interface SchedulerLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

export interface SchedulerOptions {
  store: Store;
  /**
   * One poster for every workspace, or a poster per workspace id, posting with that workspace's token
   * (undefined: not installed, so its reminders are held, neither posted nor lost).
   */
  poster:
    | ReminderPoster
    | ((workspaceId: string) => ReminderPoster | undefined | Promise<ReminderPoster | undefined>);
  /** REMINDER_INTERVAL_SECONDS. */
  intervalSeconds: number;
  now?: () => Date;
  logger?: SchedulerLogger;
  /** Run ticks on a timer (default). Tests may turn it off and call tickNow(). */
  timer?: boolean;
  /** How many reminders are claimed in one store write (default 25). */
  batchSize?: number;
  /** How many posts may be in flight at once, each to a different channel (default 6). */
  concurrency?: number;
}

/** The longest Retry-After waited out inside a tick; a longer one is left to a later tick. */
const MAX_INLINE_WAIT_MS = 60_000;

const groupBy = <T>(items: T[], key: (t: T) => string): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
};

export interface RunningScheduler {
  /** Stop the timer and wait for a running tick to finish. */
  stop(): Promise<void>;
  /** Run one tick now (after any running one: ticks never overlap). */
  tickNow(): Promise<void>;
}

export interface TickStats {
  posted: number;
  recovered: number;
  retried: number;
  failed: number;
}

const silent: SchedulerLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Shared by every scheduler over the same store, so even two started by mistake never tick at the
 * same time or take each other's reminders for orphans.
 */
interface StoreState {
  inFlight: Set<string>;
  chain: Promise<void>;
}
const perStore = new WeakMap<Store, StoreState>();
const stateOf = (store: Store): StoreState => {
  let state = perStore.get(store);
  if (!state) {
    state = { inFlight: new Set(), chain: Promise.resolve() };
    perStore.set(store, state);
  }
  return state;
};

interface Claimed {
  before: Reminder;
  reminder: Reminder;
  check: boolean;
  contract: Contract;
}

type Outcome =
  | { kind: "posted"; ts: string }
  | { kind: "retry"; info: RetryInfo }
  | { kind: "permanent"; message: string }
  | { kind: "released" };

/**
 * Post each due reminder exactly once. For a batch of due reminders:
 *   1. in one store write (fsync'ed), mark them "posting" and record the attempt;
 *   2. for each one that an earlier attempt may have posted (left "posting" by a crash, or failed in
 *      a way that hides the outcome), look for its message in the channel by its metadata;
 *   3. post it, with metadata naming the reminder, unless step 2 found it;
 *   4. in one store write, record "posted" with the message ts (or a retry with backoff, or a
 *      permanent failure).
 * A crash before 1 leaves them pending; between 1 and 4 they are found "posting" and go through 2.
 * Ticks run one at a time, and a reminder being worked on is never picked up again by this process.
 */
export function startScheduler(opts: SchedulerOptions): RunningScheduler {
  const { store, intervalSeconds } = opts;
  const now = opts.now ?? (() => new Date());
  const log = opts.logger ?? silent;
  const lateMs = lateAfterMs(intervalSeconds);
  const batchSize = Math.max(1, opts.batchSize ?? 25);
  const concurrency = Math.max(1, opts.concurrency ?? 6);
  /** Waits in progress (Retry-After), cut short by stop(). */
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  const shared = stateOf(store);
  const inFlight = shared.inFlight;
  const posterFor = async (wsId: string): Promise<ReminderPoster | undefined> =>
    typeof opts.poster === "function" ? opts.poster(wsId) : opts.poster;
  /** Until when Slack asked us to wait (Retry-After), per workspace. */
  const pausedUntil = new Map<string, number>();
  let stopped = false;
  /** This scheduler's last queued tick, awaited by stop(). */
  let mine: Promise<void> = Promise.resolve();

  /** Step 1: claim the reminders that are still due (or orphaned) in one write. */
  async function claimBatch(wsId: string, ids: string[]): Promise<Claimed[]> {
    const at = now();
    return store.updateReminders(
      wsId,
      ids,
      ({ reminders, contracts }) => {
        const out: Claimed[] = [];
        const next: Reminder[] = [];
        for (const r of reminders) {
          // The ids are held in flight by this tick, so one still "posting" here is an orphan (in
          // PostgreSQL the store passes a "posting" one only once its claim's lease has run out).
          if (!(isDue(r, at) || r.state === "posting")) continue;
          const contract = contracts.get(r.contractId);
          if (!contract) {
            next.push({ ...r, state: "cancelled" });
            continue;
          }
          const c = claim(r, at, lateMs);
          next.push(c.reminder);
          out.push({ before: r, ...c, contract });
        }
        return { reminders: next, result: out };
      },
      { claimAt: at },
    );
  }

  /** Steps 2 and 3 for one claimed reminder. */
  async function attempt(poster: ReminderPoster, item: Claimed, stats: TickStats): Promise<Outcome> {
    const { reminder, contract } = item;
    try {
      if (item.check) {
        try {
          const found = await poster.findPosted(reminder.channel, reminder.id, searchFrom(reminder));
          if (found) {
            stats.recovered++;
            return { kind: "posted", ts: found };
          }
        } catch (err) {
          // The channel cannot be read (e.g. the app is not a member). Posting again risks a double,
          // not posting risks losing it; a missed notice deadline costs more, so post.
          if (!isReminderPostError(err) || err.kind !== "permanent") throw err;
          log.warn(
            `could not check ${reminder.channel} for reminder ${reminder.id} (${err.code}); posting it`,
          );
        }
      }
      // One reminder a turn of the event loop: with a Slack that answers at once (or a fake), the
      // lanes would otherwise render and post a whole batch in one stretch of microtasks.
      await new Promise((r) => setImmediate(r));
      const message = renderReminderMessage(reminder, contract);
      const { ts } = await poster.post({
        channel: reminder.channel,
        text: message.text,
        blocks: message.blocks,
        metadata: reminderMetadata(reminder.id),
      });
      stats.posted++;
      return { kind: "posted", ts };
    } catch (err) {
      if (isReminderPostError(err) && err.kind === "permanent") {
        stats.failed++;
        log.warn(`reminder ${reminder.id} cannot be posted to ${reminder.channel}: ${err.message}`);
        return { kind: "permanent", message: err.code ?? err.message };
      }
      stats.retried++;
      const info: RetryInfo = isReminderPostError(err)
        ? {
            message: err.code ?? err.message,
            retryAfterSeconds: err.retryAfterSeconds,
            ambiguous: err.ambiguous,
          }
        : { message: err instanceof Error ? err.message : String(err), ambiguous: true };
      log.warn(`reminder ${reminder.id} will be retried: ${info.message}`);
      return { kind: "retry", info };
    }
  }

  async function processBatch(
    wsId: string,
    poster: ReminderPoster,
    ids: string[],
    stats: TickStats,
  ): Promise<"ok" | "rate-limited"> {
    let claimed: Claimed[];
    try {
      claimed = await claimBatch(wsId, ids);
    } catch (err) {
      log.error("could not record the attempts; not posting", err);
      return "ok";
    }
    const outcomes = new Map<string, { item: Claimed; outcome: Outcome }>();
    let status: "ok" | "rate-limited" = "ok";
    /** Real time before which no lane posts: Slack's Retry-After, honoured to the second. */
    let resumeAt = 0;
    const released: Outcome = { kind: "released" };

    /** One channel's reminders, one at a time (Slack allows about one message a second per channel). */
    const runLane = async (items: Claimed[]) => {
      for (const item of items) {
        let outcome: Outcome = released;
        while (!stopped && status === "ok") {
          if (resumeAt > Date.now()) await sleep(resumeAt - Date.now());
          if (stopped || status !== "ok") break;
          outcome = await attempt(poster, item, stats);
          const waitS = outcome.kind === "retry" ? outcome.info.retryAfterSeconds : undefined;
          if (waitS === undefined) break;
          // A 429 never reached Slack: posting again after the wait cannot double the message.
          if (waitS * 1000 <= MAX_INLINE_WAIT_MS) {
            stats.retried--;
            resumeAt = Math.max(resumeAt, Date.now() + waitS * 1000);
            outcome = released;
            continue;
          }
          pausedUntil.set(wsId, now().getTime() + waitS * 1000);
          status = "rate-limited";
        }
        outcomes.set(item.reminder.id, { item, outcome });
      }
    };
    // Several channels at once, so one slow post does not hold up the others.
    const lanes = [...groupBy(claimed, (c) => c.reminder.channel).values()];
    await Promise.all(
      Array.from({ length: Math.min(concurrency, lanes.length) }, async () => {
        for (let lane = lanes.shift(); lane; lane = lanes.shift()) await runLane(lane);
      }),
    );

    // Step 4, in one write. If it fails, the posted ones stay "posting" and the next tick finds them.
    const t = now();
    let notices: Array<{ reminder: Reminder; contract: Contract }> = [];
    try {
      notices = await store.updateReminders(wsId, [...outcomes.keys()], ({ reminders }) => {
        const tell: Array<{ reminder: Reminder; contract: Contract }> = [];
        const next = reminders.map((r) => {
          const o = outcomes.get(r.id);
          if (!o) return r;
          const outcome = o.outcome;
          if (outcome.kind === "posted") return recordPosted(r, outcome.ts, t);
          if (outcome.kind === "retry") return recordRetry(r, t, outcome.info);
          if (outcome.kind === "released") return releaseClaim(r, o.item.before);
          const failed = { ...recordPermanent(r, t, outcome.message), errorNotified: true };
          if (!r.errorNotified && r.state !== "cancelled")
            tell.push({ reminder: failed, contract: o.item.contract });
          return failed;
        });
        return { reminders: next, result: tell };
      });
    } catch (err) {
      log.error(
        `could not record the outcome of ${outcomes.size} reminder(s); they will be checked next tick`,
        err,
      );
    }
    for (const n of notices) await notifyAuthor(poster, n.reminder, n.contract);
    return status;
  }

  /** Tell the author, once, that a reminder cannot be posted. */
  async function notifyAuthor(poster: ReminderPoster, r: Reminder, contract: Contract): Promise<void> {
    const message = renderPostFailureNotice(r, contract);
    try {
      await poster.post({ channel: r.createdBy, ...message, metadata: reminderMetadata(`${r.id}:failed`) });
    } catch (err) {
      log.warn(`could not tell ${r.createdBy} that reminder ${r.id} failed`, err);
    }
  }

  async function tick(): Promise<TickStats> {
    const stats: TickStats = { posted: 0, recovered: 0, retried: 0, failed: 0 };
    // Work in rounds of what is due now, found through the store's due index (never a scan of every
    // reminder), grouped by workspace; a round that finds nothing new ends the tick.
    const skipped = new Set<string>();
    while (!stopped) {
      const at = now();
      const exclude = new Set([...inFlight, ...skipped]);
      const due = await store.dueReminders(at, batchSize * concurrency, exclude);
      if (due.length === 0) break;
      const byWs = groupBy(due, (d) => d.workspaceId);
      for (const [wsId, refs] of byWs) {
        if (stopped) break;
        const poster = await posterFor(wsId).catch((err: unknown) => {
          log.error(`no poster for workspace ${wsId}; its reminders wait for the next tick`, err);
          return undefined;
        });
        const paused = (pausedUntil.get(wsId) ?? 0) > now().getTime();
        if (!poster || paused) {
          for (const r of refs) skipped.add(r.id);
          continue;
        }
        const ids = refs.map((r) => r.id);
        for (let i = 0; i < ids.length && !stopped; i += batchSize) {
          const batch = ids.slice(i, i + batchSize);
          for (const id of batch) inFlight.add(id);
          try {
            const status = await processBatch(wsId, poster, batch, stats);
            // What this round could not settle (still due, e.g. held by another process) waits a tick.
            for (const id of batch) skipped.add(id);
            if (status === "rate-limited") {
              for (const r of refs) skipped.add(r.id);
              break;
            }
          } finally {
            for (const id of batch) inFlight.delete(id);
          }
        }
      }
    }
    if (stats.posted || stats.recovered || stats.retried || stats.failed)
      log.info(
        `reminders: ${stats.posted} posted, ${stats.recovered} found already posted, ${stats.retried} to retry, ${stats.failed} failed`,
      );
    return stats;
  }

  const runTick = (): Promise<void> => {
    const next = shared.chain.then(async () => {
      if (stopped) return;
      try {
        await tick();
      } catch (err) {
        log.error("reminder tick failed", err);
      }
    });
    shared.chain = next;
    mine = next;
    return next;
  };

  // croner runs the tick every `intervalSeconds`; `protect` skips a beat while a tick is still
  // running, so timer ticks never pile up (the shared chain also keeps manual ticks in line).
  const job =
    opts.timer === false
      ? undefined
      : new Cron("* * * * * *", { interval: intervalSeconds, protect: true, unref: true, paused: true }, () =>
          runTick(),
        );

  // Catch up at start-up: anything that came due while the app was down is posted now (marked late).
  void runTick().finally(() => {
    if (!stopped) job?.resume();
  });

  return {
    tickNow: runTick,
    async stop() {
      stopped = true;
      job?.stop();
      for (const wake of [...sleepers]) wake();
      await mine;
    },
  };
}
