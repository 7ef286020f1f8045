import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOT_INSTALLED } from "../../src/slack/app.ts";
import { installationsPathFor } from "../../src/store/installations-file.ts";
import { installThroughOAuth, startTestApp, type TestApp, textOf } from "../helpers/app.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";

// Multi-workspace mode: two workspaces install the app through Slack's OAuth flow (the fake Slack's
// oauth.v2.access trades each code for that workspace's own bot token).
const TOKEN_A = "xoxb-team-a-0123456789";
const TOKEN_B = "xoxb-team-b-9876543210";

let fake: FakeSlack;
let app: TestApp;
/** The listeners' and the scheduler's clock; the tests move it to make reminders due. */
let clock: number | undefined;
const now = () => (clock === undefined ? new Date() : new Date(clock));

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.teams = [
    { teamId: "TA", teamName: "Alpha", botToken: TOKEN_A, botUserId: "UBOTA", botId: "BA" },
    { teamId: "TB", teamName: "Beta", botToken: TOKEN_B, botUserId: "UBOTB", botId: "BB" },
  ];
  fake.userTimeZones = { UA: "UTC", UB: "UTC" };
  app = await startTestApp({ fake, oauth: { dataRetentionDays: 30 }, now });
});
afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

const callsSince = (n: number) => fake.calls.slice(n).filter((c) => !c.method.startsWith("response_url:"));

