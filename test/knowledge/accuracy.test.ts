import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIDENT, knowledgeBase } from "../../src/core/knowledge/answer.ts";

/**
 * Realistic questions with the answer a person would expect: an entry id, `intent:<name>` for
 * questions routed to a command, or `weak` for questions the knowledge base cannot answer.
 * `also` lists other entries that answer the question equally well.
 */
interface Case {
  q: string;
  expect: string;
  also?: string[];
}

const cases = JSON.parse(readFileSync(new URL("./questions.json", import.meta.url), "utf8")) as Case[];
const kb = knowledgeBase();

const judge = (c: Case) => {
  const a = kb.answer(c.q);
  const id = a.entry?.id ?? "";
  if (c.expect === "weak")
    return { a, correct: a.intent === "unknown" && a.entry === null && a.confidence < CONFIDENT };
  if (c.expect.startsWith("intent:")) return { a, correct: a.intent === c.expect.slice("intent:".length) };
  return { a, correct: a.intent === "knowledge" && (id === c.expect || (c.also ?? []).includes(id)) };
};

describe("answers to realistic questions", () => {
  it("has a large, varied test set that only names entries that exist", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.expect === "weak").length).toBeGreaterThanOrEqual(8);
    expect(cases.filter((c) => c.expect.startsWith("intent:")).length).toBeGreaterThanOrEqual(15);
    for (const c of cases) {
      for (const id of [c.expect, ...(c.also ?? [])]) {
        if (id === "weak" || id.startsWith("intent:")) continue;
        expect(kb.index.get(id), `${c.q} expects ${id}`).toBeDefined();
      }
    }
  });

  it("answers at least 95% of them with the expected entry or intent (top 1)", () => {
    const wrong = cases.map((c) => ({ c, ...judge(c) })).filter((r) => !r.correct);
    const accuracy = 1 - wrong.length / cases.length;
    const detail = wrong.map((w) => `${w.c.q} → ${w.a.intent} ${w.a.entry?.id ?? "-"} (${w.a.confidence})`);
    expect(accuracy, detail.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("never answers with an unrelated entry at confidence 0.5 or more", () => {
    for (const c of cases) {
      if (c.expect.startsWith("intent:")) continue;
      const { a } = judge(c);
      if (a.intent !== "knowledge" || a.confidence < CONFIDENT) continue;
      expect([c.expect, ...(c.also ?? [])], c.q).toContain(a.entry?.id);
    }
  });

  it("says honestly when a question is off-topic, and offers the closest topics instead", () => {
    for (const q of [
      "what's the weather in Paris",
      "who won the football game last night",
      "recipe for chocolate cake",
    ]) {
      const a = kb.answer(q);
      expect(a.intent, q).toBe("unknown");
      expect(a.entry, q).toBeNull();
      expect(a.confidence, q).toBeLessThan(0.5);
      expect(a.related.length, q).toBeGreaterThan(0);
      expect(a.related.length, q).toBeLessThanOrEqual(3);
    }
  });

  it("offers the right topic first when the match is weak but on-topic", () => {
    // A question worded unlike any entry: not confident, yet the closest topic is the right one.
    const a = kb.answer("what analytics do outsourced centers provide");
    if (a.entry) expect(a.entry.id).toBe("reporting");
    else expect(a.related[0]?.id).toBe("reporting");
  });
});
