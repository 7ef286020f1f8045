import { createHmac, timingSafeEqual } from "node:crypto";

// Slack's request signing (v0), checked more strictly than Bolt does: Bolt refuses only timestamps
// older than five minutes, so a timestamp from the future or a fractional one passed.

/** How far a request's timestamp may be from our clock, either way (Slack's own rule). */
export const TIMESTAMP_TOLERANCE_SECONDS = 300;

/** Whole seconds, no sign, no leading zero, no fraction or exponent: what Slack sends. */
const TIMESTAMP = /^[1-9][0-9]{0,11}$/;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;

export type Verdict =
  | { ok: true; timestampSeconds: number; signature: string }
  | { ok: false; reason: string };

export interface SignedRequest {
  /** X-Slack-Request-Timestamp (undefined or repeated headers are refused). */
  timestamp: string | string[] | undefined;
  /** X-Slack-Signature. */
  signature: string | string[] | undefined;
  /** The raw body exactly as received. */
  body: Buffer | string;
}

/** Check a request's signature and that its timestamp is within the tolerance of `nowMs`. Pure. */
export function verifySignedRequest(
  req: SignedRequest,
  signingSecret: string,
  nowMs: number,
  toleranceSeconds = TIMESTAMP_TOLERANCE_SECONDS,
): Verdict {
  const { timestamp, signature } = req;
  if (typeof timestamp !== "string") return { ok: false, reason: "missing or repeated timestamp header" };
  if (typeof signature !== "string") return { ok: false, reason: "missing or repeated signature header" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "timestamp is not a whole number of seconds" };
  const ts = Number(timestamp);
  const skew = ts - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > toleranceSeconds)
    return {
      ok: false,
      reason: `timestamp is ${skew > 0 ? "ahead of" : "behind"} our clock by ${Math.abs(skew)} s`,
    };
  if (!SIGNATURE.test(signature)) return { ok: false, reason: "signature is not of the form v0=<hex>" };
  const expected = createHmac("sha256", signingSecret).update(`v0:${timestamp}:`).update(req.body).digest();
  const given = Buffer.from(signature.slice(3), "hex");
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: "signature does not match" };
  return { ok: true, timestampSeconds: ts, signature };
}

/**
 * How long a request must be remembered to refuse its replay: until its timestamp falls out of the
 * tolerance window (up to ten minutes for a timestamp five minutes ahead).
 */
export const replayTtlMs = (
  timestampSeconds: number,
  nowMs: number,
  toleranceSeconds = TIMESTAMP_TOLERANCE_SECONDS,
) => Math.max(1000, (timestampSeconds + toleranceSeconds) * 1000 - nowMs + 1000);
