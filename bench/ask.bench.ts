import { KnowledgeBase } from "../src/core/knowledge/answer.ts";
import { loadKnowledge } from "../src/core/knowledge/load.ts";

// A spread of what people type: short and long, typos, numbers, off-topic, Slack markup.
const QUESTIONS = [
  "dedicated vs shared agents",
  "difference between shared and dedicted agents?",
  "per second or per minute billing?",
  "should we pay for hold time",
  "hidden fees to watch out for",
  "do they offer spanish speaking agents?",
  "cloud or on-premises call center?",
  "what is erlang c",
  "what does 80/20 service level mean",
  "signs its time to outsource customer service",
  "what percentage of customers leave after waiting 5 minutes",
  "what would 12k calls a month at 6 minutes cost?",
  "how many agents for 80/20 with 300 calls an hour?",
  "show our saved vendors",
  "remind me before our contract renews",
  "what's the weather in Paris",
  "<@U123> is <https://x.io|hold time> billed? :thinking_face:",
  `we are a growing online shop and our staff spend too much time on the phone, ${"callbacks take days and we lose leads, ".repeat(8)}what should we look for?`,
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

export default async function bench(): Promise<void> {
  const t0 = performance.now();
  const entries = loadKnowledge();
  const loadMs = performance.now() - t0;

  // Index build: warm up, then the median of several builds.
  for (let i = 0; i < 5; i++) new KnowledgeBase(entries);
  const builds: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    new KnowledgeBase(entries);
    builds.push(performance.now() - s);
  }
  const kb = new KnowledgeBase(entries);

  for (let i = 0; i < 200; i++) for (const q of QUESTIONS) kb.answer(q);
  const times: number[] = [];
  const rounds = 200;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) {
    for (const q of QUESTIONS) {
      const s = performance.now();
      kb.answer(q);
      times.push(performance.now() - s);
    }
  }
  const total = performance.now() - start;
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  const fmt = (n: number, d = 3) =>
    n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

  process.stdout.write(`ask: loaded ${entries.length} entries in ${fmt(loadMs, 1)} ms\n`);
  process.stdout.write(`ask: index build median ${fmt(median(builds))} ms (${builds.length} builds)\n`);
  process.stdout.write(
    `ask: ${times.length.toLocaleString("en-US")} answers in ${fmt(total, 1)} ms: median ${fmt(median(times))} ms, p95 ${fmt(p95)} ms (${Math.round((times.length / total) * 1000).toLocaleString("en-US")} answers/s)\n`,
  );
}
