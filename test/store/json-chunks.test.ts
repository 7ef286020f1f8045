import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonPieces } from "../../src/store/json-chunks.ts";
import { workspace } from "../helpers/workspace-data.ts";

const text = (v: unknown) => [...jsonPieces(v)].join("");

describe("the database file's text, written in pieces", () => {
  it("is exactly JSON.stringify(value, null, 2), so the file format does not change", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(text(v)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
    const db = {
      version: 1,
      workspaces: { T1: workspace({ vendors: 30, contracts: 5, perContract: 6, now: 0 }) },
    };
    expect(text(db)).toBe(JSON.stringify(db, null, 2));
    const withHoles = { a: undefined, b: [undefined, 1, { c: undefined, d: [] }], e: {} };
    expect(text(withHoles)).toBe(JSON.stringify(withHoles, null, 2));
  });
});
