import { isUserInputError } from "../core/errors.ts";
import { type AskAnswer, type KnowledgeBase, knowledgeBase } from "../core/knowledge/answer.ts";
import type { CleanQuestion } from "../core/knowledge/clean.ts";
import { ENTRY_GROUPS, type EntryGroup, type KnowledgeEntry } from "../core/knowledge/entry.ts";
import { suggestArgs } from "../core/knowledge/extract.ts";
import type { Intent } from "../core/knowledge/intent.ts";
import { type AskView, renderAsk } from "../render/ask.ts";
import { ASK_META } from "./catalog.ts";
import type { CommandContext, CommandRun, CommandSpec } from "./types.ts";
import { slashName } from "./types.ts";

/** What `ask --json` prints. */
export interface AskResult {
  intent: Intent;
  answer: { id: string; title: string; text: string } | null;
  related: string[];
  confidence: number;
}

/** Where the other commands come from: the registry, loaded on first use (it imports this module). */
export interface AskDeps {
  commands(): Promise<readonly CommandSpec[]>;
  knowledge(): KnowledgeBase;
}

const defaultDeps: AskDeps = {
  // A static import would be a cycle (the registry lists this command): whichever module loads first
  // would see the other half-initialised. Loading it when a question arrives sidesteps that.
  commands: async () => (await import("./registry.ts")).COMMANDS,
  knowledge: knowledgeBase,
};

const GROUP_LABELS: Record<EntryGroup, string> = {
  criteria: "What to check in a provider",
  steps: "Steps to choose",
  pricing: "Pricing",
  staffing: "Staffing terms",
  outsourcing: "Outsourcing",
  commands: "Your team's data",
};

const STARTERS = ["criteria-overview", "selection-steps", "pricing-models", "readiness"];

const notesFor = (q: CleanQuestion): string[] => {
  const notes: string[] = [];
  if (q.onlyEmoji) notes.push("I only saw emoji there, so here is what I can help with.");
  if (q.droppedCode) notes.push("I skipped the code block: ask in plain words (numbers are fine).");
  if (q.truncated) notes.push("That was a long message, so I read only its beginning.");
  return notes;
};

const asResult = (a: AskAnswer, text?: string): AskResult => ({
  intent: a.intent,
  answer: a.entry ? { id: a.entry.id, title: a.entry.title, text: text ?? a.entry.answer } : null,
  related: a.related.map((e) => e.id),
  confidence: a.confidence,
});

export function makeAskCommand(deps: AskDeps = defaultDeps): CommandSpec {
  return {
    ...ASK_META,
    async run(text: string, ctx: CommandContext): Promise<CommandRun<AskResult>> {
      const kb = deps.knowledge();
      const a = kb.answer(text);
      const notes = notesFor(a.question);
      const entry = a.entry;

      if (a.intent === "help" || (!entry && a.intent !== "unknown")) {
        const commands = await deps.commands();
        const groups = ENTRY_GROUPS.map((g) => ({
          label: GROUP_LABELS[g],
          topics: kb.entries.filter((e) => e.group === g),
        })).filter((g) => g.topics.length > 0);
        const starters = STARTERS.map((id) => kb.index.get(id)).filter(
          (e): e is KnowledgeEntry => e !== undefined,
        );
        const view: AskView = {
          kind: "help",
          commands: commands.map((c) => ({
            slash: slashName(c),
            summary: c.summary === slashName(c) ? "" : c.summary,
          })),
          groups,
          starters,
          notes,
        };
        return {
          result: { ...asResult(a), intent: "help", answer: null, related: [] },
          reply: renderAsk(view),
        };
      }

      if (!entry) {
        return { result: asResult(a), reply: renderAsk({ kind: "weak", closest: a.related, notes }) };
      }

      if (a.intent === "estimate" || a.intent === "staffing") {
        const commands = await deps.commands();
        const spec = commands.find((c) => c.name === a.intent);
        const target = { name: a.intent, slash: `/cc-${a.intent}`, args: a.commandArgs ?? "" };
        notes.push(...(a.commandWarnings ?? []));
        if (spec) {
          try {
            const run = await spec.run(target.args, ctx);
            const view: AskView = { kind: "routed", target, reply: run.reply, related: a.related, notes };
            return { result: asResult(a, run.reply.text), reply: renderAsk(view) };
          } catch (err) {
            if (!isUserInputError(err)) throw err;
            const view: AskView = {
              kind: "fallback",
              target,
              problem: err.message,
              example: suggestArgs(target.args, err.field, err.example),
              entry,
              related: a.related,
              notes,
            };
            return { result: asResult(a), reply: renderAsk(view) };
          }
        }
      }

      if (a.intent === "advise" || a.intent === "vendor" || a.intent === "contract") {
        const commands = await deps.commands();
        const spec = commands.find((c) => c.name === a.intent);
        // The shortest example reads best in a one-line hint.
        const example = spec?.examples.filter((e) => e.trim() !== "").sort((x, y) => x.length - y.length)[0];
        const summary = spec && spec.summary !== slashName(spec) ? spec.summary : undefined;
        const view: AskView = {
          kind: "pointer",
          entry,
          slash: `/cc-${a.intent}`,
          ...(summary ? { summary } : {}),
          ...(example ? { example } : {}),
          related: a.related,
          notes,
        };
        return { result: asResult(a), reply: renderAsk(view) };
      }

      return { result: asResult(a), reply: renderAsk({ kind: "answer", entry, related: a.related, notes }) };
    },
  };
}

export const askCommand: CommandSpec = makeAskCommand();
