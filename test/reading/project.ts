import type { Reading } from "../../src/core/read/facts.ts";

/** What a corpus entry says a correct reading gives. */
export interface Expected {
  counts?: Array<[number, string, string | null, number?]>;
  durations?: Array<[string | null, number]>;
  money?: Array<[number, string | null, string | null]>;
  rates?: Record<string, number>;
  problem?: string[];
  sl?: [number, number];
  coverage?: [number | null, number | null];
  billing?: [number, number];
  languages?: Record<string, boolean>;
  question?: boolean;
  /** The reading must carry a warning or an error the user sees. */
  warned?: boolean;
}

export interface CorpusEntry {
  text: string;
  locale?: string;
  expect: Expected;
}

const r3 = (n: number) => Math.round(n * 1000) / 1000;

/** A reading in the corpus's terms, with only the parts that hold something. */
export function project(r: Reading): Expected {
  const out: Expected = {};
  const counts = r.facts.flatMap((f) =>
    f.kind === "count"
      ? [
          f.intervalSeconds
            ? ([f.value, f.channel, f.period ?? null, f.intervalSeconds] as [
                number,
                string,
                string | null,
                number,
              ])
            : ([f.value, f.channel, f.period ?? null] as [number, string, string | null]),
        ]
      : [],
  );
  if (counts.length) out.counts = counts;
  if (r.facts.some((f) => f.kind === "count" && f.readings)) out.question = true;
  const durations = r.facts.flatMap((f) =>
    f.kind === "duration" ? [[f.role ?? null, r3(f.seconds)] as [string | null, number]] : [],
  );
  if (durations.length) out.durations = durations;
  const money = r.facts.flatMap((f) =>
    f.kind === "money"
      ? [[r3(f.amount), f.currency ?? null, f.per ?? null] as [number, string | null, string | null]]
      : [],
  );
  if (money.length) out.money = money;
  const rates: Record<string, number> = {};
  const problem: string[] = [];
  let warned = false;
  for (const f of r.facts) {
    if (f.kind === "rate" && f.value !== undefined) rates[f.role] = r3(f.value);
    if (f.kind === "rate" && f.problem) {
      problem.push(f.role);
      warned = true;
    }
    if (f.kind === "service-level" && !out.sl) {
      out.sl = [r3(f.target), r3(f.answerSeconds)];
      if (f.reversed) warned = true;
    }
    if (f.kind === "coverage" && !out.coverage) {
      out.coverage = [f.hoursPerDay ?? null, f.daysPerWeek ?? null];
      if (f.assumed) warned = true;
    }
    if (f.kind === "billing" && !out.billing) out.billing = [f.firstSeconds, f.thenSeconds];
    if (f.kind === "language") out.languages = { ...(out.languages ?? {}), [f.code]: f.needed };
  }
  if (Object.keys(rates).length) out.rates = rates;
  if (problem.length) out.problem = problem;
  if (warned) out.warned = true;
  return out;
}

/** A wrong reading the user is not told about: no question, no warning, no error. */
export const silent = (got: Expected): boolean => !got.question && !got.warned;
