import { readEnvelope } from "../src/slack/envelope.ts";
import { BoundedReplayMemory } from "../src/slack/replay.ts";
import { replayTtlMs, verifySignedRequest } from "../src/slack/verify.ts";
import { SIGNING_SECRET, signedHeaders, slashBody } from "../test/helpers/signed.ts";

/**
 * What the request guard adds to each request before Bolt: the signature and timestamp check, reading
 * the body's shape, and two look-ups in a replay memory already holding 100,000 entries (its cap).
 */
export default async function bench(): Promise<void> {
  const memory = new BoundedReplayMemory();
  const bodies = Array.from({ length: 2000 }, (_, i) =>
    slashBody({
      command: "/cc-staffing",
      text: `calls=${100 + i} interval=30m aht=3m`,
      triggerId: `bench.${i}`,
    }),
  );
  const signed = bodies.map((b) => ({ body: Buffer.from(b), headers: signedHeaders(b) }));
  let n = 0;
  const once = async () => {
    const { body, headers } = signed[n++ % signed.length] as (typeof signed)[number];
    const now = Date.now();
    const v = verifySignedRequest(
      { timestamp: headers["x-slack-request-timestamp"], signature: headers["x-slack-signature"], body },
      SIGNING_SECRET,
      now,
    );
    if (!v.ok) throw new Error(v.reason);
    const env = readEnvelope("application/x-www-form-urlencoded", body.toString("utf8"));
    const ttl = replayTtlMs(v.timestampSeconds, now);
    await Promise.all(
      [`sig:${v.signature}:${n}`, ...env.replayKeys.map((k) => `${k}:${n}`)].map((k) => memory.seen(k, ttl)),
    );
  };
  for (let i = 0; i < 110_000; i++) await once(); // warm up and fill the memory to its cap
  const runs = 20_000;
  const start = performance.now();
  for (let i = 0; i < runs; i++) await once();
  const us = ((performance.now() - start) * 1000) / runs;
  process.stdout.write(
    `request guard: ${us.toFixed(1)} µs a request (memory at its cap: ${memory.size.toLocaleString("en-US")} entries, ${(memory.byteSize / 1024 / 1024).toFixed(1)} MiB of keys)\n`,
  );
}
