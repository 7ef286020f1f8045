import { describe, expect, it } from "vitest";
import { readFreeText } from "../../src/core/advice/freetext.ts";
import { parseAdviseInput } from "../../src/core/advice/input.ts";
import type { Profile } from "../../src/core/advice/profile.ts";

// Realistic descriptions and the facts a careful reader takes from them (checked by hand). Only the
// listed keys are compared, plus `absent` keys that must NOT be read.
const CASES: Array<{ text: string; facts: Profile; absent?: Array<keyof Profile> }> = [
  {
    text: "We're a 40-person online shop, about 2,000 calls and 500 emails a month, customers in the US and Mexico, we need Spanish and take card payments by phone",
    facts: {
      employees: 40,
      volume: 2500,
      industry: "e-commerce",
      international: true,
      languages: ["es"],
      payments: true,
    },
  },
  {
    text: "Dental clinic with 3 locations. We miss calls all the time and calling patients back takes 2 days. Business hours only, English and Spanish.",
    facts: {
      sites: 3,
      "missed-calls": true,
      "callback-hours": 48,
      hours: "business",
      languages: ["en", "es"],
      industry: "healthcare",
    },
  },
  {
    text: "Insurance agency, licensed agents required, 15,000 calls a month, steady all year, calls last about 6 minutes with 2 minutes of wrap-up. We use Salesforce.",
    facts: {
      industry: "insurance",
      licensed: true,
      volume: 15000,
      pattern: "steady",
      talk: 6,
      wrap: 2,
      crm: ["salesforce"],
    },
  },
  {
    text: "SaaS startup with 25 employees, around 300 support tickets a week by email and chat, growing 50% a year",
    facts: { industry: "software", employees: 25, volume: 1304, channels: ["email", "chat"], growth: 50 },
  },
  {
    text: "We get roughly 80 calls a day, mostly simple questions about order status. Cost matters most and our customers don't mind accents.",
    facts: { volume: 1738, complexity: "simple", priority: "cost", accents: "tolerant" },
  },
  {
    text: "Telecom operator expanding into Latin America over the next decade, need Spanish and Portuguese, 24/7 support",
    facts: { industry: "telecom", expansion: "latam", languages: ["es", "pt"], hours: "24/7" },
  },
  {
    text: "Our staff are overwhelmed and we're losing sales because leads go cold. Nobody has time to follow up.",
    facts: { overloaded: true, "lost-sales": true },
  },
  {
    text: "We don't take card payments and we don't need 24/7 coverage.",
    facts: { payments: false },
    absent: ["hours"],
  },
  {
    text: "Volume is very seasonal, with a huge Black Friday and Christmas rush; the rest of the year about 1k contacts a month.",
    facts: { pattern: "seasonal", volume: 1000 },
  },
  {
    text: "We are skeptical of the cloud and have 30 in-house agents on two sites.",
    facts: { cloud: "skeptical", "in-house-agents": 30, sites: 2 },
  },
  {
    text: "Our current provider underperforms badly; we want to switch providers. We have 2 quotes so far.",
    facts: { switching: "underperforming", quotes: 2 },
  },
  {
    text: "Hospital group handling patient data, HIPAA matters, need call recordings and real-time dashboards.",
    facts: { health: true, reporting: "recordings", industry: "healthcare" },
  },
  {
    text: "We need outbound lead generation and cold calling, plus satisfaction surveys and win-back calls to lapsed customers.",
    facts: { outbound: ["lead-generation", "cold-calling", "surveys", "win-back"] },
  },
  {
    text: "Inbound only: technical support for our software, taking orders and booking appointments.",
    facts: { inbound: ["technical", "orders", "appointments"] },
  },
  {
    text: "Customers worldwide, in 12 countries; we speak English, French and German today.",
    facts: { international: true, languages: ["en", "fr", "de"] },
  },
  {
    text: "Tiny business, a team of 6, maybe 150 calls a month, very unpredictable.",
    facts: { employees: 6, volume: 150, pattern: "inconsistent" },
  },
  {
    text: "We process 1.2m customer interactions a year across phone, email, chat and social media.",
    facts: { volume: 100000, channels: ["voice", "email", "chat", "social"] },
  },
  {
    text: "Average handle time is 4 minutes, hold time around 30 seconds, wrap-up 1 minute.",
    facts: { talk: 4, hold: 0.5, wrap: 1 },
  },
  {
    text: "We need disaster recovery: if our phone lines go down, the center must take over.",
    facts: { dr: true },
  },
  {
    text: "GDPR applies: agents will see personal data of EU customers.",
    facts: { "personal-data": true },
  },
  {
    text: "Our people lose track of appointments and there are lots of no-shows.",
    facts: { "missed-appointments": true },
  },
  {
    text: "Many of our callers only speak Spanish and we can't help them because of the language barrier.",
    facts: { "language-barriers": true, languages: ["es"] },
  },
  {
    text: "Premium brand, quality matters most, native English speakers only, specialized product knowledge needed.",
    facts: { priority: "quality", accents: "sensitive", complexity: "specialized" },
  },
  {
    text: "Real estate agency, evenings and weekends coverage, we use HubSpot and Zendesk.",
    facts: { industry: "real-estate", hours: "extended", crm: ["hubspot", "zendesk"] },
  },
  {
    text: "We haven't got any quotes yet. Looking to expand into Europe next year.",
    facts: { quotes: 0, expansion: "europe" },
  },
  {
    text: "Logistics company, 120 employees, 5 offices, we answer about 4,000 calls per month ourselves with 8 agents of our own... Actually we have 8 in-house agents.",
    facts: { industry: "logistics", employees: 120, sites: 5, volume: 4000, "in-house-agents": 8 },
  },
  {
    text: "Call-backs often take over 36 hours and we miss calls during lunch.",
    facts: { "callback-hours": 36, "missed-calls": true },
  },
  {
    text: "We'd like to keep costs down but also keep quality high.",
    facts: { priority: "balanced" },
  },
  {
    text: "Utility company with around the clock outage lines, 50k calls a month, we expect to double in size.",
    facts: { industry: "utilities", hours: "24/7", volume: 50000, growth: 100 },
  },
  {
    text: "A single office, 10 people, we text customers by SMS and WhatsApp for reminders.",
    facts: { sites: 1, channels: ["sms"] },
  },
  {
    text: "Fintech with card data on calls, PCI scope, 3 sites, cloud-first.",
    facts: { industry: "finance", payments: true, sites: 3, cloud: "trusted" },
  },
  {
    text: "We never miss calls and staff aren't overloaded, we just want to explore options.",
    facts: { "missed-calls": false, overloaded: false },
  },
  {
    text: "Online store, peak season in summer, roughly 3,500 chats and 1,500 emails per month, Romanian and English.",
    facts: {
      industry: "e-commerce",
      pattern: "seasonal",
      volume: 5000,
      channels: ["chat", "email"],
      languages: ["ro", "en"],
    },
  },
  // Phrasings that once slipped through (each fact checked by hand against the sentence).
  {
    text: "We are a dental clinic with 3 locations, we miss about 20% of calls and patients miss appointments. We get around 1,200 calls per month.",
    facts: {
      sites: 3,
      "missed-calls": true,
      "missed-appointments": true,
      volume: 1200,
      industry: "healthcare",
    },
  },
  {
    text: "We sell furniture online and want to expand into Latin America; cost is our top priority and our customers don't mind accents; simple order questions",
    facts: {
      industry: "e-commerce",
      expansion: "latam",
      priority: "cost",
      accents: "tolerant",
      complexity: "simple",
      inbound: ["orders"],
    },
  },
  {
    text: "Quality matters more than price for us; we need specialized technical support for our software",
    facts: { priority: "quality", complexity: "specialized", inbound: ["technical"] },
  },
  {
    text: "We're a 200 person bank with agents across 4 offices, we take credit card payments over the phone",
    facts: { employees: 200, sites: 4, industry: "finance", payments: true },
  },
  {
    text: "Small law firm, 12 staff, about 60 calls a week, we lose clients because nobody picks up the phone",
    facts: { employees: 12, volume: 261, "missed-calls": true, "lost-sales": true },
  },
  {
    text: "Our in-house team of 30 agents handles support, but we want to add outbound surveys and win-back calls",
    facts: { "in-house-agents": 30, outbound: ["surveys", "win-back"] },
    absent: ["employees"],
  },
  {
    text: "It takes us over 24 hours to return calls and we have missed sales opportunities",
    facts: { "lost-sales": true },
  },
  {
    text: "We don't have any quotes yet. About 3000 calls monthly, steady volume.",
    facts: { quotes: 0, volume: 3000, pattern: "steady" },
  },
  {
    text: "We need 24/7 coverage for our IT helpdesk, about 40 calls a night",
    facts: { hours: "24/7", volume: 1217 },
  },
  {
    text: "We're switching from our current call center because of poor quality. We're based in the UK and sell to customers across Europe.",
    facts: { switching: "underperforming", international: true },
  },
  {
    text: "Customers sometimes can't be helped because they speak only Spanish. We need a backup in case our phone system goes down, and we are not sure about the cloud.",
    facts: { "language-barriers": true, dr: true, cloud: "skeptical" },
  },
  {
    text: "We get only a few hundred calls a month and volume is all over the place",
    facts: { volume: 300, pattern: "inconsistent" },
  },
  {
    text: "About two hundred calls a week. Our customers ask simple questions, we want the cheapest option, and accents don't bother them",
    // 200 × 52 ÷ 12 = 866.7 a month.
    facts: { volume: 869, complexity: "simple", priority: "cost", accents: "tolerant" },
  },
  {
    text: "Our agents work from three different offices and our customers are all over the world",
    facts: { sites: 3, international: true },
  },
  {
    text: "One hundred and fifty calls a month, plus two thousand emails a month",
    facts: { volume: 2150, channels: ["voice", "email"] },
  },
  {
    text: "We already got offers from two call centers. We want a balance between cost and quality and only need basic monthly reports.",
    facts: { quotes: 2, priority: "balanced", reporting: "basic" },
    absent: ["sites"],
  },
  {
    text: "Someone should answer the phone, take messages and transfer urgent calls; our volume is stable year-round at about 6,000 calls. Our agents spend half their day on the phone instead of selling.",
    facts: { inbound: ["messages", "transfers"], pattern: "steady", volume: 6000, overloaded: true },
  },
  {
    text: "Our current provider is terrible and we've only got one quote so far",
    facts: { switching: "underperforming", quotes: 1 },
  },
  {
    text: "Budget is very tight; we need after-hours answering for about 500 calls a month",
    facts: { priority: "cost", hours: "extended", volume: 500 },
  },
];

