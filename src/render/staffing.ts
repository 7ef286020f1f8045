import type { Button, KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import { formatInt, formatNumber } from "../core/format/number.ts";
import type { ChannelResult, GridCell } from "../core/staffing/channel.ts";
import type { StaffingModel, StaffingParse } from "../core/staffing/parse.ts";
import type { StaffingInput } from "../core/staffing/solve.ts";
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
export const staffingCommandText = (i: StaffingInput, m?: StaffingModel): string => {
  const email = m?.channel === "email";
  return [
    `calls=${Math.round(i.callsPerInterval * 1e4) / 1e4}`,
    `interval=${durationArg(i.intervalSeconds)}`,
    `aht=${durationArg(i.ahtSeconds)}`,
    ...(m && m.channel !== "voice" ? [`channel=${m.channel}`] : []),
    ...(m?.channel === "chat" ? [`concurrency=${m.concurrency}`] : []),
    email
      ? `response=${i.answerSeconds % 3600 === 0 ? `${i.answerSeconds / 3600}h` : durationArg(i.answerSeconds)}`
      : `answer=${durationArg(i.answerSeconds)}`,
    `target=${rateArg(i.target)}`,
    `shrinkage=${rateArg(i.shrinkage)}`,
    `max-occupancy=${rateArg(i.maxOccupancy)}`,
    ...(m?.patienceSeconds !== undefined ? [`patience=${durationArg(m.patienceSeconds)}`] : []),
    ...(m?.maxAbandon !== undefined ? [`max-abandon=${rateArg(m.maxAbandon)}`] : []),
    ...(m?.agents !== undefined ? [`agents=${m.agents}`] : []),
  ].join(" ");
};

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

const NOUN: Record<StaffingModel["channel"], [string, string]> = {
  voice: ["call", "calls"],
  chat: ["chat", "chats"],
  email: ["e-mail", "e-mails"],
};

/** What the model assumes, in one line: Erlang C says nobody hangs up; Erlang A names the patience. */
export const modelLine = (r: ChannelResult, m: StaffingModel): string =>
  r.channel === "email"
    ? "Erlang C with the response target as the answer time: e-mails wait in a queue, nobody waits on the line, so there are no waiting statistics."
    : r.model === "erlang-a"
      ? `Erlang A: contacts arrive at random, handle times are exponential, and waiting callers hang up after ${duration(m.patienceSeconds ?? 0)} on average (exponential patience); those who hang up count as not answered. Shrinkage changes the headcount, never the queue.`
      : "Erlang C: calls arrive at random, handle times are exponential, and callers are assumed never to hang up while waiting (add `patience=60s` for Erlang A). Shrinkage changes the headcount, never the queue.";

export function renderStaffing(parse: StaffingParse, r: ChannelResult, grid?: GridCell[]): Reply {
  const i = parse.input;
  const m = parse.model;
  const [one, many] = NOUN[r.channel];
  const fixed = m.agents !== undefined;
  const title = fixed
    ? `Staffing at ${agentsWord(r.agents)}: ${r.overloaded ? "not enough to carry the traffic" : `${percent(r.serviceLevel)} answered in time`}`
    : `Staffing: ${int(r.agents)} agent${r.agents === 1 ? "" : "s"}, ${int(r.scheduledAgents)} scheduled`;
  const binding =
    r.bindingConstraint === "fixed"
      ? ""
      : r.bindingConstraint === "occupancy"
        ? ` The ${percent(i.maxOccupancy)} occupancy limit sets this number; the service level alone would need fewer.`
        : r.bindingConstraint === "abandonment"
          ? ` The ${percent(m.maxAbandon ?? 0)} abandonment limit sets this number.`
          : ` The service-level target sets this number.`;
  const chat =
    r.channel === "chat"
      ? ` Each agent handles *${int(r.concurrency)} chats at once*: the queue needs *${int(r.slots)} agent slots*, so ${int(r.slots)} ÷ ${int(r.concurrency)} rounded up.`
      : "";
  const load = `For *${decimal(i.callsPerInterval, i.callsPerInterval % 1 ? 2 : 0)} ${many}* every *${duration(i.intervalSeconds)}* with an average handle time of *${duration(i.ahtSeconds)}* (*${erlangs(r.trafficErlangs)} Erlangs* of traffic)`;
  const intro = r.overloaded
    ? `${load}, *${agentsWord(r.agents)}* cannot carry the load: the traffic is at least the number of agents, so under Erlang C the queue grows without end and the wait has no finite average. At least *${int(Math.floor(r.trafficErlangs) + 1)} agents* are needed just to keep up (more to meet a service level).`
    : fixed
      ? `${load}, *${agentsWord(r.agents)}* (${int(r.scheduledAgents)} on the schedule with ${percent(i.shrinkage)} shrinkage) give the figures below.${chat}`
      : `${load}, you need *${agentsWord(r.agents)}* taking ${many} and *${int(r.scheduledAgents)} on the schedule* once ${percent(i.shrinkage)} shrinkage is counted.${binding}${chat}`;
  const answerLabel = r.channel === "email" ? "response target" : "";
  const rows: Array<[string, string]> = [
    ["Traffic", `${erlangs(r.trafficErlangs)} Erlangs${r.channel === "chat" ? " (slot traffic)" : ""}`],
    fixed ? ["Agents", `${int(r.agents)} (given)`] : ["Agents needed", `${int(r.agents)} productive`],
    ...(r.channel === "chat"
      ? ([["Agent slots", `${int(r.slots)} (${int(r.concurrency)} chats per agent)`]] as Array<
          [string, string]
        >)
      : []),
    ["Scheduled headcount", `${int(r.scheduledAgents)} (with ${percent(i.shrinkage)} shrinkage)`],
    [
      "Service level",
      `${percent(r.serviceLevel)} answered within ${duration(i.answerSeconds)}${answerLabel ? ` (${answerLabel})` : ""} (target ${percent(i.target)})`,
    ],
    ["Occupancy", `${percent(r.occupancy)} (limit ${percent(i.maxOccupancy)})`],
  ];
  if (r.channel !== "email") {
    rows.push(["Chance a caller waits", percent(r.probWait)]);
    rows.push([
      "Average speed of answer",
      r.asaSeconds === null ? "no finite average" : duration(r.asaSeconds),
    ]);
    if (r.model === "erlang-a") {
      rows.push([
        "Abandonment",
        `${percent(r.abandonRate ?? 0)}${m.maxAbandon !== undefined ? ` (limit ${percent(m.maxAbandon)})` : ""}`,
      ]);
      rows.push(["Average wait, all callers", r.avgWaitSeconds === null ? "—" : duration(r.avgWaitSeconds)]);
    }
    rows.push(["Waits over 5 minutes", percent(r.probWaitOver5Min ?? 0)]);
  }
  if (r.bindingConstraint !== "fixed")
    rows.push([
      "Set by",
      r.bindingConstraint === "occupancy"
        ? "occupancy limit"
        : r.bindingConstraint === "abandonment"
          ? "abandonment limit"
          : "service-level target",
    ]);
  const blocks: KnownBlock[] = [header(title), section(intro), fields(rows.slice(0, 10))];
  if (rows.length > 10) blocks.push(fields(rows.slice(10)));
  if (r.channel !== "email" && r.probWaitOver5Min !== null && !r.overloaded)
    blocks.push(section(`:hourglass: ${longWaitLine(r.probWaitOver5Min)}`));
  if (grid?.length) blocks.push(section(gridText(grid, i, one, fixed)));
  const notes = [`Solved: \`${staffingCommandText(i, m)}\``];
  if (parse.defaults.length) notes.push(`Not given, so assumed: ${parse.defaults.join(", ")}.`);
  notes.push(modelLine(r, m));
  blocks.push(context(...notes));
  blocks.push(...readingBlocks(parse.reading, parse.readAs));
  const more = commandButton(
    `With 20% more ${many}`,
    "staffing",
    staffingCommandText({ ...i, callsPerInterval: i.callsPerInterval * 1.2 }, m),
  );
  const whatIf = grid?.length
    ? undefined
    : commandButton("What if (grid)", "staffing", `${staffingCommandText(i, m)} grid`);
  const change = formButton("Change inputs", "staffing", `edit ${staffingCommandText(i, m)}`);
  const buttons = [more, whatIf, change].filter((b): b is Button => b !== undefined);
  if (buttons.length) blocks.push(actions(buttons));
  const text = r.overloaded
    ? `${title}: ${erlangs(r.trafficErlangs)} Erlangs need more than ${agentsWord(r.agents)}.`
    : `${title}: ${percent(r.serviceLevel)} answered within ${duration(i.answerSeconds)}${r.asaSeconds !== null ? `, ASA ${duration(r.asaSeconds)}` : ""}${r.abandonRate !== null ? `, ${percent(r.abandonRate)} abandon` : ""}, occupancy ${percent(r.occupancy)}.`;
  return { text, blocks: fitMessage(blocks), visibility: "ephemeral" };
}

/** Agents (and service level) for ±20% volume and ±1 minute handle time: the planner's next question. */
function gridText(grid: GridCell[], i: StaffingInput, one: string, fixed: boolean): string {
  const ahts = [...new Set(grid.map((c) => c.ahtSeconds))];
  const head = `*What if* (${fixed ? "the agents given" : "agents needed"}, service level) — rows: volume, columns: handle time\n`;
  const lines = [`\`${"".padEnd(10)}${ahts.map((a) => duration(a).padStart(16)).join("")}\``];
  for (const f of [0.8, 1, 1.2]) {
    const row = grid.filter((c) => c.volumeFactor === f);
    const label = `${f === 1 ? "as given" : f < 1 ? "−20%" : "+20%"}`.padEnd(10);
    lines.push(
      `\`${label}${row.map((c) => `${int(c.agents)} · ${percent(c.serviceLevel)}`.padStart(16)).join("")}\``,
    );
  }
  return `${head}${lines.join("\n")}\n_${decimal(i.callsPerInterval, 1)} ${one}s ±20%; handle time ${duration(i.ahtSeconds)} ±1 min._`;
}
