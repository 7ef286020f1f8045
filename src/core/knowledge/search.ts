import MiniSearch, { type SearchResult } from "minisearch";
import type { KnowledgeEntry } from "./entry.ts";
import { STOP_WORDS, splitWords, termsOf, toTerm, withinOneEdit } from "./terms.ts";

/** One candidate answer with its raw BM25+ score and a calibrated confidence in [0, 1]. */
export interface Hit {
  entry: KnowledgeEntry;
  score: number;
  confidence: number;
}

interface Doc {
  id: string;
  title: string;
  keywords: string;
  answer: string;
}

const GENERIC = new Set([
  "call",
  "outsourc",
  "custom",
  "customer",
  "servic",
  "support",
  "agent",
  "provider",
  "compani",
]);

/** How raw scores become a confidence; see `confidence()`. */
export interface Calibration {
  /** Document frequency given to words the entries never use (lower: they weigh more). */
  unknownDf: number;
  coveragePower: number;
  /** The score at which strength is one half. */
  halfScore: number;
  strengthPower: number;
  /** Added to the relative lead over the runner-up before capping at 1. */
  marginBase: number;
}

export const DEFAULT_CALIBRATION: Calibration = {
  unknownDf: 0.2,
  coveragePower: 0.7,
  halfScore: 30,
  strengthPower: 0.5,
  marginBase: 0.75,
};

/** Questions longer than this many terms are cut: it keeps a pasted essay as fast as a question. */
const MAX_QUERY_TERMS = 40;

/**
 * Full-text search over the entries (minisearch: BM25+, fuzzy and prefix matching), built once. On top
 * of the ranking it measures how much of the question the best entry explains, so a question that
 * merely shares a word with an entry is reported as a weak match instead of a confident answer.
 */
export class KnowledgeIndex {
  readonly entries: readonly KnowledgeEntry[];
  private readonly byId = new Map<string, KnowledgeEntry>();
  private readonly search: MiniSearch<Doc>;
  /** Inverse document frequency of each term: rare terms say more about what a question is about. */
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  /** Multi-word keywords as term sequences, for a bonus when a question contains the whole phrase. */
  private readonly phrases = new Map<string, string[][]>();

  private readonly cal: Calibration;

  constructor(entries: readonly KnowledgeEntry[], calibration: Calibration = DEFAULT_CALIBRATION) {
    this.entries = entries;
    this.cal = calibration;
    this.search = new MiniSearch<Doc>({
      fields: ["title", "keywords", "answer"],
      tokenize: splitWords,
      processTerm: toTerm,
      searchOptions: {
        boost: { title: 2.5, keywords: 3, answer: 0.6 },
        // Typos only on longer words: fuzzy short words match everything ("cost" ~ "host").
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        prefix: (term) => term.length >= 4,
        weights: { fuzzy: 0.5, prefix: 0.4 },
        combineWith: "OR",
        // Words every question here shares say little about which topic it is.
        boostTerm: (term) => (GENERIC.has(term) ? 0.4 : 1),
      },
    });
    const df = new Map<string, number>();
    for (const e of entries) {
      this.byId.set(e.id, e);
      const terms = new Set(termsOf(`${e.title} ${e.keywords.join(" ")} ${e.answer}`));
      for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
      this.phrases.set(
        e.id,
        e.keywords.map((k) => termsOf(k)).filter((p) => p.length >= 2),
      );
    }
    const n = entries.length;
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + n / d));
    this.unknownIdf = Math.log(1 + n / calibration.unknownDf);
    this.search.addAll(
      entries.map((e) => ({ id: e.id, title: e.title, keywords: e.keywords.join(" | "), answer: e.answer })),
    );
  }

  get(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id);
  }

  /** The best entries for a question, best first; confidence is only high for the top hit. */
  query(question: string, limit = 5): Hit[] {
    const words = splitWords(question);
    const terms: string[] = [];
    for (const w of words) {
      const t = this.correct(w);
      if (t !== null && !terms.includes(t)) terms.push(t);
      if (terms.length >= MAX_QUERY_TERMS) break;
    }
    if (terms.length === 0) return [];
    // The terms are already processed: hand minisearch the words that produced them.
    const results = this.search.search(terms.join(" "), { processTerm: (t) => t });
    if (results.length === 0) return [];
    const rescored = results
      .map((r) => ({ r, score: r.score * (1 + 0.35 * this.phraseMatches(String(r.id), terms)) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
    const top = rescored[0];
    const second = rescored[1];
    return rescored.flatMap(({ r, score }, i) => {
      const entry = this.byId.get(String(r.id));
      if (!entry) return [];
      const confidence =
        i === 0 && top ? this.confidence(terms, r, score, second?.score ?? 0) : Math.min(0.49, score / 100);
      return [{ entry, score, confidence }];
    });
  }

  /**
   * The term for a typed word, with typos fixed where that is unambiguous: a misspelt stop word
   * ("betwen") is dropped, and a word one edit away from a known term ("inboud") becomes that term,
   * so it is searched and weighed like the word that was meant.
   */
  private correct(word: string): string | null {
    const t = toTerm(word);
    if (t === null || this.idf.has(t) || word.length < 5 || /\d/.test(word)) return t;
    const lower = word.toLowerCase();
    if (STOP_WORDS.some((s) => s.length >= 4 && withinOneEdit(lower, s))) return null;
    let best: string | undefined;
    for (const known of this.idf.keys()) {
      if (known.length >= 4 && withinOneEdit(t, known)) {
        // Two different candidates: keep the word as typed and let fuzzy matching weigh both.
        if (best !== undefined) return t;
        best = known;
      }
    }
    return best ?? t;
  }

  private phraseMatches(id: string, terms: string[]): number {
    let n = 0;
    for (const p of this.phrases.get(id) ?? []) {
      for (let i = 0; i + p.length <= terms.length; i++) {
        if (p.every((t, j) => terms[i + j] === t)) {
          n++;
          break;
        }
      }
    }
    return Math.min(n, 3);
  }

  /**
   * How sure we are that the top hit answers the question. Coverage: the share of the question's
   * meaning (terms weighted by rarity; words the knowledge base never uses weigh the most) that the
   * entry matched. Strength: the BM25 score, saturating. Margin: how far ahead of the runner-up it is.
   */
  private confidence(terms: string[], top: SearchResult, score: number, secondScore: number): number {
    const matched = new Set(top.queryTerms);
    const docTerms = top.terms;
    let total = 0;
    let hit = 0;
    for (const t of terms) {
      const w = this.idf.get(t) ?? this.unknownIdf;
      total += w;
      if (!matched.has(t)) continue;
      // A word found as typed counts fully; a prefix or a typo-tolerant match counts for less.
      const how = docTerms.includes(t) ? 1 : docTerms.some((d) => d.startsWith(t)) ? 0.85 : 0.6;
      hit += w * how;
    }
    const coverage = total > 0 ? hit / total : 0;
    const { coveragePower, halfScore, strengthPower, marginBase } = this.cal;
    const strength = score / (score + halfScore);
    const margin = secondScore > 0 ? Math.min(1, (score - secondScore) / score + marginBase) : 1;
    const c = coverage ** coveragePower * strength ** strengthPower * margin;
    return Math.max(0, Math.min(1, Math.round(c * 1000) / 1000));
  }
}
