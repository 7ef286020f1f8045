/**
 * Whether a yes/no fact found at [start, end) of prepared text is affirmed: a negation or a past tense
 * anywhere in the clause that holds it turns it off ("Spanish isn't needed", "no 24/7 needed",
 * "French would be nice but not required", "we used to take card payments but not anymore").
 */
export interface Polarity {
  value: boolean;
  /** The words that turned it off, in prepared text, when it is off. */
  because?: string;
}

const BEFORE_NEGATION =
  /(?:^|[^a-z'])(no|not|never|without|don't|dont|do not|doesn't|does not|didn't|did not|isn't|aren't|won't|will not|no need for|no need of|neither|nor|except|other than|instead of|rather than|stopped|stop|dropped|no longer)(?![a-z'])/;

const AFTER_NEGATION =
  /^(?:[^.;!?]*?)(?:(?:isn't|is not|aren't|are not|wasn't|not|never|no longer)\s+(?:really\s+|strictly\s+|absolutely\s+|actually\s+|so\s+)?(?:needed|required|necessary|important|a must|essential|mandatory|a requirement|relevant|a priority|wanted|supported|offered|in scope|an option)|nice[- ]to[- ]have|would be nice|could be nice|optional|a bonus|a plus|not a must|not anymore|no longer|anymore|not any more|not needed|not required|is not|isn't|aren't|are not|not so much|we don't|we do not|we dont|no thanks)(?![a-z])/;

/** Where the clause after a fact ends: a sentence mark, or a comma/"but" that starts a new point. */
const afterScope = (rest: string): string => {
  const stop =
    /[.;!?]|,\s*(?!but\s+(?:not|no|never)\b)|\s(?:but|however|while|whereas)\s+(?!not\b|no\b|never\b|only\b)|\s(?:and|also)\s+(?=(?:we|our|they|i|it)\b)/.exec(
      rest,
    );
  return stop ? rest.slice(0, stop.index) : rest;
};

/** Where the clause before a fact starts. */
const beforeScope = (before: string): string =>
  before.split(/[.;!?]|,\s|\sbut\s|\showever\s|\swhile\s|\swhereas\s|\salthough\s/).pop() ?? "";

export function polarity(text: string, start: number, end: number): Polarity {
  const before = beforeScope(text.slice(Math.max(0, start - 80), start));
  const after = afterScope(text.slice(end, end + 80));
  const tail = before.trim().split(/\s+/).slice(-5).join(" ");
  const neg = BEFORE_NEGATION.exec(` ${tail}`);
  // "not only Spanish but also French": still wanted.
  if (neg && !/not only\s*$/.test(tail) && !/\bnot only\b/.test(tail))
    return { value: false, because: neg[1] };
  const past = /(?:^|[^a-z])(used to|previously|formerly|in the past|we once)(?![a-z])/.exec(before);
  if (past && !/\bstill\b/.test(after) && !/\bstill\b/.test(before))
    return { value: false, because: past[1] };
  const afterNeg = AFTER_NEGATION.exec(after);
  if (afterNeg) return { value: false, because: afterNeg[0].trim() };
  return { value: true };
}
