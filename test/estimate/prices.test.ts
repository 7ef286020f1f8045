import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateCommand } from "../../src/commands/estimate.ts";
import { advise } from "../../src/core/advice/advise.ts";
import { estimateTextFor } from "../../src/core/advice/cost-facts.ts";
import type { Profile } from "../../src/core/advice/profile.ts";
import { monthlyCoverageHours } from "../../src/core/estimate/coverage.ts";
import { type EstimateInput, estimate, hourlyLoad } from "../../src/core/estimate/model.ts";
import { PRICING } from "../../src/core/estimate/pricing.ts";
import { solveStaffing } from "../../src/core/staffing/solve.ts";
import { blocksToText } from "../../src/render/text.ts";
import { blockKitProblems } from "../helpers/blockkit.ts";
import { testContext } from "../helpers/context.ts";

const run = async (text: string) => estimateCommand.run(text, await testContext());
type Range = { low: number; high: number };
// biome-ignore lint/suspicious/noExplicitAny: the --json result is checked field by field
type Json = Record<string, any>;
const mid = (r: Range) => (r.low + r.high) / 2;

// The data file as a user would edit it, read here independently of the app's loader.
const DATA = JSON.parse(readFileSync(new URL("../../data/regions.json", import.meta.url), "utf8"));
const RATES = JSON.parse(readFileSync(new URL("../../data/currency-rates.json", import.meta.url), "utf8"));
const REGION_IDS = Object.keys(DATA.regions);

describe("regional rates from data/regions.json", () => {
  it.each(REGION_IDS)("prices %s from the data file and names its source", async (id) => {
    const region = DATA.regions[id];
    const { result, reply } = await run(`contacts=12000 talk=5m wrap=1m hold=30s location=${id}`);
    const r = result as Json;
    expect(r.location.id).toBe(id);
    expect(r.location.sources).toEqual({ shared: region.shared.source, dedicated: region.dedicated.source });
    expect(r.location.source).toContain(region.dedicated.source);
    expect(r.inputs.sharedRate).toEqual(region.shared.perMinute);
    expect(r.inputs.hourlyRate).toEqual(region.dedicated.perAgentHour);
    // Billable minutes × the region's per-minute range; agent-hours × its hourly range.
    expect(r.shared.monthlyCost.low).toBeCloseTo(r.shared.billableMinutes * region.shared.perMinute.low, 1);
    expect(r.dedicated.monthlyCost.high).toBeCloseTo(
      r.dedicated.agentHours * region.dedicated.perAgentHour.high,
      1,
    );
    const full = blocksToText(
      (await run(`contacts=12000 talk=5m location=${id} assumptions=all`)).reply.blocks,
    );
    expect(full).toContain(region.dedicated.source.slice(0, 40));
    expect(blocksToText(reply.blocks)).toContain(`Priced for *${region.label}*`.replace(/\*/g, ""));
  });

  it("maps countries to their regions and says where no rate is published", async () => {
    for (const [country, id] of [
      ["MX", "nearshore"],
      ["CO", "nearshore"],
      ["CR", "nearshore"],
      ["PH", "philippines"],
      ["IN", "india"],
      ["RO", "eastern-europe"],
      ["BG", "eastern-europe"],
      ["US", "onshore"],
    ] as const) {
      const r = (await run(`contacts=5000 talk=4m country=${country}`)).result as Json;
      expect(r.location).toMatchObject({ id, country });
    }
    const ro = (await run("contacts=5000 talk=4m country=RO")).result as Json;
    expect(ro.location.assumption).toEqual({ shared: true, dedicated: true });
    expect(ro.location.sources.dedicated).toMatch(/No published billing rate/);
  });

  it("locations=all shows every region side by side with its source and the guide's caveats", async () => {
    const { result, reply } = await run("contacts=12000 talk=5m locations=all");
    const r = result as Json;
    expect(r.regions.map((x: Json) => x.id)).toEqual(REGION_IDS);
    for (const row of r.regions) {
      const region = DATA.regions[row.id];
      expect(row.sources.shared).toBe(region.shared.source);
      expect(row.source).toContain(region.dedicated.source);
      expect(row.shared.monthlyCost.low).toBeGreaterThan(0);
      expect(row.dedicated.monthlyCost.low).toBeLessThanOrEqual(row.dedicated.monthlyCost.high);
    }
    // Offshore is cheaper on the raw rate than onshore.
    const by = (id: string) => r.regions.find((x: Json) => x.id === id);
    expect(mid(by("india").dedicated.monthlyCost)).toBeLessThan(mid(by("onshore").dedicated.monthlyCost));
    const text = blocksToText(reply.blocks);
    for (const id of REGION_IDS) expect(text).toContain(DATA.regions[id].label);
    expect(text).toMatch(/Total-cost reality check/);
    expect(text).toMatch(/accents/);
    expect(text).toMatch(/time zones?/i);
    expect(text).toMatch(/fewer services/);
    // The regions button appears when they are not shown yet.
    const plain = blocksToText((await run("contacts=12000 talk=5m")).reply.blocks);
    expect(plain).toContain("locations=all");
  });
});

