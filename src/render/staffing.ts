import type { Button, KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import { formatInt, formatNumber } from "../core/format/number.ts";
import type { StaffingParse } from "../core/staffing/parse.ts";
import type { StaffingInput, StaffingResult } from "../core/staffing/solve.ts";
import { actions, context, fields, fitMessage, header, section } from "./blocks.ts";
import { commandButton, formButton } from "./buttons.ts";
import { readingBlocks } from "./reading.ts";

// ---- Number formats shared by the staffing and estimate replies ----

export const int = (x: number): string => formatInt(x);

export const decimal = (x: number, digits: number): string => formatNumber(x, digits);

/**
 * 0.888 → "88.8%": at most one decimal, the same in every reply. Shares that would round to 0% or
 * 100% stay visible as "< 0.1%" and "> 99.9%", since 0% waits and 100% answered are claims.
 */
export const percent = (x: number): string => {
  if (x > 0 && x < 0.0005) return "< 0.1%";
  if (x > 0.9995 && x < 1) return "> 99.9%";
  const text = decimal(x * 100, 1);
  // Trailing zeros after the decimal mark go, whichever mark the reply's locale uses.
  return `${/[.,]\d+$/.test(text) ? text.replace(/0+$/, "").replace(/[.,]$/, "") : text}%`;
};

/** "20 s", "3 min", "1 min 30 s", "1 h 5 min". */
export const duration = (seconds: number): string => {
  if (!Number.isFinite(seconds)) return "∞";
  if (seconds > 0 && seconds < 0.05) return "< 0.1 s";
  if (seconds < 60) return `${decimal(seconds, seconds < 10 && seconds % 1 !== 0 ? 1 : 0)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = Math.round(seconds - m * 60);
    return s ? `${m} min ${s} s` : `${m} min`;
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds - h * 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
};

/** Text for a command line: 90 → "90s", 1800 → "30m". */
export const durationArg = (seconds: number): string =>
  seconds % 60 === 0 && seconds > 0 ? `${seconds / 60}m` : `${Math.round(seconds * 1000) / 1000}s`;

const rateArg = (x: number) => `${Math.round(x * 1e6) / 1e4}%`;

/** The staffing input as the canonical command line, so a user sees exactly what was solved. */
export const staffingCommandText = (i: StaffingInput): string =>
  [
    `calls=${Math.round(i.callsPerInterval * 1e4) / 1e4}`,
    `interval=${durationArg(i.intervalSeconds)}`,
    `aht=${durationArg(i.ahtSeconds)}`,
    `answer=${durationArg(i.answerSeconds)}`,
    `target=${rateArg(i.target)}`,
    `shrinkage=${rateArg(i.shrinkage)}`,
    `max-occupancy=${rateArg(i.maxOccupancy)}`,
  ].join(" ");

/** The guide's point about long waits, with this queue's share of callers at risk. */
export const longWaitLine = (probOver5Min: number, contacts?: { count: number; per: string }): string => {
  const who =
    contacts && probOver5Min >= 0.0001
      ? ` (about ${int(probOver5Min * contacts.count)} contacts ${contacts.per})`
      : "";
  return `*${percent(probOver5Min)}* of callers would wait more than 5 minutes${who}. About half of customers avoid a brand after a wait that long, so keep this share near zero.`;
};

/** Erlangs with two decimals, or two significant digits when tiny (0.0008, not 0.00). */
export const erlangs = (x: number): string =>
  x > 0 && x < 0.01 ? decimal(x, Math.min(10, 1 - Math.floor(Math.log10(x)))) : decimal(x, 2);

const agentsWord = (n: number): string => `${int(n)} agent${n === 1 ? "" : "s"}`;

export function renderStaffing(parse: StaffingParse, r: StaffingResult): Reply {
  const i = parse.input;
  const title = `Staffing: ${int(r.agents)} agent${r.agents === 1 ? "" : "s"}, ${int(r.scheduledAgents)} scheduled`;
  const binding =
    r.bindingConstraint === "occupancy"
      ? `The ${percent(i.maxOccupancy)} occupancy limit sets this number; the service level alone would need fewer.`
      : `The service-level target sets this number.`;
  const intro =
    `For *${decimal(i.callsPerInterval, i.callsPerInterval % 1 ? 2 : 0)} calls* every *${duration(i.intervalSeconds)}* ` +
    `with an average handle time of *${duration(i.ahtSeconds)}* (*${erlangs(r.trafficErlangs)} Erlangs* of traffic), ` +
    `you need *${agentsWord(r.agents)}* taking calls and *${int(r.scheduledAgents)} on the schedule* ` +
    `once ${percent(i.shrinkage)} shrinkage is counted. ${binding}`;
  const blocks: KnownBlock[] = [
    header(title),
    section(intro),
    fields([
      ["Traffic", `${erlangs(r.trafficErlangs)} Erlangs`],
      ["Agents needed", `${int(r.agents)} productive`],
      ["Scheduled headcount", `${int(r.scheduledAgents)} (with ${percent(i.shrinkage)} shrinkage)`],
      [
        "Service level",
        `${percent(r.serviceLevel)} answered within ${duration(i.answerSeconds)} (target ${percent(i.target)})`,
      ],
      ["Average speed of answer", duration(r.asaSeconds)],
      ["Occupancy", `${percent(r.occupancy)} (limit ${percent(i.maxOccupancy)})`],
      ["Chance a caller waits", percent(r.probWait)],
      ["Waits over 5 minutes", percent(r.probWaitOver5Min)],
      ["Set by", r.bindingConstraint === "occupancy" ? "occupancy limit" : "service-level target"],
    ]),
    section(`:hourglass: ${longWaitLine(r.probWaitOver5Min)}`),
  ];
  const notes = [`Solved: \`${staffingCommandText(i)}\``];
  if (parse.defaults.length) notes.push(`Not given, so assumed: ${parse.defaults.join(", ")}.`);
  notes.push(
    "Erlang C: calls arrive at random, handle times are exponential, nobody hangs up while waiting. Shrinkage changes the headcount, never the queue.",
  );
  blocks.push(context(...notes));
  blocks.push(...readingBlocks(parse.reading, parse.readAs));
  const more = commandButton(
    "With 20% more calls",
    "staffing",
    staffingCommandText({ ...i, callsPerInterval: i.callsPerInterval * 1.2 }),
  );
  const change = formButton("Change inputs", "staffing", `edit ${staffingCommandText(i)}`);
  const buttons = [more, change].filter((b): b is Button => b !== undefined);
  if (buttons.length) blocks.push(actions(buttons));
  const text = `${title}: ${percent(r.serviceLevel)} answered within ${duration(i.answerSeconds)}, ASA ${duration(r.asaSeconds)}, occupancy ${percent(r.occupancy)}.`;
  return { text, blocks: fitMessage(blocks), visibility: "ephemeral" };
}
