import type { App } from "@slack/bolt";
import { dispatch } from "../../../commands/dispatch.ts";
import { truncate } from "../../../render/limits.ts";
import { ACK_BUDGET_MS, TIMED_OUT, within } from "../../ack-budget.ts";
import { slackContext, workspaceOf } from "../../context.ts";
import type { ListenerDeps } from "../../deps.ts";
import { unreadableFormView } from "../../envelope.ts";
import { blockForError, FORM_CALLBACK_ID, parseFormMetadata, readSubmission } from "../../forms.ts";
import { refreshHome } from "../../home.ts";
import { slackReply } from "../../reply.ts";

/** Submissions of command forms: the values become the command's key=value text and run as typed. */
export function registerViews(app: App, deps: ListenerDeps): void {
  app.view(FORM_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const meta = parseFormMetadata(view.private_metadata);
    const ws = workspaceOf(body);
    if (!meta || !ws) {
      await ack({
        response_action: "errors",
        errors: { _: "This form has expired; please run the command again." },
      });
      return;
    }
    const text = readSubmission(view, meta.p);
    if (text === undefined) {
      deps.logger.warn(`a ${meta.c.slice(0, 40)} form submission with values of an unexpected shape`);
      await ack({ response_action: "update", view: unreadableFormView });
      return;
    }
    const ctx = slackContext(deps, client, ws, body.user.id, meta.ch);
    // Slack closes a submission after 3 s: past the budget, acknowledge first and reply by message.
    const running = dispatch(meta.c, text, ctx, deps.logger);
    const first = await within(running, ACK_BUDGET_MS);
    if (first === TIMED_OUT) await ack();
    const out = first === TIMED_OUT ? await running : first;
    if (first !== TIMED_OUT && !out.ok && out.kind === "input") {
      // Show the error on the input at fault, or on the first input when no single field is to blame.
      const ids = (Array.isArray(view.blocks) ? view.blocks : [])
        .map((b) => (b as { block_id?: unknown }).block_id)
        .filter((id): id is string => typeof id === "string" && id.startsWith("f:"));
      const target = blockForError(out.error.field, ids);
      if (target) {
        await ack({ response_action: "errors", errors: { [target]: truncate(out.error.message, 300) } });
        return;
      }
    }
    if (first !== TIMED_OUT) await ack();
    const shown = slackReply(out, {
      client,
      userId: body.user.id,
      command: meta.c,
      text,
      ws,
      now: deps.now().getTime(),
    });
    const message = { text: truncate(out.reply.text, 3000), blocks: shown.blocks };
    try {
      if (!meta.ch) throw new Error("no channel");
      await client.chat.postEphemeral({ channel: meta.ch, user: body.user.id, ...message });
    } catch {
      // Not in that channel (or none): the reply goes to the user's DM with the app instead.
      await client.chat.postMessage({ channel: body.user.id, ...message });
    }
    // The form is how most people estimate in Slack: the App Home shows the latest one.
    if (out.ok && meta.c === "estimate" && text.trim())
      deps.lastEstimates?.note(ws, {
        at: deps.now().toISOString(),
        text: text.trim(),
        summary: out.reply.text,
      });
    await shown.deliver(deps.logger);
    if (out.ok && meta.h) {
      await deps.lastEstimates?.flush();
      await refreshHome(deps, client, ws, body.user.id);
    }
  });
}
