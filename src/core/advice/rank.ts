import type { Recommendation } from "./advise.ts";
import type { Profile } from "./profile.ts";

/** How much a recommendation matters for this team, for the first screen of the advice. */
export interface Ranked {
  recommendation: Recommendation;
  /** 1 is the point that changes this team's choice most. */
  rank: number;
  /** The rule fired on a fact the team gave (not on a missing fact, not for every team). */
  specific: boolean;
}

const SEVERITY_WEIGHT = { must: 0, should: 1, consider: 2 } as const;

/** The team-given facts a rule used: a rule that fired because a fact is unknown does not count. */
const givenFacts = (r: Recommendation, profile: Profile): number =>
  r.facts.filter((k) => profile[k] !== undefined).length;

/**
 * Ranks every recommendation: the ones that fired on the team's own facts first (musts, then shoulds,
 * then the rest; among equals, the rule that used more of the team's facts, then the rule's priority),
 * then the points the guide makes for every team in the same order. The sort is stable, so the
 * advice's own order breaks the remaining ties.
 */
export function rankRecommendations(recs: Recommendation[], profile: Profile): Ranked[] {
  const scored = recs.map((r, i) => ({ r, i, given: givenFacts(r, profile) }));
  scored.sort(
    (a, b) =>
      Number(b.given > 0) - Number(a.given > 0) ||
      SEVERITY_WEIGHT[a.r.severity] - SEVERITY_WEIGHT[b.r.severity] ||
      b.given - a.given ||
      b.r.priority - a.r.priority ||
      a.i - b.i,
  );
  return scored.map((s, n) => ({ recommendation: s.r, rank: n + 1, specific: s.given > 0 }));
}

/** The first screen: every must from the team's facts, then at most `more` further specific points. */
export interface FirstScreen {
  musts: Ranked[];
  top: Ranked[];
  /** Everything not on the first screen, in rank order. */
  rest: Ranked[];
}

export const FIRST_SCREEN_POINTS = 5;

export function firstScreen(ranked: Ranked[], more = FIRST_SCREEN_POINTS): FirstScreen {
  const musts = ranked.filter((x) => x.specific && x.recommendation.severity === "must");
  const top = ranked.filter((x) => x.specific && x.recommendation.severity !== "must").slice(0, more);
  const shown = new Set([...musts, ...top]);
  return { musts, top, rest: ranked.filter((x) => !shown.has(x)) };
}
