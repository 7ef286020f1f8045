import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { KnownBlock } from "@slack/types";
import { blockKitProblems } from "./blockkit.ts";

/** One call the app made to the fake Web API (or to a response_url / upload URL). */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  /** The token the call was made with (Authorization: Bearer, or a token argument). */
  token?: string | undefined;
}

/** What auth.test answers for a token, and oauth.v2.access for an install code. */
export interface FakeTeam {
  teamId: string;
  teamName?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId?: string;
  botId?: string;
}

type Responder = (args: Record<string, unknown>) => {
  status?: number;
  headers?: Record<string, string>;
  body: unknown;
};

/**
 * A fake Slack Web API on loopback. It answers the methods the app uses like Slack does, records every
 * call, and can be told to fail a method (429, 5xx, an API error) a number of times.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** Payloads refused for breaking Block Kit limits (tests can assert there were none). */
  readonly invalidBlocks: Array<{ method: string; problems: string[] }> = [];
  private server: Server | undefined;
  private readonly failures = new Map<string, Array<ReturnType<Responder>>>();
  private readonly overrides = new Map<string, Responder>();
  // Message timestamps start at the real clock, as Slack's do, so history look-ups by time work.
  private tsCounter = Math.floor(Date.now() / 1000);
  /** Messages posted, per channel, for conversations.history. */
  readonly posted: Array<{
    channel: string;
    ts: string;
    text?: unknown;
    metadata?: unknown;
    thread_ts?: unknown;
  }> = [];
  userTimeZones: Record<string, string> = {};
  userLocales: Record<string, string> = {};
  /** Channels conversations.list returns; ids containing MISSING do not exist. */
  channels: Array<{ id: string; name: string }> = [
    { id: "C1", name: "general" },
    { id: "C42", name: "cx-ops" },
  ];
  /** Workspaces by bot token; any other token is refused (invalid_auth), as Slack does. */
  teams: FakeTeam[] = [{ teamId: "T1", teamName: "Test", botToken: "xoxb-test" }];
  /** Install codes oauth.v2.access accepts, each once, for a team of `teams`. */
  installCodes = new Map<string, string>();
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status = 200, headers = {}, body }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((r) => this.server?.listen(0, "127.0.0.1", () => r()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** Make the next `times` calls of a method answer with this response. */
  failNext(method: string, times: number, response: ReturnType<Responder>): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(response);
    this.failures.set(method, list);
  }

  on(method: string, responder: Responder): void {
    this.overrides.set(method, responder);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Wait until a method has been called `count` times (or fail after `ms`). */
  async waitFor(method: string, count = 1, ms = 5000): Promise<RecordedCall[]> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const found = this.callsTo(method);
      if (found.length >= count) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(
      `timed out waiting for ${count} call(s) to ${method}; got ${this.callsTo(method).length}`,
    );
  }

  private async handle(req: IncomingMessage): Promise<ReturnType<Responder>> {
    const raw = await new Promise<string>((resolve) => {
      let data = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => {
        data += c;
      });
      req.on("end", () => resolve(data));
    });
    const url = new URL(req.url ?? "/", "http://localhost");
    const args = parseBody(raw, String(req.headers["content-type"] ?? ""));
    const method = url.pathname.startsWith("/api/")
      ? url.pathname.slice(5)
      : url.pathname.startsWith("/respond/")
        ? `response_url:${url.pathname.slice(9)}`
        : url.pathname.startsWith("/upload/")
          ? "upload"
          : url.pathname;
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ""))?.[1];
    const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
    this.calls.push({ method, args, at: Date.now(), token });
    // Like Slack, refuse blocks over Block Kit's limits, so every reply any test sends is checked.
    const problems = blockProblemsOf(method, args);
    if (problems.length) {
      this.invalidBlocks.push({ method, problems });
      return { body: { ok: false, error: "invalid_blocks", errors: problems } };
    }
    const queued = this.failures.get(method);
    if (queued?.length) return queued.shift() as ReturnType<Responder>;
    const override = this.overrides.get(method);
    if (override) return override(args);
    return { body: this.answer(method, args, token) };
  }

  private answer(method: string, args: Record<string, unknown>, token: string | undefined): unknown {
    const ts = () => `${this.tsCounter++}.000100`;
    switch (method) {
      case "auth.test": {
        const team = this.teams.find((t) => t.botToken === token);
        if (!team) return { ok: false, error: "invalid_auth" };
        return {
          ok: true,
          url: "https://example.slack.com/",
          team: team.teamName ?? "Test",
          user: "switchboard",
          team_id: team.isEnterpriseInstall ? undefined : team.teamId,
          ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
          is_enterprise_install: team.isEnterpriseInstall === true,
          user_id: team.botUserId ?? "UBOT",
          bot_id: team.botId ?? "BBOT",
        };
      }
      case "oauth.v2.access": {
        const teamId = this.installCodes.get(String(args.code));
        const team = this.teams.find((t) => t.teamId === teamId);
        if (!team || !args.client_id || !args.client_secret) return { ok: false, error: "invalid_code" };
        this.installCodes.delete(String(args.code));
        return {
          ok: true,
          app_id: "A1",
          authed_user: { id: "UADMIN" },
          scope: "commands,chat:write",
          token_type: "bot",
          access_token: team.botToken,
          bot_user_id: team.botUserId ?? "UBOT",
          team: team.isEnterpriseInstall ? null : { id: team.teamId, name: team.teamName ?? team.teamId },
          enterprise: team.enterpriseId ? { id: team.enterpriseId, name: team.enterpriseId } : null,
          is_enterprise_install: team.isEnterpriseInstall === true,
        };
      }
      case "chat.postMessage": {
        const channel = String(args.channel);
        const message = {
          channel,
          ts: ts(),
          text: args.text,
          metadata: parseMaybe(args.metadata),
          thread_ts: args.thread_ts,
        };
        this.posted.push(message);
        return { ok: true, channel, ts: message.ts, message };
      }
      case "chat.postEphemeral":
        return { ok: true, message_ts: ts() };
      case "chat.update":
        return { ok: true, channel: args.channel, ts: args.ts };
      case "views.open":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: "V1", ...(parseMaybe(args.view) as object) } };
      case "users.info": {
        const user = String(args.user);
        return {
          ok: true,
          user: {
            id: user,
            tz: this.userTimeZones[user] ?? "America/New_York",
            // "" stands for a user Slack knows no locale for: the field is left out, as Slack does.
            ...(args.include_locale && this.userLocales[user] !== ""
              ? { locale: this.userLocales[user] ?? "en-US" }
              : {}),
          },
        };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D_${String(args.users)}` } };
      case "conversations.info": {
        const channel = String(args.channel);
        if (channel.includes("MISSING")) return { ok: false, error: "channel_not_found" };
        const known = this.channels.find((c) => c.id === channel);
        return { ok: true, channel: { id: channel, name: known?.name ?? "general", is_member: true } };
      }
      case "conversations.list":
        return { ok: true, channels: this.channels, response_metadata: { next_cursor: "" } };
      case "conversations.history": {
        const channel = String(args.channel);
        const oldest = Number(args.oldest ?? 0);
        const messages = this.posted
          .filter((m) => m.channel === channel && Number(m.ts) >= oldest)
          .reverse()
          .map((m) => ({
            type: "message",
            ts: m.ts,
            text: m.text,
            ...(m.metadata ? { metadata: m.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      case "files.getUploadURLExternal":
        return {
          ok: true,
          upload_url: `http://127.0.0.1:${this.port}/upload/${String(args.filename)}`,
          file_id: "F1",
        };
      case "files.completeUploadExternal":
        return { ok: true, files: [{ id: "F1", title: "file" }] };
      case "upload":
        return { ok: true };
      default:
        if (method.startsWith("response_url:")) return { ok: true };
        return { ok: false, error: "unknown_method" };
    }
  }
}

