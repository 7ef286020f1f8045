import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, textOf } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

interface SlackReply {
  response_type: string;
  text: string;
  blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
}

const buttonsOf = (reply: SlackReply) =>
  reply.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

describe("slash commands over HTTP", () => {
  it("/cc-staffing answers the worked example ephemerally, with a share button", async () => {
    const res = await app.slash({
      command: "/cc-staffing",
      text: "calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30%",
    });
    expect(res.status).toBe(200);
    const reply = res.json as SlackReply;
    expect(reply.response_type).toBe("ephemeral");
    const shown = textOf(reply.blocks);
    expect(shown).toContain("14 agents");
    expect(shown).toContain("20");
    expect(shown).toMatch(/88\.8%/);
    expect(shown).toMatch(/7\.8 s/);
    expect(reply.blocks.length).toBeLessThanOrEqual(50);
    expect(buttonsOf(reply).some((b) => b.action_id?.startsWith("share_reply"))).toBe(true);
  });

  it("/cc-estimate gives all three models and a recommendation", async () => {
    const res = await app.slash({
      command: "/cc-estimate",
      text: "12000 calls a month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s",
    });
    const shown = textOf((res.json as SlackReply).blocks);
    expect(shown).toMatch(/Shared/);
    expect(shown).toMatch(/Semi-dedicated/i);
    expect(shown).toMatch(/Dedicated/);
    expect(shown).toMatch(/Break-even/i);
    expect(shown).toMatch(/\$[\d,]+/);
  });

  it.each([
    ["/cc-staffing", "calls=100 interval=30m aht=3m shrinkage=100%", /shrinkage/i],
    ["/cc-staffing", "calls=100 interval=30m aht=3m target=100%", /target/i],
    ["/cc-staffing", "calls=-5 interval=30m aht=3m", /calls/i],
    ["/cc-estimate", "contacts=12000 talk=5m colour=blue", /colour/i],
    ["/cc-estimate", "🎉🎉🎉", /./],
    ["/cc-estimate", "x".repeat(5000), /characters|long/i],
    ["/cc-staffing", "calls=100; DROP TABLE users; <script>alert(1)</script>", /./],
  ])("%s (case %#) → a friendly message with an example, not an error", async (command, text, mentions) => {
    const res = await app.slash({ command, text });
    expect(res.status).toBe(200);
    const reply = res.json as SlackReply;
    expect(reply.response_type).toBe("ephemeral");
    const shown = textOf(reply.blocks);
    expect(shown).toMatch(mentions);
    expect(shown).toMatch(/Example: `\/cc-/);
    expect(shown).not.toMatch(/at \S+\.ts:\d+|TypeError|ZodError/);
    expect(shown).not.toContain("<script>");
  });

  it("/cc-estimate with no text opens a form with the trigger id, and a bad submission is shown on its field", async () => {
    const before = app.fake.callsTo("views.open").length;
    const res = await app.slash({ command: "/cc-estimate", text: "", triggerId: "trig-1" });
    expect(res.status).toBe(200);
    const calls = await app.fake.waitFor("views.open", before + 1);
    const call = calls[before];
    expect(call?.args.trigger_id).toBe("trig-1");
    const view = call?.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id: string; element: { type: string } }>;
    };
    expect(view.blocks.some((b) => b.element?.type === "number_input")).toBe(true);

    // The user types a negative talk time: the modal stays open with the error on that input.
    const contactsBlock = view.blocks.find((b) => b.block_id === "f:contacts");
    expect(contactsBlock).toBeDefined();
    const submission = (values: Record<string, unknown>) => ({
      type: "view_submission",
      team: { id: "T1", domain: "test" },
      user: { id: "U1", team_id: "T1" },
      api_app_id: "A1",
      view: {
        id: "V1",
        team_id: "T1",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        blocks: view.blocks,
        state: { values },
      },
    });
    const bad = await app.interact(
      submission({ "f:contacts": { v: { type: "number_input", value: "-20" } } }),
    );
    expect(bad.status).toBe(200);
    const errors = bad.json as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe("errors");
    expect(Object.keys(errors.errors)).toEqual(["f:contacts"]);

    const postsBefore = app.fake.callsTo("chat.postEphemeral").length;
    const good = await app.interact(
      submission({
        "f:contacts": { v: { type: "number_input", value: "5000" } },
        "f:talk-min": { v: { type: "number_input", value: "4" } },
      }),
    );
    expect(good.status).toBe(200);
    expect(good.text).toBe("");
    const posts = await app.fake.waitFor("chat.postEphemeral", postsBefore + 1);
    expect(posts[postsBefore]?.args.user).toBe("U1");
    expect(posts[postsBefore]?.args.channel).toBe("C1");
    expect(textOf(posts[postsBefore]?.args.blocks)).toMatch(/5,000 contacts/);
  });

  it("the share button posts the same answer in the channel, signed by who shared it", async () => {
    const res = await app.slash({ command: "/cc-staffing", text: "calls=100 interval=30m aht=3m" });
    const share = buttonsOf(res.json as SlackReply).find((b) => b.action_id?.startsWith("share_reply"));
    expect(share).toBeDefined();
    const before = app.fake.callsTo("response_url:share").length;
    await app.interact({
      type: "block_actions",
      team: { id: "T1", domain: "test" },
      user: { id: "U7", team_id: "T1" },
      api_app_id: "A1",
      channel: { id: "C1", name: "general" },
      container: { type: "message", is_ephemeral: true, channel_id: "C1" },
      response_url: app.fake.responseUrl("share"),
      trigger_id: "t",
      actions: [
        { type: "button", action_id: share?.action_id, block_id: "b", value: share?.value, action_ts: "1" },
      ],
    });
    const calls = await app.fake.waitFor("response_url:share", before + 1);
    const posted = calls[before]?.args as { response_type: string; blocks: unknown };
    expect(posted.response_type).toBe("in_channel");
    expect(textOf(posted.blocks)).toContain("14 agents");
    expect(textOf(posted.blocks)).toContain("<@U7>");
  });
});
