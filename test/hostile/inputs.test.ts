import { readFileSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/commands/registry.ts";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";
import { postSigned } from "../helpers/signed.ts";

// Hostile input over the real HTTP receiver (signed requests, fake Slack Web API): every
// Object.prototype name as keys, values and words, 5,000-character values, control characters and
// malformed payloads, sent to every command, every form and every button. What must hold for each:
// no 5xx, no "Something went wrong", an answer within Slack's 3 s, and when the app refuses the input,
// the database file is exactly as it was (bytes and modification time).

const PROTO = [...new Set([...Object.getOwnPropertyNames(Object.prototype), "__proto__"])];
const CONTROL = [
  "a\u0000b",
  "\u202Eevil\u202C",
  "line\r\nbreak\r",
  "\u0007\u001b[31m",
  "😀🏳️‍🌈",
  "\uD800lone",
  "lone\uDFFF",
  "\u200B\uFEFF",
];
const LONG = "x".repeat(5000);
const INTERNAL = /Something went wrong/;
/** Notes that refuse a click or a payload (input errors are recognised by their first block). */
const REFUSAL_NOTE =
  /could not be read|no longer works|has no command|There is no command|can't find this reminder|too old to share|already marked reviewed|already snoozed|can't be changed any more|no shortcuts|could not be opened/;

/** A reply that refuses: a modal error or notice, an input error (first block ":warning: ..."), a note. */
const isRefusal = (reply: unknown): boolean => {
  if (!reply || typeof reply !== "object") return false;
  const r = reply as { response_action?: unknown; text?: unknown; blocks?: unknown };
  if (r.response_action) return true;
  const blocks = typeof r.blocks === "string" ? safeJson(r.blocks) : r.blocks;
  const first = Array.isArray(blocks) ? (blocks[0] as { text?: { text?: unknown } } | undefined) : undefined;
  if (typeof first?.text?.text === "string" && first.text.text.startsWith(":warning:")) return true;
  return typeof r.text === "string" && REFUSAL_NOTE.test(r.text);
};
const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
};

const teamId = "T1";
let app: TestApp;
const stats = { requests: 0, refusals: 0, maxMs: 0 };
const problems: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  // Data for the commands and buttons to act on, so "not found" is not the only path exercised.
  await app.slash({ command: "/cc-vendor", text: "add name=Acme rate=0.95/min billing=60s languages=en" });
  await app.slash({
    command: "/cc-contract",
    text: "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d",
  });
  await app.slash({ command: "/cc-advise", text: "volume=2000 languages=en" });
  const seeded = await app.running.store.read({ teamId });
  expect([seeded.vendors.length, seeded.contracts.length, seeded.reminders.length > 0]).toEqual([1, 1, true]);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  // One summary line for the report on the hostile pass.
  console.info(
    `hostile suite: ${stats.requests} requests, ${stats.refusals} refused, slowest answer ${stats.maxMs} ms`,
  );
});

const fileState = () => ({ bytes: readFileSync(app.dbPath, "utf8"), mtime: statSync(app.dbPath).mtimeMs });
const settle = () => new Promise((r) => setTimeout(r, 25));

/** Everything the app said to Slack since call number `from`, as text. */
const saidSince = (from: number) =>
  app.fake.calls
    .slice(from)
    .map((c) => `${c.method}: ${textOf(c.args)} ${typeof c.args.text === "string" ? c.args.text : ""}`)
    .join("\n");

/**
 * Send one request and wait for what it causes (`done` says when the reply has arrived), then check
 * the rules above. `label` names the case in failures.
 */
