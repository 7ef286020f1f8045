/**
 * The workload defaults every command uses when a team leaves a figure out (`/cc-estimate`,
 * `/cc-vendor compare`, the cost facts of `/cc-advise`), so one profile never gets two answers.
 * The README lists them once.
 */
export const WORKLOAD_DEFAULTS = {
  /** Talk time, used where a command cannot ask for it (the vendor comparison, the advice). */
  talkSeconds: 300,
  wrapSeconds: 60,
  holdSeconds: 30,
  /** The guide: hold time should not be billed. */
  holdBilled: false,
  billingIncrementSeconds: 60,
  /** Business hours: 9 h × 5 days a week. */
  coverage: "business",
} as const;
