import { describe, expect, it } from "vitest";
import { contractCommand } from "../../src/commands/contract.ts";
import { dispatch } from "../../src/commands/dispatch.ts";
import { VendorSchema } from "../../src/core/vendors/vendor.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

// Tue 1 Dec 2026, 07:00 in New York.
const NOW = "2026-12-01T12:00:00Z";
const ADD = "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=<#C0CXOPS|cx-ops>";

const run = async (ctx: Awaited<ReturnType<typeof testContext>>, text: string) => {
  const out = await dispatch("contract", text, ctx);
  return { ...out, shown: blocksToText(out.reply.blocks) };
};

describe("/cc-contract add", () => {
  it("saves the contract and plans reviews before the notice deadline and onboarding check-ins", async () => {
    const ctx = await testContext({ now: new Date(NOW), timeZone: "America/New_York" });
    const out = await run(ctx, ADD);
    expect(out.ok).toBe(true);
    // 15 Jan 2028 − 60 days = Tue 16 Nov 2027.
    expect(out.shown).toContain("Notice deadline: Tue 16 Nov 2027");
    const data = await ctx.db.read(ctx.workspace);
    expect(data.contracts).toHaveLength(1);
    expect(data.contracts[0]).toMatchObject({
      vendor: "Acme",
      channel: "C0CXOPS",
      noticeDeadline: "2027-11-16",
    });
    const reviews = data.reminders.filter((r) => r.kind !== "checkin");
    expect(reviews.map((r) => [r.kind, r.dueAt])).toEqual([
      ["review-30", "2027-10-17T13:00:00.000Z"], // 09:00 EDT
      ["review-7", "2027-11-09T14:00:00.000Z"], // 09:00 EST, after the November change
      ["deadline", "2027-11-16T14:00:00.000Z"],
    ]);
    const checkins = data.reminders.filter((r) => r.kind === "checkin");
    // Fri 15 – Thu 28 Jan 2027 without the weekends: ten check-ins.
    expect(checkins).toHaveLength(10);
    expect(checkins[0]?.dueAt).toBe("2027-01-15T14:00:00.000Z");
    expect(checkins[1]?.dueAt).toBe("2027-01-18T14:00:00.000Z");
    expect(checkins[9]?.dueAt).toBe("2027-01-28T14:00:00.000Z");
    expect(data.reminders.every((r) => r.channel === "C0CXOPS" && r.state === "pending")).toBe(true);
  });

  it("posts in the channel where the command was typed by default, twice a day with checkins=2x", async () => {
    const ctx = await testContext({ now: new Date(NOW), channelId: "C0HERE", timeZone: "Europe/Bucharest" });
    const out = await run(
      ctx,
      "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=3mo checkins=2x onboarding=7d",
    );
    expect(out.ok).toBe(true);
    const data = await ctx.db.read(ctx.workspace);
    expect(data.contracts[0]?.channel).toBe("C0HERE");
    expect(data.contracts[0]?.noticeDeadline).toBe("2027-10-15");
    const checkins = data.reminders.filter((r) => r.kind === "checkin").map((r) => r.dueAt);
    // Fri 15, then Mon 18 – Thu 21 Jan: five weekdays, twice each.
    expect(checkins).toHaveLength(10);
    // 09:00 and 15:00 in Bucharest (UTC+2 in January).
    expect(checkins.slice(0, 2)).toEqual(["2027-01-15T07:00:00.000Z", "2027-01-15T13:00:00.000Z"]);
  });

  it("reads natural phrases in the user's time zone", async () => {
    // Thu 26 Nov 2026 22:30 in New York: "tomorrow" is Friday the 27th there.
    const ctx = await testContext({ now: new Date("2026-11-27T03:30:00Z"), timeZone: "America/New_York" });
    const out = await run(
      ctx,
      'add vendor=Acme start=tomorrow renews="in 12 months" notice=30d onboarding=1d',
    );
    expect(out.ok).toBe(true);
    const data = await ctx.db.read(ctx.workspace);
    expect(data.contracts[0]).toMatchObject({ start: "2026-11-27", renews: "2027-11-26" });
    expect(data.reminders.find((r) => r.kind === "checkin")?.dueAt).toBe("2026-11-27T14:00:00.000Z");
  });

  it.each([
    ["add start=2027-01-15 renews=2028-01-15 notice=60d", "vendor"],
    ["add vendor=Acme start=2027-01-15 renews=2026-06-01 notice=60d", "after the start"],
    ["add vendor=Acme start=2025-01-15 renews=2026-01-15 notice=60d", "in the past"],
    ["add vendor=Acme start=2027-01-15 renews=2027-03-15 notice=3mo", "longer than the term"],
    ["add vendor=Acme start=2026-01-15 renews=2027-01-15 notice=60d", "already passed"],
    [
      "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=#cx-ops",
      "cannot look up #cx-ops",
    ],
    ["add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=ops", "not a channel"],
    ["add vendor=Acme start=2027-13-45 renews=2028-01-15 notice=60d", "could not read start"],
    ["add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=soon", "could not read notice"],
    ["add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d colour=blue", "Unknown key: colour"],
    [
      "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d checkins=3x",
      "1x (daily on weekdays), 2x",
    ],
    ["frobnicate", "don't know"],
  ])("refuses %s with a clear message and saves nothing", async (text, message) => {
    const ctx = await testContext({ now: new Date(NOW), timeZone: "America/New_York" });
    const out = await run(ctx, text);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.kind).toBe("input");
    expect(out.reply.text).toContain(message);
    const data = await ctx.db.read(ctx.workspace);
    expect(data.contracts).toEqual([]);
    expect(data.reminders).toEqual([]);
  });

  it("checks the vendor against saved vendors only when there are some, and refuses duplicates", async () => {
    const ctx = await testContext({ now: new Date(NOW) });
    await ctx.db.update(ctx.workspace, (d) => {
      d.vendors.push(VendorSchema.parse({ name: "Acme Corp" }));
    });
    const unknown = await run(ctx, "add vendor=Nope start=2027-01-15 renews=2028-01-15 notice=60d");
    expect(unknown.reply.text).toContain("not one of your saved vendors");
    const ok = await run(ctx, 'add vendor="acme corp" start=2027-01-15 renews=2028-01-15 notice=60d');
    expect(ok.ok).toBe(true);
    expect((await ctx.db.read(ctx.workspace)).contracts[0]?.vendor).toBe("Acme Corp");
    const again = await run(ctx, 'add vendor="Acme Corp" start=2027-01-15 renews=2028-01-15 notice=60d');
    expect(again.reply.text).toContain("already a contract with Acme Corp");
    expect((await ctx.db.read(ctx.workspace)).contracts).toHaveLength(1);
  });

  it("offers a form for add with date pickers", async () => {
    const ctx = await testContext();
    const form = await contractCommand.form?.("add", ctx);
    expect(form?.prefix).toBe("add");
    expect(form?.fields.filter((f) => f.kind === "date").map((f) => f.key)).toEqual(["start", "renews"]);
    expect(await contractCommand.form?.("list", ctx)).toBeUndefined();
  });
});

