import type { Criterion } from "./criteria.ts";
import type { Profile } from "./profile.ts";
import { joinWords, showValue, toolName } from "./words.ts";

/**
 * The must-level requirements a needs profile sets, as data a vendor can be checked against. Vendor
 * comparison uses `mustRequirements(profile)` and `checkVendor(requirements, offer)` to list the musts
 * a vendor fails (or has not answered).
 */
export type Requirement = {
  criterion: Criterion;
  label: string;
  /**
   * "should" when the advice rule behind it is a should (channels, region, on-premises): checked and
   * scored like a must, but failing it does not rank a quote below those meeting every must.
   */
  severity?: "should";
} & (
  | { kind: "languages"; languages: string[] }
  | { kind: "hours"; hours: "24/7" | "extended" }
  | { kind: "disaster-recovery" }
  | { kind: "pci-dss" }
  | { kind: "health-data" }
  | { kind: "data-protection" }
  | { kind: "licensed-agents" }
  | { kind: "reporting"; level: "real-time" | "recordings" }
  | { kind: "integrations"; tools: string[] }
  | { kind: "channels"; channels: string[] }
  | { kind: "region"; region: string }
  | { kind: "on-premises" }
  | { kind: "no-minimum-above"; volume: number }
  | { kind: "hold-not-billed" }
);

export type RequirementKind = Requirement["kind"];

/** Every must a vendor should meet for this profile, in a stable order. */
export function mustRequirements(p: Profile): Requirement[] {
  const out: Requirement[] = [];
  const other = (p.languages ?? []).filter((l) => l !== "en");
  if (other.length)
    out.push({
      kind: "languages",
      criterion: "languages",
      languages: [...(p.languages ?? [])],
      label: `Agents fluent in ${showValue("languages", p.languages)}`,
    });
  if (p.hours === "24/7" || p.hours === "extended")
    out.push({
      kind: "hours",
      criterion: "availability",
      hours: p.hours,
      label: p.hours === "24/7" ? "Staffed 24/7/365" : "Covers evenings and weekends",
    });
  if (p.dr === true)
    out.push({
      kind: "disaster-recovery",
      criterion: "availability",
      label: "Takes over if your own lines go down",
    });
  if (p.payments === true || p.inbound?.includes("payments"))
    out.push({ kind: "pci-dss", criterion: "security", label: "PCI DSS compliant for card payments" });
  if (p.health === true)
    out.push({ kind: "health-data", criterion: "security", label: "Certified protection of health data" });
  if (p["personal-data"] === true)
    out.push({ kind: "data-protection", criterion: "security", label: "Complies with data-protection law" });
  if (p.licensed === true)
    out.push({
      kind: "licensed-agents",
      criterion: "staff-capacity",
      label: "Agents hold the required licenses",
    });
  if (p.reporting === "real-time" || p.reporting === "recordings")
    out.push({
      kind: "reporting",
      criterion: "reporting",
      level: p.reporting,
      label: p.reporting === "recordings" ? "Call recordings available" : "Real-time reporting",
    });
  if (p.crm?.length)
    out.push({
      kind: "integrations",
      criterion: "integrations",
      tools: [...p.crm],
      label: `Integrates with ${joinWords(p.crm.map(toolName))}`,
    });
  if (p.channels?.length)
    out.push({
      kind: "channels",
      criterion: "needs",
      severity: "should",
      channels: [...p.channels],
      label: `Handles ${joinWords(p.channels)}`,
    });
  if (p.expansion)
    out.push({
      kind: "region",
      criterion: "location",
      severity: "should",
      region: p.expansion,
      label: `Serves ${showValue("expansion", p.expansion)}`,
    });
  if (p.cloud === "skeptical")
    out.push({
      kind: "on-premises",
      criterion: "deployment",
      severity: "should",
      label: "Offers an on-premises setup",
    });
  if (p.volume !== undefined && p.volume < 3000)
    out.push({
      kind: "no-minimum-above",
      criterion: "volume",
      volume: p.volume,
      label: `No minimum above your ${showValue("volume", p.volume)} contacts a month`,
    });
  out.push({ kind: "hold-not-billed", criterion: "cost", label: "Hold time is not billed" });
  return out;
}