describe("installing through OAuth", () => {
  it("stores each workspace's installation, keyed by team, with its token sealed", async () => {
    for (const team of ["TA", "TB"]) {
      const res = await installThroughOAuth(app, team);
      expect(res.status).toBe(200);
    }
    const stored = await app.running.installations?.list();
    expect(stored?.map((r) => r.id).sort()).toEqual(["TA", "TB"]);
    const exchanged = fake.callsTo("oauth.v2.access");
    expect(exchanged).toHaveLength(2);
    expect(exchanged.map((c) => c.args.client_id)).toEqual(["111.222", "111.222"]);

    const file = readFileSync(installationsPathFor(app.dbPath), "utf8");
    for (const secret of [TOKEN_A, TOKEN_B, "team-a", "team-b"]) {
      expect(file).not.toContain(secret);
      expect(file).not.toContain(Buffer.from(secret).toString("base64"));
    }
    expect(JSON.parse(file).installations.TA.sealed).toMatch(/^v1\./);
  });

  it("refuses an install whose state does not match the browser's cookie", async () => {
    const code = "code-forged";
    fake.installCodes.set(code, "TB");
    const res = await fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=forged`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    await res.body?.cancel();
    expect(fake.installCodes.has(code)).toBe(true);
  });
});

describe("two workspaces side by side", () => {
  it("each sees only its own data, and each reply is made with its own token", async () => {
    const before = fake.calls.length;
    const a = await app.slash({
      command: "/cc-vendor",
      text: "add name=AlphaCo rate=0.95/min",
      teamId: "TA",
      userId: "UA",
    });
    expect(textOf(a.json)).toMatch(/AlphaCo/);
    const aCalls = callsSince(before);
    const b0 = fake.calls.length;
    const b = await app.slash({
      command: "/cc-vendor",
      text: "add name=BetaCo rate=0.80/min",
      teamId: "TB",
      userId: "UB",
    });
    expect(textOf(b.json)).toMatch(/BetaCo/);
    const bCalls = callsSince(b0);
    // The users.info look-ups (time zone, locale) went out with each team's token.
    expect(aCalls.length).toBeGreaterThan(0);
    expect(new Set(aCalls.map((c) => c.token))).toEqual(new Set([TOKEN_A]));
    expect(new Set(bCalls.map((c) => c.token))).toEqual(new Set([TOKEN_B]));

    const listA = textOf(
      (await app.slash({ command: "/cc-vendor", text: "list", teamId: "TA", userId: "UA" })).json,
    );
    const listB = textOf(
      (await app.slash({ command: "/cc-vendor", text: "list", teamId: "TB", userId: "UB" })).json,
    );
    expect(listA).toContain("AlphaCo");
    expect(listA).not.toContain("BetaCo");
    expect(listB).toContain("BetaCo");
    expect(listB).not.toContain("AlphaCo");
  });

  it("publishes each workspace's App Home with its token and its data only", async () => {
    const home = async (team: string, user: string, id: string) => {
      const n = fake.callsTo("views.publish").length;
      await app.event({
        type: "event_callback",
        team_id: team,
        api_app_id: "A1",
        event_id: id,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [
          { team_id: team, user_id: `UBOT${team.slice(1)}`, is_bot: true, is_enterprise_install: false },
        ],
        event: { type: "app_home_opened", user, channel: "D1", tab: "home", event_ts: "1.1" },
      });
      return (await fake.waitFor("views.publish", n + 1))[n];
    };
    const a = await home("TA", "UA", "EvHomeA");
    const b = await home("TB", "UB", "EvHomeB");
    expect(a?.token).toBe(TOKEN_A);
    expect(b?.token).toBe(TOKEN_B);
    expect(textOf(a?.args.view)).toContain("AlphaCo");
    expect(textOf(a?.args.view)).not.toContain("BetaCo");
    expect(textOf(b?.args.view)).toContain("BetaCo");
    expect(textOf(b?.args.view)).not.toContain("AlphaCo");
  });

  it("answers a mention in each workspace with that workspace's token", async () => {
    const n = fake.callsTo("chat.postMessage").length;
    await app.event({
      type: "event_callback",
      team_id: "TB",
      api_app_id: "A1",
      event_id: "EvMentionB",
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "app_mention",
        user: "UB",
        channel: "C1",
        ts: "5.1",
        event_ts: "5.1",
        text: "<@UBOTB> what is ASA?",
      },
    });
    const [post] = (await fake.waitFor("chat.postMessage", n + 1)).slice(n);
    expect(post?.token).toBe(TOKEN_B);
    expect(post?.args.thread_ts).toBe("5.1");
  });

  it("tells a user of a workspace that never installed the app, and writes nothing", async () => {
    const res = await app.slash({
      command: "/cc-vendor",
      text: "add name=Nobody rate=1/min",
      teamId: "TC",
      userId: "UC",
      responseUrl: fake.responseUrl("not-installed"),
    });
    expect(res.status).toBe(200);
    const [note] = await fake.waitFor("response_url:not-installed");
    expect(note?.args.text).toBe(NOT_INSTALLED);
    expect(await app.running.store.workspaceIds()).not.toContain("TC");
  });
});

const DAY = 24 * 60 * 60 * 1000;
/** Events are acknowledged before their listener runs: wait for what it does. */
async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const uninstalled = (id: string) =>
  waitFor(
    async () => app.running.installations?.get(id),
    (r) => r?.uninstalledAt !== undefined,
  );
const reminderPosts = (channel: string) =>
  fake.posted.filter(
    (m) => m.channel === channel && JSON.stringify(m.metadata ?? "").includes("switchboard_reminder"),
  );
const postCalls = (channel: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && c.args.metadata);
const uninstallEvent = (team: string, id: string, type = "app_uninstalled") =>
  app.event({
    type: "event_callback",
    team_id: team,
    api_app_id: "A1",
    event_id: id,
    event_time: Math.floor(Date.now() / 1000),
    event:
      type === "tokens_revoked"
        ? { type, tokens: { oauth: [], bot: [`UBOT${team.slice(1)}`] }, event_ts: "1.1" }
        : { type, event_ts: "1.1" },
  });

describe("an uninstall", () => {
  it("holds that workspace's reminders only, and a reinstall posts them with its new installation", async () => {
    clock = undefined;
    for (const [team, user, vendor, channel] of [
      ["TA", "UA", "AlphaCo", "<#C42|cx-ops>"],
      ["TB", "UB", "BetaCo", "<#C1|general>"],
    ] as const) {
      const added = await app.slash({
        command: "/cc-contract",
        text: `add vendor=${vendor} start=2030-01-15 renews=2031-01-15 notice=60d channel=${channel}`,
        teamId: team,
        userId: user,
      });
      expect(textOf(added.json)).toMatch(new RegExp(vendor));
      await app.slash({
        command: "/cc-contract",
        text: `remind ${vendor} 2030-01-20 check the ${vendor} invoice`,
        teamId: team,
        userId: user,
      });
    }
    expect((await uninstallEvent("TA", "EvUninstallA")).status).toBe(200);
    const tomb = await uninstalled("TA");
    expect(tomb?.uninstalledAt).toBeDefined();
    expect(tomb?.sealed).toBe("");

    clock = Date.parse("2030-01-21T12:00:00Z");
    await app.running.tickReminders();
    expect(reminderPosts("C1").map((m) => String(m.text))).toContainEqual(
      expect.stringMatching(/BetaCo invoice/),
    );
    expect(new Set(postCalls("C1").map((c) => c.token))).toEqual(new Set([TOKEN_B]));
    expect(reminderPosts("C42")).toEqual([]);
    // Held, not lost: still waiting in the store.
    const held = (await app.running.store.read({ teamId: "TA" })).reminders.find((r) =>
      r.note?.includes("AlphaCo"),
    );
    expect(held?.state).toBe("pending");

    // While uninstalled, TA's users are told so and nothing is written.
    const refused = await app.slash({
      command: "/cc-vendor",
      text: "add name=Late rate=1/min",
      teamId: "TA",
      userId: "UA",
      responseUrl: fake.responseUrl("uninstalled"),
    });
    expect(refused.status).toBe(200);
    expect((await fake.waitFor("response_url:uninstalled"))[0]?.args.text).toBe(NOT_INSTALLED);
    expect((await app.running.store.read({ teamId: "TA" })).vendors.map((v) => v.name)).toEqual(["AlphaCo"]);

    expect((await installThroughOAuth(app, "TA")).status).toBe(200);
    await app.running.tickReminders();
    expect(reminderPosts("C42").map((m) => String(m.text))).toContainEqual(
      expect.stringMatching(/AlphaCo invoice/),
    );
    expect(new Set(postCalls("C42").map((c) => c.token))).toEqual(new Set([TOKEN_A]));
    // Each reminder once, whichever workspace it belongs to.
    const ids = [...reminderPosts("C1"), ...reminderPosts("C42")].map((m) => JSON.stringify(m.metadata));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a reminder button in one workspace updates its message with that workspace's token", async () => {
    const reminder = (await app.running.store.read({ teamId: "TB" })).reminders.find(
      (r) => r.note?.includes("BetaCo") && r.state === "posted",
    );
    expect(reminder?.ts).toBeDefined();
    const n = fake.callsTo("chat.update").length;
    await app.interact({
      type: "block_actions",
      team: { id: "TB", domain: "beta" },
      user: { id: "UB", team_id: "TB" },
      api_app_id: "A1",
      response_url: fake.responseUrl("reviewed-b"),
      channel: { id: "C1", name: "general" },
      container: { type: "message", message_ts: reminder?.ts, channel_id: "C1", is_ephemeral: false },
      message: { ts: reminder?.ts },
      trigger_id: `trig-reviewed-b-${Date.now()}`,
      actions: [
        {
          type: "button",
          action_id: "reminder_reviewed",
          block_id: "b",
          value: reminder?.id,
          action_ts: "1",
        },
      ],
    });
    const [update] = (await fake.waitFor("chat.update", n + 1)).slice(n);
    expect(update?.token).toBe(TOKEN_B);
    expect(update?.args.ts).toBe(reminder?.ts);
    expect(
      (await app.running.store.read({ teamId: "TB" })).reminders.find((r) => r.id === reminder?.id)?.state,
    ).toBe("reviewed");
  });

  it("keeps the data for DATA_RETENTION_DAYS, then deletes it, and a reinstall within the period cancels that", async () => {
    const start = clock ?? Date.now();
    // TB revokes the bot token; TA uninstalls and comes back ten days later.
    expect((await uninstallEvent("TB", "EvRevokeB", "tokens_revoked")).status).toBe(200);
    expect((await uninstalled("TB"))?.uninstalledAt).toBeDefined();
    expect((await uninstallEvent("TA", "EvUninstallA2")).status).toBe(200);
    expect((await uninstalled("TA"))?.uninstalledAt).toBeDefined();
    clock = start + 10 * DAY;
    expect((await installThroughOAuth(app, "TA")).status).toBe(200);

    clock = start + 29 * DAY;
    expect(await app.running.purgeNow()).toBe(0);
    expect((await app.running.store.read({ teamId: "TB" })).vendors.map((v) => v.name)).toEqual(["BetaCo"]);

    clock = start + 31 * DAY;
    expect(await app.running.purgeNow()).toBe(1);
    const b = await app.running.store.read({ teamId: "TB" });
    expect(b.vendors).toEqual([]);
    expect(b.contracts).toEqual([]);
    expect(b.reminders).toEqual([]);
    expect(await app.running.installations?.get("TB")).toBeUndefined();
    // TA came back in time: all of its data is still there.
    const a = await app.running.store.read({ teamId: "TA" });
    expect(a.vendors.map((v) => v.name)).toEqual(["AlphaCo"]);
    expect(a.contracts.map((c) => c.vendor)).toEqual(["AlphaCo"]);
    expect((await app.running.installations?.get("TA"))?.uninstalledAt).toBeUndefined();
  });
});

describe("an org-wide install", () => {
  it("is keyed by the enterprise and serves each of its workspaces with the org's token, apart", async () => {
    const orgFake = await new FakeSlack().start();
    orgFake.teams = [
      { teamId: "T_ORG", enterpriseId: "E1", isEnterpriseInstall: true, botToken: "xoxb-org-e1" },
    ];
    const org = await startTestApp({ fake: orgFake, oauth: {} });
    try {
      expect((await installThroughOAuth(org, "T_ORG")).status).toBe(200);
      expect((await org.running.installations?.list())?.map((r) => [r.id, r.isEnterpriseInstall])).toEqual([
        ["E1", true],
      ]);
      const n = orgFake.calls.length;
      for (const [team, name] of [
        ["T7", "Seven"],
        ["T8", "Eight"],
      ])
        await org.slash({
          command: "/cc-vendor",
          text: `add name=${name} rate=1/min`,
          teamId: team,
          enterpriseId: "E1",
          userId: "U1",
        });
      expect(new Set(orgFake.calls.slice(n).map((c) => c.token))).toEqual(new Set(["xoxb-org-e1"]));
      expect(
        (await org.running.store.read({ teamId: "T7", enterpriseId: "E1" })).vendors.map((v) => v.name),
      ).toEqual(["Seven"]);
      expect(
        (await org.running.store.read({ teamId: "T8", enterpriseId: "E1" })).vendors.map((v) => v.name),
      ).toEqual(["Eight"]);
      // Another enterprise's workspace with the same team id is not served.
      const other = await org.slash({
        command: "/cc-vendor",
        text: "add name=Other rate=1/min",
        teamId: "T7",
        enterpriseId: "E2",
        responseUrl: orgFake.responseUrl("e2"),
      });
      expect(other.status).toBe(200);
      expect((await orgFake.waitFor("response_url:e2"))[0]?.args.text).toBe(NOT_INSTALLED);
      expect((await org.running.store.workspaceIds()).sort()).toEqual(["E1:T7", "E1:T8"]);
    } finally {
      await org.stop();
      await orgFake.stop();
    }
  });
});

describe("the installation key", () => {
  it("must be the one the installations were saved with: another stops start-up, naming the file", async () => {
    const keyFake = await new FakeSlack().start();
    keyFake.teams = [{ teamId: "TK", botToken: "xoxb-key-test" }];
    const first = await startTestApp({ fake: keyFake, oauth: { installationKey: Buffer.alloc(32, 1) } });
    const dbPath = first.dbPath;
    try {
      expect((await installThroughOAuth(first, "TK")).status).toBe(200);
    } finally {
      await first.stop();
    }
    const file = readFileSync(installationsPathFor(dbPath), "utf8");
    try {
      await expect(
        startTestApp({ fake: keyFake, dbPath, oauth: { installationKey: Buffer.alloc(32, 2) } }),
      ).rejects.toThrow(/SLACK_INSTALLATION_KEY does not open 1 of the installations.*TK/);
      expect(readFileSync(installationsPathFor(dbPath), "utf8")).toBe(file);
      // With the right key it starts and serves the workspace.
      const again = await startTestApp({
        fake: keyFake,
        dbPath,
        oauth: { installationKey: Buffer.alloc(32, 1) },
      });
      try {
        const res = await again.slash({ command: "/cc-vendor", text: "list", teamId: "TK" });
        expect(textOf(res.json)).not.toBe("");
        expect(keyFake.calls.at(-1)?.token).toBe("xoxb-key-test");
      } finally {
        await again.stop();
      }
    } finally {
      await keyFake.stop();
    }
  });
});