describe("/cc-contract help", () => {
  it("has examples that run, in order, and a help reply", async () => {
    const ctx = await testContext({ now: new Date(NOW), timeZone: "America/New_York" });
    for (const example of contractCommand.examples) {
      const out = await run(ctx, example);
      expect(out.ok, `${example}: ${out.reply.text}`).toBe(true);
    }
    expect((await run(ctx, "help")).shown).toContain("/cc-contract remind Acme");
  });
});

describe("/cc-contract list, show, remind, remove", () => {
  it("lists contracts with their next reminder", async () => {
    const ctx = await testContext({ now: new Date(NOW), timeZone: "America/New_York" });
    expect((await run(ctx, "list")).shown).toContain("No contracts yet");
    await run(ctx, `${ADD} onboarding=0`);
    const out = await run(ctx, "list");
    expect(out.shown).toContain("Acme: renews Sat 15 Jan 2028, notice by Tue 16 Nov 2027");
    expect(out.shown).toContain("Next reminder: Sun 17 Oct 2027, 09:00 (America/New_York)");
  });

  it("adds a one-off reminder with a note, and refuses one in the past", async () => {
    const ctx = await testContext({ now: new Date(NOW), timeZone: "America/New_York" });
    await run(ctx, ADD);
    const out = await run(ctx, "remind Acme 2027-03-01 check that hold time is not billed");
    expect(out.ok).toBe(true);
    const custom = (await ctx.db.read(ctx.workspace)).reminders.find((r) => r.kind === "custom");
    expect(custom).toMatchObject({
      note: "check that hold time is not billed",
      dueAt: "2027-03-01T14:00:00.000Z",
      channel: "C0CXOPS",
    });
    const natural = await run(ctx, "remind acme in 2 weeks ask for the service-level report");
    expect(natural.ok).toBe(true);
    expect((await ctx.db.read(ctx.workspace)).reminders.filter((r) => r.kind === "custom")[1]).toMatchObject({
      note: "ask for the service-level report",
      dueAt: "2026-12-15T14:00:00.000Z",
    });
    const past = await run(ctx, "remind Acme 2026-01-01 too late");
    expect(past.reply.text).toContain("in the past");
    const nobody = await run(ctx, "remind Zeta 2027-03-01 hello");
    expect(nobody.reply.text).toContain("no contract with Zeta");
    expect((await ctx.db.read(ctx.workspace)).reminders.filter((r) => r.kind === "custom")).toHaveLength(2);
  });

  it("reads a quoted date phrase in remind, straight or curly quotes", async () => {
    const ctx = await testContext({ now: new Date(NOW), timeZone: "America/New_York" });
    await run(ctx, ADD);
    const out = await run(ctx, 'remind Acme "next Monday" check fees');
    expect(out.ok).toBe(true);
    // Tue 1 Dec 2026 → next Monday is 7 Dec, 09:00 in New York (UTC−5).
    expect((await ctx.db.read(ctx.workspace)).reminders.find((r) => r.kind === "custom")).toMatchObject({
      note: "check fees",
      dueAt: "2026-12-07T14:00:00.000Z",
    });
    const curly = await run(ctx, "remind Acme “in 2 weeks” ask for the report");
    expect(curly.ok).toBe(true);
    expect((await ctx.db.read(ctx.workspace)).reminders.filter((r) => r.kind === "custom")[1]).toMatchObject({
      note: "ask for the report",
      dueAt: "2026-12-15T14:00:00.000Z",
    });
    const bad = await run(ctx, 'remind Acme "whenever" check fees');
    expect(bad.ok).toBe(false);
    // A date that does not exist is named, not reported as missing.
    const feb30 = await run(ctx, "remind Acme 2027-02-30 check fees");
    expect(feb30.reply.text).toContain("2027-02-30 is not a date I can read");
    expect((await ctx.db.read(ctx.workspace)).reminders.filter((r) => r.kind === "custom")).toHaveLength(2);
  });

  it("asks before removing, then removes the contract and cancels its pending reminders", async () => {
    const ctx = await testContext({ now: new Date(NOW) });
    await run(ctx, ADD);
    const ask = await run(ctx, "remove Acme");
    expect(ask.shown).toContain("Remove: /cc-contract remove Acme confirm=yes");
    expect((await ctx.db.read(ctx.workspace)).contracts).toHaveLength(1);
    const done = await run(ctx, "remove Acme confirm=yes");
    expect(done.shown).toContain("13 pending reminders cancelled");
    const data = await ctx.db.read(ctx.workspace);
    expect(data.contracts).toEqual([]);
    expect(data.reminders.filter((r) => r.state === "pending")).toEqual([]);
    expect((await run(ctx, "show Acme")).reply.text).toContain("no contract with Acme");
  });

  it("never lets a vendor name ping the channel", async () => {
    const ctx = await testContext({ now: new Date(NOW) });
    const out = await run(ctx, 'add vendor="<!channel> Co" start=2027-01-15 renews=2028-01-15 notice=60d');
    expect(out.ok).toBe(true);
    const list = await run(ctx, "list");
    const mrkdwn = list.reply.blocks
      .map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""))
      .join("\n");
    expect(mrkdwn).toContain("&lt;!channel&gt; Co");
    expect(mrkdwn).not.toContain("<!channel>");
  });

  it("keeps each workspace's contracts to itself", async () => {
    const a = await testContext({ now: new Date(NOW), workspace: { teamId: "TA" } });
    const b = await testContext({ now: new Date(NOW), workspace: { teamId: "TB" }, store: a.db });
    await run(a, ADD);
    expect((await run(b, "list")).shown).toContain("No contracts yet");
    expect((await run(b, "remove Acme confirm=yes")).ok).toBe(false);
    expect((await a.db.read(a.workspace)).contracts).toHaveLength(1);
  });
});
