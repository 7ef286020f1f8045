import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { identityOf, Memo } from "../../src/core/memo.ts";
import { testContext } from "../helpers/context.ts";

describe("Memo", () => {
  it("computes once per key, hands out a frozen value, and stays within its caps", () => {
    const memo = new Memo<{ n: number[] }>({ entries: 3, bytes: 1024 * 1024 });
    let runs = 0;
    const compute = () => {
      runs++;
      return { n: [runs] };
    };
    const a = memo.get("a", compute);
    expect(memo.get("a", compute)).toBe(a);
    expect(runs).toBe(1);
    expect(Object.isFrozen(a.n)).toBe(true);
    for (const k of ["b", "c", "d", "e"]) memo.get(k, compute);
    expect(memo.usage().entries).toBe(3);
    memo.get("a", compute);
    expect(runs).toBe(6);
  });

  it("does not keep a value bigger than its byte cap", () => {
    const memo = new Memo<{ s: string }>({ entries: 10, bytes: 1000 });
    let runs = 0;
    const big = () => ({ s: "x".repeat(runs++ + 2000) });
    memo.get("k", big);
    memo.get("k", big);
    expect(runs).toBe(2);
    expect(memo.usage().bytes).toBe(0);
  });

  it("numbers objects by identity, not content", () => {
    const a = { x: 1 };
    expect(identityOf(a)).toBe(identityOf(a));
    expect(identityOf(a)).not.toBe(identityOf({ x: 1 }));
  });
});

describe("kept comparisons and advice", () => {
  it("a vendor compare after a quote changes shows the change", async () => {
    const c = await testContext({ workspace: { teamId: "T_MEMO" } });
    await dispatch("vendor", "add name=Acme rate=0.90/min", c);
    await dispatch("vendor", "add name=Beta rate=1.20/min", c);
    const first = await dispatch("vendor", "compare volume=2000", c);
    expect(JSON.stringify(first.reply.blocks)).toMatch(/2 quotes/);
    await dispatch("vendor", "edit Beta rate=0.50/min", c);
    await dispatch("vendor", "add name=Gamma rate=0.70/min", c);
    const again = await dispatch("vendor", "compare volume=2000", c);
    expect(JSON.stringify(again.reply.blocks)).toMatch(/3 quotes/);
    const order = (r: typeof again) =>
      JSON.stringify(r.ok ? r.result : null).match(/"name":"(Acme|Beta|Gamma)"/g);
    expect(order(again)?.[0]).toContain("Beta");
  });

  it("a contract list after a contract is added shows it", async () => {
    const c = await testContext({ workspace: { teamId: "T_MEMO4" }, now: new Date("2027-01-01T12:00:00Z") });
    await dispatch("contract", "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d", c);
    expect((await dispatch("contract", "list", c)).reply.text).toMatch(/^1 contract\./);
    await dispatch("contract", "add vendor=Beta start=2027-02-01 renews=2028-02-01 notice=30d", c);
    const again = await dispatch("contract", "list", c);
    expect(again.reply.text).toMatch(/^2 contracts/);
    expect(JSON.stringify(again.reply.blocks)).toContain("Beta");
  });

  it("the same facts give the same advice twice, in each reader's number format", async () => {
    const en = await testContext({ workspace: { teamId: "T_MEMO2" }, locale: "en-US" });
    const de = await testContext({ workspace: { teamId: "T_MEMO3" }, locale: "de-DE" });
    const a = await dispatch("advise", "volume=12000 hours=24/7", en);
    const b = await dispatch("advise", "volume=12000 hours=24/7", en);
    // Button ids are numbered per reply; the words and the file are the same.
    const words = (r: typeof a) => JSON.stringify(r.reply).replace(/"action_id":"[^"]*"/g, "");
    expect(words(b)).toBe(words(a));
    const c = await dispatch("advise", "volume=12000 hours=24/7", de);
    expect(JSON.stringify(c.reply)).toContain("12.000");
    expect(JSON.stringify(a.reply)).not.toContain("12.000");
  });
});
