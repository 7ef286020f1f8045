import type { ActionsBlock, Button, KnownBlock } from "@slack/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type AskResult, askCommand, makeAskCommand } from "../../src/commands/ask.ts";
import { dispatch } from "../../src/commands/dispatch.ts";
import { COMMANDS } from "../../src/commands/registry.ts";
import type { CommandSpec, Reply } from "../../src/commands/types.ts";
import { UserInputError } from "../../src/core/errors.ts";
import { knowledgeBase } from "../../src/core/knowledge/answer.ts";
import { INTENTS } from "../../src/core/knowledge/intent.ts";
import { section } from "../../src/render/blocks.ts";
import { ACTION_RUN, decodeCommandValue } from "../../src/render/buttons.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

const kb = knowledgeBase();
const ids = new Set(kb.entries.map((e) => e.id));

const resultSchema = z
  .object({
    intent: z.enum(INTENTS),
    answer: z
      .object({ id: z.string(), title: z.string(), text: z.string().min(1) })
      .strict()
      .nullable(),
    related: z.array(z.string()).max(3),
    confidence: z.number().min(0).max(1),
  })
  .strict();

const buttonsOf = (blocks: KnownBlock[]): Button[] =>
  blocks
    .filter((b): b is ActionsBlock => b.type === "actions")
    .flatMap((b) => b.elements.filter((e): e is Button => e.type === "button"));

const commandLinesOf = (reply: Reply) =>
  buttonsOf(reply.blocks)
    .filter((b) => b.action_id?.startsWith(ACTION_RUN))
    .map((b) => decodeCommandValue(b.value));

/** Stand-ins for the other commands, recording what they were asked. */
function fakes() {
  const calls: Array<{ name: string; text: string }> = [];
  const spec = (name: string, run: (text: string) => Reply): CommandSpec => ({
    name,
    summary: `Fake ${name} command.`,
    usageHint: "",
    examples: [`${name} long example with many words`, `${name} short`],
    async run(text) {
      calls.push({ name, text });
      return { result: {}, reply: run(text) };
    },
  });
  const ok = (text: string): Reply => ({
    text: `Estimated: ${text}`,
    blocks: [section(`*Estimate* for ${text}`)],
    visibility: "ephemeral",
  });
  const commands: CommandSpec[] = [
    spec("estimate", ok),
    spec("staffing", () => {
      throw new UserInputError("What is the average handle time? Add `aht=`.", {
        field: "aht",
        example: "calls=100 interval=30m aht=3m",
      });
    }),
    spec("advise", ok),
    spec("vendor", ok),
    spec("contract", ok),
  ];
  const ask = makeAskCommand({ commands: async () => commands, knowledge: knowledgeBase });
  return { ask, calls };
}

const run = async (cmd: CommandSpec, text: string) => {
  const out = await cmd.run(text, await testContext());
  return { result: out.result as AskResult, reply: out.reply };
};

describe("/cc-ask answers from the knowledge base", () => {
  it("answers a plain question with the entry, its related topics as buttons and the command to go further", async () => {
    const { result, reply } = await run(askCommand, "per second or per minute billing?");
    expect(result.intent).toBe("knowledge");
    expect(result.answer?.id).toBe("billing-increments");
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    const text = blocksToText(reply.blocks);
    expect(text).toContain("next minute");
    const lines = commandLinesOf(reply);
    const topics = lines.filter((l) => l?.c === "ask").map((l) => l?.t);
    expect(topics).toEqual(result.related.map((id) => `topic:${id}`));
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.length).toBeLessThanOrEqual(3);
    expect(lines.find((l) => l?.c === "estimate")?.t).toContain("billing=60s");
  });

  it("shows a related topic's answer when its button is clicked", async () => {
    const first = await run(askCommand, "what is shrinkage");
    for (const line of commandLinesOf(first.reply).filter((l) => l?.c === "ask")) {
      const clicked = await run(askCommand, line?.t ?? "");
      const id = (line?.t ?? "").replace("topic:", "");
      expect(clicked.result).toMatchObject({ intent: "knowledge", confidence: 1, answer: { id } });
      expect(blocksToText(clicked.reply.blocks)).toContain(kb.index.get(id)?.title ?? "missing");
    }
  });

  it("answers topic:<id> directly, and an unknown id honestly", async () => {
    const { result } = await run(askCommand, "topic:hold-time");
    expect(result).toMatchObject({ intent: "knowledge", confidence: 1, answer: { id: "hold-time" } });
    const unknown = await run(askCommand, "topic:no-such-topic");
    expect(unknown.result.answer).toBeNull();
    expect(unknown.result.intent).toBe("unknown");
    expect(unknown.result.related.length).toBeGreaterThan(0);
  });

  it("says it has no good answer for an off-topic question and offers the closest topics", async () => {
    const { result, reply } = await run(askCommand, "what's the weather in Paris");
    expect(result.answer).toBeNull();
    expect(result.intent).toBe("unknown");
    expect(result.confidence).toBeLessThan(0.5);
    expect(reply.text).toMatch(/don't have a good answer/);
    const topics = commandLinesOf(reply).filter((l) => l?.c === "ask");
    expect(topics.length).toBeGreaterThan(0);
    for (const t of topics) expect(ids.has((t?.t ?? "").replace("topic:", ""))).toBe(true);
  });
});

