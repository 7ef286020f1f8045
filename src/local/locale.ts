/**
 * The locale of a local user, as a BCP 47 tag. POSIX locale names ("ro_RO.UTF-8", "de_DE@euro") are
 * turned into tags ("ro-RO", "de-DE"); C and POSIX, which say nothing about a language, mean en-US,
 * as they do for the programs that honour them.
 */

/** A tag as BCP 47, or undefined when it is not one (Intl.getCanonicalLocales checks the syntax). */
export function canonicalLocale(tag: string): string | undefined {
  const t = tag.trim().replace(/_/g, "-");
  if (!t) return undefined;
  try {
    return Intl.getCanonicalLocales(t)[0];
  } catch {
    return undefined;
  }
}

/** "ro_RO.UTF-8" → "ro-RO"; "C", "POSIX", "C.UTF-8" and unreadable names → undefined. */
export function fromPosixLocale(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const base = name.split(/[.@]/)[0] ?? "";
  if (base === "" || base === "C" || base === "POSIX") return undefined;
  return canonicalLocale(base);
}

/** LC_ALL wins over LANG, as in POSIX; en-US when neither names a language. */
export const localeFromEnv = (env: NodeJS.ProcessEnv = process.env): string =>
  fromPosixLocale(env.LC_ALL) ?? fromPosixLocale(env.LANG) ?? "en-US";
