import type { CacheCaps } from "../core/bounded-cache.ts";
import { UserInputError } from "../core/errors.ts";
import { PRICING } from "../core/estimate/pricing.ts";
import { numberLocale } from "../core/format/number.ts";
import { identityOf, Memo } from "../core/memo.ts";
import { formatPair, splitSubcommand, tokenize, unquoteName } from "../core/parse/kv.ts";
import { parseYesNo } from "../core/parse/units.ts";
import { addVendor, findVendor, removeVendor, replaceVendor, requireVendor } from "../core/vendors/book.ts";
import { type Comparison, compareVendors } from "../core/vendors/compare.ts";
import { COMPARE_EXAMPLE, readCompareInput } from "../core/vendors/compare-input.ts";
import { CURRENCY_RATES, knownCurrencies } from "../core/vendors/currency.ts";
import { vendorsCsv, vendorValues } from "../core/vendors/format.ts";
import { ADD_EXAMPLE, KEYS, readVendor } from "../core/vendors/parse.ts";
import type { Vendor } from "../core/vendors/vendor.ts";
import {
  renderCompare,
  renderEmpty,
  renderExport,
  renderHelp,
  renderList,
  renderRemoveConfirm,
  renderRemoved,
  renderSaved,
  renderShow,
} from "../render/vendor.ts";
import { vendorChartFile } from "../render/vendor-chart.ts";
import { VENDOR_META } from "./catalog.ts";
import { coverageOptions } from "./form-fields.ts";
import type { CommandContext, CommandRun, CommandSpec, FormField, FormSpec } from "./types.ts";

const SUBCOMMANDS = ["add", "list", "show", "edit", "remove", "compare", "export", "help"] as const;

/** The saved name the words refer to: as typed first (names may end in a quote), then unquoted. */
const nameIn = (vendors: readonly Vendor[], words: string[]): string => {
  const typed = words.join(" ").trim();
  return findVendor(vendors, typed) ? typed : unquoteName(words);
};

/** The compare keys typed after `compare`, `show` or `export`, repeated in buttons. */
const argsText = (pairs: ReturnType<typeof tokenize>["pairs"]): string =>
  pairs.map((p) => formatPair(p.key, p.value)).join(" ");

// ---------- add / edit ----------

async function add(rest: string, ctx: CommandContext): Promise<CommandRun> {
  const { pairs, words } = tokenize(rest);
  if (pairs.length === 0 && words.length === 0)
    throw new UserInputError(
      "Describe the quote with key=value pairs, or type just `/cc-vendor add` in Slack for a form.",
      {
        field: "name",
        example: ADD_EXAMPLE,
      },
    );
  // `add Acme rate=...` is read as name=Acme when no name= is given.
  const named =
    words.length && !pairs.some((p) => KEYS.name?.aliases.concat("name").includes(p.key))
      ? [{ key: "name", value: unquoteName(words), raw: "name" }, ...pairs]
      : pairs;
  if (words.length && named === pairs)
    throw new UserInputError(`I don't understand "${words.join(" ").slice(0, 60)}": use key=value pairs.`, {
      example: ADD_EXAMPLE,
    });
  const { fields } = readVendor(named, undefined, { example: ADD_EXAMPLE, locale: await ctx.userLocale() });
  const store = await ctx.store();
  const at = ctx.now().toISOString();
  const { vendor, total } = await store.update(ctx.workspace, (draft) => {
    const vendor = addVendor(draft.vendors, fields, { userId: ctx.userId, at });
    return { vendor, total: draft.vendors.length };
  });
  return { result: { vendor }, reply: renderSaved(vendor, "added", total) };
}

async function edit(rest: string, ctx: CommandContext): Promise<CommandRun> {
  const { pairs, words } = tokenize(rest);
  const store = await ctx.store();
  const { vendors } = await store.read(ctx.workspace);
  const name = nameIn(vendors, words);
  const current = requireVendor(vendors, name, "edit");
  const example = `edit ${current.name} rate=0.90/min billing=30s`;
  if (pairs.length === 0)
    throw new UserInputError(`What should change in ${current.name}'s quote? Add key=value pairs.`, {
      example,
    });
  const at = ctx.now().toISOString();
  const locale = await ctx.userLocale();
  // Read once outside the update too, so a question about the input is asked before anything is locked.
  readVendor(pairs, current, { example, locale });
  const { vendor, total } = await store.update(ctx.workspace, (draft) => {
    // Read again inside the update: another edit may have landed since.
    const base = requireVendor(draft.vendors, name, "edit");
    const { fields } = readVendor(pairs, base, { example, locale });
    const vendor = replaceVendor(draft.vendors, base.name, fields, at);
    return { vendor, total: draft.vendors.length };
  });
  return { result: { vendor }, reply: renderSaved(vendor, "updated", total) };
}