async function probe(
  label: string,
  send: () => Promise<{ status: number; text: string; json: unknown }>,
  done: (from: number, res: { text: string }) => boolean = () => true,
): Promise<void> {
  const before = fileState();
  const from = app.fake.calls.length;
  const t0 = Date.now();
  const res = await send();
  const ms = Date.now() - t0;
  const end = Date.now() + 5000;
  while (!done(from, res) && Date.now() < end) await settle();
  await settle();
  stats.requests++;
  stats.maxMs = Math.max(stats.maxMs, ms);
  const said = `${res.text}\n${saidSince(from)}`;
  if (res.status >= 500) problems.push(`${label}: HTTP ${res.status}`);
  if (res.status !== 200) problems.push(`${label}: HTTP ${res.status} (expected 200)`);
  if (ms >= 3000) problems.push(`${label}: answered after ${ms} ms`);
  if (INTERNAL.test(said)) problems.push(`${label}: internal error reply`);
  const refused = isRefusal(res.json) || app.fake.calls.slice(from).some((c) => isRefusal(c.args));
  if (refused) {
    stats.refusals++;
    const after = fileState();
    if (after.bytes !== before.bytes || after.mtime !== before.mtime)
      problems.push(`${label}: refused, but the database file changed (${said.slice(0, 300)})`);
  }
}

const expectClean = () => {
  const found = problems.splice(0);
  expect(found, found.slice(0, 20).join("\n")).toEqual([]);
};

let triggers = 0;
const trigger = () => `hostile-${++triggers}`;

const slash = (command: string, text: string) =>
  probe(`${command} ${JSON.stringify(text.slice(0, 60))}`, () =>
    app.slash({ command, text, teamId, triggerId: trigger() }),
  );

describe("every command", () => {
  const words = [...PROTO, ...CONTROL, LONG];
  for (const spec of COMMANDS) {
    const cmd = `/cc-${spec.name}`;
    it(`${cmd}: prototype names as keys, values and words, long values, control characters`, async () => {
      const texts: string[] = [];
      for (const w of PROTO) {
        texts.push(w, `${w}=1`, `x=${w}`, `${w} ${w}=${w}`);
        if (spec.name === "vendor")
          texts.push(
            `add name=X ${w}=1`,
            `add name=${w} rate=${w}`,
            `add name=Y rate=0.9/min currency=${w} languages=${w}`,
            `show ${w}`,
            `edit ${w} rate=1/min`,
            `edit Acme ${w}=1`,
            `remove ${w}`,
            `compare volume=${w}`,
          );
        if (spec.name === "contract")
          texts.push(
            `add vendor=${w} start=${w} renews=${w} notice=${w}`,
            `add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d ${w}=1`,
            `show ${w}`,
            `remove ${w}`,
            `remind ${w} ${w} ${w}`,
          );
        if (spec.name === "advise") texts.push(`update ${w}=1`, `update hours=${w}`, `languages=${w}`);
        if (spec.name === "estimate" || spec.name === "staffing")
          texts.push(`contacts=${w}`, `hours=${w}`, `languages=${w}`, `12000 calls a month, talk 5m, ${w}`);
        if (spec.name === "ask") texts.push(`topic:${w}`, `what is ${w}?`);
      }
      for (const w of [...CONTROL, LONG]) texts.push(w, `x=${w}`, `add name=${w}`, `${w}=1`);
      texts.push(words.join(" ").slice(0, 3900));
      for (const text of texts) await slash(cmd, text);
      expectClean();
    }, 240_000);
  }

  it("a command this app does not have, and repeated fields, get an answer at once", async () => {
    for (const w of PROTO) await slash(`/${w}`, "x");
    const body = `${new URLSearchParams({ command: "/cc-ask", text: "a", team_id: teamId, user_id: "U1", trigger_id: trigger() })}&text=b&command=/cc-vendor`;
    await probe("repeated command fields", () =>
      postSigned(`${app.url}/slack/events`, body, "application/x-www-form-urlencoded"),
    );
    expectClean();
  }, 120_000);
});

type View = {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ block_id?: string; element?: { type?: string } }>;
};

/** Open a command's form as Slack would and return the modal the app sent. */
async function openForm(command: string, text = ""): Promise<View | undefined> {
  const before = app.fake.callsTo("views.open").length;
  await app.slash({ command, text, teamId, triggerId: trigger() });
  const calls = await app.fake.waitFor("views.open", before + 1).catch(() => undefined);
  return calls?.[before]?.args.view as View | undefined;
}

