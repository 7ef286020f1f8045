import { UserInputError } from "../errors.ts";
import { numberLocale } from "../format/number.ts";
import { exactCeil, scheduledAgents } from "./ceil.ts";
import { erlangCFromB, nextErlangB, type QueueMetrics, queueMetrics, serviceLevel } from "./erlang.ts";

/** What a staffing solve needs. Rates are fractions (0.8 for 80%), times are seconds. */
export interface StaffingInput {
  /** Calls offered in one interval. */
  callsPerInterval: number;
  intervalSeconds: number;
  /** Average handle time: talk + hold + wrap. */
  ahtSeconds: number;
  /** Service-level threshold T: answered within this many seconds. */
  answerSeconds: number;
  /** Service-level target, e.g. 0.8: at least 80% answered within T. Must be below 1. */
  target: number;
  /** Share of paid time agents are not available (breaks, training, absence), in [0, 1). */
  shrinkage: number;
  /** Highest acceptable occupancy, in (0, 1]. */
  maxOccupancy: number;
}

export type BindingConstraint = "service_level" | "occupancy";

export interface StaffingResult extends QueueMetrics {
  /** Headcount to schedule after shrinkage. */
  scheduledAgents: number;
  /** Which requirement set the agent count (a tie counts as service level). */
  bindingConstraint: BindingConstraint;
}

/** The largest productive agent count a solve will reach. */
export const MAX_AGENTS = 250_000;

/** The key each input is typed with, so an error points at the right field. */
export type FieldNames = Record<keyof StaffingInput, string>;

const DEFAULT_NAMES: FieldNames = {
  callsPerInterval: "calls",
  intervalSeconds: "interval",
  ahtSeconds: "aht",
  answerSeconds: "answer",
  target: "target",
  shrinkage: "shrinkage",
  maxOccupancy: "max-occupancy",
};

const EXAMPLE = "calls=100 interval=30m aht=3m answer=20s target=80% shrinkage=30% max-occupancy=85%";

/** Reject inputs for which the model has no answer, naming the field at fault. */
export function validateStaffingInput(
  input: StaffingInput,
  names: FieldNames = DEFAULT_NAMES,
  example = EXAMPLE,
): void {
  // Fast path: a solve is often one of thousands (break-even search, benchmarks).
  const { callsPerInterval: c, intervalSeconds: iv, ahtSeconds: h, answerSeconds: t } = input;
  if (
    c >= 0 &&
    iv > 0 &&
    h > 0 &&
    t >= 0 &&
    Number.isFinite(c + iv + h + t) &&
    input.target > 0 &&
    input.target < 1 &&
    input.shrinkage >= 0 &&
    input.shrinkage < 1 &&
    input.maxOccupancy > 0 &&
    input.maxOccupancy <= 1 &&
    (c * h) / iv / input.maxOccupancy <= MAX_AGENTS &&
    (c * h) / iv <= MAX_AGENTS * 0.95
  )
    return;
  const fail = (key: keyof StaffingInput, message: string): never => {
    throw new UserInputError(message, { field: names[key], example });
  };
  const finite = (key: keyof StaffingInput) => {
    if (!Number.isFinite(input[key])) fail(key, `\`${names[key]}\` must be a number.`);
  };
  for (const key of Object.keys(DEFAULT_NAMES) as Array<keyof StaffingInput>) finite(key);
  if (input.callsPerInterval < 0)
    fail("callsPerInterval", `\`${names.callsPerInterval}\` cannot be negative.`);
  if (input.intervalSeconds <= 0)
    fail("intervalSeconds", `\`${names.intervalSeconds}\` must be longer than 0.`);
  if (input.ahtSeconds <= 0)
    fail("ahtSeconds", `\`${names.ahtSeconds}\` (handle time) must be longer than 0.`);
  if (input.answerSeconds < 0) fail("answerSeconds", `\`${names.answerSeconds}\` cannot be negative.`);
  if (!(input.target > 0 && input.target < 1))
    fail(
      "target",
      `\`${names.target}\` must be above 0% and below 100%: 100% of calls answered in time is unreachable.`,
    );
  if (!(input.shrinkage >= 0 && input.shrinkage < 1))
    fail("shrinkage", `\`${names.shrinkage}\` must be at least 0% and below 100%.`);
  if (!(input.maxOccupancy > 0 && input.maxOccupancy <= 1))
    fail("maxOccupancy", `\`${names.maxOccupancy}\` must be above 0% and at most 100%.`);
  const traffic = trafficErlangs(input);
  if (traffic / input.maxOccupancy > MAX_AGENTS || traffic > MAX_AGENTS * 0.95)
    fail(
      "callsPerInterval",
      `That load (${Math.round(traffic).toLocaleString(numberLocale())} Erlangs) needs more than ${MAX_AGENTS.toLocaleString(numberLocale())} agents, beyond what this calculator sizes.`,
    );
}

