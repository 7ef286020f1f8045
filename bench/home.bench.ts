import { buildDashboard, dashboardFor } from "../src/core/home/dashboard.ts";
import { renderHome } from "../src/render/home.ts";
import type { WorkspaceData } from "../src/store/schema.ts";
import { workspace } from "../test/helpers/workspace-data.ts";

/** Median wall time and mean CPU time (this process only, so less hit by a busy machine) of `f`. */
async function time(runs: number, f: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const walls: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    walls.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(runs / 2)] ?? Number.NaN, cpu: (cpu.user + cpu.system) / 1000 / runs };
}

const fmt = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(1)} ms (CPU ${t.cpu.toFixed(1)} ms)`;

/**
 * The App Home (dashboard built from the workspace, then rendered) at two sizes: built afresh, after
 * one reminder changed (only the contract rows are rebuilt), and for an unchanged workspace (cached).
 * Each view's content is checked. The store's read is not included (the store's bench has it).
 */
export default async function bench(): Promise<void> {
  const now = Date.parse("2027-05-01T12:00:00Z");
  for (const contracts of [1000, 3000]) {
    const data = workspace({ vendors: 200, contracts, perContract: 10, now });
    const check = (view: ReturnType<typeof renderHome>) => {
      const text = JSON.stringify(view.blocks).replace(/\*/g, "");
      if (!text.includes(`Contracts (${contracts})`))
        throw new Error(`App Home does not show ${contracts} contracts`);
      if (!text.includes("Vendor 0: notice by 2027-06-01"))
        throw new Error("App Home lost the first contract");
      if (!text.includes("Vendors (200, ranked for 12,000"))
        throw new Error("App Home lost the vendor ranking");
    };
    const home = async (d: WorkspaceData, build = dashboardFor) => {
      const view = renderHome(await build(d), { now: new Date(now) });
      check(view);
      return view;
    };
    for (let i = 0; i < 3; i++) await home(data, buildDashboard); // warm-up
    const cold = await time(10, () => home(data, buildDashboard));
    let round = 0;
    const changed = await time(10, () => {
      // A reminder was posted: a new reminders list, the rest unchanged.
      const reminders = data.reminders.slice();
      const i = reminders.length - 1 - round++;
      const r = reminders[i];
      if (r) reminders[i] = { ...r, state: "posted" };
      return home({ ...data, reminders });
    });
    await home(data);
    const cached = await time(10, () => home(data));
    process.stdout.write(
      `App Home, ${contracts.toLocaleString("en-US")} contracts / ${(contracts * 10).toLocaleString("en-US")} reminders, 200 quotes: ` +
        `built ${fmt(cold)}, after a reminder changed ${fmt(changed)}, unchanged ${fmt(cached)} (target <= 50 ms)\n`,
    );
  }
}