/** One input's state for a value, in the shape Slack sends for that kind of element. */
function stateFor(type: string | undefined, value: string): Record<string, unknown> {
  switch (type) {
    case "static_select":
      return { type, selected_option: { value } };
    case "multi_static_select":
    case "checkboxes":
      return { type, selected_options: [{ value }, { value }] };
    case "datepicker":
      return { type, selected_date: value };
    case "conversations_select":
      return { type, selected_conversation: value };
    default:
      return { type: type ?? "plain_text_input", value };
  }
}

const submit = (view: View, values: unknown, meta = view.private_metadata) =>
  app.interact({
    type: "view_submission",
    team: { id: teamId, domain: "test" },
    user: { id: "U1", team_id: teamId },
    api_app_id: "A1",
    trigger_id: trigger(),
    view: { id: "V1", team_id: teamId, type: "modal", ...view, private_metadata: meta, state: { values } },
  });

/** A submission is answered in the HTTP body (errors, update) or by a message in the channel/DM. */
const replied = (from: number) =>
  app.fake.calls
    .slice(from)
    .some((c) => c.method === "chat.postEphemeral" || c.method === "chat.postMessage");

describe("every form", () => {
  const formsToOpen: Array<[string, string]> = [
    ...COMMANDS.filter((c) => c.form).map((c) => [`/cc-${c.name}`, ""] as [string, string]),
    ["/cc-vendor", "edit Acme"],
  ];

  for (const [command, text] of formsToOpen)
    it(`${command} ${text || "(new)"}: hostile values in every field and values of the wrong shape`, async () => {
      const view = await openForm(command, text);
      expect(view, `${command} opens a form`).toBeDefined();
      if (!view) return;
      const inputs = view.blocks.filter((b) => b.block_id?.startsWith("f:"));
      expect(inputs.length).toBeGreaterThan(0);
      const fill = (value: string) =>
        Object.fromEntries(inputs.map((b) => [b.block_id, { v: stateFor(b.element?.type, value) }]));
      const label = (what: string) => `${command} form ${what}`;
      const send = (what: string, values: unknown, meta?: string) =>
        probe(
          label(what),
          () => submit(view, values, meta),
          (from, res) => res.text !== "" || replied(from),
        );
      for (const w of [...PROTO, ...CONTROL, LONG])
        await send(`all fields ${JSON.stringify(w.slice(0, 20))}`, fill(w));
      // Prototype names as block ids and action ids.
      for (const w of PROTO) {
        await send(`block f:${w}`, {
          ...fill(""),
          [`f:${w}`]: { v: { type: "plain_text_input", value: "1" } },
        });
        await send(`action ${w}`, {
          [inputs[0]?.block_id ?? "f:x"]: { [w]: { type: "plain_text_input", value: "1" } },
        });
      }
      // Values of the wrong type or shape.
      const first = inputs[0]?.block_id ?? "f:x";
      for (const bad of [
        { v: { type: "plain_text_input", value: 5 } },
        { v: { type: "static_select", selected_option: "x" } },
        { v: { type: "multi_static_select", selected_options: "x" } },
        { v: { type: "checkboxes", selected_options: [5] } },
        { v: { type: "datepicker", selected_date: { y: 1 } } },
        { v: null },
        { v: [] },
        null,
        "x",
      ])
        await send(`wrong shape ${JSON.stringify(bad).slice(0, 40)}`, { ...fill(""), [first]: bad });
      for (const values of [null, [], "x", 5]) await send(`state.values ${JSON.stringify(values)}`, values);
      // Metadata naming no command, a prototype name, or not JSON.
      for (const meta of ["", "{", "null", "[]", ...PROTO.map((w) => JSON.stringify({ c: w, ch: "C1" }))])
        await send(`metadata ${meta.slice(0, 30)}`, fill("1"), meta);
      expectClean();
    }, 240_000);

  it("a form with an unknown callback_id, a closed form and an options request are answered at once", async () => {
    const base = { team: { id: teamId }, user: { id: "U1", team_id: teamId }, api_app_id: "A1" };
    for (const w of [...PROTO, "old_form"]) {
      await probe(`view_submission callback ${w}`, () =>
        app.interact({
          ...base,
          type: "view_submission",
          trigger_id: trigger(),
          view: { id: "V", callback_id: w, state: { values: {} } },
        }),
      );
      await probe(`view_closed ${w}`, () =>
        app.interact({ ...base, type: "view_closed", view: { id: "V", callback_id: w }, is_cleared: false }),
      );
      await probe(`block_suggestion ${w}`, () =>
        app.interact({ ...base, type: "block_suggestion", action_id: w, block_id: w, value: w }),
      );
    }
    expectClean();
  }, 120_000);
});

