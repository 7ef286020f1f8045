import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readText } from "../../src/core/read/facts.ts";
import { type CorpusEntry, project, silent } from "./project.ts";

/**
 * Sentences as teams write them (typos, European number formats, mixed channels, negations, opening
 * hours, units, ranges), each with the facts a correct reading gives. The share read exactly right must
 * stay at 97% or more, and no sentence may be read wrongly without a question or a warning.
 */
const CORPUS = JSON.parse(readFileSync(new URL("./corpus.json", import.meta.url), "utf8")) as CorpusEntry[];

describe("the reading corpus", () => {
  it("has at least 300 sentences", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
  });

  it("reads at least 97% exactly right and none wrongly in silence", () => {
    const wrong: string[] = [];
    const silentlyWrong: string[] = [];
    for (const entry of CORPUS) {
      const got = project(readText(entry.text, entry.locale ? { locale: entry.locale } : {}));
      if (JSON.stringify(sorted(got)) === JSON.stringify(sorted(entry.expect))) continue;
      const line = `${entry.text} [${entry.locale ?? "en-US"}]\n    expected ${JSON.stringify(entry.expect)}\n    got      ${JSON.stringify(got)}`;
      wrong.push(line);
      // Reading less than was there is a refusal the command reports; reading something else silently is not.
      if (silent(got) && misread(entry.expect, got)) silentlyWrong.push(line);
    }
    const exact = (CORPUS.length - wrong.length) / CORPUS.length;
    console.log(
      `reading corpus: ${CORPUS.length} sentences, ${(exact * 100).toFixed(1)}% read exactly, ${silentlyWrong.length} silently wrong${wrong.length ? `\n  not exact:\n  ${wrong.join("\n  ")}` : ""}`,
    );
    expect(silentlyWrong).toEqual([]);
    expect(exact).toBeGreaterThanOrEqual(0.97);
  });
});

const sorted = (o: object): object =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** Did the reading give a value the sentence does not say (rather than only missing one)? */
function misread(expected: object, got: object): boolean {
  const e = expected as Record<string, unknown>;
  const g = got as Record<string, unknown>;
  for (const [k, v] of Object.entries(g)) {
    if (k === "warned" || k === "question") continue;
    if (e[k] === undefined) return true;
    if (Array.isArray(v) && Array.isArray(e[k])) {
      const want = (e[k] as unknown[]).map((x) => JSON.stringify(x));
      if (v.some((x) => !want.includes(JSON.stringify(x)))) return true;
    } else if (typeof v === "object" && v !== null) {
      for (const [kk, vv] of Object.entries(v)) {
        const ev = (e[k] as Record<string, unknown>)[kk];
        if (ev !== undefined && JSON.stringify(ev) !== JSON.stringify(vv)) return true;
        if (ev === undefined) return true;
      }
    } else if (JSON.stringify(v) !== JSON.stringify(e[k])) return true;
  }
  return false;
}
