import { scheduledAgents } from "./ceil.ts";
import { erlangB, queueMetrics } from "./erlang.ts";
import { type ErlangAMetrics, erlangAMetrics, solveErlangA } from "./erlang-a.ts";
import type { StaffingModel } from "./parse.ts";
import {
  type FieldNames,
  type StaffingInput,
  solveStaffing,
  trafficErlangs,
  validateStaffingInput,
} from "./solve.ts";

/**
 * One solve for any channel: voice and chat by Erlang C, or Erlang A when a patience is given; chat
 * sizes agent slots on the slot traffic and divides by the concurrency (an exact integer ceiling);
 * e-mail is Erlang C with the response target as the answer time and no waiting statistics.
 */
export interface ChannelResult {
  model: "erlang-c" | "erlang-a";
  channel: StaffingModel["channel"];
  /** Chats at once per agent (1 for voice and e-mail). */
  concurrency: number;
  /** Agent slots from the solver (chat), or the agents themselves. */
  slots: number;
  agents: number;
  scheduledAgents: number;
  /** Offered traffic in Erlangs (slot traffic for chat). */
  trafficErlangs: number;
  serviceLevel: number;
  probWait: number;
  /** Mean wait of answered contacts; null for e-mail or when the agents cannot carry the load. */
  asaSeconds: number | null;
  /** Mean wait of all callers; null for e-mail or when the agents cannot carry the load. */
  avgWaitSeconds: number | null;
  occupancy: number;
  /** Null for e-mail: nobody waits on the line. */
  probWaitOver5Min: number | null;
  /** Null under Erlang C (nobody hangs up). */
  abandonRate: number | null;
  bindingConstraint: "service_level" | "occupancy" | "abandonment" | "fixed";
  /** Agents given (`agents=N`) that cannot carry the traffic under Erlang C: the queue grows without end. */
  overloaded: boolean;
}

export function solveChannel(
  input: StaffingInput,
  model: StaffingModel,
  names?: FieldNames,
  example?: string,
): ChannelResult {
  validateStaffingInput(input, names, example);
  const k = model.channel === "chat" ? model.concurrency : 1;
  const erlangA = model.patienceSeconds !== undefined && model.channel !== "email";
  const noWait = model.channel === "email";
  const fixedSlots = model.agents !== undefined ? model.agents * k : undefined;
  const base = {
    model: erlangA ? ("erlang-a" as const) : ("erlang-c" as const),
    channel: model.channel,
    concurrency: k,
  };
  const finish = (
    slots: number,
    fields: Omit<ChannelResult, keyof typeof base | "slots" | "agents" | "scheduledAgents">,
  ) => {
    const agents = model.agents ?? Math.floor((slots + k - 1) / k);
    // Every key written out in one literal: spreads followed by more keys cost microseconds a call on
    // Node 20 (a fresh hidden class each time), several times the solve at small traffic.
    return {
      model: base.model,
      channel: base.channel,
      concurrency: base.concurrency,
      slots,
      agents,
      scheduledAgents: scheduledAgents(agents, input.shrinkage),
      trafficErlangs: fields.trafficErlangs,
      serviceLevel: fields.serviceLevel,
      probWait: fields.probWait,
      asaSeconds: noWait ? null : fields.asaSeconds,
      avgWaitSeconds: noWait ? null : fields.avgWaitSeconds,
      occupancy: fields.occupancy,
      probWaitOver5Min: noWait ? null : fields.probWaitOver5Min,
      abandonRate: fields.abandonRate,
      bindingConstraint: fields.bindingConstraint,
      overloaded: fields.overloaded,
    };
  };
  if (erlangA) {
    const aInput = {
      callsPerInterval: input.callsPerInterval,
      intervalSeconds: input.intervalSeconds,
      ahtSeconds: input.ahtSeconds,
      answerSeconds: input.answerSeconds,
      target: input.target,
      shrinkage: input.shrinkage,
      maxOccupancy: input.maxOccupancy,
      patienceSeconds: model.patienceSeconds as number,
      maxAbandon: model.maxAbandon,
    };
    const r: ErlangAMetrics & { bindingConstraint?: ChannelResult["bindingConstraint"] } =
      fixedSlots !== undefined ? erlangAMetrics(aInput, fixedSlots) : solveErlangA(aInput);
    return finish(r.agents, {
      trafficErlangs: r.trafficErlangs,
      serviceLevel: r.serviceLevel,
      probWait: r.probWait,
      asaSeconds: r.asaSeconds,
      avgWaitSeconds: r.avgWaitSeconds,
      occupancy: r.occupancy,
      probWaitOver5Min: r.probWaitOver5Min,
      abandonRate: r.probAbandon,
      bindingConstraint: r.bindingConstraint ?? "fixed",
      overloaded: false,
    });
  }
  if (fixedSlots !== undefined) {
    const a = trafficErlangs(input);
    const m = queueMetrics(fixedSlots, a, erlangB(fixedSlots, a), input.ahtSeconds, input.answerSeconds);
    const overloaded = fixedSlots <= a;
    return finish(fixedSlots, {
      trafficErlangs: a,
      serviceLevel: m.serviceLevel,
      probWait: m.probWait,
      asaSeconds: overloaded ? null : m.asaSeconds,
      avgWaitSeconds: overloaded ? null : m.asaSeconds,
      occupancy: Math.min(1, m.occupancy),
      probWaitOver5Min: m.probWaitOver5Min,
      abandonRate: null,
      bindingConstraint: "fixed",
      overloaded,
    });
  }
  const r = solveStaffing(input, names, example);
  return finish(r.agents, {
    trafficErlangs: r.trafficErlangs,
    serviceLevel: r.serviceLevel,
    probWait: r.probWait,
    asaSeconds: r.asaSeconds,
    avgWaitSeconds: r.asaSeconds,
    occupancy: r.occupancy,
    probWaitOver5Min: r.probWaitOver5Min,
    abandonRate: null,
    bindingConstraint: r.bindingConstraint,
    overloaded: false,
  });
}

/** The what-if grid: ±20% volume and ±1 minute handle time around the solve. */
export interface GridCell {
  volumeFactor: number;
  callsPerInterval: number;
  ahtSeconds: number;
  agents: number;
  serviceLevel: number;
}

export function whatIfGrid(input: StaffingInput, model: StaffingModel): GridCell[] {
  const cells: GridCell[] = [];
  for (const volumeFactor of [0.8, 1, 1.2]) {
    for (const delta of [-60, 0, 60]) {
      const ahtSeconds = input.ahtSeconds + delta;
      if (ahtSeconds <= 0) continue;
      const i = { ...input, callsPerInterval: input.callsPerInterval * volumeFactor, ahtSeconds };
      const r = solveChannel(i, model);
      cells.push({
        volumeFactor,
        callsPerInterval: i.callsPerInterval,
        ahtSeconds,
        agents: r.agents,
        serviceLevel: r.serviceLevel,
      });
    }
  }
  return cells;
}