const clickPayload = (
  actionId: unknown,
  value: unknown,
  where: string,
  extra: Record<string, unknown> = {},
) => ({
  type: "block_actions",
  team: { id: teamId, domain: "test" },
  user: { id: "U1", team_id: teamId },
  api_app_id: "A1",
  response_url: app.fake.responseUrl(where),
  channel: { id: "C1", name: "general" },
  container: { type: "message", message_ts: "1.1", channel_id: "C1", is_ephemeral: true },
  message: { ts: "1.1", blocks: [] },
  trigger_id: trigger(),
  actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1" }],
  ...extra,
});

let clicks = 0;
/** Click and wait for the reply on the response_url (or a form opened). */
const click = (actionId: unknown, value: unknown) => {
  const where = `hostile-click-${++clicks}`;
  const opens = app.fake.callsTo("views.open").length;
  return probe(
    `click ${String(actionId).slice(0, 30)} ${JSON.stringify(value)?.slice(0, 50)}`,
    () => app.interact(clickPayload(actionId, value, where)),
    () =>
      app.fake.callsTo(`response_url:${where}`).length > 0 || app.fake.callsTo("views.open").length > opens,
  );
};

describe("every button", () => {
  const ACTION_IDS = [
    "run_command:1",
    "share_reply:1",
    "open_form:1",
    "reminder_reviewed",
    "reminder_snooze_1d",
    "reminder_snooze_1w",
  ];
  const values = (): unknown[] => [
    ...PROTO,
    ...PROTO.map((w) => JSON.stringify({ c: w, t: w })),
    ...PROTO.map((w) => JSON.stringify({ c: "vendor", t: `${w}=1` })),
    ...PROTO.map((w) => JSON.stringify({ c: "contract", t: `remove ${w} confirm=yes` })),
    ...PROTO.map((w) => JSON.stringify({ c: "advise", t: `update ${w}=1`, r: w })),
    ...CONTROL,
    ...CONTROL.map((w) => JSON.stringify({ c: "vendor", t: `edit ${w}` })),
    LONG,
    JSON.stringify({ c: "vendor", t: LONG }),
    "",
    undefined,
    5,
    null,
    { c: "ask", t: "help" },
    "null",
    "[]",
    "{",
  ];

  for (const id of ACTION_IDS)
    it(`${id}: prototype names, long and control values, values of the wrong type`, async () => {
      for (const value of values()) await click(id, value);
      expectClean();
    }, 240_000);

  it("unknown action ids, including every prototype name, are answered and told", async () => {
    for (const id of [...PROTO, "old_button", "run_commandx"]) await click(id, "x");
    expectClean();
  }, 120_000);
});

