import type { CacheCaps } from "../bounded-cache.ts";
import { numberLocale } from "../format/number.ts";
import { identityOf, Memo } from "../memo.ts";
import { costFacts, costNote, factsBehind } from "./cost-facts.ts";
import { CRITERIA, type Criterion } from "./criteria.ts";
import { runRules } from "./engine.ts";
import { explain } from "./explain.ts";
import { CRITERION_LABELS } from "./labels.ts";
import { type LoadedRule, loadRules, type RuleSet } from "./load.ts";
import type { Profile, ProfileKey } from "./profile.ts";
import type { Severity } from "./rule-file.ts";
import { fillTitle } from "./words.ts";

/** A choice that lost to a higher-priority rule on the same criterion. */
export interface Alternative {
  choice: string;
  title: string;
  rule: string;
  reason: string;
}

export interface Recommendation {
  criterion: Criterion;
  choice?: string;
  severity: Severity;
  title: string;
  /** Why it fired, from the facts: "Because you expect about 2,000 contacts a month (under 3,000)." */
  reason: string;
  /** Why it matters, from the rule file. */
  explanation: string;
  /** The rule's stable name. */
  rule: string;
  priority: number;
  askVendor: string[];
  /** The facts that made it fire. */
  facts: ProfileKey[];
  /** Choices on the same criterion that lost to this one. */
  alternatives?: Alternative[];
}

export interface ChecklistItem {
  criterion: Criterion;
  severity: Severity;
  question: string;
}

export interface Advice {
  /** Grouped by criterion, criteria with a must first; within one, musts first then by priority. */
  recommendations: Recommendation[];
  /** Every question to ask vendors, without repeats, in the order of the recommendations. */
  checklist: ChecklistItem[];
  /** How many rules fired before conflicts were resolved. */
  fired: number;
  /** The cost model's verdict the rules were given (null when the volume is unknown). */
  costVerdict?: { cheapestModel: string | null; breakEvenVolume: number | null };
}

export const SEVERITY_RANK: Record<Severity, number> = { must: 0, should: 1, consider: 2 };

let defaultSet: RuleSet | undefined;
/** The rules in `rules/`, loaded and checked once. Throws RuleFileError if a file is broken. */
export const defaultRuleSet = (): RuleSet => {
  defaultSet ??= loadRules();
  return defaultSet;
};

type Fired = Recommendation & { order: number };

const stronger = (a: Fired, b: Fired): number =>
  b.priority - a.priority || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.order - b.order;

/**
 * Keep one choice per criterion: the highest-priority rule's choice wins (then the stronger severity,
 * then file order). Rules agreeing with the winner stay; the others become its alternatives.
 */
function resolve(fired: Fired[]): Fired[] {
  const byCriterion = new Map<Criterion, Fired[]>();
  for (const f of fired) {
    const list = byCriterion.get(f.criterion) ?? [];
    list.push(f);
    byCriterion.set(f.criterion, list);
  }
  const kept: Fired[] = [];
  for (const list of byCriterion.values()) {
    const choosing = list.filter((f) => f.choice !== undefined).sort(stronger);
    const winner = choosing[0];
    for (const f of list) {
      if (f.choice === undefined || f.choice === winner?.choice) kept.push(f);
    }
    if (winner) {
      const alternatives: Alternative[] = [];
      for (const f of choosing) {
        if (f.choice === winner.choice || alternatives.some((a) => a.choice === f.choice)) continue;
        alternatives.push({ choice: f.choice as string, title: f.title, rule: f.rule, reason: f.reason });
      }
      if (alternatives.length) winner.alternatives = alternatives;
    }
  }
  return kept;
}

