import { countedAsCallsWarning } from "../read/to-keys.ts";
import { type QuestionFacts, readFacts, toEstimateArgs, toStaffingArgs } from "./extract.ts";

export const INTENTS = [
  "knowledge",
  "estimate",
  "staffing",
  "advise",
  "vendor",
  "contract",
  "help",
  "unknown",
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Routed {
  intent: Intent;
  /** For estimate and staffing: the command text read from the question. */
  args?: string;
  /** For estimate and staffing: how the question was read that the command's own text cannot say. */
  warnings?: string[];
}

/** Chats or e-mails summed into the volume passed on as `contacts=` / `calls=`: said beside the answer. */
const warningsFor = (facts: QuestionFacts, command: "estimate" | "staffing"): string[] =>
  (["chats", "emails"] as const).flatMap((channel) => {
    const words = facts.countedAsCalls[channel];
    return words ? [countedAsCallsWarning(words, channel, command)] : [];
  });

const routedTo = (command: "estimate" | "staffing", args: string, facts: QuestionFacts): Routed => {
  const warnings = warningsFor(facts, command);
  return { intent: command, args, ...(warnings.length ? { warnings } : {}) };
};

const HELP =
  /^(?:help|\?+|commands?|menu|topics|list(?: all)?(?: topics| commands)?|usage|what can you do|what do you do|how does (?:this|it) work|what can i ask(?: you)?|hi|hello|hey)$/;

const CONTRACT_EVENTS =
  /\b(?:renew|renews|renewal|renewals|renewing|auto-?renew\w*|remind(?:er|ers)?|expire|expires|expiry|expiring|expiration|termination date)\b/;
const OUR_CONTRACT =
  /\b(?:our|my|saved|existing|current)\s+(?:call[- ]cent(?:er|re)\s+)?contracts?\b.*\b(?:when|date|dates|end|ends|track|add|save|store|record|list|show|due|deadline|notice)\b|\b(?:add|save|track|record|list|show)\s+(?:a|our|my|the)?\s*contracts?\b/;

const VENDOR_WORD = /\bvendors?\b|\bshortlist(?:ed)?\b/;
const VENDOR_ACTION =
  /\b(?:our|my|saved|save|list|add|added|remove|delete|show|compare|comparing|comparison|rank|ranking|score|scores|shortlist|shortlisted|track|which|best|cheapest|considering|evaluating)\b/;
const OUR_VENDORS =
  /\b(?:our|my|saved)\s+(?:shortlisted\s+)?(?:vendors?|providers?|call[- ]cent(?:er|re)s?|candidates|bids|offers)\b/;

// The team talking about its own situation and asking what to do.
const ADVISE = [
  /\b(?:should|shall|do|must|can)\s+(?:we|i|my (?:team|company|business)|our (?:team|company|business))\s+(?:outsource|hire a call|use a call|get a call|move to a call|switch to a call|go with a call)/,
  /\b(?:is|would|will)\s+(?:outsourcing|a call[- ]cent(?:er|re)|it)\s+(?:be\s+)?(?:right|good|worth(?: it)?|a good idea|the right move|sensible)\s+for\s+(?:us|me|our|my)\b/,
  /\bwhat\s+(?:do|would)\s+you\s+(?:recommend|suggest|advise)\b/,
  /\b(?:recommend|advise|suggest|advice)\b.*\b(?:for|to)\s+(?:us|me|our|my)\b/,
  /\b(?:best|right|ideal|suit(?:s|able)?|fit(?:s)?)\s+(?:for\s+)?(?:us|me|our (?:team|company|business|needs|case|situation))\b/,
  /\bwhat\s+should\s+(?:we|i)\s+do\b/,
  /\bhelp\s+(?:us|me)\s+(?:decide|choose)\b/,
  /\bin\s+our\s+(?:situation|case)\b/,
  // The saved team profile is what /cc-advise reads and updates.
  /\b(?:our|my)\s+(?:team'?s?\s+|company'?s?\s+)?profile\b/,
];

/** Decide what a question is about before any search: numbers go to the calculators. */
export function routeIntent(text: string, facts: QuestionFacts = readFacts(text)): Routed {
  const q = text
    .toLowerCase()
    .replace(/[.!?\s]+$/, "")
    .trim();
  if (q === "" || HELP.test(q)) return { intent: "help" };

  const typedKeys = new Set(facts.pairs.map(([k]) => k));
  const estimateKeys = ["contacts", "hours", "billing", "shared-rate", "hourly-rate", "talk"].some((k) =>
    typedKeys.has(k),
  );
  const staffingKeys = ["calls", "interval", "aht"].some((k) => typedKeys.has(k));
  const v = facts.volume;
  const hasTime = Boolean(facts.duration ?? facts.talk ?? facts.aht ?? facts.wrap);

  if (v || estimateKeys || staffingKeys) {
    const monthly = Boolean(v?.period) || (estimateKeys && !staffingKeys);
    const perInterval = Boolean(v?.intervalSeconds) || staffingKeys;
    const estimate = (): Routed => routedTo("estimate", toEstimateArgs(text, facts), facts);
    const staffing = (): Routed => routedTo("staffing", toStaffingArgs(text, facts), facts);
    if (facts.costWords && !perInterval) return estimate();
    if (facts.costWords && perInterval && !facts.agentWords) return estimate();
    if (!ADVISE.some((re) => re.test(q))) {
      if (facts.agentWords) return monthly ? estimate() : staffing();
      if (perInterval && (hasTime || facts.target)) return staffing();
      if (monthly && hasTime) return estimate();
      if (estimateKeys || staffingKeys) return monthly ? estimate() : staffing();
    }
  }
  if (CONTRACT_EVENTS.test(q) || OUR_CONTRACT.test(q)) return { intent: "contract" };
  if ((VENDOR_WORD.test(q) && VENDOR_ACTION.test(q)) || OUR_VENDORS.test(q)) return { intent: "vendor" };
  if (ADVISE.some((re) => re.test(q))) return { intent: "advise" };
  return { intent: "knowledge" };
}
