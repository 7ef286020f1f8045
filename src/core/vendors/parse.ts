import { distance } from "fastest-levenshtein";
import { ReadingQuestion, UserInputError } from "../errors.ts";
import { type KvToken, splitList } from "../parse/kv.ts";
import { parseCount, parseDuration, parseNumber, parseYesNo } from "../parse/units.ts";
import { own } from "../read/lookup.ts";
import { plainNumber } from "../read/numbers.ts";
import { period, rateUnit, readAmount, type TypedAmount } from "./amount.ts";
import { CURRENCY_RATES, type CurrencyRates, knownCurrencies } from "./currency.ts";
import { isLanguageText, normalizeLanguage } from "./languages.ts";
import {
  AGENT_MODELS,
  type AgentModel,
  DEPLOYMENTS,
  type Fee,
  type FeePeriod,
  type Location,
  REPORTING_LEVELS,
  type ReportingLevel,
  SERVICES,
  type Service,
  type Vendor,
  type VendorFields,
  VendorSchema,
} from "./vendor.ts";

/**
 * `/cc-vendor add` and `edit` text: key=value pairs read into vendor fields. Every key says what it
 * takes and shows an example, so a bad value gets a message naming the key and the fix. Nothing here
 * touches the store: the command saves the result only when all of it was valid.
 */

export const ADD_EXAMPLE =
  "add name=Acme location=nearshore country=MX model=shared rate=0.95/min billing=60s hold-billed=no minimum=5000min setup=1500 hours=24/7 languages=en,es certs=pci,soc2 dr=yes currency=USD";

type Field = keyof VendorFields;
/** Fields to set (a value) or clear (undefined), in the order given. */
type Patch = Map<Field, unknown>;

interface Reading {
  patch: Patch;
  /** Currencies typed with amounts, by key, to check they agree. */
  amountCurrencies: Array<{ key: string; currency: string }>;
  /** A rate typed without a unit: per minute, or per hour for a dedicated quote. */
  bareRate?: number;
  rates: CurrencyRates;
  /** The writer's locale, which settles `1.250` and `1,250` when it can. */
  locale?: string | undefined;
  /** The pair being read, as typed, so a question can rewrite it. */
  raw: string;
}

interface KeySpec {
  aliases: string[];
  /** What the key takes, for help and error messages. */
  takes: string;
  example: string;
  /** Fields this key owns: setting the key replaces all of them. */
  fields: Field[];
  /** Read a non-empty value; return an error message (without the key) or undefined. */
  read(value: string, r: Reading): string | undefined;
}

const set = (r: Reading, field: Field, value: unknown): undefined => {
  r.patch.set(field, value);
  return undefined;
};
/** A field read as yes or no into one quote property. */
const yesNo =
  (field: Field) =>
  (v: string, r: Reading): string | undefined => {
    const b = parseYesNo(v);
    return b === undefined ? "must be yes or no." : set(r, field, b);
  };

const NONE = new Set(["none", "no", "0", "n/a", "-", "nothing", "free"]);
const isNone = (v: string) => NONE.has(v.trim().toLowerCase());

const cleanText = (v: string) => v.replace(/\p{Cc}+/gu, " ").trim();

function money(
  r: Reading,
  key: string,
  value: string,
  allowUnits: (unit: string) => boolean = () => false,
): { amount: number; unit?: string } | string {
  const a = readAmount(value, r.rates, r.locale);
  if (!a) return "is not an amount I can read.";
  if (a.readings) askAmount(r, key, a, a.readings, "Your locale does not settle it.");
  if (a.unit !== undefined && !allowUnits(a.unit)) return `does not take "/${a.unit}" here.`;
  if (a.amount > 10_000_000) return "is more than 10,000,000.";
  if (a.currency) r.amountCurrencies.push({ key, currency: a.currency });
  return { amount: Math.round(a.amount * 1e6) / 1e6, ...(a.unit ? { unit: a.unit } : {}) };
}

