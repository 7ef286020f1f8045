import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { dispatch } from "../../../commands/dispatch.ts";
import { findCommand } from "../../../commands/registry.ts";
import type { Reply } from "../../../commands/types.ts";
import {
  ACTION_FORM,
  ACTION_RUN,
  ACTION_SHARE,
  decodeCommandValue,
  decodeShareValue,
} from "../../../render/buttons.ts";
import { truncate } from "../../../render/limits.ts";
import { slackContext, workspaceOf } from "../../context.ts";
import type { ListenerDeps } from "../../deps.ts";
import { buildModal } from "../../forms.ts";
import { refreshHome } from "../../home.ts";
import { sharedBlocks, slackReply } from "../../reply.ts";
import { sharedReplies } from "../../shared-replies.ts";
import { REMINDER_ACTION_PATTERN, registerReminderActions } from "./reminders.ts";

const prefixed = (base: string) => new RegExp(`^${base}(:|$)`);

/** The action_ids the listeners below handle (the fallback middleware answers any other). */
export const ACTION_PATTERNS = {
  run: prefixed(ACTION_RUN),
  share: prefixed(ACTION_SHARE),
  form: prefixed(ACTION_FORM),
  reminder: REMINDER_ACTION_PATTERN,
} as const;

/** The command line a button carries, with the clicking user's context; undefined when malformed. */
function commandOf(
  deps: ListenerDeps,
  body: BlockAction<ButtonAction>,
  action: ButtonAction,
  client: Parameters<Parameters<App["action"]>[1]>[0]["client"],
) {
  const cmd = decodeCommandValue(action.value);
  const ws = workspaceOf(body);
  if (!cmd || !ws) return undefined;
  const channel = body.channel?.id ?? body.container?.channel_id;
  const fromHome = body.view?.type === "home";
  return { cmd, ws, channel, fromHome, ctx: slackContext(deps, client, ws, body.user.id, channel) };
}

const BROKEN_BUTTON =
  "This button no longer works (it may come from an older version of the app). Please type the command instead.";

/** The generic buttons of src/render/buttons.ts: run a command line, share a reply, open a form. */
export function registerActions(app: App, deps: ListenerDeps): void {
  registerReminderActions(app, deps);
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: ACTION_PATTERNS.run },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicked = commandOf(deps, body, action, client);
      if (!clicked) {
        await tellClicker(body, client, respond, BROKEN_BUTTON);
        return;
      }
      const { cmd, ctx, ws, fromHome } = clicked;
      const out = await dispatch(cmd.c, cmd.t, ctx, deps.logger);
      const shown = slackReply(out, {
        client,
        userId: body.user.id,
        command: cmd.c,
        text: cmd.t,
        ws,
        now: deps.now().getTime(),
      });
      const { blocks } = shown;
      if (body.response_url) {
        // Replace only the clicker's own ephemeral reply: replacing a message shared in the channel
        // would show this person's answer to everyone in place of what was shared.
        await respond({
          replace_original: body.container?.is_ephemeral === true,
          response_type: "ephemeral",
          text: truncate(out.reply.text, 3000),
          blocks,
        });
      } else {
        // From the App Home there is no message to replace: answer in the user's DM with the app.
        await client.chat.postMessage({
          channel: body.user.id,
          text: truncate(out.reply.text, 3000),
          blocks,
        });
      }
      await shown.deliver(deps.logger);
      // A click on the App Home may change what it shows (e.g. a profile saved): show it at once.
      if (out.ok && fromHome) await refreshHome(deps, client, ws, body.user.id);
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: ACTION_PATTERNS.share },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicked = commandOf(deps, body, action, client);
      if (!clicked) {
        await tellClicker(body, client, respond, BROKEN_BUTTON);
        return;
      }
      const { cmd, channel, ctx, ws } = clicked;
      const line = `/cc-${cmd.c}${cmd.t ? ` ${cmd.t}` : ""}`;
      const replyId = decodeShareValue(action.value)?.r;
      let reply: Reply;
      if (replyId) {
        const kept = await sharedReplies.find(replyId, ws);
        if (!kept) {
          await tellClicker(
            body,
            client,
            respond,
            `That answer is too old to share now: run \`${line}\` again and share the new one.`,
          );
          return;
        }
        reply = kept;
      } else {
        // A button that carries only the command line: run it again to share its answer.
        const out = await dispatch(cmd.c, cmd.t, ctx, deps.logger);
        if (!out.ok) {
          await tellClicker(body, client, respond, out.reply.text);
          return;
        }
        reply = out.reply;
      }
      const message = { text: truncate(reply.text, 3000), blocks: sharedBlocks(reply, body.user.id) };
      if (body.response_url)
        await respond({ ...message, response_type: "in_channel", replace_original: false });
      else if (channel) await client.chat.postMessage({ channel, ...message });
      else
        await tellClicker(
          body,
          client,
          respond,
          `There is no channel to share this in from here: run \`${line}\` in a channel and share it from there.`,
        );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: ACTION_PATTERNS.form },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicked = commandOf(deps, body, action, client);
      const spec = clicked && findCommand(clicked.cmd.c);
      if (!clicked || !spec) {
        await tellClicker(body, client, respond, BROKEN_BUTTON);
        return;
      }
      const { cmd, channel, ctx, fromHome } = clicked;
      const form = await spec.form?.(cmd.t, ctx).catch((err: unknown) => {
        // The dispatch below says what is wrong with the text when it is the user's input.
        deps.logger.debug("no form for a button", err);
        return undefined;
      });
      if (form) {
        const opened = await client.views
          .open({
            trigger_id: body.trigger_id,
            view: buildModal(form, {
              c: spec.name,
              ch: channel,
              p: form.prefix,
              ...(fromHome ? { h: 1 } : {}),
            }),
          })
          .then(
            () => true,
            (err: unknown) => {
              deps.logger.warn("a form could not be opened", err);
              return false;
            },
          );
        if (!opened)
          await tellClicker(
            body,
            client,
            respond,
            `The form could not be opened in time. Please click again, or type \`/cc-${spec.name}\`.`,
          );
        return;
      }
      // No form for this text (e.g. the vendor to edit was removed): say why, as the command would.
      const out = await dispatch(cmd.c, cmd.t, ctx, deps.logger);
      const shown = slackReply(out, {
        client,
        userId: body.user.id,
        command: cmd.c,
        text: cmd.t,
        ws: clicked.ws,
        now: deps.now().getTime(),
      });
      const message = { text: truncate(out.reply.text, 3000), blocks: shown.blocks };
      if (body.response_url)
        await respond({ replace_original: false, response_type: "ephemeral", ...message });
      else await client.chat.postMessage({ channel: body.user.id, ...message });
      await shown.deliver(deps.logger);
    },
  );
}

type Client = Parameters<Parameters<App["action"]>[1]>[0]["client"];
type Respond = Parameters<Parameters<App["action"]>[1]>[0]["respond"];

/** A short note to the person who clicked: beside the message, or in their DM from the App Home. */
async function tellClicker(body: BlockAction, client: Client, respond: Respond, text: string): Promise<void> {
  if (body.response_url) await respond({ replace_original: false, response_type: "ephemeral", text });
  else await client.chat.postMessage({ channel: body.user.id, text });
}
