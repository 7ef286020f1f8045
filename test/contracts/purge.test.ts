import { describe, expect, it } from "vitest";
import { coversWorkspace, startPurge } from "../../src/scheduler/purge.ts";
import type { InstallationRecord, InstallationRecords } from "../../src/store/installations.ts";

const DAY = 24 * 60 * 60 * 1000;

class MemoryRecords implements InstallationRecords {
  readonly map = new Map<string, InstallationRecord>();
  async get(id: string) {
    return this.map.get(id);
  }
  async put(rec: InstallationRecord) {
    this.map.set(rec.id, rec);
  }
  async delete(id: string) {
    return this.map.delete(id);
  }
  async list() {
    return [...this.map.values()];
  }
}

const tomb = (id: string, at: number, extra: Partial<InstallationRecord> = {}): InstallationRecord => ({
  id,
  teamId: id,
  isEnterpriseInstall: false,
  sealed: "",
  installedAt: new Date(at - 100 * DAY).toISOString(),
  uninstalledAt: new Date(at).toISOString(),
  ...extra,
});

describe("which workspaces an installation serves", () => {
  it("a team install serves that team (in or out of an enterprise); an org-wide one every workspace of the org", () => {
    const team = tomb("T7", 0);
    expect(["T7", "E1:T7", "T8", "E1:T8"].filter((w) => coversWorkspace(team, w))).toEqual(["T7", "E1:T7"]);
    const org = tomb("E1", 0, { teamId: undefined, enterpriseId: "E1", isEnterpriseInstall: true });
    expect(["T7", "E1:T7", "E1:T8", "E2:T7"].filter((w) => coversWorkspace(org, w))).toEqual([
      "E1:T7",
      "E1:T8",
    ]);
  });
});

describe("the retention purge", () => {
  it("deletes on its timer what is past the period, spares what a live installation still serves", async () => {
    const t0 = Date.parse("2030-01-01T00:00:00Z");
    const records = new MemoryRecords();
    await records.put(tomb("E1", t0, { teamId: undefined, enterpriseId: "E1", isEnterpriseInstall: true }));
    await records.put(tomb("T9", t0 + 5 * DAY));
    const deleted: string[] = [];
    const purge = startPurge({
      records,
      retentionDays: 3,
      workspaceIds: () => ["E1:T7", "E1:T8", "E2:T7", "T9"],
      // E1:T8 has its own installation still.
      isServed: async (ws) => ws === "E1:T8",
      deleteWorkspace: async (ws) => void deleted.push(ws),
      now: () => new Date(t0 + 4 * DAY),
      intervalMs: 20,
    });
    try {
      const end = Date.now() + 3000;
      while (records.map.has("E1") && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
      expect(deleted).toEqual(["E1:T7"]);
      expect(records.map.has("E1")).toBe(false);
      // T9 uninstalled a day before "now": kept, and its tombstone too.
      expect(records.map.has("T9")).toBe(true);
    } finally {
      await purge.stop();
    }
  });
});
