import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { testContext } from "../helpers/context.ts";

/**
 * The same sentence read by every command that reads it must give the same facts: the monthly volume
 * (one definition of a day, a week and a month) and the length of a contact, in estimate, advise, ask
 * and vendor compare (which works from the profile advise saved); the handle time in staffing too.
 */
const SENTENCES: Array<{ text: string; monthly: number; talkSeconds: number }> = [
  { text: "300 calls a day, talk 5 min", monthly: 6518, talkSeconds: 300 },
  { text: "12,000 calls a month, 4 min each", monthly: 12000, talkSeconds: 240 },
  { text: "800 emails and 1200 calls a month, avg 3.5 min", monthly: 2000, talkSeconds: 210 },
  { text: "1000 calls per week, calls last 6 minutes", monthly: 4345, talkSeconds: 360 },
  { text: "12 000 cals a mnth, tlak 5 min", monthly: 12000, talkSeconds: 300 },
  { text: "400 calls a day, 24/7, talk 4 min", monthly: 12167, talkSeconds: 240 },
  { text: "we get 250 calls a day, calls take 4-5 minutes", monthly: 5432, talkSeconds: 270 },
];

const numberIn = (text: string, re: RegExp): number | undefined => {
  const m = re.exec(text);
  return m?.[1] ? Number(m[1].replace(/,/g, "")) : undefined;
};

describe("one reading in every command", () => {
  it.each(SENTENCES)(
    "“$text” gives the same volume and talk time in estimate, advise, ask and vendor compare",
    async ({ text, monthly, talkSeconds }) => {
      const ctx = await testContext();
      await dispatch("vendor", "add name=Acme location=nearshore country=MX model=shared rate=0.95/min", ctx);

      const est = await dispatch("estimate", text, ctx);
      expect(est.ok, est.reply.text).toBe(true);
      const inputs = (est.ok ? est.result : {}) as {
        inputs: { contactsPerMonth: number; talkSeconds: number };
      };
      expect(Math.round(inputs.inputs.contactsPerMonth)).toBe(monthly);
      expect(inputs.inputs.talkSeconds).toBe(talkSeconds);

      const adv = await dispatch("advise", text, ctx);
      expect(adv.ok, adv.reply.text).toBe(true);
      const profile = (adv.ok ? adv.result : {}) as { profile: { volume: number; talk: number } };
      expect(profile.profile.volume).toBe(monthly);
      expect(Math.round(profile.profile.talk * 60)).toBe(talkSeconds);

      const ask = await dispatch("ask", `what would ${text} cost?`, ctx);
      expect(numberIn(ask.reply.text, /Monthly cost estimate: ([\d,]+) contacts/)).toBe(monthly);

      const cmp = await dispatch("vendor", "compare", ctx);
      expect(cmp.ok, cmp.reply.text).toBe(true);
      const compared = (cmp.ok ? cmp.result : {}) as { profile: { volume: number; talk: number } };
      expect(compared.profile.volume).toBe(monthly);
      expect(Math.round(compared.profile.talk * 60)).toBe(talkSeconds);
    },
    60_000,
  );

  it("an hourly volume and its handle time read the same in staffing, ask and estimate", async () => {
    const ctx = await testContext();
    const text = "300 calls an hour, AHT 4 min, 80/20";
    const staff = await dispatch("staffing", text, ctx);
    expect(staff.ok, staff.reply.text).toBe(true);
    const s = (staff.ok ? staff.result : {}) as {
      inputs: { callsPerInterval: number; intervalSeconds: number; ahtSeconds: number; target: number };
    };
    expect(s.inputs).toMatchObject({
      callsPerInterval: 300,
      intervalSeconds: 3600,
      ahtSeconds: 240,
      target: 0.8,
    });
    const ask = await dispatch("ask", `how many agents for ${text}?`, ctx);
    const direct = await dispatch("staffing", "calls=300 interval=60m aht=4m target=80% answer=20s", ctx);
    expect(ask.reply.text).toContain(direct.reply.text.split(":")[0] ?? "");
    const est = await dispatch("estimate", text, ctx);
    const e = (est.ok ? est.result : {}) as {
      inputs: { talkSeconds: number; target: number; answerSeconds: number };
    };
    expect(e.inputs).toMatchObject({ talkSeconds: 240, target: 0.8, answerSeconds: 20 });
  });
});