describe("malformed payloads", () => {
  const FORM = "application/x-www-form-urlencoded" as const;
  const raw = (label: string, body: string, type: typeof FORM | "application/json" = FORM) =>
    probe(label, () => postSigned(`${app.url}/slack/events`, body, type));
  const payload = (p: unknown) =>
    new URLSearchParams({ payload: typeof p === "string" ? p : JSON.stringify(p) }).toString();
  const user = { id: "U1", team_id: teamId };

  it("every malformed shape gets a 200 at once, and a person who can be told is told", async () => {
    await raw("missing payload", "");
    await raw("empty form", "a=1");
    await raw("payload not JSON", payload("{not json"));
    await raw("payload null", payload("null"));
    await raw("payload a string", payload('"x"'));
    await raw("payload repeated", `${payload({})}&payload=x`);
    await raw("no type", payload({ user }));
    await raw("no user", payload({ type: "block_actions", actions: [{ action_id: "run_command:1" }] }));
    for (const actions of [undefined, [], null, 5, "x", [null], [{}], [{ action_id: 5 }]]) {
      const where = `malformed-${++clicks}`;
      await probe(
        `block_actions actions=${JSON.stringify(actions)}`,
        () => app.interact({ ...clickPayload("x", "x", where), actions }),
        () => app.fake.callsTo(`response_url:${where}`).length > 0,
      );
      expect(
        app.fake.callsTo(`response_url:${where}`).length,
        `told about actions=${JSON.stringify(actions)}`,
      ).toBe(1);
    }
    for (const type of [
      "shortcut",
      "message_action",
      "interactive_message",
      "dialog_submission",
      "workflow_step_edit",
      ...PROTO,
    ])
      await raw(`payload type ${type}`, payload({ type, user, callback_id: "x", trigger_id: trigger() }));
    await raw(
      "view_submission without view",
      payload({ type: "view_submission", user, trigger_id: trigger() }),
    );
    await raw("view_closed without view", payload({ type: "view_closed", user }));
    await raw("json not JSON", "{", "application/json");
    await raw("json array", "[]", "application/json");
    await raw(
      "app_rate_limited",
      JSON.stringify({ type: "app_rate_limited", team_id: teamId }),
      "application/json",
    );
    await raw("event null", JSON.stringify({ type: "event_callback", event: null }), "application/json");
    await raw("event string", JSON.stringify({ type: "event_callback", event: "x" }), "application/json");
    for (const type of ["reaction_added", "team_join", ...PROTO])
      await raw(
        `event ${type}`,
        JSON.stringify({
          type: "event_callback",
          team_id: teamId,
          event_id: `Ev${trigger()}`,
          event: { type, user: "U1" },
        }),
        "application/json",
      );
    await raw(
      "message with text of the wrong type",
      JSON.stringify({
        type: "event_callback",
        team_id: teamId,
        event_id: `Ev${trigger()}`,
        event: { type: "message", channel_type: "im", user: "U1", channel: "D1", ts: "1.1", text: { a: 1 } },
      }),
      "application/json",
    );
    expectClean();
  }, 120_000);
});

describe("clicks that change nothing write nothing", () => {
  it("a reminder button for a reminder that is gone, or a workspace never seen, leaves the file untouched", async () => {
    const before = fileState();
    for (const id of ["reminder_reviewed", "reminder_snooze_1d", "reminder_snooze_1w"]) {
      for (const team of [teamId, "T_NEVER_SEEN"]) {
        const where = `gone-${++clicks}`;
        await app.interact({
          ...clickPayload(id, "00000000-0000-4000-8000-000000000000", where),
          team: { id: team, domain: "x" },
          user: { id: "U1", team_id: team },
        });
        const reply = await app.fake.waitFor(`response_url:${where}`);
        // A team this app does not serve is told so before any reminder is looked for.
        expect(String(reply[0]?.args.text)).toMatch(
          team === teamId ? /can't find this reminder/ : /installed for another Slack workspace/,
        );
      }
    }
    // A reminder that exists but is not posted yet: the button is refused and nothing is written.
    const pending = (await app.running.store.read({ teamId })).reminders.find((r) => r.state === "pending");
    expect(pending).toBeDefined();
    const where = `pending-${++clicks}`;
    await app.interact(clickPayload("reminder_reviewed", pending?.id, where));
    const reply = await app.fake.waitFor(`response_url:${where}`);
    expect(String(reply[0]?.args.text)).toMatch(/can't be changed any more/);
    expect(
      (await app.running.store.read({ teamId })).reminders.find((r) => r.id === pending?.id)?.state,
    ).toBe("pending");
    expect(fileState()).toEqual(before);
    expect((await app.running.store.workspaceIds()).filter((id) => id.includes("T_NEVER_SEEN"))).toEqual([]);
  });
});
