import type { WorkspaceData } from "../../store/schema.ts";
import { advise } from "../advice/advise.ts";
import { profileCommandText } from "../advice/input.ts";
import type { Profile } from "../advice/profile.ts";
import { rankRecommendations } from "../advice/rank.ts";
import { remindersByContract } from "../contracts/lifecycle.ts";
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

type Part<K extends keyof Dashboard> = Dashboard[K];

async function profilePart(profile: Profile | undefined): Promise<Part<"profile">> {
  if (!profile || !Object.keys(profile).length) return undefined;
  const advice = await advise(profile);
  return {
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

function vendorsPart(vendors: WorkspaceData["vendors"], profile: Profile | undefined): Part<"vendors"> {
  const part: Part<"vendors"> = { total: vendors.length, rows: [] };
  if (!vendors.length) return part;
  try {
    // Ranked for the saved profile when it has a volume; a plain list otherwise.
    const cmp = compareVendors(vendors, readCompareInput([], [], profile), {
      pricing: PRICING,
      rates: CURRENCY_RATES,
    });
    part.volume = cmp.input.volume;
    part.rows = cmp.vendors.map((r) => ({
      name: r.vendor.name,
      rank: r.rank,
      monthlyCost: r.cost.monthlyCost,
      failsMusts: r.mustFailures.length > 0,
    }));
  } catch {
    part.rows = vendors.map((v) => ({ name: v.name }));
  }
  return part;
}

/** Every contract with its next reminder and failures: one pass over the reminders, not one per contract. */
function contractsPart(
  contracts: WorkspaceData["contracts"],
  reminders: WorkspaceData["reminders"],
): Part<"contracts"> {
  const byContract = remindersByContract(reminders);
  const rows = [...contracts]
    .sort((a, b) => a.noticeDeadline.localeCompare(b.noticeDeadline))
    .map((c) => {
      const { next, failures } = byContract.get(c.id) ?? { failures: [] };
      return {
        vendor: c.vendor,
        renews: c.renews,
        noticeDeadline: c.noticeDeadline,
        ...(next
          ? { next: { dueAt: next.dueAt, timeZone: next.timeZone, kind: next.kind, note: next.note } }
          : {}),
        failures: failures.length,
      };
    });
  return { total: contracts.length, rows };
}

const assemble = (
  profile: Part<"profile">,
  lastEstimate: WorkspaceData["lastEstimate"],
  vendors: Part<"vendors">,
  contracts: Part<"contracts">,
): Dashboard => ({
  ...(profile ? { profile } : {}),
  ...(lastEstimate ? { lastEstimate } : {}),
  vendors,
  contracts,
});

/** What the App Home shows, computed afresh. */
export async function buildDashboard(data: WorkspaceData): Promise<Dashboard> {
  const profile = data.profile as Profile | undefined;
  return assemble(
    await profilePart(profile),
    data.lastEstimate,
    vendorsPart(data.vendors, profile),
    contractsPart(data.contracts, data.reminders),
  );
}

/**
 * A value computed from some parts of a workspace, kept while those parts are the same objects. Weak:
 * an entry goes when the store lets go of that version of the part.
 */
class PartCache<K extends object, R extends readonly unknown[], V> {
  private readonly entries = new WeakMap<K, { rest: R; value: V }>();
  get(key: K, rest: R, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit && hit.rest.length === rest.length && hit.rest.every((x, i) => x === rest[i])) return hit.value;
    const value = compute();
    this.entries.set(key, { rest, value });
    return value;
  }
  forget(key: K): void {
    this.entries.delete(key);
  }
}

const adviceCache = new PartCache<Profile, [], Promise<Part<"profile">>>();
const vendorCache = new PartCache<WorkspaceData["vendors"], [Profile | undefined], Part<"vendors">>();
const contractCache = new PartCache<
  WorkspaceData["reminders"],
  [WorkspaceData["contracts"]],
  Part<"contracts">
>();

/**
 * `buildDashboard`, each part kept until the parts of the workspace it is built from change: a
 * reminder being posted recomputes the contract rows, not the advice or the vendor ranking. A store
 * that hands out the same read-only parts until a change replaces them (the file store) gets the
 * unchanged parts back at once; parts that are new objects (a fresh copy, another store's rows) are
 * simply built again, so a hit can never be stale. The result is shared: treat it as read-only.
 */
export async function dashboardFor(data: WorkspaceData): Promise<Dashboard> {
  const profile = data.profile as Profile | undefined;
  const advice = profile
    ? adviceCache.get(profile, [], () => {
        const p = profilePart(profile);
        // A failed run is not kept.
        p.catch(() => adviceCache.forget(profile));
        return p;
      })
    : profilePart(profile);
  const profileShown = await advice;
  const vendors = vendorCache.get(data.vendors, [profile], () => vendorsPart(data.vendors, profile));
  const contracts = contractCache.get(data.reminders, [data.contracts], () =>
    contractsPart(data.contracts, data.reminders),
  );
  // The same parts make the same dashboard object, so what is rendered from it can be kept with it.
  return dashboardCache.get(contracts, [profileShown, data.lastEstimate, vendors], () =>
    assemble(profileShown, data.lastEstimate, vendors, contracts),
  );
}

const dashboardCache = new PartCache<
  Part<"contracts">,
  [Part<"profile">, WorkspaceData["lastEstimate"], Part<"vendors">],
  Dashboard
>();
