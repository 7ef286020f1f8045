import { formatInt, formatNumber } from "../format/number.ts";
import { type ChannelResult, solveChannel } from "../staffing/channel.ts";
import { DEFAULT_CONCURRENCY, DEFAULT_RESPONSE_SECONDS, type StaffingModel } from "../staffing/parse.ts";
import type { FieldNames, StaffingInput, StaffingResult } from "../staffing/solve.ts";
import { expectedBilledMinutes } from "./billing.ts";
import { type Coverage, isTwentyFourSeven, monthlyCoverageHours } from "./coverage.ts";
import {
  clock,
  type DayInterval,
  DEFAULT_SHAPE,
  dayShapes,
  type HourlyCount,
  hourlyIntervals,
  shapeIntervals,
} from "./day-shape.ts";
import { midpoint, type Pricing, type Range } from "./pricing.ts";
import { type Model, recommendModel } from "./recommend.ts";
import type { LocationRates } from "./regions.ts";

export interface EstimateInput {
  contactsPerMonth: number;
  talkSeconds: number;
  wrapSeconds: number;
  holdSeconds: number;
  /** Whether the provider bills hold time (the guide says it should not). */
  holdBilled: boolean;
  coverage: Coverage;
  billingIncrementSeconds: number;
  target: number;
  answerSeconds: number;
  shrinkage: number;
  maxOccupancy: number;
  /** Per-minute rate range for shared agents; the guide's range when not given. */
  sharedRate?: Range | undefined;
  /** Per-agent-hour rate range for dedicated agents; the guide's range when not given. */
  hourlyRate?: Range | undefined;
  licensed: boolean;
  /** Languages besides English. */
  languages: string[];
  /** A region whose published rates replace the guide's US ones (rates typed by the user still win). */
  location?: LocationRates | undefined;
  /** Chats a month and their handle time (elapsed with the agent), besides the calls. */
  chats?: { contactsPerMonth: number; handleSeconds: number } | undefined;
  /** E-mails (or any asynchronous contact) a month and their handle time. */
  emails?: { contactsPerMonth: number; handleSeconds: number } | undefined;
  /** Chats one agent handles at once (default 2). */
  concurrency?: number | undefined;
  /** E-mail response target in seconds (default 24 h). */
  responseSeconds?: number | undefined;
  /** Average patience of waiting callers and chatters: Erlang A when given. */
  patienceSeconds?: number | undefined;
  maxAbandon?: number | undefined;
  /** Whether the provider bills paid hours (shrinkage included, the default) or productive hours. */
  billingBasis?: BillingBasis | undefined;
  /** Hours a full-time person works a week, for FTE (default 40). */
  fteHoursPerWeek?: number | undefined;
  /** A named day shape from data/day-shapes.json (default flat). */
  shape?: string | undefined;
  /** Contacts per hour of one open day; replaces the shape (and then the monthly volume is derived). */
  hourly?: HourlyCount[] | undefined;
  /** Length of the intervals staffed one by one, in seconds (default an hour). */
  intervalSeconds?: number | undefined;
}

export type BillingBasis = "paid" | "productive";
export type EstimateChannel = "voice" | "chat" | "email";

export const DEFAULT_FTE_HOURS_PER_WEEK = 40;

/** One channel of the dedicated team: its own seats, agent-hours, FTE and service level. */
export interface ChannelStaff {
  channel: EstimateChannel;
  contactsPerMonth: number;
  handleSeconds: number;
  seats: number;
  agentHours: number;
  paidAgentHours: number;
  fte: number;
  serviceLevel: number;
  abandonRate: number | null;
}

/** One interval of an open day, all channels together. */
export interface IntervalStaff {
  start: string;
  contacts: number;
  agents: number;
  scheduledAgents: number;
}

export type { Model };

export interface AppliedPremium {
  id: "24/7" | "licensed" | "languages";
  label: string;
  percent: number;
  /** True when the guide names the premium but gives no figure. */
  assumption: boolean;
  note: string;
}

