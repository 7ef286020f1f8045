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
  blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
}

describe("/cc-staffing over HTTP (signed request, fake Slack API)", () => {
  it("with patience: Erlang A, the abandonment rate and a what-if grid button", async () => {
    const res = await app.slash({
      command: "/cc-staffing",
      text: "calls=100 interval=30m aht=3m patience=60s max-abandon=5%",
    });
    expect(res.status).toBe(200);
    const reply = res.json as SlackReply;
    expect(reply.response_type).toBe("ephemeral");
    const shown = textOf(reply.blocks);
    expect(shown).toMatch(/Erlang A/);
    expect(shown).toMatch(/Abandonment/);
    expect(shown).toMatch(/limit 5%/);
    expect(shown).not.toMatch(/NaN|undefined|Infinity/);
    const buttons = reply.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
    const grid = buttons.find((b) => b.value?.includes(" grid"));
    expect(grid?.value).toMatch(/patience=1m/);
  }, 30_000);
});
