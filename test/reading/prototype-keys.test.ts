import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { testContext } from "../helpers/context.ts";

/**
 * Names that every plain object answers from its prototype must never be found in a table of key
 * names, aliases, synonyms, currencies or languages: typed as a key, a value or a word, each gets a
 * clean reply, no internal error, no JavaScript text, and nothing saved.
 */
const NAMES = [...Object.getOwnPropertyNames(Object.prototype), "__proto__"];

/** For each command, lines that put a name where a key, a value or a free word goes. */
const LINES: Record<string, (n: string) => string[]> = {
  estimate: (n) => [
    `${n}=1`,
    `contacts=12000 talk=5m ${n}=1`,
    `contacts=${n} talk=5m`,
    `contacts=12000 talk=${n}`,
    `12000 calls ${n}`,
    `contacts=12000 talk=5m hours=${n}`,
    `contacts=12000 talk=5m languages=${n}`,
    `contacts=12000 talk=5${n}`,
  ],
  staffing: (n) => [
    `${n}=1`,
    `calls=100 aht=3m ${n}=1`,
    `calls=${n} aht=3m`,
    `calls=100 aht=3${n}`,
    `100 calls ${n}`,
    `calls=100 aht=3m target=${n}`,
  ],
  advise: (n) => [
    `${n}=1`,
    `volume=${n}`,
    `languages=${n}`,
    `hours=${n}`,
    `channels=${n}`,
    `pattern=${n}`,
    `we speak ${n}`,
    n,
  ],
  ask: (n) => [n, `what is ${n}?`, `${n}=1`],
  vendor: (n) => [
    `${n}`,
    `add name=ProtoCo ${n}=1`,
    `add name=ProtoCo rate=${n}`,
    `add name=ProtoCo currency=${n}`,
    `add name=ProtoCo location=${n}`,
    `add name=ProtoCo model=${n}`,
    `add name=ProtoCo certs=${n} rate=0.9/${n}`,
    `compare ${n}=1`,
    `compare volume=${n}`,
    `edit ${n} rate=1`,
    `show ${n}`,
    `remove ${n}`,
  ],
  contract: (n) => [
    n,
    `add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d ${n}=1`,
    `add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60${n}`,
    `show ${n}`,
    `remove ${n}`,
    `remind ${n} 2027-03-01 check`,
  ],
};

/** Lines where the name is kept as text (a language a quote lists as typed): clean replies only. */
const STORED: Record<string, (n: string) => string[]> = {
  vendor: (n) => [`add name=P${n.length} languages=${n}`, `add name=${n}`],
  advise: (n) => [`crm=${n}`, `industry=${n}`],
};

const problems = async (lines: Record<string, (n: string) => string[]>) => {
  const ctx = await testContext({ now: new Date("2026-06-01T10:00:00Z") });
  const bad: string[] = [];
  let runs = 0;
  for (const [command, make] of Object.entries(lines))
    for (const name of NAMES)
      for (const line of make(name)) {
        const out = await dispatch(command, line, ctx);
        runs++;
        const shown = `${out.reply.text}\n${JSON.stringify(out.reply.blocks)}`;
        if (!out.ok && out.kind === "internal") bad.push(`${command} ${line}: internal error`);
        else if (/native code|function \w*\(|\[object Object\]|undefined|NaN/.test(shown))
          bad.push(`${command} ${line}: ${shown.slice(0, 160)}`);
      }
  return { ctx, bad, runs };
};

describe("every Object.prototype name, as key, value and word, in every command", () => {
  it("gets a clean reply, never an internal error or JavaScript text, and changes nothing", async () => {
    const empty = JSON.stringify(await (await testContext()).db.read({ teamId: "T_TEST" }));
    const { ctx, bad, runs } = await problems(LINES);
    expect(bad).toEqual([]);
    expect(runs).toBeGreaterThan(NAMES.length * 40);
    expect(JSON.stringify(await ctx.db.read(ctx.workspace))).toBe(empty);
  }, 240_000);

  it("is kept as plain text where any text is allowed, with a clean reply", async () => {
    const { ctx, bad } = await problems(STORED);
    expect(bad).toEqual([]);
    const saved = await ctx.db.read(ctx.workspace);
    expect(saved.vendors.some((v) => v.name === "constructor")).toBe(true);
    expect(saved.vendors.find((v) => v.name === "P11")?.languages).toEqual(["constructor"]);
  }, 240_000);
});