export interface Estimate {
  inputs: EstimateInput & { sharedRate: Range; hourlyRate: Range; coverageHoursPerMonth: number };
  shared: {
    billedMinutesPerContact: number;
    billableMinutes: number;
    monthlyCost: Range;
  };
  dedicated: {
    callsPerHour: number;
    trafficErlangs: number;
    agents: number;
    scheduledAgents: number;
    agentHours: number;
    serviceLevel: number;
    asaSeconds: number;
    occupancy: number;
    probWait: number;
    probWaitOver5Min: number;
    bindingConstraint: StaffingResult["bindingConstraint"] | "abandonment";
    monthlyCost: Range;
    /** Peak productive agents at once (the largest interval, all channels). */
    seats: number;
    /** Paid agent-hours a month ÷ hours a full-time person works a month. */
    fte: number;
    billingBasis: BillingBasis;
    /** Agent-hours paid a month (scheduled, shrinkage included) and productive (logged in). */
    paidAgentHours: number;
    productiveAgentHours: number;
    model: "erlang-c" | "erlang-a";
    abandonRate: number | null;
    shape: string;
    byChannel: ChannelStaff[];
    intervals: IntervalStaff[];
    /** The busiest interval of the day. */
    peakInterval: IntervalStaff;
  };
  /** Position between shared (0) and dedicated (1), from data/pricing.json. */
  /** `offered` is false below one full-time agent's work: no provider sells it, so it is not priced. */
  semiDedicated: { monthlyCost: Range; position: number; offered: boolean };
  /** The cheapest option offered, at the midpoints of the rate ranges. */
  recommended: Model;
  recommendedReason: string;
  runnerUp: Model | null;
  /** Monthly contacts from which dedicated costs no more than shared, on the midpoints; null if never. */
  breakEvenMonthlyContacts: number | null;
  premiums: AppliedPremium[];
  /** Sum of the premiums applied to every model, in percent. */
  premiumPercent: number;
  assumptions: string[];
}

/** Keys as the estimate command names them, so a solve error points at the right field. */
export const ESTIMATE_FIELD_NAMES: FieldNames = {
  callsPerInterval: "contacts",
  intervalSeconds: "hours",
  ahtSeconds: "talk",
  answerSeconds: "answer",
  target: "target",
  shrinkage: "shrinkage",
  maxOccupancy: "max-occupancy",
};

export const ESTIMATE_EXAMPLE = "12000 calls a month, talk 5m, wrap 1m, hold 30s, hours 24/7, billing 60s";

const cents = (x: number) => Math.round(x * 100) / 100;
const scale = (r: Range, f: number): Range => ({ low: cents(r.low * f), high: cents(r.high * f) });

/** The hourly staffing problem for a monthly volume spread evenly over the coverage hours. */
export function hourlyLoad(input: EstimateInput, contactsPerMonth: number, hours: number): StaffingInput {
  return {
    callsPerInterval: contactsPerMonth / hours,
    intervalSeconds: 3600,
    ahtSeconds: input.talkSeconds + input.holdSeconds + input.wrapSeconds,
    answerSeconds: input.answerSeconds,
    target: input.target,
    shrinkage: input.shrinkage,
    maxOccupancy: input.maxOccupancy,
  };
}

/** Mean billable minutes per contact before rounding: talk + wrap (+ hold when billed). */
const billedMean = (input: EstimateInput): number =>
  (input.talkSeconds + input.wrapSeconds + (input.holdBilled ? input.holdSeconds : 0)) / 60;

const billedMinutesPerContact = (input: EstimateInput): number =>
  expectedBilledMinutes(billedMean(input), input.billingIncrementSeconds / 60);

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One channel's monthly workload, as the dedicated sizing and shared billing see it. */
export interface ChannelLoad {
  channel: EstimateChannel;
  contactsPerMonth: number;
  handleSeconds: number;
  /** Billed minutes per contact on the shared model (after rounding up to the increment). */
  billedMinutes: number;
  concurrency: number;
  answerSeconds: number;
}

