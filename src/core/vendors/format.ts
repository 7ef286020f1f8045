import type { Comparison } from "./compare.ts";
import { toCsv } from "./csv.ts";
import type { Fee, Hours, Vendor } from "./vendor.ts";

/**
 * A stored quote written back as the key=value text `add` and `edit` read, so the edit form can be
 * prefilled and a submission parses to the same quote. Also the quote as CSV rows.
 */

const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

export const hoursText = (h: Hours): string =>
  h.hoursPerDay === 24 && h.daysPerWeek === 7 ? "24/7" : `${num(h.hoursPerDay)}x${h.daysPerWeek}`;

export const feeText = (f: Fee): string => (f.amount === 0 ? "none" : `${num(f.amount)}/${f.per}`);

export const yesNo = (b: boolean): string => (b ? "yes" : "no");

/** Each known field as the value its key takes, keyed by the key. */
export function vendorValues(v: Vendor): Record<string, string> {
  const out: Record<string, string> = { name: v.name };
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  put("location", v.location);
  put("country", v.country);
  put("model", v.model);
  if (v.currency !== "USD") out.currency = v.currency;
  put("rate", v.perMinute !== undefined ? `${num(v.perMinute)}/min` : undefined);
  put("hourly-rate", v.perHour !== undefined ? num(v.perHour) : undefined);
  put("call-rate", v.perCall !== undefined ? num(v.perCall) : undefined);
  put("billing", v.billingSeconds !== undefined ? `${v.billingSeconds}s` : undefined);
  put("hold-billed", v.holdBilled !== undefined ? yesNo(v.holdBilled) : undefined);
  if (v.minimumMinutes !== undefined)
    out.minimum = v.minimumMinutes === 0 ? "none" : `${v.minimumMinutes}min`;
  else if (v.minimumContacts !== undefined) out.minimum = `${v.minimumContacts}calls`;
  else if (v.minimumCharge !== undefined) out.minimum = `${num(v.minimumCharge)}/month`;
  put("setup", v.setupFee !== undefined ? (v.setupFee === 0 ? "none" : num(v.setupFee)) : undefined);
  put("holiday-fee", v.holidayFee ? feeText(v.holidayFee) : undefined);
  if (v.overagePerMinute !== undefined) out.overage = `${num(v.overagePerMinute)}/min`;
  else if (v.overagePercent !== undefined)
    out.overage = v.overagePercent === 0 ? "none" : `${num(v.overagePercent)}%`;
  put("other-fees", v.otherFees ? feeText(v.otherFees) : undefined);
  put("hours", v.hours ? hoursText(v.hours) : undefined);
  put("languages", v.languages?.join(","));
  put("services", v.services?.join(","));
  put("agents", v.agents?.join(","));
  put("certs", v.certs ? (v.certs.length ? v.certs.join(",") : "none") : undefined);
  put("dr", v.dr !== undefined ? yesNo(v.dr) : undefined);
  put("deployment", v.deployment?.join(","));
  put("licensed", v.licensed !== undefined ? yesNo(v.licensed) : undefined);
  put("uptime", v.uptime !== undefined ? num(v.uptime) : undefined);
  put("reporting", v.reporting?.join(","));
  put("crm", v.crm ? (v.crm.length ? v.crm.join(",") : "none") : undefined);
  put("industries", v.industries?.join(","));
  put("size", v.size !== undefined ? String(v.size) : undefined);
  put("contract", v.contractMonths !== undefined ? `${v.contractMonths}months` : undefined);
  put("notice", v.noticeDays !== undefined ? `${v.noticeDays}d` : undefined);
  if (v.trialDays !== undefined) out.trial = `${v.trialDays}d`;
  else put("trial", v.freeTrial !== undefined ? yesNo(v.freeTrial) : undefined);
  put("rating", v.rating !== undefined ? num(v.rating) : undefined);
  put("notes", v.notes);
  return out;
}

const QUOTE_COLUMNS = [
  "name",
  "location",
  "country",
  "model",
  "currency",
  "rate",
  "hourly-rate",
  "call-rate",
  "billing",
  "hold-billed",
  "minimum",
  "setup",
  "holiday-fee",
  "overage",
  "other-fees",
  "hours",
  "languages",
  "services",
  "agents",
  "certs",
  "dr",
  "deployment",
  "licensed",
  "uptime",
  "reporting",
  "crm",
  "industries",
  "size",
  "contract",
  "notice",
  "trial",
  "rating",
  "notes",
] as const;

/**
 * Every quote as CSV, in the comparison's order with its figures when there is one. Amounts are in
 * each quote's own currency; the monthly cost column is in US dollars.
 */
export function vendorsCsv(vendors: readonly Vendor[], comparison?: Comparison): string {
  const compareCols = comparison ? ["rank", "monthly cost (USD)", "score", "musts failed", "unknowns"] : [];
  const rows: Array<Array<string | number | null>> = [[...compareCols, ...QUOTE_COLUMNS]];
  const ordered = comparison ? comparison.vendors.map((r) => r.vendor) : vendors;
  const byVendor = new Map(comparison?.vendors.map((r) => [r.vendor, r]));
  for (const v of ordered) {
    const values = vendorValues(v);
    const r = byVendor.get(v);
    const extra = r
      ? [
          r.rank,
          r.cost.monthlyCost,
          r.score,
          r.checks
            .filter((c) => c.severity === "must" && c.status === "fail")
            .map((c) => `${c.criterion}: ${c.detail ?? c.label}`)
            .join("; "),
          r.unknowns.join("; "),
        ]
      : [];
    rows.push([...extra, ...QUOTE_COLUMNS.map((k) => (k === "currency" ? v.currency : (values[k] ?? "")))]);
  }
  return toCsv(rows);
}
