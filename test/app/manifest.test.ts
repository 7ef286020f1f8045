import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormatsPlugin from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMMANDS } from "../../src/commands/registry.ts";
import { slashName } from "../../src/commands/types.ts";
import { BOT_SCOPES } from "../../src/slack/scopes.ts";

// A copy of Slack's published app-manifest JSON schema (MIT, see the LICENSE beside it).
const schema = JSON.parse(
  readFileSync(
    new URL("../fixtures/slack-manifest-schema/manifest.schema.2.0.0.json", import.meta.url),
    "utf8",
  ),
);
// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsPlugin as unknown as { default?: FormatsPlugin }).default ??
  addFormatsPlugin) as unknown as FormatsPlugin;
const read = (name: string) => parse(readFileSync(new URL(`../../${name}`, import.meta.url), "utf8"));
const manifest = read("manifest.yml");
const multi = read("manifest.multi-workspace.yml");

describe("manifest.yml", () => {
  it("is valid against Slack's app-manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the schema check catches a broken manifest", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate({ ...manifest, display_information: { name: "x".repeat(40) } })).toBe(false);
  });

  it("declares every command the app ships, each with a description and a usage hint", () => {
    const declared = manifest.features.slash_commands as Array<{
      command: string;
      description: string;
      usage_hint: string;
    }>;
    expect(declared.map((c) => c.command).sort()).toEqual(COMMANDS.map(slashName).sort());
    for (const c of declared) {
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.usage_hint.length).toBeGreaterThan(3);
    }
  });

  it("subscribes to the events, interactivity, Home tab and Socket Mode the app uses", () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      "app_home_opened",
      "app_mention",
      "app_uninstalled",
      "message.im",
      "tokens_revoked",
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    for (const needed of [
      "commands",
      "chat:write",
      "app_mentions:read",
      "im:history",
      "users:read",
      "files:write",
    ])
      expect(scopes).toContain(needed);
  });
  it("asks for the scopes the install flow requests", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });
});

describe("manifest.multi-workspace.yml", () => {
  it("is valid against Slack's app-manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    validate(multi);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("is the single-workspace app over HTTP, with the OAuth redirect and the uninstall events", () => {
    expect(multi.features).toEqual({
      ...manifest.features,
      slash_commands: manifest.features.slash_commands.map((c: object) => ({
        ...c,
        url: "https://switchboard.example.com/slack/events",
      })),
    });
    expect(multi.oauth_config.scopes).toEqual(manifest.oauth_config.scopes);
    expect(multi.oauth_config.redirect_urls).toEqual([
      "https://switchboard.example.com/slack/oauth_redirect",
    ]);
    expect(multi.settings.socket_mode_enabled).toBe(false);
    expect(multi.settings.event_subscriptions.request_url).toBe(
      "https://switchboard.example.com/slack/events",
    );
    expect(multi.settings.interactivity.request_url).toBe("https://switchboard.example.com/slack/events");
    expect([...multi.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...manifest.settings.event_subscriptions.bot_events].sort(),
    );
  });
});