/** Every channel with contacts: calls (talk + hold + wrap), chats and e-mails with their own times. */
export function loadsOf(input: EstimateInput): ChannelLoad[] {
  const inc = input.billingIncrementSeconds / 60;
  const out: ChannelLoad[] = [];
  if (input.contactsPerMonth > 0)
    out.push({
      channel: "voice",
      contactsPerMonth: input.contactsPerMonth,
      handleSeconds: input.talkSeconds + input.holdSeconds + input.wrapSeconds,
      billedMinutes: billedMinutesPerContact(input),
      concurrency: 1,
      answerSeconds: input.answerSeconds,
    });
  if (input.chats && input.chats.contactsPerMonth > 0)
    out.push({
      channel: "chat",
      contactsPerMonth: input.chats.contactsPerMonth,
      handleSeconds: input.chats.handleSeconds,
      billedMinutes: expectedBilledMinutes(input.chats.handleSeconds / 60, inc),
      concurrency: input.concurrency ?? DEFAULT_CONCURRENCY,
      answerSeconds: input.answerSeconds,
    });
  if (input.emails && input.emails.contactsPerMonth > 0)
    out.push({
      channel: "email",
      contactsPerMonth: input.emails.contactsPerMonth,
      handleSeconds: input.emails.handleSeconds,
      billedMinutes: expectedBilledMinutes(input.emails.handleSeconds / 60, inc),
      concurrency: 1,
      answerSeconds: input.responseSeconds ?? DEFAULT_RESPONSE_SECONDS,
    });
  return out;
}

export const totalContacts = (input: EstimateInput): number =>
  loadsOf(input).reduce((s, l) => s + l.contactsPerMonth, 0);

/** The intervals of one open day: from the hourly counts when given, else from the day shape. */
export function dayIntervalsOf(input: EstimateInput): DayInterval[] {
  const seconds = input.intervalSeconds ?? 3600;
  if (input.hourly?.length) return hourlyIntervals(input.hourly, seconds);
  const shape = dayShapes()[input.shape ?? DEFAULT_SHAPE] ?? dayShapes()[DEFAULT_SHAPE];
  if (!shape) throw new Error("data/day-shapes.json has no flat shape");
  return shapeIntervals(input.coverage, shape, seconds);
}

/** Open days in an average month: days a week × weeks a year / 12. */
const openDaysPerMonth = (input: EstimateInput, pricing: Pricing) =>
  (input.coverage.daysPerWeek * pricing.coverage.weeksPerYear) / 12;

export interface DedicatedSizing {
  byChannel: ChannelStaff[];
  intervals: IntervalStaff[];
  peakInterval: IntervalStaff;
  seats: number;
  peakScheduled: number;
  paidAgentHours: number;
  productiveAgentHours: number;
  fte: number;
  /** Contact-weighted queue figures (waiting figures over calls and chats only). */
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  probWait: number;
  probWaitOver5Min: number;
  abandonRate: number | null;
  trafficErlangs: number;
  bindingConstraint: Estimate["dedicated"]["bindingConstraint"];
  model: "erlang-c" | "erlang-a";
}

/**
 * The dedicated team, interval by interval: each channel's contacts of each interval are staffed on
 * their own (productive N, scheduled S = ceil(N / (1 − shrinkage))); agent-hours of a day are Σ S × length
 * (paid) or Σ N × length (productive), times the open days of a month; seats are the peak Σ N.
 */
/** The model one channel is sized with: Erlang A where callers hang up (never for e-mail). */
const channelModel = (input: EstimateInput, load: ChannelLoad): StaffingModel => ({
  channel: load.channel,
  concurrency: load.concurrency,
  ...(input.patienceSeconds !== undefined && load.channel !== "email"
    ? { patienceSeconds: input.patienceSeconds, maxAbandon: input.maxAbandon }
    : {}),
});

/** The contacts of one interval: an hourly day's calls are the counts typed, the rest follow shares. */
const intervalContacts = (load: ChannelLoad, iv: DayInterval, daily: number, scale: number): number =>
  load.channel === "voice" && iv.contacts !== undefined ? iv.contacts * scale : daily * iv.share;

/** One interval of one channel, sized on its own. */
const solveInterval = (
  input: EstimateInput,
  load: ChannelLoad,
  model: StaffingModel,
  contacts: number,
  seconds: number,
): ChannelResult =>
  solveChannel(
    {
      callsPerInterval: contacts,
      intervalSeconds: seconds,
      ahtSeconds: load.handleSeconds,
      answerSeconds: load.answerSeconds,
      target: input.target,
      shrinkage: input.shrinkage,
      maxOccupancy: input.maxOccupancy,
    },
    model,
    ESTIMATE_FIELD_NAMES,
    ESTIMATE_EXAMPLE,
  );

