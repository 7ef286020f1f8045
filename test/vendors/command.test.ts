import { afterEach, describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import type { CommandContext } from "../../src/commands/types.ts";
import { vendorCommand } from "../../src/commands/vendor.ts";
import { formatPair } from "../../src/core/parse/kv.ts";
import { decodeCommandValue } from "../../src/render/buttons.ts";
import { blocksToText } from "../../src/render/text.ts";
import type { Store } from "../../src/store/store.ts";
import { testContext } from "../helpers/context.ts";

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function ctx(opts: Parameters<typeof testContext>[0] = {}) {
  const c = await testContext(opts);
  if (!opts.store) stores.push(c.db);
  return c;
}

const run = (c: CommandContext, text: string) => vendorCommand.run(text, c);
const text = (reply: { blocks: Parameters<typeof blocksToText>[0] }) => blocksToText(reply.blocks);
const buttonLines = (reply: { blocks: Parameters<typeof blocksToText>[0] }) =>
  reply.blocks.flatMap((b) =>
    b.type === "actions"
      ? b.elements.map((e) => (e.type === "button" ? decodeCommandValue(e.value) : undefined))
      : b.type === "section" && b.accessory?.type === "button"
        ? [decodeCommandValue(b.accessory.value)]
        : [],
  );

describe("/cc-vendor quotes", () => {
  it("adds, lists, shows and edits a quote", async () => {
    const c = await ctx();
    const added = await run(c, "add name=Acme rate=0.95/min billing=60s hours=24/7 languages=en,es");
    expect(text(added.reply)).toMatch(/Saved the quote from Acme/);
    expect(text(await (await run(c, "list")).reply)).toMatch(/Acme: .*\$0\.95\/min/);
    const shown = await run(c, "show acme");
    expect(text(shown.reply)).toMatch(/English, Spanish/);
    await run(c, "edit ACME rate=0.90/min");
    expect((await c.db.read(c.workspace)).vendors[0]).toMatchObject({
      name: "Acme",
      perMinute: 0.9,
      billingSeconds: 60,
    });
  });

  it("keeps names unique whatever the case", async () => {
    const c = await ctx();
    await run(c, "add name=Acme rate=1");
    const out = await dispatch("vendor", "add name=ACME rate=2", c);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/already a vendor called "Acme"/);
    expect((await c.db.read(c.workspace)).vendors).toHaveLength(1);
    // Renaming onto another vendor's name is refused too.
    await run(c, "add name=Beta rate=1");
    expect((await dispatch("vendor", "edit beta name=acme", c)).ok).toBe(false);
    expect((await c.db.read(c.workspace)).vendors.map((v) => v.name)).toEqual(["Acme", "Beta"]);
  });

  it("keeps two workspaces' vendors of the same name apart", async () => {
    const a = await ctx({ workspace: { teamId: "T_A" } });
    const b = await ctx({ workspace: { teamId: "T_B" }, store: a.db });
    const grid = await ctx({ workspace: { teamId: "T_A", enterpriseId: "E_1" }, store: a.db });
    await run(a, "add name=Acme rate=0.95/min");
    await run(b, "add name=Acme rate=1.20/min");
    expect((await a.db.read(a.workspace)).vendors[0]?.perMinute).toBe(0.95);
    expect((await a.db.read(b.workspace)).vendors[0]?.perMinute).toBe(1.2);
    expect((await a.db.read(grid.workspace)).vendors).toEqual([]);
    await run(a, "remove Acme confirm=yes");
    expect((await a.db.read(a.workspace)).vendors).toEqual([]);
    expect(text((await run(b, "show Acme")).reply)).toMatch(/\$1\.20 a minute/);
    expect((await dispatch("vendor", "show Acme", grid)).ok).toBe(false);
  });

  it("loses nothing when many people add quotes at once", async () => {
    const first = await ctx();
    const people = await Promise.all(
      Array.from({ length: 12 }, (_, i) => ctx({ store: first.db, userId: `U${i}` })),
    );
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        run(people[i % people.length] as CommandContext, `add name=Vendor${i} rate=1`),
      ),
    );
    const saved = (await first.db.read(first.workspace)).vendors;
    expect(saved).toHaveLength(60);
    expect(new Set(saved.map((v) => v.name)).size).toBe(60);
    expect(new Set(saved.map((v) => v.addedBy)).size).toBe(12);
  });

  it("lets exactly one of two simultaneous adds of the same name through", async () => {
    const c = await ctx();
    const results = await Promise.allSettled([
      run(c, "add name=Acme rate=1"),
      run(c, "add name=acme rate=2"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await c.db.read(c.workspace)).vendors).toHaveLength(1);
  });

  it("gives bad input a friendly message and saves nothing", async () => {
    const c = await ctx();
    await run(c, "add name=Acme rate=0.95/min billing=60s");
    const before = JSON.stringify(await c.db.read(c.workspace));
    for (const bad of [
      "add name=Beta rate=cheap",
      "add name=Beta rate=1 colour=red",
      "add name=Beta rate=1 billing=60s billing=6s",
      "edit Acme rate=1 uptime=300",
      "edit Acme name=",
      "edit Nobody rate=1",
      "remove Nobody confirm=yes",
      "frobnicate",
      `add name=${"x".repeat(90)}`,
      "add name=Beta 🦄🦄 rate=1",
    ]) {
      const out = await dispatch("vendor", bad, c);
      expect(out.ok, bad).toBe(false);
      if (!out.ok) expect(out.kind, bad).toBe("input");
      expect(out.reply.text.length, bad).toBeGreaterThan(10);
    }
    expect(JSON.stringify(await c.db.read(c.workspace))).toBe(before);
  });

  it("asks to confirm a removal with a button, and removes on confirm=yes", async () => {
    const c = await ctx();
    await run(c, "add name=Acme rate=1");
    const ask = await run(c, "remove acme");
    expect((await c.db.read(c.workspace)).vendors).toHaveLength(1);
    const button = ask.reply.blocks.find((b) => b.type === "actions");
    expect(
      button?.type === "actions" && button.elements[0]?.type === "button" && button.elements[0].style,
    ).toBe("danger");
    expect(buttonLines(ask.reply)).toContainEqual({ c: "vendor", t: "remove Acme confirm=yes" });
    await run(c, "remove Acme confirm=yes");
    expect((await c.db.read(c.workspace)).vendors).toHaveLength(0);
  });

  it("opens a form for an empty add, and a prefilled one for edit whose submission keeps the quote", async () => {
    const c = await ctx();
    expect(await vendorCommand.form?.("add", c)).toMatchObject({ prefix: "add" });
    expect(await vendorCommand.form?.("add name=X", c)).toBeUndefined();
    await run(
      c,
      'add name="Acme Co" location=nearshore country=MX rate=€0.80/min billing=30s hold-billed=no minimum=5000min overage=10% setup=1500 holiday-fee=300/year other-fees=none hours=24/7 languages=en,es services=inbound,chat agents=shared certs=pci dr=yes uptime=99.9 reporting=real-time,recordings crm=zendesk industries=retail size=250 contract=12months notice=60d trial=14d rating=4.2 notes="ask about promotions"',
    );
    const before = (await c.db.read(c.workspace)).vendors[0];
    const form = await vendorCommand.form?.("edit acme co", c);
    expect(form?.prefix).toBe("edit Acme Co");
    // What Slack would send back if the user changed nothing: the prefix, then each prefilled field.
    const pairs = (form?.fields ?? [])
      .filter((f) => f.initial !== undefined)
      .map((f) => formatPair(f.key, Array.isArray(f.initial) ? f.initial.join(",") : (f.initial as string)));
    await run(c, `${form?.prefix} ${pairs.join(" ")}`);
    const after = (await c.db.read(c.workspace)).vendors[0];
    expect({ ...after, updatedAt: undefined }).toEqual({ ...before, updatedAt: undefined });
  });
});

