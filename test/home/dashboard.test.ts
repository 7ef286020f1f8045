import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REMINDER_STATES, type Reminder } from "../../src/core/contracts/contract.ts";
import { failuresFor, nextFor, remindersByContract } from "../../src/core/contracts/lifecycle.ts";
import { buildDashboard, dashboardFor } from "../../src/core/home/dashboard.ts";
import { contracts, workspace } from "../helpers/workspace-data.ts";

const NOW = Date.parse("2027-05-01T12:00:00Z");

describe("contract rows in one pass", () => {
  it("finds each contract's next reminder and failures exactly as the per-contract scan does", () => {
    const reminder = fc.record({
      contractId: fc.constantFrom("K1", "K2", "K3"),
      state: fc.constantFrom(...REMINDER_STATES),
      // Few distinct times, so ties are common: the first in order must win, as before.
      hour: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(reminder, { maxLength: 40 }), (specs) => {
        const reminders = specs.map(
          (s, i): Reminder => ({
            id: `R${i}`,
            contractId: s.contractId,
            vendor: s.contractId,
            kind: "checkin",
            channel: "C1",
            dueAt: new Date(NOW + s.hour * 3_600_000).toISOString(),
            timeZone: "UTC",
            state: s.state,
            attempts: 0,
            createdBy: "U1",
            createdAt: "2027-01-01T00:00:00.000Z",
          }),
        );
        const byContract = remindersByContract(reminders);
        for (const id of ["K1", "K2", "K3"]) {
          const got = byContract.get(id) ?? { failures: [] };
          expect(got.next?.id).toBe(nextFor(reminders, id)?.id);
          expect(got.failures.map((r) => r.id)).toEqual(failuresFor(reminders, id).map((r) => r.id));
        }
      }),
    );
  });
});

describe("App Home dashboard cache", () => {
  it("shows a change to the workspace at once, and the same dashboard while nothing changed", async () => {
    const data = workspace({ vendors: 10, contracts: 20, perContract: 6, now: NOW });
    const first = await dashboardFor(data);
    expect(first).toEqual(await buildDashboard(data));
    const again = await dashboardFor(data);
    expect(again.contracts).toBe(first.contracts);
    expect(again.vendors).toBe(first.vendors);

    // A reminder of the first contract (earliest deadline) fails for good: the next visit shows it.
    const target = data.reminders.findIndex((r) => r.contractId === "K0" && r.state === "pending");
    const reminders = data.reminders.map((r, i) => (i === target ? { ...r, state: "failed" as const } : r));
    const after = await dashboardFor({ ...data, reminders });
    expect(after.contracts.rows[0]?.failures).toBe((first.contracts.rows[0]?.failures ?? 0) + 1);
    expect(after).toEqual(await buildDashboard({ ...data, reminders }));

    // A new contract with an earlier deadline comes first; a removed vendor leaves the ranking.
    const extra = contracts(1, 2, NOW).contracts.map((c) => ({
      ...c,
      id: "KNEW",
      vendor: "Newest",
      noticeDeadline: "2027-05-15",
    }));
    const more = {
      ...data,
      reminders,
      contracts: [...data.contracts, ...extra],
      vendors: data.vendors.slice(1),
    };
    const latest = await dashboardFor(more);
    expect(latest.contracts.total).toBe(21);
    expect(latest.contracts.rows[0]?.vendor).toBe("Newest");
    expect(latest.vendors.total).toBe(9);
    expect(latest.vendors.rows.map((v) => v.name)).not.toContain("Vendor 0");
    expect(latest).toEqual(await buildDashboard(more));
  });

  it("builds afresh from a copy of the workspace, with the same content", async () => {
    const data = workspace({ vendors: 5, contracts: 5, perContract: 4, now: NOW });
    const a = await dashboardFor(data);
    const b = await dashboardFor(structuredClone(data));
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });
});