describe("reading free text", () => {
  it.each(CASES.map((c, i) => [i + 1, c.text, c] as const))("#%i %s", (_i, _text, c) => {
    const { facts } = readFreeText(c.text);
    for (const [key, value] of Object.entries(c.facts)) {
      const got = (facts as Record<string, unknown>)[key];
      if (Array.isArray(value))
        expect([...((got as unknown[]) ?? [])].sort(), key).toEqual([...value].sort());
      else expect(got, key).toEqual(value);
    }
    for (const key of c.absent ?? []) expect(facts[key], key).toBeUndefined();
  });

  it("has at least 30 realistic descriptions", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it("says which words each fact came from", () => {
    const r = readFreeText("about 2,000 calls and 500 emails a month, we need Spanish");
    expect(r.understood.find((u) => u.key === "volume")?.from).toBe("2,000 calls + 500 emails a month");
    expect(r.understood.find((u) => u.key === "languages")?.from).toBe("spanish");
  });

  it("reports a contradiction in the text instead of picking one", () => {
    const r = readFreeText("We take card payments by phone. We don't take card payments.");
    expect(r.conflicts.map((c) => c.key)).toEqual(["payments"]);
  });

  it("mixes key=value with free text, the pair winning only when they agree", () => {
    const ok = parseAdviseInput("volume=2000 we need Spanish");
    expect(ok.profile).toEqual({ volume: 2000, languages: ["es"] });
    expect(() => parseAdviseInput("volume=2000 about 5,000 calls a month")).toThrow(/volume/);
  });
});

describe("call-backs over a day", () => {
  it('reads "over 24 hours" as more than a day, so the readiness sign holds', () => {
    const { facts } = readFreeText("It takes us over 24 hours to return calls");
    expect(facts["callback-hours"]).toBeGreaterThan(24);
    expect(readFreeText("callbacks take 24 hours").facts["callback-hours"]).toBe(24);
  });
});
