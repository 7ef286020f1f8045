import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import {
  type Advice,
  advise,
  checklistOf,
  defaultRuleSet,
  type Recommendation,
} from "../../src/core/advice/advise.ts";
import { renderAdvice, renderAdviseHelp } from "../../src/render/advise.ts";
import { blocksToText } from "../../src/render/text.ts";

/** Every text a block carries, for the per-section limit. */
const sectionTexts = (blocks: KnownBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === "section" ? [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)] : [],
  );

const withinLimits = (blocks: KnownBlock[]) => {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const t of sectionTexts(blocks)) expect(t.length).toBeLessThanOrEqual(3000);
  // Slack refuses messages of about 13k characters of blocks.
  expect(JSON.stringify(blocks).length).toBeLessThan(12_000);
};

/** A profile that sets off as many rules as one profile can. */
const BUSY = {
  volume: 60000,
  pattern: "seasonal",
  channels: ["voice", "email", "chat", "social", "sms"],
  inbound: ["support", "technical", "orders", "payments", "transfers", "messages", "appointments"],
  outbound: ["lead-generation", "cold-calling", "surveys", "follow-up", "win-back"],
  languages: ["en", "es", "fr", "de", "pt"],
  international: true,
  expansion: "latam",
  accents: "sensitive",
  priority: "quality",
  complexity: "specialized",
  industry: "insurance",
  licensed: true,
  payments: true,
  health: true,
  "personal-data": true,
  hours: "24/7",
  dr: true,
  reporting: "recordings",
  crm: ["salesforce", "zendesk", "hubspot"],
  growth: 80,
  employees: 900,
  "in-house-agents": 40,
  sites: 4,
  cloud: "skeptical",
  switching: "underperforming",
  quotes: 1,
  overloaded: true,
  "lost-sales": true,
  "missed-calls": true,
  "callback-hours": 72,
  "missed-appointments": true,
  "language-barriers": true,
} as const;

const view = (advice: Advice) => ({
  profile: BUSY as never,
  advice,
  understood: [],
  freeText: false,
  basis: { mode: "typed" as const, replaced: [] },
  full: true,
});

describe("the advice reply", () => {
  it("fits Block Kit limits for a profile that fires most rules, and ends with the checklist", async () => {
    const advice = await advise(BUSY as never);
    expect(advice.fired).toBeGreaterThan(70);
    const reply = renderAdvice(view(advice));
    withinLimits(reply.blocks);
    const text = blocksToText(reply.blocks);
    expect(text).toContain("Questions to ask every vendor");
    // Musts first: the first recommendation line shown is a must.
    expect(text.split("\n").find((l) => /^\s*(must|should|consider) ·/.test(l))).toMatch(/must ·/);
    // The winner and, briefly, the alternative.
    expect(text).toMatch(/Chosen: on-premises over cloud, which ranks lower/);
  });

  it("still fits with every rule of the rule set at once, and the file carries every question", () => {
    const recs: Recommendation[] = defaultRuleSet().rules.map((r) => ({
      criterion: r.event.params.criterion,
      severity: r.event.params.severity,
      title: r.event.params.title,
      reason:
        "Because you expect about 2,000 contacts a month (under 3,000) and your volume is inconsistent.",
      explanation: r.event.params.explanation,
      rule: r.name,
      priority: r.priority,
      askVendor: r.event.params.askVendor,
      facts: [],
    }));
    const advice: Advice = { recommendations: recs, checklist: checklistOf(recs), fired: recs.length };
    const reply = renderAdvice(view(advice));
    withinLimits(reply.blocks);
    expect(blocksToText(reply.blocks)).toContain("Questions to ask every vendor");
    const file = reply.files?.[0];
    expect(file?.filename).toBe("vendor-questions.txt");
    for (const item of advice.checklist) expect(String(file?.content)).toContain(item.question);
  });

  it("shows the winner of a conflict and, briefly, why the alternative came up", async () => {
    const advice = await advise({ sites: 4, cloud: "skeptical" });
    const text = blocksToText(renderAdvice(view(advice)).blocks);
    expect(text).toContain(
      "Chosen: on-premises over cloud, which ranks lower (cloud: your agents work from 4 sites (2 or more)).",
    );
  });

  it("shows the reason for each recommendation when there is room", async () => {
    const advice = await advise({ volume: 2000 });
    const text = blocksToText(renderAdvice(view(advice)).blocks);
    expect(text).toContain("Because you expect about 2,000 contacts a month (under 3,000).");
  });

  it("help fits too", () => {
    withinLimits(renderAdviseHelp(["volume=2000"]).blocks);
  });
});
