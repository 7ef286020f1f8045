import { describe, expect, it } from "vitest";
import { isPng, pngSize } from "../../src/render/charts/index.ts";

/** The first 24 bytes of a PNG, written out from the spec: signature, IHDR length 13, "IHDR", width, height. */
function pngHeader(width: number, height: number): Buffer {
  const head = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write("IHDR", 12, "latin1");
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  return head;
}

describe("pngSize", () => {
  it("reads the width and height from the IHDR chunk", () => {
    expect(pngSize(pngHeader(640, 480))).toEqual({ width: 640, height: 480 });
    expect(pngSize(new Uint8Array(pngHeader(70_000, 3)))).toEqual({ width: 70_000, height: 3 });
  });

  it("rejects data that is not a PNG", () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...new Array(30).fill(0)]);
    expect(isPng(jpeg)).toBe(false);
    expect(() => pngSize(jpeg)).toThrow(/not a PNG/);
    expect(() => pngSize(pngHeader(1, 1).subarray(0, 20))).toThrow(/not a PNG/);
  });
});
