import { beforeAll, describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { COMMANDS } from "../../src/commands/registry.ts";
import type { CommandContext } from "../../src/commands/types.ts";
import { buildDashboard } from "../../src/core/home/dashboard.ts";
import { renderHome } from "../../src/render/home.ts";
import { buildModal } from "../../src/slack/forms.ts";
import { blockKitProblems, viewProblems } from "../helpers/blockkit.ts";
import { testContext } from "../helpers/context.ts";

let ctx: CommandContext & { db: Awaited<ReturnType<typeof testContext>>["db"] };

// A busy workspace: a full profile, 60 vendors, 25 contracts.
beforeAll(async () => {
  ctx = await testContext({ now: new Date("2026-11-27T10:00:00Z") });
  const ok = async (c: string, t: string) => {
    const out = await dispatch(c, t, ctx);
    if (!out.ok) throw new Error(`${c} ${t}: ${out.reply.text}`);
  };
  await ok(
    "advise",
    "volume=2000 pattern=inconsistent languages=en,es,fr payments=yes health=yes hours=24/7 dr=yes reporting=recordings crm=salesforce,zendesk growth=40 employees=40 in-house-agents=3 sites=3 cloud=skeptical quotes=1 overloaded=yes lost-sales=yes",
  );
  for (let i = 0; i < 60; i++)
    await ok(
      "vendor",
      `add name="Vendor ${i} ${"x".repeat(i % 7 === 0 ? 60 : 3)}" rate=0.${70 + (i % 50)}/min billing=${i % 2 ? "6s" : "60s"} languages=en${i % 3 ? ",es" : ""} hours=${i % 4 ? "24/7" : "business"} notes="${"n".repeat(200)}"`,
    );
  for (let i = 0; i < 25; i++)
    await ok(
      "contract",
      `add vendor="Vendor ${i} ${"x".repeat(i % 7 === 0 ? 60 : 3)}" start=2027-0${1 + (i % 9)}-15 renews=2028-0${1 + (i % 9)}-15 notice=60d channel=C${100 + i}`,
    );
});

const inputs = (name: string, examples: string[]) => [
  ...examples,
  "",
  "help",
  "list",
  "show Vendor 1 xxx",
  "compare",
  "compare volume=8000 chart",
  "export",
  "🎉🎉🎉",
  "x".repeat(3900),
  "<!channel> <@U123> <https://evil.test|click> ```code```",
  `${name} key=value unknown=thing`,
];

describe("every reply fits Block Kit limits", () => {
  // First, while the workspace is full (the command examples below may remove things).
  it("the App Home of a busy workspace fits in 100 blocks and points to the rest", async () => {
    const view = renderHome(await buildDashboard(await ctx.db.read(ctx.workspace)), { now: new Date() });
    expect(viewProblems(view)).toEqual([]);
    const json = JSON.stringify(view);
    expect(json).toContain("Show all 60");
    expect(json).toContain("Show all 25");
  });
  for (const spec of COMMANDS) {
    it(`/cc-${spec.name}`, async () => {
      for (const text of inputs(spec.name, spec.examples)) {
        const out = await dispatch(spec.name, text, ctx);
        const problems = blockKitProblems(out.reply.blocks, "message");
        expect(problems, `/cc-${spec.name} ${text.slice(0, 60)}`).toEqual([]);
        expect(out.reply.text.length, "notification text").toBeGreaterThan(0);
      }
    }, 60_000);
  }

  it("every command's form is a valid modal", async () => {
    for (const spec of COMMANDS) {
      for (const text of ["", "add", "edit Vendor 1 xxx", "edit contacts=800 talk=6m"]) {
        const form = await spec.form?.(text, ctx).catch(() => undefined);
        if (!form) continue;
        const modal = buildModal(form, { c: spec.name, ch: "C1", p: form.prefix });
        expect(viewProblems(modal), `/cc-${spec.name} form for "${text}"`).toEqual([]);
      }
    }
  });
});