export function sizeDedicated(input: EstimateInput, pricing: Pricing, scale = 1): DedicatedSizing {
  const loads = loadsOf(input);
  const intervals = dayIntervalsOf(input);
  const days = openDaysPerMonth(input, pricing);
  const fteHours =
    ((input.fteHoursPerWeek ?? DEFAULT_FTE_HOURS_PER_WEEK) * pricing.coverage.weeksPerYear) / 12;
  const erlangA = input.patienceSeconds !== undefined && loads.some((l) => l.channel !== "email");
  const perInterval = intervals.map((iv) => ({
    start: clock(iv.startMinutes),
    contacts: 0,
    agents: 0,
    scheduledAgents: 0,
  }));
  const byChannel: ChannelStaff[] = [];
  let slWeighted = 0;
  let contactsAll = 0;
  let waitContacts = 0;
  let asa = 0;
  let pw = 0;
  let over5 = 0;
  let abandon = 0;
  let occupancyWeighted = 0;
  let traffic = 0;
  let peakResult: ChannelResult | undefined;
  let peakContacts = -1;
  for (const load of loads) {
    const daily = (load.contactsPerMonth * scale) / days;
    const model = channelModel(input, load);
    const cache = new Map<string, ChannelResult>();
    let paid = 0;
    let productive = 0;
    let seats = 0;
    let sl = 0;
    let ab = 0;
    let contactsDay = 0;
    intervals.forEach((iv, idx) => {
      const contacts = intervalContacts(load, iv, daily, scale);
      const key = `${contacts}|${iv.seconds}`;
      let r = cache.get(key);
      if (!r) {
        r = solveInterval(input, load, model, contacts, iv.seconds);
        cache.set(key, r);
      }
      const hours = iv.seconds / 3600;
      paid += r.scheduledAgents * hours;
      productive += r.agents * hours;
      seats = Math.max(seats, r.agents);
      const cell = perInterval[idx] as IntervalStaff;
      cell.contacts += contacts;
      cell.agents += r.agents;
      cell.scheduledAgents += r.scheduledAgents;
      sl += contacts * r.serviceLevel;
      ab += contacts * (r.abandonRate ?? 0);
      contactsDay += contacts;
      occupancyWeighted += contacts * r.occupancy;
      traffic += (r.trafficErlangs * iv.seconds) / 3600;
      if (load.channel !== "email") {
        waitContacts += contacts;
        asa += contacts * (r.asaSeconds ?? 0);
        pw += contacts * r.probWait;
        over5 += contacts * (r.probWaitOver5Min ?? 0);
        abandon += contacts * (r.abandonRate ?? 0);
      }
      if (contacts > peakContacts) {
        peakContacts = contacts;
        peakResult = r;
      }
    });
    slWeighted += sl;
    contactsAll += contactsDay;
    const only = cache.values().next().value as ChannelResult | undefined;
    byChannel.push({
      channel: load.channel,
      contactsPerMonth: load.contactsPerMonth * scale,
      handleSeconds: load.handleSeconds,
      seats,
      agentHours: (input.billingBasis === "productive" ? productive : paid) * days,
      paidAgentHours: paid * days,
      fte: (paid * days) / fteHours,
      serviceLevel: contactsDay > 0 ? sl / contactsDay : (only?.serviceLevel ?? 1),
      abandonRate: erlangA && load.channel !== "email" ? (contactsDay > 0 ? ab / contactsDay : 0) : null,
    });
  }
  const paidAgentHours = byChannel.reduce((s, c) => s + c.paidAgentHours, 0);
  const productiveAgentHours = byChannel.reduce(
    (s, c) => s + (input.billingBasis === "productive" ? c.agentHours : 0),
    0,
  );
  const peak = perInterval.reduce(
    (best, c) =>
      c.agents > best.agents || (c.agents === best.agents && c.contacts > best.contacts) ? c : best,
    perInterval[0] as IntervalStaff,
  );
  const w = (x: number, by: number) => (by > 0 ? x / by : 0);
  const openHours = intervals.reduce((s, iv) => s + iv.seconds, 0) / 3600;
  return {
    byChannel,
    intervals: perInterval,
    peakInterval: peak,
    seats: Math.max(...perInterval.map((c) => c.agents)),
    peakScheduled: Math.max(...perInterval.map((c) => c.scheduledAgents)),
    paidAgentHours,
    productiveAgentHours:
      input.billingBasis === "productive"
        ? productiveAgentHours
        : byChannel.reduce((s, c) => s + c.paidAgentHours, 0) * (1 - input.shrinkage),
    fte: w(paidAgentHours, fteHours),
    serviceLevel: w(slWeighted, contactsAll),
    asaSeconds: w(asa, waitContacts),
    occupancy: w(occupancyWeighted, contactsAll),
    probWait: w(pw, waitContacts),
    probWaitOver5Min: w(over5, waitContacts),
    abandonRate: erlangA ? w(abandon, waitContacts) : null,
    trafficErlangs: w(traffic, openHours),
    bindingConstraint:
      peakResult && peakResult.bindingConstraint !== "fixed" ? peakResult.bindingConstraint : "service_level",
    model: erlangA ? "erlang-a" : "erlang-c",
  };
}

