import { z } from "zod";
import { DERIVED_KEYS } from "./cost-facts.ts";
import { CRITERIA } from "./criteria.ts";
import { OPERATOR_NAMES } from "./operators.ts";
import { PROFILE_KEYS } from "./profile.ts";

/**
 * The shape of a rule file in `rules/`: one criterion or step of the guide, its rules in
 * json-rules-engine's format. Strict objects so a typo ("prority", "opertor") is an error, not a rule
 * that silently never fires.
 */

export const SEVERITIES = ["must", "should", "consider"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The choices a rule may recommend, per criterion. */
export const CHOICES: Partial<Record<(typeof CRITERIA)[number], readonly string[]>> = {
  location: ["onshore", "nearshore", "offshore"],
  "agent-model": ["dedicated", "semi-dedicated", "shared"],
  cost: ["per-minute", "hourly"],
  deployment: ["cloud", "on-premises"],
  "service-type": ["inbound", "outbound", "both"],
  readiness: ["outsource", "not-yet"],
  "industry-experience": ["same-industry", "outside-industry"],
};

export type ConditionJson =
  | { all: ConditionJson[] }
  | { any: ConditionJson[] }
  | { not: ConditionJson }
  | { fact: string; operator: string; value: unknown };

const Leaf = z
  .object({
    fact: z.enum([...PROFILE_KEYS, ...DERIVED_KEYS] as [string, ...string[]], {
      error: (i) =>
        `unknown fact "${String(i.input)}" (facts are the profile keys and ${DERIVED_KEYS.join(", ")})`,
    }),
    operator: z.enum(OPERATOR_NAMES as [string, ...string[]], {
      error: (i) => `unknown operator "${String(i.input)}" (use one of ${OPERATOR_NAMES.join(", ")})`,
    }),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
  })
  .strict();

type Issue = { path: PropertyKey[]; message: string };

/**
 * Check a condition tree node by node. Done by hand rather than with a zod union so a mistake deep in
 * a tree is reported at its own path with its own message, not as "invalid input" at the top.
 */
export function checkCondition(node: unknown, path: PropertyKey[]): Issue | undefined {
  if (typeof node !== "object" || node === null || Array.isArray(node))
    return { path, message: "a condition must be an object with all, any, not or fact" };
  const keys = Object.keys(node);
  const o = node as Record<string, unknown>;
  for (const bool of ["all", "any"] as const) {
    if (bool in o) {
      if (keys.length !== 1)
        return { path, message: `"${bool}" must be alone in its object (found ${keys.join(", ")})` };
      const list = o[bool];
      if (!Array.isArray(list)) return { path: [...path, bool], message: `"${bool}" must be a list` };
      for (let i = 0; i < list.length; i++) {
        const issue = checkCondition(list[i], [...path, bool, i]);
        if (issue) return issue;
      }
      return undefined;
    }
  }
  if ("not" in o) {
    if (keys.length !== 1)
      return { path, message: `"not" must be alone in its object (found ${keys.join(", ")})` };
    return checkCondition(o.not, [...path, "not"]);
  }
  const leaf = Leaf.safeParse(node);
  if (leaf.success) return undefined;
  const issue = leaf.error.issues[0];
  return { path: [...path, ...(issue?.path ?? [])], message: issue?.message ?? "invalid condition" };
}

export const ConditionSchema: z.ZodType<ConditionJson> = z.custom<ConditionJson>(
  (v) => checkCondition(v, []) === undefined,
);

export const AdviceParamsSchema = z
  .object({
    criterion: z.enum(CRITERIA),
    choice: z.string().optional(),
    severity: z.enum(SEVERITIES),
    /** May name facts in braces: "Look for staff fluent in {languages}". */
    title: z.string().min(3).max(140),
    explanation: z.string().min(10).max(600),
    askVendor: z.array(z.string().min(5).max(300)).max(8),
  })
  .strict();
export type AdviceParams = z.infer<typeof AdviceParamsSchema>;

export const RuleSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'names look like "criterion/what-it-is"'),
    priority: z.number().int().min(1).max(100),
    /** Checked node by node with checkCondition; the top is an `all` or `any` list. */
    conditions: z.union([
      z.object({ all: z.array(z.unknown()) }).strict(),
      z.object({ any: z.array(z.unknown()) }).strict(),
    ]),
    event: z.object({ type: z.literal("advice"), params: AdviceParamsSchema }).strict(),
  })
  .strict();
export type RuleJson = Omit<z.infer<typeof RuleSchema>, "conditions"> & {
  conditions: { all: ConditionJson[] } | { any: ConditionJson[] };
};

export const RuleFileSchema = z
  .object({
    criterion: z.enum(CRITERIA),
    about: z.string().min(3),
    rules: z.array(z.unknown()).min(1),
  })
  .strict();
