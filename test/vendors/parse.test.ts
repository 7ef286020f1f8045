import { describe, expect, it } from "vitest";
import { isUserInputError, type UserInputError } from "../../src/core/errors.ts";
import { tokenize } from "../../src/core/parse/kv.ts";
import { vendorValues } from "../../src/core/vendors/format.ts";
import { readVendor } from "../../src/core/vendors/parse.ts";
import type { VendorFields } from "../../src/core/vendors/vendor.ts";

const read = (text: string, base?: VendorFields) => readVendor(tokenize(text).pairs, base).fields;

const errorOf = (fn: () => unknown): UserInputError => {
  try {
    fn();
  } catch (err) {
    if (isUserInputError(err)) return err;
    throw err;
  }
  throw new Error("expected a UserInputError");
};

describe("reading a quote from key=value text", () => {
  it("reads the issue's example into normalized values", () => {
    const v = read(
      "name=Acme location=nearshore country=MX model=shared rate=0.95/min billing=60s hold-billed=no minimum=5000min setup=1500 hours=24/7 languages=en,es services=inbound,outbound agents=shared,dedicated certs=pci,soc2 dr=yes uptime=99.9 reporting=real-time crm=salesforce,zendesk industries=ecommerce size=400 currency=USD",
    );
    expect(v).toMatchObject({
      name: "Acme",
      location: "nearshore",
      country: "MX",
      model: "shared",
      perMinute: 0.95,
      billingSeconds: 60,
      holdBilled: false,
      minimumMinutes: 5000,
      setupFee: 1500,
      hours: { hoursPerDay: 24, daysPerWeek: 7 },
      languages: ["en", "es"],
      services: ["inbound", "outbound"],
      agents: ["shared", "dedicated"],
      certs: ["pci", "soc2"],
      dr: true,
      uptime: 99.9,
      reporting: ["real-time"],
      crm: ["salesforce", "zendesk"],
      industries: ["ecommerce"],
      size: 400,
      currency: "USD",
    });
  });

  it("reads the other terms: hourly and per-call rates, fees, contract, notice, trial, rating, notes", () => {
    const v = read(
      'name="Beta Calls" hourly-rate=28 call-rate=2.50 holiday-fee=400/year overage=1.10/min other-fees=200/month contract=2y notice=4weeks trial=14d rating=9/10 notes="first month free, ask Ana"',
    );
    expect(v).toMatchObject({
      name: "Beta Calls",
      perHour: 28,
      perCall: 2.5,
      holidayFee: { amount: 400, per: "year" },
      overagePerMinute: 1.1,
      otherFees: { amount: 200, per: "month" },
      contractMonths: 24,
      noticeDays: 28,
      freeTrial: true,
      trialDays: 14,
      rating: 4.5,
      notes: "first month free, ask Ana",
    });
  });

  it("understands names for languages, synonyms for services and PCI DSS spelled out", () => {
    const v = read(
      'name=X languages=English,Spanish,français services=phone,e-mail,live-chat certs="PCI DSS, SOC 2"',
    );
    expect(v.languages).toEqual(["en", "es", "fr"]);
    expect(v.services).toEqual(["voice", "email", "chat"]);
    expect(v.certs).toEqual(["pci", "soc2"]);
  });

  it("reads a language the same way /cc-advise does, so the two always match", async () => {
    const { parseAdviseInput } = await import("../../src/core/advice/input.ts");
    const team = parseAdviseInput("languages=Cantonese,Thai");
    // Cantonese is Chinese (zh) for a team; a vendor saying Cantonese must meet that need.
    expect(read("name=X languages=Cantonese,Thai").languages).toEqual(team.profile.languages);
    expect(read("name=X languages=Cantonese,Thai").languages).toEqual(["zh", "th"]);
  });

  it("takes the currency from the amounts, and a bare rate is per hour for a dedicated quote", () => {
    expect(read("name=X rate=€0.80/min").currency).toBe("EUR");
    expect(read("name=X rate=0.8 currency=GBP")).toMatchObject({ currency: "GBP", perMinute: 0.8 });
    expect(read("name=X model=dedicated rate=27")).toMatchObject({ perHour: 27 });
    expect(read("name=X model=dedicated rate=27").perMinute).toBeUndefined();
  });

  it("names every unknown key and suggests the closest one", () => {
    const err = errorOf(() => read("name=X ratee=1 colour=red"));
    expect(err.message).toMatch(/`ratee` \(did you mean `rate`\?\)/);
    expect(err.message).toMatch(/`colour`/);
    expect(err.field).toBe("ratee");
    expect(err.example).toMatch(/^add name=/);
  });

  it("names each bad value with an example of a good one", () => {
    const err = errorOf(() => read("name=X rate=cheap billing=7.5s uptime=120 hours=25x8"));
    expect(err.message).toMatch(/4 values need fixing; nothing was saved/);
    expect(err.details.join("\n")).toMatch(/`rate=cheap`.*0\.95\/min/);
    expect(err.details.join("\n")).toMatch(/`billing=7.5s`.*whole number of seconds/);
    expect(err.details.join("\n")).toMatch(/`uptime=120`/);
    expect(err.details.join("\n")).toMatch(/`hours=25x8`/);
  });

  it("refuses amounts in two currencies in one quote", () => {
    const err = errorOf(() => read("name=X rate=€0.80/min setup=$1500"));
    expect(err.message).toMatch(/one currency/);
  });

  it("refuses a currency with no rate in data/currency-rates.json", () => {
    const err = errorOf(() => read("name=X currency=XYZ"));
    expect(err.message).toMatch(/currency-rates\.json/);
    expect(err.field).toBe("currency");
  });

  it("needs a name and a unit for minimums", () => {
    expect(errorOf(() => read("rate=1")).field).toBe("name");
    expect(errorOf(() => read("name=X minimum=5000")).message).toMatch(/needs a unit/);
    expect(read("name=X minimum=1000calls").minimumContacts).toBe(1000);
    expect(read("name=X minimum=$2000/month").minimumCharge).toBe(2000);
    expect(read("name=X minimum=none").minimumMinutes).toBe(0);
  });

  it("in an edit, changes only what is given and clears a key given empty", () => {
    const base = read("name=X rate=1/min billing=60s setup=500 minimum=5000min");
    const next = read("billing=6s setup= minimum=1000calls", base);
    expect(next).toMatchObject({ name: "X", perMinute: 1, billingSeconds: 6, minimumContacts: 1000 });
    expect(next.setupFee).toBeUndefined();
    // Setting a minimum replaces the previous one rather than keeping both.
    expect(next.minimumMinutes).toBeUndefined();
  });

  it("writes a quote back as text that reads to the same quote (the edit form relies on it)", () => {
    const v = read(
      'name="Acme Co" location=offshore country=PH model=semi rate=€0.70/min billing=30s hold-billed=yes minimum=3000min overage=15% setup=none holiday-fee=50/month other-fees=100/once hours=16x7 languages=en,tl services=inbound,chat agents=shared certs=none dr=no licensed=yes uptime=99.5 reporting=basic crm=hubspot industries=retail,telecom size=120 contract=6 notice=30d trial=no rating=3.8 notes="call Mon"',
    );
    const text = Object.entries(vendorValues({ ...v }))
      .map(([k, val]) => `${k}="${val}"`)
      .join(" ");
    expect(read(text)).toEqual(v);
  });
});
