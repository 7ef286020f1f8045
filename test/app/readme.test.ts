import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { splitCommandLine } from "../../src/local/session.ts";
import { testContext } from "../helpers/context.ts";

/**
 * Every command line shown in the README's examples runs without an input error, in order, in one
 * workspace (so `show Acme` follows `add name=Acme`). "a | b | c" lines are alternatives of one command.
 */
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const lines = blocks
  .flatMap((b) => b.split("\n"))
  .map((l) => l.replace(/^switchboard> /, "").trim())
  .filter((l) => l.startsWith("/cc-"));

const expand = (line: string): string[] => {
  const [first, ...alternatives] = line.split(" | ");
  const cmd = /^\/cc-\w+/.exec(first ?? "")?.[0] ?? "";
  return [first ?? "", ...alternatives.map((a) => `${cmd} ${a}`)];
};

// Slack escapes channel names typed in /cc-contract (should_escape), so #cx-ops arrives as a mention.
const asSlackSends = (line: string) => line.replace(/#cx-ops/g, "<#C0123ABCD|cx-ops>");

describe("README examples", () => {
  it("has examples for every command", () => {
    for (const c of ["estimate", "staffing", "advise", "ask", "vendor", "contract"])
      expect(
        lines.some((l) => l.startsWith(`/cc-${c}`)),
        c,
      ).toBe(true);
  });

  it("each example runs as documented", async () => {
    const ctx = await testContext();
    const ordered = lines.flatMap(expand).sort((a, b) => rank(a) - rank(b));
    for (const line of ordered) {
      const parsed = splitCommandLine(asSlackSends(line));
      const out = await dispatch(parsed?.command ?? "", parsed?.text ?? "", ctx);
      expect(out.ok ? "" : out.reply.text, line).toBe("");
    }
    await ctx.db.close();
  }, 60_000);
});

// Removals last, so the examples that show a vendor or contract find it.
function rank(line: string): number {
  if (/ (remove|reset)\b/.test(line)) return 2;
  return 1;
}