describe("currencies", () => {
  it("round trip: rates typed in EUR and shown in EUR come back as typed, with the dated rate named", async () => {
    const eur = RATES.rates.EUR;
    const { result, reply } = await run(
      "contacts=12000 talk=5m shared-rate=€0.90 hourly-rate=28 EUR currency=EUR",
    );
    const r = result as Json;
    expect(r.inputs.sharedRate.low).toBeCloseTo(0.9 * eur.usd, 4);
    expect(r.inputs.hourlyRate.low).toBeCloseTo(28 * eur.usd, 4);
    expect(r.currency).toMatchObject({ code: "EUR", amountsIn: "USD", usdPerUnit: eur.usd, asOf: eur.asOf });
    const text = blocksToText(reply.blocks);
    expect(text).toContain("€0.90 a minute");
    expect(text).toContain("€28 an hour");
    expect(text).toContain(`1 EUR = $${eur.usd}`);
    expect(text).toContain(eur.asOf);
    // The same prices typed in dollars give the same costs.
    // Four decimals: "1.044" alone could be a thousands group, and is asked about.
    const usd = (
      await run(
        `contacts=12000 talk=5m shared-rate=${(0.9 * eur.usd).toFixed(4)} hourly-rate=${(28 * eur.usd).toFixed(4)}`,
      )
    ).result as Json;
    expect(usd.shared.monthlyCost.low).toBeCloseTo(r.shared.monthlyCost.low, 0);
    expect(usd.dedicated.monthlyCost.high).toBeCloseTo(r.dedicated.monthlyCost.high, 0);
    // Shown in EUR, the monthly cost is the USD figure divided by the rate.
    const shown = Math.round(r.shared.monthlyCost.low / eur.usd).toLocaleString("en-US");
    expect(text).toContain(`€${shown}`);
  });
});

const BASE: EstimateInput = {
  contactsPerMonth: 12_000,
  talkSeconds: 300,
  wrapSeconds: 60,
  holdSeconds: 30,
  holdBilled: false,
  coverage: { hoursPerDay: 9, daysPerWeek: 5, label: "business" },
  billingIncrementSeconds: 60,
  target: 0.8,
  answerSeconds: 20,
  shrinkage: 0.3,
  maxOccupancy: 0.85,
  licensed: false,
  languages: [],
};

