import type { Reminder } from "../core/contracts/contract.ts";
import type { DueReminder } from "./store.ts";

/**
 * When a reminder next needs the scheduler: a pending one at its due time (or its retry time, if
 * later), one left "posting" at once (it is an orphan unless this process is working on it), others
 * never.
 */
export function wakeAt(r: Reminder): number | undefined {
  if (r.state === "posting") return Number.NEGATIVE_INFINITY;
  if (r.state !== "pending") return undefined;
  const due = Date.parse(r.dueAt);
  const retry = r.nextAttemptAt ? Date.parse(r.nextAttemptAt) : Number.NEGATIVE_INFINITY;
  const at = Math.max(due, retry);
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

interface Entry {
  at: number;
  workspaceId: string;
  reminder: Reminder;
}

/**
 * The file store's in-memory index of reminders by wake time: a binary min-heap with lazy deletion
 * (an entry counts only while its reminder is still the live version), so a scheduler tick costs the
 * due reminders, never the whole set, and a change costs O(log n).
 */
export class DueIndex {
  private heap: Entry[] = [];
  private readonly live = new Map<string, Reminder>();

  private static key(workspaceId: string, id: string): string {
    return `${workspaceId}\u0000${id}`;
  }

  /** Record the current version of a reminder (or that it is gone, with `undefined`). */
  set(workspaceId: string, id: string, reminder: Reminder | undefined): void {
    const key = DueIndex.key(workspaceId, id);
    const at = reminder ? wakeAt(reminder) : undefined;
    if (!reminder || at === undefined) {
      this.live.delete(key);
      return;
    }
    if (this.live.get(key) === reminder) return;
    this.live.set(key, reminder);
    this.push({ at, workspaceId, reminder });
    if (this.heap.length > 2 * this.live.size + 1024) this.compact();
  }

  removeWorkspace(workspaceId: string, reminders: readonly Reminder[]): void {
    for (const r of reminders) this.live.delete(DueIndex.key(workspaceId, r.id));
  }

  /** Candidates at `now`, earliest first. Entries looked at stay in the index. */
  due(now: number, limit: number, exclude: ReadonlySet<string>): DueReminder[] {
    const out: DueReminder[] = [];
    const keep: Entry[] = [];
    while (out.length < limit && this.heap.length > 0) {
      const top = this.heap[0] as Entry;
      if (top.at > now) break;
      this.pop();
      const key = DueIndex.key(top.workspaceId, top.reminder.id);
      if (this.live.get(key) !== top.reminder) continue; // superseded
      keep.push(top);
      if (!exclude.has(top.reminder.id)) out.push({ workspaceId: top.workspaceId, id: top.reminder.id });
    }
    for (const e of keep) this.push(e);
    return out;
  }

  get size(): number {
    return this.live.size;
  }

  private compact(): void {
    const byKey = new Map<string, Entry>();
    for (const e of this.heap) {
      const key = DueIndex.key(e.workspaceId, e.reminder.id);
      if (this.live.get(key) === e.reminder) byKey.set(key, e);
    }
    this.heap = [];
    for (const e of byKey.values()) this.push(e);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((h[parent] as Entry).at <= e.at) break;
      h[i] = h[parent] as Entry;
      i = parent;
    }
    h[i] = e;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as Entry;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && (h[r] as Entry).at < (h[l] as Entry).at ? r : l;
      if ((h[c] as Entry).at >= last.at) break;
      h[i] = h[c] as Entry;
      i = c;
    }
    h[i] = last;
  }
}
