import { z } from "zod";

/**
 * One entry of the knowledge base: a topic people ask about, answered in a few sentences. Entries live
 * in data/knowledge/*.json so the wording can be improved without touching code.
 */

export const ENTRY_GROUPS = ["criteria", "steps", "pricing", "staffing", "outsourcing", "commands"] as const;
export type EntryGroup = (typeof ENTRY_GROUPS)[number];

/** The commands an entry may point to for going further. */
export const ENTRY_COMMANDS = ["estimate", "staffing", "advise", "vendor", "contract"] as const;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "ids are lower-case words joined by dashes, like `hold-time`");

export const entrySchema = z
  .object({
    id,
    group: z.enum(ENTRY_GROUPS),
    // Titles become button labels: Slack cuts button text at 75 characters.
    title: z.string().min(3).max(75),
    answer: z.string().min(40).max(1500),
    keywords: z.array(z.string().min(1).max(60)).min(3),
    related: z.array(id).min(1).max(6),
    command: z
      .object({
        name: z.enum(ENTRY_COMMANDS),
        /** The command text the button runs (may be empty: the command then explains itself). */
        text: z.string().max(200),
        label: z.string().min(3).max(40),
      })
      .strict()
      .optional(),
  })
  .strict();

export type KnowledgeEntry = z.infer<typeof entrySchema>;

export const entryFileSchema = z.array(entrySchema).min(1);

/** Cross-entry checks zod cannot express: unique ids, related ids that exist and are not the entry itself. */
export function checkEntries(entries: readonly KnowledgeEntry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) problems.push(`the id "${e.id}" is used twice`);
    ids.add(e.id);
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (r === e.id) problems.push(`"${e.id}" lists itself as related`);
      else if (!ids.has(r)) problems.push(`"${e.id}" lists "${r}" as related, but there is no such entry`);
    }
    if (new Set(e.related).size !== e.related.length) problems.push(`"${e.id}" lists a related entry twice`);
  }
  return problems;
}
