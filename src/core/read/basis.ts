import type { Period } from "./units.ts";

/**
 * One definition of a day, a week and a month for every command: a month is 52.143 weeks / 12, and a
 * volume given per day becomes monthly by the days the center is open (5 on business hours, the
 * default; 6 on extended hours; 7 on 24/7), the same in estimate, advise, ask and vendor compare.
 */
export const WEEKS_PER_YEAR = 52.143;
export const WEEKS_PER_MONTH = WEEKS_PER_YEAR / 12;

/** Open days a week of the advice profile's hours (business is the default, as in the estimate). */
export const daysOfHours = (hours: string | undefined): number =>
  hours === "24/7" ? 7 : hours === "extended" ? 6 : 5;

/** How many of `period` make a month, for a center open `daysPerWeek` days of `hoursPerDay` hours. */
export function perMonth(period: Period, daysPerWeek: number, hoursPerDay = 9): number {
  switch (period) {
    case "hour":
      return hoursPerDay * daysPerWeek * WEEKS_PER_MONTH;
    case "day":
      return daysPerWeek * WEEKS_PER_MONTH;
    case "week":
      return WEEKS_PER_MONTH;
    case "year":
      return 1 / 12;
    default:
      return 1;
  }
}

/** "× 21.7 open days a month (5 days a week)": the basis a reply names. */
export const basisText = (period: Period, daysPerWeek: number, hoursPerDay = 9): string => {
  const f = Math.round(perMonth(period, daysPerWeek, hoursPerDay) * 10) / 10;
  return period === "day"
    ? `× ${f} open days a month (${daysPerWeek} days a week)`
    : period === "week"
      ? `× ${Math.round(WEEKS_PER_MONTH * 1000) / 1000} weeks a month`
      : period === "hour"
        ? `× ${f} open hours a month`
        : period === "year"
          ? "÷ 12"
          : "";
};
