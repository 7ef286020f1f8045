import type { Profile } from "../advice/profile.ts";
import {
  checkVendor as checkOffer,
  mustRequirements,
  type Requirement,
  type RequirementCheck,
  type VendorOffer,
} from "../advice/requirements.ts";
import { toolName } from "../advice/words.ts";
import { formatInt } from "../format/number.ts";
import { own } from "../read/lookup.ts";
import type { CheckResult } from "./checks.ts";
import type { CostBasis } from "./cost.ts";
import { languageName } from "./languages.ts";
import type { Hours, Vendor } from "./vendor.ts";

/**
 * The musts come from the advice feature (`mustRequirements`), so /cc-advise and /cc-vendor compare
 * always agree on what a team requires. This module only translates a stored quote into the offer
 * those requirements are checked against, and the outcome into the comparison's terms.
 */

export { mustRequirements, type Requirement };

/** Regions of the advice profile's `expansion`, by two-letter country code. */
const REGIONS: Record<string, string> = {};
const region = (name: string, codes: string) => {
  for (const c of codes.split(" ")) REGIONS[c] = name;
};
region("latam", "MX GT BZ SV HN NI CR PA CO VE EC PE BO CL AR UY PY BR DO CU PR JM TT HT");
region("north-america", "US CA");
region(
  "europe",
  "GB IE FR DE ES PT IT NL BE LU AT CH PL CZ SK HU RO BG GR HR SI RS BA ME MK AL MD UA LT LV EE FI SE NO DK IS MT CY",
);
region("asia", "IN PH CN JP KR VN TH MY ID SG PK BD LK NP TW HK KH MM");
region("africa", "ZA EG MA KE NG GH TN SN RW ET UG TZ MU");
region("middle-east", "AE SA IL JO TR QA KW BH OM LB");
region("oceania", "AU NZ FJ PG");

export const regionOf = (country: string | undefined): string | undefined =>
  country ? own(REGIONS, country.toUpperCase()) : undefined;

/** The advice's three coverage levels. Extended means evenings and weekends: 12 h × 6 days or more. */
export const coverageLevel = (h: Hours): "business" | "extended" | "24/7" =>
  h.hoursPerDay >= 24 && h.daysPerWeek >= 7
    ? "24/7"
    : h.hoursPerDay >= 12 && h.daysPerWeek >= 6
      ? "extended"
      : "business";

const REPORTING_ORDER = ["basic", "real-time", "recordings"] as const;

/**
 * What a quote says, as the advice's offer. A field the quote is silent on stays undefined, which the
 * requirement check reports as unknown. `minimumContacts` is the quote's minimum expressed in contacts
 * (the comparison converts minute and money minimums with the workload).
 */
export function offerOf(v: Vendor, minimumContacts?: number, basis?: CostBasis | null): VendorOffer {
  const offer: VendorOffer = {};
  const has = (cert: string[]) => (v.certs ? cert.some((c) => v.certs?.includes(c)) : undefined);
  if (v.languages) offer.languages = v.languages;
  if (v.hours) offer.hours = coverageLevel(v.hours);
  if (v.dr !== undefined) offer.disasterRecovery = v.dr;
  const pci = has(["pci"]);
  if (pci !== undefined) offer.pciDss = pci;
  const health = has(["hipaa"]);
  if (health !== undefined) offer.healthData = health;
  const data = has(["soc2", "iso27001", "gdpr"]);
  if (data !== undefined) offer.dataProtection = data;
  if (v.licensed !== undefined) offer.licensedAgents = v.licensed;
  if (v.reporting?.length)
    offer.reporting = REPORTING_ORDER[Math.max(...v.reporting.map((r) => REPORTING_ORDER.indexOf(r)))];
  if (v.crm) offer.integrations = v.crm;
  const channels = v.services?.filter((s) => s !== "inbound" && s !== "outbound");
  if (channels?.length) offer.channels = channels;
  const r = regionOf(v.country);
  if (r) offer.regions = [r];
  if (v.deployment) offer.onPremises = v.deployment.includes("on-premises");
  if (minimumContacts !== undefined) offer.minimumVolume = minimumContacts;
  if (v.holdBilled !== undefined) offer.holdBilled = v.holdBilled;
  // Paid by the agent-hour or by the call, nobody is billed for the time a caller waits.
  else if (basis === "hourly" || basis === "per-call") offer.holdBilled = false;
  return offer;
}

const hoursText = (h: Hours) =>
  h.hoursPerDay >= 24 && h.daysPerWeek >= 7 ? "24/7" : `${h.hoursPerDay} h × ${h.daysPerWeek} days`;

function detail(c: RequirementCheck, v: Vendor, minimumContacts: number | undefined): string {
  if (c.status === "unknown") return "not asked yet";
  const r = c.requirement;
  switch (r.kind) {
    case "languages":
      return `no ${(c.missing ?? []).map(languageName).join(", ")}`;
    case "integrations":
      return `no ${(c.missing ?? []).map(toolName).join(", ")}`;
    case "channels":
      return `no ${(c.missing ?? []).join(", ")}`;
    case "region":
      return v.country ? `based in ${v.country}` : "elsewhere";
    case "hours":
      return v.hours ? `open ${hoursText(v.hours)} only` : "shorter hours";
    case "no-minimum-above":
      return `a minimum of about ${formatInt(minimumContacts ?? 0)} contacts a month`;
    case "hold-not-billed":
      return "bills hold time";
    case "reporting":
      return `only ${(v.reporting ?? []).join(", ")}`;
    default:
      return "not offered";
  }
}

/** Requirements whose failure is a cost the comparison already prices, not a hard requirement. */
const KNOWN_COSTS = new Set<Requirement["kind"]>(["hold-not-billed"]);

/** The team's requirements checked against one quote, as comparison checks (musts, and the few shoulds). */
export function mustChecks(
  requirements: Requirement[],
  v: Vendor,
  minimumContacts?: number,
  basis?: CostBasis | null,
): CheckResult[] {
  return checkOffer(requirements, offerOf(v, minimumContacts, basis)).map((c) => ({
    criterion: c.requirement.criterion,
    // Follows the advice rule: region, channels and on-premises are shoulds there, so here too.
    // Billed hold time is a cost, already priced into the quote's monthly figure: counting it as a
    // failed must as well would rank a cheap quote below dearer ones for a cost it is already charged.
    severity: KNOWN_COSTS.has(c.requirement.kind) ? "should" : (c.requirement.severity ?? "must"),
    status: c.status === "met" ? "pass" : c.status === "failed" ? "fail" : "unknown",
    label: c.requirement.label,
    ...(c.status !== "met" ? { detail: detail(c, v, minimumContacts) } : {}),
  }));
}

/** The profile the advice reads, with what the command overrides (volume, hours). */
export const adviceProfile = (profile: unknown, overrides: Partial<Profile>): Profile => ({
  ...(profile && typeof profile === "object" ? (profile as Profile) : {}),
  ...overrides,
});
