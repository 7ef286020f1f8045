import type { Criterion } from "../advice/criteria.ts";
import { formatInt } from "../format/number.ts";
import type { Needs } from "./needs.ts";
import type { Vendor } from "./vendor.ts";

/**
 * What else a team would like, checked against one quote and weighed in the score. The musts are not
 * here: they come from the advice feature's requirements (see musts.ts). These cover the guide's other
 * points: inbound or outbound service, redundancy and capacity for heavy use, billing and fees stated,
 * a minimum that fits, industry experience, a size that matches, accents, and references.
 * A check a quote says nothing about is "unknown", never a pass.
 */

export type Severity = "must" | "should";
export type Status = "pass" | "fail" | "unknown";

export interface CheckResult {
  criterion: Criterion;
  severity: Severity;
  status: Status;
  /** What was checked, in words: "speaks Spanish". */
  label: string;
  /** Why it failed or is unknown. */
  detail?: string;
}

export interface CheckInput {
  needs: Needs;
  /** Dedicated agents this workload needs (for size and capacity checks), if known. */
  scheduledAgents?: number;
  /** Billable minutes a month at this vendor, to compare with its minimum. */
  billableMinutes?: number;
}

/** Volumes from which the guide asks for capacity reserves and redundancy (as the advice rules do). */
export const HIGH_VOLUME = 10_000;
/** Under this volume a minimum above it is a must (advice requirements); from it, a should here. */
export const SMALL_VOLUME = 3_000;
/** Uptime that counts as redundancy when a quote does not mention disaster recovery. */
const REDUNDANT_UPTIME = 99.9;

type Check = (v: Vendor, input: CheckInput) => CheckResult | CheckResult[] | undefined;

const check = (criterion: Criterion, label: string, status: Status, detail?: string): CheckResult => ({
  criterion,
  severity: "should",
  label,
  status,
  ...(detail ? { detail } : {}),
});

const yes = (criterion: Criterion, label: string, ok: boolean, why?: string) =>
  check(criterion, label, ok ? "pass" : "fail", ok ? undefined : why);

const serviceType: Check = (v, { needs }) => {
  const out: CheckResult[] = [];
  const directions = v.services?.filter((s) => s === "inbound" || s === "outbound") ?? [];
  for (const [wanted, asked] of [
    ["inbound", needs.inbound],
    ["outbound", needs.outbound],
  ] as const) {
    if (asked.length === 0) continue;
    const label = `${wanted} service`;
    out.push(
      directions.length === 0
        ? check("service-type", label, "unknown", "services not listed")
        : yes("service-type", label, directions.includes(wanted), `no ${wanted}`),
    );
  }
  return out;
};

const languageBarriers: Check = (v, { needs }) => {
  // Customers lost to language barriers, with no language named yet: any second language helps.
  if (!needs.languageBarriers || needs.languages.some((l) => l !== "en")) return undefined;
  const label = "agents in other languages";
  return v.languages
    ? yes(
        "languages",
        label,
        v.languages.some((l) => l !== "en"),
        "English only",
      )
    : check("languages", label, "unknown", "languages not listed");
};

const redundancy: Check = (v, { needs }) => {
  const heavy = (needs.volume ?? 0) >= HIGH_VOLUME || needs.hours === "24/7" || needs.dr === true;
  if (!heavy) return undefined;
  const label = "redundancy and a disaster-recovery plan";
  if (v.dr === true || (v.uptime !== undefined && v.uptime >= REDUNDANT_UPTIME))
    return check("downtime", label, "pass");
  if (v.dr === false) return check("downtime", label, "fail", "no disaster-recovery plan");
  return check("downtime", label, "unknown", "redundancy not asked yet");
};

const capacity: Check = (v, { needs, scheduledAgents }) => {
  const heavy = (needs.volume ?? 0) >= HIGH_VOLUME || (needs.growth ?? 0) >= 50;
  if (!heavy || scheduledAgents === undefined) return undefined;
  const label = "enough agents for your volume";
  if (v.size === undefined) return check("operations", label, "unknown", "size not given");
  return yes(
    "operations",
    label,
    v.size >= scheduledAgents,
    `${v.size} agents, you need about ${scheduledAgents}`,
  );
};

