/**
 * What a reply says about its reading: what was understood (in the user's words), the words not used,
 * and warnings about values that are possible but unlikely. Built by the parsers, shown by
 * src/render/reading.ts in every reply that read text.
 */
export interface ReadingSummary {
  /** "“12k calls a month” → 12,000 contacts a month". */
  understood: string[];
  /** Words that were not used, quoted as typed. */
  ignored: string[];
  /** Values that are possible but unlikely, or readings the user should check. */
  warnings: string[];
}

export const emptySummary = (): ReadingSummary => ({ understood: [], ignored: [], warnings: [] });

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Warnings for queue targets that are allowed but rarely meant. */
export function queueWarnings(v: {
  target?: number | undefined;
  shrinkage?: number | undefined;
  maxOccupancy?: number | undefined;
}): string[] {
  const out: string[] = [];
  if (v.target !== undefined && v.target < 0.5)
    out.push(
      `A service-level target of ${pct(v.target)} is unusually low (most teams aim for 80%); check it.`,
    );
  if (v.shrinkage !== undefined && (v.shrinkage < 0.05 || v.shrinkage > 0.6))
    out.push(
      `Shrinkage of ${pct(v.shrinkage)} is outside the usual 5–60% (breaks, training, absence); check it.`,
    );
  if (v.maxOccupancy !== undefined && v.maxOccupancy < 0.5)
    out.push(
      `A maximum occupancy of ${pct(v.maxOccupancy)} is unusually low (most centers allow 80–90%); check it.`,
    );
  return out;
}

/** A volume 1,000 times larger or smaller than the one saved is more often a typo than a change. */
export function volumeWarning(now: number, saved: number | undefined): string | undefined {
  if (saved === undefined || saved <= 0 || now <= 0) return undefined;
  const ratio = now / saved;
  if (ratio >= 1000 || ratio <= 1 / 1000)
    return `The volume ${now.toLocaleString("en-US")} is ${ratio >= 1 ? "over 1,000 times" : "under a thousandth of"} the ${saved.toLocaleString("en-US")} saved before; check the number (a decimal or thousands mark?).`;
  return undefined;
}
