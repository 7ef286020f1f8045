import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installThroughOAuth, startTestApp, type TestApp, textOf } from "../helpers/app.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { TEST_DATABASE_URL, urlWithSchema } from "../helpers/pg.ts";

// Multi-workspace mode on PostgreSQL: installations live in the installations table, sealed, and each
// workspace is served with its own token. Needs a real server (DATABASE_URL takes a server URL).
const TOKEN_A = "xoxb-team-a-pg-0123456789";
const TOKEN_B = "xoxb-team-b-pg-9876543210";

if (!TEST_DATABASE_URL)
  console.warn("multi-workspace-pg: skipped, TEST_DATABASE_URL is not set (no PostgreSQL server to use)");

describe.skipIf(!TEST_DATABASE_URL)("multi-workspace mode on PostgreSQL", () => {
  let fake: FakeSlack;
  let app: TestApp;
  const schema = `sbtest_oauth_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async <T>(work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
    fake = await new FakeSlack().start();
    fake.teams = [
      { teamId: "TA", teamName: "Alpha", botToken: TOKEN_A, botUserId: "UBOTA", botId: "BA" },
      { teamId: "TB", teamName: "Beta", botToken: TOKEN_B, botUserId: "UBOTB", botId: "BB" },
    ];
    fake.userTimeZones = { UA: "UTC", UB: "UTC" };
    app = await startTestApp({ fake, oauth: {}, databaseUrl: urlWithSchema(schema) });
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.stop();
    await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  });

  it("keeps installations sealed in the table and serves each workspace with its own token", async () => {
    for (const team of ["TA", "TB"]) expect((await installThroughOAuth(app, team)).status).toBe(200);
    const rows = await admin((c) =>
      c.query<{ id: string; body: unknown }>(`SELECT id, body FROM ${schema}.installations ORDER BY id`),
    );
    expect(rows.rows.map((r) => r.id)).toEqual(["TA", "TB"]);
    const stored = JSON.stringify(rows.rows);
    for (const secret of [TOKEN_A, TOKEN_B]) expect(stored).not.toContain(secret);

    for (const [team, user, name, token] of [
      ["TA", "UA", "AlphaCo", TOKEN_A],
      ["TB", "UB", "BetaCo", TOKEN_B],
    ] as const) {
      const n = fake.calls.length;
      const res = await app.slash({
        command: "/cc-vendor",
        text: `add name=${name} rate=0.9/min`,
        teamId: team,
        userId: user,
      });
      expect(textOf(res.json)).toMatch(new RegExp(name));
      const calls = fake.calls.slice(n).filter((c) => !c.method.startsWith("response_url:"));
      expect(new Set(calls.map((c) => c.token))).toEqual(new Set([token]));
    }
    const listA = textOf(
      (await app.slash({ command: "/cc-vendor", text: "list", teamId: "TA", userId: "UA" })).json,
    );
    expect(listA).toContain("AlphaCo");
    expect(listA).not.toContain("BetaCo");
  });

  it("keeps a tombstone in the table when a workspace uninstalls, and leaves the other one served", async () => {
    const res = await app.event({
      type: "event_callback",
      team_id: "TA",
      api_app_id: "A1",
      event_id: "EvUninstallPgA",
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_uninstalled", event_ts: "1.1" },
    });
    expect(res.status).toBe(200);
    const end = Date.now() + 10_000;
    let tomb = await app.running.installations?.get("TA");
    while (!tomb?.uninstalledAt && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 25));
      tomb = await app.running.installations?.get("TA");
    }
    expect(tomb?.uninstalledAt).toBeDefined();
    expect(tomb?.sealed).toBe("");
    expect((await app.running.installations?.get("TB"))?.sealed).toMatch(/^v1\./);
    const listB = textOf(
      (await app.slash({ command: "/cc-vendor", text: "list", teamId: "TB", userId: "UB" })).json,
    );
    expect(listB).toContain("BetaCo");
  });
});
