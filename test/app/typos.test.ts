import { describe, expect, it } from "vitest";
import { dispatch, dispatchLine } from "../../src/commands/dispatch.ts";
import { findCommand, suggestCommand } from "../../src/commands/registry.ts";
import { LocalSession, localeFromEnv, takeLocaleFlag } from "../../src/local/session.ts";
import { createLogger } from "../../src/logger.ts";
import { decodeCommandValue } from "../../src/render/buttons.ts";
import { tempDbPath, testContext } from "../helpers/context.ts";
import { runEntry } from "../helpers/process.ts";

type Blocks = Array<{
  type: string;
  elements?: Array<{ type: string; text?: { text: string }; value?: string }>;
}>;
const buttonsOf = (blocks: unknown) =>
  (blocks as Blocks)
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ label: e.text?.text ?? "", cmd: decodeCommandValue(e.value) }));

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe("command names", () => {
  it("finds commands by name with or without the slash", () => {
    expect(findCommand("/cc-estimate")?.name).toBe("estimate");
    expect(findCommand("cc-staffing")?.name).toBe("staffing");
    expect(findCommand("Vendor")?.name).toBe("vendor");
  });

  it("names that exist on every object are no command", () => {
    expect(PROTOTYPE_NAMES).toContain("constructor");
    for (const name of [...PROTOTYPE_NAMES, "prototype"]) {
      expect(findCommand(name), name).toBeUndefined();
      expect(findCommand(`/cc-${name}`), name).toBeUndefined();
    }
  });

  it("suggests the command a misspelled name was meant to be, and nothing for words far from all", () => {
    expect(suggestCommand("estmate")?.name).toBe("estimate");
    expect(suggestCommand("/cc-estmate")?.name).toBe("estimate");
    expect(suggestCommand("stafing")?.name).toBe("staffing");
    expect(suggestCommand("vendr")?.name).toBe("vendor");
    expect(suggestCommand("contarct")?.name).toBe("contract");
    expect(suggestCommand("advise")).toBeUndefined(); // a real command needs no suggestion
    for (const name of ["teleport", "constructor", "toString", "__proto__", "x", ""])
      expect(suggestCommand(name), name).toBeUndefined();
  });
});

describe("dispatch of unknown and misspelled commands", () => {
  it("/cc-estmate answers 'did you mean /cc-estimate?' with a button that runs it with the same text", async () => {
    const ctx = await testContext();
    const out = await dispatch("estmate", "12000 calls a month, 5 min talk", ctx);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/Did you mean \/cc-estimate\?/);
    const [run] = buttonsOf(out.reply.blocks);
    expect(run?.cmd).toEqual({ c: "estimate", t: "12000 calls a month, 5 min talk" });
    const ran = await dispatch(run?.cmd?.c ?? "", run?.cmd?.t ?? "", ctx);
    expect(ran.ok).toBe(true);
    await ctx.db.close();
  });

  it("every Object.prototype name as a command gets 'no command', never a crash", async () => {
    const ctx = await testContext();
    for (const name of PROTOTYPE_NAMES) {
      const out = await dispatch(name, "x=1", ctx);
      expect(out.ok, name).toBe(false);
      expect(out.ok ? "" : out.kind, name).toBe("input");
      expect(out.reply.text, name).toMatch(/There is no command called/);
      const line = await dispatchLine(`/cc-${name} x=1`, ctx, { commandWords: true });
      expect(line.ok ? "" : line.kind, name).toBe("input");
    }
    await ctx.db.close();
  });
});

describe("a line typed without a slash (console, mentions, DMs)", () => {
  it("plain text is a question for /cc-ask", async () => {
    const ctx = await testContext();
    const out = await dispatchLine("how is hold time billed?", ctx, { commandWords: true });
    expect(out.ok).toBe(true);
    expect(out.ok && (out.result as { intent: string }).intent).toBe("knowledge");
    await ctx.db.close();
  });

  it("a command name first runs that command in the console, but not in a mention", async () => {
    const ctx = await testContext();
    const console = await dispatchLine("staffing calls=100 interval=30m aht=3m", ctx, { commandWords: true });
    expect(console.ok && (console.result as { agents: number }).agents).toBe(14);
    const mention = await dispatchLine("staffing calls=100 interval=30m aht=3m", ctx, {
      commandWords: false,
    });
    expect(mention.ok && (mention.result as { intent?: string }).intent).toBeDefined();
    // Nor with its slash: a mention's reply is posted for the whole channel to see.
    const slash = await dispatchLine("/cc-vendor list", ctx, { commandWords: false });
    expect(slash.ok && (slash.result as { intent?: string }).intent).toBeDefined();
    const typo = await dispatchLine("/cc-vendr list", ctx, { commandWords: false });
    expect(typo.reply.text).toContain("Did you mean /cc-vendor?");
    await ctx.db.close();
  });

  it("a misspelled command first asks which was meant: the command, or the line as a question", async () => {
    const ctx = await testContext();
    for (const [line, cmd, rest] of [
      ["estmate 12000 calls", "estimate", "12000 calls"],
      ["stafing calls=100", "staffing", "calls=100"],
      ["vendr list", "vendor", "list"],
    ] as const) {
      const out = await dispatchLine(line, ctx, { commandWords: false });
      expect(out.ok, line).toBe(false);
      expect(out.reply.text).toContain(`Did you mean /cc-${cmd}?`);
      expect(buttonsOf(out.reply.blocks).map((b) => b.cmd)).toEqual([
        { c: cmd, t: rest },
        { c: "ask", t: line },
      ]);
    }
    await ctx.db.close();
  });

  it("real words a question starts with are not taken for misspelled commands", async () => {
    const ctx = await testContext();
    for (const line of [
      "advice on opening hours?",
      "contact center or in-house?",
      "as a small team, what first?",
    ]) {
      const out = await dispatchLine(line, ctx, { commandWords: false });
      expect(out.reply.text, line).not.toMatch(/Did you mean/);
    }
    await ctx.db.close();
  });
});