/** Order: criteria holding a must first (then the guide's order); inside, musts first, then priority. */
function order(recs: Fired[]): Fired[] {
  const best = new Map<Criterion, number>();
  for (const r of recs)
    best.set(r.criterion, Math.min(best.get(r.criterion) ?? 9, SEVERITY_RANK[r.severity]));
  const pos = (c: Criterion) => CRITERIA.indexOf(c);
  return [...recs].sort(
    (a, b) =>
      (best.get(a.criterion) ?? 9) - (best.get(b.criterion) ?? 9) ||
      pos(a.criterion) - pos(b.criterion) ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.priority - a.priority ||
      a.order - b.order,
  );
}

const toRecommendation = (
  rule: LoadedRule,
  profile: Profile,
  result: Parameters<typeof explain>[0],
): Fired => {
  const p = rule.event.params;
  const why = explain(result);
  return {
    criterion: p.criterion,
    ...(p.choice !== undefined ? { choice: p.choice } : {}),
    severity: p.severity,
    title: fillTitle(p.title, profile),
    reason: why.reason,
    explanation: p.explanation,
    rule: rule.name,
    priority: rule.priority,
    askVendor: [...p.askVendor],
    facts: factsBehind(why.facts, profile),
    order: rule.order,
  };
};

/**
 * Advice is a pure function of the profile, the rules and the reply's number locale, and a team asks
 * again with the same facts (the App Home, "show", the same line re-typed): the rule run and the cost
 * estimate behind it are kept for those (about 50 KB each as counted).
 */
export const ADVICE_CACHE_CAPS: CacheCaps = { entries: 200, bytes: 4 * 1024 * 1024 };
const adviceCache = new Memo<Advice>(ADVICE_CACHE_CAPS);

/** Advice for a needs profile: what to look for, why, and what to ask vendors. */
export function advise(profile: Profile, set: RuleSet = defaultRuleSet()): Promise<Advice> {
  const key = `${identityOf(set)}|${numberLocale()}|${JSON.stringify(profile)}`;
  return adviceCache.getAsync(key, () => adviseNow(profile, set));
}

async function adviseNow(profile: Profile, set: RuleSet): Promise<Advice> {
  const byName = new Map(set.rules.map((r) => [r.name, r]));
  const derived = costFacts(profile);
  const results = await runRules(set, profile, derived);
  const fired: Fired[] = [];
  for (const res of results) {
    const rule = byName.get(res.name as string);
    if (rule) fired.push(toRecommendation(rule, profile, res));
  }
  const recommendations = order(resolve(fired)).map(({ order: _order, ...r }) => {
    const note = r.criterion === "agent-model" ? costNote(r.choice, derived) : undefined;
    return note ? { ...r, reason: `${r.reason} ${note}` } : r;
  });
  return {
    recommendations,
    checklist: checklistOf(recommendations),
    fired: fired.length,
    costVerdict: {
      cheapestModel: derived["cheapest-model"] ?? null,
      breakEvenVolume: derived["break-even-volume"] ?? null,
    },
  };
}

/** The questions to ask vendors, without repeats, musts' questions first within each criterion. */
export function checklistOf(recs: Recommendation[]): ChecklistItem[] {
  const seen = new Set<string>();
  const items: ChecklistItem[] = [];
  for (const r of recs)
    for (const q of r.askVendor) {
      const k = q.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      items.push({ criterion: r.criterion, severity: r.severity, question: q });
    }
  return items;
}

/** The checklist as a plain-text file people can print or paste into an e-mail to vendors. */
export function checklistText(
  items: ChecklistItem[],
  heading = "Questions to ask each call-center vendor",
): string {
  const lines = [heading, "=".repeat(heading.length), ""];
  let current: Criterion | undefined;
  let n = 0;
  for (const item of items) {
    if (item.criterion !== current) {
      if (current !== undefined) lines.push("");
      current = item.criterion;
      lines.push(CRITERION_LABELS[item.criterion]);
    }
    n++;
    lines.push(`${n}. ${item.severity === "must" ? "[must] " : ""}${item.question}`);
    lines.push("   Answer: ________________________________________");
  }
  return `${lines.join("\n")}\n`;
}