describe("/cc-vendor amounts by locale", () => {
  it("asks whether rate=1.250/min is 1,250 or 1.25, saves nothing until asked, and saves the reading chosen", async () => {
    const c = await ctx({ locale: "en-US" });
    const out = await dispatch("vendor", "add name=Acme rate=1.250/min billing=60s", c);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/1,250 or 1\.25/);
    const lines = buttonLines(out.reply).map((b) => b?.t);
    expect(lines).toEqual([
      "add name=Acme rate=1250/min billing=60s",
      "add name=Acme rate=1.25/min billing=60s",
    ]);
    expect((await c.db.read(c.workspace)).vendors).toEqual([]);
    const chosen = await dispatch("vendor", lines[1] ?? "", c);
    expect(chosen.ok).toBe(true);
    expect((await c.db.read(c.workspace)).vendors[0]?.perMinute).toBe(1.25);
  });

  it("reads 1,25 as a decimal for a German user and asks about a rate no one charges", async () => {
    const de = await ctx({ locale: "de-DE" });
    const read = await dispatch("vendor", "add name=Acme rate=1,25/min", de);
    expect(read.ok).toBe(true);
    expect((await de.db.read(de.workspace)).vendors[0]?.perMinute).toBe(1.25);
    // 1,250 a minute is certain in English, and implausible: asked, not saved.
    const en = await ctx({ locale: "en-US" });
    const out = await dispatch("vendor", "add name=Beta rate=1,250/min", en);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/far above any published rate/);
    expect((await en.db.read(en.workspace)).vendors).toEqual([]);
    // An hourly rate of 28.50 or a setup fee of 1,500 is read as typed.
    const ok = await dispatch("vendor", "add name=Gamma rate=28.50/hour setup=1,500", en);
    expect(ok.ok).toBe(true);
    const g = (await en.db.read(en.workspace)).vendors[0];
    expect([g?.perHour, g?.setupFee]).toEqual([28.5, 1500]);
  });
});

