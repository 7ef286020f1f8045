/**
 * Operators the rule files may use: json-rules-engine's own, plus a few that make rules about lists
 * and unknown facts read naturally. Unknown operators only fail inside a run, so the loader checks
 * every condition against this list.
 */

const asArray = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : undefined);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

export const CUSTOM_OPERATORS: Record<string, (fact: unknown, value: unknown) => boolean> = {
  /** `true`: the team told us this fact; `false`: it is still unknown. */
  known: (fact, value) => (fact !== undefined && fact !== null) === (value === true),
  /** The list fact holds at least one of the values. */
  containsAny: (fact, value) => {
    const a = asArray(fact);
    return a !== undefined && asList(value).some((v) => a.includes(v));
  },
  /** The list fact is known and holds none of the values. */
  containsNone: (fact, value) => {
    const a = asArray(fact);
    return a !== undefined && !asList(value).some((v) => a.includes(v));
  },
  /** The list fact holds something besides the values (e.g. a language other than English). */
  containsOtherThan: (fact, value) => {
    const a = asArray(fact);
    const list = asList(value);
    return (a ?? []).some((v) => !list.includes(v));
  },
  /** The list fact has at least this many items. */
  sizeAtLeast: (fact, value) => {
    const a = asArray(fact);
    return a !== undefined && typeof value === "number" && a.length >= value;
  },
  /** The list fact is known and has at most this many items (0: known to be empty). */
  sizeAtMost: (fact, value) => {
    const a = asArray(fact);
    return a !== undefined && typeof value === "number" && a.length <= value;
  },
};

export const BUILT_IN_OPERATORS = [
  "equal",
  "notEqual",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
] as const;

export const OPERATOR_NAMES: readonly string[] = [...BUILT_IN_OPERATORS, ...Object.keys(CUSTOM_OPERATORS)];
