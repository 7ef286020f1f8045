import { UserInputError } from "../errors.ts";
import { tokenize } from "../parse/kv.ts";
import { type AddEnv, buildContractFrom, type Question, readAddValues } from "./add.ts";
import type { Contract, Reminder, Term } from "./contract.ts";

export const EDIT_EXAMPLE = "edit Acme notice=90d renews=2028-03-01";
/** What `edit` may change; the vendor is the contract's name (remove and add to rename). */
export const EDIT_KEYS = ["start", "renews", "notice", "channel", "onboarding", "checkins"] as const;

export interface EditResult {
  contract: Contract;
  /** Every reminder of the workspace after the edit. */
  reminders: Reminder[];
  /** The keys whose values changed. */
  changed: string[];
  /** Pending reminders of the old plan no longer wanted (cancelled, kept in the history). */
  cancelled: number;
  /** New reminders the new plan added. */
  added: number;
}

const termText = (t: Term): string => `${t.amount}${t.unit === "m" ? "mo" : t.unit}`;
const withTime = (date: string, time: string | undefined) => (time ? `${date}T${time}` : date);

const CHECKINS_TEXT = (c: Contract): string => {
  const everyDay = c.checkinDays !== "weekdays";
  if (c.checkinsPerDay === 2) return everyDay ? "2x-7" : "2x";
  return everyDay ? "daily-7" : "1x";
};

/** A saved contract as the values `add` would take to make it again. */
export function contractValues(c: Contract): Map<string, string> {
  return new Map([
    ["vendor", c.vendor],
    ["start", withTime(c.start, c.startTime)],
    ["renews", withTime(c.renews, c.renewsTime)],
    ["notice", termText(c.notice)],
    ["channel", c.channelName ? `<#${c.channel}|${c.channelName}>` : c.channel],
    ["onboarding", `${c.onboardingDays}d`],
    ["checkins", CHECKINS_TEXT(c)],
  ]);
}

/** Reminders that went out, or are going out now: a new plan must not post them again. */
const settled = (r: Reminder): boolean => r.state !== "pending" && r.state !== "cancelled";
const slot = (r: Pick<Reminder, "kind" | "dueAt">) => `${r.kind}@${r.dueAt}`;

/**
 * `/cc-contract edit <vendor> key=value …`: the contract checked again as a whole with the changes,
 * and its pending planned reminders re-planned. Reminders already posted (or being posted) stay as
 * they are and are never planned again; pending ones the new plan still wants keep their ids; custom
 * reminders set with `remind` keep their time and follow the channel. Throws UserInputError.
 */
export function editContract(
  text: string,
  current: Contract,
  reminders: Reminder[],
  env: Omit<AddEnv, "contracts"> & { contracts: Contract[] },
  /** For the choices of a question: `text` again after `prefix` ("edit Acme "). */
  prefix = "",
): EditResult {
  const { pairs } = tokenize(text);
  if (pairs.length === 0)
    throw new UserInputError(`Say what to change, e.g. notice=90d. Keys: ${EDIT_KEYS.join(", ")}.`, {
      example: EDIT_EXAMPLE,
    });
  const edits = readAddValues(text);
  if (edits.has("vendor"))
    throw new UserInputError(
      "The vendor names the contract and cannot be edited: remove the contract and add it again under the new name.",
      { example: EDIT_EXAMPLE, field: "vendor" },
    );

  const before = contractValues(current);
  const values = new Map(before);
  for (const [k, v] of edits) values.set(k, v);
  const question: Question = { text, prefix };
  const rebuilt = buildContractFrom(
    values,
    {
      ...env,
      // The vendor is already the contract's own; no duplicate check against itself.
      vendors: [],
      contracts: env.contracts.filter((c) => c.id !== current.id),
      newId: env.newId,
    },
    question,
  );
  const contract: Contract = {
    ...rebuilt.contract,
    id: current.id,
    createdBy: current.createdBy,
    createdAt: current.createdAt,
  };
  const after = contractValues(contract);
  const changed = [...edits.keys()].filter((k) => before.get(k) !== after.get(k));

  const mine = (r: Reminder) => r.contractId === current.id;
  const done = new Set(reminders.filter((r) => mine(r) && settled(r)).map(slot));
  const pendingPlanned = new Map(
    reminders.filter((r) => mine(r) && r.state === "pending" && r.kind !== "custom").map((r) => [slot(r), r]),
  );
  const wanted = rebuilt.reminders.filter((r) => !done.has(slot(r)));
  const wantedSlots = new Set(wanted.map(slot));

  let cancelled = 0;
  const next = reminders.map((r) => {
    if (!mine(r) || r.state !== "pending") return r;
    if (r.kind === "custom") return r.channel === contract.channel ? r : { ...r, channel: contract.channel };
    const keep = wantedSlots.has(slot(r));
    if (keep) return r.channel === contract.channel ? r : { ...r, channel: contract.channel };
    cancelled++;
    return { ...r, state: "cancelled" as const, nextAttemptAt: undefined };
  });
  const fresh = wanted
    .filter((r) => !pendingPlanned.has(slot(r)))
    .map((r) => ({ ...r, contractId: current.id, createdBy: env.userId }));
  return { contract, reminders: [...next, ...fresh], changed, cancelled, added: fresh.length };
}
