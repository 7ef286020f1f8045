import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe("files that go with a reply", () => {
  it("a vendor CSV export is uploaded with files.uploadV2 into the user's DM, not the channel", async () => {
    await app.slash({
      command: "/cc-vendor",
      text: 'add name="Acme, Inc" rate=0.95/min billing=60s notes="=cmd|calc"',
    });
    const res = await app.slash({ command: "/cc-vendor", text: "export", userId: "U5" });
    expect(textOf((res.json as { blocks: unknown }).blocks)).toMatch(/vendors\.csv/);
    const [open] = await app.fake.waitFor("conversations.open");
    expect(open?.args.users).toBe("U5");
    const [url] = await app.fake.waitFor("files.getUploadURLExternal");
    expect(url?.args.filename).toBe("vendors.csv");
    const [upload] = await app.fake.waitFor("upload");
    expect(JSON.stringify(upload?.args)).toContain("Acme, Inc");
    const [complete] = await app.fake.waitFor("files.completeUploadExternal");
    expect(complete?.args.channel_id).toBe("D_U5");
  });

  it("the estimate chart arrives as a PNG", async () => {
    const before = app.fake.callsTo("files.getUploadURLExternal").length;
    await app.slash({ command: "/cc-estimate", text: "12000 calls a month, talk 5m chart" });
    const calls = await app.fake.waitFor("files.getUploadURLExternal", before + 1, 10_000);
    expect(calls[before]?.args.filename).toBe("cost-vs-volume.png");
    expect(Number(calls[before]?.args.length)).toBeGreaterThan(10_000);
  });
});
