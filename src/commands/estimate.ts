import type { CacheCaps } from "../core/bounded-cache.ts";
import { DEFAULT_FTE_HOURS_PER_WEEK } from "../core/estimate/model.ts";
import { ESTIMATE_DEFAULTS, HELP, parseEstimate } from "../core/estimate/parse.ts";
import { PRICING } from "../core/estimate/pricing.ts";
import {
  compareTextFromEstimate,
  estimateTextFromProfile,
  formValuesFromInput,
  profileUpdateTextFromEstimate,
} from "../core/estimate/profile-bridge.ts";
import { inHouseAssumptionLines, verdict, verdictJson } from "../core/estimate/verdict.ts";
import { numberLocale } from "../core/format/number.ts";
import { Memo } from "../core/memo.ts";
import { renderEstimate, withFollowUps, withProfileNote } from "../render/estimate.ts";
import { agentsChartFile, estimateChartFile } from "../render/estimate-chart.ts";
import { renderCommandHelp } from "../render/help.ts";
import { ESTIMATE_META } from "./catalog.ts";
import {
  CONCURRENCY_FORM_FIELD,
  coverageOptions,
  PATIENCE_FORM_FIELDS,
  QUEUE_FORM_FIELDS,
} from "./form-fields.ts";
import type { CommandContext, CommandRun, CommandSpec, FormSpec } from "./types.ts";

const CHART_WORD = /(^|\s)chart(=(yes|true|1))?(?=\s|$)/i;
/** `assumptions=all`: the "How this was worked out" button, every assumption in full. */
const ASSUMPTIONS_WORD = /(^|\s)assumptions=(all|yes)(?=\s|$)/i;

const FORM: FormSpec = {
  title: "Cost estimate",
  submit: "Estimate",
  intro:
    "What outsourcing your contacts would cost a month: shared, semi-dedicated and dedicated agents side by side. Optional fields left empty take the usual defaults.",
  fields: [
    {
      key: "contacts",
      label: "Contacts a month (calls, chats, e-mails)",
      kind: "number",
      decimal: false,
      min: 1,
      placeholder: "12000",
    },
    {
      key: "talk-min",
      label: "Average talk time per contact (minutes)",
      kind: "number",
      decimal: true,
      min: 0.05,
      placeholder: "5",
    },
    {
      key: "wrap-min",
      label: "Average wrap-up after each contact (minutes)",
      kind: "number",
      decimal: true,
      optional: true,
      min: 0,
      placeholder: "1",
    },
    {
      key: "hold-sec",
      label: "Average hold time per contact (seconds)",
      kind: "number",
      decimal: true,
      optional: true,
      min: 0,
      placeholder: "30",
    },
    {
      key: "hold-billed",
      label: "The provider bills hold time",
      hint: "The guide's advice: customers' hold time should not be billed.",
      kind: "checkbox",
    },
    {
      key: "hours",
      label: "Hours the center must answer",
      kind: "select",
      options: coverageOptions("business"),
      initial: "business",
    },
    {
      key: "billing",
      label: "Billing increment (each contact rounded up to)",
      kind: "select",
      options: [
        { value: "1s", label: "1 second" },
        { value: "6s", label: "6 seconds" },
        { value: "30s", label: "30 seconds" },
        { value: "60s", label: "1 minute" },
      ],
      initial: `${ESTIMATE_DEFAULTS.billingIncrementSeconds}s`,
    },
    {
      key: "shape",
      label: "Shape of the day",
      hint: "How the day's contacts spread over the open hours; each hour is staffed on its own.",
      kind: "select",
      options: [
        { value: "flat", label: "Flat (the same every hour)" },
        { value: "business-day", label: "Business day (late-morning peak)" },
        { value: "24/7", label: "24/7 (day peak, quiet nights)" },
      ],
      initial: "flat",
    },
    {
      key: "chats",
      label: "Chats a month (besides the calls)",
      kind: "number",
      decimal: false,
      optional: true,
      min: 1,
      placeholder: "3000",
    },
    {
      key: "chat-time-min",
      label: "Average chat length with the agent (minutes)",
      kind: "number",
      decimal: true,
      optional: true,
      min: 0.1,
      placeholder: "12",
    },
    CONCURRENCY_FORM_FIELD,
    {
      key: "emails",
      label: "E-mails a month (besides the calls)",
      kind: "number",
      decimal: false,
      optional: true,
      min: 1,
      placeholder: "2000",
    },
    {
      key: "email-time-min",
      label: "Average handling time of an e-mail (minutes)",
      kind: "number",
      decimal: true,
      optional: true,
      min: 0.1,
      placeholder: "8",
    },
    ...QUEUE_FORM_FIELDS,
    ...PATIENCE_FORM_FIELDS,
    {
      key: "billing-basis",
      label: "The provider bills",
      kind: "select",
      options: [
        { value: "paid", label: "Paid hours (shrinkage billed)" },
        { value: "productive", label: "Productive hours (logged in)" },
      ],
      initial: "paid",
    },
    { key: "licensed", label: "Licensed agents needed (e.g. insurance)", kind: "checkbox" },
    {
      key: "languages",
      label: "Languages besides English",
      hint: "Comma-separated, e.g. Spanish, French",
      kind: "text",
      optional: true,
    },
    {
      key: "location",
      label: "Where the center is (regional rates)",
      hint: "Left empty: the guide's US rates.",
      kind: "select",
      optional: true,
      options: [
        { value: "onshore", label: "Onshore (US)" },
        { value: "nearshore", label: "Nearshore Latin America" },
        { value: "philippines", label: "Offshore Philippines" },
        { value: "india", label: "Offshore India" },
        { value: "eastern-europe", label: "Eastern Europe" },
      ],
    },
    {
      key: "inhouse-wage",
      label: "Your own agents' base wage (to compare in-house)",
      hint: "An hour, e.g. 18/h or 16 EUR/h",
      kind: "text",
      optional: true,
    },
    { key: "budget", label: "Monthly budget", hint: "e.g. 60000", kind: "text", optional: true },
  ],
};

