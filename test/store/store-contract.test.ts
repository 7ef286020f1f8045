import { afterEach, describe, expect, it, vi } from "vitest";
import type { Reminder } from "../../src/core/contracts/contract.ts";
import { type Vendor, VendorSchema } from "../../src/core/vendors/vendor.ts";
import type { Store } from "../../src/store/store.ts";
import { contracts as someContracts } from "../helpers/workspace-data.ts";
import { factories, type StoreFactory } from "./factories.ts";

// Starting PGlite (PostgreSQL in WebAssembly) takes seconds, more on a busy machine.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 90_000 });

// The same behaviour from every store implementation: what a user notices is saved, kept apart per
// workspace, all-or-nothing, and a change that changes nothing changes nothing.

const A = { teamId: "TA" };
const B = { teamId: "TB" };
const v = (name: string, extra: Partial<Vendor> = {}): Vendor => VendorSchema.parse({ name, ...extra });

describe.each(factories)("store contract (%s)", (_name, make) => {
  let f: StoreFactory;
  const open: Store[] = [];
  const start = async () => {
    f = await make();
    const s = await f.open();
    open.push(s);
    return s;
  };
  const reopen = async (s: Store) => {
    await s.close();
    const again = await f.open();
    open.push(again);
    return again;
  };
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    await f?.dispose();
  });

  it("keeps every update when many run at once, and after reopening", async () => {
    let s = await start();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => s.update(A, (d) => void d.vendors.push(v(`v${i}`)))),
    );
    expect((await s.read(A)).vendors).toHaveLength(40);
    s = await reopen(s);
    expect((await s.read(A)).vendors.map((x) => x.name).sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `v${i}`).sort(),
    );
  });

  it("keeps workspaces apart, including the same team under an enterprise", async () => {
    const s = await start();
    await s.update(A, (d) => void d.vendors.push(v("Acme")));
    await s.update({ teamId: "TA", enterpriseId: "E1" }, (d) => void d.vendors.push(v("Other")));
    expect((await s.read(A)).vendors.map((x) => x.name)).toEqual(["Acme"]);
    expect((await s.read(B)).vendors).toEqual([]);
    expect((await s.read({ teamId: "TA", enterpriseId: "E1" })).vendors.map((x) => x.name)).toEqual([
      "Other",
    ]);
    expect((await s.workspaceIds()).sort()).toEqual(["E1:TA", "TA"]);
  });

  it("saves nothing when a change throws half-way or leaves an invalid record", async () => {
    let s = await start();
    await s.update(A, (d) => void d.vendors.push(v("kept")));
    await expect(
      s.update(A, (d) => {
        d.vendors.push(v("half"));
        throw new Error("validation failed");
      }),
    ).rejects.toThrow("validation failed");
    await expect(
      s.update(A, (d) => {
        d.vendors.push({ name: "" } as Vendor);
      }),
    ).rejects.toThrow();
    s = await reopen(s);
    expect((await s.read(A)).vendors.map((x) => x.name)).toEqual(["kept"]);
  });

  it("a change that changes nothing creates no workspace and keeps what is stored", async () => {
    let s = await start();
    await s.update({ teamId: "T_NEVER" }, (d) => d.reminders.find((r) => r.id === "nope"));
    expect(await s.workspaceIds()).toEqual([]);
    await s.update(A, (d) => {
      d.profile = { volume: 1000 } as never;
    });
    await s.update(A, (d) => {
      d.profile = { volume: 1000 } as never; // the same profile again
    });
    s = await reopen(s);
    expect((await s.read(A)).profile).toEqual({ volume: 1000 });
  });

  it("edits, renames and removes records", async () => {
    let s = await start();
    await s.update(A, (d) => {
      d.vendors.push(v("Acme"), v("Beta"), v("Gamma"));
    });
    await s.update(A, (d) => {
      const beta = d.vendors.find((x) => x.name === "Beta");
      if (beta) beta.name = "Beta Two";
      d.vendors = d.vendors.filter((x) => x.name !== "Acme");
    });
    s = await reopen(s);
    expect((await s.read(A)).vendors.map((x) => x.name)).toEqual(["Beta Two", "Gamma"]);
  });

  it("keeps records in the order they were added", async () => {
    let s = await start();
    const names = Array.from({ length: 25 }, (_, i) => `Vendor ${i}`);
    for (const n of names.slice(0, 12)) await s.update(A, (d) => void d.vendors.push(v(n)));
    await s.update(A, (d) => void d.vendors.push(...names.slice(12).map((n) => v(n))));
    s = await reopen(s);
    expect((await s.read(A)).vendors.map((x) => x.name)).toEqual(names);
  });

  it("deletes a workspace and nothing else", async () => {
    let s = await start();
    await s.update(A, (d) => void d.vendors.push(v("Acme")));
    await s.update(B, (d) => void d.vendors.push(v("Other")));
    expect(await s.deleteWorkspace("TA")).toBe(true);
    expect(await s.deleteWorkspace("TA")).toBe(false);
    s = await reopen(s);
    expect((await s.read(A)).vendors).toEqual([]);
    expect((await s.read(B)).vendors.map((x) => x.name)).toEqual(["Other"]);
    expect(await s.workspaceIds()).toEqual(["TB"]);
  });

  it("finds due reminders without the others and changes only the ones listed", async () => {
    const now = Date.parse("2027-01-10T12:00:00Z");
    let s = await start();
    const data = someContracts(4, 6, now); // a third of each contract's reminders are in the past
    await s.update(A, (d) => {
      d.contracts.push(...data.contracts);
      d.reminders.push(...data.reminders);
      // Two due now, one due later.
      for (const [id, at] of [
        ["due1", now - 60_000],
        ["due2", now - 1_000],
        ["later", now + 3_600_000],
      ] as const)
        d.reminders.push({
          ...(data.reminders[5] as Reminder),
          id,
          state: "pending",
          dueAt: new Date(at).toISOString(),
        });
    });
    const due = await s.dueReminders(new Date(now), 10, new Set());
    expect(due.map((r) => r.id)).toEqual(["due1", "due2"]);
    expect(due.every((r) => r.workspaceId === "TA")).toBe(true);
    expect((await s.dueReminders(new Date(now), 10, new Set(["due1"]))).map((r) => r.id)).toEqual(["due2"]);
    const got = await s.updateReminders("TA", ["due1", "missing"], ({ reminders, contracts }) => ({
      reminders: reminders.map((r) => ({ ...r, state: "posted" as const, ts: "1.2" })),
      result: {
        ids: reminders.map((r) => r.id),
        contract: contracts.get(reminders[0]?.contractId ?? "")?.id,
      },
    }));
    expect(got).toEqual({ ids: ["due1"], contract: data.reminders[5]?.contractId });
    expect((await s.dueReminders(new Date(now), 10, new Set())).map((r) => r.id)).toEqual(["due2"]);
    s = await reopen(s);
    const stored = (await s.read(A)).reminders;
    expect(stored.find((r) => r.id === "due1")).toMatchObject({ state: "posted", ts: "1.2" });
    expect(stored).toHaveLength(data.reminders.length + 3);
    expect((await s.dueReminders(new Date(now + 7_200_000), 10, new Set())).map((r) => r.id)).toEqual([
      "due2",
      "later",
    ]);
  });
});