export function estimate(input: EstimateInput, pricing: Pricing): Estimate {
  const sharedRate = input.sharedRate ?? input.location?.sharedRate ?? pricing.shared.perMinute;
  const hourlyRate = input.hourlyRate ?? input.location?.hourlyRate ?? pricing.dedicated.perAgentHour;
  const hours = monthlyCoverageHours(input.coverage, pricing);

  const premiums = applicablePremiums(input, pricing);
  const premiumPercent = premiums.reduce((sum, p) => sum + p.percent, 0);
  const factor = 1 + premiumPercent / 100;

  const loads = loadsOf(input);
  const contacts = loads.reduce((s, l) => s + l.contactsPerMonth, 0);
  const billableMinutes = loads.reduce((s, l) => s + l.billedMinutes * l.contactsPerMonth, 0);
  const perContact = contacts > 0 ? billableMinutes / contacts : billedMinutesPerContact(input);
  const sharedCost = scale(sharedRate, billableMinutes * factor);

  const sized = sizeDedicated(input, pricing);
  const billingBasis: BillingBasis = input.billingBasis ?? "paid";
  const agentHours = billingBasis === "productive" ? sized.productiveAgentHours : sized.paidAgentHours;
  const dedicatedCost = scale(hourlyRate, agentHours * factor);

  const position = pricing.semiDedicated.position;
  const semiCost: Range = {
    low: cents(sharedCost.low + position * (dedicatedCost.low - sharedCost.low)),
    high: cents(sharedCost.high + position * (dedicatedCost.high - sharedCost.high)),
  };

  const breakEven = breakEvenContacts(input, sharedRate, hourlyRate, pricing);
  // An agent's worth of work counts every channel (a chat takes 1/k of an agent while it lasts).
  const workHours = loads.reduce(
    (s, l) => s + (l.contactsPerMonth * l.handleSeconds) / 3600 / l.concurrency,
    0,
  );
  const choice = recommendModel(
    input,
    pricing,
    { shared: sharedCost, "semi-dedicated": semiCost, dedicated: dedicatedCost },
    workHours,
  );

  const result: Estimate = {
    inputs: { ...input, sharedRate, hourlyRate, coverageHoursPerMonth: hours },
    shared: { billedMinutesPerContact: perContact, billableMinutes, monthlyCost: sharedCost },
    dedicated: {
      callsPerHour: contacts / hours,
      trafficErlangs: sized.trafficErlangs,
      agents: sized.seats,
      scheduledAgents: sized.peakScheduled,
      agentHours,
      serviceLevel: sized.serviceLevel,
      asaSeconds: sized.asaSeconds,
      occupancy: sized.occupancy,
      probWait: sized.probWait,
      probWaitOver5Min: sized.probWaitOver5Min,
      bindingConstraint: sized.bindingConstraint,
      monthlyCost: dedicatedCost,
      seats: sized.seats,
      fte: sized.fte,
      billingBasis,
      paidAgentHours: sized.paidAgentHours,
      productiveAgentHours: sized.productiveAgentHours,
      model: sized.model,
      abandonRate: sized.abandonRate,
      shape: input.hourly?.length ? "hourly" : (input.shape ?? DEFAULT_SHAPE),
      byChannel: sized.byChannel,
      intervals: sized.intervals,
      peakInterval: sized.peakInterval,
    },
    semiDedicated: { monthlyCost: semiCost, position, offered: choice.semiOffered },
    recommended: choice.recommended,
    recommendedReason: choice.reason,
    runnerUp: choice.runnerUp,
    breakEvenMonthlyContacts: breakEven,
    premiums,
    premiumPercent,
    assumptions: [],
  };
  result.assumptions = assumptionsOf(result, input, pricing);
  return result;
}

