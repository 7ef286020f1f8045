import type { KnownBlock } from "@slack/types";
import { afterEach, describe, expect, it } from "vitest";
import { vendorCommand } from "../../src/commands/vendor.ts";
import { csvCell, toCsv } from "../../src/core/vendors/csv.ts";
import { vendorsCsv } from "../../src/core/vendors/format.ts";
import { type Vendor, VendorSchema } from "../../src/core/vendors/vendor.ts";
import { LIMITS } from "../../src/render/limits.ts";
import { blocksToText } from "../../src/render/text.ts";
import { buildModal, submissionToText } from "../../src/slack/forms.ts";
import type { Store } from "../../src/store/store.ts";
import { testContext } from "../helpers/context.ts";

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** Every Block Kit limit a message must respect, checked block by block. */
function expectWithinLimits(blocks: KnownBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  expect(JSON.stringify(blocks).length).toBeLessThan(13_000);
  for (const b of blocks) {
    if (b.type === "section") {
      expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(b.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionFields);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
      if (b.accessory?.type === "button") expect(b.accessory.value?.length ?? 0).toBeLessThanOrEqual(2000);
    }
    if (b.type === "header") expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (b.type === "actions") {
      expect(b.elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
      const ids = b.elements.map((e) => ("action_id" in e ? e.action_id : ""));
      expect(new Set(ids).size).toBe(ids.length);
    }
    if (b.type === "context") expect(b.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
  }
}

/** A long, awkward name: 80 characters with markup and quotes in it. */
const longName = (i: number) =>
  `Vendor ${String(i).padStart(3, "0")} *bold* <b>&amp; "Quotes", \`ticks\` ${"x".repeat(40)}`.slice(0, 80);

describe("replies with many vendors", () => {
  it("fit Block Kit limits with 200 vendors: compare, list, show and export", async () => {
    const c = await testContext();
    stores.push(c.db);
    await c.db.update(c.workspace, (d) => {
      for (let i = 0; i < 200; i++)
        d.vendors.push(
          VendorSchema.parse({
            name: longName(i),
            perMinute: 0.7 + (i % 50) / 100,
            billingSeconds: 60,
            currency: i % 3 === 0 ? "EUR" : "USD",
            languages: i % 2 ? ["en", "es"] : ["en"],
            notes: "n".repeat(1000),
          }),
        );
      d.profile = { volume: 8000, languages: ["en", "es"] };
    });
    const compared = await vendorCommand.run("compare", c);
    expectWithinLimits(compared.reply.blocks);
    const t = blocksToText(compared.reply.blocks);
    expect(t).toMatch(/Vendor comparison: 200 quotes/);
    expect(t).toMatch(/Showing the top 25 of 200/);
    expect(t).toMatch(/Export CSV/);
    expect((compared.result as { vendors: unknown[] }).vendors).toHaveLength(200);

    const listed = await vendorCommand.run("list", c);
    expectWithinLimits(listed.reply.blocks);
    expect(blocksToText(listed.reply.blocks)).toMatch(/more\. The CSV export has every quote/);

    const shown = await vendorCommand.run(`show ${longName(7)}`, c);
    expectWithinLimits(shown.reply.blocks);

    const exported = await vendorCommand.run("export", c);
    const csv = String(exported.reply.files?.[0]?.content);
    // Header + 200 rows; notes are one cell each even though they are long.
    expect(csv.trim().split("\r\n")).toHaveLength(201);
  });
});

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks, and doubles quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("plain")).toBe("plain");
    expect(toCsv([["a", 1, null]])).toBe("a,1,\r\n");
  });

  it("defuses cells that a spreadsheet would run as a formula", () => {
    for (const evil of ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\t=1"])
      expect(csvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell("=1,2")).toBe('"\'=1,2"');
  });

  it("keeps a vendor's notes with commas, quotes, newlines and a formula in one cell", () => {
    const v: Vendor = VendorSchema.parse({
      name: "=cmd|' /C calc'!A0",
      perMinute: 1,
      notes: 'Good, "cheap"\nbut slow\n=2+2',
    });
    const csv = vendorsCsv([v]);
    const [head, row] = csv.split("\r\n");
    expect(head?.split(",")[0]).toBe("name");
    expect(row?.startsWith("'=cmd|' /C calc'!A0,")).toBe(true);
    expect(row).toContain('"Good, ""cheap""\nbut slow\n=2+2"');
  });
});

describe("the add and edit forms", () => {
  it("build valid modals whose empty submission is a plain add", async () => {
    const c = await testContext();
    stores.push(c.db);
    const form = await vendorCommand.form?.("add", c);
    if (!form) throw new Error("no form");
    const modal = buildModal(form, { c: "vendor", p: form.prefix });
    expect(modal.blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    expect((modal.title.text as string).length).toBeLessThanOrEqual(LIMITS.modalTitle);
    // A user who fills in only the name: the submission is the add command with that name.
    const text = submissionToText(
      { state: { values: { "f:name": { v: { type: "plain_text_input", value: "Acme Co" } } } } },
      form.prefix,
    );
    expect(text).toBe('add name="Acme Co"');
    await vendorCommand.run(text, c);
    expect((await c.db.read(c.workspace)).vendors.map((v) => v.name)).toEqual(["Acme Co"]);
  });
});
