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
    facts: { industry: "software", employees: 25, volume: 1300, channels: ["email", "chat"], growth: 50 },
  },
  {
    text: "We get roughly 80 calls a day, mostly simple questions about order status. Cost matters most and our customers don't mind accents.",
    facts: { volume: 2400, complexity: "simple", priority: "cost", accents: "tolerant" },
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
    expect(r.understood.find((u) => u.key === "volume")?.from).toBe(
      "2,000 calls a month + 500 emails a month",
    );
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
