import type { ConditionJson } from "../../src/core/advice/rule-file.ts";

/**
 * Build profiles from a rule's conditions: one meant to make it fire and one meant to keep it quiet.
 * The engine then decides: the tests assert what json-rules-engine actually did with them.
 */

type Facts = Record<string, unknown>;
const UNSET = Symbol("unset");
type Assignment = Record<string, unknown>;

/** A value every fact can take, for `known: true`. */
export const SAMPLE: Record<string, unknown> = {
  volume: 5000,
  pattern: "steady",
  channels: ["voice"],
  inbound: ["support"],
  outbound: ["surveys"],
  languages: ["es"],
  international: true,
  expansion: "latam",
  accents: "tolerant",
  priority: "balanced",
  complexity: "simple",
  industry: "retail",
  licensed: true,
  payments: true,
  health: true,
  "personal-data": true,
  hours: "business",
  dr: true,
  reporting: "basic",
  crm: ["hubspot"],
  growth: 10,
  employees: 100,
  "in-house-agents": 5,
  sites: 1,
  cloud: "trusted",
  talk: 5,
  wrap: 1,
  hold: 1,
  switching: "no",
  quotes: 1,
  overloaded: true,
  "lost-sales": true,
  "missed-calls": true,
  "callback-hours": 4,
  "missed-appointments": true,
  "language-barriers": true,
  // Facts the advice derives from the cost estimate (src/core/advice/cost-facts.ts).
  "cheapest-model": "shared",
  "break-even-volume": 20000,
  "semi-dedicated-offered": true,
};

const FILLERS: Record<string, unknown[]> = {
  languages: ["es", "fr", "de", "it"],
  channels: ["voice", "email", "chat", "sms"],
  inbound: ["support", "orders", "technical", "messages"],
  outbound: ["surveys", "follow-up", "win-back", "lead-generation"],
  crm: ["hubspot", "zendesk", "salesforce"],
};

/** Another value of the same fact, different from `v`. */
const OTHER: Record<string, unknown[]> = {
  pattern: ["steady", "seasonal", "inconsistent"],
  accents: ["sensitive", "tolerant"],
  priority: ["cost", "balanced", "quality"],
  complexity: ["simple", "specialized"],
  hours: ["business", "extended", "24/7"],
  reporting: ["basic", "real-time", "recordings"],
  cloud: ["trusted", "skeptical"],
  switching: ["underperforming", "no"],
  expansion: ["latam", "europe"],
  industry: ["retail", "e-commerce"],
  "cheapest-model": ["shared", "semi-dedicated", "dedicated"],
};
const otherThan = (fact: string, v: unknown): unknown => {
  if (typeof v === "boolean") return !v;
  return (OTHER[fact] ?? []).find((x) => x !== v) ?? UNSET;
};

const merge = (a: Assignment | undefined, b: Assignment | undefined): Assignment | undefined => {
  if (!a || !b) return undefined;
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (!(k in out)) out[k] = v;
    else if (Array.isArray(out[k]) && Array.isArray(v))
      out[k] = [...new Set([...(out[k] as unknown[]), ...v])];
    else if (out[k] !== v) return undefined;
  }
  return out;
};

function leafTrue(fact: string, op: string, value: unknown): Assignment {
  switch (op) {
    case "equal":
      return { [fact]: value };
    case "in":
      return { [fact]: (value as unknown[])[0] };
    case "lessThan":
      return { [fact]: Math.max(0, (value as number) - 1) };
    case "lessThanInclusive":
    case "greaterThanInclusive":
      return { [fact]: value };
    case "greaterThan":
      return { [fact]: (value as number) + 1 };
    case "known":
      return { [fact]: value ? SAMPLE[fact] : UNSET };
    case "contains":
      return { [fact]: [value] };
    case "containsAny":
      return { [fact]: [(value as unknown[])[0]] };
    case "containsOtherThan":
      return { [fact]: fact === "languages" ? ["es"] : ["x"] };
    case "sizeAtLeast":
      return { [fact]: (FILLERS[fact] ?? []).slice(0, value as number) };
    case "sizeAtMost":
      return { [fact]: [] };
    default:
      throw new Error(`no witness for operator ${op}`);
  }
}

function leafFalse(fact: string, op: string, value: unknown): Assignment {
  switch (op) {
    case "known":
      return { [fact]: value ? UNSET : SAMPLE[fact] };
    case "lessThan":
    case "lessThanInclusive":
      return { [fact]: (value as number) + 1 };
    case "greaterThan":
    case "greaterThanInclusive":
      return { [fact]: 0 };
    default:
      // Most operators do not hold on an unknown fact.
      return { [fact]: UNSET };
  }
}

const NUMERIC = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);

/** Several bounds on one number in an `all` ("3,000 or more and under 10,000"): pick a value inside. */
function numericRanges(list: ConditionJson[]): { rest: ConditionJson[]; fixed: Assignment } | undefined {
  const bounds = new Map<string, { lo: number; hi: number }>();
  const rest: ConditionJson[] = [];
  for (const c of list) {
    if ("fact" in c && NUMERIC.has(c.operator) && typeof c.value === "number") {
      const b = bounds.get(c.fact) ?? { lo: 0, hi: Number.POSITIVE_INFINITY };
      if (c.operator === "lessThan") b.hi = Math.min(b.hi, c.value - 1);
      if (c.operator === "lessThanInclusive") b.hi = Math.min(b.hi, c.value);
      if (c.operator === "greaterThan") b.lo = Math.max(b.lo, c.value + 1);
      if (c.operator === "greaterThanInclusive") b.lo = Math.max(b.lo, c.value);
      bounds.set(c.fact, b);
    } else rest.push(c);
  }
  const fixed: Assignment = {};
  for (const [fact, b] of bounds) {
    if (b.lo > b.hi) return undefined;
    fixed[fact] = b.lo;
  }
  return { rest, fixed };
}

export function satisfy(c: ConditionJson): Assignment | undefined {
  if ("all" in c) {
    const split = numericRanges(c.all);
    if (!split) return undefined;
    return split.rest.reduce<Assignment | undefined>((acc, x) => merge(acc, satisfy(x)), split.fixed);
  }
  if ("any" in c) {
    for (const x of c.any) {
      const s = satisfy(x);
      if (s) return s;
    }
    return undefined;
  }
  if ("not" in c) return falsify(c.not);
  return leafTrue(c.fact, c.operator, c.value);
}

export function falsify(c: ConditionJson): Assignment | undefined {
  if ("all" in c) return c.all.length ? falsify(c.all[0] as ConditionJson) : undefined;
  if ("any" in c) return c.any.reduce<Assignment | undefined>((acc, x) => merge(acc, falsify(x)), {});
  if ("not" in c) return satisfy(c.not);
  return leafFalse(c.fact, c.operator, c.value);
}

/** An assignment as a profile: unset facts are left out. */
export const toProfile = (a: Assignment): Facts =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== UNSET));

export { otherThan };
