import type { KnownBlock } from "@slack/types";
import type { WorkspaceKey } from "../core/workspace.ts";
import type { Store } from "../store/store.ts";

/** A file that goes with a reply: uploaded with files.uploadV2 in Slack, written to disk locally. */
export interface ReplyFile {
  filename: string;
  title: string;
  content: string | Buffer;
  /**
   * Sent with every reading of its reply (not asked for): in Slack, not sent to the same person again
   * while unchanged, for a day.
   */
  onceUnchanged?: boolean;
}

/**
 * What a command shows. Built once by the command's renderer as Block Kit; the console and the CLI
 * turn the same blocks into text (src/render/text.ts), so every front end shows the same reply.
 */
export interface Reply {
  /** Plain-text summary: the notification text in Slack. */
  text: string;
  blocks: KnownBlock[];
  /** Slash-command replies are ephemeral unless the user shares them. */
  visibility: "ephemeral" | "in_channel";
  files?: ReplyFile[];
  /** Not to be shared in the channel (e.g. a confirmation with a Remove button). */
  private?: boolean;
}

export interface CommandContext {
  workspace: WorkspaceKey;
  userId: string;
  channelId?: string | undefined;
  /** Where the command came from; the core never depends on it, renderers may (e.g. hide buttons). */
  surface: "slack" | "console" | "cli";
  /** The database, opened on first use so commands that need none (estimates) never touch it. */
  store(): Promise<Store>;
  now(): Date;
  /** The IANA time zone of the user who typed the command. */
  userTimeZone(): Promise<string>;
  /** The BCP 47 locale of that user ("en-US", "ro-RO"): how they write numbers such as 12.000. */
  userLocale(): Promise<string>;
  /**
   * The user's locale as a BCP 47 tag ("en-US", "ro-RO"): Slack's `locale` of the user, or the CLI's
   * `--locale` and LANG/LC_ALL locally. "und" when it cannot be told, so nothing is read by a guess.
   */
  userLocale(): Promise<string>;
  /**
   * Find a channel by id or by name: the channel, `null` when it surely does not exist, `undefined`
   * when it cannot be told (no permission, Slack unreachable). Absent where there is nothing to ask.
   */
  lookupChannel?(
    ref: { id: string } | { name: string },
  ): Promise<{ id: string; name?: string } | null | undefined>;
}

/** The outcome of one command: `result` is what `--json` prints, `reply` what people see. */
export interface CommandRun<R = unknown> {
  result: R;
  reply: Reply;
}

export interface CommandSpec extends FormCapable {
  /** "estimate" is `/cc-estimate` in Slack and `estimate` in the CLI. */
  name: string;
  /** One line for help and the manifest. */
  summary: string;
  /** The manifest's usage hint. */
  usageHint: string;
  examples: string[];
  /**
   * Text longer than the limit is cut to it instead of refused: for free-text questions, where the
   * point is in the first part and an error would be unhelpful.
   */
  truncatesLongText?: boolean;
  /** The command checks the length itself (to say what it understood of an over-long text). */
  checksOwnLength?: boolean;
  /**
   * Run the command on the text typed after it. Throws UserInputError for bad input, whose message
   * is shown to the user with an example.
   */
  run(text: string, ctx: CommandContext): Promise<CommandRun>;
}

export const slashName = (spec: Pick<CommandSpec, "name">): string => `/cc-${spec.name}`;

/**
 * A form for a command, declared as data: Slack renders it as a modal (typed inputs, inline errors),
 * and a submission is turned back into the command's own key=value text, so one parser serves both.
 */
export interface FormField {
  /** The key in the command's key=value syntax. */
  key: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** `channel` is a conversation picker that starts at the channel the command was typed in. */
  kind: "text" | "textarea" | "number" | "select" | "multiselect" | "date" | "checkbox" | "channel";
  options?: Array<{ value: string; label: string }>;
  /** Initial value (for multiselect and checkbox, the selected option values). */
  initial?: string | string[];
  placeholder?: string;
  /** For number inputs. */
  decimal?: boolean;
  min?: number;
  max?: number;
}

export interface FormSpec {
  /** At most 24 characters. */
  title: string;
  submit: string;
  /** Words put before the pairs when the form is submitted, e.g. "add" for `/cc-vendor add ...`. */
  prefix?: string;
  intro?: string;
  fields: FormField[];
}

export interface FormCapable {
  /**
   * The form to open for this text (empty text, or e.g. `edit Acme`), or undefined when the text
   * should simply be run. Must be fast: Slack's trigger_id expires in 3 seconds.
   */
  form?(text: string, ctx: CommandContext): Promise<FormSpec | undefined>;
}
