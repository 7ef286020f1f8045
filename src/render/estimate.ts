import type { Button, KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import { describeCoverage } from "../core/estimate/coverage.ts";
import type { Estimate, Model } from "../core/estimate/model.ts";
import { dayIntervalsOf, hourlyLoad } from "../core/estimate/model.ts";
import { type DisplayCurrency, formatMoney, rateNote } from "../core/estimate/money.ts";
import type { Range } from "../core/estimate/pricing.ts";
import { REGIONS } from "../core/estimate/regions.ts";
import {
  type BudgetCheck,
  type BudgetOption,
  inHouseAssumptionLines,
  type Verdict,
} from "../core/estimate/verdict.ts";
import type { ReadingSummary } from "../core/read/summary.ts";
import { actions, context, divider, fields, fitMessage, header, section } from "./blocks.ts";
import { commandButton, formButton } from "./buttons.ts";
import { readingBlocks } from "./reading.ts";
import { decimal, duration, erlangs, int, longWaitLine, percent, staffingCommandText } from "./staffing.ts";

/** What the reply shows money in: US dollars unless `currency=` chose another (the model is in USD). */
let shownIn: DisplayCurrency | undefined;
const usd = (x: number): string => (x < 100 && x % 1 !== 0 ? `$${decimal(x, 2)}` : `$${int(x)}`);
export const money = (x: number): string => (shownIn ? formatMoney(x, shownIn) : usd(x));

const moneyRange = (r: Range): string =>
  r.low === r.high ? money(r.low) : `${money(r.low)} – ${money(r.high)}`;
const rate = (x: number): string =>
  shownIn && shownIn.code !== "USD" ? formatMoney(x, shownIn) : `$${decimal(x, x % 1 === 0 ? 0 : 2)}`;
const rateRange = (r: Range): string => (r.low === r.high ? rate(r.low) : `${rate(r.low)}–${rate(r.high)}`);

const MODEL_NAMES: Record<Model, string> = {
  shared: "Shared agents (per minute)",
  "semi-dedicated": "Semi-dedicated agents",
  dedicated: "Dedicated agents (hourly)",
};
const SHORT: Record<Model, string> = {
  shared: "shared agents",
  "semi-dedicated": "semi-dedicated agents",
  dedicated: "dedicated agents",
};

export interface EstimateView {
  estimate: Estimate;
  /** Defaults applied to fields left out. */
  defaults: string[];
  /** How typed values were converted (e.g. a daily volume). */
  readAs: string[];
  /** Location, in-house, regions, budget and currency, when the command priced them. */
  verdict?: Verdict;
  /** The command text, for the "How this was worked out" and "All regions" buttons. */
  text?: string;
  /** Show every assumption instead of the one-line summary. */
  showAssumptions?: boolean;
  /** What was understood from free text, and warnings. */
  reading?: ReadingSummary;
}

const costOf = (e: Estimate, m: Model): Range =>
  m === "shared"
    ? e.shared.monthlyCost
    : m === "dedicated"
      ? e.dedicated.monthlyCost
      : e.semiDedicated.monthlyCost;

/** The answer first, at most four lines: the choice and its cost, the runner-up, the break-evens. */
export function leadLines(e: Estimate, v?: Verdict): string[] {
  const lines = [
    `:star: *Recommended: ${SHORT[e.recommended]}, ${moneyRange(costOf(e, e.recommended))} a month*, ${e.recommendedReason}.`,
  ];
  if (e.runnerUp)
    lines.push(`Runner-up: ${SHORT[e.runnerUp]}, ${moneyRange(costOf(e, e.runnerUp))} a month.`);
  const be = e.breakEvenMonthlyContacts;
  lines.push(
    be === null
      ? "Dedicated agents never become cheaper than shared ones at these rates."
      : `Break-even: dedicated agents cost no more than shared ones from about ${int(be)} contacts a month.`,
  );
  const h = v?.inHouse;
  if (h) {
    const hb = h.breakEvenMonthlyContacts;
    lines.push(
      `In-house: ${moneyRange(h.monthlyCost)} a month; ${
        hb === null
          ? "outsourcing stays cheaper at any volume."
          : hb <= e.inputs.contactsPerMonth
            ? `outsourcing stops saving money from about ${int(hb)} contacts a month, so at your volume your own team is cheaper.`
            : `outsourcing saves money until about ${int(hb)} contacts a month.`
      }`,
    );
  }
  return lines.slice(0, 4);
}

function budgetLine(b: BudgetCheck, option: BudgetOption): string {
  const fits = b.fits[option];
  const head = b.headroom[option];
  if (fits === undefined || head === undefined) return "";
  return fits
    ? `:white_check_mark: within budget (${money(head)} under at midpoint)`
    : head >= 0
      ? `:warning: fits only at the low end (${money(head)} under at midpoint)`
      : `:x: ${money(-head)} over budget at midpoint`;
}

export function renderEstimate(view: EstimateView): Reply {
  const e = view.estimate;
  const v = view.verdict;
  shownIn = v?.currency;
  try {
    return build(view, e, v);
  } finally {
    shownIn = undefined;
  }
}

function build(view: EstimateView, e: Estimate, v: Verdict | undefined): Reply {
  const i = e.inputs;
  const d = e.dedicated;
  const handle = [
    `talk ${duration(i.talkSeconds)}`,
    i.wrapSeconds ? `wrap-up ${duration(i.wrapSeconds)}` : "",
    i.holdSeconds ? `hold ${duration(i.holdSeconds)}` : "",
  ]
    .filter(Boolean)
    .join(" + ");
  const total = d.byChannel.reduce((s, c) => s + c.contactsPerMonth, 0);
  const title = `Monthly cost estimate: ${int(total)} contacts`;
  const channelText = d.byChannel
    .map((c) =>
      c.channel === "voice"
        ? `${int(c.contactsPerMonth)} calls (${handle})`
        : `${int(c.contactsPerMonth)} ${c.channel === "chat" ? "chats" : "e-mails"} (${duration(c.handleSeconds)} each)`,
    )
    .join(", ");
  const intro =
    (d.byChannel.length > 1 || d.byChannel[0]?.channel !== "voice"
      ? `*${int(total)} contacts a month*: ${channelText}, answered ${describeCoverage(i.coverage)}, `
      : `*${int(i.contactsPerMonth)} contacts a month*, ${handle} each, answered ${describeCoverage(i.coverage)}, `) +
    `${int(i.coverageHoursPerMonth)} hours a month, billed in ${i.billingIncrementSeconds === 60 ? "whole minutes" : i.billingIncrementSeconds === 1 ? "seconds" : `${duration(i.billingIncrementSeconds)} increments`}.` +
    (e.premiumPercent ? ` Costs include +${e.premiumPercent}% in premiums (below).` : "") +
    (v?.location ? ` Priced for *${v.location.label}*.` : "") +
    (v && v.currency.code !== "USD" ? ` Shown in ${v.currency.code}: ${rateNote(v.currency)}.` : "");

  const star = (m: Model) => (e.recommended === m ? " ★" : "");
  const b = v?.budget;
  const withBudget = (text: string, option: BudgetOption) => {
    const line = b ? budgetLine(b, option) : "";
    return line ? `${text}\n${line}` : text;
  };
  const sharedValue =
    `*${moneyRange(e.shared.monthlyCost)}* a month.\n` +
    `${int(e.shared.billableMinutes)} billable minutes (${decimal(e.shared.billedMinutesPerContact, 2)} a contact) at ${rateRange(i.sharedRate)} a minute.`;
  const dedicatedValue =
    `*${moneyRange(d.monthlyCost)}* a month.\n` +
    `${int(d.seats)} seat${d.seats === 1 ? "" : "s"} at the peak (${int(d.scheduledAgents)} scheduled), ${decimal(d.fte, 1)} FTE, ` +
    `${int(d.agentHours)} ${d.billingBasis} agent-hours at ${rateRange(i.hourlyRate)} an hour.`;
  const where =
    e.semiDedicated.position === 0.5
      ? "Halfway between shared and dedicated"
      : `${percent(e.semiDedicated.position)} of the way from shared to dedicated`;
  const semiValue = e.semiDedicated.offered
    ? `*${moneyRange(e.semiDedicated.monthlyCost)}* a month.\n${where} (assumption: the guide gives no figure).`
    : "*Not offered at this volume*: less than one full-time agent's work, which providers do not split between accounts.";
  const breakEven =
    e.breakEvenMonthlyContacts === null
      ? "Dedicated never becomes cheaper at these rates."
      : `About *${int(e.breakEvenMonthlyContacts)}* contacts a month (midpoint rates).`;

  const figures: Array<[string, string]> = [
    [`${MODEL_NAMES.shared}${star("shared")}`, withBudget(sharedValue, "shared")],
    [`${MODEL_NAMES["semi-dedicated"]}${star("semi-dedicated")}`, withBudget(semiValue, "semi-dedicated")],
    [`${MODEL_NAMES.dedicated}${star("dedicated")}`, withBudget(dedicatedValue, "dedicated")],
    ["Break-even volume", breakEven],
  ];
  if (v?.inHouse) {
    const h = v.inHouse;
    figures.push([
      "In-house (your own agents)",
      withBudget(
        `*${moneyRange(h.monthlyCost)}* a month.\n${h.staff.fte} full-time equivalents, ${h.staff.seats} seats, about ${money(h.perAgentHourMid)} an agent-hour all in.`,
        "in-house",
      ),
    ]);
    figures.push([
      "Outsourcing saves money",
      h.breakEvenMonthlyContacts === null
        ? "At every volume, at these figures."
        : `Until about *${int(h.breakEvenMonthlyContacts)}* contacts a month (midpoints).`,
    ]);
  }

  const blocks: KnownBlock[] = [
    header(title),
    section(leadLines(e, v).join("\n")),
    fields(figures),
    context(intro),
  ];
  if (b)
    blocks.push(
      context(`Budget: ${money(b.monthly)} a month. An option fits when its whole range is within it.`),
    );
  if (v?.inHouseMissing) blocks.push(context(v.inHouseMissing));
  if (v?.regions) blocks.push(...regionBlocks(v));
  const waiting = d.byChannel.some((c) => c.channel !== "email");
  const queueModel = d.model === "erlang-a" ? "Erlang A" : "Erlang C";
  const channelLines =
    d.byChannel.length > 1
      ? `\n${d.byChannel
          .map(
            (c) =>
              `• ${c.channel === "voice" ? "Calls" : c.channel === "chat" ? `Chats (${i.concurrency ?? 2} at once)` : "E-mails"}: ${int(c.seats)} seats, ${int(c.agentHours)} agent-hours, ${decimal(c.fte, 1)} FTE, ${percent(c.serviceLevel)} in time`,
          )
          .join("\n")}`
      : "";
  const peak = d.peakInterval;
  const peakLine = d.intervals.some((c) => c.agents !== peak.agents)
    ? `\n:chart_with_upwards_trend: Busiest interval: *${peak.start}*, ${decimal(peak.contacts, 1)} contacts, *${int(peak.agents)} agents* (${int(peak.scheduledAgents)} scheduled). Day shape: ${d.shape}.`
    : "";
  blocks.push(
    divider(),
    section(
      `*Queue with dedicated agents* (${queueModel}; ${decimal(d.callsPerHour, 1)} contacts an hour on average, ${erlangs(d.trafficErlangs)} Erlangs)\n` +
        `${percent(d.serviceLevel)} answered in time (target ${percent(i.target)} within ${duration(i.answerSeconds)}${i.emails ? `; e-mails within ${duration(i.responseSeconds ?? 86_400)}` : ""}) · ` +
        (waiting
          ? `average wait to answer ${duration(d.asaSeconds)} · occupancy ${percent(d.occupancy)} · ${percent(d.probWait)} wait at all` +
            (d.abandonRate !== null ? ` · ${percent(d.abandonRate)} hang up` : "")
          : `occupancy ${percent(d.occupancy)}`) +
        channelLines +
        peakLine +
        (waiting
          ? `\n:hourglass: ${longWaitLine(d.probWaitOver5Min, { count: d.byChannel.filter((c) => c.channel !== "email").reduce((s, c) => s + c.contactsPerMonth, 0), per: "a month" })}`
          : ""),
    ),
  );
  const bars = agentBars(d.intervals);
  if (bars) blocks.push(section(bars));
  if (e.premiums.length) {
    const lines = e.premiums.map(
      (p) =>
        `• ${p.label}: +${p.percent}%${p.assumption ? " _(assumption: the guide gives no figure)_" : ""}`,
    );
    blocks.push(section(`*Premiums included in every model*\n${lines.join("\n")}`));
  }
  const notes: string[] = [];
  if (view.readAs.length) notes.push(`Read as: ${view.readAs.join("; ")}.`);
  if (view.defaults.length) notes.push(`Not given, so assumed: ${view.defaults.join(", ")}.`);
  blocks.push(...readingBlocks(view.reading));
  const all = [...e.assumptions, ...(v?.inHouse ? inHouseAssumptionLines(v.inHouse) : [])];
  const collapsed = view.text !== undefined && !view.showAssumptions;
  if (!collapsed) {
    if (notes.length) blocks.push(context(...notes));
    // A context block holds at most 10 elements.
    for (let k = 0; k < all.length; k += 10) blocks.push(context(...all.slice(k, k + 10)));
  } else {
    const sources = v?.location ? `${v.location.label} rates` : "the guide's US rates";
    blocks.push(
      context(
        `${all.length + notes.length} assumptions: ${sources}, midpoints for the ★, ${d.model === "erlang-a" ? "Erlang A" : "Erlang C"} for ${percent(i.target)} in ${duration(i.answerSeconds)}, billing basis: ${d.billingBasis} hours${view.defaults.length ? ", defaults for what you left out" : ""}. “How this was worked out” shows them all.`,
      ),
    );
  }

  const buttons: Array<Button | undefined> = [
    collapsed
      ? commandButton("How this was worked out", "estimate", `${view.text} assumptions=all`)
      : undefined,
    i.contactsPerMonth > 0
      ? commandButton(
          "Staffing details",
          "staffing",
          staffingCommandText(
            peakVoiceLoad(e),
            i.patienceSeconds !== undefined
              ? {
                  channel: "voice",
                  concurrency: 1,
                  patienceSeconds: i.patienceSeconds,
                  maxAbandon: i.maxAbandon,
                }
              : undefined,
          ),
        )
      : undefined,
    formButton("New estimate", "estimate"),
    view.text !== undefined && !v?.regions
      ? commandButton("All regions", "estimate", `${view.text} locations=all`)
      : undefined,
  ];
  const shown = buttons.filter((x): x is Button => x !== undefined);
  if (shown.length) blocks.push(actions(shown));

  const text =
    `${title}: shared ${moneyRange(e.shared.monthlyCost)}, semi-dedicated ${e.semiDedicated.offered ? moneyRange(e.semiDedicated.monthlyCost) : "not offered"}, ` +
    `dedicated ${moneyRange(d.monthlyCost)} a month (${int(d.seats)} seats, ${decimal(d.fte, 1)} FTE, ${d.billingBasis} hours billed, ${d.model === "erlang-a" ? "Erlang A" : "Erlang C"}); recommended: ${e.recommended}.`;
  return { text, blocks: fitMessage(blocks), visibility: "ephemeral" };
}

/** Every region side by side, with its sources and the guide's caveats. */
function regionBlocks(v: Verdict): KnownBlock[] {
  const rows = v.regions ?? [];
  const flag = (a: boolean) => (a ? " _(assumption)_" : "");
  const out: KnownBlock[] = [
    divider(),
    section("*The same work in each region* (rates from data/regions.json)"),
  ];
  const pairs: Array<[string, string]> = rows.map((r) => [
    `${r.label}${r.recommended ? ` (${SHORT[r.recommended]} ★)` : ""}`,
    `Shared ${moneyRange(r.shared.monthlyCost)}${flag(r.assumption.shared)}\nDedicated ${moneyRange(r.dedicated.monthlyCost)}${flag(r.assumption.dedicated)}\n${r.caveats[0] ?? ""}`,
  ]);
  for (let k = 0; k < pairs.length; k += 10) out.push(fields(pairs.slice(k, k + 10)));
  const t = REGIONS.totalCost;
  const p = (x: number) => `${Math.round(x * 100)}%`;
  out.push(
    context(
      `Total-cost reality check: offshore saves ${p(t.offshoreRawSavings.low)}–${p(t.offshoreRawSavings.high)} on the raw rate but ${p(t.offshoreTotalSavings.low)}–${p(t.offshoreTotalSavings.high)} on total cost once attrition, retraining and escalations count, and hidden costs add ${p(t.hiddenCosts.low)}–${p(t.hiddenCosts.high)} (helpdeskfocus.com). Offshore centers offer fewer services, and accents and time zones matter to some customers (the guide).`,
    ),
    context(
      ...rows
        .slice(0, 10)
        .map((r) => `${r.label}: shared: ${r.source.shared}; dedicated: ${r.source.dedicated}`),
    ),
  );
  return out;
}

/** Follow-up buttons: the chart, change the inputs, save them as the profile, compare vendors. */
export function withFollowUps(
  reply: Reply,
  next: { text: string; saveProfile: string; compare: string },
): Reply {
  const extra = [
    commandButton("Cost chart", "estimate", `${next.text} chart`),
    formButton("Change inputs", "estimate", `edit ${next.text}`),
    commandButton("Save as profile", "advise", `update ${next.saveProfile}`),
    commandButton("Compare vendors", "vendor", `compare ${next.compare}`),
  ].filter((b): b is Button => b !== undefined);
  if (!extra.length) return reply;
  const blocks = [...reply.blocks];
  const last = blocks.at(-1);
  if (last?.type === "actions" && last.elements.length + extra.length <= 25)
    blocks[blocks.length - 1] = { ...last, elements: [...last.elements, ...extra] };
  else blocks.push(actions(extra));
  return { ...reply, blocks: fitMessage(blocks) };
}

/** Say that the estimate was made from the saved profile. */
export function withProfileNote(reply: Reply, text: string): Reply {
  return {
    ...reply,
    blocks: [
      reply.blocks[0],
      context(`From your saved profile: \`${text}\``),
      ...reply.blocks.slice(1),
    ].filter((b): b is KnownBlock => b !== undefined),
  };
}

/**
 * Agents by hour as text bars (the busiest interval of each hour), when the day is not flat. A phone
 * shows about a dozen lines of a section: a longer day is shown in blocks of two or three hours, and
 * the bars are characters, not a monospace table, which wraps on a narrow screen.
 */
function agentBars(intervals: Estimate["dedicated"]["intervals"]): string | undefined {
  const byHour = new Map<number, number>();
  for (const iv of intervals) {
    const hour = Number(iv.start.slice(0, 2));
    byHour.set(hour, Math.max(byHour.get(hour) ?? 0, iv.agents));
  }
  const hours = [...byHour];
  const values = hours.map(([, n]) => n);
  const top = Math.max(...values);
  if (hours.length < 2 || values.every((v) => v === top) || top <= 0) return undefined;
  const per = Math.ceil(hours.length / 11);
  const hh = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;
  const width = 16;
  const lines: string[] = [];
  for (let i = 0; i < hours.length; i += per) {
    const block = hours.slice(i, i + per);
    const first = block[0]?.[0] ?? 0;
    const last = block.at(-1)?.[0] ?? first;
    const n = Math.max(...block.map(([, v]) => v));
    const label = per === 1 ? hh(first) : `${hh(first)}–${hh(last + 1)}`;
    lines.push(
      `\`${label}\` ${"█".repeat(Math.max(n > 0 ? 1 : 0, Math.round((n / top) * width)))} ${int(n)}`,
    );
  }
  const each = per === 1 ? "each hour" : `each ${per} hours`;
  return `*Agents by hour* (productive, busiest interval of ${each})\n${lines.join("\n")}`;
}

/** The calls of the busiest interval, as one /cc-staffing solve (the flat average when the day is flat). */
function peakVoiceLoad(e: Estimate) {
  const i = e.inputs;
  const intervals = dayIntervalsOf(i);
  const peak = intervals.reduce((best, iv) =>
    (iv.contacts ?? iv.share) > (best.contacts ?? best.share) ? iv : best,
  );
  const days = i.coverageHoursPerMonth / i.coverage.hoursPerDay; // open days a month
  const calls = peak.contacts ?? (i.contactsPerMonth / days) * peak.share;
  return {
    ...hourlyLoad(i, i.contactsPerMonth, i.coverageHoursPerMonth),
    callsPerInterval: calls,
    intervalSeconds: peak.seconds,
  };
}
