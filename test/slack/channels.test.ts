import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const shown = (res: { json: unknown }) => textOf((res.json as { blocks: unknown }).blocks);

describe("/cc-contract channels in Slack", () => {
  it("refuses a channel Slack does not know, and saves nothing", async () => {
    const res = await app.slash({
      command: "/cc-contract",
      text: "add vendor=Acme start=2030-01-15 renews=2031-01-15 notice=60d channel=CMISSING1",
      teamId: "T1",
    });
    expect(shown(res)).toMatch(/can't find the channel/);
    expect(shown(res)).toMatch(/Example: `\/cc-contract add/);
    expect((await app.running.store.read({ teamId: "T1" })).contracts).toHaveLength(0);
  });

  it("turns a bare #name (as typed in the form) into that channel", async () => {
    const res = await app.slash({
      command: "/cc-contract",
      text: "add vendor=Acme start=2030-01-15 renews=2031-01-15 notice=60d channel=#cx-ops",
      teamId: "T1",
    });
    expect(shown(res)).toMatch(/Acme/);
    const contract = (await app.running.store.read({ teamId: "T1" })).contracts.at(-1);
    expect(contract?.channel).toBe("C42");
  });

  it("refuses a #name that is not a channel", async () => {
    const res = await app.slash({
      command: "/cc-contract",
      text: "add vendor=Acme start=2030-01-15 renews=2031-01-15 notice=60d channel=#nowhere",
      teamId: "T1",
    });
    expect(shown(res)).toMatch(/can't find the channel #nowhere/);
  });
});
