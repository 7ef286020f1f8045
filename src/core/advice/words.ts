import { formatNumber } from "../format/number.ts";
import { own } from "../read/lookup.ts";
import { DERIVED_STATEMENTS, DERIVED_UNKNOWN, type DerivedKey } from "./cost-facts.ts";
import type { Profile, ProfileKey } from "./profile.ts";
import { languageName } from "./synonyms.ts";

/** Facts in words, for reasons ("because you expect about 2,000 contacts a month") and summaries. */

const num = (n: number): string => formatNumber(n, 0, 1);

/** "a, b and c". */
export const joinWords = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

const REGION_NAMES: Record<string, string> = {
  latam: "Latin America",
  "north-america": "North America",
  europe: "Europe",
  asia: "Asia",
  africa: "Africa",
  "middle-east": "the Middle East",
  oceania: "Australia and Oceania",
};

/** Business tools as their makers write them; a tool not listed is shown as typed. */
const TOOL_NAMES: Record<string, string> = {
  salesforce: "Salesforce",
  hubspot: "HubSpot",
  zendesk: "Zendesk",
  zoho: "Zoho",
  freshdesk: "Freshdesk",
  dynamics: "Microsoft Dynamics",
  pipedrive: "Pipedrive",
  intercom: "Intercom",
  shopify: "Shopify",
  gorgias: "Gorgias",
  servicenow: "ServiceNow",
  monday: "monday.com",
};
export const toolName = (tool: string): string => own(TOOL_NAMES, tool.toLowerCase()) ?? tool;

const HOURS_NAMES: Record<string, string> = {
  business: "business-hours",
  extended: "extended-hours (evenings and weekends)",
  "24/7": "24/7",
};

const mins = (n: number): string => (n === 1 ? "1 minute" : `${num(n)} minutes`);

/** A fact's value shown briefly (titles, the saved profile): "Spanish and English", "2,000". */
export function showValue(key: ProfileKey, value: unknown): string {
  if (Array.isArray(value)) {
    const items =
      key === "languages"
        ? value.map((v) => languageName(String(v)))
        : key === "crm"
          ? value.map((v) => toolName(String(v)))
          : value.map(String);
    return joinWords(items);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") {
    if (key === "growth") return `${num(value)}%`;
    if (key === "talk" || key === "wrap" || key === "hold") return mins(value);
    return num(value);
  }
  if (key === "expansion") return own(REGION_NAMES, String(value)) ?? String(value);
  return String(value);
}

const yesNo =
  (yes: string, no: string) =>
  (v: boolean): string =>
    v ? yes : no;

/** One sentence fragment per fact, in the second person. */
const STATEMENTS: { [K in ProfileKey]-?: (v: NonNullable<Profile[K]>) => string } = {
  volume: (v) => `you expect about ${num(v)} contacts a month`,
  pattern: (v) => `your volume is ${v}`,
  channels: (v) => `customers reach you by ${joinWords(v.map((c) => (c === "voice" ? "phone" : c)))}`,
  inbound: (v) => `the incoming work covers ${joinWords(v)}`,
  outbound: (v) => `you want outbound ${joinWords(v)}`,
  languages: (v) => `your customers need ${showValue("languages", v)}`,
  international: yesNo("your audience is international", "your customers are in one country"),
  expansion: (v) => `you are expanding into ${own(REGION_NAMES, v) ?? v}`,
  accents: (v) =>
    v === "sensitive" ? "your customers may mind a foreign accent" : "your customers don't mind accents",
  priority: (v) =>
    v === "cost"
      ? "cost comes first"
      : v === "quality"
        ? "quality comes first"
        : "you want a balance of cost and quality",
  complexity: (v) =>
    v === "simple" ? "your customers' needs are simple" : "your needs are specialized and detailed",
  industry: (v) => `you work in ${v}`,
  licensed: yesNo("agents must hold a license", "agents need no license"),
  payments: yesNo("agents take card payments by phone", "agents take no card payments"),
  health: yesNo("conversations include health data", "conversations include no health data"),
  "personal-data": yesNo("agents handle personal data", "agents handle no personal data"),
  hours: (v) => `you need ${own(HOURS_NAMES, v) ?? v} coverage`,
  dr: yesNo("the center must take over if your own lines go down", "you need no take-over of your own lines"),
  reporting: (v) =>
    v === "recordings"
      ? "you want call recordings"
      : v === "real-time"
        ? "you want real-time reporting"
        : "basic reports are enough for you",
  crm: (v) => `you work with ${joinWords(v.map(toolName))}`,
  growth: (v) => `you expect ${num(v)}% more contacts a year`,
  employees: (v) => `your company has ${num(v)} people`,
  "in-house-agents": (v) => `${num(v)} of your own people answer customers`,
  sites: (v) => (v === 1 ? "your agents work from one site" : `your agents work from ${num(v)} sites`),
  cloud: (v) => (v === "skeptical" ? "you are skeptical of cloud security" : "you trust cloud security"),
  talk: (v) => `an average contact takes ${mins(v)} of talk`,
  wrap: (v) => `each contact needs ${mins(v)} of wrap-up`,
  hold: (v) => `callers wait about ${mins(v)} on hold`,
  switching: (v) =>
    v === "underperforming"
      ? "you are leaving a provider that underperforms"
      : "you are not switching providers",
  quotes: (v) => (v === 1 ? "you have 1 offer so far" : `you have ${num(v)} offers so far`),
  overloaded: yesNo("your staff spend too much time answering calls", "your staff are not overloaded"),
  "lost-sales": yesNo("sales are lost because nobody follows up leads", "you are not losing sales"),
  "missed-calls": yesNo("customer calls are missed", "you don't miss calls"),
  "callback-hours": (v) => `calling customers back takes about ${num(v)} hours`,
  "missed-appointments": yesNo("appointments get lost track of", "appointments are kept"),
  "language-barriers": yesNo(
    "some customers cannot be helped because of language",
    "language is no barrier for you",
  ),
};

