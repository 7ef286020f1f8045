import { advise, defaultRuleSet } from "../src/core/advice/advise.ts";
import { buildEngine } from "../src/core/advice/engine.ts";
import { parseAdviseInput } from "../src/core/advice/input.ts";
import type { Profile } from "../src/core/advice/profile.ts";

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

const fmt = (ms: number) => ms.toLocaleString("en-US", { maximumFractionDigits: 3 });

/** Rules evaluation: one full advice per request (engine built, run, explained, resolved). */
export default async function bench(): Promise<void> {
  const t0 = performance.now();
  const set = defaultRuleSet();
  const loadMs = performance.now() - t0;

  const profiles: Profile[] = [
    { volume: 2000, pattern: "inconsistent", languages: ["en", "es"], payments: true },
    {
      volume: 60000,
      pattern: "seasonal",
      hours: "24/7",
      sites: 4,
      cloud: "skeptical",
      complexity: "specialized",
    },
    {},
    { expansion: "latam", growth: 40, quotes: 1, overloaded: true, crm: ["salesforce"], inbound: ["orders"] },
  ];
  for (let i = 0; i < 200; i++) await advise(profiles[i % profiles.length] as Profile, set);

  const builds: number[] = [];
  for (let i = 0; i < 500; i++) {
    const s = performance.now();
    buildEngine(set);
    builds.push(performance.now() - s);
  }

  const runs: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const p = profiles[i % profiles.length] as Profile;
    const s = performance.now();
    await advise(p, set);
    runs.push(performance.now() - s);
  }

  const text =
    "We're a 40-person online shop, about 2,000 calls and 500 emails a month, customers in the US and Mexico, we need Spanish and take card payments by phone";
  for (let i = 0; i < 100; i++) parseAdviseInput(text);
  const parses: number[] = [];
  for (let i = 0; i < 500; i++) {
    const s = performance.now();
    parseAdviseInput(text);
    parses.push(performance.now() - s);
  }

  const med = median(runs);
  process.stdout.write(
    `advise: ${set.rules.length} rules in ${set.files.length} files loaded and checked in ${fmt(loadMs)} ms (once, at start)\n`,
  );
  process.stdout.write(`advise: engine construction median ${fmt(median(builds))} ms (one per request)\n`);
  process.stdout.write(
    `advise: one profile with the full rule set, median ${fmt(med)} ms (${Math.round(1000 / med).toLocaleString("en-US")} advices/s; target < 2 ms)\n`,
  );
  process.stdout.write(
    `advise: free-text reading of a 150-character description, median ${fmt(median(parses))} ms\n`,
  );
}
