import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../../project-root.ts";
import { checkEntries, entryFileSchema, type KnowledgeEntry } from "./entry.ts";

export const DEFAULT_KNOWLEDGE_DIR = projectPath("data", "knowledge");

/**
 * Read every *.json file of a folder as a list of entries, validated with zod. A bad file fails at
 * start-up with its name and the field at fault, never later in the middle of a question.
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeEntry[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  if (files.length === 0) throw new Error(`No knowledge files (*.json) in ${dir}.`);
  const entries: KnowledgeEntry[] = [];
  for (const file of files) entries.push(...parseKnowledgeFile(readFileSync(join(dir, file), "utf8"), file));
  const problems = checkEntries(entries);
  if (problems.length > 0)
    throw new Error(`The knowledge base in ${dir} is inconsistent: ${problems.join("; ")}.`);
  return entries;
}

/** Parse one file's text; `name` is only used in error messages. */
export function parseKnowledgeFile(text: string, name: string): KnowledgeEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`The knowledge file ${name} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = entryFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") : "";
    throw new Error(
      `The knowledge file ${name} is invalid at ${where || "the top level"}: ${issue?.message ?? "unknown problem"}`,
    );
  }
  return parsed.data;
}
