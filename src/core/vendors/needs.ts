import { normalizeLanguage } from "./languages.ts";
import type { Hours, ReportingLevel } from "./vendor.ts";

/**
 * What a comparison needs from a team's saved profile. The profile is read field by field and a
 * field of an unexpected shape is ignored, so an older or partial profile still compares.
 */
export interface Needs {
  volume?: number;
  /** Minutes, as the profile keeps them. */
  talk?: number;
  wrap?: number;
  hold?: number;
  hours?: "business" | "extended" | "24/7";
  languages: string[];
  payments?: boolean;
  health?: boolean;
  dr?: boolean;
  inbound: string[];
  outbound: string[];
  channels: string[];
  reporting?: ReportingLevel;
  crm: string[];
  industry?: string;
  switching?: "underperforming" | "no";
  expansion?: string;
  accents?: "sensitive" | "tolerant";
  personalData?: boolean;
  licensed?: boolean;
  /** % a year. */
  growth?: number;
  languageBarriers?: boolean;
}

const num = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === "number" && Number.isFinite(v) && v >= min && v <= max ? v : undefined;
const bool = (v: unknown): boolean | undefined => (typeof v === "boolean" ? v : undefined);
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined =>
  typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export function needsFromProfile(profile: unknown): Needs {
  const p = (profile && typeof profile === "object" ? profile : {}) as Record<string, unknown>;
  const needs: Needs = {
    languages: [...new Set(strings(p.languages).map(normalizeLanguage))],
    inbound: strings(p.inbound),
    outbound: strings(p.outbound),
    channels: strings(p.channels),
    crm: strings(p.crm).map((c) => c.toLowerCase()),
  };
  const set = <K extends keyof Needs>(key: K, value: Needs[K] | undefined) => {
    if (value !== undefined) needs[key] = value;
  };
  set("volume", num(p.volume, 0, 1e9));
  set("talk", num(p.talk, 0, 600));
  set("wrap", num(p.wrap, 0, 600));
  set("hold", num(p.hold, 0, 600));
  set("hours", oneOf(p.hours, ["business", "extended", "24/7"] as const));
  set("payments", bool(p.payments));
  set("health", bool(p.health));
  set("dr", bool(p.dr));
  set("personalData", bool(p["personal-data"]));
  set("licensed", bool(p.licensed));
  set("growth", num(p.growth, 0, 10_000));
  set("languageBarriers", bool(p["language-barriers"]));
  set("reporting", oneOf(p.reporting, ["basic", "real-time", "recordings"] as const));
  set("industry", typeof p.industry === "string" && p.industry ? p.industry.toLowerCase() : undefined);
  set("switching", oneOf(p.switching, ["underperforming", "no"] as const));
  set("expansion", typeof p.expansion === "string" ? p.expansion : undefined);
  set("accents", oneOf(p.accents, ["sensitive", "tolerant"] as const));
  return needs;
}

/** Coverage the team needs. "extended" has no fixed meaning: 12 h × 6 days is assumed and stated. */
export const neededHours = (hours: Needs["hours"]): Hours & { label: string } =>
  hours === "24/7"
    ? { hoursPerDay: 24, daysPerWeek: 7, label: "24/7" }
    : hours === "extended"
      ? { hoursPerDay: 12, daysPerWeek: 6, label: "extended (12 h × 6 days assumed)" }
      : { hoursPerDay: 9, daysPerWeek: 5, label: "business hours (9 h × 5 days)" };
