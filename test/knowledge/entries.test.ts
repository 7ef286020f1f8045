import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dispatch } from "../../src/commands/dispatch.ts";
import { COMMANDS } from "../../src/commands/registry.ts";
import { CRITERIA } from "../../src/core/advice/criteria.ts";
import { checkEntries, type KnowledgeEntry } from "../../src/core/knowledge/entry.ts";
import { loadKnowledge, parseKnowledgeFile } from "../../src/core/knowledge/load.ts";
import { testContext } from "../helpers/context.ts";

const entries = loadKnowledge();
const byId = new Map(entries.map((e) => [e.id, e]));
const text = (id: string) => {
  const e = byId.get(id);
  if (!e) throw new Error(`no entry ${id}`);
  return `${e.title} ${e.answer}`;
};

const valid: KnowledgeEntry = {
  id: "sample",
  group: "pricing",
  title: "A sample entry",
  answer: "A sample answer that is long enough to be a real answer for the schema.",
  keywords: ["one", "two", "three"],
  related: ["other"],
};

describe("knowledge base files", () => {
  it("has an entry for every criterion and selection step the rules use", () => {
    const missing = CRITERIA.filter((id) => !byId.has(id));
    expect(missing).toEqual([]);
  });

  it("links only to entries that exist, never to itself", () => {
    expect(checkEntries(entries)).toEqual([]);
    for (const e of entries) for (const r of e.related) expect(byId.has(r), `${e.id} → ${r}`).toBe(true);
  });

  it("points only to commands the app has", () => {
    const names = new Set(COMMANDS.map((c) => c.name));
    for (const e of entries) if (e.command) expect(names.has(e.command.name), e.id).toBe(true);
  });

  it("has go-further command lines that the calculators accept", async () => {
    const ctx = await testContext();
    for (const e of entries) {
      if (e.command?.name !== "estimate" && e.command?.name !== "staffing") continue;
      const out = await dispatch(e.command.name, e.command.text, ctx);
      expect(
        out.ok,
        `${e.id}: /cc-${e.command.name} ${e.command.text}: ${out.ok ? "" : out.reply.text}`,
      ).toBe(true);
    }
  });

  it("covers the topics teams ask about", () => {
    for (const id of [
      "pricing-models",
      "shared-pricing",
      "dedicated-pricing",
      "semi-dedicated",
      "billing-increments",
      "hold-time",
      "fees",
      "volume",
      "availability",
      "disaster-recovery",
      "security",
      "certifications",
      "deployment",
      "languages",
      "location",
      "reporting",
      "erlang-c",
      "service-level",
      "asa",
      "occupancy",
      "shrinkage",
      "wait-statistic",
      "readiness",
    ])
      expect(byId.has(id), id).toBe(true);
  });

  it("carries the guide's figures", () => {
    expect(text("shared-pricing")).toMatch(/\$0\.70.*\$1\.25/);
    expect(text("dedicated-pricing")).toMatch(/\$25.*\$35/);
    expect(text("pricing-models")).toMatch(/\$0\.70 to \$1\.25/);
    expect(text("pricing-models")).toMatch(/\$25 to \$35/);
    // The statistic is attributed to the guide, with both of its numbers.
    expect(text("wait-statistic")).toMatch(/guide/);
    expect(text("wait-statistic")).toMatch(/50%/);
    expect(text("wait-statistic")).toMatch(/5 minutes/);
    expect(text("readiness")).toMatch(/24 hours/);
    expect(text("shop-around")).toMatch(/three/);
    // The worked staffing example: 14 agents, 20 scheduled at 30% shrinkage.
    expect(text("shrinkage")).toMatch(/14 agents.*20 scheduled/);
  });

  it("keeps titles short enough for a button and answers to a few sentences", () => {
    for (const e of entries) {
      expect(e.title.length, e.id).toBeLessThanOrEqual(75);
      // A few sentences: enough to be useful, short enough to read in a Slack thread.
      expect(e.answer.length, e.id).toBeGreaterThanOrEqual(150);
      expect(e.answer.length, e.id).toBeLessThanOrEqual(1000);
    }
  });
});

describe("validation at load", () => {
  it("rejects a file with a missing field and names the field", () => {
    const { answer: _drop, ...noAnswer } = valid;
    expect(() => parseKnowledgeFile(JSON.stringify([noAnswer]), "bad.json")).toThrow(/bad\.json.*answer/);
  });

  it("rejects unknown fields, bad ids and invalid JSON", () => {
    expect(() => parseKnowledgeFile(JSON.stringify([{ ...valid, extra: 1 }]), "x.json")).toThrow(/x\.json/);
    expect(() => parseKnowledgeFile(JSON.stringify([{ ...valid, id: "Bad Id" }]), "x.json")).toThrow(/\.id/);
    expect(() => parseKnowledgeFile("[{", "x.json")).toThrow(/not valid JSON/);
  });

  it("finds duplicate ids and dangling or self links", () => {
    const problems = checkEntries([
      valid,
      { ...valid },
      { ...valid, id: "other", related: ["other", "ghost"] },
    ]);
    expect(problems.join("\n")).toMatch(/"sample" is used twice/);
    expect(problems.join("\n")).toMatch(/"other" lists itself/);
    expect(problems.join("\n")).toMatch(/"ghost"/);
  });

  it("refuses to load a folder whose entries link to nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "kb-"));
    writeFileSync(join(dir, "a.json"), JSON.stringify([valid]));
    expect(() => loadKnowledge(dir)).toThrow(/"other"/);
    writeFileSync(join(dir, "b.json"), JSON.stringify([{ ...valid, id: "other", related: ["sample"] }]));
    expect(loadKnowledge(dir).map((e) => e.id)).toEqual(["sample", "other"]);
  });
});
