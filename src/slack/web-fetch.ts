import { STATUS_CODES } from "node:http";
import type { FetchFunction } from "@slack/web-api";
import { Agent, request } from "undici";

/**
 * The Web API client's transport. Every Web API call but a file's bytes is a small form-encoded POST;
 * undici's `request` sends one for about a third of the CPU that `fetch` (WHATWG streams, Request and
 * Response objects) spends on it, measured on loopback (bench/http.bench.ts shows the effect on the
 * App Home and uploads). Uploads (multipart FormData) still go through `fetch`. Redirects are not
 * followed, as with the client's own `redirect: "error"`: a 3xx is an HTTP error it reports. Like
 * Node 20's `fetch`, it takes no proxy from the environment; connections are not capped (the
 * client's own queue limits how many calls run at once).
 */
const agent = new Agent({ keepAliveTimeout: 30_000 });

export const webFetch: FetchFunction = async (url, init = {}) => {
  if (init.body !== undefined && typeof init.body !== "string") return globalThis.fetch(url, init);
  const href = String(url);
  const res = await request(href, {
    method: (init.method ?? "GET") as "POST",
    headers: init.headers ?? {},
    ...(init.body !== undefined ? { body: init.body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
    dispatcher: agent,
  });
  // Read whole at once (Slack's answers are small): an unread body would hold the connection.
  const bytes = Buffer.from(await res.body.arrayBuffer());
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(res.headers))
    if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
  return {
    ok: res.statusCode >= 200 && res.statusCode < 300,
    status: res.statusCode,
    statusText: STATUS_CODES[res.statusCode] ?? "",
    url: href,
    headers: {
      get: (name: string) => headers.get(name.toLowerCase()) ?? null,
      entries: () => headers.entries(),
    },
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    text: async () => bytes.toString("utf8"),
    json: async () => JSON.parse(bytes.toString("utf8")) as unknown,
  };
};
