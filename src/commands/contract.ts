import { randomUUID } from "node:crypto";
import type { CacheCaps } from "../core/bounded-cache.ts";
import {
  ADD_EXAMPLE,
  buildContract,
  buildOneOff,
  findContract,
  REMIND_EXAMPLE,
} from "../core/contracts/add.ts";
import type { Contract, Reminder } from "../core/contracts/contract.ts";
import { EDIT_EXAMPLE, editContract } from "../core/contracts/edit.ts";
import {
  type ContractReminders,
  cancelForContract,
  failuresFor,
  nextFor,
  remindersByContract,
} from "../core/contracts/lifecycle.ts";
import { safeTimeZone } from "../core/contracts/zone.ts";
import { UserInputError } from "../core/errors.ts";
import { numberLocale } from "../core/format/number.ts";
import { identityOf, Memo } from "../core/memo.ts";
import { formatPair, splitSubcommand, tokenize, unquoteName } from "../core/parse/kv.ts";
import { parseYesNo } from "../core/parse/units.ts";
import {
  renderAdded,
  renderContractHelp,
  renderEdited,
  renderList,
  renderReminderAdded,
  renderRemoveConfirm,
  renderRemoved,
  renderShow,
} from "../render/contract.ts";
import { CONTRACT_META } from "./catalog.ts";
import type { CommandContext, CommandRun, CommandSpec, FormSpec } from "./types.ts";

const SUBCOMMANDS = ["add", "list", "show", "edit", "remove", "remind", "help"] as const;
const newId = (): string => randomUUID();

const requireContract = (contracts: Contract[], name: string, sub: string): Contract => {
  if (!name) throw new UserInputError(`Say which contract to ${sub}.`, { example: `${sub} Acme` });
  const c = findContract(contracts, name);
  if (!c)
    throw new UserInputError(`There is no contract with ${name}.`, {
      example: `${sub} ${contracts[0]?.vendor ?? "Acme"}`,
      details: contracts.length
        ? [`Contracts: ${contracts.map((x) => x.vendor).join(", ")}.`]
        : ["No contracts saved yet: add one with /cc-contract add."],
    });
  return c;
};

const summary = (c: Contract, reminders: Reminder[] | Map<string, ContractReminders>) => {
  const mine = Array.isArray(reminders)
    ? { next: nextFor(reminders, c.id), failures: failuresFor(reminders, c.id) }
    : (reminders.get(c.id) ?? { failures: [] });
  return { ...c, nextReminder: mine.next, failedReminders: mine.failures };
};

const CHANNEL_PAIR = /(^|\s)channel=("[^"]*"|“[^”]*”|\S+)/i;

/**
 * Check the channel against Slack before anything is saved: a #name becomes the channel's link, and a
 * channel that does not exist is refused now rather than failing when the first reminder is due.
 */
async function resolveChannel(text: string, ctx: CommandContext): Promise<string> {
  const m = CHANNEL_PAIR.exec(text);
  if (!m?.[2] || !ctx.lookupChannel) return text;
  const raw = m[2].replace(/^["“]|["”]$/g, "").trim();
  const byName = /^#([\w.-]+)$/.exec(raw);
  const byId = /^<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(raw) ?? /^([CGD][A-Z0-9_]{2,})$/.exec(raw);
  const ref = byName?.[1] ? { name: byName[1] } : byId?.[1] ? { id: byId[1] } : undefined;
  if (!ref) return text;
  const found = await ctx.lookupChannel(ref);
  if (found === null)
    throw new UserInputError(
      `I can't find the channel ${byName ? raw : `<#${byId?.[1]}>`} in this workspace, or I am not allowed to see it (for a private channel, \`/invite @Switchboard\` there first). Pick it from the suggestions when you type #, or give its ID.`,
      {
        field: "channel",
        example: "add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=#cx-ops",
      },
    );
  if (!found) return text;
  const link = `<#${found.id}${found.name ? `|${found.name}` : ""}>`;
  return text.replace(CHANNEL_PAIR, `$1channel=${link}`);
}