/** Ask which of two readings of an amount was meant, with a button for each, instead of guessing. */
function askAmount(r: Reading, key: string, a: TypedAmount, readings: [number, number], why: string): never {
  const show = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 6 });
  throw new ReadingQuestion(
    `\`${r.raw}\`: is the amount ${show(readings[0])} or ${show(readings[1])}? ${why}`,
    readings.map((n) => ({ label: show(n), from: r.raw, to: r.raw.replace(a.typed, plainNumber(n)) })),
    { field: key },
  );
}

/**
 * `1,250/min` is certain in English, but no one charges 1,250 a minute: when a rate typed with one
 * group of three digits is far above any quote, ask whether the mark was a decimal one.
 */
function askIfImplausible(r: Reading, key: string, value: string, unit: string, ceiling: number): void {
  const a = readAmount(value, r.rates, r.locale);
  if (!a || a.amount <= ceiling) return;
  const m = /^(\d{1,3})[.,](\d{3})$/.exec(a.typed);
  if (!m) return;
  askAmount(
    r,
    key,
    a,
    [a.amount, Number(`${m[1]}.${m[2]}`)],
    `${a.amount.toLocaleString("en-US")} ${unit} is far above any published rate.`,
  );
}

function fee(
  r: Reading,
  key: string,
  field: Field,
  value: string,
  defaultPer: FeePeriod,
): string | undefined {
  if (isNone(value)) return set(r, field, { amount: 0, per: defaultPer } satisfies Fee);
  const m = money(r, key, value, (u) => period(u) !== undefined);
  if (typeof m === "string") return m;
  return set(r, field, { amount: m.amount, per: period(m.unit) ?? defaultPer } satisfies Fee);
}

function list<T extends string>(
  value: string,
  aliases: Record<string, T>,
  allowed: readonly T[],
  what: string,
): T[] | string {
  const out: T[] = [];
  for (const item of splitList(value)) {
    const k = item.toLowerCase().replace(/[\s_]+/g, "-");
    const v = aliases[k] ?? (allowed.includes(k as T) ? (k as T) : undefined);
    if (!v) return `does not know "${item}" as ${what}: use ${allowed.join(", ")}.`;
    if (!out.includes(v)) out.push(v);
  }
  return out.length ? out : `needs at least one of ${allowed.join(", ")}.`;
}

function words(value: string, max: number, maxLength: number): string[] | string {
  const items = splitList(value).map((s) => cleanText(s).toLowerCase());
  if (items.length > max) return `takes at most ${max} entries.`;
  if (items.some((s) => s.length > maxLength)) return `entries are at most ${maxLength} characters.`;
  return [...new Set(items)];
}

/** Days from "30", "30d", "4 weeks", "2 months" (30 days each). */
function days(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  const bare = parseNumber(v);
  if (bare !== undefined) return bare;
  const m = /^(\d+(?:\.\d+)?)\s*(d|days?|w|wks?|weeks?|mo|mos|months?)$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? "d";
  return unit.startsWith("w") ? n * 7 : unit.startsWith("mo") ? n * 30 : n;
}

/** Months from "12", "12 months", "12mo", "18m", "1y", "2 years". */
function months(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (["month-to-month", "monthly", "rolling"].includes(v)) return 1;
  const bare = parseNumber(v);
  if (bare !== undefined) return bare;
  const m = /^(\d+(?:\.\d+)?)\s*(mo|mos|months?|y|yr|yrs|years?)$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return (m[2] ?? "").startsWith("y") ? n * 12 : n;
}

const CERTS: Record<string, string> = {
  pci: "pci",
  pcidss: "pci",
  "pci-dss": "pci",
  soc2: "soc2",
  soc2type2: "soc2",
  soc2typeii: "soc2",
  hipaa: "hipaa",
  iso27001: "iso27001",
  gdpr: "gdpr",
};

const certKey = (text: string): string => {
  const k = text.toLowerCase().replace(/[\s_.-]+/g, "");
  return own(CERTS, k) ?? text.toLowerCase().trim().replace(/\s+/g, "-");
};

