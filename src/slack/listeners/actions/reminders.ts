import { randomUUID } from "node:crypto";
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { Contract, Reminder } from "../../../core/contracts/contract.ts";
import { type ButtonOutcome, markReviewed, snooze } from "../../../core/contracts/lifecycle.ts";
import type { WorkspaceKey } from "../../../core/workspace.ts";
import { REMINDER_ACTIONS, renderReminderDone } from "../../../render/contract.ts";
import type { Store } from "../../../store/store.ts";
import { workspaceOf } from "../../context.ts";
import type { ListenerDeps } from "../../deps.ts";

export type ReminderActionId = (typeof REMINDER_ACTIONS)[keyof typeof REMINDER_ACTIONS];

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
  return store.update(ws, (draft) => {
    const i = draft.reminders.findIndex((r) => r.id === reminderId);
    const r = draft.reminders[i];
    if (!r) return { outcome: { ok: false, reason: "not-found" } } satisfies ReminderActionResult;
    const contract = draft.contracts.find((c) => c.id === r.contractId);
    const days = SNOOZE_DAYS[actionId];
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
    return { outcome, ...(contract ? { contract } : {}), ...(next ? { next } : {}) };
  });
}

/** The buttons on posted reminders: "Mark reviewed", "Snooze 1 day", "Snooze 1 week". */
export function registerReminderActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: /^reminder_/ },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const ws = workspaceOf(body);
      const reminderId = action.value;
      if (!ws || !reminderId) return;
      const result = await applyReminderAction(
        deps.store,
        ws,
        action.action_id,
        reminderId,
        body.user.id,
        deps.now(),
      );
      const { outcome, contract } = result;
      const tell = (text: string) =>
        body.response_url
          ? respond({ response_type: "ephemeral", replace_original: false, text })
          : Promise.resolve();
      if (!outcome.ok && outcome.reason === "not-found") {
        await tell("I can't find this reminder any more: its contract may have been removed.");
        return;
      }
      const reminder = outcome.reminder;
      const channel = body.channel?.id ?? body.container?.channel_id;
      const ts = body.message?.ts ?? body.container?.message_ts;
      if (reminder && contract && channel && ts) {
        const message = renderReminderDone(reminder, contract, result.next);
        try {
          await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
        } catch (err) {
          deps.logger.warn("could not update the reminder message", err);
        }
      }
      if (!outcome.ok && reminder) {
        const who = reminder.doneBy ? ` by <@${reminder.doneBy}>` : "";
        await tell(
          reminder.state === "reviewed"
            ? `This reminder was already marked reviewed${who}.`
            : reminder.state === "snoozed"
              ? `This reminder was already snoozed${who}.`
              : "This reminder can't be changed any more.",
        );
      }
    },
  );
}
