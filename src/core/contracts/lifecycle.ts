import type { Reminder } from "./contract.ts";
import { addDays, localParts, zonedToInstant } from "./zone.ts";

// The scheduler's decisions as pure functions over stored reminders. The runtime applies them inside
// store.update, so each decision is written (and fsync'ed) before the side effect it allows.

const ms = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/** Without a Retry-After: first retry after 30 s, doubling, at most one hour apart. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_MAX_MS = 3_600_000;

/** Slack's Retry-After, when it gives one, is the wait: exactly that, not our backoff. */
export const backoffMs = (attempts: number, retryAfterSeconds?: number): number => {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0)
    return retryAfterSeconds * 1000;
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
};

/** How late a post may be before it is flagged late: two scheduler intervals, at least 5 minutes. */
export const lateAfterMs = (intervalSeconds: number): number => Math.max(2 * intervalSeconds * 1000, 300_000);

/** A pending reminder whose time (and retry time) has come. */
export const isDue = (r: Reminder, now: Date): boolean =>
  r.state === "pending" &&
  ms(r.dueAt) <= now.getTime() &&
  (r.nextAttemptAt === undefined || ms(r.nextAttemptAt) <= now.getTime());

/**
 * A reminder left in "posting" by an attempt that is not running any more (the process died, or the
 * write after the post failed): whether it reached Slack is unknown until the channel is checked.
 */
export const isOrphan = (r: Reminder, inFlight: ReadonlySet<string>): boolean =>
  r.state === "posting" && !inFlight.has(r.id);

/** What a tick must work on at `now`, oldest first. */
export const selectWork = (reminders: Reminder[], now: Date, inFlight: ReadonlySet<string>): Reminder[] =>
  reminders
    .filter((r) => !inFlight.has(r.id) && (isDue(r, now) || isOrphan(r, inFlight)))
    .sort((a, b) => ms(a.dueAt) - ms(b.dueAt));

/** The attempt, recorded before posting. `check` says to look in the channel first. */
export function claim(r: Reminder, now: Date, lateMs: number): { reminder: Reminder; check: boolean } {
  const check = r.state === "posting" || r.uncertain === true;
  const at = now.toISOString();
  return {
    check,
    reminder: {
      ...r,
      state: "posting",
      attempts: r.attempts + 1,
      firstAttemptAt: r.firstAttemptAt ?? at,
      lastAttemptAt: at,
      nextAttemptAt: undefined,
      uncertain: check || undefined,
      late: r.late || now.getTime() - ms(r.dueAt) > lateMs || undefined,
    },
  };
}

/** Seconds since the epoch from which to search the channel for an earlier attempt's message. */
export const searchFrom = (r: Reminder): number =>
  Math.floor((ms(r.firstAttemptAt ?? r.lastAttemptAt ?? r.dueAt) - 5 * 60_000) / 1000);

/** The message is in the channel. A reminder cancelled meanwhile stays cancelled but keeps the ts. */
export const recordPosted = (r: Reminder, ts: string, now: Date): Reminder => ({
  ...r,
  state: r.state === "cancelled" ? "cancelled" : "posted",
  ts,
  postedAt: now.toISOString(),
  uncertain: undefined,
  nextAttemptAt: undefined,
  lastError: undefined,
});

export interface RetryInfo {
  message: string;
  retryAfterSeconds?: number | undefined;
  /** The request may have reached Slack (timeout, 5xx): check the channel before posting again. */
  ambiguous: boolean;
}

/** A retryable failure: back to pending, not before the backoff. */
export const recordRetry = (r: Reminder, now: Date, info: RetryInfo): Reminder => ({
  ...r,
  state: r.state === "cancelled" ? "cancelled" : "pending",
  nextAttemptAt: new Date(now.getTime() + backoffMs(r.attempts, info.retryAfterSeconds)).toISOString(),
  lastError: info.message,
  uncertain: r.uncertain || info.ambiguous || undefined,
});

/** A permanent failure (channel gone, app not in it): kept and shown until someone fixes it. */
export const recordPermanent = (r: Reminder, now: Date, message: string): Reminder => ({
  ...r,
  state: r.state === "cancelled" ? "cancelled" : "failed",
  lastError: message,
  lastAttemptAt: now.toISOString(),
  nextAttemptAt: undefined,
});