/** The form with initial values (keys absent or empty keep the form's own initial value). */
const prefilled = (form: FormSpec, values: Record<string, string>): FormSpec => ({
  ...form,
  fields: form.fields.map((f) => {
    const v = values[f.key];
    if (v === undefined || v === "") return f;
    return { ...f, initial: f.kind === "checkbox" ? [v] : v };
  }),
});

async function savedProfileValues(ctx: CommandContext): Promise<Record<string, string>> {
  const text = estimateTextFromProfile((await (await ctx.store()).read(ctx.workspace)).profile);
  if (!text) return {};
  try {
    return formValuesFromInput(parseEstimate(text, PRICING).input);
  } catch {
    // A profile with a volume but no talk time cannot be estimated yet: prefill the rest and leave
    // the talk time empty for the user to fill in.
    try {
      const { "talk-min": _talk, ...rest } = formValuesFromInput(
        parseEstimate(`${text} talk=1m`, PRICING).input,
      );
      return rest;
    } catch {
      return {};
    }
  }
}

export const estimateCommand: CommandSpec = {
  ...ESTIMATE_META,
  async form(text, ctx) {
    const t = text.trim();
    // Empty text: the form, prefilled from the saved profile. `edit <text>`: prefilled with that estimate.
    if (t === "") return prefilled(FORM, await savedProfileValues(ctx));
    const edit = /^edit\b\s*/i.exec(t);
    if (!edit) return undefined;
    return prefilled(FORM, formValuesFromInput(parseEstimate(t.slice(edit[0].length), PRICING).input));
  },
  async run(rawText, ctx) {
    if (/^(help|\?)$/i.test(rawText.trim()))
      return {
        result: { help: true },
        reply: renderCommandHelp("/cc-estimate", this.summary, HELP, this.examples),
      };
    // `chart` (or chart=yes) adds a PNG of cost against volume; the rest is the estimate's own text.
    const chart = CHART_WORD.test(rawText);
    const showAssumptions = ASSUMPTIONS_WORD.test(rawText);
    let text = rawText.replace(CHART_WORD, " ").replace(ASSUMPTIONS_WORD, " ").trim();
    // No text (console, CLI): estimate the workspace's saved profile, if it has a volume.
    const fromProfile =
      text === ""
        ? estimateTextFromProfile((await (await ctx.store()).read(ctx.workspace)).profile)
        : undefined;
    if (fromProfile) text = fromProfile;
    const locale = await ctx.userLocale();
    if (chart) return estimateRun(text, fromProfile, showAssumptions, chart, locale);
    const key = [numberLocale(), locale, showAssumptions, fromProfile ?? "", text].join("|");
    return estimates.getAsync(key, () => estimateRun(text, fromProfile, showAssumptions, chart, locale));
  },
};

