import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import { actions, context, fields, fitMessage, header, section } from "../../src/render/blocks.ts";
import { commandButton, decodeCommandValue } from "../../src/render/buttons.ts";
import { blocksToText } from "../../src/render/text.ts";
import { buildModal, submissionToText } from "../../src/slack/forms.ts";

describe("Block Kit builders", () => {
  it("cut long texts to Slack's limits", () => {
    const long = "x".repeat(5000);
    expect((header(long).text.text as string).length).toBeLessThanOrEqual(150);
    expect(section(long).text?.text.length).toBeLessThanOrEqual(3000);
    const f = fields(Array.from({ length: 14 }, (_, i) => [`k${i}`, long] as [string, string]));
    expect(f.fields).toHaveLength(10);
    for (const x of f.fields ?? []) expect(x.text.length).toBeLessThanOrEqual(2000);
  });

  it("fit any number of blocks into one message and say what was left out", () => {
    const many: KnownBlock[] = Array.from({ length: 200 }, (_, i) => section(`item ${i} ${"y".repeat(500)}`));
    const fitted = fitMessage(many);
    expect(fitted.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(fitted).length).toBeLessThan(13000);
    expect(JSON.stringify(fitted.at(-1))).toMatch(/more part\(s\) left out/);
  });
});

describe("text rendering for the console", () => {
  it("keeps the words and drops the markup", () => {
    const text = blocksToText([
      header("Staffing"),
      section("*14 agents* needed, _see_ `details` <https://x.test|here>"),
      fields([["Service level", "88.8%"]]),
      context("Assumption: 30% shrinkage"),
    ]);
    expect(text).toContain("Staffing\n========");
    expect(text).toContain("14 agents needed, see details here (https://x.test)");
    expect(text).toContain("Service level: 88.8%");
    expect(text).toContain("Assumption: 30% shrinkage");
  });

  it("shows what a command button would run, so console users can type it", () => {
    const btn = commandButton("Remove", "vendor", "remove Acme confirm=yes", "danger");
    expect(decodeCommandValue(btn?.value)).toEqual({ c: "vendor", t: "remove Acme confirm=yes" });
    const text = blocksToText([actions(btn ? [btn] : [])]);
    expect(text).toContain("/cc-vendor remove Acme confirm=yes");
  });
});

describe("forms", () => {
  const form = {
    title: "Estimate costs",
    submit: "Estimate",
    fields: [
      { key: "contacts", label: "Contacts a month", kind: "number" as const, initial: "12000" },
      {
        key: "hours",
        label: "Hours",
        kind: "select" as const,
        options: [
          { value: "24/7", label: "24/7" },
          { value: "business", label: "Business hours" },
        ],
      },
      {
        key: "languages",
        label: "Languages",
        kind: "multiselect" as const,
        options: [
          { value: "en", label: "English" },
          { value: "es", label: "Spanish" },
        ],
      },
      { key: "hold-billed", label: "Hold time is billed", kind: "checkbox" as const },
      { key: "start", label: "Start", kind: "date" as const },
      { key: "name", label: "Name", kind: "text" as const },
      { key: "channel", label: "Channel", kind: "channel" as const, optional: true },
    ],
  };

  it("become modals with typed inputs within Slack's limits", () => {
    const modal = buildModal(form, { c: "estimate", ch: "C1" });
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    const types = modal.blocks.map((b) => (b as { element?: { type: string } }).element?.type);
    expect(types).toEqual([
      "number_input",
      "static_select",
      "multi_static_select",
      "checkboxes",
      "datepicker",
      "plain_text_input",
      "conversations_select",
    ]);
    expect(JSON.parse(modal.private_metadata ?? "{}")).toEqual({ c: "estimate", ch: "C1" });
  });

  it("submissions turn back into the command's key=value text", () => {
    const state = {
      values: {
        "f:contacts": { v: { type: "number_input", value: "12000" } },
        "f:hours": { v: { type: "static_select", selected_option: { value: "24/7" } } },
        "f:languages": {
          v: { type: "multi_static_select", selected_options: [{ value: "en" }, { value: "es" }] },
        },
        "f:hold-billed": { v: { type: "checkboxes", selected_options: [] } },
        "f:start": { v: { type: "datepicker", selected_date: "2027-01-15" } },
        "f:name": { v: { type: "plain_text_input", value: "Acme Corp" } },
        "f:channel": { v: { type: "conversations_select", selected_conversation: "C42" } },
      },
    };
    expect(submissionToText({ state }, "add")).toBe(
      'add contacts=12000 hours=24/7 languages=en,es hold-billed=no start=2027-01-15 name="Acme Corp" channel=<#C42>',
    );
  });
});