describe("/cc-ask routes questions with numbers to the calculators", () => {
  it("runs the estimate with the numbers read from the question and shows its reply", async () => {
    const { ask, calls } = fakes();
    const { result, reply } = await run(ask, "what would 12k calls a month at 6 minutes cost?");
    expect(calls).toEqual([{ name: "estimate", text: "contacts=12000 talk=6m" }]);
    expect(result.intent).toBe("estimate");
    expect(result.answer?.text).toBe("Estimated: contacts=12000 talk=6m");
    const text = blocksToText(reply.blocks);
    expect(text).toContain("/cc-estimate contacts=12000 talk=6m");
    expect(text).toContain("Estimate for contacts=12000 talk=6m");
  });

  it("falls back to an explanation and a complete example when the calculator needs more", async () => {
    const { ask, calls } = fakes();
    const { result, reply } = await run(ask, "how many agents for 80/20 with 300 calls an hour?");
    expect(calls[0]).toEqual({ name: "staffing", text: "calls=300 interval=60m answer=20s target=80%" });
    expect(result.intent).toBe("staffing");
    expect(result.answer?.id).toBe("agents-needed");
    const text = blocksToText(reply.blocks);
    expect(text).toContain("average handle time");
    expect(text).toContain("/cc-staffing calls=300 interval=60m answer=20s target=80% aht=3m");
  });

  it("does not hide a calculator's own failure", async () => {
    const broken: CommandSpec = {
      name: "estimate",
      summary: "",
      usageHint: "",
      examples: [],
      async run() {
        throw new TypeError("bug");
      },
    };
    const ask = makeAskCommand({ commands: async () => [broken], knowledge: knowledgeBase });
    await expect(ask.run("cost of 5000 calls a month at 3 min", await testContext())).rejects.toThrow("bug");
  });

  it("gives a real estimate through the app's own commands", async () => {
    const out = await dispatch("ask", "what would 12k calls a month at 6 minutes cost?", await testContext());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect((out.result as AskResult).intent).toBe("estimate");
    expect(blocksToText(out.reply.blocks)).toContain("12,000");
  });
});

describe("/cc-ask points to the team's own data", () => {
  it.each([
    ["compare our saved vendors", "vendor", "/cc-vendor"],
    ["remind me before our contract renews", "contract", "/cc-contract"],
    ["should we outsource our customer support?", "advise", "/cc-advise"],
  ])("%s → %s", async (question, intent, slash) => {
    const { ask } = fakes();
    const { result, reply } = await run(ask, question);
    expect(result.intent).toBe(intent);
    const text = blocksToText(reply.blocks);
    expect(text).toContain(`Run ${slash} (Fake ${intent} command)`);
    expect(text).toContain(`${slash} ${intent} short`);
    expect(commandLinesOf(reply).some((l) => l?.c === intent)).toBe(true);
  });
});

describe("/cc-ask help", () => {
  it.each(["", "help", "  HELP  "])("lists every command and every topic for %j", async (text) => {
    const { result, reply } = await run(askCommand, text);
    expect(result).toEqual({ intent: "help", answer: null, related: [], confidence: 1 });
    const shown = blocksToText(reply.blocks);
    for (const c of COMMANDS) expect(shown).toContain(`/cc-${c.name}`);
    for (const e of kb.entries) expect(shown).toContain(e.title);
  });
});

describe("/cc-ask with awkward input", () => {
  it.each([
    ["only emoji", ":tada: 🎉 :+1:", /only saw emoji/],
    ["a code block", "```SELECT * FROM calls;```", /skipped the code block/],
    ["only a mention", "<@U0BOT>", /Ask me about/],
  ])("%s gets the help, with a note", async (_label, text, note) => {
    const { result, reply } = await run(askCommand, text);
    expect(result.intent).toBe("help");
    expect(blocksToText(reply.blocks)).toMatch(note);
  });

  it("reads through mention and link markup", async () => {
    const { result } = await run(
      askCommand,
      "<@U0BOT> is <https://example.com/faq|hold time> billed? <#C1|general>",
    );
    expect(result.answer?.id).toBe("hold-time");
  });

  it("answers a 5,000-character message, reading only its beginning", async () => {
    const long = `is hold time billed? ${"and also more words here ".repeat(200)}`.slice(0, 5000);
    const { result, reply } = await run(askCommand, long);
    expect(result.answer?.id).toBe("hold-time");
    expect(blocksToText(reply.blocks)).toMatch(/long message/);
    // Through the dispatcher the length limit is a friendly input error, never an internal one.
    const out = await dispatch("ask", long, await testContext());
    expect(out.ok || out.kind === "input").toBe(true);
  });

  it("never fails and always returns a well-formed result that fits in Slack", async () => {
    const ctx = await testContext();
    const { ask } = fakes();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.constantFrom(
            "<@U1>",
            "```x```",
            "🎉",
            "topic:",
            "topic:x",
            "12k calls",
            "80/20",
            "calls=",
            "$",
            "&lt;",
          ),
        ),
        async (text) => {
          const out = await ask.run(text, ctx);
          const r = resultSchema.parse(out.result);
          for (const id of r.related) expect(ids.has(id)).toBe(true);
          if (r.answer) expect(ids.has(r.answer.id)).toBe(true);
          expect(out.reply.blocks.length).toBeLessThanOrEqual(50);
          expect(out.reply.text.length).toBeGreaterThan(0);
          for (const b of buttonsOf(out.reply.blocks)) expect(b.text.text.length).toBeLessThanOrEqual(75);
        },
      ),
      { numRuns: 150 },
    );
  });
});