describe("the user's locale on the command line", () => {
  it("turns POSIX locale names into BCP 47 tags, C, POSIX or nothing into und (undetermined: numeric dates are asked)", () => {
    expect(localeFromEnv({ LANG: "de_DE@euro" })).toBe("de-DE");
    expect(localeFromEnv({ LANG: "C.UTF-8" })).toBe("und");
    expect(localeFromEnv({ LANG: "ro_RO.UTF-8" })).toBe("ro-RO");
    expect(localeFromEnv({ LANG: "ro_RO.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en-GB");
    expect(localeFromEnv({ LANG: "C" })).toBe("und");
    expect(localeFromEnv({ LANG: "POSIX" })).toBe("und");
    expect(localeFromEnv({})).toBe("und");
    expect(takeLocaleFlag(["--locale", "en_gb", "x"])).toEqual({ argv: ["x"], locale: "en-GB" });
  });
});

describe("console and CLI as users run them", () => {
  it("the console suggests commands, asks plain text, and keeps help and exit", async () => {
    const input = [
      "/cc-estmate 12000 calls a month, 5 min talk",
      "stafing calls=100",
      "how is hold time billed?",
      "/cc-constructor",
      "help",
      "exit",
      "/cc-ask this line is never read",
      "",
    ].join("\n");
    const res = await runEntry("src/main.ts", [], { DB_PATH: tempDbPath() }, input, 150_000);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Did you mean /cc-estimate?");
    expect(res.stdout).toContain("▸ Run /cc-estimate: /cc-estimate 12000 calls a month, 5 min talk");
    expect(res.stdout).toContain("▸ Run /cc-staffing: /cc-staffing calls=100");
    expect(res.stdout).toContain("▸ Ask it as a question: /cc-ask stafing calls=100");
    expect(res.stdout).toMatch(/hold time should not be billed/i);
    expect(res.stdout).toContain('There is no command called "constructor"');
    expect(res.stdout).toContain("Type `help` for this list");
    expect(res.stdout).not.toMatch(/never read/);
  }, 200_000);

  it("the CLI suggests the command to type for a misspelled one", async () => {
    const res = await runEntry(
      "src/cli.ts",
      ["estmate", "12000 calls a month"],
      { DB_PATH: tempDbPath() },
      undefined,
      150_000,
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Unknown command "estmate". Did you mean estimate?');
    expect(res.stderr).toContain("npm run --silent cli -- estimate '12000 calls a month'");
  }, 200_000);

  it("the CLI reads 01/02/2027 by --locale or LANG, and prints both commands when it cannot tell", async () => {
    const add = "add vendor=Acme start=01/02/2027 renews=01/02/2028 notice=60d";
    const cli = (args: string[], env: Record<string, string> = {}) =>
      runEntry("src/cli.ts", args, { DB_PATH: tempDbPath(), ...env }, undefined, 150_000);
    // Two real processes (each start is slow on a busy machine); the other locales in-process below.
    const [ro, ca] = await Promise.all([
      cli(["contract", "--json", add], { LANG: "ro_RO.UTF-8" }),
      cli(["contract", "--locale=en-CA", add]),
    ]);
    expect(ro.code).toBe(0);
    expect(JSON.parse(ro.stdout).contract.start).toBe("2027-02-01");
    expect(ca.code).toBe(1);
    expect(ca.stdout).toBe("");
    expect(ca.stderr).toContain(
      "npm run --silent cli -- contract 'add vendor=Acme start=2027-02-01 renews=2028-02-01 notice=60d'",
    );
    expect(ca.stderr).toContain(
      "npm run --silent cli -- contract 'add vendor=Acme start=2027-01-02 renews=2028-01-02 notice=60d'",
    );
    for (const [locale, start] of [
      ["en-GB", "2027-02-01"],
      ["en-US", "2027-01-02"],
    ] as const) {
      const session = new LocalSession(tempDbPath(), createLogger("error"), "cli", locale);
      const out = await session.run("contract", add);
      expect(out.ok && (out.result as { contract: { start: string } }).contract.start, locale).toBe(start);
    }
  }, 200_000);
});
