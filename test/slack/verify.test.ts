import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readEnvelope } from "../../src/slack/envelope.ts";
import { BoundedReplayMemory } from "../../src/slack/replay.ts";
import { replayTtlMs, verifySignedRequest } from "../../src/slack/verify.ts";

const SECRET = "s3cret";
const NOW = 1_790_000_000_000;
const sign = (ts: string, body: string, secret = SECRET) =>
  `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
const check = (ts: string, body = "a=1", signature = sign(ts, body)) =>
  verifySignedRequest({ timestamp: ts, signature, body }, SECRET, NOW);
const nowS = Math.floor(NOW / 1000);

describe("request signatures", () => {
  it("accepts a fresh, correctly signed request", () => {
    expect(check(String(nowS))).toMatchObject({ ok: true, timestampSeconds: nowS });
  });

  it("accepts up to 300 s either way and refuses 301 s either way", () => {
    expect(check(String(nowS + 300)).ok).toBe(true);
    expect(check(String(nowS - 300)).ok).toBe(true);
    expect(check(String(nowS + 301))).toMatchObject({ ok: false, reason: expect.stringMatching(/ahead/) });
    expect(check(String(nowS - 301))).toMatchObject({ ok: false, reason: expect.stringMatching(/behind/) });
    expect(check(String(nowS + 3600)).ok).toBe(false);
    expect(check(String(nowS + 10 * 365 * 86400)).ok).toBe(false);
  });

  it("refuses timestamps that are not a plain whole number, even when signed over that exact text", () => {
    for (const ts of [
      `${nowS}.5`,
      `${nowS}.0`,
      "1.79e9",
      `0${nowS}`,
      ` ${nowS}`,
      `+${nowS}`,
      `-${nowS}`,
      "",
      "NaN",
    ])
      expect(check(ts).ok, ts).toBe(false);
  });

  it("refuses a wrong secret, a changed body, a malformed or missing signature", () => {
    const ts = String(nowS);
    expect(check(ts, "a=1", sign(ts, "a=1", "other")).ok).toBe(false);
    expect(check(ts, "a=2", sign(ts, "a=1")).ok).toBe(false);
    expect(check(ts, "a=1", "v0=abc").ok).toBe(false);
    expect(check(ts, "a=1", sign(ts, "a=1").toUpperCase()).ok).toBe(false);
    expect(verifySignedRequest({ timestamp: ts, signature: undefined, body: "" }, SECRET, NOW).ok).toBe(
      false,
    );
    expect(
      verifySignedRequest({ timestamp: [ts, ts], signature: sign(ts, ""), body: "" }, SECRET, NOW).ok,
    ).toBe(false);
  });

  it("remembers a request until its timestamp leaves the window", () => {
    expect(replayTtlMs(nowS, NOW)).toBeGreaterThanOrEqual(300_000);
    expect(replayTtlMs(nowS + 300, NOW)).toBeGreaterThanOrEqual(600_000);
    expect(replayTtlMs(nowS - 300, NOW)).toBeGreaterThan(0);
  });
});

describe("replay memory", () => {
  it("says seen for a repeat within the TTL, not after it", async () => {
    let t = 0;
    const m = new BoundedReplayMemory({}, () => t);
    expect(await m.seen("k", 1000)).toBe(false);
    expect(await m.seen("k", 1000)).toBe(true);
    t = 1001;
    expect(await m.seen("k", 1000)).toBe(false);
    expect(m.size).toBe(1);
  });

  it("stays within its entry and byte caps, dropping the oldest first", async () => {
    const dropped: number[] = [];
    const m = new BoundedReplayMemory(
      { maxEntries: 100, maxBytes: 1_000_000 },
      () => 0,
      (n) => dropped.push(n),
    );
    for (let i = 0; i < 1000; i++) await m.seen(`key-${i}`, 60_000);
    expect(m.size).toBe(100);
    expect(await m.seen("key-999", 60_000)).toBe(true);
    expect(await m.seen("key-0", 60_000)).toBe(false);
    expect(dropped.length).toBeGreaterThan(0);
    const small = new BoundedReplayMemory({ maxEntries: 1_000_000, maxBytes: 4096 }, () => 0);
    for (let i = 0; i < 1000; i++) await small.seen(`key-${i}`, 60_000);
    expect(small.byteSize).toBeLessThanOrEqual(4096);
  });

  it("stores a huge key at a fixed size", async () => {
    const m = new BoundedReplayMemory({}, () => 0);
    await m.seen("x".repeat(100_000), 1000);
    expect(m.byteSize).toBeLessThan(300);
    expect(await m.seen("x".repeat(100_000), 1000)).toBe(true);
  });
});

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const payload = (p: unknown) => form({ payload: typeof p === "string" ? p : JSON.stringify(p) });
const F = "application/x-www-form-urlencoded";
const user = { id: "U1" };

describe("reading a request before Bolt", () => {
  it("passes the shapes the app handles, with the trigger_id to act on once", () => {
    expect(readEnvelope(F, form({ command: "/cc-ask", text: "x", trigger_id: "t1" }))).toMatchObject({
      kind: "pass",
      what: "command",
      replayKeys: ["trigger:t1"],
    });
    const click = {
      type: "block_actions",
      user,
      trigger_id: "t2",
      actions: [{ action_id: "run_command:1" }],
    };
    expect(readEnvelope(F, payload(click))).toMatchObject({ kind: "pass", replayKeys: ["trigger:t2"] });
    expect(
      readEnvelope("application/json", JSON.stringify({ type: "event_callback", event: { type: "x" } })),
    ).toMatchObject({
      kind: "pass",
      what: "event",
      replayKeys: [],
    });
  });

  it("answers broken shapes itself", () => {
    const cases: Array<[string, string]> = [
      [F, payload("{not json")],
      [F, form({})],
      [F, `${form({ payload: "{}" })}&payload=x`],
      [F, payload({ type: "block_actions", user })],
      [F, payload({ type: "block_actions", user, actions: [] })],
      [F, payload({ type: "block_actions", user, actions: 5 })],
      [F, payload({ type: "block_actions", actions: [{ action_id: "a" }] })],
      [F, payload({ type: "view_submission", user, view: null })],
      [F, payload({ type: "interactive_message", user })],
      [F, payload(null)],
      [F, `${form({ command: "/cc-ask", text: "a" })}&text=b`],
      ["application/json", "{"],
      ["application/json", "[]"],
      ["application/json", JSON.stringify({ type: "app_rate_limited" })],
      ["application/json", JSON.stringify({ event: "x" })],
    ];
    for (const [ct, body] of cases) expect(readEnvelope(ct, body).kind, body).toBe("unreadable");
  });

  it("replaces an unreadable form with a notice and answers an unreadable command with a note", () => {
    const sub = readEnvelope(F, payload({ type: "view_submission", user, view: { state: 1 } }));
    expect(sub).toMatchObject({ kind: "unreadable", reply: { response_action: "update" } });
    const cmd = readEnvelope(F, `${form({ command: "/cc-ask", text: "a" })}&text=b`);
    expect(cmd).toMatchObject({ kind: "unreadable", reply: { response_type: "ephemeral" } });
  });
});
