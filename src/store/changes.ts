import { createDraft, current, finishDraft, freeze, isDraft } from "immer";
import type { z } from "zod";
import { ProfileSchema } from "../core/advice/profile.ts";
import { ContractSchema, ReminderSchema } from "../core/contracts/contract.ts";
import { nameKey, VendorSchema } from "../core/vendors/vendor.ts";
import { emptyWorkspace, LastEstimateSchema, type WorkspaceData } from "./schema.ts";

// Changes are made on an immer draft of the stored (frozen) data: what the change did not touch keeps
// its identity, so "nothing changed" is one comparison, only new or changed records are validated,
// and the PostgreSQL store writes only the rows that differ. Reads hand out the frozen data itself.

export const EMPTY_WORKSPACE: WorkspaceData = freeze(emptyWorkspace(), true);

export type CollectionName = "vendors" | "contracts" | "reminders";
export const COLLECTIONS: readonly CollectionName[] = ["vendors", "contracts", "reminders"];

const itemSchemas: Record<CollectionName, z.ZodType> = {
  vendors: VendorSchema,
  contracts: ContractSchema,
  reminders: ReminderSchema,
};

/** The key of a record within its collection: ids, and for vendors the normalized name. */
export const itemKey = (name: CollectionName, item: unknown): string =>
  name === "vendors" ? nameKey((item as { name: string }).name) : (item as { id: string }).id;

/** Keys of a whole collection; a repeated key (never expected) gets a suffix so each row stays apart. */
export function keysOf(name: CollectionName, items: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const k = itemKey(name, item);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return n === 0 ? k : `${k}#${n + 1}`;
  });
}

export interface CollectionDiff {
  /**
   * New or changed records (validated) with their keys; `replaces` is the key of a removed record
   * whose place a new key took (a renamed vendor), so it keeps that place.
   */
  put: Array<{ key: string; value: unknown; replaces?: string }>;
  removed: string[];
}

export interface WorkspaceDiff {
  profile: boolean;
  lastEstimate: boolean;
  collections: Partial<Record<CollectionName, CollectionDiff>>;
}

/** Drafts in a change's return value are copied out before the draft is finished (and revoked). */
function undraft(value: unknown, depth = 0): unknown {
  if (isDraft(value)) return current(value);
  if (value === null || typeof value !== "object" || depth > 6 || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) return value.map((v) => undraft(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = undraft(v, depth + 1);
  return out;
}

function diffCollection(
  name: CollectionName,
  before: readonly unknown[],
  after: unknown[],
): { diff: CollectionDiff; items: unknown[] } | undefined {
  if (before === after) return undefined;
  const old = new Set(before);
  const items = after.slice();
  const put: CollectionDiff["put"] = [];
  const fresh: number[] = [];
  for (let i = 0; i < after.length; i++) if (!old.has(after[i])) fresh.push(i);
  let afterKeys: string[] | undefined;
  let beforeKeys: string[] | undefined;
  if (fresh.length) {
    const schema = itemSchemas[name];
    afterKeys = keysOf(name, after);
    beforeKeys = keysOf(name, before);
    const byKey = new Map(beforeKeys.map((k, i) => [k, before[i]]));
    for (const i of fresh) {
      const parsed = schema.parse(after[i]);
      const key = afterKeys[i] as string;
      const prev = byKey.get(key);
      // A record replaced by an equal copy is no change.
      if (prev !== undefined && sameJson(prev, parsed)) items[i] = prev;
      else {
        items[i] = parsed;
        put.push({ key, value: parsed });
      }
    }
  }
  const final = new Set(items);
  let removed: string[] = [];
  if (before.some((b) => !final.has(b))) {
    const now = new Set(afterKeys ?? keysOf(name, after));
    removed = (beforeKeys ?? keysOf(name, before)).filter((k) => !now.has(k));
  }
  if (removed.length && beforeKeys && afterKeys) {
    const gone = new Set(removed);
    const had = new Set(beforeKeys);
    for (const p of put) {
      if (had.has(p.key)) continue;
      const i = (afterKeys as string[]).indexOf(p.key);
      const old = beforeKeys[i];
      if (old !== undefined && gone.has(old)) p.replaces = old;
    }
  }
  const sameOrder = items.length === before.length && items.every((x, i) => x === before[i]);
  if (sameOrder) return { diff: { put: [], removed: [] }, items: before as unknown[] };
  return { diff: { put, removed }, items };
}

/**
 * Run a change on a draft of `base`. Returns the next (frozen) data, or `next === base` when the
 * change changed nothing; only what changed is validated (with the same schemas as a whole file).
 */
export async function applyChange<T>(
  base: WorkspaceData,
  change: (draft: WorkspaceData) => T | Promise<T>,
): Promise<{ next: WorkspaceData; result: T; diff: WorkspaceDiff | undefined }> {
  const draft = createDraft(base);
  const result = undraft(await change(draft)) as T;
  const finished = finishDraft(draft) as WorkspaceData;
  if (finished === base) return { next: base, result, diff: undefined };
  const diff: WorkspaceDiff = {
    profile: finished.profile !== base.profile,
    lastEstimate: finished.lastEstimate !== base.lastEstimate,
    collections: {},
  };
  const next: WorkspaceData = { ...finished };
  if (diff.profile && finished.profile !== undefined) next.profile = ProfileSchema.parse(finished.profile);
  if (diff.lastEstimate && finished.lastEstimate !== undefined)
    next.lastEstimate = LastEstimateSchema.parse(finished.lastEstimate);
  for (const name of COLLECTIONS) {
    const after = finished[name] as unknown[] | undefined;
    if (!Array.isArray(after)) throw new TypeError(`${name} must be a list`);
    const d = diffCollection(name, base[name], after);
    if (!d) continue;
    (next as Record<CollectionName, unknown[]>)[name] = d.items;
    if (d.diff.put.length || d.diff.removed.length) diff.collections[name] = d.diff;
  }
  const changed =
    (diff.profile && !sameJson(base.profile, next.profile)) ||
    (diff.lastEstimate && !sameJson(base.lastEstimate, next.lastEstimate)) ||
    Object.keys(diff.collections).length > 0 ||
    COLLECTIONS.some((n) => next[n].length !== base[n].length || next[n].some((x, i) => x !== base[n][i]));
  if (!changed) return { next: base, result, diff: undefined };
  diff.profile &&= !sameJson(base.profile, next.profile);
  diff.lastEstimate &&= !sameJson(base.lastEstimate, next.lastEstimate);
  return { next: freeze(next, true), result, diff };
}

/** Profiles and estimates are small: a value equal to the stored one (the same /cc-advise again) is no change. */
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
