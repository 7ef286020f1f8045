import type { Button, KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import { describeCoverage } from "../core/estimate/coverage.ts";
import type { Estimate, Model } from "../core/estimate/model.ts";
import { hourlyLoad } from "../core/estimate/model.ts";
import type { Range } from "../core/estimate/pricing.ts";
import type { ReadingSummary } from "../core/read/summary.ts";
import { actions, context, divider, fields, fitMessage, header, section } from "./blocks.ts";
import { commandButton, formButton } from "./buttons.ts";
import { readingBlocks } from "./reading.ts";
import { decimal, duration, erlangs, int, longWaitLine, percent, staffingCommandText } from "./staffing.ts";

export const money = (x: number): string => (x < 100 && x % 1 !== 0 ? `$${decimal(x, 2)}` : `$${int(x)}`);

const moneyRange = (r: Range): string =>
  r.low === r.high ? money(r.low) : `${money(r.low)} – ${money(r.high)}`;
const rate = (x: number): string => `$${decimal(x, x % 1 === 0 ? 0 : 2)}`;
const rateRange = (r: Range): string => (r.low === r.high ? rate(r.low) : `${rate(r.low)}–${rate(r.high)}`);

const MODEL_NAMES: Record<Model, string> = {
  shared: "Shared agents (per minute)",
  "semi-dedicated": "Semi-dedicated agents",
  dedicated: "Dedicated agents (hourly)",
};

export interface EstimateView {
  estimate: Estimate;
  /** Defaults applied to fields left out. */
  defaults: string[];
  /** How typed values were converted (e.g. a daily volume). */
  readAs: string[];
  /** What was understood from free text, and warnings. */
  reading?: ReadingSummary;
}

function recommendationText(e: Estimate): string {
  const be = e.breakEvenMonthlyContacts;
  const volume = int(e.inputs.contactsPerMonth);
  switch (e.recommended) {
    case "dedicated":
      return `At ${volume} contacts a month your volume keeps dedicated agents busy enough that they cost no more than paying by the minute, and you get agents who know only your business.`;
    case "semi-dedicated":
      return `At ${volume} contacts a month you are close to the point where dedicated agents pay off${be ? ` (about ${int(be)})` : ""}. Semi-dedicated agents, shared with one or two other accounts, give more attention than a shared pool for less than a dedicated team.`;
    default:
      return `At ${volume} contacts a month, keeping agents only for you would leave them waiting between contacts; paying by the minute for a shared pool is cheaper${be ? ` until about ${int(be)} contacts a month` : ""}.`;
  }
}

export function renderEstimate(view: EstimateView): Reply {
  const e = view.estimate;
  const i = e.inputs;
  const d = e.dedicated;
  const handle = [
    `talk ${duration(i.talkSeconds)}`,
    i.wrapSeconds ? `wrap-up ${duration(i.wrapSeconds)}` : "",
    i.holdSeconds ? `hold ${duration(i.holdSeconds)}` : "",
  ]
    .filter(Boolean)
    .join(" + ");
  const title = `Monthly cost estimate: ${int(i.contactsPerMonth)} contacts`;
  const intro =
    `*${int(i.contactsPerMonth)} contacts a month*, ${handle} each, answered ${describeCoverage(i.coverage)}, ` +
    `${int(i.coverageHoursPerMonth)} hours a month, billed in ${i.billingIncrementSeconds === 60 ? "whole minutes" : i.billingIncrementSeconds === 1 ? "seconds" : `${duration(i.billingIncrementSeconds)} increments`}.` +
    (e.premiumPercent ? ` Costs include +${e.premiumPercent}% in premiums (below).` : "");

  const sharedValue =
    `*${moneyRange(e.shared.monthlyCost)}* a month.\n` +
    `${int(e.shared.billableMinutes)} billable minutes (${decimal(e.shared.billedMinutesPerContact, 2)} a contact) at ${rateRange(i.sharedRate)} a minute.`;
  const dedicatedValue =
    `*${moneyRange(d.monthlyCost)}* a month.\n` +
    `${int(d.scheduledAgents)} scheduled agent${d.scheduledAgents === 1 ? "" : "s"} (${int(d.agents)} on the phones), ` +
    `${int(d.agentHours)} agent-hours at ${rateRange(i.hourlyRate)} an hour.`;
  const where =
    e.semiDedicated.position === 0.5
      ? "Halfway between shared and dedicated"
      : `${percent(e.semiDedicated.position)} of the way from shared to dedicated`;
  const semiValue = `*${moneyRange(e.semiDedicated.monthlyCost)}* a month.\n${where} (assumption: the guide gives no figure).`;
  const breakEven =
    e.breakEvenMonthlyContacts === null
      ? "Dedicated never becomes cheaper at these rates."
      : `About *${int(e.breakEvenMonthlyContacts)}* contacts a month (midpoint rates).`;

  const blocks: KnownBlock[] = [
    header(title),
    section(intro),
    fields([
      [`${MODEL_NAMES.shared}${e.recommended === "shared" ? " ★" : ""}`, sharedValue],
      [`${MODEL_NAMES["semi-dedicated"]}${e.recommended === "semi-dedicated" ? " ★" : ""}`, semiValue],
      [`${MODEL_NAMES.dedicated}${e.recommended === "dedicated" ? " ★" : ""}`, dedicatedValue],
      ["Break-even volume", breakEven],
    ]),
    section(`:star: *Recommended: ${MODEL_NAMES[e.recommended].toLowerCase()}.* ${recommendationText(e)}`),
    divider(),
    section(
      `*Queue with dedicated agents* (${decimal(d.callsPerHour, 1)} contacts an hour on average, ${erlangs(d.trafficErlangs)} Erlangs)\n` +
        `${percent(d.serviceLevel)} answered within ${duration(i.answerSeconds)} (target ${percent(i.target)}) · ` +
        `average wait to answer ${duration(d.asaSeconds)} · occupancy ${percent(d.occupancy)} · ` +
        `${percent(d.probWait)} wait at all\n` +
        `:hourglass: ${longWaitLine(d.probWaitOver5Min, { count: i.contactsPerMonth, per: "a month" })}`,
    ),
  ];
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
  if (notes.length) blocks.push(context(...notes));
  blocks.push(...readingBlocks(view.reading));
  blocks.push(context(...e.assumptions));

  const buttons: Array<Button | undefined> = [
    commandButton(
      "Staffing details",
      "staffing",
      staffingCommandText(hourlyLoad(i, i.contactsPerMonth, i.coverageHoursPerMonth)),
    ),
    formButton("New estimate", "estimate"),
  ];
  const shown = buttons.filter((b): b is Button => b !== undefined);
  if (shown.length) blocks.push(actions(shown));

  const text =
    `${title}: shared ${moneyRange(e.shared.monthlyCost)}, semi-dedicated ${moneyRange(e.semiDedicated.monthlyCost)}, ` +
    `dedicated ${moneyRange(d.monthlyCost)} a month; recommended: ${e.recommended}.`;
  return { text, blocks: fitMessage(blocks), visibility: "ephemeral" };
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
