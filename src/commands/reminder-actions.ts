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
  // workspace never seen, or one that changes nothing leaves the database file as it was.
  try {
    return await store.update(ws, (draft) => {
      const i = draft.reminders.findIndex((r) => r.id === reminderId);
      const r = draft.reminders[i];
      if (!r) throw new NoChange({ outcome: { ok: false, reason: "not-found" } });
      const contract = draft.contracts.find((c) => c.id === r.contractId);
      const days = Object.hasOwn(SNOOZE_DAYS, actionId) ? SNOOZE_DAYS[actionId] : undefined;
      const outcome =
        actionId === REMINDER_ACTIONS.reviewed
          ? markReviewed(r, userId, now)
          : days !== undefined
            ? snooze(r, userId, now, days, randomUUID())
            : ({ ok: false, reason: "not-found" } as const);
      if (outcome.ok) {
        draft.reminders[i] = outcome.reminder;
        if (outcome.created) draft.reminders.push(outcome.created);
      }
      const current = outcome.ok ? outcome.reminder : r;
      const next = outcome.ok ? outcome.created : draft.reminders.find((x) => x.id === current.snoozedTo);
      const result = { outcome, ...(contract ? { contract } : {}), ...(next ? { next } : {}) };
      if (!outcome.ok) throw new NoChange(result);
      return result;
    });
  } catch (err) {
    if (err instanceof NoChange) return err.result;
    throw err;
  }
}

/** Thrown out of a store update to leave the file untouched (the store writes only on success). */
class NoChange extends Error {
  constructor(readonly result: ReminderActionResult) {
    super("nothing to change");
  }
}