const billing: Check = (v) =>
  v.billingSeconds !== undefined
    ? check("cost", "billing rounding", "pass")
    : check("cost", "billing rounding", "unknown", "rounding not asked yet");

const fees: Check = (v) => {
  const missing = [
    v.setupFee === undefined ? "setup" : "",
    v.holidayFee === undefined ? "holiday" : "",
    v.otherFees === undefined ? "other" : "",
    (v.minimumMinutes ?? 0) > 0 && v.overagePerMinute === undefined && v.overagePercent === undefined
      ? "overage"
      : "",
  ].filter(Boolean);
  return missing.length
    ? check("fees", "all fees", "unknown", `${missing.join(", ")} fees not asked yet`)
    : check("fees", "all fees", "pass");
};

const minimum: Check = (v, { needs, billableMinutes }) => {
  if (needs.volume === undefined || needs.volume < SMALL_VOLUME) return undefined;
  const label = "minimum fits your volume";
  // A minimum above the team's volume is a hard requirement (the quote cannot be had as asked).
  if (v.minimumContacts !== undefined && v.minimumContacts > needs.volume)
    return {
      ...check("volume", label, "fail", `requires ${formatInt(v.minimumContacts)} contacts`),
      severity: "must",
    };
  if (v.minimumMinutes !== undefined && billableMinutes !== undefined && v.minimumMinutes > billableMinutes)
    return {
      ...check("volume", label, "fail", `requires ${formatInt(v.minimumMinutes)} minutes`),
      severity: "must",
    };
  if (v.minimumContacts === undefined && v.minimumMinutes === undefined && v.minimumCharge === undefined)
    return check("volume", label, "unknown", "minimums not asked yet");
  return check("volume", label, "pass");
};

const industry: Check = (v, { needs }) => {
  // Someone leaving an underperforming provider may gain from an outside view (the guide's point).
  if (!needs.industry || needs.switching === "underperforming") return undefined;
  const label = `knows ${needs.industry}`;
  if (!v.industries) return check("industry-experience", label, "unknown", "industries not listed");
  const ind = needs.industry;
  return yes(
    "industry-experience",
    label,
    v.industries.some((i) => i === ind || i.includes(ind) || ind.includes(i)),
  );
};

const size: Check = (v, { scheduledAgents }) => {
  if (scheduledAgents === undefined || v.size === undefined) return undefined;
  // The guide: a center far larger than you brings cost and little personal attention.
  const tooBig = v.size > Math.max(200, scheduledAgents * 100);
  return yes(
    "size",
    "size matches yours",
    v.size >= scheduledAgents && !tooBig,
    tooBig
      ? `${formatInt(v.size)} agents: you may get little attention`
      : `${v.size} agents, you need about ${scheduledAgents}`,
  );
};

const accents: Check = (v, { needs }) => {
  if (needs.accents !== "sensitive") return undefined;
  const label = "onshore agents";
  return v.location
    ? yes("location", label, v.location === "onshore", v.location)
    : check("location", label, "unknown", "location not given");
};

const reviews: Check = (v) => {
  const label = "good references";
  if (v.rating === undefined) return check("reviews", label, "unknown", "no rating yet");
  return yes("reviews", label, v.rating >= 3.5, `rated ${v.rating}/5`);
};

const CHECKS: Check[] = [
  serviceType,
  languageBarriers,
  redundancy,
  capacity,
  billing,
  fees,
  minimum,
  industry,
  size,
  accents,
  reviews,
];

/** Every "should" check for this team against one quote. */
export function shouldChecks(v: Vendor, input: CheckInput): CheckResult[] {
  const out: CheckResult[] = [];
  for (const c of CHECKS) {
    const r = c(v, input);
    if (r === undefined) continue;
    out.push(...(Array.isArray(r) ? r : [r]));
  }
  return out;
}
