import { estimate } from "../src/core/estimate/model.ts";
import { parseEstimate } from "../src/core/estimate/parse.ts";
import { PRICING } from "../src/core/estimate/pricing.ts";
import { solveErlangA } from "../src/core/staffing/erlang-a.ts";
import { solveStaffing } from "../src/core/staffing/solve.ts";
import { mixedWorkload } from "./staffing.bench.ts";

/**
 * Erlang A against today's Erlang C: the same 1,000 mixed solves (0.1–10,000 Erlangs) with a patience
 * of a third to three times the handle time (and an abandonment limit on a quarter of them), and a
 * 48-interval estimate against the flat one-interval estimate of the same month.
 */

/**
 * Medians of two workloads timed in alternating rounds, so a busy machine slows both alike and the
 * ratio is what to read.
 */
const paired = (x: () => void, y: () => void, warm: number, rounds: number): [number, number] => {
  for (let i = 0; i < warm; i++) {
    x();
    y();
  }
  const tx: number[] = [];
  const ty: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    x();
    tx.push(performance.now() - t0);
    t0 = performance.now();
    y();
    ty.push(performance.now() - t0);
  }
  const mid = (t: number[]) => t.sort((p, q) => p - q)[Math.floor(t.length / 2)] ?? 0;
  return [mid(tx), mid(ty)];
};

export default async function bench(): Promise<void> {
  const inputs = mixedWorkload(1000);
  const patience = [1 / 3, 1, 3];
  const withPatience = inputs.map((i, k) => ({
    ...i,
    patienceSeconds: i.ahtSeconds * (patience[k % 3] ?? 1),
    maxAbandon: k % 4 === 0 ? 0.05 : undefined,
  }));
  let agentsC = 0;
  let agentsA = 0;
  const [c, a] = paired(
    () => {
      agentsC = 0;
      for (const i of inputs) agentsC += solveStaffing(i).agents;
    },
    () => {
      agentsA = 0;
      for (const i of withPatience) agentsA += solveErlangA(i).agents;
    },
    8,
    15,
  );
  console.log(
    `erlang-a: 1,000 mixed solves in ${a.toFixed(1)} ms median against Erlang C ${c.toFixed(1)} ms: ${(a / c).toFixed(2)}× (${agentsA.toLocaleString("en-US")} agents against ${agentsC.toLocaleString("en-US")})`,
  );

  const flatInput = parseEstimate("contacts=60000 talk=5m wrap=1m hold=30s hours=24/7", PRICING).input;
  const dayInput = parseEstimate(
    "contacts=60000 talk=5m wrap=1m hold=30s hours=24/7 shape=24/7 interval=30m",
    PRICING,
  ).input;
  const [flat, day] = paired(
    () => estimate(flatInput, PRICING),
    () => estimate(dayInput, PRICING),
    5,
    15,
  );
  const oneSolve = c / inputs.length;
  console.log(
    `erlang-a: 48-interval estimate (24/7 shape, break-even included) in ${day.toFixed(2)} ms against the flat estimate ${flat.toFixed(2)} ms: ${(day / flat).toFixed(1)}×; ${(day / oneSolve).toFixed(0)} mean Erlang C solves' time`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
