import { z } from "zod";

/** A period written as a number and a unit: 60d, 8w, 3mo, 1y. Stored with unit "m" for months. */
export const TermSchema = z.object({
  amount: z.number().int().nonnegative(),
  unit: z.enum(["d", "w", "m", "y"]),
});
export type Term = z.infer<typeof TermSchema>;

const LocalDateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** "09:00", or "10:00:30" when the time was given to the second. */
const ClockString = z.string().regex(/^\d{2}:\d{2}(?::\d{2})?$/);

/**
 * A signed contract. Dates are calendar dates in the contract's time zone (the zone of the person
 * who added it), so reminders land at the same wall-clock time whatever daylight saving does.
 */
export const ContractSchema = z.object({
  id: z.string(),
  vendor: z.string(),
  start: LocalDateString,
  /** Time of day given with the start date, used for onboarding check-ins (09:00 when absent). */
  startTime: ClockString.optional(),
  renews: LocalDateString,
  /** Time of day given with the renewal date, used for the review reminders (09:00 when absent). */
  renewsTime: ClockString.optional(),
  notice: TermSchema,
  /** renews − notice: the last day to give notice. */
  noticeDeadline: LocalDateString,
  onboardingDays: z.number().int().nonnegative(),
  checkinsPerDay: z.union([z.literal(1), z.literal(2)]),
  /**
   * Which days get onboarding check-ins. Contracts saved before this existed were planned on every
   * day, so an absent value keeps that.
   */
  checkinDays: z.enum(["weekdays", "every-day"]).optional(),
  /** Slack channel id where reminders are posted. */
  channel: z.string(),
  channelName: z.string().optional(),
  timeZone: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Contract = z.infer<typeof ContractSchema>;

export const REMINDER_KINDS = ["review-30", "review-7", "deadline", "checkin", "custom"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * pending → posting (attempt recorded) → posted → reviewed | snoozed
 *                                     ↘ pending again (retry with backoff) | failed (permanent)
 * pending → cancelled when the contract is removed.
 */
export const REMINDER_STATES = [
  "pending",
  "posting",
  "posted",
  "failed",
  "reviewed",
  "snoozed",
  "cancelled",
] as const;
export type ReminderState = (typeof REMINDER_STATES)[number];

export const ReminderSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  vendor: z.string(),
  kind: z.enum(REMINDER_KINDS),
  note: z.string().optional(),
  channel: z.string(),
  /** When it is due (UTC instant, ISO 8601). */
  dueAt: z.string(),
  timeZone: z.string(),
  state: z.enum(REMINDER_STATES),
  attempts: z.number().int().nonnegative().default(0),
  firstAttemptAt: z.string().optional(),
  lastAttemptAt: z.string().optional(),
  /** Earliest time of the next attempt after a retryable failure. */
  nextAttemptAt: z.string().optional(),
  /** An earlier attempt may have reached Slack: look in the channel before posting again. */
  uncertain: z.boolean().optional(),
  lastError: z.string().optional(),
  /** The author was told about a permanent failure (told once). */
  errorNotified: z.boolean().optional(),
  postedAt: z.string().optional(),
  ts: z.string().optional(),
  /** Posted well after it was due (the app was down or Slack kept failing). */
  late: z.boolean().optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Who marked it reviewed or snoozed it, and when. */
  doneBy: z.string().optional(),
  doneAt: z.string().optional(),
  /** For a snoozed reminder: the reminder that replaces it. */
  snoozedTo: z.string().optional(),
  snoozedFrom: z.string().optional(),
});
export type Reminder = z.infer<typeof ReminderSchema>;