const SERVICE_ALIASES: Record<string, Service> = {
  phone: "voice",
  calls: "voice",
  call: "voice",
  "e-mail": "email",
  mail: "email",
  "live-chat": "chat",
  livechat: "chat",
  "social-media": "social",
  text: "sms",
  texting: "sms",
};

const MODEL_ALIASES: Record<string, AgentModel> = {
  semi: "semi-dedicated",
  semidedicated: "semi-dedicated",
  "partially-dedicated": "semi-dedicated",
  "per-minute": "shared",
  hourly: "dedicated",
};

const REPORTING_ALIASES: Record<string, ReportingLevel> = {
  realtime: "real-time",
  live: "real-time",
  recording: "recordings",
  "call-recordings": "recordings",
  counts: "basic",
};

const DEPLOYMENT_ALIASES: Record<string, (typeof DEPLOYMENTS)[number]> = {
  "on-prem": "on-premises",
  onprem: "on-premises",
  "on-premise": "on-premises",
  premises: "on-premises",
  local: "on-premises",
};

const LOCATION_ALIASES: Record<string, Location> = {
  onshore: "onshore",
  "on-shore": "onshore",
  domestic: "onshore",
  local: "onshore",
  nearshore: "nearshore",
  "near-shore": "nearshore",
  offshore: "offshore",
  "off-shore": "offshore",
};

const between = (n: number | undefined, min: number, max: number): n is number =>
  n !== undefined && Number.isFinite(n) && n >= min && n <= max;

