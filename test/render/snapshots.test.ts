import type { KnownBlock } from "@slack/types";
import { beforeAll, describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import type { CommandContext } from "../../src/commands/types.ts";
import { blockKitProblems } from "../helpers/blockkit.ts";
import { testContext } from "../helpers/context.ts";

// The Block Kit each reply type produces for a fixed input, kept in __snapshots__ and reviewed like
// code: a change to what users see shows up in the diff of a commit.

let ctx: CommandContext;

beforeAll(async () => {
  ctx = await testContext({ now: new Date("2026-12-01T12:00:00Z"), timeZone: "UTC" });
  for (const [c, t] of [
    [
      "vendor",
      "add name=Acme location=nearshore country=MX rate=0.95/min billing=60s languages=en,es hours=24/7",
    ],
    ["vendor", "add name=Beta location=offshore rate=0.80/min billing=30s languages=en"],
    ["vendor", "add name=Gamma rate=1.05/min billing=6s languages=en,es certs=pci"],
    ["contract", "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=C0CXOPS"],
  ] as const) {
    const out = await dispatch(c, t, ctx);
    if (!out.ok) throw new Error(`${c} ${t}: ${out.reply.text}`);
  }
});

/** Button ids carry a counter to stay unique in a message; the counter is not what users see. */
const stable = (blocks: KnownBlock[]): unknown =>
  JSON.parse(JSON.stringify(blocks).replace(/"action_id":"([a-z_]+):[0-9a-z]+"/g, '"action_id":"$1"'));

const REPLIES: Array<[name: string, command: string, text: string]> = [
  ["estimate", "estimate", "12000 calls a month, talk 5m, wrap 1m, hours 24/7"],
  ["estimate (24/7 day in half hours)", "estimate", "calls=12000 talk=5m hours=24/7 shape=24/7 interval=30m"],
  [
    "estimate (calls, chats, e-mails)",
    "estimate",
    "calls=8000 talk=5m chats=3000 chat-time=12m emails=2000 email-time=8m",
  ],
  ["staffing", "staffing", "calls=100 interval=30m aht=3m answer=20s target=80%"],
  ["staffing (grid)", "staffing", "calls=100 interval=30m aht=3m grid"],
  ["staffing (chat, Erlang A)", "staffing", "chats=100 interval=1h aht=8m concurrency=3 patience=90s"],
  ["staffing (at 5 agents)", "staffing", "calls=100 interval=30m aht=3m agents=5"],
  ["advise (first screen)", "advise", "volume=2000 pattern=inconsistent languages=en,es payments=yes"],
  ["advise show all", "advise", "show all"],
  ["advise show", "advise", "show"],
  ["advise help", "advise", "help"],
  ["estimate help", "estimate", "help"],
  ["staffing help", "staffing", "help"],
  ["vendor help", "vendor", "help"],
  ["contract help", "contract", "help"],
  ["ask help", "ask", "help"],
  ["ask", "ask", "how is hold time billed?"],
  ["ask (weak match)", "ask", "who is on call this weekend"],
  ["vendor list", "vendor", "list"],
  ["vendor show", "vendor", "show Acme"],
  ["vendor compare", "vendor", "compare volume=8000 talk=4m"],
  ["contract list", "contract", "list"],
  ["contract show", "contract", "show Acme"],
  ["contract edit", "contract", "edit Acme notice=90d"],
  ["input error", "staffing", "shrinkage=150%"],
  ["home", "home", ""],
];

describe("Block Kit snapshots, one per reply type", () => {
  it.each(REPLIES)("%s", async (_name, command, text) => {
    const out = await dispatch(command, text, ctx);
    expect(blockKitProblems(out.reply.blocks, "message")).toEqual([]);
    // Phone-sized: no section over 12 lines, no monospace table (it wraps into broken columns).
    for (const b of out.reply.blocks) {
      const text = b.type === "section" ? (b.text?.text ?? "") : "";
      expect(text.split("\n").length, text.slice(0, 80)).toBeLessThanOrEqual(12);
      expect(text).not.toContain("```");
    }
    expect(stable(out.reply.blocks)).toMatchSnapshot();
  });
});
