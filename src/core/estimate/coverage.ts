import type { Pricing } from "./pricing.ts";

/** When the center must answer: hours a day × days a week. */
export interface Coverage {
  hoursPerDay: number;
  daysPerWeek: number;
  /** "24/7", "business" or "HxD". */
  label: string;
}

/** Coverage hours in an average month: hours a day × days a week × weeks a year / 12 (24/7 ≈ 730 h). */
export const monthlyCoverageHours = (c: Coverage, pricing: Pricing): number =>
  (c.hoursPerDay * c.daysPerWeek * pricing.coverage.weeksPerYear) / 12;

/** Days the center is open in an average month (for volumes given per day). */
export const monthlyCoverageDays = (c: Coverage, pricing: Pricing): number =>
  (c.daysPerWeek * pricing.coverage.weeksPerYear) / 12;

export const isTwentyFourSeven = (c: Coverage): boolean => c.hoursPerDay === 24 && c.daysPerWeek === 7;

export const businessHours = (pricing: Pricing): Coverage => ({
  hoursPerDay: pricing.coverage.businessHoursPerDay,
  daysPerWeek: pricing.coverage.businessDaysPerWeek,
  label: "business",
});

export const describeCoverage = (c: Coverage): string =>
  isTwentyFourSeven(c)
    ? "24/7"
    : c.label === "business"
      ? `during business hours (${c.hoursPerDay} h × ${c.daysPerWeek} days a week)`
      : `${c.hoursPerDay} h a day, ${c.daysPerWeek} day${c.daysPerWeek === 1 ? "" : "s"} a week`;
