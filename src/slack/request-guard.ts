import type { IncomingMessage, RequestListener, Server, ServerResponse } from "node:http";
import type { Logger } from "../logger.ts";
import { isSslCheck, readEnvelope, UNREADABLE_BUTTON } from "./envelope.ts";
import type { ReplayMemory } from "./replay.ts";
import { tellByResponseUrl } from "./response-url.ts";
import { replayTtlMs, verifySignedRequest } from "./verify.ts";

// In front of Bolt's HTTP receiver, on the same server: every POST to the events endpoint is checked
// here first (timestamp within 5 minutes either way, signature, not seen before, a shape Bolt can
// route) and only then handed to Bolt, which checks the signature again.

export interface GuardOptions {
  signingSecret: string;
  memory: ReplayMemory;
  logger: Logger;
  /** Bolt's endpoint (default /slack/events). */
  endpoint?: string;
  /** Largest body accepted, as Bolt's own limit (default 4 MiB). */
  bodyLimit?: number;
  /** Real time: Slack's timestamps are real, whatever clock the listeners use. */
  clock?: () => number;
  /** Tell the person who clicked on something unreadable (default: POST to the payload's response_url). */
  tell?: (responseUrl: string, text: string) => Promise<void>;
}

const DEFAULT_LIMIT = 4 * 1024 * 1024;

/** The body of a request, or undefined when it is larger than `limit`. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return undefined;
    chunks.push(buf);
  }
  return Buffer.concat(chunks, size);
}

const answer = (res: ServerResponse, status: number, json?: unknown) => {
  if (json === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(json));
};

/** Wrap Bolt's request listener with the checks above. */
export function guardRequests(next: RequestListener, opts: GuardOptions): RequestListener {
  const endpoint = opts.endpoint ?? "/slack/events";
  const limit = opts.bodyLimit ?? DEFAULT_LIMIT;
  const clock = opts.clock ?? Date.now;
  const tell = opts.tell ?? tellByResponseUrl;
  const { logger, memory } = opts;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, limit);
    if (!body) {
      logger.warn(`request body over ${limit} bytes refused`);
      answer(res, 413);
      return;
    }
    const contentType = req.headers["content-type"];
    const raw = body.toString("utf8");
    // Bolt reads the body from here instead of the (already consumed) stream.
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    if (isSslCheck(contentType, raw)) return void next(req, res);

    const now = clock();
    const verdict = verifySignedRequest(
      {
        timestamp: req.headers["x-slack-request-timestamp"],
        signature: req.headers["x-slack-signature"],
        body,
      },
      opts.signingSecret,
      now,
    );
    if (!verdict.ok) {
      logger.warn(`refused a request to ${endpoint}: ${verdict.reason}`);
      answer(res, 401);
      return;
    }
    const envelope = readEnvelope(contentType, raw);
    const ttl = replayTtlMs(verdict.timestampSeconds, now);
    // Every key is remembered (no short-circuit), so a replay under a new signature is caught too.
    const repeats = await Promise.all(
      [`sig:${verdict.signature}`, ...envelope.replayKeys].map((k) => memory.seen(k, ttl)),
    );
    if (repeats.some(Boolean)) {
      logger.info(`a repeated request was answered without acting on it again (${repeatedWhat(envelope)})`);
      answer(res, 200);
      return;
    }
    if (envelope.kind === "unreadable") {
      logger.warn(`answered a request Slack could send but we cannot act on: ${envelope.reason}`);
      answer(res, 200, envelope.reply);
      if (envelope.responseUrl)
        await tell(envelope.responseUrl, UNREADABLE_BUTTON).catch((err: unknown) =>
          logger.warn("could not tell the user that a payload was unreadable", err),
        );
      return;
    }
    next(req, res);
  };

  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== endpoint || req.method !== "POST") return void next(req, res);
    handle(req, res).catch((err: unknown) => {
      logger.error("the request guard failed", err);
      if (!res.headersSent) answer(res, 500);
      else res.end();
    });
  };
}

const repeatedWhat = (e: ReturnType<typeof readEnvelope>) =>
  e.kind === "pass" ? `${e.what}${e.type ? ` ${e.type}` : ""}` : "unreadable";

/**
 * Put the guard in front of whatever handles requests on `server` (Bolt's HTTPReceiver). Called right
 * after the server starts listening, before any request can have been read.
 */
export function installRequestGuard(server: Server, opts: GuardOptions): void {
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  const inner: RequestListener = (req, res) => {
    for (const l of listeners) l(req, res);
  };
  server.on("request", guardRequests(inner, opts));
}
