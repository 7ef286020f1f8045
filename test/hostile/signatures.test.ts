import { createHmac } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { postSigned, SIGNING_SECRET, slashBody } from "../helpers/signed.ts";

// Signed requests over the real HTTP receiver: timestamps off by more than 5 minutes either way, or
// not a whole number, are refused with 401 before any listener runs; a replayed request is answered
// with 200 and not acted on again.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.slash({
    command: "/cc-contract",
    text: "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d",
  });
});
afterAll(async () => {
  await app?.stop();
});

const FORM = "application/x-www-form-urlencoded" as const;
const url = () => `${app.url}/slack/events`;
const signAt = (body: string, timestamp: string) => ({
  "x-slack-signature": `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`,
  "x-slack-request-timestamp": timestamp,
});
const nowS = () => Math.floor(Date.now() / 1000);
const fileState = () => ({ bytes: readFileSync(app.dbPath, "utf8"), mtime: statSync(app.dbPath).mtimeMs });
const reminders = async () =>
  (await app.running.store.read({ teamId: "T1" })).reminders.filter((r) => r.kind === "custom");

describe("request timestamps", () => {
  const cases: Array<[string, () => string]> = [
    ["301 s ahead", () => String(nowS() + 301)],
    ["an hour ahead", () => String(nowS() + 3600)],
    ["ten years ahead", () => String(nowS() + 10 * 365 * 86400)],
    ["301 s behind", () => String(nowS() - 301)],
    ["a day behind", () => String(nowS() - 86400)],
    ["fractional", () => `${nowS()}.5`],
    ["fractional .0", () => `${nowS()}.0`],
    ["an exponent", () => (nowS() / 1e9).toFixed(9).replace(/0+$/, "").concat("e9")],
    ["zero-padded", () => `0${nowS()}`],
    ["with a plus sign", () => `+${nowS()}`],
    ["negative", () => `-${nowS()}`],
    ["with spaces", () => ` ${nowS()} `],
    ["empty", () => ""],
  ];

  for (const [name, ts] of cases)
    it(`refuses a correctly signed command whose timestamp is ${name}, acting on nothing`, async () => {
      const before = fileState();
      const calls = app.fake.calls.length;
      const count = (await reminders()).length;
      const body = slashBody({ command: "/cc-contract", text: "remind Acme 2027-03-01 refused" });
      const res = await postSigned(url(), body, FORM, signAt(body, ts()));
      expect(res.status).toBe(401);
      expect(res.text).toBe("");
      expect(await reminders()).toHaveLength(count);
      expect(fileState()).toEqual(before);
      expect(app.fake.calls.length).toBe(calls);
    });

  it("accepts a timestamp a few minutes off either way (clocks differ)", async () => {
    for (const skew of [-290, 290]) {
      const body = slashBody({ command: "/cc-ask", text: "what is ASA?" });
      const res = await postSigned(url(), body, FORM, signAt(body, String(nowS() + skew)));
      expect(res.status).toBe(200);
      expect(res.text.length).toBeGreaterThan(0);
    }
  });

  it("refuses a forged signature and an unsigned request", async () => {
    const body = slashBody({ command: "/cc-ask", text: "help" });
    const forged = { ...signAt(body, String(nowS())), "x-slack-signature": `v0=${"0".repeat(64)}` };
    expect((await postSigned(url(), body, FORM, forged)).status).toBe(401);
    expect((await postSigned(url(), body, FORM, {})).status).toBe(401);
  });
});

describe("request size", () => {
  it("refuses a body over 4 MiB with 413 before reading it as a request", async () => {
    const body = `payload=${"x".repeat(4 * 1024 * 1024 + 10)}`;
    const res = await postSigned(url(), body, FORM, signAt(body, String(nowS())));
    expect(res.status).toBe(413);
  });
});

describe("replayed requests", () => {
  it("a signed /cc-contract remind sent three times sets one reminder", async () => {
    const count = (await reminders()).length;
    const body = slashBody({
      command: "/cc-contract",
      text: "remind Acme 2027-03-01 check the first invoice",
    });
    const headers = signAt(body, String(nowS()));
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await postSigned(url(), body, FORM, headers));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[0]?.text).toMatch(/2027/);
    expect(answers[1]?.text).toBe("");
    expect(answers[2]?.text).toBe("");
    expect(await reminders()).toHaveLength(count + 1);
  });

  it("the same trigger_id under a fresh signature is not acted on again either", async () => {
    const count = (await reminders()).length;
    const body = slashBody({
      command: "/cc-contract",
      text: "remind Acme 2027-04-01 second",
      triggerId: "trig-replay",
    });
    const first = await postSigned(url(), body, FORM, signAt(body, String(nowS())));
    const again = await postSigned(url(), body, FORM, signAt(body, String(nowS() - 5)));
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.text).toBe("");
    expect(await reminders()).toHaveLength(count + 1);
  });

  it("a replayed button click is acted on once", async () => {
    const payload = {
      type: "block_actions",
      team: { id: "T1", domain: "test" },
      user: { id: "U1", team_id: "T1" },
      api_app_id: "A1",
      response_url: app.fake.responseUrl("replay-click"),
      channel: { id: "C1", name: "general" },
      container: { type: "message", is_ephemeral: true },
      trigger_id: "trig-replayed-click",
      actions: [
        {
          type: "button",
          action_id: "run_command:x",
          block_id: "b",
          value: JSON.stringify({ c: "ask", t: "help" }),
        },
      ],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const headers = signAt(body, String(nowS()));
    for (let i = 0; i < 3; i++) expect((await postSigned(url(), body, FORM, headers)).status).toBe(200);
    await app.fake.waitFor("response_url:replay-click");
    await new Promise((r) => setTimeout(r, 300));
    expect(app.fake.callsTo("response_url:replay-click")).toHaveLength(1);
  });

  it("Slack's retries of an event (new signature, same event_id) are still answered once", async () => {
    const before = app.fake.callsTo("chat.postMessage").length;
    const envelope = {
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "Ev-retry-1",
      event_time: nowS(),
      event: { type: "app_mention", user: "U1", text: "<@UBOT> what is ASA?", channel: "C1", ts: "1.2" },
    };
    const body = JSON.stringify(envelope);
    const first = await postSigned(url(), body, "application/json", signAt(body, String(nowS())));
    const retry = await postSigned(url(), body, "application/json", {
      ...signAt(body, String(nowS() + 1)),
      "x-slack-retry-num": "1",
      "x-slack-retry-reason": "http_timeout",
    });
    const replay = await postSigned(url(), body, "application/json", signAt(body, String(nowS() + 1)));
    expect([first.status, retry.status, replay.status]).toEqual([200, 200, 200]);
    await app.fake.waitFor("chat.postMessage", before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.fake.callsTo("chat.postMessage").length).toBe(before + 1);
  });
});