/** Cancel what is still to be posted for a contract; returns the new list and how many changed. */
export function cancelForContract(
  reminders: Reminder[],
  contractId: string,
): { reminders: Reminder[]; cancelled: number } {
  let cancelled = 0;
  const next = reminders.map((r) => {
    if (
      r.contractId !== contractId ||
      (r.state !== "pending" && r.state !== "posting" && r.state !== "failed")
    )
      return r;
    cancelled++;
    return { ...r, state: "cancelled" as const, nextAttemptAt: undefined };
  });
  return { reminders: next, cancelled };
}

export type ButtonOutcome =
  | { ok: true; reminder: Reminder; created?: Reminder }
  | { ok: false; reason: "not-found" | "already"; reminder?: Reminder };

/** "Mark reviewed" on a posted reminder. A second click changes nothing. */
export function markReviewed(r: Reminder, userId: string, now: Date): ButtonOutcome {
  if (r.state !== "posted") return { ok: false, reason: "already", reminder: r };
  return { ok: true, reminder: { ...r, state: "reviewed", doneBy: userId, doneAt: now.toISOString() } };
}

/**
 * "Snooze": the posted reminder is closed and a new one is due `days` later at the reminder's own
 * time of day in its zone (a fresh id, so the new post is tracked on its own).
 */
export function snooze(r: Reminder, userId: string, now: Date, days: number, newId: string): ButtonOutcome {
  if (r.state !== "posted") return { ok: false, reason: "already", reminder: r };
  const due = localParts(new Date(r.dueAt), r.timeZone);
  const today = localParts(now, r.timeZone);
  const day = addDays({ year: today.year, month: today.month, day: today.day }, days);
  const dueAt = zonedToInstant(
    { ...day, hour: due.hour, minute: due.minute, second: due.second },
    r.timeZone,
  );
  const created: Reminder = {
    id: newId,
    contractId: r.contractId,
    vendor: r.vendor,
    kind: r.kind,
    ...(r.note ? { note: r.note } : {}),
    channel: r.channel,
    dueAt: dueAt.toISOString(),
    timeZone: r.timeZone,
    state: "pending",
    attempts: 0,
    createdBy: userId,
    createdAt: now.toISOString(),
    snoozedFrom: r.id,
  };
  return {
    ok: true,
    reminder: { ...r, state: "snoozed", doneBy: userId, doneAt: now.toISOString(), snoozedTo: newId },
    created,
  };
}

/** A contract's next reminder still to be posted and its reminders that failed for good. */
export interface ContractReminders {
  next?: Reminder;
  failures: Reminder[];
}

/**
 * `nextFor` and `failuresFor` of every contract in one pass over the reminders, for lists of many
 * contracts (calling them per contract rescans every reminder for each one).
 */
export function remindersByContract(reminders: readonly Reminder[]): Map<string, ContractReminders> {
  const out = new Map<string, ContractReminders>();
  const nextAt = new Map<string, number>();
  for (const r of reminders) {
    let entry = out.get(r.contractId);
    if (!entry) {
      entry = { failures: [] };
      out.set(r.contractId, entry);
    }
    if (r.state === "failed") entry.failures.push(r);
    else if (r.state === "pending" || r.state === "posting") {
      // Strictly earlier only, so a tie keeps the first in order, as nextFor's stable sort does.
      const at = ms(r.dueAt);
      const best = nextAt.get(r.contractId);
      if (entry.next === undefined || (best !== undefined && at < best)) {
        entry.next = r;
        nextAt.set(r.contractId, at);
      }
    }
  }
  return out;
}

/** The next reminder still to be posted for a contract. */
export const nextFor = (reminders: Reminder[], contractId: string): Reminder | undefined =>
  reminders
    .filter((r) => r.contractId === contractId && (r.state === "pending" || r.state === "posting"))
    .sort((a, b) => ms(a.dueAt) - ms(b.dueAt))[0];

/** Reminders of a contract that could not be posted for good. */
export const failuresFor = (reminders: Reminder[], contractId: string): Reminder[] =>
  reminders.filter((r) => r.contractId === contractId && r.state === "failed");

/**
 * Undo a claim that was never tried (the tick stopped or Slack asked us to wait): back to how it was
 * before, unless the contract was removed meanwhile.
 */
export const releaseClaim = (current: Reminder, before: Reminder): Reminder =>
  current.state === "cancelled" ? current : { ...before };
