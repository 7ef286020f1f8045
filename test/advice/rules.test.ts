import { describe, expect, it } from "vitest";
import { advise, defaultRuleSet, type Recommendation } from "../../src/core/advice/advise.ts";
import { DERIVED_KEYS } from "../../src/core/advice/cost-facts.ts";
import { CRITERIA } from "../../src/core/advice/criteria.ts";
import { runRules } from "../../src/core/advice/engine.ts";
import { uncoveredCriteria } from "../../src/core/advice/load.ts";
import { type Profile, ProfileSchema } from "../../src/core/advice/profile.ts";
import type { ConditionJson } from "../../src/core/advice/rule-file.ts";
import { falsify, satisfy, toProfile } from "./witness.ts";

const set = defaultRuleSet();

const fired = async (profile: Profile, derived: Record<string, unknown> = {}): Promise<string[]> =>
  (await runRules(set, profile, derived)).map((r) => r.name as string);

/** A witness's facts split into profile keys and the facts the advice derives from the cost model. */
const split = (facts: Record<string, unknown>) => {
  const derived = Object.fromEntries(
    Object.entries(facts).filter(([k]) => DERIVED_KEYS.includes(k as never)),
  );
  const profile = Object.fromEntries(
    Object.entries(facts).filter(([k]) => !DERIVED_KEYS.includes(k as never)),
  );
  return { profile: ProfileSchema.parse(profile), derived };
};

const find = (recs: Recommendation[], rule: string) => recs.find((r) => r.rule === rule);

describe("the rule set", () => {
  it("covers every criterion and step of the guide", () => {
    expect(uncoveredCriteria(set)).toEqual([]);
    for (const c of CRITERIA) expect(set.rules.some((r) => r.event.params.criterion === c)).toBe(true);
  });

  it("has one file per criterion or step", () => {
    expect(set.files.map((f) => f.replace(".json", "")).sort()).toEqual([...CRITERIA].sort());
  });

  it("gives every rule a unique stable name and questions or a reason to exist", () => {
    const names = set.rules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of set.rules) expect(r.name.startsWith(`${r.event.params.criterion}/`)).toBe(true);
  });
});

// One test per rule file: each rule fires on a profile built from its conditions, and stays quiet on
// one built to contradict them. Always-on rules (no conditions) are checked to fire on an empty profile.
const files = [...new Set(set.rules.map((r) => r.file))];
describe.each(files)("rule file %s", (file) => {
  const rules = set.rules.filter((r) => r.file === file);

  it.each(rules.map((r) => [r.name, r] as const))(
    "%s fires when its conditions hold",
    async (_name, rule) => {
      const witness = satisfy(rule.conditions as ConditionJson);
      expect(witness, "the conditions can be satisfied").toBeDefined();
      const { profile, derived } = split(toProfile(witness ?? {}));
      expect(await fired(profile, derived)).toContain(rule.name);
    },
  );

  it.each(
    rules
      .filter((r) => ("all" in r.conditions ? r.conditions.all.length > 0 : true))
      .map((r) => [r.name, r] as const),
  )("%s stays quiet when they don't", async (_name, rule) => {
    const counter = falsify(rule.conditions as ConditionJson);
    expect(counter).toBeDefined();
    const { profile, derived } = split(toProfile(counter ?? {}));
    expect(await fired(profile, derived)).not.toContain(rule.name);
  });
});

