import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type ZodType, z } from "zod";
import { projectPath } from "../../project-root.ts";
import { DERIVED_FIELDS } from "./cost-facts.ts";
import { CRITERIA, type Criterion } from "./criteria.ts";
import { PROFILE_FIELDS, type ProfileKey } from "./profile.ts";
import {
  CHOICES,
  type ConditionJson,
  checkCondition,
  RuleFileSchema,
  type RuleJson,
  RuleSchema,
} from "./rule-file.ts";

export const DEFAULT_RULES_DIR = projectPath("rules");

/** A rule file that cannot be used: names the file, the rule and where in it the problem is. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly rule: string | undefined,
    readonly where: string,
    problem: string,
  ) {
    super(`Rule file ${file}${rule ? `, rule "${rule}"` : ""}${where ? `, at ${where}` : ""}: ${problem}`);
    this.name = "RuleFileError";
  }
}

export interface LoadedRule extends RuleJson {
  /** The file it came from, for messages. */
  file: string;
  /** Position across all files: ties in priority keep the order of the files. */
  order: number;
}

export interface RuleSet {
  rules: LoadedRule[];
  files: string[];
}

const pathText = (path: PropertyKey[]): string =>
  path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");

/** The zod schema a single value of a fact must satisfy (the element schema for list facts). */
const valueSchema = (fact: ProfileKey): { one: ZodType; isList: boolean } => {
  const schema = ((PROFILE_FIELDS as Record<string, ZodType>)[fact] ??
    (DERIVED_FIELDS as Record<string, ZodType>)[fact]) as ZodType;
  if (schema instanceof z.ZodArray) return { one: schema.element as ZodType, isList: true };
  return { one: schema, isList: false };
};

const LIST_VALUE_OPERATORS = new Set(["in", "notIn", "containsAny", "containsNone", "containsOtherThan"]);
const NUMBER_OPERATORS = new Set([
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
  "sizeAtLeast",
  "sizeAtMost",
]);

/** Values that can never match the fact are typos ("inconsistant"): report them at load. */
function checkValues(cond: ConditionJson, where: string): string | undefined {
  if ("all" in cond || "any" in cond) {
    const list = "all" in cond ? cond.all : cond.any;
    const key = "all" in cond ? "all" : "any";
    for (let i = 0; i < list.length; i++) {
      const p = checkValues(list[i] as ConditionJson, `${where}.${key}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  if ("not" in cond) return checkValues(cond.not, `${where}.not`);
  const fact = cond.fact as ProfileKey;
  const { one } = valueSchema(fact);
  const at = `${where}.value`;
  if (cond.operator === "known")
    return typeof cond.value === "boolean" ? undefined : `${at}: "known" takes true or false`;
  if (NUMBER_OPERATORS.has(cond.operator))
    return typeof cond.value === "number" ? undefined : `${at}: "${cond.operator}" takes a number`;
  const values = LIST_VALUE_OPERATORS.has(cond.operator)
    ? Array.isArray(cond.value)
      ? cond.value
      : [cond.value]
    : [cond.value];
  for (const v of values)
    if (!one.safeParse(v).success) return `${at}: ${JSON.stringify(v)} is not a possible value of "${fact}"`;
  return undefined;
}

const PLACEHOLDER = /\{([a-z-]+)\}/g;

/** Check one parsed rule beyond its shape: criterion of the file, allowed choice, values, placeholders. */
function checkRule(rule: RuleJson, criterion: Criterion): { where: string; problem: string } | undefined {
  const p = rule.event.params;
  if (p.criterion !== criterion)
    return {
      where: "event.params.criterion",
      problem: `"${p.criterion}" in a file about "${criterion}"`,
    };
  if (p.choice !== undefined) {
    const allowed = CHOICES[criterion];
    if (!allowed?.includes(p.choice))
      return {
        where: "event.params.choice",
        problem: allowed
          ? `"${p.choice}" is not one of ${allowed.join(", ")}`
          : `"${criterion}" takes no choice`,
      };
  }
  const bad = checkValues(rule.conditions as ConditionJson, "conditions");
  if (bad) {
    const [where, ...rest] = bad.split(": ");
    return { where: where ?? "conditions", problem: rest.join(": ") };
  }
  for (const m of p.title.matchAll(PLACEHOLDER))
    if (!(m[1] && m[1] in PROFILE_FIELDS))
      return { where: "event.params.title", problem: `{${m[1]}} is not a fact` };
  return undefined;
}

/** Read and validate every `*.json` file of a folder. Throws RuleFileError on the first problem. */
export function loadRules(dir: string = DEFAULT_RULES_DIR): RuleSet {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort();
  } catch (err) {
    throw new RuleFileError(dir, undefined, "", `cannot read the folder (${String(err)})`);
  }
  if (names.length === 0) throw new RuleFileError(dir, undefined, "", "no rule files (*.json) found");
  const rules: LoadedRule[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const shown = join(basename(dir), name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, "utf8"));
    } catch (err) {
      throw new RuleFileError(shown, undefined, "", `not valid JSON (${(err as Error).message})`);
    }
    const head = RuleFileSchema.safeParse(raw);
    if (!head.success) {
      const issue = head.error.issues[0];
      throw new RuleFileError(shown, undefined, pathText(issue?.path ?? []), issue?.message ?? "invalid");
    }
    head.data.rules.forEach((r, i) => {
      const ruleName =
        typeof (r as { name?: unknown })?.name === "string" ? (r as { name: string }).name : `#${i + 1}`;
      const parsed = RuleSchema.safeParse(r);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new RuleFileError(
          shown,
          ruleName,
          pathText(["rules", i, ...(issue?.path ?? [])]),
          issue?.message ?? "invalid",
        );
      }
      const cond = checkCondition(parsed.data.conditions, ["conditions"]);
      if (cond) throw new RuleFileError(shown, ruleName, pathText(["rules", i, ...cond.path]), cond.message);
      const rule = parsed.data as RuleJson;
      const problem = checkRule(rule, head.data.criterion);
      if (problem) throw new RuleFileError(shown, ruleName, `rules[${i}].${problem.where}`, problem.problem);
      const dup = seen.get(rule.name);
      if (dup)
        throw new RuleFileError(shown, ruleName, `rules[${i}].name`, `the name is also used in ${dup}`);
      seen.set(rule.name, shown);
      rules.push({ ...rule, file: shown, order: rules.length });
    });
  }
  return { rules, files: names };
}

/** Criteria no rule covers (an empty list when the rule set covers the whole guide). */
export const uncoveredCriteria = (set: RuleSet): Criterion[] =>
  CRITERIA.filter((c) => !set.rules.some((r) => r.event.params.criterion === c));
