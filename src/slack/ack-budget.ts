/** Slack wants an answer within 3 s; past this budget we acknowledge first and reply afterwards. */
export const ACK_BUDGET_MS = 2500;
export const TIMED_OUT = Symbol("timed out");

/** The promise's value, or TIMED_OUT when it takes longer than `ms` (it keeps running). */
export const within = <T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> =>
  Promise.race([p, new Promise<typeof TIMED_OUT>((r) => setTimeout(() => r(TIMED_OUT), ms).unref())]);
