import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webFetch } from "../../src/slack/web-fetch.ts";

let server: Server;
let base: string;
const seen: Array<{ type: string | undefined; body: string }> = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => {
      body += d.toString();
    });
    req.on("end", () => {
      seen.push({ type: req.headers["content-type"], body });
      if (req.url === "/slow") return void setTimeout(() => res.end("{}"), 2000);
      if (req.url === "/limited") {
        res.writeHead(429, { "Retry-After": "7", "content-type": "application/json" });
        return void res.end('{"ok":false,"error":"ratelimited"}');
      }
      res.writeHead(200, { "Content-Type": "application/json", "X-OAuth-Scopes": "chat:write" });
      res.end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe("the Web API transport", () => {
  it("posts a form and answers as fetch would: status, headers by any case, the body as JSON", async () => {
    const res = await webFetch(`${base}/api/chat.postMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "channel=C1&text=h%C3%A9",
    });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.url).toBe(`${base}/api/chat.postMessage`);
    expect(res.headers.get("x-oauth-scopes")).toBe("chat:write");
    expect(res.headers.get("Content-Type")).toBe("application/json");
    expect(await res.json()).toEqual({ ok: true, echo: "channel=C1&text=h%C3%A9" });
  });

  it("gives a 429's Retry-After and status text to the client's rate-limit handling", async () => {
    const res = await webFetch(`${base}/limited`, { method: "POST", body: "" });
    expect(res.status).toBe(429);
    expect(res.ok).toBe(false);
    expect(res.statusText).toBe("Too Many Requests");
    expect(res.headers.get("retry-after")).toBe("7");
    expect(Object.fromEntries(res.headers.entries())).toMatchObject({ "retry-after": "7" });
    expect(await res.text()).toContain("ratelimited");
  });

  it("sends a multipart upload through fetch, with its boundary", async () => {
    const form = new FormData();
    form.append("file", new Blob([Buffer.from("a,b\n1,2\n")]), "vendors.csv");
    const res = await webFetch(`${base}/upload`, { method: "POST", body: form });
    expect(res.status).toBe(200);
    const last = seen.at(-1);
    expect(last?.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(last?.body).toContain('filename="vendors.csv"');
  });

  it("gives up when the client's timeout fires", async () => {
    await expect(
      webFetch(`${base}/slow`, { method: "POST", body: "x", signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
  });
});
