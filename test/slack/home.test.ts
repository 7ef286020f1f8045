import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";
import { viewProblems } from "../helpers/blockkit.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const openHome = async (teamId: string, eventId: string) => {
  const before = app.fake.callsTo("views.publish").length;
  await app.event({
    type: "event_callback",
    team_id: teamId,
    api_app_id: "A1",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: "app_home_opened", user: "U1", channel: "D1", tab: "home", event_ts: "1.1" },
  });
  const calls = await app.fake.waitFor("views.publish", before + 1);
  return calls[before]?.args.view as Parameters<typeof viewProblems>[0];
};

describe("App Home", () => {
  it("shows the workspace's profile, advice, last estimate, ranked vendors and contracts, and only its own", async () => {
    const run = async (command: string, text: string) => {
      const res = await app.slash({ command, text, teamId: "T1" });
      expect(res.status).toBe(200);
      return res;
    };
    await run("/cc-advise", "volume=2000 pattern=inconsistent languages=en,es payments=yes");
    await run("/cc-vendor", "add name=Acme rate=0.95/min billing=60s languages=en,es certs=pci");
    await run("/cc-vendor", "add name=Budget rate=0.70/min billing=60s languages=en");
    await run("/cc-contract", "add vendor=Acme start=2030-01-15 renews=2031-01-15 notice=60d channel=C42");
    await run("/cc-estimate", "2000 calls a month, talk 4m");
    await new Promise((r) => setTimeout(r, 1300)); // the last estimate is written within a second

    const view = await openHome("T1", "Ev-home-1");
    expect(viewProblems(view)).toEqual([]);
    const shown = textOf(view.blocks);
    expect(shown).toContain("volume=2000");
    expect(shown).toMatch(/Top recommendations/);
    expect(shown).toMatch(/Last estimate/);
    expect(shown).toMatch(/2,000 contacts/);
    expect(shown).toMatch(/1\. \*Acme\* · \$[\d,]+\/mo/);
    expect(shown).toMatch(/Budget\* · \$[\d,]+\/mo · :warning: fails a must/);
    expect(shown).toMatch(/\*Acme\*: notice by 2030-11-16/);
    expect(shown).toMatch(/next reminder 2030-/);
    const buttons = JSON.stringify(view.blocks);
    for (const label of ["Estimate costs", "Get advice", "Add a vendor", "Add a contract"])
      expect(buttons).toContain(label);

    // Another team's visit shows it nothing: this single-workspace app serves T1 only (the
    // multi-workspace tests show each installed workspace its own Home).
    const published = app.fake.callsTo("views.publish").length;
    const res = await app.event({
      type: "event_callback",
      team_id: "T2",
      api_app_id: "A1",
      event_id: "Ev-home-2",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: "U2", channel: "D2", tab: "home", event_ts: "1.2" },
    });
    expect(res.status).toBe(200);
    await openHome("T1", "Ev-home-3");
    expect(
      app.fake
        .callsTo("views.publish")
        .slice(published)
        .map((c) => c.args.user_id),
    ).toEqual(["U1"]);
  });
});
