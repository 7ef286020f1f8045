/** The eight bytes every PNG file starts with. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** True when the buffer starts with the PNG signature followed by an IHDR chunk. */
export function isPng(buffer: Uint8Array): boolean {
  if (buffer.length < 24) return false;
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString("latin1", 12, 16) === "IHDR";
}

/**
 * Width and height in pixels, read from the IHDR chunk (always the first chunk, right after the
 * signature). Throws when the buffer is not a PNG.
 */
export function pngSize(buffer: Uint8Array): { width: number; height: number } {
  if (!isPng(buffer)) throw new Error("not a PNG image: the signature or the IHDR chunk is missing");
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