async function add(typed: string, ctx: CommandContext): Promise<CommandRun> {
  const text = await resolveChannel(typed, ctx);
  const store = await ctx.store();
  const [zone, locale] = await Promise.all([ctx.userTimeZone(), ctx.userLocale()]);
  const timeZone = safeTimeZone(zone);
  const now = ctx.now();
  const built = await store.update(ctx.workspace, (draft) => {
    const result = buildContract(
      text,
      {
        now,
        timeZone,
        locale,
        userId: ctx.userId,
        defaultChannel: ctx.channelId,
        vendors: draft.vendors.map((v) => v.name),
        contracts: draft.contracts,
        newId,
      },
      "add ",
    );
    draft.contracts.push(result.contract);
    draft.reminders.push(...result.reminders);
    return result;
  });
  return { result: built, reply: renderAdded(built.contract, built.reminders, built.notes) };
}

async function remove(text: string, ctx: CommandContext): Promise<CommandRun> {
  const { pairs, words } = tokenize(text);
  let confirmed = false;
  for (const p of pairs) {
    if (p.key !== "confirm")
      throw new UserInputError(`Unknown key: ${p.raw}. Only confirm=yes goes with remove.`, {
        example: "remove Acme",
      });
    const yes = parseYesNo(p.value);
    if (yes === undefined)
      throw new UserInputError(`confirm=${p.value} should be yes or no.`, {
        example: "remove Acme confirm=yes",
      });
    confirmed = yes;
  }
  const store = await ctx.store();
  const name = unquoteName(words);
  if (!confirmed) {
    const data = await store.read(ctx.workspace);
    const c = requireContract(data.contracts, name, "remove");
    const pending = data.reminders.filter((r) => r.contractId === c.id && r.state === "pending").length;
    return {
      result: { removed: false, contract: c, pendingReminders: pending },
      reply: renderRemoveConfirm(c, pending),
    };
  }
  const out = await store.update(ctx.workspace, (draft) => {
    const c = requireContract(draft.contracts, name, "remove");
    draft.contracts = draft.contracts.filter((x) => x.id !== c.id);
    const { reminders, cancelled } = cancelForContract(draft.reminders, c.id);
    draft.reminders = reminders;
    return { contract: c, cancelled };
  });
  return {
    result: { removed: true, contract: out.contract, cancelledReminders: out.cancelled },
    reply: renderRemoved(out.contract, out.cancelled),
  };
}

/** The vendor's name is the words before the first key=value pair. */
async function edit(typed: string, ctx: CommandContext): Promise<CommandRun> {
  const text = await resolveChannel(typed, ctx);
  const name = unquoteName(tokenize(text).words);
  const store = await ctx.store();
  const [zone, locale] = await Promise.all([ctx.userTimeZone(), ctx.userLocale()]);
  const timeZone = safeTimeZone(zone);
  const now = ctx.now();
  // Checked and re-planned inside one update: a rejected edit changes nothing.
  const out = await store.update(ctx.workspace, (draft) => {
    const current = requireContract(draft.contracts, name, "edit");
    const pairsOnly = tokenize(text)
      .pairs.map((p) => formatPair(p.key, p.value))
      .join(" ");
    const res = editContract(
      pairsOnly,
      current,
      draft.reminders,
      {
        now,
        timeZone: current.timeZone || timeZone,
        locale,
        userId: ctx.userId,
        defaultChannel: current.channel,
        vendors: [],
        contracts: draft.contracts,
        newId,
      },
      `edit ${current.vendor} `,
    );
    draft.contracts = draft.contracts.map((c) => (c.id === current.id ? res.contract : c));
    draft.reminders = res.reminders;
    return res;
  });
  return {
    result: { contract: out.contract, changed: out.changed, cancelled: out.cancelled, added: out.added },
    reply: renderEdited(out.contract, out, out.reminders),
  };
}

async function remind(text: string, ctx: CommandContext): Promise<CommandRun> {
  if (!text.trim())
    throw new UserInputError("Say which contract, when, and what to check.", { example: REMIND_EXAMPLE });
  const store = await ctx.store();
  const [zone, locale] = await Promise.all([ctx.userTimeZone(), ctx.userLocale()]);
  const timeZone = safeTimeZone(zone);
  const now = ctx.now();
  const out = await store.update(ctx.workspace, (draft) => {
    const built = buildOneOff(
      text,
      { now, timeZone, locale, userId: ctx.userId, contracts: draft.contracts, newId },
      "remind ",
    );
    draft.reminders.push(built.reminder);
    return built;
  });
  return { result: out, reply: renderReminderAdded(out.contract, out.reminder, out.notes) };
}

