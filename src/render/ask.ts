import type { Button, KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import type { KnowledgeEntry } from "../core/knowledge/entry.ts";
import { actions, context, divider, fitMessage, header, section } from "./blocks.ts";
import { commandButton } from "./buttons.ts";

/** A command as help lists it. */
export interface CommandLine {
  slash: string;
  summary: string;
}

/** A command that takes a routed question further: `/cc-estimate contacts=12000 talk=6m`. */
export interface CommandTarget {
  name: string;
  slash: string;
  args: string;
}

export type AskView =
  | { kind: "answer"; entry: KnowledgeEntry; related: KnowledgeEntry[]; notes: string[] }
  | { kind: "weak"; closest: KnowledgeEntry[]; notes: string[] }
  | {
      kind: "help";
      commands: CommandLine[];
      groups: Array<{ label: string; topics: KnowledgeEntry[] }>;
      starters: KnowledgeEntry[];
      notes: string[];
    }
  /** A question with numbers, answered by running a calculator command. */
  | { kind: "routed"; target: CommandTarget; reply: Reply; related: KnowledgeEntry[]; notes: string[] }
  /** The calculator could not work with what the question gave. */
  | {
      kind: "fallback";
      target: CommandTarget;
      problem: string;
      example?: string;
      entry: KnowledgeEntry;
      related: KnowledgeEntry[];
      notes: string[];
    }
  /** A question for another command (advice, vendors, contracts): say what it does and how to run it. */
  | {
      kind: "pointer";
      entry: KnowledgeEntry;
      slash: string;
      summary?: string;
      example?: string;
      related: KnowledgeEntry[];
      notes: string[];
    };

const present = <T>(v: T | undefined): v is T => v !== undefined;

const slashOf = (name: string): string => `/cc-${name}`;
const commandLine = (name: string, text: string): string => `${slashOf(name)} ${text}`.trim();

/** Buttons that show related topics; clicking one runs `/cc-ask topic:<id>`. */
const topicButtons = (entries: KnowledgeEntry[]): Button[] =>
  entries.map((e) => commandButton(e.title, "ask", `topic:${e.id}`)).filter(present);

const noteBlocks = (notes: string[]): KnownBlock[] => (notes.length > 0 ? [context(...notes)] : []);

const entryCommandButton = (entry: KnowledgeEntry): Button | undefined =>
  entry.command
    ? commandButton(entry.command.label, entry.command.name, entry.command.text, "primary")
    : undefined;

const goFurther = (entry: KnowledgeEntry): KnownBlock[] =>
  entry.command
    ? [
        context(
          `Go further: \`${commandLine(entry.command.name, entry.command.text)}\` (change the numbers to yours)`,
        ),
      ]
    : [];

function answerBlocks(entry: KnowledgeEntry, related: KnowledgeEntry[]): KnownBlock[] {
  const blocks: KnownBlock[] = [section(`*${entry.title}*\n${entry.answer}`)];
  if (entry.command?.text === "") blocks.push(context(`Go further: \`${slashOf(entry.command.name)}\``));
  else blocks.push(...goFurther(entry));
  const buttons = [...topicButtons(related), entryCommandButton(entry)].filter(present);
  if (related.length > 0) blocks.push(context("Related topics:"));
  if (buttons.length > 0) blocks.push(actions(buttons));
  return blocks;
}

export function renderAsk(view: AskView): Reply {
  const reply = (text: string, blocks: KnownBlock[]): Reply => ({
    text,
    blocks: fitMessage(blocks),
    visibility: "ephemeral",
  });
  switch (view.kind) {
    case "answer":
      return reply(`${view.entry.title}: ${view.entry.answer}`, [
        ...noteBlocks(view.notes),
        ...answerBlocks(view.entry, view.related),
      ]);

    case "weak": {
      const blocks: KnownBlock[] = [
        ...noteBlocks(view.notes),
        section(
          view.closest.length > 0
            ? ":thinking_face: I don't have a good answer to that, and I'd rather not guess. These are the closest topics I know:"
            : ":thinking_face: I don't have a good answer to that, and I'd rather not guess.",
        ),
      ];
      if (view.closest.length > 0) {
        blocks.push(actions(topicButtons(view.closest)));
      }
      blocks.push(
        context(
          "Try other words (for example `/cc-ask per second or per minute billing?`), or `/cc-ask help` for every topic.",
        ),
      );
      const list = view.closest.map((e) => e.title).join("; ");
      return reply(`I don't have a good answer to that.${list ? ` Closest topics: ${list}.` : ""}`, blocks);
    }

    case "help": {
      const blocks: KnownBlock[] = [
        ...noteBlocks(view.notes),
        header("Ask me about outsourcing customer service"),
        section(
          "Ask in plain words with `/cc-ask`, by mentioning me, or in a direct message. For example:\n" +
            "• `/cc-ask dedicated or shared agents?`\n" +
            "• `/cc-ask what would 12k calls a month at 6 minutes cost?`\n" +
            "• `/cc-ask how many agents for 80/20 with 300 calls an hour, 4 min calls?`",
        ),
        section(
          `*Commands*\n${view.commands.map((c) => `• \`${c.slash}\`${c.summary ? `: ${c.summary}` : ""}`).join("\n")}`,
        ),
        divider(),
        section("*Topics I can answer*"),
        ...view.groups.map((g) => section(`*${g.label}*: ${g.topics.map((t) => t.title).join(" · ")}`)),
      ];
      if (view.starters.length > 0) blocks.push(actions(topicButtons(view.starters)));
      return reply(
        `Ask a question in plain words, or use a command: ${view.commands.map((c) => c.slash).join(", ")}.`,
        blocks,
      );
    }

    case "routed": {
      const line = commandLine(view.target.name, view.target.args);
      const blocks: KnownBlock[] = [
        ...noteBlocks(view.notes),
        context(`I read your question as \`${line}\`; here is what it gives:`),
        ...view.reply.blocks,
      ];
      if (view.related.length > 0) {
        blocks.push(context("Related topics:"));
        blocks.push(actions(topicButtons(view.related)));
      }
      return reply(`${line}: ${view.reply.text}`, blocks);
    }

    case "fallback": {
      const line = commandLine(view.target.name, view.target.args);
      const example = commandLine(view.target.name, view.example ?? view.entry.command?.text ?? "");
      const blocks: KnownBlock[] = [
        ...noteBlocks(view.notes),
        section(
          `:abacus: That sounds like a job for \`${view.target.slash}\`, but I couldn't run it with what you gave` +
            `${view.target.args ? ` (I read \`${line}\`)` : ""}:\n> ${view.problem}`,
        ),
        context(`Try for example: \`${example}\``),
        ...answerBlocks(view.entry, view.related),
      ];
      return reply(`${view.problem} Try for example: ${example}`, blocks);
    }

    case "pointer": {
      const blocks: KnownBlock[] = [
        ...noteBlocks(view.notes),
        section(`*${view.entry.title}*\n${view.entry.answer}`),
        context(
          [
            `Run \`${view.slash}\`${view.summary ? ` (${view.summary.replace(/\.$/, "")})` : ""}.`,
            view.example ? ` For example: \`${view.slash} ${view.example}\`` : "",
          ].join(""),
        ),
      ];
      const buttons = [entryCommandButton(view.entry), ...topicButtons(view.related)].filter(present);
      if (view.related.length > 0) blocks.push(context("Related topics:"));
      if (buttons.length > 0) blocks.push(actions(buttons));
      return reply(`${view.entry.title}: run ${view.slash}. ${view.entry.answer}`, blocks);
    }
  }
}
