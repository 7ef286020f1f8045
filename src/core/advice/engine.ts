import { Engine, type RuleResult } from "json-rules-engine";
import type { RuleSet } from "./load.ts";
import { CUSTOM_OPERATORS } from "./operators.ts";
import type { Profile } from "./profile.ts";

/**
 * A json-rules-engine Engine over a rule set. An Engine keeps run-wide state (a run can stop another
 * one early), so each request gets its own: building one is cheap next to a run (see the bench).
 * Facts are flat (the profile's keys), which keeps runs fast and conditions readable.
 */
export function buildEngine(set: RuleSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
  for (const [name, fn] of Object.entries(CUSTOM_OPERATORS)) engine.addOperator(name, fn);
  for (const r of set.rules)
    engine.addRule({ name: r.name, priority: r.priority, conditions: r.conditions, event: r.event });
  return engine;
}

/** The rules that fired for this profile, with their evaluated condition trees. */
export async function runRules(
  set: RuleSet,
  profile: Profile,
  derived: Record<string, unknown> = {},
): Promise<RuleResult[]> {
  const engine = buildEngine(set);
  // Only known facts are passed: an unknown fact stays undefined, which the operators treat as unknown.
  const facts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...profile, ...derived })) if (v !== undefined) facts[k] = v;
  const { results } = await engine.run(facts);
  return results;
}
