import { describe, expect, it } from "vitest";
import { billedHoursWithin, breakEvenContacts, sizeDedicated } from "../../src/core/estimate/model.ts";
import { parseEstimate } from "../../src/core/estimate/parse.ts";
import { PRICING } from "../../src/core/estimate/pricing.ts";

/**
 * The break-even search reuses an interval's agents between two scales that needed the same number
 * (agents never fall as traffic grows). Reused or solved afresh, every answer must be the same.
 */

const WORKLOADS = [
  "contacts=60000 talk=5m wrap=1m hold=30s hours=24/7 shape=24/7 interval=30m",
  "contacts=12000 talk=5m wrap=1m hold=30s hours=business shape=business-day",
  "contacts=8000 talk=4m hours=24/7 shape=24/7 patience=45s max-abandon=5% interval=30m",
  "contacts=20000 talk=5m chats=3000 chat-time=12m concurrency=3 emails=2000 email-time=8m shape=business-day billing-basis=productive",
  "hourly=9:40,10:80,11:120,12:90,13:70,14:100,15:60,16:30 talk=6m interval=30m",
];

describe("break-even sizing with and without reuse", () => {
  it("answers every probe alike, in any order of scales", () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const text of WORKLOADS) {
      const input = parseEstimate(text, PRICING).input;
      const reused = billedHoursWithin(input, PRICING);
      const fresh = billedHoursWithin(input, PRICING, { memo: false });
      let yes = 0;
      for (let i = 0; i < 300; i++) {
        // Scales from a tenth to 30 times the volume, limits within 10% of the hours that volume bills.
        const scale = 0.1 * 300 ** rnd();
        const sized = sizeDedicated(input, PRICING, scale);
        const billed =
          input.billingBasis === "productive" ? sized.productiveAgentHours : sized.paidAgentHours;
        const limit = billed * (0.9 + 0.2 * rnd());
        const answer = fresh(scale, limit);
        expect(reused(scale, limit), `${text} at ×${scale}`).toBe(answer);
        if (answer) yes++;
      }
      // Both answers occur, so the comparison says something.
      expect(yes).toBeGreaterThan(0);
      expect(yes).toBeLessThan(300);
    }
  });

  it("gives the same break-even volume", () => {
    for (const text of WORKLOADS) {
      const input = parseEstimate(text, PRICING).input;
      const rates = [PRICING.shared.perMinute, PRICING.dedicated.perAgentHour, PRICING] as const;
      expect(breakEvenContacts(input, ...rates)).toBe(breakEvenContacts(input, ...rates, { memo: false }));
    }
  });
});
