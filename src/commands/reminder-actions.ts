import { randomUUID } from "node:crypto";
import type { Contract, Reminder } from "../core/contracts/contract.ts";
import { type ButtonOutcome, markReviewed, snooze } from "../core/contracts/lifecycle.ts";
import type { WorkspaceKey } from "../core/workspace.ts";
import { REMINDER_ACTIONS } from "../render/contract.ts";
import type { Store } from "../store/store.ts";

// The reminder buttons' work, kept out of the Slack listener: the listener only reads the click and
// renders the outcome; the decisions are in core/contracts/lifecycle.ts.

const SNOOZE_DAYS: Partial<Record<string, number>> = {
  [REMINDER_ACTIONS.snoozeDay]: 1,
  [REMINDER_ACTIONS.snoozeWeek]: 7,
};

export interface ReminderActionResult {
  outcome: ButtonOutcome;
  contract?: Contract;
  /** For a snooze: the new reminder; for a reminder snoozed earlier: the one that replaced it. */
  next?: Reminder;
}

/**
 * Apply a reminder button in the clicking workspace only: the reminder is looked up in that
 * workspace's data, so a click from another workspace finds nothing and changes nothing.
 */
export async function applyReminderAction(
  store: Store,
  ws: WorkspaceKey,
  actionId: string,
  reminderId: string,
  userId: string,
  now: Date,
): Promise<ReminderActionResult> {
  // Nothing is written unless the click changes a reminder: a click on a reminder that is gone, in a
  // workspace never seen, or one that changes nothing leaves the database file as it was. The click is
  // first decided on the stored (frozen) data, so a click that changes nothing costs a look-up, not a
  // draft of every reminder.
  const stored = await store.read(ws);
  const at = stored.reminders.findIndex((r) => r.id === reminderId);
  const preview = decide(stored.reminders, at, stored.contracts, actionId, userId, now, () => "");
  if (!preview.outcome.ok) return preview;
  try {
    return await store.update(ws, (draft) => {
      // The same place unless a write in between moved it.
      const i =
        draft.reminders[at]?.id === reminderId ? at : draft.reminders.findIndex((r) => r.id === reminderId);
      const result = decide(draft.reminders, i, draft.contracts, actionId, userId, now, randomUUID);
      const { outcome } = result;
      if (!outcome.ok) throw new NoChange(result);
      draft.reminders[i] = outcome.reminder;
      if (outcome.created) draft.reminders.push(outcome.created);
      return result;
    });
  } catch (err) {
    if (err instanceof NoChange) return err.result;
    throw err;
  }
}

/** What a click on the reminder at index `i` does (pure: the caller applies it). */
function decide(
  reminders: readonly Reminder[],
  i: number,
  contracts: readonly Contract[],
  actionId: string,
  userId: string,
  now: Date,
  newId: () => string,
): ReminderActionResult {
  const r = i >= 0 ? reminders[i] : undefined;
  if (!r) return { outcome: { ok: false, reason: "not-found" } };
  const contract = contracts.find((c) => c.id === r.contractId);
  const days = Object.hasOwn(SNOOZE_DAYS, actionId) ? SNOOZE_DAYS[actionId] : undefined;
  const outcome: ButtonOutcome =
    actionId === REMINDER_ACTIONS.reviewed
      ? markReviewed(r, userId, now)
      : days !== undefined
        ? snooze(r, userId, now, days, newId())
        : { ok: false, reason: "not-found" };
  const current = outcome.ok ? outcome.reminder : r;
  const next = outcome.ok
    ? outcome.created
    : current.snoozedTo
      ? reminders.find((x) => x.id === current.snoozedTo)
      : undefined;
  return { outcome, ...(contract ? { contract } : {}), ...(next ? { next } : {}) };
}

/** Thrown out of a store update to leave the file untouched (the store writes only on success). */
class NoChange extends Error {
  constructor(readonly result: ReminderActionResult) {
    super("nothing to change");
  }
}
