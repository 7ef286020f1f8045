import { type CleanQuestion, cleanQuestion } from "./clean.ts";
import type { KnowledgeEntry } from "./entry.ts";
import { type Intent, routeIntent } from "./intent.ts";
import { loadKnowledge } from "./load.ts";
import { KnowledgeIndex } from "./search.ts";

/** Below this a match is reported as weak: the closest topics are offered instead of an answer. */
export const CONFIDENT = 0.5;

/** How many related topics a reply offers as buttons. */
export const MAX_RELATED = 3;

export interface AskAnswer {
  intent: Intent;
  question: CleanQuestion;
  /** The answer shown, or null when nothing fits well enough (or for help). */
  entry: KnowledgeEntry | null;
  /** Related topics to offer; for a weak match, the closest topics. */
  related: KnowledgeEntry[];
  confidence: number;
  /** For estimate and staffing: the command text read from the question. */
  commandArgs?: string;
  /** For estimate and staffing: readings of the question to say beside the command's answer. */
  commandWarnings?: string[];
}

/** The entry that explains what each routed intent's command does. */
const INTENT_ENTRY: Partial<Record<Intent, string>> = {
  estimate: "estimate-cost",
  staffing: "agents-needed",
  advise: "advice",
  vendor: "vendor-tracking",
  contract: "contract-tracking",
};

/** Rules decide these intents, so we are fairly sure of them, but never as sure as a topic picked by id. */
const ROUTED_CONFIDENCE = 0.9;

/** Shown when nothing matches at all: the broadest topics. */
const STARTER_TOPICS = ["criteria-overview", "pricing-models", "selection-steps"];

export class KnowledgeBase {
  readonly index: KnowledgeIndex;

  constructor(entries: readonly KnowledgeEntry[]) {
    this.index = new KnowledgeIndex(entries);
  }

  get entries(): readonly KnowledgeEntry[] {
    return this.index.entries;
  }

  /** Answer a question as typed in Slack (markup and all). Never throws on any string. */
  answer(raw: string): AskAnswer {
    const question = cleanQuestion(raw);
    const text = question.text;
    const topic = /^topic:\s*([a-z0-9-]+)$/i.exec(text);
    if (topic?.[1]) return this.topic(topic[1], question);

    const routed = routeIntent(text);
    if (routed.intent === "help")
      return { intent: "help", question, entry: null, related: [], confidence: 1 };
    const routedEntry = this.index.get(INTENT_ENTRY[routed.intent] ?? "");
    if (routedEntry) {
      // Related topics: what the question itself is closest to, then the entry's own links.
      const hits = routed.intent === "advise" ? this.index.query(text, 4).map((h) => h.entry) : [];
      return {
        intent: routed.intent,
        question,
        entry: routedEntry,
        related: this.pickRelated(routedEntry, hits),
        confidence: ROUTED_CONFIDENCE,
        ...(routed.args !== undefined ? { commandArgs: routed.args } : {}),
        ...(routed.warnings ? { commandWarnings: routed.warnings } : {}),
      };
    }

    const hits = this.index.query(text, 5);
    const best = hits[0];
    if (best && best.confidence >= CONFIDENT) {
      return {
        intent: "knowledge",
        question,
        entry: best.entry,
        related: this.pickRelated(best.entry, []),
        confidence: best.confidence,
      };
    }
    const closest = hits.length > 0 ? hits.map((h) => h.entry) : this.ids(STARTER_TOPICS);
    return {
      intent: "unknown",
      question,
      entry: null,
      related: closest.slice(0, MAX_RELATED),
      confidence: best?.confidence ?? 0,
    };
  }

  /** The entry with this id, as a confident answer (related-topic buttons send `topic:<id>`). */
  topic(id: string, question: CleanQuestion = cleanQuestion(`topic:${id}`)): AskAnswer {
    const entry = this.index.get(id.toLowerCase());
    if (entry)
      return { intent: "knowledge", question, entry, related: this.pickRelated(entry, []), confidence: 1 };
    const hits = this.index.query(id.replace(/-/g, " "), MAX_RELATED).map((h) => h.entry);
    return {
      intent: "unknown",
      question,
      entry: null,
      related: hits.length > 0 ? hits : this.ids(STARTER_TOPICS),
      confidence: 0,
    };
  }

  private ids(ids: string[]): KnowledgeEntry[] {
    return ids.flatMap((id) => {
      const e = this.index.get(id);
      return e ? [e] : [];
    });
  }

  private pickRelated(entry: KnowledgeEntry, first: KnowledgeEntry[]): KnowledgeEntry[] {
    const out: KnowledgeEntry[] = [];
    for (const e of [...first, ...this.ids(entry.related)]) {
      if (e.id !== entry.id && !out.some((o) => o.id === e.id)) out.push(e);
      if (out.length === MAX_RELATED) break;
    }
    return out;
  }
}

let shared: KnowledgeBase | undefined;

/** The knowledge base of data/knowledge, loaded and indexed once for the life of the process. */
export function knowledgeBase(): KnowledgeBase {
  shared ??= new KnowledgeBase(loadKnowledge());
  return shared;
}