function parseMaybe(v: unknown): unknown {
  if (typeof v !== "string" || !/^[[{]/.test(v.trim())) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function parseBody(raw: string, type: string): Record<string, unknown> {
  if (!raw) return {};
  if (type.includes("application/json")) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { raw };
    }
  }
  if (type.includes("application/x-www-form-urlencoded")) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(raw)) out[k] = parseMaybe(v);
    return out;
  }
  return { raw };
}

const asObject = (v: unknown): Record<string, unknown> | undefined => {
  if (typeof v === "string") {
    try {
      return asObject(JSON.parse(v));
    } catch {
      return undefined;
    }
  }
  return v && typeof v === "object" ? (v as Record<string, unknown>) : undefined;
};

const asBlocks = (v: unknown): KnownBlock[] | undefined => {
  const parsed =
    typeof v === "string"
      ? (() => {
          try {
            return JSON.parse(v) as unknown;
          } catch {
            return undefined;
          }
        })()
      : v;
  return Array.isArray(parsed) ? (parsed as KnownBlock[]) : undefined;
};

/** The Block Kit problems of a call that carries blocks: messages, ephemeral replies, views. */
function blockProblemsOf(method: string, args: Record<string, unknown>): string[] {
  if (method.startsWith("views.")) {
    const view = asObject(args.view);
    const blocks = asBlocks(view?.blocks);
    return blocks ? blockKitProblems(blocks, view?.type === "home" ? "home" : "modal") : [];
  }
  if (method.startsWith("chat.") || method.startsWith("response_url:")) {
    const blocks = asBlocks(args.blocks);
    return blocks ? blockKitProblems(blocks, "message") : [];
  }
  return [];
}