export const KEYS: Record<string, KeySpec> = {
  name: {
    aliases: ["vendor", "provider", "company"],
    takes: "the vendor's name (quote it if it has spaces)",
    example: 'name="Acme Contact"',
    fields: ["name"],
    read(v, r) {
      const name = cleanText(v).replace(/\s+/g, " ");
      if (name.length > 80) return "is at most 80 characters.";
      if (/[=]/.test(name)) return 'cannot contain "=".';
      if (/^(add|list|show|edit|remove|compare|export|help)$/i.test(name))
        return `cannot be "${name}", a word the command itself uses.`;
      return set(r, "name", name);
    },
  },
  location: {
    aliases: ["shore"],
    takes: "onshore, nearshore or offshore",
    example: "location=nearshore",
    fields: ["location"],
    read(v, r) {
      const loc = own(LOCATION_ALIASES, v.toLowerCase().replace(/\s+/g, "-"));
      return loc ? set(r, "location", loc) : "must be onshore (domestic), nearshore or offshore.";
    },
  },
  country: {
    aliases: [],
    takes: "a two-letter country code",
    example: "country=MX",
    fields: ["country"],
    read(v, r) {
      return /^[a-z]{2}$/i.test(v.trim())
        ? set(r, "country", v.trim().toUpperCase())
        : "must be a two-letter country code such as MX, US, RO or PH.";
    },
  },
  model: {
    aliases: ["agent-model", "pricing-model"],
    takes: "shared, semi-dedicated or dedicated (the model this quote is for)",
    example: "model=shared",
    fields: ["model"],
    read(v, r) {
      const k = v.toLowerCase().replace(/\s+/g, "-");
      const m =
        own(MODEL_ALIASES, k) ?? (AGENT_MODELS.includes(k as AgentModel) ? (k as AgentModel) : undefined);
      return m ? set(r, "model", m) : "must be shared, semi-dedicated or dedicated.";
    },
  },
  rate: {
    aliases: ["price"],
    takes: "a price per minute, per agent-hour or per call",
    example: "rate=0.95/min",
    fields: [],
    read(v, r) {
      const m = money(r, "rate", v, (u) => rateUnit(u) !== undefined);
      if (typeof m === "string") return `${m} Write it like 0.95/min, 28/hour or 2.50/call.`;
      const unit = rateUnit(m.unit);
      if (unit === "minute" || unit === undefined) askIfImplausible(r, "rate", v, "a minute", 20);
      else askIfImplausible(r, "rate", v, `a${unit === "hour" ? "n hour" : " call"}`, 500);
      if (unit === undefined) {
        r.bareRate = m.amount;
        return undefined;
      }
      return set(r, unit === "minute" ? "perMinute" : unit === "hour" ? "perHour" : "perCall", m.amount);
    },
  },
  "hourly-rate": {
    aliases: ["per-hour", "hour-rate", "dedicated-rate", "agent-hour-rate", "rate-per-hour"],
    takes: "a price per dedicated agent-hour",
    example: "hourly-rate=28",
    fields: ["perHour"],
    read(v, r) {
      const m = money(r, "hourly-rate", v, (u) => rateUnit(u) === "hour");
      return typeof m === "string" ? m : set(r, "perHour", m.amount);
    },
  },
  "call-rate": {
    aliases: ["per-call", "rate-per-call", "call-price"],
    takes: "a price per call or contact",
    example: "call-rate=2.50",
    fields: ["perCall"],
    read(v, r) {
      const m = money(r, "call-rate", v, (u) => rateUnit(u) === "call");
      return typeof m === "string" ? m : set(r, "perCall", m.amount);
    },
  },
  billing: {
    aliases: ["increment", "billing-increment", "rounding"],
    takes: "the billing increment each contact is rounded up to",
    example: "billing=60s",
    fields: ["billingSeconds"],
    read(v, r) {
      const t = v
        .toLowerCase()
        .replace(/[-\s]+/g, " ")
        .trim();
      const s = /^(per |by the )?second$/.test(t)
        ? 1
        : /^(per |by the )?minute$/.test(t)
          ? 60
          : parseDuration(t, "s");
      if (s === undefined || !Number.isInteger(s) || s < 1 || s > 3600)
        return "must be a whole number of seconds from 1s to 60m, like 1s, 6s, 30s or 60s.";
      return set(r, "billingSeconds", s);
    },
  },
  "hold-billed": {
    aliases: ["bill-hold", "hold-is-billed"],
    takes: "yes or no: is customers' hold time billed",
    example: "hold-billed=no",
    fields: ["holdBilled"],
    read: yesNo("holdBilled"),
  },
  minimum: {
    aliases: ["minimums", "min", "minimum-volume", "commitment"],
    takes: "a monthly minimum in minutes, contacts or money (none if there is none)",
    example: "minimum=5000min",
    fields: ["minimumMinutes", "minimumContacts", "minimumCharge"],
    read(v, r) {
      if (isNone(v)) return set(r, "minimumMinutes", 0);
      const t = v.trim().toLowerCase();
      const q = /^([\d.,]+\s*(?:k)?)\s*(min|mins|minutes?|calls?|contacts?)(?:\s*\/\s*(?:month|mo))?$/.exec(
        t,
      );
      if (q?.[1]) {
        const n = parseCount(q[1]);
        if (!between(n, 0, 100_000_000)) return "must be between 0 and 100,000,000.";
        return set(r, (q[2] ?? "").startsWith("min") ? "minimumMinutes" : "minimumContacts", Math.round(n));
      }
      const m = money(r, "minimum", v, (u) => period(u) === "month");
      const typed = readAmount(v, r.rates);
      if (typeof m === "string" || !(typed?.currency || typed?.unit))
        return "needs a unit: minutes (5000min), contacts (1000calls) or money a month ($2000/month).";
      return set(r, "minimumCharge", m.amount);
    },
  },
  setup: {
    aliases: ["setup-fee", "upfront", "upfront-fee", "onboarding-fee"],
    takes: "the one-time setup fee (none if there is none)",
    example: "setup=1500",
    fields: ["setupFee"],
    read(v, r) {
      if (isNone(v)) return set(r, "setupFee", 0);
      const m = money(r, "setup", v, (u) => period(u) === "once");
      return typeof m === "string" ? m : set(r, "setupFee", m.amount);
    },
  },
  "holiday-fee": {
    aliases: ["holiday", "holiday-fees", "holidays"],
    takes: "holiday fees, a year unless you add /month (none if there are none)",
    example: "holiday-fee=400/year",
    fields: ["holidayFee"],
    read: (v, r) => fee(r, "holiday-fee", "holidayFee", v, "year"),
  },
  overage: {
    aliases: ["overage-fee", "overage-rate", "overages"],
    takes: "the price of a minute above the minimum, or a percent over the rate (none if none)",
    example: "overage=1.10/min",
    fields: ["overagePerMinute", "overagePercent"],
    read(v, r) {
      if (isNone(v)) return set(r, "overagePercent", 0);
      const pct = /^([\d.]+)\s*%$/.exec(v.trim());
      if (pct?.[1]) {
        const n = parseNumber(pct[1]);
        return between(n, 0, 1000) ? set(r, "overagePercent", n) : "must be between 0% and 1000%.";
      }
      const m = money(r, "overage", v, (u) => rateUnit(u) === "minute");
      return typeof m === "string"
        ? `${m} Write it like 1.10/min or 15%.`
        : set(r, "overagePerMinute", m.amount);
    },
  },
  "other-fees": {
    aliases: ["fees", "other-fee", "extra-fees", "hidden-fees", "software-fee"],
    takes: "any other fees, a month unless you add /year or /once (none if there are none)",
    example: "other-fees=200/month",
    fields: ["otherFees"],
    read: (v, r) => fee(r, "other-fees", "otherFees", v, "month"),
  },
  hours: {
    aliases: ["coverage", "availability", "open"],
    takes: "24/7, business (9 h × 5 days) or hours a day × days a week, like 12x6",
    example: "hours=24/7",
    fields: ["hours"],
    read(v, r) {
      const t = v.toLowerCase().replace(/\s+/g, "");
      if (/^(24\/7(\/365)?|24x7|always|24-7)$/.test(t))
        return set(r, "hours", { hoursPerDay: 24, daysPerWeek: 7 });
      if (/^(business|office)(hours)?$/.test(t)) return set(r, "hours", { hoursPerDay: 9, daysPerWeek: 5 });
      const m = /^(\d{1,2}(?:\.\d+)?)h?x(\d)d?$/.exec(t);
      const h = Number(m?.[1]);
      const d = Number(m?.[2]);
      if (m && h > 0 && h <= 24 && d >= 1 && d <= 7)
        return set(r, "hours", { hoursPerDay: h, daysPerWeek: d });
      return "must be 24/7, business or hours a day × days a week, like 12x6.";
    },
  },
  languages: {
    aliases: ["language", "langs"],
    takes: "the languages agents speak, as codes or names",
    example: "languages=en,es",
    fields: ["languages"],
    read(v, r) {
      const items = splitList(v);
      const bad = items.find((i) => !isLanguageText(i));
      if (bad !== undefined)
        return `does not look like a language: "${bad}". Use codes or names, like en,es or Spanish.`;
      if (items.length > 50) return "takes at most 50 languages.";
      return set(r, "languages", [...new Set(items.map(normalizeLanguage))]);
    },
  },
  services: {
    aliases: ["service", "service-type"],
    takes: `what they handle: ${SERVICES.join(", ")}`,
    example: "services=inbound,outbound",
    fields: ["services"],
    read(v, r) {
      const parts = v.toLowerCase().trim() === "both" ? "inbound,outbound" : v;
      const out = list(parts, SERVICE_ALIASES, SERVICES, "a service");
      return typeof out === "string" ? out : set(r, "services", out);
    },
  },
  agents: {
    aliases: ["agent-models", "offers"],
    takes: "the agent models offered: shared, semi-dedicated, dedicated",
    example: "agents=shared,dedicated",
    fields: ["agents"],
    read(v, r) {
      const out = list(v, MODEL_ALIASES, AGENT_MODELS, "an agent model");
      return typeof out === "string" ? out : set(r, "agents", out);
    },
  },
  certs: {
    aliases: ["certifications", "cert", "compliance", "security"],
    takes: "certifications such as pci, soc2, hipaa, iso27001, gdpr (none if none)",
    example: "certs=pci,soc2",
    fields: ["certs"],
    read(v, r) {
      if (isNone(v)) return set(r, "certs", []);
      const items = words(v, 30, 30);
      return typeof items === "string" ? items : set(r, "certs", [...new Set(items.map(certKey))]);
    },
  },
  dr: {
    aliases: ["disaster-recovery", "backup"],
    takes: "yes or no: can they take over if your own lines go down",
    example: "dr=yes",
    fields: ["dr"],
    read: yesNo("dr"),
  },
  deployment: {
    aliases: ["deploy", "hosting"],
    takes: "cloud, on-premises or both",
    example: "deployment=cloud,on-premises",
    fields: ["deployment"],
    read(v, r) {
      const parts = v.toLowerCase().trim() === "both" ? "cloud,on-premises" : v;
      const out = list(parts, DEPLOYMENT_ALIASES, DEPLOYMENTS, "a deployment");
      return typeof out === "string" ? out : set(r, "deployment", out);
    },
  },
  licensed: {
    aliases: ["licensed-agents", "licenses"],
    takes: "yes or no: do they have licensed agents (e.g. insurance)",
    example: "licensed=yes",
    fields: ["licensed"],
    read: yesNo("licensed"),
  },
  uptime: {
    aliases: ["availability-sla", "sla"],
    takes: "the uptime they commit to, in percent",
    example: "uptime=99.9",
    fields: ["uptime"],
    read(v, r) {
      const n = parseNumber(v.replace(/%\s*$/, ""));
      return between(n, 50, 100) ? set(r, "uptime", n) : "must be a percent between 50 and 100, like 99.9.";
    },
  },
  reporting: {
    aliases: ["reports"],
    takes: `the reporting offered: ${REPORTING_LEVELS.join(", ")}`,
    example: "reporting=real-time,recordings",
    fields: ["reporting"],
    read(v, r) {
      const out = list(v, REPORTING_ALIASES, REPORTING_LEVELS, "a kind of reporting");
      return typeof out === "string" ? out : set(r, "reporting", out);
    },
  },
  crm: {
    aliases: ["crms", "integrations", "tools"],
    takes: "the CRM and other tools they integrate with",
    example: "crm=salesforce,zendesk",
    fields: ["crm"],
    read(v, r) {
      if (isNone(v)) return set(r, "crm", []);
      const items = words(v, 30, 40);
      return typeof items === "string" ? items : set(r, "crm", items);
    },
  },
  industries: {
    aliases: ["industry", "experience", "verticals"],
    takes: "industries they have experience in",
    example: "industries=ecommerce,insurance",
    fields: ["industries"],
    read(v, r) {
      const items = words(v, 30, 40);
      return typeof items === "string" ? items : set(r, "industries", items);
    },
  },
  size: {
    aliases: ["agents-count", "headcount", "seats", "employees"],
    takes: "how many agents they have",
    example: "size=400",
    fields: ["size"],
    read(v, r) {
      const n = parseCount(v.replace(/\s*(agents?|seats?|people|employees)\s*$/i, ""));
      return between(n, 1, 1_000_000) && Number.isInteger(n)
        ? set(r, "size", n)
        : "must be a whole number of agents, like 400.";
    },
  },
  currency: {
    aliases: ["curr"],
    takes: "the currency of the quote's amounts",
    example: "currency=EUR",
    fields: ["currency"],
    read(v, r) {
      const code = v.trim().toUpperCase();
      return (Object.hasOwn(r.rates.rates, code) ? r.rates.rates[code] : undefined)
        ? set(r, "currency", code)
        : `must be one of the currencies in data/currency-rates.json: ${knownCurrencies(r.rates).join(", ")}.`;
    },
  },
  contract: {
    aliases: ["contract-length", "term", "contract-months"],
    takes: "the contract length, in months or years",
    example: "contract=12months",
    fields: ["contractMonths"],
    read(v, r) {
      const n = months(v);
      return between(n, 1, 120) && Number.isInteger(n)
        ? set(r, "contractMonths", n)
        : "must be a whole number of months from 1 to 120, like 12months or 2y.";
    },
  },
  notice: {
    aliases: ["notice-period", "cancellation-notice"],
    takes: "the notice period to cancel, in days, weeks or months",
    example: "notice=30d",
    fields: ["noticeDays"],
    read(v, r) {
      const n = isNone(v) ? 0 : days(v);
      return between(n, 0, 730) && Number.isInteger(n)
        ? set(r, "noticeDays", n)
        : "must be a whole number of days up to 730, like 30d, 4weeks or 2months.";
    },
  },
  trial: {
    aliases: ["free-trial", "pilot"],
    takes: "yes, no, or its length (14d)",
    example: "trial=14d",
    fields: ["freeTrial", "trialDays"],
    read(v, r) {
      const b = parseYesNo(v);
      if (b !== undefined) return set(r, "freeTrial", b);
      const n = days(v);
      if (!between(n, 1, 365) || !Number.isInteger(n))
        return "must be yes, no, or a length like 14d or 1month.";
      set(r, "freeTrial", true);
      return set(r, "trialDays", n);
    },
  },
  rating: {
    aliases: ["reviews", "references", "stars"],
    takes: "their references and reviews, out of 5 (or 9/10, 90%)",
    example: "rating=4.5",
    fields: ["rating"],
    read(v, r) {
      const t = v
        .trim()
        .toLowerCase()
        .replace(/\s*stars?$/, "");
      const frac = /^([\d.]+)\s*\/\s*(\d+)$/.exec(t);
      const pct = /^([\d.]+)\s*%$/.exec(t);
      const n = frac
        ? ((parseNumber(frac[1] ?? "") ?? Number.NaN) / Number(frac[2])) * 5
        : pct
          ? ((parseNumber(pct[1] ?? "") ?? Number.NaN) / 100) * 5
          : parseNumber(t);
      return between(n, 0, 5)
        ? set(r, "rating", Math.round(n * 10) / 10)
        : "must be between 0 and 5, like 4.5.";
    },
  },
  notes: {
    aliases: ["note", "comments", "comment"],
    takes: "anything else worth remembering (quote it)",
    example: 'notes="promo: first month free"',
    fields: ["notes"],
    read(v, r) {
      const t = cleanText(v);
      return t.length > 1000 ? "is at most 1,000 characters." : set(r, "notes", t);
    },
  },
};

