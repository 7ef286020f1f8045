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
    expect(exchanged[0]?.args.client_secret ?? exchanged[0]?.token).toBeDefined();

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
    expect(app.running.store.workspaceIds()).not.toContain("TC");
  });
});
