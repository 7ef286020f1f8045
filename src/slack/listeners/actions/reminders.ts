import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { applyReminderAction } from "../../../commands/reminder-actions.ts";
import { renderReminderDone } from "../../../render/contract.ts";
import { workspaceOf } from "../../context.ts";
import type { ListenerDeps } from "../../deps.ts";
import { UNREADABLE_BUTTON } from "../../envelope.ts";

export const REMINDER_ACTION_PATTERN = /^reminder_/;

/** The buttons on posted reminders: "Mark reviewed", "Snooze 1 day", "Snooze 1 week". */
export function registerReminderActions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: REMINDER_ACTION_PATTERN },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const ws = workspaceOf(body);
      const reminderId = action.value;
      if (!ws || typeof reminderId !== "string" || !reminderId) {
        deps.logger.warn("a reminder button without a reminder id or workspace");
        if (body.response_url)
          await respond({ response_type: "ephemeral", replace_original: false, text: UNREADABLE_BUTTON });
        return;
      }
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
