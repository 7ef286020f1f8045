import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES_DIR, loadRules, RuleFileError } from "../../src/core/advice/load.ts";

const good = () => JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, "cost.json"), "utf8"));

/** A rules folder holding one file, changed by `edit`. */
function folder(edit: (file: ReturnType<typeof good>) => unknown, raw?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-rules-"));
  writeFileSync(join(dir, "cost.json"), raw ?? JSON.stringify(edit(good()), null, 2));
  return dir;
}

const problem = (dir: string): RuleFileError => {
  try {
    loadRules(dir);
  } catch (err) {
    if (err instanceof RuleFileError) return err;
    throw err;
  }
  throw new Error("the rules loaded");
};

describe("loading rule files", () => {
  it("loads the shipped rules", () => {
    expect(loadRules().rules.length).toBeGreaterThan(80);
  });

  it("names the file when it is not JSON", () => {
    const e = problem(folder(() => null, "{ not json"));
    expect(e.message).toMatch(/^Rule file .*cost\.json: not valid JSON/);
  });

  it("names the file, rule and path of an unknown operator (which json-rules-engine only notices mid-run)", () => {
    const e = problem(
      folder((f) => {
        f.rules[3].conditions = { all: [{ fact: "volume", operator: "equals", value: 5 }] };
        return f;
      }),
    );
    expect(e.rule).toBe(good().rules[3].name);
    expect(e.where).toBe("rules[3].conditions.all[0].operator");
    expect(e.message).toContain('unknown operator "equals"');
    expect(e.message).toContain("cost.json");
  });

  it("catches a misspelt fact deep in a tree", () => {
    const e = problem(
      folder((f) => {
        f.rules[0].conditions = { any: [{ not: { fact: "volumme", operator: "lessThan", value: 5 } }] };
        return f;
      }),
    );
    expect(e.where).toBe("rules[0].conditions.any[0].not.fact");
    expect(e.message).toContain('unknown fact "volumme"');
  });

  it("catches a value that can never match its fact", () => {
    const e = problem(
      folder((f) => {
        f.rules[0].conditions = { all: [{ fact: "pattern", operator: "equal", value: "inconsistant" }] };
        return f;
      }),
    );
    expect(e.where).toBe("rules[0].conditions.all[0].value");
    expect(e.message).toContain('"inconsistant" is not a possible value of "pattern"');
  });

  it("catches a misspelt property such as prority", () => {
    const e = problem(
      folder((f) => {
        f.rules[1].prority = f.rules[1].priority;
        return f;
      }),
    );
    expect(e.rule).toBe(good().rules[1].name);
    expect(e.message).toMatch(/prority/);
  });

  it("refuses a choice the criterion does not have, and a criterion other than the file's", () => {
    const choice = problem(
      folder((f) => {
        f.rules[0].event.params.choice = "offshore";
        return f;
      }),
    );
    expect(choice.where).toBe("rules[0].event.params.choice");
    expect(choice.message).toContain('"offshore" is not one of per-minute, hourly');
    const crit = problem(
      folder((f) => {
        f.rules[0].event.params.criterion = "fees";
        return f;
      }),
    );
    expect(crit.message).toContain('"fees" in a file about "cost"');
  });

  it("refuses a severity that is not must, should or consider", () => {
    const e = problem(
      folder((f) => {
        f.rules[2].event.params.severity = "critical";
        return f;
      }),
    );
    expect(e.where).toBe("rules[2].event.params.severity");
  });

  it("refuses duplicate rule names and a title naming a fact that does not exist", () => {
    const dup = problem(
      folder((f) => {
        f.rules[1].name = f.rules[0].name;
        return f;
      }),
    );
    expect(dup.message).toContain("also used");
    const title = problem(
      folder((f) => {
        f.rules[0].event.params.title = "Fluent in {langs}";
        return f;
      }),
    );
    expect(title.message).toContain("{langs} is not a fact");
  });

  it("refuses an empty rules folder", () => {
    expect(() => loadRules(mkdtempSync(join(tmpdir(), "switchboard-empty-")))).toThrow(/no rule files/);
  });
});
