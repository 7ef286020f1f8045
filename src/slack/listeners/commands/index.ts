import type { App } from "@slack/bolt";
import { dispatch } from "../../../commands/dispatch.ts";
import { COMMANDS } from "../../../commands/registry.ts";
import { type CommandSpec, slashName } from "../../../commands/types.ts";
import { isUserInputError } from "../../../core/errors.ts";
import { renderInputError, renderInternalError } from "../../../render/error.ts";
import { truncate } from "../../../render/limits.ts";
import { ACK_BUDGET_MS, TIMED_OUT, within } from "../../ack-budget.ts";
import { slackContext, workspaceOf } from "../../context.ts";
import type { ListenerDeps } from "../../deps.ts";
import { buildModal } from "../../forms.ts";
import { slackReply } from "../../reply.ts";

/**
 * One listener for every slash command (Bolt runs each registered listener's matchers on every
 * request, so one listener instead of six is cheaper for all of them): open the form for empty text,
 * else parse, run and render.
 */
export function registerCommands(app: App, deps: ListenerDeps): void {
  const specs = new Map<string, CommandSpec>(COMMANDS.map((spec) => [slashName(spec), spec]));
  const names = [...specs.keys()].map((n) => n.replace(/[^a-z0-9]/gi, (c) => `\\${c}`));
  app.command(new RegExp(`^(?:${names.join("|")})$`), async (args) => {
    const spec = specs.get(args.command.command);
    if (spec) await runCommand(deps, spec, args);
  });
}

type CommandArgs = Parameters<Parameters<App["command"]>[1]>[0];

async function runCommand(
  deps: ListenerDeps,
  spec: CommandSpec,
  { command, ack, client, respond, body }: CommandArgs,
): Promise<void> {
  const ws = workspaceOf(body);
  if (!ws) {
    await ack({
      response_type: "ephemeral",
      text: "This request did not say which workspace it came from.",
    });
    return;
  }
  const ctx = slackContext(deps, client, ws, command.user_id, command.channel_id);
  const text = command.text ?? "";

  if (spec.form) {
    try {
      const form = await spec.form(text.trim(), ctx);
      if (form) {
        // The trigger_id is single-use and expires in 3 s: open the modal before anything slow.
        const opened = await client.views
          .open({
            trigger_id: command.trigger_id,
            view: buildModal(form, { c: spec.name, ch: command.channel_id, p: form.prefix }),
          })
          .then(
            () => true,
            (err: unknown) => {
              deps.logger.warn(`${slashName(spec)}: the form could not be opened`, err);
              return false;
            },
          );
        if (opened) await ack();
        else
          await ack({
            response_type: "ephemeral",
            text: `The form could not be opened in time. Type ${slashName(spec)} again, or give the values as text, e.g. \`${slashName(spec)} ${spec.examples[0] ?? "help"}\`.`,
          });
        return;
      }
    } catch (err) {
      const reply = isUserInputError(err) ? renderInputError(err, slashName(spec)) : renderInternalError();
      if (!isUserInputError(err)) deps.logger.error(`${slashName(spec)} form failed`, err);
      await ack({ response_type: "ephemeral", text: reply.text, blocks: reply.blocks });
      return;
    }
  }

  const running = dispatch(spec.name, text, ctx, deps.logger);
  const first = await within(running, ACK_BUDGET_MS);
  if (first === TIMED_OUT) await ack({ response_type: "ephemeral", text: "Working on it…" });
  const out = first === TIMED_OUT ? await running : first;
  const shown = slackReply(out, {
    client,
    userId: command.user_id,
    command: spec.name,
    text,
    ws,
    now: deps.now().getTime(),
  });
  const payload = {
    response_type: out.reply.visibility,
    text: truncate(out.reply.text, 3000),
    blocks: shown.blocks,
  };
  if (first === TIMED_OUT) await respond({ ...payload, replace_original: true });
  else await ack(payload);
  if (out.ok && spec.name === "estimate" && text.trim())
    deps.lastEstimates?.note(ws, {
      at: deps.now().toISOString(),
      text: text.trim(),
      summary: out.reply.text,
    });
  await shown.deliver(deps.logger);
}
