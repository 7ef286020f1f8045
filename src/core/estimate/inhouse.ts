import { z } from "zod";
import { solveStaffing } from "../staffing/solve.ts";
import { midpoint, type Range } from "./pricing.ts";

/**
 * The in-house alternative: the same work staffed with the team's own employees. It uses the same
 * agent-hours and headcount as the dedicated estimate (a team needs as many people on the phones as a
 * provider does), priced at a wage with its benefits load, plus management and a seat for each agent
 * working at once. Every one of these is a stated assumption the user can change.
 */

/** What the user may set, checked at the edge (the parser turns text into this). */
export const inHouseOverridesSchema = z
  .object({
    /** Base wage an hour, USD. */
    wage: z.object({ low: z.number().positive().max(500), high: z.number().positive().max(500) }).optional(),
    /** Benefits load as a fraction of the wage (0.3 = 30%). */
    benefits: z.number().min(0).max(2).optional(),
    /** Management and support as a fraction of the loaded wage cost. */
    management: z.number().min(0).max(2).optional(),
    /** Seat cost a month, USD. */
    seat: z.number().min(0).max(20_000).optional(),
  })
  .strict();
export type InHouseOverrides = z.infer<typeof inHouseOverridesSchema>;

export interface InHouseAssumptions {
  wage: Range;
  /** Where the wage comes from: "yours", or the published country/region figure. */
  wageSource: string;
  benefitsLoad: Range;
  benefitsSource: string;
  managementShare: number;
  managementSource: string;
  seatPerMonth: Range;
  seatSource: string;
}

/** Staffing the cost is computed from: paid agent-hours a month, full-time equivalents, seats at once. */
export interface Staff {
  agentHours: number;
  fte: number;
  seats: number;
}

export interface InHouse {
  monthlyCost: Range;
  /** Cost an agent-hour at the midpoints, everything included. */
  perAgentHourMid: number;
  staff: Staff;
  assumptions: InHouseAssumptions;
  /** Monthly contacts from which keeping the work in-house costs no more than outsourcing; null if never. */
  breakEvenMonthlyContacts: number | null;
}

const cents = (x: number) => Math.round(x * 100) / 100;

export function inHouseCost(staff: Staff, a: InHouseAssumptions): Range {
  const at = (wage: number, load: number, seat: number) =>
    staff.agentHours * wage * (1 + load) * (1 + a.managementShare) + staff.seats * seat;
  return {
    low: cents(at(a.wage.low, a.benefitsLoad.low, a.seatPerMonth.low)),
    high: cents(at(a.wage.high, a.benefitsLoad.high, a.seatPerMonth.high)),
  };
}

/** The in-house cost at midpoints for a staffing solve (agents at once × coverage hours). */
export const inHouseMid = (scheduledAgents: number, coverageHours: number, a: InHouseAssumptions): number =>
  midpoint(inHouseCost({ agentHours: scheduledAgents * coverageHours, fte: 0, seats: scheduledAgents }, a));

/**
 * The smallest monthly volume at which in-house costs no more than the cheapest outsourced option,
 * both at midpoints: doubling, then bisection on whole contacts, as the shared/dedicated break-even.
 * `outsourcedMid(contacts, agents)` prices the cheapest outsourced model for a volume and its staffing.
 */
export function inHouseBreakEven(
  load: (contacts: number) => Parameters<typeof solveStaffing>[0],
  coverageHours: number,
  a: InHouseAssumptions,
  outsourcedMid: (contacts: number, scheduledAgents: number) => number,
  maxContacts: number,
): number | null {
  const cheaper = (contacts: number): boolean => {
    const s = solveStaffing(load(contacts));
    return inHouseMid(s.scheduledAgents, coverageHours, a) <= outsourcedMid(contacts, s.scheduledAgents);
  };
  let hi = 64;
  while (!cheaper(hi)) {
    if (hi >= maxContacts) return null;
    hi = Math.min(hi * 2, maxContacts);
  }
  let lo = Math.floor(hi / 2);
  if (lo < 1 || cheaper(lo)) {
    // Cheaper from the start: find the first volume by walking down in halves.
    while (lo >= 1 && cheaper(lo)) {
      hi = lo;
      lo = Math.floor(lo / 2);
    }
    if (lo < 1) return 1;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cheaper(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
