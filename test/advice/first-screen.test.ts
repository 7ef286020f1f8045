import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { type AdviseJson, adviseCommand } from "../../src/commands/advise.ts";
import { decodeCommandValue } from "../../src/render/buttons.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

/** Twenty teams of different kinds, as they describe themselves with keys or in words. */
const PROFILES = [
  "volume=2000 pattern=inconsistent languages=en,es payments=yes",
  "volume=60000 hours=24/7 languages=en,fr,de licensed=yes industry=insurance",
  "volume=300 employees=8",
  "hours=24/7 dr=yes volume=20000",
  "health=yes personal-data=yes volume=5000",
  "outbound=lead-generation,cold-calling volume=8000",
  "channels=email,chat volume=1500 industry=e-commerce",
  "sites=4 cloud=skeptical in-house-agents=40",
  "quotes=1 switching=underperforming",
  "overloaded=yes lost-sales=yes missed-calls=yes callback-hours=72",
  "expansion=latam international=yes languages=en,es,pt",
  "accents=sensitive priority=quality complexity=specialized",
  "reporting=recordings crm=salesforce,zendesk",
  "growth=80 volume=12000 pattern=seasonal",
  "payments=yes hours=24/7 volume=45000 languages=en",
  "We're a 40-person online shop, about 2,000 calls and 500 emails a month, customers in the US and Mexico, we need Spanish and take card payments by phone",
  "We are an insurer with licensed agents, 30000 calls a month, open 24/7",
  "small clinic, 400 calls a month, patient records are confidential",
  "volume=100000 employees=2000 sites=6 hours=24/7 languages=en,es,fr,de,it",
  "missed-appointments=yes language-barriers=yes volume=900",
];

const sections = (blocks: KnownBlock[]): string[] =>
  blocks.flatMap((b) => (b.type === "section" && b.text ? [b.text.text] : []));

/** The part of the reply before the vendor checklist: what a reader sees first. */
function firstScreen(blocks: KnownBlock[]): string {
  const text = blocksToText(blocks);
  return text.slice(0, text.indexOf("Questions to ask every vendor"));
}

function showAllButton(blocks: KnownBlock[]): string | undefined {
  for (const b of blocks) {
    if (b.type !== "section" || b.accessory?.type !== "button") continue;
    const v = decodeCommandValue(b.accessory.value);
    if (v?.c === "advise") return v.t;
  }
  return undefined;
}

describe("the first screen of /cc-advise", () => {
  it.each(PROFILES)("leads with this team's musts, then at most five points: %s", async (typed) => {
    const ctx = await testContext();
    const { result, reply } = await adviseCommand.run(typed, ctx);
    const json = result as AdviseJson;
    const first = firstScreen(reply.blocks);

    // Nothing lost from the JSON: every recommendation is there, ranked 1..n once each.
    expect(json.recommendations.length).toBeGreaterThan(0);
    expect(json.recommendations.map((r) => r.rank).sort((a, b) => a - b)).toEqual(
      json.recommendations.map((_, i) => i + 1),
    );

    // Every must that comes from the team's own facts is on the first screen.
    const specificMusts = json.recommendations.filter((r) => r.specific && r.severity === "must");
    for (const m of specificMusts) expect(first).toContain(m.title);

    // At most five further points; no point that applies to every team.
    const shown = json.recommendations.filter((r) => first.includes(r.title));
    const further = shown.filter((r) => !(r.specific && r.severity === "must"));
    expect(further.length).toBeLessThanOrEqual(5);
    for (const r of further) expect(r.specific).toBe(true);

    // A specific point always ranks above one that applies to everyone.
    const worstSpecific = Math.max(0, ...json.recommendations.filter((r) => r.specific).map((r) => r.rank));
    const bestGeneral = Math.min(
      Infinity,
      ...json.recommendations.filter((r) => !r.specific).map((r) => r.rank),
    );
    expect(worstSpecific).toBeLessThan(bestGeneral);

    // Phone-sized: no section over 12 lines.
    for (const s of sections(reply.blocks)) expect(s.split("\n").length).toBeLessThanOrEqual(12);

    // The rest is one click away, and that click shows every recommendation.
    const hidden = json.recommendations.length - shown.length;
    if (hidden > 0) {
      expect(first).toMatch(/more points? (the guide makes for every team|from your facts)/);
      const text = showAllButton(reply.blocks);
      expect(text).toBe("show all");
      const all = await adviseCommand.run(text ?? "", ctx);
      const allText = blocksToText(all.reply.blocks);
      for (const r of (all.result as AdviseJson).recommendations) expect(allText).toContain(r.title);
    }
  });

  it("`show all` without a saved profile asks for one", async () => {
    const ctx = await testContext();
    await expect(adviseCommand.run("show all", ctx)).rejects.toThrow(/no saved profile/);
  });
});