/**
 * Whether the billed agent-hours of the dedicated team, at every channel's volume × `scale`, stay within
 * `limit`: the same interval-by-interval sizing as sizeDedicated, without its figures, and stopping as
 * soon as the sum passes the limit (the break-even search asks this dozens of times). Busiest intervals
 * first, so an answer of "no" comes early.
 *
 * The agents an interval needs never fall as its contacts grow (every requirement gets harder with more
 * traffic, and the occupancy bound rises with it), and every interval's contacts are proportional to
 * `scale`. So when one interval needed the same agents at two scales already sized, it needs them at
 * every scale between: the bisection narrows onto the break-even and soon sizes almost nothing anew.
 * `memo: false` solves every interval every time (the tests compare the two).
 */
export function billedHoursWithin(
  input: EstimateInput,
  pricing: Pricing,
  { memo = true }: { memo?: boolean } = {},
): (scale: number, limit: number) => boolean {
  const intervals = [...dayIntervalsOf(input)].sort((a, b) => b.share - a.share);
  const days = openDaysPerMonth(input, pricing);
  const productive = input.billingBasis === "productive";
  const loads = loadsOf(input).map((load) => ({
    load,
    model: channelModel(input, load),
    // Per interval: the scales sized so far (ascending) and the billed agents at each.
    seen: intervals.map(() => ({ scales: [] as number[], agents: [] as number[] })),
  }));
  return (scale, limit) => {
    let hours = 0;
    for (const { load, model, seen } of loads) {
      const daily = (load.contactsPerMonth * scale) / days;
      let lastContacts = Number.NaN;
      let lastSeconds = Number.NaN;
      let lastAgents = 0;
      for (let idx = 0; idx < intervals.length; idx++) {
        const iv = intervals[idx] as DayInterval;
        const contacts = intervalContacts(load, iv, daily, scale);
        if (contacts !== lastContacts || iv.seconds !== lastSeconds) {
          const known = seen[idx] as { scales: number[]; agents: number[] };
          // The nearest scales sized at or below and at or above this one.
          let at = 0;
          while (at < known.scales.length && (known.scales[at] as number) < scale) at++;
          const below = known.scales[at] === scale ? at : at - 1;
          if (memo && below >= 0 && at < known.scales.length && known.agents[below] === known.agents[at]) {
            lastAgents = known.agents[at] as number;
          } else {
            const r = solveInterval(input, load, model, contacts, iv.seconds);
            lastAgents = productive ? r.agents : r.scheduledAgents;
            if (memo && known.scales[at] !== scale) {
              known.scales.splice(at, 0, scale);
              known.agents.splice(at, 0, lastAgents);
            }
          }
          lastContacts = contacts;
          lastSeconds = iv.seconds;
        }
        hours += lastAgents * (iv.seconds / 3600) * days;
        if (hours > limit) return false;
      }
    }
    return true;
  };
}

/** The same workload with every channel's volume (and hourly counts) scaled by `f`. */
export function scaleVolume(input: EstimateInput, f: number): EstimateInput {
  return {
    ...input,
    contactsPerMonth: input.contactsPerMonth * f,
    ...(input.chats ? { chats: { ...input.chats, contactsPerMonth: input.chats.contactsPerMonth * f } } : {}),
    ...(input.emails
      ? { emails: { ...input.emails, contactsPerMonth: input.emails.contactsPerMonth * f } }
      : {}),
    ...(input.hourly ? { hourly: input.hourly.map((h) => ({ ...h, contacts: h.contacts * f })) } : {}),
  };
}

function applicablePremiums(input: EstimateInput, pricing: Pricing): AppliedPremium[] {
  const out: AppliedPremium[] = [];
  const p = pricing.premiums;
  const of = (
    id: AppliedPremium["id"],
    entry: Pricing["premiums"]["licensed"],
    percent: number,
    label: string,
  ) => ({
    id,
    label,
    percent,
    assumption: entry.source === "assumption",
    note: entry.note,
  });
  if (isTwentyFourSeven(input.coverage))
    out.push(of("24/7", p.twentyFourSeven, p.twentyFourSeven.percent, p.twentyFourSeven.label));
  if (input.licensed) out.push(of("licensed", p.licensed, p.licensed.percent, p.licensed.label));
  if (input.languages.length) {
    const n = input.languages.length;
    out.push(
      of(
        "languages",
        p.perLanguage,
        p.perLanguage.percent * n,
        `${n} language${n === 1 ? "" : "s"} besides English (${input.languages.join(", ")})`,
      ),
    );
  }
  return out;
}