/** What is missing, for rules that fire on an unknown fact: "you haven't said …". */
const UNKNOWN: Record<ProfileKey, string> = {
  volume: "how many contacts you expect a month",
  pattern: "how steady your volume is",
  channels: "how customers reach you",
  inbound: "what incoming work the center would do",
  outbound: "whether you need outbound calls",
  accents: "whether accents matter to your customers",
  priority: "whether cost or quality comes first",
  complexity: "how specialized your needs are",
  payments: "whether agents take card payments",
  hours: "which hours you need covered",
  crm: "which business tools you use",
  employees: "how large your company is",
  "in-house-agents": "how many of your own people answer customers",
  sites: "how many sites your agents work from",
  cloud: "how you feel about cloud security",
  growth: "how fast you expect to grow",
  expansion: "where you are expanding",
  quotes: "how many offers you have",
  overloaded: "whether your staff are overloaded",
  "missed-calls": "whether calls are missed",
  "lost-sales": "whether sales are lost",
  "callback-hours": "how long call-backs take",
  languages: "which languages your customers need",
  international: "whether your audience is international",
  industry: "which industry you work in",
  licensed: "whether agents need a license",
  health: "whether calls include health data",
  "personal-data": "whether agents handle personal data",
  dr: "whether the center must take over when your lines go down",
  reporting: "what reporting you need",
  talk: "how long an average contact lasts",
  wrap: "how much wrap-up a contact needs",
  hold: "how long callers wait on hold",
  switching: "whether you are leaving another provider",
  "missed-appointments": "whether appointments get lost",
  "language-barriers": "whether language keeps you from helping customers",
};

export const statement = (key: ProfileKey, value: unknown): string =>
  ((STATEMENTS[key] ?? DERIVED_STATEMENTS[key as unknown as DerivedKey]) as (v: unknown) => string)(value);

export const unknownPhrase = (key: ProfileKey): string =>
  `you haven't said ${UNKNOWN[key] ?? DERIVED_UNKNOWN[key as unknown as DerivedKey]}`;

/** The threshold part of a numeric comparison, in the fact's unit: "(under 3,000)", "(20% or more)". */
export const comparison = (fact: ProfileKey, operator: string, value: unknown): string => {
  if (typeof value !== "number") return "";
  const v = showValue(fact, value);
  switch (operator) {
    case "lessThan":
      return ` (under ${v})`;
    case "lessThanInclusive":
      return ` (${v} or fewer)`;
    case "greaterThan":
      return ` (over ${v})`;
    case "greaterThanInclusive":
      return ` (${v} or more)`;
    default:
      return "";
  }
};

/** Fill {fact} placeholders of a title with the profile's values. */
export const fillTitle = (title: string, profile: Profile): string =>
  title.replace(/\{([a-z-]+)\}/g, (whole, key: string) => {
    const v = (profile as Record<string, unknown>)[key];
    return v === undefined ? whole.replace(/[{}]/g, "") : showValue(key as ProfileKey, v);
  });
