import { buildDashboard, dashboardFor } from "../src/core/home/dashboard.ts";
import { renderHome } from "../src/render/home.ts";
import { workspace } from "../test/helpers/workspace-data.ts";

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * The App Home (dashboard built from the workspace, then rendered) at two sizes, to show it grows
 * with the data in one pass, not per contract × reminder; and a visit with the workspace unchanged,
 * which the cache answers. The store's read is not included (bench the store for that).
 */
export default async function bench(): Promise<void> {
  const now = Date.parse("2027-05-01T12:00:00Z");
  const figures: Array<[string, number]> = [];
  for (const [contracts, perContract] of [
    [1000, 10],
    [3000, 10],
  ] as const) {
    const data = workspace({ vendors: 200, contracts, perContract, now });
    const build = async () => {
      const d = await buildDashboard(data);
      const view = renderHome(d, { now: new Date(now) });
      // Content, not just "it ran": the first row is the earliest deadline with its next reminder.
      const text = JSON.stringify(view.blocks);
      if (
        !text.includes(`Contracts* (${contracts.toLocaleString("en-US")})`) &&
        !text.includes(`Contracts* (${contracts})`)
      )
        throw new Error(`App Home does not show ${contracts} contracts`);
      if (!text.includes("Vendor 0*: notice by 2027-06-01"))
        throw new Error("App Home lost the first contract");
      return view;
    };
    for (let i = 0; i < 3; i++) await build(); // warm-up
    const cold: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await build();
      cold.push(performance.now() - t0);
    }
    const cached: number[] = [];
    await dashboardFor(data);
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      renderHome(await dashboardFor(data), { now: new Date(now) });
      cached.push(performance.now() - t0);
    }
    // A reminder was posted: a new reminders list, the rest unchanged. Only the contract rows are rebuilt.
    const changed: number[] = [];
    for (let i = 0; i < 10; i++) {
      const reminders = data.reminders.slice();
      const first = reminders[reminders.length - 1];
      if (first) reminders[reminders.length - 1] = { ...first, state: "posted" };
      const next = { ...data, reminders };
      const t0 = performance.now();
      renderHome(await dashboardFor(next), { now: new Date(now) });
      changed.push(performance.now() - t0);
    }
    const label = `${contracts.toLocaleString("en-US")} contracts / ${(contracts * perContract).toLocaleString("en-US")} reminders, 200 quotes`;
    figures.push([label, median(cold)]);
    process.stdout.write(
      `App Home, ${label}: built ${median(cold).toFixed(1)} ms median, after a reminder changed ${median(changed).toFixed(1)} ms, unchanged (cached) ${median(cached).toFixed(2)} ms (target <= 50 ms)\n`,
    );
  }
  const [small, large] = figures;
  if (small && large)
    process.stdout.write(
      `App Home growth 1,000 -> 3,000 contracts: ${(large[1] / small[1]).toFixed(1)}x (linear is 3x)\n`,
    );
}
