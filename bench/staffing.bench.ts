import { type StaffingInput, solveStaffing } from "../src/core/staffing/solve.ts";

/** 1,000 solves, traffic log-spread from 0.1 to 10,000 Erlangs, with a mix of targets and limits. */
export function mixedWorkload(count = 1000): StaffingInput[] {
  const targets = [0.7, 0.8, 0.9, 0.95];
  const answers = [10, 20, 30, 60];
  const occupancies = [0.8, 0.85, 0.9, 1];
  const out: StaffingInput[] = [];
  for (let i = 0; i < count; i++) {
    const traffic = 0.1 * 10 ** ((5 * i) / (count - 1));
    const ahtSeconds = 120 + ((i * 37) % 480);
    const intervalSeconds = i % 2 === 0 ? 1800 : 3600;
    out.push({
      callsPerInterval: (traffic * intervalSeconds) / ahtSeconds,
      intervalSeconds,
      ahtSeconds,
      answerSeconds: answers[i % 4] ?? 20,
      target: targets[(i >> 2) % 4] ?? 0.8,
      shrinkage: 0.3,
      maxOccupancy: occupancies[(i >> 4) % 4] ?? 0.85,
    });
  }
  return out;
}

const runAll = (inputs: StaffingInput[]): number => {
  let agents = 0;
  for (const input of inputs) agents += solveStaffing(input).agents;
  return agents;
};

export default async function bench(): Promise<void> {
  const inputs = mixedWorkload(1000);
  for (let i = 0; i < 20; i++) runAll(inputs); // warm up the JIT
  const times: number[] = [];
  let check = 0;
  for (let round = 0; round < 15; round++) {
    const t0 = performance.now();
    check = runAll(inputs);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const best = times[0] ?? 0;
  const rate = Math.round((inputs.length / median) * 1000).toLocaleString("en-US");
  console.log(
    `staffing: ${inputs.length} mixed solves in ${median.toFixed(1)} ms median, ${best.toFixed(1)} ms best (${rate} solves/s; 0.1–10,000 Erlangs, ${check.toLocaleString("en-US")} agents in all)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
