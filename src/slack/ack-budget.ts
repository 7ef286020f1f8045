/** Slack wants an answer within 3 s; past this budget we acknowledge first and reply afterwards. */
export const ACK_BUDGET_MS = 2500;
export const TIMED_OUT = Symbol("timed out");

/**
 * The promise's value, or TIMED_OUT when it takes longer than `ms` (it keeps running). The timer is
 * cleared as soon as the promise settles: left to run, each one kept its request's whole outcome
 * (a 200-quote comparison is tens of KB) alive for the rest of the 2.5 s, thousands of them at once
 * under load.
 */
export function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
