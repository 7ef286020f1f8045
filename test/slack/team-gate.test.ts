import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FOREIGN_TEAM } from "../../src/slack/team-gate.ts";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

// Single-workspace mode: the bot token belongs to T1 (the fake's auth.test says so at start-up).
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

const fileBytes = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : "<no file>");

const click = (teamId: string) =>
  app.interact({
    type: "block_actions",
    team: { id: teamId, domain: "other" },
    user: { id: "U9", team_id: teamId },
    api_app_id: "A1",
    response_url: app.fake.responseUrl("foreign-click"),
    channel: { id: "C1", name: "general" },
    container: { type: "message", is_ephemeral: false },
    trigger_id: `trig-foreign-${Date.now()}`,
    actions: [{ type: "button", action_id: "reminder_reviewed", block_id: "b", value: "r1", action_ts: "1" }],
  });

describe("single-workspace mode", () => {
  it("serves its own team", async () => {
    const res = await app.slash({ command: "/cc-vendor", text: "add name=Own rate=0.95/min", teamId: "T1" });
    expect(textOf(res.json)).toMatch(/Own/);
    expect((await app.running.store.read({ teamId: "T1" })).vendors.map((v) => v.name)).toEqual(["Own"]);
  });

  it("refuses a command from another team with a clear note and writes nothing", async () => {
    const before = fileBytes(app.dbPath);
    const calls = app.fake.calls.length;
    const res = await app.slash({
      command: "/cc-vendor",
      text: "add name=Intruder rate=0.5/min",
      teamId: "T2",
    });
    expect(res.status).toBe(200);
    expect((res.json as { response_type: string }).response_type).toBe("ephemeral");
    expect(textOf(res.json)).toBe(FOREIGN_TEAM);
    expect(fileBytes(app.dbPath)).toBe(before);
    expect(await app.running.store.workspaceIds()).not.toContain("T2");
    // No Web API call at all was made on the other team's behalf (no users.info, no post).
    expect(app.fake.calls.slice(calls).filter((c) => !c.method.startsWith("response_url:"))).toEqual([]);
  });

  it("refuses a command from a workspace of an enterprise it is not installed in", async () => {
    const res = await app.slash({
      command: "/cc-contract",
      text: "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d",
      teamId: "T3",
      enterpriseId: "E9",
    });
    expect(textOf(res.json)).toBe(FOREIGN_TEAM);
    expect(await app.running.store.workspaceIds()).toEqual(["T1"]);
  });

  it("tells the person who clicked a button from another team, through the response_url only", async () => {
    const before = fileBytes(app.dbPath);
    const res = await click("T2");
    expect(res.status).toBe(200);
    const [note] = await app.fake.waitFor("response_url:foreign-click");
    expect(note?.args.text).toBe(FOREIGN_TEAM);
    expect(fileBytes(app.dbPath)).toBe(before);
  });

  it("answers a form submitted from another team with the note in the form", async () => {
    const before = fileBytes(app.dbPath);
    const res = await app.interact({
      type: "view_submission",
      team: { id: "T2", domain: "other" },
      user: { id: "U9", team_id: "T2" },
      api_app_id: "A1",
      trigger_id: `trig-foreign-view-${Date.now()}`,
      view: {
        id: "V1",
        team_id: "T2",
        type: "modal",
        callback_id: "command_form",
        private_metadata: JSON.stringify({ c: "vendor", p: "add" }),
        blocks: [],
        state: { values: {} },
      },
    });
    expect((res.json as { response_action: string }).response_action).toBe("update");
    expect(textOf(res.json)).toContain(FOREIGN_TEAM);
    expect(fileBytes(app.dbPath)).toBe(before);
  });

  it("ignores a mention and an App Home visit from another team: no reply, no write", async () => {
    const before = fileBytes(app.dbPath);
    const calls = app.fake.calls.length;
    const event = (type: string, id: string, extra: object) =>
      app.event({
        type: "event_callback",
        team_id: "T2",
        api_app_id: "A1",
        event_id: id,
        event_time: Math.floor(Date.now() / 1000),
        event: { type, user: "U9", channel: "C1", ts: "1.1", event_ts: "1.1", ...extra },
      });
    expect((await event("app_mention", "EvF1", { text: "<@UBOT> what is ASA?" })).status).toBe(200);
    expect((await event("app_home_opened", "EvF2", { tab: "home" })).status).toBe(200);
    // An answer from our own team after them proves the app is up and would have answered by now.
    await app.event({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "EvOwn",
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "app_mention",
        user: "U1",
        channel: "C1",
        ts: "2.1",
        event_ts: "2.1",
        text: "what is ASA?",
      },
    });
    await app.fake.waitFor("chat.postMessage", 1);
    const made = app.fake.calls.slice(calls);
    expect(made.filter((c) => c.method === "views.publish")).toEqual([]);
    expect(made.filter((c) => c.method === "chat.postMessage").map((c) => c.args.thread_ts)).toEqual(["2.1"]);
    expect(fileBytes(app.dbPath)).toBe(before);
  });
});