describe("the guide's distinctions", () => {
  it("low, inconsistent volume → shared agents billed per minute, with the reason in words", async () => {
    const a = await advise({ volume: 2000, pattern: "inconsistent" });
    const agents = a.recommendations.find((r) => r.criterion === "agent-model" && r.choice);
    const cost = a.recommendations.find((r) => r.criterion === "cost" && r.choice);
    expect(agents?.choice).toBe("shared");
    expect(cost?.choice).toBe("per-minute");
    // The volume reaches the rule through the cost model's verdict, the same one /cc-estimate gives.
    expect(cost?.reason).toBe(
      "Because you expect about 2,000 contacts a month, shared agents cost least at your volume (the cost estimate, midpoint rates) and your volume is inconsistent.",
    );
    expect(cost?.explanation).toContain("$0.70");
  });

  it("special, detailed needs → semi-dedicated where shared is cheapest, dedicated otherwise, saying why it costs more", async () => {
    const agents = async (p: Profile) =>
      (await advise(p)).recommendations.find((r) => r.criterion === "agent-model" && r.choice);
    const mid = await agents({ volume: 5000, complexity: "specialized" });
    expect(mid?.choice).toBe("semi-dedicated");
    expect(mid?.alternatives?.map((x) => x.choice).sort()).toEqual(["dedicated", "shared"]);
    expect(mid?.reason).toMatch(/not the cheapest model: shared agents would cost less/);
    // Below one full-time agent's work no provider sells semi-dedicated agents.
    const low = await agents({ volume: 1000, complexity: "specialized" });
    expect(low?.choice).toBe("dedicated");
    expect(low?.reason).toMatch(/not the cheapest model: shared agents would cost less/);
    const high = await agents({ volume: 60000, complexity: "specialized" });
    expect(high?.choice).toBe("dedicated");
    expect(high?.reason).not.toMatch(/not the cheapest/);
  });

  it("high steady volume → dedicated agents billed by the hour", async () => {
    // Above the break-even at business hours (about 20,000 with the shared defaults).
    const a = await advise({ volume: 40000, pattern: "steady" });
    expect(a.recommendations.find((r) => r.criterion === "cost" && r.choice)?.choice).toBe("hourly");
    expect(a.recommendations.find((r) => r.criterion === "agent-model" && r.choice)?.choice).toBe(
      "dedicated",
    );
  });

  it("expanding into Latin America → a center in that region", async () => {
    const a = await advise({ expansion: "latam" });
    const loc = a.recommendations.find((r) => r.criterion === "location" && r.choice);
    expect(loc?.choice).toBe("nearshore");
    expect(loc?.title).toBe("Look for a center in Latin America");
    expect(loc?.reason).toBe("Because you are expanding into Latin America.");
  });

  it("simple needs, cost first, accents tolerated → offshore; accents mattering → onshore", async () => {
    const off = await advise({ complexity: "simple", priority: "cost", accents: "tolerant" });
    expect(off.recommendations.find((r) => r.criterion === "location" && r.choice)?.choice).toBe("offshore");
    const on = await advise({ complexity: "simple", priority: "cost", accents: "sensitive" });
    expect(on.recommendations.find((r) => r.criterion === "location" && r.choice)?.choice).toBe("onshore");
  });

  it("card payments → a must on security with PCI DSS questions", async () => {
    const a = await advise({ payments: true });
    const pci = find(a.recommendations, "security/pci-dss-for-card-payments");
    expect(pci?.severity).toBe("must");
    expect(pci?.askVendor.join(" ")).toMatch(/PCI DSS/);
    expect(a.checklist.some((c) => /PCI DSS/.test(c.question))).toBe(true);
    const none = await advise({ payments: false });
    expect(find(none.recommendations, "security/pci-dss-for-card-payments")).toBeUndefined();
  });

  it("agents on several sites → cloud; enough own agents or doubts about cloud → on-premises", async () => {
    const choice = async (p: Profile) =>
      (await advise(p)).recommendations.find((r) => r.criterion === "deployment" && r.choice);
    expect((await choice({ sites: 3 }))?.choice).toBe("cloud");
    expect((await choice({ "in-house-agents": 40 }))?.choice).toBe("on-premises");
    const both = await choice({ sites: 3, cloud: "skeptical" });
    expect(both?.choice).toBe("on-premises");
    expect(both?.alternatives?.[0]?.choice).toBe("cloud");
  });

  it("an international audience → multilingual staff and asking what languages cost", async () => {
    const a = await advise({ international: true });
    const rec = find(a.recommendations, "languages/international-audience");
    expect(rec).toBeDefined();
    expect(rec?.askVendor.join(" ")).toMatch(/extra cost/);
    const es = await advise({ languages: ["en", "es"] });
    expect(find(es.recommendations, "languages/languages-besides-english")?.title).toBe(
      "Agents fluent in English and Spanish",
    );
    const en = await advise({ languages: ["en"] });
    expect(find(en.recommendations, "languages/languages-besides-english")).toBeUndefined();
  });

  it("growth → a provider that scales; switching for poor performance → a fresh look from outside", async () => {
    const g = await advise({ growth: 40 });
    expect(find(g.recommendations, "expansion/scales-with-growth")?.reason).toBe(
      "Because you expect 40% more contacts a year (20% or more).",
    );
    const s = await advise({ switching: "underperforming", industry: "insurance" });
    const ie = s.recommendations.find((r) => r.criterion === "industry-experience" && r.choice);
    expect(ie?.choice).toBe("outside-industry");
    expect(ie?.alternatives?.[0]?.choice).toBe("same-industry");
  });

  it("fewer than three quotes → shop around; three or more → use them as leverage", async () => {
    const one = await advise({ quotes: 1 });
    expect(find(one.recommendations, "shop-around/fewer-than-three-offers")?.title).toBe(
      "Get at least three offers (you have 1)",
    );
    const three = await advise({ quotes: 3 });
    expect(find(three.recommendations, "shop-around/fewer-than-three-offers")).toBeUndefined();
    expect(find(three.recommendations, "shop-around/use-offers-as-leverage")).toBeDefined();
  });

  it("always: hold time not billed, billing rounding, hidden fees", async () => {
    const a = await advise({});
    for (const rule of ["cost/hold-time-not-billed", "cost/billing-rounding", "fees/all-the-fees"]) {
      const r = find(a.recommendations, rule);
      expect(r?.severity).toBe("must");
      expect(r?.reason).toBe("This applies to every team.");
    }
    expect(a.checklist.map((c) => c.question).join(" ")).toMatch(/hold.*billed/);
    expect(a.checklist.map((c) => c.question).join(" ")).toMatch(/next minute, or bill by the second/);
  });

  it("readiness: the guide's signs → outsource; call-backs over 24 hours count, 24 do not", async () => {
    const r = async (p: Profile) =>
      (await advise(p)).recommendations.find((x) => x.criterion === "readiness" && x.choice)?.choice;
    expect(await r({ overloaded: true })).toBe("outsource");
    expect(await r({ "missed-appointments": true })).toBe("outsource");
    expect(await r({ "callback-hours": 30 })).toBe("outsource");
    expect(await r({ "callback-hours": 24 })).toBeUndefined();
    expect(await r({ overloaded: false, "missed-calls": false, "lost-sales": false })).toBe("not-yet");
    expect(
      await r({ overloaded: false, "missed-calls": false, "lost-sales": false, "language-barriers": true }),
    ).toBe("outsource");
  });

  it("lists criteria holding a must first, and musts first inside a criterion", async () => {
    const a = await advise({ volume: 2000, payments: true, languages: ["es"], hours: "24/7" });
    const sev = a.recommendations.map((r) => r.severity);
    const firstNonMustCriterion = a.recommendations.findIndex(
      (r) => !a.recommendations.some((x) => x.criterion === r.criterion && x.severity === "must"),
    );
    expect(
      a.recommendations
        .slice(0, firstNonMustCriterion)
        .every((r) => a.recommendations.some((x) => x.criterion === r.criterion && x.severity === "must")),
    ).toBe(true);
    expect(sev[0]).toBe("must");
  });

  it("never asks the same question twice in the checklist", async () => {
    const a = await advise({ volume: 20000, hours: "24/7", dr: true });
    const qs = a.checklist.map((c) => c.question.toLowerCase());
    expect(new Set(qs).size).toBe(qs.length);
    // Both the downtime must and the always-on rule ask about outages: once only.
    expect(qs.filter((q) => q.includes("gone down in the last two years")).length).toBe(1);
  });

  it("gives the same answers when many requests run at once (one engine per request)", async () => {
    const profiles: Profile[] = Array.from({ length: 40 }, (_, i) => ({
      volume: 500 * i,
      pattern: i % 2 ? "inconsistent" : "steady",
      payments: i % 3 === 0,
      sites: i % 4,
    }));
    const alone = [];
    for (const p of profiles) alone.push((await advise(p)).recommendations.map((r) => r.rule));
    const together = await Promise.all(
      profiles.map(async (p) => (await advise(p)).recommendations.map((r) => r.rule)),
    );
    expect(together).toEqual(alone);
  });
});
