/**
 * The text of `JSON.stringify(value, null, 2)`, in pieces, so a large database is written without
 * building one huge string in one go (which blocks the event loop for hundreds of milliseconds at
 * 100,000 records). Objects inside arrays (the stored records) are each one piece. (Remembering each
 * record's text by identity was measured: a WeakMap of 100,000 entries cost more in garbage
 * collection than it saved.)
 */
const record = (value: object, pad: string): string =>
  JSON.stringify(value, null, 2).replaceAll("\n", `\n${pad}`);

export function* jsonPieces(value: unknown, pad = ""): Generator<string> {
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  ) {
    yield JSON.stringify(value) ?? "null";
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let i = 0; i < value.length; i++) {
      const el = value[i] as unknown;
      yield `${i ? "," : ""}\n${inner}`;
      if (el !== null && typeof el === "object" && !Array.isArray(el)) yield record(el, inner);
      else if (el === undefined || typeof el === "function" || typeof el === "symbol") yield "null";
      else yield* jsonPieces(el, inner);
    }
    yield `\n${pad}]`;
    return;
  }
  const entries = Object.entries(value).filter(
    ([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol",
  );
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i] as [string, unknown];
    yield `${i ? "," : ""}\n${inner}${JSON.stringify(k)}: `;
    yield* jsonPieces(v, inner);
  }
  yield `\n${pad}}`;
}
