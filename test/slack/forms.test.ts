import { describe, expect, it } from "vitest";
import { estimateCommand } from "../../src/commands/estimate.ts";
import { staffingCommand } from "../../src/commands/staffing.ts";
import type { FormSpec } from "../../src/commands/types.ts";
import { blockForError, buildModal, submissionToText } from "../../src/slack/forms.ts";
import { viewProblems } from "../helpers/blockkit.ts";
import { testContext } from "../helpers/context.ts";

type Input = { block_id: string; element: Record<string, unknown> };
const inputs = (form: FormSpec) =>
  buildModal(form, { c: "x" }).blocks.filter((b) => b.type === "input") as unknown as Input[];
const element = (form: FormSpec, key: string) => inputs(form).find((b) => b.block_id === `f:${key}`)?.element;

describe("modals Slack accepts", () => {
  it("a prefilled number outside the field's range keeps the value and leaves out the bound it breaks", () => {
    const form: FormSpec = {
      title: "T",
      submit: "Go",
      fields: [
        { key: "target", label: "Target", kind: "number", min: 1, max: 99.9, initial: "99.95" },
        { key: "calls", label: "Calls", kind: "number", decimal: false, min: 1, initial: "12.5" },
      ],
    };
    const target = element(form, "target");
    expect(target).toMatchObject({ initial_value: "99.95", min_value: "1" });
    expect(target).not.toHaveProperty("max_value");
    // A fraction in a whole-number field would make Slack refuse the modal: decimals are allowed instead.
    expect(element(form, "calls")).toMatchObject({ initial_value: "12.5", is_decimal_allowed: true });
    expect(viewProblems(buildModal(form, { c: "x" }))).toEqual([]);
  });

  it("a prefilled choice that is not among the options is kept, so an unchanged submission keeps it", () => {
    const form: FormSpec = {
      title: "T",
      submit: "Go",
      fields: [
        {
          key: "hours",
          label: "Hours",
          kind: "select",
          options: [{ value: "business", label: "Business hours" }],
          initial: "10x5",
        },
      ],
    };
    const el = element(form, "hours") as {
      options: Array<{ value: string }>;
      initial_option: { value: string };
    };
    expect(el.initial_option.value).toBe("10x5");
    expect(el.options.map((o) => o.value)).toEqual(["business", "10x5"]);
    const view = {
      state: { values: { "f:hours": { v: { type: "static_select", selected_option: el.initial_option } } } },
    };
    expect(submissionToText(view)).toBe("hours=10x5");
  });

  it("editing a staffing calculation on a 45-minute interval keeps 45 minutes", async () => {
    const form = await staffingCommand.form?.("edit calls=100 interval=45m aht=3m", await testContext());
    const el = element(form as FormSpec, "interval-min") as {
      initial_option: { value: string; text: { text: string } };
    };
    expect(el.initial_option.value).toBe("45");
    expect(el.initial_option.text.text).toBe("45 minutes");
  });

  it("the estimate form is prefilled from a saved profile that has a volume but no talk time", async () => {
    const ctx = await testContext();
    await ctx.db.update(ctx.workspace, (d) => {
      d.profile = { volume: 12000, hours: "24/7", languages: ["en", "es"] };
    });
    const form = (await estimateCommand.form?.("", ctx)) as FormSpec;
    expect(element(form, "contacts")?.initial_value).toBe("12000");
    expect(element(form, "hours")?.initial_option).toMatchObject({ value: "24/7" });
    // The talk time is the user's to give: no made-up value.
    expect(element(form, "talk-min")).not.toHaveProperty("initial_value");
  });
});

describe("which input shows an error", () => {
  const ids = ["f:contacts", "f:talk-min", "f:hold-sec", "f:target"];
  it("the field named, or the form's key for it with a unit", () => {
    expect(blockForError("target", ids)).toBe("f:target");
    expect(blockForError("talk", ids)).toBe("f:talk-min");
    expect(blockForError("hold", ids)).toBe("f:hold-sec");
  });
  it("the first input when no field is named or the field is not on the form", () => {
    expect(blockForError(undefined, ids)).toBe("f:contacts");
    expect(blockForError("languages", ids)).toBe("f:contacts");
    expect(blockForError("t", ids)).toBe("f:contacts");
  });
});