/** Offered traffic in Erlangs: calls × AHT / interval length. */
export const trafficErlangs = (
  input: Pick<StaffingInput, "callsPerInterval" | "ahtSeconds" | "intervalSeconds">,
) => (input.callsPerInterval * input.ahtSeconds) / input.intervalSeconds;

/** 1/B(n), carried up from 1/B(0) = 1 (kept small so the JIT compiles the loop on its own). */
function inverseErlangB(n: number, traffic: number): number {
  const inverseTraffic = 1 / traffic;
  let inverseB = 1;
  for (let k = 1; k <= n; k++) inverseB = 1 + inverseB * (k * inverseTraffic);
  return inverseB;
}

/**
 * Agents needed: max(the smallest integer N > A with service level ≥ target, searched upward from
 * floor(A) + 1; ceil(A / max occupancy)). Queue metrics are reported at that N; scheduled agents add
 * shrinkage, which never changes the queue.
 *
 * Speed without changing the answer: B(N) is carried up by the recursion from B(0) = 1 (O(N) in all),
 * and service level is only evaluated from max(floor(A) + 1, ceil(A / max occupancy)) upward. Service
 * level rises with N, so when it is already met at the occupancy bound the answer is that bound (the
 * first N meeting the target is at or below it); otherwise the upward search continues from there and
 * finds the same first N a search from floor(A) + 1 would.
 */
export function solveStaffing(input: StaffingInput, names?: FieldNames, example?: string): StaffingResult {
  validateStaffingInput(input, names, example);
  const a = trafficErlangs(input);
  const { ahtSeconds: aht, answerSeconds: t, target } = input;
  const lowest = Math.floor(a) + 1;
  const occupancyAgents = exactCeil(a / input.maxOccupancy);
  const start = Math.max(lowest, occupancyAgents);

  // Carry B up to start − 1 in one tight loop. This is the same recursion written for 1/B:
  // 1/B(k) = 1 + (k / A)·1/B(k−1). Every term is positive, so it is just as stable, and it needs no
  // division inside the loop, which makes it about three times faster. Past the point where B
  // underflows, 1/B becomes Infinity and B is 0, its correct limit.
  let b = 1 / inverseErlangB(start - 1, a);
  // Does the service level already hold one agent below the occupancy bound? Then occupancy binds.
  let metBelowStart = false;
  if (start - 1 >= lowest) {
    const pw = erlangCFromB(start - 1, a, b);
    metBelowStart = serviceLevel(pw, start - 1, a, t, aht) >= target;
  }
  let n = start;
  b = nextErlangB(n, a, b);
  while (serviceLevel(erlangCFromB(n, a, b), n, a, t, aht) < target) {
    n++;
    if (n > MAX_AGENTS)
      throw new UserInputError(
        `That load needs more than ${MAX_AGENTS.toLocaleString(numberLocale())} agents.`,
        {
          field: names?.callsPerInterval ?? "calls",
          example: example ?? EXAMPLE,
        },
      );
    b = nextErlangB(n, a, b);
  }
  const m = queueMetrics(n, a, b, aht, t);
  const bindingConstraint: BindingConstraint =
    n === occupancyAgents && n > lowest && metBelowStart ? "occupancy" : "service_level";
  // Written out rather than `{ ...m, scheduledAgents, bindingConstraint }`: on Node 20 a spread followed
  // by more keys builds a fresh hidden class every call, several microseconds, more than the solve itself.
  return {
    agents: m.agents,
    trafficErlangs: m.trafficErlangs,
    probWait: m.probWait,
    serviceLevel: m.serviceLevel,
    asaSeconds: m.asaSeconds,
    occupancy: m.occupancy,
    probWaitOver5Min: m.probWaitOver5Min,
    scheduledAgents: scheduledAgents(n, input.shrinkage),
    bindingConstraint,
  };
}
