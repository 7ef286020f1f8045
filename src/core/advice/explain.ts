import type { RuleResult } from "json-rules-engine";
import type { ProfileKey } from "./profile.ts";
import { comparison, joinWords, statement, unknownPhrase } from "./words.ts";

/** An evaluated condition as json-rules-engine leaves it after a run. */
interface Evaluated {
  all?: Evaluated[];
  any?: Evaluated[];
  not?: Evaluated;
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  result?: boolean;
}

/** Whether a node held. Leaves carry `result`; short-circuited leaves carry nothing and did not hold. */
const held = (n: Evaluated): boolean => {
  if (n.all) return n.all.every(held);
  if (n.any) return n.any.some(held);
  if (n.not) return !held(n.not);
  return n.result === true;
};

/** Under a `not`, describe the facts as they are ("your volume is steady"), skipping unknown ones. */
function collectActual(n: Evaluated, out: Explained): void {
  if (n.all) for (const c of n.all) collectActual(c, out);
  else if (n.any) for (const c of n.any) collectActual(c, out);
  else if (n.not) collectActual(n.not, out);
  else if (n.fact && n.factResult !== undefined)
    out.add(n.fact as ProfileKey, statement(n.fact as ProfileKey, n.factResult));
}

function collect(n: Evaluated, out: Explained): void {
  if (n.all) for (const c of n.all) collect(c, out);
  else if (n.any) {
    for (const c of n.any) if (held(c)) collect(c, out);
  } else if (n.not) collectActual(n.not, out);
  else if (n.fact) {
    const fact = n.fact as ProfileKey;
    if (n.operator === "known" && n.value === false) out.add(fact, unknownPhrase(fact));
    else if (n.factResult !== undefined)
      out.add(fact, `${statement(fact, n.factResult)}${comparison(fact, n.operator ?? "", n.value)}`);
  }
}

class Explained {
  readonly phrases: string[] = [];
  readonly facts: ProfileKey[] = [];
  add(fact: ProfileKey, phrase: string): void {
    if (!this.phrases.includes(phrase)) this.phrases.push(phrase);
    if (!this.facts.includes(fact)) this.facts.push(fact);
  }
}

export interface Explanation {
  /** "Because you expect about 2,000 contacts a month (under 3,000) and your volume is inconsistent." */
  reason: string;
  /** The fragments, one per fact that mattered. */
  because: string[];
  /** The facts that made the rule fire. */
  facts: ProfileKey[];
}

export const EVERY_TEAM = "This applies to every team.";

/** Why a rule fired, in words, from its evaluated condition tree. */
export function explain(result: Pick<RuleResult, "conditions">): Explanation {
  const out = new Explained();
  collect(result.conditions as unknown as Evaluated, out);
  if (out.phrases.length === 0) return { reason: EVERY_TEAM, because: [], facts: [] };
  const text = joinWords(out.phrases);
  return {
    reason: `Because ${text}.`,
    because: out.phrases,
    facts: out.facts,
  };
}
