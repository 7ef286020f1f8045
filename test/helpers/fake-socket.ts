import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * A fake Socket Mode endpoint: the URL apps.connections.open hands out. It greets the app with
 * `hello`, sends envelopes as Slack does, and collects the app's acknowledgements.
 */
export class FakeSocket {
  private server: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  readonly acks = new Map<string, unknown>();
  private connected: Promise<void> | undefined;

  async start(): Promise<this> {
    this.server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((r) => this.server?.once("listening", () => r()));
    this.connected = new Promise<void>((resolve) => {
      this.server?.on("connection", (ws) => {
        this.socket = ws;
        ws.on("message", (data) => {
          const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
          if (msg.envelope_id) this.acks.set(msg.envelope_id, msg.payload ?? null);
        });
        ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A1" } }));
        resolve();
      });
    });
    return this;
  }

  get url(): string {
    if (!this.server) throw new Error("not started");
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  waitConnected(): Promise<void> {
    return this.connected ?? Promise.reject(new Error("not started"));
  }

  /** Send an envelope and wait for the app's acknowledgement (its response payload, if any). */
  async send(type: string, payload: unknown, envelopeId: string, ms = 5000): Promise<unknown> {
    this.socket?.send(
      JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }),
    );
    const end = Date.now() + ms;
    while (!this.acks.has(envelopeId)) {
      if (Date.now() > end) throw new Error(`no ack for ${envelopeId}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.acks.get(envelopeId);
  }

  async stop(): Promise<void> {
    for (const c of this.server?.clients ?? []) c.terminate();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }
}