/**
 * The smallest monthly volume (all channels, in the same mix and day shape) at which dedicated agents
 * cost no more than shared ones, on the midpoints of both rate ranges. Premiums apply to both alike, so
 * they do not move it. Dedicated cost rises in steps (whole agents), so this is found by doubling then
 * bisection on whole contacts; null when dedicated never catches up.
 */
export function breakEvenContacts(
  input: EstimateInput,
  sharedRate: Range,
  hourlyRate: Range,
  pricing: Pricing,
  opts: { memo?: boolean } = {},
): number | null {
  const loads = loadsOf(input);
  const total = loads.reduce((s, l) => s + l.contactsPerMonth, 0);
  if (total <= 0) return null;
  const rate = midpoint(sharedRate);
  const hourly = midpoint(hourlyRate);
  const perContactShared =
    (loads.reduce((s, l) => s + l.billedMinutes * l.contactsPerMonth, 0) * rate) / total;
  // Agents are never fewer than traffic / max occupancy (slots ÷ concurrency for chat) and paid hours
  // add shrinkage, so a dedicated contact always costs at least its handle hours × rate / max occupancy
  // (/ (1 − shrinkage) when paid hours are billed): the limit at large volumes. Not below the shared
  // price: it never catches up.
  const paidFactor = input.billingBasis === "productive" ? 1 : 1 / (1 - input.shrinkage);
  const asymptote =
    (loads.reduce((s, l) => s + ((l.handleSeconds / 3600) * l.contactsPerMonth) / l.concurrency, 0) / total) *
    (hourly / input.maxOccupancy) *
    paidFactor;
  if (asymptote >= perContactShared) return null;
  const within = billedHoursWithin(input, pricing, opts);
  const cheaper = (contacts: number): boolean =>
    within(contacts / total, (contacts * perContactShared) / hourly);
  // Stay within what a solve can size (about 200,000 Erlangs at the busiest interval).
  const maxHandle = Math.max(...loads.map((l) => l.handleSeconds));
  const maxContacts = Math.floor(
    ((200_000 * input.maxOccupancy * 3600) / maxHandle) * monthlyCoverageHours(input.coverage, pricing) * 0.2,
  );
  let hi = 64;
  while (!cheaper(hi)) {
    if (hi >= maxContacts) return null;
    hi = Math.min(hi * 2, maxContacts);
  }
  let lo = Math.floor(hi / 2);
  if (lo < 1 || cheaper(lo)) lo = 0;
  // Invariant: not cheaper at lo (or lo = 0), cheaper at hi.
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cheaper(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const money = (x: number) => `$${formatNumber(x, x < 10 ? 2 : 0, 2)}`;
const moneyRange = (r: Range) => (r.low === r.high ? money(r.low) : `${money(r.low)}–${money(r.high)}`);
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const secs = (s: number) => (s % 60 === 0 && s >= 60 ? `${s / 60} min` : `${Math.round(s * 10) / 10} s`);
const increment = (s: number) => (s === 1 ? "second" : s === 60 ? "minute" : secs(s));

const rateOrigin = (
  typed: Range | undefined,
  loc: LocationRates | undefined,
  which: "shared" | "dedicated",
) =>
  typed
    ? " (yours)"
    : loc
      ? ` (${loc.label}${loc.assumption[which] ? ", an assumption" : ""}: ${loc.source[which]})`
      : which === "shared"
        ? " (the guide's US range)"
        : " (the guide's US range; larger teams tend to get the lower end)";

/** How the month became intervals: the shape of the day (or the hourly counts) and the open hours. */
function dayLine(e: Estimate, input: EstimateInput, pricing: Pricing): string {
  const i = e.inputs;
  const open = `${formatInt(i.coverageHoursPerMonth)} coverage hours a month (${input.coverage.hoursPerDay} h × ${input.coverage.daysPerWeek} days × ${pricing.coverage.weeksPerYear} weeks / 12)`;
  const len = (input.intervalSeconds ?? 3600) === 3600 ? "hour" : secs(input.intervalSeconds ?? 3600);
  const peak = e.dedicated.peakInterval;
  const peakText = `the busiest ${len} (${peak.start}) needs ${formatInt(peak.agents)} agents`;
  if (input.hourly?.length)
    return `Dedicated: your hourly counts are one open day, staffed ${len} by ${len}; the month is that day × ${formatNumber((input.coverage.daysPerWeek * pricing.coverage.weeksPerYear) / 12, 2)} open days; ${peakText}.`;
  const shape = dayShapes()[input.shape ?? DEFAULT_SHAPE];
  if (!shape || shape.id === "flat")
    return `Dedicated: the monthly volume is spread evenly over ${open}, staffed ${len} by ${len} (day shape: flat; \`shape=business-day\` or \`shape=24/7\` for a daily peak, or \`hourly=9:40,10:80,…\`). Real traffic peaks, so busy hours need more agents than this average.`;
  return `Dedicated: ${open}, each ${len} staffed on its own with the “${shape.label}” day shape${shape.source === "assumption" ? " (an assumption)" : ""}; ${peakText}.`;
}

function assumptionsOf(e: Estimate, input: EstimateInput, pricing: Pricing): string[] {
  const i = e.inputs;
  const billedParts = input.holdBilled ? "talk + wrap + hold" : "talk + wrap";
  const out = [
    `Shared: each contact is billed for ${billedParts}, rounded up to the next ${increment(input.billingIncrementSeconds)}. Contact lengths are taken as exponential (as Erlang C assumes), so with increment h and mean m a contact is billed h/(1−e^(−h/m)) on average: ${round2(e.shared.billedMinutesPerContact)} minutes here, against ${round2(billedMean(input))} unrounded.`,
    input.holdBilled
      ? "Hold time is billed, as you said; the guide advises that customers' hold time should not be."
      : "Hold time is not billed (the guide's advice; check that the contract says so).",
    dayLine(e, input, pricing),
    `${e.dedicated.model === "erlang-a" ? `Agents sized by Erlang A (waiting contacts hang up after ${secs(input.patienceSeconds ?? 0)} on average${input.maxAbandon !== undefined ? `, at most ${pct(input.maxAbandon)} abandoning` : ""})` : "Agents sized by Erlang C (callers are assumed never to hang up)"} for ${pct(input.target)} of contacts answered within ${secs(input.answerSeconds)}, at most ${pct(input.maxOccupancy)} occupancy${input.chats ? `; chats ${input.concurrency ?? DEFAULT_CONCURRENCY} at once per agent` : ""}${input.emails ? `; e-mails answered within ${secs(input.responseSeconds ?? DEFAULT_RESPONSE_SECONDS)}` : ""}. The headcount adds ${pct(input.shrinkage)} shrinkage.`,
    `Headcount: ${formatInt(e.dedicated.seats)} seats (most agents working at once), ${formatInt(Math.round(e.dedicated.paidAgentHours))} paid agent-hours a month, ${formatNumber(e.dedicated.fte, 1)} FTE at ${input.fteHoursPerWeek ?? DEFAULT_FTE_HOURS_PER_WEEK} h a week (${formatNumber(((input.fteHoursPerWeek ?? DEFAULT_FTE_HOURS_PER_WEEK) * pricing.coverage.weeksPerYear) / 12, 2)} h a month). Billing basis: ${e.dedicated.billingBasis === "paid" ? "paid hours (shrinkage hours billed; `billing-basis=productive` if the provider bills logged-in hours)" : "productive hours (logged-in; shrinkage carried in the rate)"}.`,
    `Rates: shared ${moneyRange(i.sharedRate)} a minute${rateOrigin(input.sharedRate, input.location, "shared")}, dedicated ${moneyRange(i.hourlyRate)} an agent-hour${rateOrigin(input.hourlyRate, input.location, "dedicated")}.`,
    `Semi-dedicated (assumption): ${pricing.semiDedicated.note}`,
    `Break-even: compares shared and dedicated at the midpoints of their ranges for this workload. ${pricing.recommendation.note}`,
  ];
  for (const p of e.premiums)
    out.push(
      `Premium: ${p.label}, +${p.percent}% on every model.${p.assumption ? ` Assumption: ${p.note}` : ""}`,
    );
  return out;
}