describe("single-workspace mode with an org-wide token", () => {
  it("serves every workspace of its enterprise and refuses the rest", async () => {
    const fake = await new FakeSlack().start();
    fake.teams = [{ teamId: "T_ORG", enterpriseId: "E1", isEnterpriseInstall: true, botToken: "xoxb-test" }];
    const org = await startTestApp({ fake });
    try {
      const mine = await org.slash({
        command: "/cc-vendor",
        text: "add name=A rate=1/min",
        teamId: "T5",
        enterpriseId: "E1",
      });
      expect(textOf(mine.json)).not.toBe(FOREIGN_TEAM);
      const other = await org.slash({
        command: "/cc-vendor",
        text: "add name=B rate=1/min",
        teamId: "T5",
        enterpriseId: "E2",
      });
      expect(textOf(other.json)).toBe(FOREIGN_TEAM);
      const loose = await org.slash({ command: "/cc-vendor", text: "add name=C rate=1/min", teamId: "T6" });
      expect(textOf(loose.json)).toBe(FOREIGN_TEAM);
      expect(await org.running.store.workspaceIds()).toEqual(["E1:T5"]);
    } finally {
      await org.stop();
      await fake.stop();
    }
  });

  it("does not start with a token Slack refuses", async () => {
    const fake = await new FakeSlack().start();
    fake.teams = [];
    try {
      await expect(startTestApp({ fake })).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
    } finally {
      await fake.stop();
    }
  });
});

describe("single-workspace mode after an uninstall", () => {
  it("holds the reminders (not failed, not posted) and keeps the data", async () => {
    const fake = await new FakeSlack().start();
    fake.userTimeZones.U1 = "UTC";
    let clock: number | undefined;
    const one = await startTestApp({ fake, now: () => (clock === undefined ? new Date() : new Date(clock)) });
    try {
      await one.slash({
        command: "/cc-contract",
        text: "add vendor=Acme start=2030-01-15 renews=2031-01-15 notice=60d channel=<#C42|cx-ops>",
      });
      await one.slash({ command: "/cc-contract", text: "remind Acme 2030-01-20 check the invoice" });
      // Another team's uninstall changes nothing here.
      await one.event({
        type: "event_callback",
        team_id: "T2",
        api_app_id: "A1",
        event_id: "EvUninstOther",
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "app_uninstalled", event_ts: "1.1" },
      });
      clock = Date.parse("2030-01-21T12:00:00Z");
      await one.running.tickReminders();
      const posted = () => fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "C42").length;
      expect(posted()).toBeGreaterThan(0);

      await one.slash({ command: "/cc-contract", text: "remind Acme 2030-01-22 second check" });
      await one.event({
        type: "event_callback",
        team_id: "T1",
        api_app_id: "A1",
        event_id: "EvUninstOwn",
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "app_uninstalled", event_ts: "1.1" },
      });
      await new Promise((r) => setTimeout(r, 200)); // the event is acknowledged before it is handled
      const before = posted();
      clock = Date.parse("2030-01-23T12:00:00Z");
      await one.running.tickReminders();
      expect(posted()).toBe(before);
      const held = (await one.running.store.read({ teamId: "T1" })).reminders.find(
        (r) => r.note === "second check",
      );
      expect(held?.state).toBe("pending");
    } finally {
      await one.stop();
      await fake.stop();
    }
  });
});
