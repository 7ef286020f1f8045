import type { KnownBlock } from "@slack/types";
import type { ReadingSummary } from "../core/read/summary.ts";
import { context } from "./blocks.ts";

const safe = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/`/g, "'");

const quoted = (words: string): string => `'${safe(words.length > 60 ? `${words.slice(0, 59)}…` : words)}'`;

/**
 * The lines every reply built from typed text ends with: warnings, what was understood, and what was
 * not used. Nothing is shown when nothing was read from free text.
 */
export function readingBlocks(summary: ReadingSummary | undefined, readAs: string[] = []): KnownBlock[] {
  if (!summary) return [];
  const lines: string[] = [];
  if (readAs.length) lines.push(`Read as: ${readAs.map(safe).join("; ")}.`);
  for (const w of summary.warnings.slice(0, 5)) lines.push(`:warning: ${safe(w)}`);
  if (summary.understood.length)
    lines.push(`I understood: ${summary.understood.slice(0, 12).map(safe).join("; ")}.`);
  if (summary.ignored.length)
    lines.push(`I did not use: ${summary.ignored.slice(0, 8).map(quoted).join(", ")}.`);
  return lines.length ? [context(...lines)] : [];
}
