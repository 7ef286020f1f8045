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

  it("the same checklist is sent to a person once, a changed one again, and one that failed to upload on the next try", async () => {
    const uploads = () =>
      app.fake.callsTo("files.getUploadURLExternal").filter((c) => c.args.filename === "vendor-questions.txt")
        .length;
    const uploaded = (n: number) => expect.poll(uploads, { timeout: 10_000 }).toBe(n);
    const advise = async (text: string, userId: string) =>
      textOf(((await app.slash({ command: "/cc-advise", text, userId })).json as { blocks: unknown }).blocks);
    const facts = "volume=3000 languages=en,de payments=yes";
    const before = uploads();
    expect(await advise(facts, "U7")).toMatch(/vendor-questions\.txt sent to you in a direct message/);
    await uploaded(before + 1);

    // Re-reading the same advice: no second file, and the reply says where the first one is.
    expect(await advise(facts, "U7")).toMatch(
      /vendor-questions\.txt is already in your direct messages from Switchboard: the same file, sent just now/,
    );
    // Another person has not had it yet.
    expect(await advise(facts, "U8")).toMatch(/sent to you in a direct message/);
    await uploaded(before + 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(uploads()).toBe(before + 2);

    // Other facts make other questions: a new file.
    expect(await advise("volume=3000 languages=en,de payments=yes dr=yes hours=24/7", "U7")).toMatch(
      /sent to you in a direct message/,
    );
    await uploaded(before + 3);

    // An upload Slack refused is not counted as sent: the next advice sends the file again.
    app.fake.failNext("files.getUploadURLExternal", 1, {
      body: { ok: false, error: "not_allowed_token_type" },
    });
    await advise("volume=4000 languages=en", "U9");
    await uploaded(before + 4);
    await new Promise((r) => setTimeout(r, 300));
    expect(await advise("volume=4000 languages=en", "U9")).toMatch(/sent to you in a direct message/);
    await uploaded(before + 5);
  });

  it("two identical advices at once send one checklist; a file asked for is sent every time", async () => {
    const uploads = (name: string) =>
      app.fake.callsTo("files.getUploadURLExternal").filter((c) => c.args.filename === name).length;
    const before = uploads("vendor-questions.txt");
    await Promise.all(
      [1, 2].map(() => app.slash({ command: "/cc-advise", text: "volume=900 languages=fr", userId: "U11" })),
    );
    await expect.poll(() => uploads("vendor-questions.txt"), { timeout: 10_000 }).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(uploads("vendor-questions.txt")).toBe(before + 1);

    await app.slash({ command: "/cc-vendor", text: "add name=Zeta rate=1/min billing=60s" });
    const csv = uploads("vendors.csv");
    for (const _ of [1, 2]) {
      const res = await app.slash({ command: "/cc-vendor", text: "export", userId: "U11" });
      expect(textOf((res.json as { blocks: unknown }).blocks)).toMatch(/vendors\.csv sent to you/);
    }
    await expect.poll(() => uploads("vendors.csv"), { timeout: 10_000 }).toBe(csv + 2);
  });
});