/**
 * What a vendor says it offers, as far as the musts go. Leave a field undefined when the vendor has
 * not said: the requirement is then "unknown", not failed.
 */
export interface VendorOffer {
  languages?: string[];
  hours?: "business" | "extended" | "24/7";
  disasterRecovery?: boolean;
  pciDss?: boolean;
  healthData?: boolean;
  dataProtection?: boolean;
  licensedAgents?: boolean;
  reporting?: "basic" | "real-time" | "recordings";
  integrations?: string[];
  channels?: string[];
  regions?: string[];
  onPremises?: boolean;
  /** The vendor's minimum monthly volume (0 or undefined: none stated). */
  minimumVolume?: number;
  holdBilled?: boolean;
}

export type RequirementStatus = "met" | "failed" | "unknown";

export interface RequirementCheck {
  requirement: Requirement;
  status: RequirementStatus;
  /** For a failed list requirement: what is missing ("es", "hubspot"). */
  missing?: string[];
}

const HOURS_RANK = { business: 0, extended: 1, "24/7": 2 } as const;
const REPORTING_RANK = { basic: 0, "real-time": 1, recordings: 2 } as const;

const listCheck = (requirement: Requirement, need: string[], has: string[] | undefined): RequirementCheck => {
  if (has === undefined) return { requirement, status: "unknown" };
  const lower = has.map((h) => h.toLowerCase());
  const missing = need.filter((n) => !lower.includes(n.toLowerCase()));
  return missing.length ? { requirement, status: "failed", missing } : { requirement, status: "met" };
};

const flag = (requirement: Requirement, v: boolean | undefined): RequirementCheck => ({
  requirement,
  status: v === undefined ? "unknown" : v ? "met" : "failed",
});

/** Check one vendor against the musts. */
export function checkVendor(requirements: Requirement[], offer: VendorOffer): RequirementCheck[] {
  return requirements.map((r): RequirementCheck => {
    switch (r.kind) {
      case "languages":
        return listCheck(r, r.languages, offer.languages);
      case "hours":
        return offer.hours === undefined
          ? { requirement: r, status: "unknown" }
          : { requirement: r, status: HOURS_RANK[offer.hours] >= HOURS_RANK[r.hours] ? "met" : "failed" };
      case "disaster-recovery":
        return flag(r, offer.disasterRecovery);
      case "pci-dss":
        return flag(r, offer.pciDss);
      case "health-data":
        return flag(r, offer.healthData);
      case "data-protection":
        return flag(r, offer.dataProtection);
      case "licensed-agents":
        return flag(r, offer.licensedAgents);
      case "reporting":
        return offer.reporting === undefined
          ? { requirement: r, status: "unknown" }
          : {
              requirement: r,
              status: REPORTING_RANK[offer.reporting] >= REPORTING_RANK[r.level] ? "met" : "failed",
            };
      case "integrations":
        return listCheck(r, r.tools, offer.integrations);
      case "channels":
        return listCheck(r, r.channels, offer.channels);
      case "region":
        return listCheck(r, [r.region], offer.regions);
      case "on-premises":
        return flag(r, offer.onPremises);
      case "no-minimum-above":
        return offer.minimumVolume === undefined
          ? { requirement: r, status: "unknown" }
          : { requirement: r, status: offer.minimumVolume <= r.volume ? "met" : "failed" };
      default:
        // hold-not-billed
        return flag(r, offer.holdBilled === undefined ? undefined : !offer.holdBilled);
    }
  });
}

/** The musts a vendor fails (unknown ones are not failures; ask the vendor). */
export const failedMusts = (profile: Profile, offer: VendorOffer): RequirementCheck[] =>
  checkVendor(mustRequirements(profile), offer).filter(
    (c) => c.status === "failed" && c.requirement.severity !== "should",
  );
