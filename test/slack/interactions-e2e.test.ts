import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCommandValue } from "../../src/render/buttons.ts";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";

let app: TestApp;
// Slack gives every command, click and submission a fresh trigger_id (the app acts once per trigger_id).
let triggers = 0;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

type View = {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ block_id?: string; type: string }>;
};

const openForm = async (command: string, text = ""): Promise<View> => {
  const before = app.fake.callsTo("views.open").length;
  await app.slash({ command, text, triggerId: `trig-form-${++triggers}` });
  const calls = await app.fake.waitFor("views.open", before + 1);
  return calls[before]?.args.view as View;
};

const submit = (view: View, values: Record<string, unknown>, teamId = "T1") =>
  app.interact({
    type: "view_submission",
    team: { id: teamId, domain: "test" },
    user: { id: "U1", team_id: teamId },
    api_app_id: "A1",
    trigger_id: `trig-submit-${++triggers}`,
    view: { id: "V1", team_id: teamId, type: "modal", ...view, state: { values } },
  });

const clickButton = (
  actionId: string,
  value: string | undefined,
  where: { responseUrl?: string; container: Record<string, unknown> },
) =>
  app.interact({
    type: "block_actions",
    team: { id: "T1", domain: "test" },
    user: { id: "U1", team_id: "T1" },
    api_app_id: "A1",
    ...(where.responseUrl ? { response_url: where.responseUrl, channel: { id: "C1", name: "general" } } : {}),
    container: where.container,
    trigger_id: `trig-click-${++triggers}`,
    actions: [{ type: "button", action_id: actionId, block_id: "b", value, action_ts: "1" }],
  });

const num = (value: string) => ({ v: { type: "number_input", value } });

