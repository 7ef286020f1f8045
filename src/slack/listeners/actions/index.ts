import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { dispatch } from "../../../commands/dispatch.ts";
import { findCommand } from "../../../commands/registry.ts";
import { ACTION_FORM, ACTION_RUN, ACTION_SHARE, decodeCommandValue } from "../../../render/buttons.ts";
import { truncate } from "../../../render/limits.ts";
import { slackContext, workspaceOf } from "../../context.ts";
import type { ListenerDeps } from "../../deps.ts";
import { buildModal } from "../../forms.ts";
import { deliverFiles, sharedBlocks, slackBlocks } from "../../reply.ts";
import { registerReminderActions } from "./reminders.ts";

const prefixed = (base: string) => new RegExp(`^${base}(:|$)`);

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
  return { cmd, ws, channel, ctx: slackContext(deps, client, ws, body.user.id, channel) };
}

/** The generic buttons of src/render/buttons.ts: run a command line, share a reply, open a form. */
export function registerActions(app: App, deps: ListenerDeps): void {
  registerReminderActions(app, deps);
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: prefixed(ACTION_RUN) },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicked = commandOf(deps, body, action, client);
      if (!clicked) return;
      const { cmd, ctx } = clicked;
      const out = await dispatch(cmd.c, cmd.t, ctx, deps.logger);
      const blocks = out.ok ? slackBlocks(out.reply, cmd.c, cmd.t) : out.reply.blocks;
      if (body.response_url) {
        await respond({
          replace_original: true,
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
      if (out.ok && out.reply.files?.length) await deliverFiles(client, body.user.id, out.reply, deps.logger);
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: prefixed(ACTION_SHARE) },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicked = commandOf(deps, body, action, client);
      if (!clicked) return;
      const { cmd, channel, ctx } = clicked;
      const out = await dispatch(cmd.c, cmd.t, ctx, deps.logger);
      if (!out.ok) {
        if (body.response_url)
          await respond({ replace_original: false, response_type: "ephemeral", text: out.reply.text });
        return;
      }
      const message = { text: truncate(out.reply.text, 3000), blocks: sharedBlocks(out.reply, body.user.id) };
      if (body.response_url)
        await respond({ ...message, response_type: "in_channel", replace_original: false });
      else if (channel) await client.chat.postMessage({ channel, ...message });
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: prefixed(ACTION_FORM) },
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const clicked = commandOf(deps, body, action, client);
      const spec = clicked && findCommand(clicked.cmd.c);
      if (!clicked || !spec) return;
      const { cmd, channel, ctx } = clicked;
      const form = await spec.form?.(cmd.t, ctx).catch(() => undefined);
      if (form) {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: buildModal(form, { c: spec.name, ch: channel, p: form.prefix }),
        });
        return;
      }
      const out = await dispatch(cmd.c, cmd.t, ctx, deps.logger);
      if (body.response_url)
        await respond({
          replace_original: false,
          response_type: "ephemeral",
          text: out.reply.text,
          blocks: out.reply.blocks,
        });
    },
  );
}
