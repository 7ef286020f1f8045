import { readFileSync } from "node:fs";
import { z } from "zod";
import { projectPath } from "../../project-root.ts";
import { CHANNELS, HOURS, INBOUND, OUTBOUND, PATTERNS, REGIONS, REPORTING } from "./profile.ts";

/** The phrase table of the free-text reader, kept in data/advice/synonyms.json so it can be edited. */
export const DEFAULT_SYNONYMS_PATH = projectPath("data", "advice", "synonyms.json");

const phrases = z.array(
  z
    .string()
    .min(1)
    .regex(/^[^A-Z]*$/, "phrases are lower case"),
);
const table = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum(keys), phrases);

export const SynonymsSchema = z
  .object({
    about: z.string(),
    languages: z.record(z.string().regex(/^[a-z]{2,3}$/), phrases),
    regions: table(REGIONS),
    countries: phrases,
    pattern: table(PATTERNS),
    channels: table(CHANNELS),
    inbound: table(INBOUND),
    outbound: table(OUTBOUND),
    hours: table(HOURS),
    priority: table(["cost", "balanced", "quality"] as const),
    complexity: table(["simple", "specialized"] as const),
    accents: table(["sensitive", "tolerant"] as const),
    industries: z.record(z.string().regex(/^[a-z0-9-]+$/), phrases),
    crm: z.record(z.string().regex(/^[a-z0-9.-]+$/), phrases),
    booleans: z.record(
      z.enum([
        "payments",
        "health",
        "personal-data",
        "licensed",
        "dr",
        "international",
        "overloaded",
        "lost-sales",
        "missed-calls",
        "missed-appointments",
        "language-barriers",
      ]),
      phrases,
    ),
    switching: phrases,
    cloud: table(["skeptical", "trusted"] as const),
    reporting: table(REPORTING),
    negations: phrases,
  })
  .strict();
export type Synonyms = z.infer<typeof SynonymsSchema>;

export function loadSynonyms(path: string = DEFAULT_SYNONYMS_PATH): Synonyms {
  const parsed = SynonymsSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The phrase table ${path} is not valid at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

let cached: Synonyms | undefined;
/** The phrase table, read once. */
export const synonyms = (): Synonyms => {
  cached ??= loadSynonyms();
  return cached;
};

/**
 * Beyond the phrase table, the runtime's own list of languages (ICU): every two-letter code and its
 * English name, so "th" or "Thai" is known without listing every language of the world by hand.
 */
let icu: { names: Map<string, string>; byName: Map<string, string> } | undefined;
function icuLanguages(): { names: Map<string, string>; byName: Map<string, string> } {
  if (icu) return icu;
  const names = new Map<string, string>();
  const byName = new Map<string, string>();
  try {
    const display = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (const a of letters)
      for (const b of letters) {
        const name = display.of(a + b);
        if (!name || name.toLowerCase() === a + b) continue;
        names.set(a + b, name);
        if (!byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), a + b);
      }
  } catch {
    // A runtime without language names: the phrase table alone is used.
  }
  icu = { names, byName };
  return icu;
}

/** "Spanish", "español", "es", "Thai" or "th" → the two-letter code; undefined if not a language. */
export function languageCodeOf(raw: string, syn: Synonyms = synonyms()): string | undefined {
  const v = raw.trim().toLowerCase();
  if (Object.hasOwn(syn.languages, v)) return v;
  for (const [code, names] of Object.entries(syn.languages)) if (names.includes(v)) return code;
  const { names, byName } = icuLanguages();
  if (names.has(v)) return v;
  return byName.get(v);
}

/** "es" → "Spanish"; an unknown code is shown as typed. */
export const languageName = (code: string): string => {
  // The runtime's name is properly capitalized ("Haitian Creole"); the table's is lower case.
  const known = icuLanguages().names.get(code);
  if (known) return known;
  const name = synonyms().languages[code]?.[0];
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : code;
};