describe("forms end to end", () => {
  it("an estimate form's error on a time lands on that time's input, not the first one", async () => {
    const view = await openForm("/cc-estimate");
    const res = await submit(view, { "f:contacts": num("12000"), "f:talk-min": num("600") });
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(["f:talk-min"]);
    expect(body.errors["f:talk-min"]).toMatch(/at most 4 h/);
  });

  it("the advice form's free-text box is read as a description of the team", async () => {
    const view = await openForm("/cc-advise");
    const before = app.fake.callsTo("chat.postEphemeral").length;
    const res = await submit(view, {
      "f:describe": {
        v: { type: "plain_text_input", value: "An online shop with 2,000 calls a month; we need Spanish." },
      },
    });
    expect(res.json).toBeUndefined();
    await app.fake.waitFor("chat.postEphemeral", before + 1);
    const profile = (await app.running.store.read({ teamId: "T1" })).profile as Record<string, unknown>;
    expect(profile.volume).toBe(2000);
    expect(profile.languages).toContain("es");
  });

  it("an estimate made with the form becomes the App Home's last estimate", async () => {
    const view = await openForm("/cc-estimate");
    await submit(view, { "f:contacts": num("7000"), "f:talk-min": num("4") });
    const end = Date.now() + 4000;
    const latest = async () => (await app.running.store.read({ teamId: "T1" })).lastEstimate;
    while (!/7,000/.test((await latest())?.summary ?? "") && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    const last = await latest();
    expect(last?.summary).toMatch(/7,000 contacts/);
    expect(last?.text).toMatch(/contacts=7000/);
  });
});

describe("buttons end to end", () => {
  it("a button on a message shared in the channel answers the clicker beside it, leaving the shared message", async () => {
    const value = encodeCommandValue("staffing", "calls=100 interval=30m aht=3m");
    const before = app.fake.callsTo("response_url:public").length;
    await clickButton("run_command:x", value, {
      responseUrl: app.fake.responseUrl("public"),
      container: { type: "message", message_ts: "1.1", channel_id: "C1", is_ephemeral: false },
    });
    const calls = await app.fake.waitFor("response_url:public", before + 1);
    const reply = calls[before]?.args as {
      replace_original: boolean;
      response_type: string;
      blocks: unknown;
    };
    expect(reply.replace_original).toBe(false);
    expect(reply.response_type).toBe("ephemeral");
    expect(textOf(reply.blocks)).toMatch(/agents/);
  });

  it("Share in channel from the App Home, where there is no channel, says so in the user's DM", async () => {
    const value = encodeCommandValue("staffing", "calls=100 interval=30m aht=3m");
    const before = app.fake.callsTo("chat.postMessage").length;
    await clickButton("share_reply:x", value, { container: { type: "view", view_id: "VH" } });
    const calls = await app.fake.waitFor("chat.postMessage", before + 1);
    expect(calls[before]?.args.channel).toBe("U1");
    expect(String(calls[before]?.args.text)).toMatch(/no channel to share/i);
  });

  it("an Edit button from the App Home for a vendor removed since says so in the user's DM", async () => {
    const value = encodeCommandValue("vendor", "edit Gone");
    const before = app.fake.callsTo("chat.postMessage").length;
    await clickButton("open_form:x", value, { container: { type: "view", view_id: "VH" } });
    const calls = await app.fake.waitFor("chat.postMessage", before + 1);
    expect(calls[before]?.args.channel).toBe("U1");
    expect(String(calls[before]?.args.text)).toMatch(/no vendor called "Gone"/);
  });

  it("a vendor added with the form opened from the App Home shows on the Home at once", async () => {
    const opens = app.fake.callsTo("views.open").length;
    await app.interact({
      type: "block_actions",
      team: { id: "T1", domain: "test" },
      user: { id: "U1", team_id: "T1" },
      api_app_id: "A1",
      container: { type: "view", view_id: "VH" },
      view: { id: "VH", type: "home", team_id: "T1" },
      trigger_id: `trig-home-${++triggers}`,
      actions: [
        {
          type: "button",
          action_id: "open_form:h",
          block_id: "b",
          value: encodeCommandValue("vendor", "add"),
        },
      ],
    });
    const view = (await app.fake.waitFor("views.open", opens + 1))[opens]?.args.view as View;
    const publishes = app.fake.callsTo("views.publish").length;
    const res = await submit(view, {
      "f:name": { v: { type: "plain_text_input", value: "Homegrown" } },
      "f:rate": { v: { type: "plain_text_input", value: "0.90/min" } },
    });
    expect(res.json).toBeUndefined();
    const published = await app.fake.waitFor("views.publish", publishes + 1);
    expect(published[publishes]?.args.user_id).toBe("U1");
    expect(textOf(published[publishes]?.args.view)).toMatch(/Homegrown/);
  });

  it("Share in channel posts the reply shown, without running `vendor add` a second time", async () => {
    const added = await app.slash({
      command: "/cc-vendor",
      text: "add name=Sharp rate=0.95/min",
    });
    const blocks = (added.json as { blocks: Array<{ elements?: Array<Record<string, string>> }> }).blocks;
    const share = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith("share_reply"));
    expect(share).toBeDefined();
    const before = app.fake.callsTo("response_url:share-add").length;
    await app.interact({
      type: "block_actions",
      team: { id: "T1", domain: "test" },
      user: { id: "U1", team_id: "T1" },
      api_app_id: "A1",
      response_url: app.fake.responseUrl("share-add"),
      channel: { id: "C1", name: "general" },
      container: { type: "message", message_ts: "1.1", channel_id: "C1", is_ephemeral: true },
      trigger_id: `trig-share-${++triggers}`,
      actions: [
        { type: "button", action_id: share?.action_id, block_id: "b", value: share?.value, action_ts: "1" },
      ],
    });
    const calls = await app.fake.waitFor("response_url:share-add", before + 1);
    const posted = calls[before]?.args as { response_type: string; blocks: unknown };
    expect(posted.response_type).toBe("in_channel");
    expect(textOf(posted.blocks)).toMatch(/Saved the quote from \*Sharp\*/);
    expect(textOf(posted.blocks)).toMatch(/Shared by <@U1>/);
    // Shared, not added again.
    const names = (await app.running.store.read({ teamId: "T1" })).vendors.map((v) => v.name);
    expect(names.filter((n) => n === "Sharp")).toEqual(["Sharp"]);
  });

  it("a share button whose reply is no longer kept says to run the command again", async () => {
    const value = JSON.stringify({ c: "contract", t: "remind Acme tomorrow", r: "gone" });
    const before = app.fake.callsTo("response_url:share-gone").length;
    await clickButton("share_reply:y", value, {
      responseUrl: app.fake.responseUrl("share-gone"),
      container: { type: "message", message_ts: "1.1", channel_id: "C1", is_ephemeral: true },
    });
    const calls = await app.fake.waitFor("response_url:share-gone", before + 1);
    const said = calls[before]?.args as { response_type: string; text: string };
    expect(said.response_type).toBe("ephemeral");
    expect(said.text).toMatch(/too old to share.*\/cc-contract remind Acme tomorrow/);
  });
});