// ---------- list / show / remove ----------

async function list(ctx: CommandContext): Promise<CommandRun> {
  const vendors = (await (await ctx.store()).read(ctx.workspace)).vendors;
  return { result: { vendors }, reply: renderList(vendors) };
}

/**
 * A comparison is pure in the stored quotes (frozen; a write makes a new array), the profile and the
 * typed text, and ranking 200 quotes costs milliseconds: kept until the quotes change (about 850 KB as counted
 * for 200 quotes).
 */
export const COMPARISON_CACHE_CAPS: CacheCaps = { entries: 20, bytes: 8 * 1024 * 1024 };
const comparisons = new Memo<Comparison>(COMPARISON_CACHE_CAPS);

function comparisonFor(
  vendors: Vendor[],
  profile: Record<string, unknown> | undefined,
  pairs: ReturnType<typeof tokenize>["pairs"],
  words: string[],
  locale: string,
): Comparison {
  const key = [
    identityOf(vendors),
    locale,
    numberLocale(),
    JSON.stringify(profile ?? null),
    JSON.stringify(pairs),
    JSON.stringify(words),
  ].join("|");
  return comparisons.get(key, () => {
    const input = readCompareInput(pairs, words, profile, locale);
    return compareVendors(vendors, input, { pricing: PRICING, rates: CURRENCY_RATES });
  });
}

async function show(rest: string, ctx: CommandContext): Promise<CommandRun> {
  const { pairs, words } = tokenize(rest);
  const data = await (await ctx.store()).read(ctx.workspace);
  const vendor = requireVendor(data.vendors, nameIn(data.vendors, words), "show");
  const profile = data.profile as Record<string, unknown> | undefined;
  const hasVolume =
    pairs.some((p) => ["volume", "contacts", "calls"].includes(p.key)) || typeof profile?.volume === "number";
  const comparison = hasVolume
    ? comparisonFor(data.vendors, profile, pairs, [], await ctx.userLocale())
    : undefined;
  const row = comparison?.vendors.find((r) => r.vendor.name === vendor.name);
  return {
    result: {
      vendor,
      ...(row
        ? {
            comparison: {
              monthlyCost: row.cost.monthlyCost,
              rank: row.rank,
              score: row.score,
              mustFailures: row.mustFailures,
              unknowns: row.unknowns,
              costLines: row.cost.lines,
            },
          }
        : {}),
    },
    reply: renderShow({
      vendor,
      args: argsText(pairs),
      ...(row ? { row } : {}),
      ...(comparison ? { comparison } : {}),
    }),
  };
}

async function remove(rest: string, ctx: CommandContext): Promise<CommandRun> {
  const { pairs, words } = tokenize(rest);
  let confirmed = false;
  for (const p of pairs) {
    if (p.key !== "confirm")
      throw new UserInputError(`\`remove\` takes only \`confirm=yes\`, not \`${p.raw}\`.`, {
        example: "remove Acme",
      });
    confirmed = parseYesNo(p.value) === true;
  }
  const store = await ctx.store();
  const { vendors } = await store.read(ctx.workspace);
  const name = nameIn(vendors, words);
  const vendor = requireVendor(vendors, name, "remove");
  if (!confirmed) return { result: { confirm: vendor.name }, reply: renderRemoveConfirm(vendor) };
  const outcome = await store.update(ctx.workspace, (draft) => {
    const removed = removeVendor(draft.vendors, name);
    return { removed, left: draft.vendors.length };
  });
  // Someone else may have removed it between the read and the update.
  if (!outcome.removed)
    throw new UserInputError(`There is no vendor called "${name}" any more.`, { example: "list" });
  return { result: { removed: outcome.removed.name }, reply: renderRemoved(outcome.removed, outcome.left) };
}

// ---------- compare / export ----------

