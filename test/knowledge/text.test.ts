import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanQuestion, MAX_QUESTION_CHARS } from "../../src/core/knowledge/clean.ts";
import { foldAccents, stem, termsOf } from "../../src/core/knowledge/terms.ts";

describe("cleaning Slack text", () => {
  it("drops mentions, channel and broadcast markup, keeps link labels", () => {
    const q = cleanQuestion(
      "<@U123ABC> <!here> what about <#C42|support-team> <https://example.com/p|per second billing>?",
    );
    expect(q.text).toBe("what about per second billing ?");
  });

  it("drops bare links and unescapes Slack entities", () => {
    expect(cleanQuestion("see <https://x.io/a> and 24/7 &amp; holidays &lt;3").text).toBe(
      "see and 24/7 & holidays <3",
    );
  });

  it("removes fenced code and says so, keeps inline code text", () => {
    const q = cleanQuestion("```const x = 1;```\nis `hold time` billed?");
    expect(q.text).toBe("is hold time billed?");
    expect(q.droppedCode).toBe(true);
  });

  it("recognises a message of only emoji", () => {
    for (const raw of [":tada: :smile:", "🎉🔥👍🏽", "🇷🇴 :+1:"]) {
      const q = cleanQuestion(raw);
      expect(q.text, raw).toBe("");
      expect(q.onlyEmoji, raw).toBe(true);
    }
    expect(cleanQuestion("shared :thinking_face: or dedicated?").text).toBe("shared or dedicated?");
  });

  it("strips bold and italic markers", () => {
    expect(cleanQuestion("*dedicated* or _shared_ agents?").text).toBe("dedicated or shared agents?");
  });

  it("cuts very long messages at a word and says so", () => {
    const q = cleanQuestion("pricing ".repeat(1000));
    expect(q.truncated).toBe(true);
    expect(q.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(q.text.endsWith("pricing")).toBe(true);
  });

  it("never throws and never returns more than the cap", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000 }), (s) => {
        const q = cleanQuestion(s);
        expect(q.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
      }),
    );
  });
});

describe("terms", () => {
  it("brings word forms together", () => {
    const same = [
      ["pricing", "prices", "priced", "price"],
      ["billing", "billed", "bills"],
      ["agents", "agent"],
      ["outsourcing", "outsource", "outsourced"],
      ["languages", "language"],
      ["integrations", "integration", "integrate"],
      ["availability", "available"],
      ["companies", "company"],
      ["security", "secure"],
    ];
    for (const group of same) expect(new Set(group.map(stem)).size, group.join(",")).toBe(1);
    expect(stem("dedicated")).not.toBe(stem("shared"));
  });

  it("folds accents and British spellings, keeps 24/7 whole, drops stop words", () => {
    expect(foldAccents("façade résumé")).toBe("facade resume");
    expect(termsOf("What is the centre's utilisation?")).toEqual(termsOf("utilization"));
    expect(termsOf("Is it 24/7?")).toEqual(["24x7"]);
    expect(termsOf("how do we get the")).toEqual([]);
  });
});
