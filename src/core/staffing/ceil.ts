/**
 * Ceilings that are right for the numbers people type. In float64, 21 / (1 − 0.3) is
 * 30.000000000000004, and a plain Math.ceil would staff 31 people instead of 30. A quotient within a
 * relative 1e-9 of an integer is taken as that integer: typed inputs carry a few significant digits,
 * so a true excess that small never comes from real figures, only from binary rounding.
 */
const RELATIVE_TOLERANCE = 1e-9;

export const exactCeil = (x: number): number => {
  const r = Math.round(x);
  if (Math.abs(x - r) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(x))) return r;
  return Math.ceil(x);
};

/** Headcount to schedule so that `agents` are productive after shrinkage: ceil(agents / (1 − s)). */
export const scheduledAgents = (agents: number, shrinkage: number): number =>
  exactCeil(agents / (1 - shrinkage));