async function compare(rest: string, ctx: CommandContext): Promise<CommandRun> {
  const tokens = tokenize(rest);
  const pairs = tokens.pairs.filter((p) => !(p.key === "chart" && p.value.toLowerCase() === "yes"));
  // `chart` (or chart=yes) adds a bar chart of the vendors' monthly costs.
  const words = tokens.words.filter((w) => w.toLowerCase() !== "chart");
  const chart = words.length < tokens.words.length || pairs.length < tokens.pairs.length;
  const data = await (await ctx.store()).read(ctx.workspace);
  const profile = data.profile as Record<string, unknown> | undefined;
  if (data.vendors.length === 0) {
    // Still check the text, so a typo is reported rather than ignored.
    if (pairs.length || words.length)
      readCompareInput(pairs, words, profile ?? { volume: 1 }, await ctx.userLocale());
    return { result: { profile: profile ?? null, vendors: [] }, reply: renderEmpty() };
  }
  const cmp = comparisonFor(data.vendors, profile, pairs, words, await ctx.userLocale());
  const result = {
    profile: {
      ...(profile ?? {}),
      volume: cmp.input.volume,
      talk: cmp.input.talkMinutes,
      wrap: cmp.input.wrapMinutes,
      hold: cmp.input.holdMinutes,
      ...(cmp.input.hours ? { hours: cmp.input.hours } : {}),
      sources: cmp.input.sources,
    },
    currency: CURRENCY_RATES.base,
    vendors: cmp.vendors.map((r) => ({
      name: r.vendor.name,
      monthlyCost: r.cost.monthlyCost,
      mustFailures: r.mustFailures,
      unknowns: r.unknowns,
      score: r.score,
      rank: r.rank,
      ...(r.budget !== undefined ? { budget: r.budget } : {}),
      costLines: r.cost.lines,
      quoteCurrency: r.vendor.currency,
    })),
    conversions: cmp.conversions.map((c) => ({
      currency: c.code,
      usd: c.rate.usd,
      asOf: c.rate.asOf,
      source: c.rate.source,
    })),
    fewerThanThree: cmp.fewerThanRecommended,
    assumptions: cmp.assumptions,
  };
  const reply = renderCompare({ comparison: cmp, rates: CURRENCY_RATES, args: argsText(pairs) });
  if (!chart) return { result, reply };
  const file = await vendorChartFile(cmp);
  return {
    result: { ...result, chart: file ? { filename: file.filename } : null },
    reply: file ? { ...reply, files: [file] } : reply,
  };
}

async function exportCsv(rest: string, ctx: CommandContext): Promise<CommandRun> {
  const { pairs, words } = tokenize(rest);
  if (words.length)
    throw new UserInputError(`\`export\` takes no names; it exports every quote.`, { example: "export" });
  const data = await (await ctx.store()).read(ctx.workspace);
  if (data.vendors.length === 0) return { result: { count: 0 }, reply: renderEmpty() };
  const profile = data.profile as Record<string, unknown> | undefined;
  // Rank the rows when a volume is known (given or saved); otherwise export the quotes alone.
  const canCompare = pairs.length > 0 || typeof profile?.volume === "number";
  const cmp = canCompare
    ? comparisonFor(data.vendors, profile, pairs, [], await ctx.userLocale())
    : undefined;
  const content = vendorsCsv(data.vendors, cmp);
  const file = { filename: "vendors.csv", title: "Vendor quotes", content };
  return {
    result: { count: data.vendors.length, filename: file.filename, csv: content },
    reply: renderExport(data.vendors.length, file, cmp !== undefined),
  };
}

function help(): CommandRun {
  const keys = Object.entries(KEYS).map(
    ([k, spec]) => [k, spec.takes, spec.example] as [string, string, string],
  );
  return { result: { subcommands: SUBCOMMANDS, keys: Object.keys(KEYS) }, reply: renderHelp(keys) };
}

// ---------- form ----------

const yesNoOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