async function run(text: string, ctx: CommandContext): Promise<CommandRun> {
  const { sub, rest } = splitSubcommand(text);
  switch (sub) {
    case "add":
      return add(rest, ctx);
    case "":
    case "list": {
      if (rest.trim())
        throw new UserInputError(`list takes nothing after it; to see one contract use show.`, {
          example: `show ${rest.trim()}`,
        });
      const data = await (await ctx.store()).read(ctx.workspace);
      const key = `${identityOf(data.contracts)}|${identityOf(data.reminders)}|${numberLocale()}`;
      return lists.get(key, () => {
        const byContract = remindersByContract(data.reminders);
        return {
          result: { contracts: data.contracts.map((c) => summary(c, byContract)) },
          reply: renderList(data.contracts, data.reminders),
        };
      });
    }
    case "show": {
      const data = await (await ctx.store()).read(ctx.workspace);
      const c = requireContract(data.contracts, unquoteName(tokenize(rest).words), "show");
      return {
        result: {
          contract: summary(c, data.reminders),
          reminders: data.reminders.filter((r) => r.contractId === c.id),
        },
        reply: renderShow(c, data.reminders),
      };
    }
    case "edit":
      if (!rest.trim())
        throw new UserInputError("Say which contract to edit and what to change.", { example: EDIT_EXAMPLE });
      return edit(rest, ctx);
    case "remove":
    case "delete":
      return remove(rest, ctx);
    case "remind":
      return remind(rest, ctx);
    case "help":
      return { result: { help: true }, reply: renderContractHelp() };
    default:
      throw new UserInputError(`I don't know "${sub}". Use one of: ${SUBCOMMANDS.join(", ")}.`, {
        example: ADD_EXAMPLE,
      });
  }
}

const CONTRACT_FORM: FormSpec = {
  title: "Add a contract",
  submit: "Save",
  prefix: "add",
  intro:
    "I'll remind the channel 30 and 7 days before the notice deadline, on the deadline, and check in daily during onboarding.",
  fields: [
    { key: "vendor", label: "Vendor", kind: "text", placeholder: "Acme" },
    { key: "start", label: "Start date", kind: "date" },
    { key: "renews", label: "Renewal date", kind: "date" },
    { key: "notice", label: "Notice period", kind: "text", placeholder: "60d, 8w or 3mo", initial: "60d" },
    {
      key: "channel",
      label: "Channel for reminders",
      kind: "channel",
      optional: true,
      hint: "Starts with the channel you typed the command in. Invite me there (/invite @Switchboard).",
    },
    {
      key: "onboarding",
      label: "Onboarding check-ins for",
      kind: "text",
      optional: true,
      initial: "14d",
      hint: "How long after the start to check in (0 for none).",
    },
    {
      key: "checkins",
      label: "Check-ins",
      kind: "select",
      optional: true,
      options: [
        { value: "1x", label: "Daily" },
        { value: "2x", label: "Twice a day" },
      ],
      initial: "1x",
    },
  ],
};

/**
 * The list is pure in the stored contracts and reminders (frozen; a change or a posted reminder makes
 * new arrays) and formats every reminder's time in its zone: kept until either changes (about 105 KB
 * as counted for 50 contracts and 500 reminders).
 */
export const CONTRACT_LIST_CACHE_CAPS: CacheCaps = { entries: 100, bytes: 4 * 1024 * 1024 };
const lists = new Memo<CommandRun>(CONTRACT_LIST_CACHE_CAPS);

export const contractCommand: CommandSpec = {
  ...CONTRACT_META,
  run,
  async form(text) {
    const { sub, rest } = splitSubcommand(text);
    // In Slack the bare command opens the form to add a contract (the console and CLI list them).
    if (text.trim() !== "" && (sub !== "add" || rest.trim())) return undefined;
    return CONTRACT_FORM;
  },
};
