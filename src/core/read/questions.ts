import { ReadingQuestion } from "../errors.ts";
import type { Reading } from "./facts.ts";
import { plainNumber } from "./numbers.ts";

/** A count whose locale does not settle it (12.000 from English): ask, with both readings. */
export function askAboutReadings(r: Reading, field: string, example?: string): void {
  for (const f of r.facts) {
    if (f.kind !== "count" || !f.readings) continue;
    const typed = /\d[\d.,]*\d/.exec(f.span.words)?.[0];
    if (!typed) continue;
    const [a, b] = f.readings;
    throw new ReadingQuestion(
      `“${f.span.words}”: is “${typed}” ${a.toLocaleString("en-US")} or ${b.toLocaleString("en-US")}? Your locale does not settle it.`,
      [
        { label: `${a.toLocaleString("en-US")}`, from: typed, to: plainNumber(a) },
        { label: `${b.toLocaleString("en-US")}`, from: typed, to: plainNumber(b) },
      ],
      { field, ...(example ? { example } : {}) },
    );
  }
}
