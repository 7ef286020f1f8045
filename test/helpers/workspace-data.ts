import type { Contract, Reminder } from "../../src/core/contracts/contract.ts";
import { type Vendor, VendorSchema } from "../../src/core/vendors/vendor.ts";
import type { WorkspaceData } from "../../src/store/schema.ts";

/** Quotes mixing per-minute, hourly and per-call prices, currencies and known/unknown terms. */
export function quotes(count: number): Vendor[] {
  const out: Vendor[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    out.push(
      VendorSchema.parse({
        name: `Vendor ${i}`,
        currency: i % 4 === 0 ? "EUR" : "USD",
        ...(kind === 3
          ? { model: "dedicated", perHour: 24 + (i % 12) }
          : kind === 4
            ? { perCall: 2 + (i % 7) / 4 }
            : { perMinute: 0.6 + (i % 60) / 100 }),
        ...(i % 2 ? { billingSeconds: [1, 6, 30, 60][i % 4], holdBilled: i % 3 === 0 } : {}),
        ...(i % 3 ? { minimumMinutes: 1000 * (i % 9), setupFee: 500 * (i % 5), contractMonths: 12 } : {}),
        languages: i % 2 ? ["en", "es"] : ["en"],
        hours: i % 3 ? { hoursPerDay: 24, daysPerWeek: 7 } : { hoursPerDay: 12, daysPerWeek: 6 },
        certs: i % 4 ? ["pci"] : [],
        dr: i % 5 !== 0,
        rating: (i % 50) / 10,
      }),
    );
  }
  return out;
}

/**
 * Contracts with `perContract` reminders each, in every state a real workspace has: most pending in
 * the future, some posted, reviewed, failed. Contract k's notice deadline is k days after 2027-06-01.
 */
export function contracts(
  count: number,
  perContract: number,
  now: number,
): Pick<WorkspaceData, "contracts" | "reminders"> {
  const cs: Contract[] = [];
  const rs: Reminder[] = [];
  const day = 86_400_000;
  const created = new Date(now).toISOString();
  for (let c = 0; c < count; c++) {
    const deadline = new Date(Date.parse("2027-06-01T00:00:00Z") + c * day).toISOString().slice(0, 10);
    const contract: Contract = {
      id: `K${c}`,
      vendor: `Vendor ${c}`,
      start: "2027-01-15",
      renews: "2028-01-15",
      notice: { amount: 60, unit: "d" },
      noticeDeadline: deadline,
      onboardingDays: 14,
      checkinsPerDay: 1,
      channel: `C${String(c).padStart(8, "0")}`,
      timeZone: "America/New_York",
      createdBy: "U1",
      createdAt: created,
    };
    cs.push(contract);
    for (let i = 0; i < perContract; i++) {
      const n = c * perContract + i;
      const past = i < perContract / 3;
      const state: Reminder["state"] = past
        ? i % 7 === 0
          ? "failed"
          : i % 2
            ? "reviewed"
            : "posted"
        : "pending";
      rs.push({
        id: `R${n}`,
        contractId: contract.id,
        vendor: contract.vendor,
        kind: i === perContract - 1 ? "deadline" : i > perContract - 4 ? "review-30" : "checkin",
        channel: contract.channel,
        dueAt: new Date(past ? now - (n + 1) * 60_000 : now + (n + 1) * 3_600_000).toISOString(),
        timeZone: contract.timeZone,
        state,
        attempts: past ? 1 : 0,
        ...(state === "failed" ? { lastError: "not_in_channel" } : {}),
        createdBy: "U1",
        createdAt: created,
      });
    }
  }
  return { contracts: cs, reminders: rs };
}

export const PROFILE = { volume: 12000, languages: ["en", "es"], hours: "24/7", payments: true, dr: true };

/** A workspace as the HTTP bench and the App Home bench use it. */
export function workspace(opts: {
  vendors: number;
  contracts: number;
  perContract: number;
  now: number;
}): WorkspaceData {
  return {
    profile: PROFILE as WorkspaceData["profile"],
    lastEstimate: {
      at: new Date(opts.now).toISOString(),
      text: "12000 calls a month, talk 5m",
      summary: "12,000 contacts a month: shared $50,400–$90,000, dedicated $61,320–$85,848",
    },
    vendors: quotes(opts.vendors),
    ...contracts(opts.contracts, opts.perContract, opts.now),
  };
}