/**
 * An estimate without a chart is pure in its text, the reading locale and the reply's number locale,
 * and teams re-run the same line (the follow-up buttons, the saved profile): replies are kept for
 * those (about 20 KB each).
 */
export const ESTIMATE_CACHE_CAPS: CacheCaps = { entries: 200, bytes: 4 * 1024 * 1024 };
const estimates = new Memo<CommandRun>(ESTIMATE_CACHE_CAPS);

async function estimateRun(
  text: string,
  fromProfile: string | undefined,
  showAssumptions: boolean,
  chart: boolean,
  locale: string | undefined,
): Promise<CommandRun> {
  const parsed = parseEstimate(text, PRICING, { locale });
  const v = verdict(parsed.input, parsed.choices, PRICING);
  const e = v.estimate;
  const i = e.inputs;
  const assumptions = [...e.assumptions];
  if (parsed.defaults.length) assumptions.push(`Not given, so assumed: ${parsed.defaults.join(", ")}.`);
  if (parsed.readAs.length) assumptions.push(`Read as: ${parsed.readAs.join("; ")}.`);
  const result = {
    inputs: {
      contactsPerMonth: i.contactsPerMonth,
      talkSeconds: i.talkSeconds,
      wrapSeconds: i.wrapSeconds,
      holdSeconds: i.holdSeconds,
      holdBilled: i.holdBilled,
      hours: {
        label: i.coverage.label,
        hoursPerDay: i.coverage.hoursPerDay,
        daysPerWeek: i.coverage.daysPerWeek,
        monthlyHours: i.coverageHoursPerMonth,
      },
      billingIncrementSeconds: i.billingIncrementSeconds,
      target: i.target,
      answerSeconds: i.answerSeconds,
      shrinkage: i.shrinkage,
      maxOccupancy: i.maxOccupancy,
      sharedRate: i.sharedRate,
      hourlyRate: i.hourlyRate,
      licensed: i.licensed,
      languages: i.languages,
      chats: i.chats ?? null,
      emails: i.emails ?? null,
      concurrency: i.chats ? (i.concurrency ?? null) : null,
      responseSeconds: i.emails ? (i.responseSeconds ?? null) : null,
      patienceSeconds: i.patienceSeconds ?? null,
      maxAbandon: i.maxAbandon ?? null,
      billingBasis: e.dedicated.billingBasis,
      fteHoursPerWeek: i.fteHoursPerWeek ?? DEFAULT_FTE_HOURS_PER_WEEK,
      shape: e.dedicated.shape,
      hourly: i.hourly ?? null,
      intervalSeconds: i.intervalSeconds ?? 3600,
    },
    shared: e.shared,
    dedicated: e.dedicated,
    semiDedicated: e.semiDedicated,
    recommended: e.recommended,
    breakEvenMonthlyContacts: e.breakEvenMonthlyContacts,
    premiums: e.premiums,
    assumptions,
    ...verdictJson(v),
  };
  if (v.inHouse) assumptions.push(...inHouseAssumptionLines(v.inHouse));
  if (fromProfile) assumptions.unshift(`From the saved profile: ${fromProfile}.`);
  const rendered = renderEstimate({
    estimate: e,
    defaults: parsed.defaults,
    readAs: parsed.readAs,
    verdict: v,
    text,
    showAssumptions,
    reading: parsed.reading,
  });
  const reply = withFollowUps(fromProfile ? withProfileNote(rendered, fromProfile) : rendered, {
    text,
    saveProfile: profileUpdateTextFromEstimate(parsed.input),
    compare: compareTextFromEstimate(parsed.input),
  });
  if (!chart) return { result, reply };
  const file = await estimateChartFile(parsed.input, PRICING, e.breakEvenMonthlyContacts);
  // A day that varies also gets its agents by hour (a flat day's bars would all be the same).
  const agents = e.dedicated.intervals.some((c) => c.agents !== e.dedicated.peakInterval.agents)
    ? await agentsChartFile(e)
    : undefined;
  const files = [file, agents].filter((f) => f !== undefined);
  return {
    result: {
      ...result,
      chart: file ? { filename: file.filename } : null,
      ...(agents ? { agentsChart: { filename: agents.filename } } : {}),
    },
    reply: files.length ? { ...reply, files } : reply,
  };
}