describe("the in-house alternative", () => {
  it("counts its full-time equivalents at the same full-time week as the dedicated team", async () => {
    for (const week of [30, 40]) {
      const r = (await run(`contacts=12000 talk=5m fte-hours=${week} inhouse-wage=18/h`)).result as Json;
      // FTE = paid agent-hours a month ÷ (the week's hours × 52.143 / 12).
      const fte = r.inHouse.staff.agentHours / ((week * 52.143) / 12);
      expect(r.inHouse.staff.fte).toBeCloseTo(fte, 1);
      expect(r.inHouse.staff.fte).toBeCloseTo(r.dedicated.fte, 1);
    }
  });

  it("uses the same agent-hours as the dedicated team and finds the volume where the curves cross", async () => {
    const r = (
      await run(
        "contacts=12000 talk=5m wrap=1m hold=30s inhouse-wage=18/h inhouse-benefits=30% inhouse-management=15% inhouse-seat=300",
      )
    ).result as Json;
    expect(r.inHouse.staff.agentHours).toBe(r.dedicated.agentHours);
    // 18 × 1.3 × 1.15 an agent-hour, plus $300 a seat.
    const cost = (agents: number, hours: number) => agents * hours * 18 * 1.3 * 1.15 + agents * 300;
    expect(r.inHouse.monthlyCost.low).toBeCloseTo(
      cost(r.dedicated.scheduledAgents, r.inputs.hours.monthlyHours),
      1,
    );

    // Where the two curves cross: in-house against the cheaper outsourced option, both at midpoints.
    const hours = monthlyCoverageHours(BASE.coverage, PRICING);
    const perContact = r.shared.billedMinutesPerContact * mid(PRICING.shared.perMinute);
    const outsourced = (c: number, agents: number) =>
      Math.min(c * perContact, agents * hours * mid(PRICING.dedicated.perAgentHour));
    const inHouseAt = (c: number) => {
      const agents = solveStaffing(hourlyLoad(BASE, c, hours)).scheduledAgents;
      return { inHouse: cost(agents, hours), outsourced: outsourced(c, agents) };
    };
    const be = r.inHouse.breakEvenMonthlyContacts as number;
    expect(be).toBeGreaterThan(1000);
    const at = inHouseAt(be);
    const before = inHouseAt(be - 1);
    expect(at.inHouse).toBeLessThanOrEqual(at.outsourced);
    expect(before.inHouse).toBeGreaterThan(before.outsourced);
  });

  it("takes a published wage for a country, labelled, and asks for one where none is published", async () => {
    const mx = (await run("contacts=12000 talk=5m country=MX")).result as Json;
    expect(mx.inHouse.assumptions.wage).toEqual(DATA.inHouse.wages.MX.perHour);
    expect(mx.inHouse.assumptions.wageSource).toMatch(/published base wage for MX/);
    const us = await run("contacts=12000 talk=5m country=US");
    expect((us.result as Json).inHouse).toBeNull();
    expect(blocksToText(us.reply.blocks)).toMatch(/No agent wage is published for US: give `?inhouse-wage/);
  });
});

describe("one answer: the ★ and the advice", () => {
  it("stars the cheapest offered option at midpoint rates, for any workload", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 200_000 }),
        fc.integer({ min: 30, max: 900 }),
        fc.constantFrom(BASE.coverage, { hoursPerDay: 24, daysPerWeek: 7, label: "24/7" }),
        (contacts, talk, coverage) => {
          const e = estimate({ ...BASE, contactsPerMonth: contacts, talkSeconds: talk, coverage }, PRICING);
          const offered: Array<[string, Range]> = [
            ["shared", e.shared.monthlyCost],
            ["dedicated", e.dedicated.monthlyCost],
            ...(e.semiDedicated.offered
              ? [["semi-dedicated", e.semiDedicated.monthlyCost] as [string, Range]]
              : []),
          ];
          const cheapest = Math.min(...offered.map(([, r]) => mid(r)));
          const starred = offered.find(([m]) => m === e.recommended)?.[1] as Range;
          expect(mid(starred)).toBeCloseTo(cheapest, 6);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("shows semi-dedicated as not offered below one full-time agent's work", async () => {
    const { result, reply } = await run("150 calls a month, talk 5m");
    expect((result as Json).semiDedicated.offered).toBe(false);
    const text = blocksToText(reply.blocks);
    expect(text).toMatch(/Semi-dedicated agents: Not offered at this volume/);
    expect(text).not.toMatch(/Semi-dedicated agents: \$/);
    expect(((await run("12000 calls a month, talk 5m")).result as Json).semiDedicated.offered).toBe(true);
  });

  it("the first block states the recommended model and its monthly cost in one sentence, then the runner-up and break-even", async () => {
    const { result, reply } = await run("20000 calls a month, talk 5m, hours 24/7");
    const r = result as Json;
    const first = reply.blocks[1] as { type: string; text: { text: string } };
    expect(first.type).toBe("section");
    const lines = first.text.text.split("\n");
    expect(lines.length).toBeLessThanOrEqual(4);
    const cost = r[r.recommended === "semi-dedicated" ? "semiDedicated" : r.recommended].monthlyCost;
    expect(lines[0]).toContain(
      `Recommended: ${r.recommended} agents, $${Math.round(cost.low).toLocaleString("en-US")}`,
    );
    expect(lines[0]?.split(/\.\s/).length).toBe(1);
    expect(lines[1]).toMatch(/^Runner-up: /);
    expect(lines[2]).toContain(`${r.breakEvenMonthlyContacts.toLocaleString("en-US")} contacts a month`);
  });

  it("for 50 generated profiles, /cc-advise and /cc-estimate agree on the agent model, or the advice says why", async () => {
    const profiles = fc.sample(
      fc.record(
        {
          volume: fc.integer({ min: 100, max: 150_000 }),
          hours: fc.constantFrom("business", "extended", "24/7"),
          talk: fc.constantFrom(2, 4, 5, 8, 12),
          wrap: fc.constantFrom(0, 0.5, 1, 2),
          pattern: fc.constantFrom("steady", "seasonal", "inconsistent"),
          complexity: fc.constantFrom("simple", "specialized"),
          licensed: fc.boolean(),
          priority: fc.constantFrom("cost", "balanced", "quality"),
          languages: fc.constantFrom(["en"], ["en", "es"]),
        },
        { requiredKeys: ["volume"] },
      ),
      { numRuns: 50, seed: 13 },
    ) as Profile[];
    expect(profiles).toHaveLength(50);
    let agreed = 0;
    for (const profile of profiles) {
      const advice = await advise(profile);
      const agents = advice.recommendations.find((x) => x.criterion === "agent-model" && x.choice);
      const est = (await run(estimateTextFor(profile) as string)).result as Json;
      expect(agents, JSON.stringify(profile)).toBeDefined();
      if (agents?.choice === est.recommended) agreed++;
      else {
        expect(agents?.reason, JSON.stringify(profile)).toMatch(
          new RegExp(`not the cheapest model: ${est.recommended} agents would cost less`),
        );
        // The reason rests on a fact the team gave beyond its volume and hours.
        expect(agents?.facts.some((f) => ["complexity", "licensed", "pattern", "priority"].includes(f))).toBe(
          true,
        );
      }
    }
    // Most profiles simply agree; the rest are specialised, licensed or uneven teams.
    expect(agreed).toBeGreaterThan(10);
  }, 120_000);
});

describe("budget", () => {
  it("marks which options fit the budget and by how much", async () => {
    const { result, reply } = await run("contacts=12000 talk=5m budget=60000/month");
    const r = result as Json;
    expect(r.budget.monthly).toBe(60_000);
    expect(r.budget.fits.shared).toBe(r.shared.monthlyCost.high <= 60_000);
    expect(r.budget.headroom.dedicated).toBe(Math.round(60_000 - mid(r.dedicated.monthlyCost)));
    const text = blocksToText(reply.blocks);
    expect(text).toMatch(/over budget at midpoint|within budget|fits only at the low end/);
    expect(text).toContain("Budget: $60,000 a month");
  });
});

describe("the fullest estimate reply", () => {
  it("fits Block Kit limits with every region, in-house, a budget, a currency and every assumption", async () => {
    const text =
      "contacts=40000 talk=5m hours=24/7 licensed=yes languages=es,fr country=MX inhouse-wage=6/h budget=60000/month locations=all currency=EUR";
    for (const t of [text, `${text} assumptions=all`]) {
      const { reply } = await run(t);
      expect(blockKitProblems(reply.blocks, "message")).toEqual([]);
    }
  });
});
