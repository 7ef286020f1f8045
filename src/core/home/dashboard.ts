import type { WorkspaceData } from "../../store/schema.ts";
import { advise } from "../advice/advise.ts";
import { profileCommandText } from "../advice/input.ts";
import type { Profile } from "../advice/profile.ts";
import { rankRecommendations } from "../advice/rank.ts";
import { failuresFor, nextFor } from "../contracts/lifecycle.ts";
import { PRICING } from "../estimate/pricing.ts";
import { compareVendors } from "../vendors/compare.ts";
import { readCompareInput } from "../vendors/compare-input.ts";
import { CURRENCY_RATES } from "../vendors/currency.ts";

/** What the App Home shows for one workspace, computed from its stored data. */
export interface Dashboard {
  profile?: {
    facts: string;
    top: Array<{ criterion: string; severity: string; title: string; choice?: string | undefined }>;
    musts: number;
  };
  lastEstimate?: { at: string; summary: string; text: string };
  vendors: {
    total: number;
    /** The volume the ranking is for, when one is saved. */
    volume?: number;
    rows: Array<{ name: string; rank?: number; monthlyCost?: number | null; failsMusts?: boolean }>;
  };
  contracts: {
    total: number;
    rows: Array<{
      vendor: string;
      renews: string;
      noticeDeadline: string;
      next?: { dueAt: string; timeZone: string; kind: string; note?: string | undefined };
      failures: number;
    }>;
  };
}

const TOP_RECOMMENDATIONS = 3;

export async function buildDashboard(data: WorkspaceData): Promise<Dashboard> {
  const profile = data.profile as Profile | undefined;
  const dashboard: Dashboard = {
    vendors: { total: data.vendors.length, rows: [] },
    contracts: { total: data.contracts.length, rows: [] },
  };
  if (profile && Object.keys(profile).length) {
    const advice = await advise(profile);
    dashboard.profile = {
      facts: profileCommandText(profile),
      // The same order as the first screen of /cc-advise: what follows from the team's facts first.
      top: rankRecommendations(advice.recommendations, profile)
        .slice(0, TOP_RECOMMENDATIONS)
        .map(({ recommendation: r }) => ({
          criterion: r.criterion,
          severity: r.severity,
          title: r.title,
          choice: r.choice,
        })),
      musts: advice.recommendations.filter((r) => r.severity === "must").length,
    };
  }
  if (data.lastEstimate) dashboard.lastEstimate = data.lastEstimate;

  if (data.vendors.length) {
    try {
      // Ranked for the saved profile when it has a volume; a plain list otherwise.
      const cmp = compareVendors(data.vendors, readCompareInput([], [], profile), {
        pricing: PRICING,
        rates: CURRENCY_RATES,
      });
      dashboard.vendors.volume = cmp.input.volume;
      dashboard.vendors.rows = cmp.vendors.map((r) => ({
        name: r.vendor.name,
        rank: r.rank,
        monthlyCost: r.cost.monthlyCost,
        failsMusts: r.mustFailures.length > 0,
      }));
    } catch {
      dashboard.vendors.rows = data.vendors.map((v) => ({ name: v.name }));
    }
  }

  dashboard.contracts.rows = [...data.contracts]
    .sort((a, b) => a.noticeDeadline.localeCompare(b.noticeDeadline))
    .map((c) => {
      const next = nextFor(data.reminders, c.id);
      return {
        vendor: c.vendor,
        renews: c.renews,
        noticeDeadline: c.noticeDeadline,
        ...(next
          ? { next: { dueAt: next.dueAt, timeZone: next.timeZone, kind: next.kind, note: next.note } }
          : {}),
        failures: failuresFor(data.reminders, c.id).length,
      };
    });
  return dashboard;
}