describe("/cc-vendor compare", () => {
  const three = async (c: CommandContext) => {
    await run(
      c,
      "add name=Acme rate=1/min billing=60s hold-billed=no hours=24/7 languages=en,es certs=pci dr=yes",
    );
    await run(
      c,
      "add name=Cheapo rate=0.70/min billing=60s hold-billed=no hours=24/7 languages=en certs=pci dr=yes",
    );
    await run(
      c,
      "add name=Euro rate=€0.90/min billing=6s hold-billed=no hours=24/7 languages=en,es certs=pci dr=yes",
    );
  };

  it("asks whether volume=12.000 is twelve thousand or twelve when the locale does not settle it", async () => {
    const c = await ctx({ locale: "en-US" });
    await three(c);
    const out = await dispatch("vendor", "compare volume=12.000", c);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/12,000 or 12 contacts/);
    const lines = buttonLines(out.reply).map((b) => b?.t);
    expect(lines).toEqual(["compare volume=12000", "compare volume=12"]);
    // Each reading runs as typed.
    const chosen = await run(c, lines[0] ?? "");
    expect((chosen.result as { profile: { volume: number } }).profile.volume).toBe(12000);
    // A locale with "." as its thousands mark settles it.
    const de = await ctx({ locale: "de-DE" });
    await three(de);
    const read = await run(de, "compare volume=12.000");
    expect((read.result as { profile: { volume: number } }).profile.volume).toBe(12000);
  });

  it("asks for the volume when no profile is saved", async () => {
    const c = await ctx();
    await three(c);
    const out = await dispatch("vendor", "compare", c);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/How many contacts/);
    expect(out.reply.text).toMatch(/compare volume=8000/);
  });

  it("ranks quotes for the saved profile, a failed must below every quote meeting them all", async () => {
    const c = await ctx();
    await three(c);
    await c.db.update(c.workspace, (d) => {
      d.profile = { volume: 8000, languages: ["en", "es"], hours: "24/7", payments: true };
    });
    const out = await run(c, "compare");
    const result = out.result as {
      profile: { volume: number };
      vendors: Array<{
        name: string;
        monthlyCost: number;
        mustFailures: string[];
        rank: number;
        score: number;
        unknowns: string[];
      }>;
    };
    expect(result.profile.volume).toBe(8000);
    const cheapo = result.vendors.find((v) => v.name === "Cheapo");
    // Cheapest by far, but it has no Spanish speakers: ranked last.
    expect(cheapo?.mustFailures).toEqual(["languages"]);
    expect(cheapo?.rank).toBe(3);
    expect(Math.min(...result.vendors.map((v) => v.monthlyCost))).toBe(cheapo?.monthlyCost);
    expect(result.vendors.map((v) => v.rank).sort()).toEqual([1, 2, 3]);
    const t = text(out.reply);
    expect(t).toMatch(/8,000 contacts a month \(from your profile\)/);
    expect(t).toMatch(/1 EUR = \$[\d.]+ \(\d{4}-\d{2}-\d{2}/);
    expect(t).not.toMatch(/at least 3 providers/);
    expect(buttonLines(out.reply)).toContainEqual({ c: "vendor", t: "export" });
    expect(buttonLines(out.reply)).toContainEqual({ c: "vendor", t: "show Acme" });
  });

  it("uses the volume given, says when there are fewer than three quotes, and repeats the volume in buttons", async () => {
    const c = await ctx();
    await run(c, "add name=Acme rate=1/min billing=60s hold-billed=no");
    const out = await run(c, "compare volume=2000 talk=3m wrap=0 hold=0");
    const r = out.result as { vendors: Array<{ monthlyCost: number }> };
    // 2,000 contacts × 3.527726 billed minutes × $1 (see cost.test.ts) = $7,055.45.
    expect(r.vendors[0]?.monthlyCost).toBeCloseTo(7055.45, 2);
    expect(text(out.reply)).toMatch(/at least 3 providers/);
    expect(buttonLines(out.reply)).toContainEqual({
      c: "vendor",
      t: "export volume=2000 talk=3m wrap=0 hold=0",
    });
  });

  it("has Details buttons that open each quote, even names with spaces and quotes", async () => {
    const c = await ctx();
    await run(c, `add name='Acme "Pro"' rate=1`);
    await run(c, "add name=“Blue Sky Calls” rate=0.9");
    const out = await run(c, "compare volume=3000");
    const shows = buttonLines(out.reply).filter((b) => b?.t.startsWith("show "));
    expect(shows).toHaveLength(2);
    for (const b of shows) {
      const shown = await dispatch("vendor", b?.t ?? "", c);
      expect(shown.ok, b?.t).toBe(true);
      expect(shown.reply.text).toMatch(/Acme "Pro"|Blue Sky Calls/);
    }
  });

  it("rejects unknown compare keys by name", async () => {
    const c = await ctx();
    await run(c, "add name=Acme rate=1");
    const out = await dispatch("vendor", "compare volum=2000", c);
    expect(out.ok).toBe(false);
    expect(out.reply.text).toMatch(/`volum`/);
  });

  it("exports every quote as a CSV file, in comparison order when a volume is known", async () => {
    const c = await ctx();
    await three(c);
    const plain = await run(c, "export");
    expect(plain.reply.files?.[0]?.filename).toBe("vendors.csv");
    const ranked = await run(c, "export volume=8000");
    const csv = String(ranked.reply.files?.[0]?.content);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^rank,monthly cost \(USD\),score/);
    expect(lines[1]).toMatch(/^1,/);
  });
});
