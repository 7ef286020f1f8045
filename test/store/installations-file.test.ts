import { readFileSync, statSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SealError, seal, unseal } from "../../src/slack/seal.ts";
import type { InstallationRecord } from "../../src/store/installations.ts";
import {
  FileInstallationRecords,
  InstallationsLoadError,
  installationsPathFor,
} from "../../src/store/installations-file.ts";
import { tempDbPath } from "../helpers/context.ts";

const KEY = Buffer.alloc(32, 1);
const rec = (id: string, extra: Partial<InstallationRecord> = {}): InstallationRecord => ({
  id,
  teamId: id,
  isEnterpriseInstall: false,
  sealed: seal(JSON.stringify({ bot: { token: `xoxb-${id}` } }), KEY, id),
  installedAt: "2030-01-01T00:00:00.000Z",
  ...extra,
});

describe("sealed installations", () => {
  it("opens with the same key and record id only", () => {
    const sealed = seal("xoxb-secret-token", KEY, "T1");
    expect(sealed).not.toContain("xoxb");
    expect(unseal(sealed, KEY, "T1")).toBe("xoxb-secret-token");
    expect(() => unseal(sealed, Buffer.alloc(32, 2), "T1")).toThrow(SealError);
    // Copied onto another installation's record, it does not open.
    expect(() => unseal(sealed, KEY, "T2")).toThrow(SealError);
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = `${v}.${iv}.${tag}.${body?.startsWith("A") ? "B" : "A"}${body?.slice(1)}`;
    expect(() => unseal(flipped, KEY, "T1")).toThrow(SealError);
    // Two seals of the same text differ (a fresh IV each time).
    expect(seal("same", KEY, "T1")).not.toBe(seal("same", KEY, "T1"));
  });
});

describe("the installations file", () => {
  it("keeps installations across a reopen, beside the database, readable by no one else", async () => {
    const path = installationsPathFor(tempDbPath());
    const a = await FileInstallationRecords.open(path);
    await Promise.all([a.put(rec("TA")), a.put(rec("TB")), a.put(rec("E1", { isEnterpriseInstall: true }))]);
    expect(await a.delete("TB")).toBe(true);
    const b = await FileInstallationRecords.open(path);
    expect((await b.list()).map((r) => r.id).sort()).toEqual(["E1", "TA"]);
    expect((await b.get("TA"))?.sealed).toBe((await a.get("TA"))?.sealed);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(readFileSync(path, "utf8")).not.toContain("xoxb-");
  });

  it("writes nothing for a delete of an installation it does not have", async () => {
    const path = installationsPathFor(tempDbPath());
    const store = await FileInstallationRecords.open(path);
    await store.put(rec("TA"));
    const before = statSync(path).mtimeMs;
    const text = readFileSync(path, "utf8");
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.delete("T_NONE")).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before);
    expect(readFileSync(path, "utf8")).toBe(text);
  });

  it("refuses a record of the wrong shape, changing nothing", async () => {
    const path = installationsPathFor(tempDbPath());
    const store = await FileInstallationRecords.open(path);
    await store.put(rec("TA"));
    const text = readFileSync(path, "utf8");
    await expect(
      store.put({ ...rec("TB"), isEnterpriseInstall: "yes" } as unknown as InstallationRecord),
    ).rejects.toThrow();
    expect(readFileSync(path, "utf8")).toBe(text);
    expect(await store.get("TB")).toBeUndefined();
  });

  it("refuses to load a broken file, naming it and leaving it as it was", async () => {
    const path = installationsPathFor(tempDbPath());
    writeFileSync(path, "{ nope");
    await expect(FileInstallationRecords.open(path)).rejects.toThrow(InstallationsLoadError);
    await expect(FileInstallationRecords.open(path)).rejects.toThrow(path);
    expect(readFileSync(path, "utf8")).toBe("{ nope");
  });
});
