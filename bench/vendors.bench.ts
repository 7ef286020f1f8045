import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandContext } from "../src/commands/types.ts";
import { vendorCommand } from "../src/commands/vendor.ts";
import { PRICING } from "../src/core/estimate/pricing.ts";
import { tokenize } from "../src/core/parse/kv.ts";
import { type CompareInput, compareVendors } from "../src/core/vendors/compare.ts";
import { readCompareInput } from "../src/core/vendors/compare-input.ts";
import { CURRENCY_RATES } from "../src/core/vendors/currency.ts";
import { renderCompare } from "../src/render/vendor.ts";
import { FileStore as Store } from "../src/store/file-store.ts";
import { quotes } from "../test/helpers/workspace-data.ts";

export default async function bench(): Promise<void> {
  const vendors = quotes(200);
  const profile = { volume: 12000, languages: ["en", "es"], hours: "24/7", payments: true, dr: true };
  const input: CompareInput = readCompareInput(tokenize("talk=5m wrap=1m hold=30s").pairs, [], profile);
  const once = () => {
    const cmp = compareVendors(vendors, input, { pricing: PRICING, rates: CURRENCY_RATES });
    return renderCompare({ comparison: cmp, rates: CURRENCY_RATES, args: "" }).blocks.length;
  };
  for (let i = 0; i < 30; i++) once(); // warm up the JIT
  const times: number[] = [];
  for (let round = 0; round < 30; round++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  const p90 = times[Math.floor(times.length * 0.9)] ?? 0;
  console.log(
    `vendors: compare + render 200 quotes in ${median.toFixed(2)} ms median, ${p90.toFixed(2)} ms p90 (${Math.round(1000 / median).toLocaleString("en-US")} comparisons/s)`,
  );

  // The whole command: store read, the advice requirements for the musts, comparison and reply.
  const dir = mkdtempSync(join(tmpdir(), "switchboard-bench-"));
  const store = await Store.open(join(dir, "db.json"));
  try {
    const ws = { teamId: "T_BENCH" };
    await store.update(ws, (d) => {
      d.vendors = vendors;
      d.profile = { volume: 12000, languages: ["en", "es"], hours: "24/7", payments: true, dr: true };
    });
    const ctx: CommandContext = {
      workspace: ws,
      userId: "U_BENCH",
      surface: "cli",
      store: async () => store,
      now: () => new Date(),
      userTimeZone: async () => "UTC",
      userLocale: async () => "en-US",
    };
    for (let i = 0; i < 10; i++) await vendorCommand.run("compare", ctx);
    const runs: number[] = [];
    for (let round = 0; round < 30; round++) {
      const t0 = performance.now();
      await vendorCommand.run("compare", ctx);
      runs.push(performance.now() - t0);
    }
    runs.sort((x, y) => x - y);
    const med = runs[Math.floor(runs.length / 2)] ?? 0;
    console.log(
      `vendors: /cc-vendor compare with 200 quotes (store, advice requirements, reply) in ${med.toFixed(2)} ms median, ${(runs[Math.floor(runs.length * 0.9)] ?? 0).toFixed(2)} ms p90`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
