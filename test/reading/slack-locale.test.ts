import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { slackContext } from "../../src/slack/context.ts";
import type { ListenerDeps } from "../../src/slack/deps.ts";

/** The Slack user's locale comes from the same users.info call as the time zone, asked once. */
describe("userLocale in Slack", () => {
  it("reads locale and time zone from one cached users.info call with include_locale", async () => {
    const calls: unknown[] = [];
    const client = {
      users: {
        info: async (args: unknown) => {
          calls.push(args);
          return { ok: true, user: { id: "U_LOC", tz: "Europe/Bucharest", locale: "ro-RO" } };
        },
      },
    } as unknown as WebClient;
    const deps = { now: () => new Date("2026-06-01T10:00:00Z") } as unknown as ListenerDeps;
    const ctx = slackContext(deps, client, { teamId: "T_LOCALE" }, "U_LOC");
    expect(await ctx.userLocale()).toBe("ro-RO");
    expect(await ctx.userTimeZone()).toBe("Europe/Bucharest");
    expect(calls).toEqual([{ user: "U_LOC", include_locale: true }]);
  });

  it("calls the locale undetermined when Slack gives no usable one (dates are then asked about)", async () => {
    const client = {
      users: { info: async () => ({ ok: true, user: { id: "U_X", tz: "UTC", locale: "<script>" } }) },
    } as unknown as WebClient;
    const deps = { now: () => new Date("2026-06-01T10:00:00Z") } as unknown as ListenerDeps;
    expect(await slackContext(deps, client, { teamId: "T_LOCALE2" }, "U_X").userLocale()).toBe("und");
  });
});
