import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { blocksToText } from "../../src/render/text.ts";
import { testContext } from "../helpers/context.ts";

interface EstimateJson {
  inputs: {
    contactsPerMonth: number;
    talkSeconds: number;
    chats: { contactsPerMonth: number; handleSeconds: number } | null;
    emails: { contactsPerMonth: number; handleSeconds: number } | null;
  };
}

async function estimate(text: string): Promise<{ json: EstimateJson; shown: string }> {
  const out = await dispatch("estimate", text, await testContext());
  if (!out.ok) throw new Error(out.reply.text);
  return { json: out.result as EstimateJson, shown: blocksToText(out.reply.blocks) };
}

describe("chats and e-mails typed in words beside calls", () => {
  it.each([
    ["800 emails and 1200 calls a month, talk 5m, email-time 8m", "emails", 800, 480, 1200],
    ["1200 calls and 300 chats a month, talk 5m, chat-time=12m", "chats", 300, 720, 1200],
    ["2,000 calls and 600 e-mails a month, talk 4 min, email aht 6 min", "emails", 600, 360, 2000],
  ] as const)(
    "%s: each channel is sized with its own handle time",
    async (text, channel, n, seconds, calls) => {
      const { json, shown } = await estimate(text);
      expect(json.inputs.contactsPerMonth).toBe(calls);
      expect(json.inputs[channel]).toEqual({ contactsPerMonth: n, handleSeconds: seconds });
      // The reply's first lines name both volumes, each with its own time.
      expect(shown).toContain(`${calls.toLocaleString("en-US")} calls (talk`);
      expect(shown).toContain(
        `${n} ${channel === "emails" ? "e-mails" : "chats"} (${seconds / 60} min each)`,
      );
    },
  );

  it.each([
    ["800 emails and 1200 calls a month, talk 5m", "“800 emails”", "email-time=", 2000],
    ["500 chats a month, 4 min", "“500 chats a month”", "chat-time=", 500],
  ])(
    "%s: without their handle time they are counted as calls, and the reply says so",
    async (text, words, key, total) => {
      const { json, shown } = await estimate(text);
      expect(json.inputs.contactsPerMonth).toBe(total);
      expect(json.inputs.chats ?? null).toBeNull();
      expect(json.inputs.emails ?? null).toBeNull();
      expect(shown).toContain(`${words} counted as calls`);
      expect(shown).toContain(key);
    },
  );

  it.each([
    [
      "what would 800 emails and 1200 calls a month at 5 min cost?",
      "“800 emails” counted as calls",
      "email-time=",
    ],
    [
      "how many agents for 100 calls and 20 chats an hour, aht 4 min?",
      "“20 chats an hour” counted as calls",
      "channel=chat",
    ],
  ])("/cc-ask %s says the same", async (question, warning, key) => {
    const out = await dispatch("ask", question, await testContext());
    const shown = blocksToText(out.reply.blocks);
    expect(shown).toContain(warning);
    expect(shown).toContain(key);
  });

  it("/cc-ask asks about a number the locale does not settle in a list, instead of summing a guess", async () => {
    const out = await dispatch(
      "ask",
      "what would 12.000 emails and 1200 calls a month at 5 min cost?",
      await testContext(),
    );
    const shown = blocksToText(out.reply.blocks);
    expect(shown).toContain("“12.000” could be 12,000 or 12");
    expect(shown).not.toContain("13,200");
  });

  it("calls alone carry no such warning", async () => {
    const { shown } = await estimate("12000 calls a month, 5 min talk");
    expect(shown).not.toContain("counted as calls");
  });
});