const ALIASES: Record<string, string> = {};
for (const [key, spec] of Object.entries(KEYS)) {
  ALIASES[key] = key;
  for (const a of spec.aliases) ALIASES[a] = key;
}

export const canonicalKey = (key: string): string | undefined => own(ALIASES, key);

/** Fields owned by each key, for clearing with `key=` in edit. */
const FIELDS_OF_RATE: Field[] = ["perMinute"];

const suggest = (key: string): string | undefined => {
  let best: string | undefined;
  let bestD = 3;
  for (const alias of Object.keys(ALIASES)) {
    const d = distance(key, alias);
    if (d < bestD) {
      bestD = d;
      best = own(ALIASES, alias);
    }
  }
  return best;
};

export const KEY_LIST = Object.keys(KEYS)
  .map((k) => `\`${k}\``)
  .join(", ");

export interface VendorParse {
  fields: VendorFields;
  /** Keys that were given, canonical. */
  given: string[];
}

interface Problem {
  key: string;
  message: string;
}

const fail = (problems: Problem[], example: string): never => {
  const first = problems[0] as Problem;
  if (problems.length === 1)
    throw new UserInputError(first.message, { field: first.key, example, details: [] });
  throw new UserInputError(`${problems.length} values need fixing; nothing was saved.`, {
    field: first.key,
    example,
    details: problems.map((p) => p.message),
  });
};