function formFields(v?: Vendor): FormField[] {
  const values = v ? vendorValues(v) : {};
  const init = (key: string) => (values[key] !== undefined ? { initial: values[key] } : {});
  const initList = (key: string) => (values[key] ? { initial: (values[key] ?? "").split(",") } : {});
  const text = (key: string, label: string, placeholder: string, hint?: string): FormField => ({
    key,
    label,
    kind: "text",
    optional: true,
    placeholder,
    ...(hint ? { hint } : {}),
    ...init(key),
  });
  const select = (
    key: string,
    label: string,
    options: Array<{ value: string; label: string }>,
  ): FormField => ({
    key,
    label,
    kind: "select",
    optional: true,
    options,
    ...init(key),
  });
  return [
    { key: "name", label: "Vendor name", kind: "text", placeholder: "Acme Contact", ...init("name") },
    select("location", "Location", [
      { value: "onshore", label: "Onshore (domestic)" },
      { value: "nearshore", label: "Nearshore" },
      { value: "offshore", label: "Offshore" },
    ]),
    text("country", "Country (two-letter code)", "MX"),
    select("model", "Agent model quoted", [
      { value: "shared", label: "Shared (per minute)" },
      { value: "semi-dedicated", label: "Semi-dedicated" },
      { value: "dedicated", label: "Dedicated (hourly)" },
    ]),
    select(
      "currency",
      "Currency of the amounts",
      knownCurrencies().map((c) => ({ value: c, label: `${c}: ${CURRENCY_RATES.rates[c]?.name ?? c}` })),
    ),
    text("rate", "Price per minute", "0.95/min", "Or per agent-hour (28/hour) or per call (2.50/call)."),
    text("hourly-rate", "Price per dedicated agent-hour", "28"),
    text("call-rate", "Price per call", "2.50"),
    select("billing", "Each contact rounded up to", [
      { value: "1s", label: "1 second" },
      { value: "6s", label: "6 seconds" },
      { value: "30s", label: "30 seconds" },
      { value: "60s", label: "1 minute" },
    ]),
    select("hold-billed", "Customers' hold time is billed", yesNoOptions),
    text(
      "minimum",
      "Monthly minimum",
      "5000min",
      "Minutes (5000min), contacts (1000calls), money ($2000/month) or none.",
    ),
    text(
      "overage",
      "Overage above the minimum",
      "1.10/min",
      "A price per minute, a percent over the rate (15%), or none.",
    ),
    text("setup", "Setup fee (one-time)", "1500", "Or none."),
    text("holiday-fee", "Holiday fees", "400/year", "A year unless you add /month; or none."),
    text(
      "other-fees",
      "Other fees",
      "200/month",
      "Software, reporting...: a month unless you add /year or /once; or none.",
    ),
    select("hours", "Hours they answer", coverageOptions("9x5")),
    text("languages", "Languages", "en,es"),
    {
      key: "services",
      label: "Services and channels",
      kind: "multiselect",
      optional: true,
      options: ["inbound", "outbound", "voice", "email", "chat", "social", "sms"].map((s) => ({
        value: s,
        label: s,
      })),
      ...initList("services"),
    },
    {
      key: "agents",
      label: "Agent models they offer",
      kind: "multiselect",
      optional: true,
      options: ["shared", "semi-dedicated", "dedicated"].map((s) => ({ value: s, label: s })),
      ...initList("agents"),
    },
    text("certs", "Certifications", "pci,soc2", "pci, soc2, hipaa, iso27001, gdpr... or none."),
    select("dr", "Disaster recovery (takes over if your lines go down)", yesNoOptions),
    select("licensed", "Licensed agents (e.g. insurance)", yesNoOptions),
    {
      key: "deployment",
      label: "Deployment",
      kind: "multiselect",
      optional: true,
      options: [
        { value: "cloud", label: "Cloud" },
        { value: "on-premises", label: "On-premises" },
      ],
      ...initList("deployment"),
    },
    text("uptime", "Uptime they commit to (%)", "99.9"),
    {
      key: "reporting",
      label: "Reporting",
      kind: "multiselect",
      optional: true,
      options: [
        { value: "basic", label: "Basic counts" },
        { value: "real-time", label: "Real-time analytics" },
        { value: "recordings", label: "Call recordings" },
      ],
      ...initList("reporting"),
    },
    text("crm", "CRM and tools they integrate with", "salesforce,zendesk"),
    text("industries", "Industries they know", "ecommerce"),
    text("size", "Agents they have", "400"),
    text("contract", "Contract length", "12months"),
    text("notice", "Notice period", "30d"),
    text("trial", "Free trial", "14d", "yes, no, or its length."),
    text("rating", "References and reviews (out of 5)", "4.5"),
    { key: "notes", label: "Notes", kind: "textarea", optional: true, ...init("notes") },
  ];
}

async function form(text: string, ctx: CommandContext): Promise<FormSpec | undefined> {
  const { sub, rest } = splitSubcommand(text);
  // In Slack, the bare command opens the form to add a quote (the console and CLI list them).
  if (text.trim() === "" || (sub === "add" && rest.trim() === ""))
    return {
      title: "Add a vendor quote",
      submit: "Save",
      prefix: "add",
      intro: "Fill in what you know; leave the rest empty and the comparison will list it as still to ask.",
      fields: formFields(),
    };
  if (sub === "edit") {
    const { pairs, words } = tokenize(rest);
    if (pairs.length) return undefined;
    const vendors = (await (await ctx.store()).read(ctx.workspace)).vendors;
    const vendor = findVendor(vendors, nameIn(vendors, words));
    if (!vendor) return undefined;
    return {
      title: "Edit vendor quote",
      submit: "Save",
      prefix: `edit ${vendor.name}`,
      intro: `Change ${vendor.name}'s quote. To clear a value, use \`/cc-vendor edit ${vendor.name} key=\`.`,
      fields: formFields(vendor),
    };
  }
  return undefined;
}

export const vendorCommand: CommandSpec = {
  ...VENDOR_META,
  form,
  async run(text, ctx) {
    const { sub, rest } = splitSubcommand(text);
    switch (sub) {
      case "":
      case "list":
        return list(ctx);
      case "add":
        return add(rest, ctx);
      case "edit":
        return edit(rest, ctx);
      case "show":
        return show(rest, ctx);
      case "remove":
      case "delete":
        return remove(rest, ctx);
      case "compare":
        return compare(rest, ctx);
      case "export":
        return exportCsv(rest, ctx);
      case "help":
        return help();
      default:
        throw new UserInputError(
          `\`${sub}\` is not something /cc-vendor does: try ${SUBCOMMANDS.join(", ")}.`,
          {
            example: COMPARE_EXAMPLE,
          },
        );
    }
  },
};
