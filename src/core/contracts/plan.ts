import type { Contract, Reminder, ReminderKind } from "./contract.ts";
import { addDays, type LocalDate, parseClock, parseLocalDate, zonedToInstant } from "./zone.ts";

/** Reminders go out at 09:00 local time unless the contract gave a time. */
export const DEFAULT_TIME = { hour: 9, minute: 0 };
/** The second daily check-in comes this many hours after the first. */
export const SECOND_CHECKIN_HOURS = 6;
/** Review reminders before the notice deadline, in days. */
export const REVIEW_LEADS = [30, 7] as const;

export interface PlannedReminder {
  kind: ReminderKind;
  dueAt: Date;
}

const mustDate = (s: string): LocalDate => {
  const d = parseLocalDate(s);
  if (!d) throw new Error(`invalid stored date ${s}`);
  return d;
};

/** Saturday or Sunday: a calendar date's weekday does not depend on the time zone. */
const isWeekend = (d: LocalDate): boolean => {
  const wd = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return wd === 0 || wd === 6;
};

const clockOf = (s: string | undefined) => (s ? (parseClock(s) ?? DEFAULT_TIME) : DEFAULT_TIME);

/**
 * Every reminder a contract calls for, in time order: reviews 30 and 7 days before the notice
 * deadline, one on the deadline, and onboarding check-ins (once or twice a day) for the first days
 * after the start. Only reminders after `now` are returned: nothing is planned in the past.
 */
export function planContract(contract: Contract, now: Date): PlannedReminder[] {
  const tz = contract.timeZone;
  const out: PlannedReminder[] = [];
  const deadline = mustDate(contract.noticeDeadline);
  const reviewAt = clockOf(contract.renewsTime);
  const at = (d: LocalDate, t: { hour: number; minute: number; second?: number }) =>
    zonedToInstant({ ...d, ...t }, tz);

  const start = mustDate(contract.start);
  const checkAt = clockOf(contract.startTime);
  const times = [checkAt];
  if (contract.checkinsPerDay === 2 && checkAt.hour + SECOND_CHECKIN_HOURS < 24)
    times.push({ ...checkAt, hour: checkAt.hour + SECOND_CHECKIN_HOURS });
  const weekdaysOnly = contract.checkinDays === "weekdays";
  for (let i = 0; i < contract.onboardingDays; i++) {
    const day = addDays(start, i);
    if (weekdaysOnly && isWeekend(day)) continue;
    for (const t of times) out.push({ kind: "checkin", dueAt: at(day, t) });
  }
  for (const lead of REVIEW_LEADS)
    out.push({ kind: lead === 30 ? "review-30" : "review-7", dueAt: at(addDays(deadline, -lead), reviewAt) });
  out.push({ kind: "deadline", dueAt: at(deadline, reviewAt) });

  return out
    .filter((p) => p.dueAt.getTime() > now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Stored reminders for a plan. */
export function remindersFor(
  contract: Contract,
  planned: PlannedReminder[],
  now: Date,
  newId: () => string,
): Reminder[] {
  return planned.map((p) => ({
    id: newId(),
    contractId: contract.id,
    vendor: contract.vendor,
    kind: p.kind,
    channel: contract.channel,
    dueAt: p.dueAt.toISOString(),
    timeZone: contract.timeZone,
    state: "pending",
    attempts: 0,
    createdBy: contract.createdBy,
    createdAt: now.toISOString(),
  }));
}