/**
 * Read pairs into a vendor: a new one (`base` undefined) or changes to `base`. In an edit, `key=` with
 * nothing after it clears the field back to unknown. Throws UserInputError naming every bad key.
 */
export function readVendor(
  pairs: KvToken[],
  base: VendorFields | undefined,
  opts: { example: string; rates?: CurrencyRates; locale?: string } = { example: ADD_EXAMPLE },
): VendorParse {
  const rates = opts.rates ?? CURRENCY_RATES;
  const problems: Problem[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string>();
  const r: Reading = { patch: new Map(), amountCurrencies: [], rates, locale: opts.locale, raw: "" };
  const clears: Field[] = [];

  for (const p of pairs) {
    const key = canonicalKey(p.key);
    if (!key) {
      unknown.push(p.raw);
      continue;
    }
    const spec = own(KEYS, key) as KeySpec;
    if (seen.has(key)) {
      problems.push({
        key,
        message: `\`${key}\` is given twice (${seen.get(key)} and ${p.raw}); give it once.`,
      });
      continue;
    }
    seen.set(key, p.raw);
    if (p.value === "") {
      if (key === "name" && base)
        problems.push({ key, message: "A vendor always needs a name: give a new one, like `name=Acme`." });
      else if (base) clears.push(...(key === "rate" ? FIELDS_OF_RATE : spec.fields));
      continue;
    }
    if (p.value.length > 1000 && key !== "notes") {
      problems.push({ key, message: `\`${key}\` is too long.` });
      continue;
    }
    for (const f of spec.fields) r.patch.set(f, undefined);
    r.raw = `${p.raw}=${p.value}`;
    const err = spec.read(p.value, r);
    if (err)
      problems.push({
        key,
        message: `\`${key}=${shorten(p.value)}\` ${err} For example \`${spec.example}\`.`,
      });
  }

  if (unknown.length) {
    const hints = unknown.map((u) => {
      const s = suggest(u.toLowerCase().replace(/_/g, "-"));
      return s ? `\`${u}\` (did you mean \`${s}\`?)` : `\`${u}\``;
    });
    problems.unshift({
      key: unknown[0] ?? "",
      message: `I don't know ${unknown.length === 1 ? "the key" : "the keys"} ${hints.join(", ")}. Keys: ${KEY_LIST}.`,
    });
  }

  // One currency per quote: amounts typed with a currency must agree with each other and with currency=.
  const declared = r.patch.get("currency") as string | undefined;
  const typed = [...new Set(r.amountCurrencies.map((a) => a.currency))];
  const current = declared ?? (typed.length === 1 ? typed[0] : undefined) ?? base?.currency ?? "USD";
  const clash = r.amountCurrencies.find((a) => a.currency !== current);
  if (clash)
    problems.push({
      key: clash.key,
      message: `\`${clash.key}\` is in ${clash.currency} but the quote is in ${current}; every amount of one quote is in one currency (set it with \`currency=\`).`,
    });
  else if (!declared && typed.length === 1 && typed[0] !== (base?.currency ?? "USD"))
    r.patch.set("currency", typed[0]);

  if (problems.length) fail(problems, opts.example);

  const next: Record<string, unknown> = { ...(base ?? {}) };
  for (const f of clears) delete next[f];
  for (const [f, v] of r.patch) {
    if (v === undefined) delete next[f];
    else next[f] = v;
  }
  if (r.bareRate !== undefined) {
    // A rate without a unit is per minute, or per agent-hour for a dedicated quote.
    const field = next.model === "dedicated" ? "perHour" : "perMinute";
    next[field] = r.bareRate;
  }
  if (next.freeTrial === false) delete next.trialDays;

  if (!base && !next.name)
    throw new UserInputError("Give the vendor a name, e.g. `name=Acme`.", {
      field: "name",
      example: opts.example,
    });

  const parsed = VendorSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = keyOfField(String(issue?.path[0] ?? ""));
    throw new UserInputError(`The value for \`${field}\` is not valid (${issue?.message ?? "check it"}).`, {
      field,
      example: opts.example,
    });
  }
  const { addedBy: _a, addedAt: _b, updatedAt: _c, ...fields } = parsed.data as Vendor;
  return { fields, given: [...seen.keys()] };
}

/** The key a stored field is typed with, for messages. */
export const keyOfField = (field: string): string =>
  field === "perMinute"
    ? "rate"
    : (Object.entries(KEYS).find(([, spec]) => (spec.fields as string[]).includes(field))?.[0] ?? field);

const shorten = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);
