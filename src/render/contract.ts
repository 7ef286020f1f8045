import type { Button, KnownBlock } from "@slack/types";
import type { Reply } from "../commands/types.ts";
import type { Contract, Reminder } from "../core/contracts/contract.ts";
import { nextFor, remindersByContract } from "../core/contracts/lifecycle.ts";
import { formatTerm } from "../core/contracts/when.ts";
import {
  daysBetween,
  formatDateHuman,
  formatInstantHuman,
  localParts,
  parseLocalDate,
} from "../core/contracts/zone.ts";
import { numberLocale } from "../core/format/number.ts";
import { actions, button, context, divider, fields, fitMessage, header, section } from "./blocks.ts";
import { commandButton, formButton } from "./buttons.ts";

/** action_ids of the buttons on a reminder message (the listener matches on the prefix). */
export const REMINDER_ACTIONS = {
  reviewed: "reminder_reviewed",
  snoozeDay: "reminder_snooze_1d",
  snoozeWeek: "reminder_snooze_1w",
} as const;

const present = <T>(v: T | undefined): v is T => v !== undefined;

/** User text inside mrkdwn: a vendor called "<!channel>" must not ping anyone. */
const esc = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const dateOf = (s: string): string => {
  const d = parseLocalDate(s);
  return d ? formatDateHuman(d) : s;
};

const channelRef = (id: string, name?: string): string =>
  /^[CGD]/.test(id) ? (name ? `<#${id}|${name}>` : `<#${id}>`) : id;

const when = (r: Reminder): string => `${formatInstantHuman(new Date(r.dueAt), r.timeZone)} (${r.timeZone})`;

/** What to check on a contract review: the guide's contract and fee checklist. */
export const REVIEW_CHECKLIST = [
  "*Fees charged vs quoted*: every line of the latest invoices against the quote (per-minute or per-agent-hour rate, upfront, holiday, overage and any other extra fees).",
  "*Billing rounding*: calls billed to the next second or the next minute, as the contract says?",
  "*Hold time*: callers' waiting time should not be billed.",
  "*Service level*: share of calls answered within the target, missed calls, call-backs within 24 hours, downtime.",
  "*Reports received*: the agreed reports (call counts, real-time data, recordings) arrive on time and are complete.",
  "*Contract checklist*: pricing model, minimum volumes, languages, hours (24/7?), security and disaster recovery still fit your needs; get at least three competing offers before renewing.",
];

const CHECKIN_POINTS = [
  "Ask for today's update: calls and chats handled, calls missed, average wait, escalations.",
  "Spot-check a few call recordings or transcripts for tone and accuracy.",
  "Note anything the agents could not answer, and send them what they need.",
];

const KIND_TITLE: Record<Reminder["kind"], string> = {
  "review-30": "30 days to the notice deadline",
  "review-7": "7 days to the notice deadline",
  deadline: "notice deadline today",
  checkin: "onboarding check-in",
  custom: "reminder",
};

/** How a reminder is named in lists. */
const KIND_LABEL: Record<Reminder["kind"], string> = {
  "review-30": "review, 30 days before the notice deadline",
  "review-7": "review, 7 days before the notice deadline",
  deadline: "notice deadline",
  checkin: "onboarding check-in",
  custom: "one-off",
};

const titleOf = (r: Reminder): string => `${r.vendor}: ${KIND_TITLE[r.kind]}`;

function reminderBody(r: Reminder, c: Contract): KnownBlock[] {
  const blocks: KnownBlock[] = [header(titleOf(r))];
  const renewal = `renews ${dateOf(c.renews)} (notice period: ${formatTerm(c.notice)}), so notice must be given by *${dateOf(c.noticeDeadline)}*`;
  switch (r.kind) {
    case "review-30":
    case "review-7":
      blocks.push(
        section(
          `The contract with *${esc(r.vendor)}* ${renewal}. Review it now so you can renew, renegotiate or give notice in time.`,
        ),
        section(REVIEW_CHECKLIST.map((l) => `• ${l}`).join("\n")),
      );
      break;
    case "deadline":
      blocks.push(
        section(
          `Today is the last day to give notice to *${esc(r.vendor)}* (the contract renews ${dateOf(c.renews)}). If you mean to cancel or renegotiate, send notice today.`,
        ),
        section(REVIEW_CHECKLIST.map((l) => `• ${l}`).join("\n")),
      );
      break;
    case "checkin": {
      const start = parseLocalDate(c.start);
      const due = localParts(new Date(r.dueAt), r.timeZone);
      const day = start ? daysBetween(start, due) + 1 : undefined;
      const of = day !== undefined ? ` (day ${day} of ${c.onboardingDays})` : "";
      blocks.push(
        section(
          `*${esc(r.vendor)}* started on ${dateOf(c.start)}${of}. At the start, keep the center reporting to you ${c.checkinsPerDay === 2 ? "twice a day" : "every day"}.`,
        ),
        section(CHECKIN_POINTS.map((l) => `• ${l}`).join("\n")),
      );
      break;
    }
    case "custom":
      blocks.push(
        section(r.note ? `:memo: ${esc(r.note)}` : `A reminder about the contract with *${esc(r.vendor)}*.`),
      );
      blocks.push(context(`The contract ${renewal}.`));
      break;
  }
  if (r.late)
    blocks.push(
      context(
        `:hourglass: Posted late: this was due ${when(r)}, while Switchboard was offline or Slack was unavailable.`,
      ),
    );
  return blocks;
}

const reminderButtons = (r: Reminder): Button[] => [
  button({ text: "Mark reviewed", actionId: REMINDER_ACTIONS.reviewed, value: r.id, style: "primary" }),
  button({ text: "Snooze 1 day", actionId: REMINDER_ACTIONS.snoozeDay, value: r.id }),
  button({ text: "Snooze 1 week", actionId: REMINDER_ACTIONS.snoozeWeek, value: r.id }),
];

/** The message the scheduler posts for a reminder. */
export function renderReminderMessage(r: Reminder, c: Contract): { text: string; blocks: KnownBlock[] } {
  const blocks = [...reminderBody(r, c), actions(reminderButtons(r), `reminder:${r.id}`.slice(0, 255))];
  const text =
    r.kind === "custom" && r.note
      ? `Reminder about ${esc(r.vendor)}: ${esc(r.note)}`
      : `${esc(titleOf(r))} (notice deadline ${dateOf(c.noticeDeadline)})`;
  return { text, blocks: fitMessage(blocks) };
}

/** The reminder message after a button click: same content, the buttons replaced by who did what. */
export function renderReminderDone(
  r: Reminder,
  c: Contract,
  snoozedUntil?: Reminder,
): { text: string; blocks: KnownBlock[] } {
  const at = r.doneAt ? formatInstantHuman(new Date(r.doneAt), r.timeZone) : "";
  const line =
    r.state === "reviewed"
      ? `:white_check_mark: Marked reviewed by <@${r.doneBy ?? "someone"}> on ${at}.`
      : r.state === "snoozed"
        ? `:zzz: Snoozed by <@${r.doneBy ?? "someone"}> on ${at}${snoozedUntil ? `: back ${when(snoozedUntil)}` : ""}.`
        : r.state === "cancelled"
          ? "This contract was removed; nothing more to do."
          : "";
  const body = reminderBody(r, c);
  return {
    text: `${esc(titleOf(r))}. ${line.replace(/:[a-z_]+: /, "")}`,
    blocks: fitMessage(line ? [...body, context(line)] : body),
  };
}

/** A direct message to the author when a reminder cannot be posted for good. */
export function renderPostFailureNotice(r: Reminder, c: Contract): { text: string; blocks: KnownBlock[] } {
  const reason = r.lastError ?? "an error";
  const text = `I could not post the ${esc(r.vendor)} contract reminder due ${when(r)} in ${channelRef(r.channel)}: ${reason}.`;
  return {
    text,
    blocks: [
      section(`:warning: ${text}`),
      context(
        `Invite me to the channel (\`/invite @Switchboard\`) or post reminders elsewhere: remove the contract with \`/cc-contract remove ${esc(c.vendor)}\` and add it again with another channel=.`,
      ),
    ],
  };
}

const reminderLine = (r: Reminder): string => {
  const label = r.kind === "custom" && r.note ? `one-off: ${esc(r.note)}` : KIND_LABEL[r.kind];
  return `${when(r)}: ${label}`;
};

const failureLines = (failed: Reminder[]): string[] =>
  failed.map(
    (r) =>
      `:warning: Could not post the reminder due ${when(r)} to ${channelRef(r.channel)}: \`${r.lastError ?? "error"}\``,
  );

const retryLine = (r: Reminder | undefined): string | undefined =>
  r?.lastError && r.state === "pending" && r.attempts > 0
    ? `Retrying (${r.attempts} attempt${r.attempts > 1 ? "s" : ""}, last error \`${r.lastError}\`).`
    : undefined;

/** Reply to `add`. */
export function renderAdded(c: Contract, reminders: Reminder[], notes: string[] = []): Reply {
  const checkins = reminders.filter((r) => r.kind === "checkin").length;
  const reviews = reminders.length - checkins;
  const next = reminders[0];
  const blocks: KnownBlock[] = [
    section(
      `:white_check_mark: Contract with *${esc(c.vendor)}* saved. Reminders will go to ${channelRef(c.channel, c.channelName)}.`,
    ),
    contractFields(c),
    section(
      [
        `*${reminders.length.toLocaleString(numberLocale())} reminder${reminders.length === 1 ? "" : "s"} planned*: ${reviews} review${reviews === 1 ? "" : "s"} before the notice deadline and ${checkins} onboarding check-in${checkins === 1 ? "" : "s"}.`,
        next ? `Next: ${reminderLine(next)}.` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    ),
    ...notes.map((n) => context(esc(n))),
    context(
      `Make sure I am in ${channelRef(c.channel, c.channelName)} (\`/invite @Switchboard\`) so I can post there and check what I posted.`,
    ),
  ];
  return {
    text: `Contract with ${esc(c.vendor)} saved: ${reminders.length} reminders planned, notice deadline ${dateOf(c.noticeDeadline)}.`,
    blocks,
    visibility: "ephemeral",
  };
}

function contractFields(c: Contract): KnownBlock {
  return fields([
    ["Start", `${dateOf(c.start)}${c.startTime ? ` ${c.startTime}` : ""}`],
    ["Renews", `${dateOf(c.renews)}${c.renewsTime ? ` ${c.renewsTime}` : ""}`],
    ["Notice", formatTerm(c.notice)],
    ["Notice deadline", dateOf(c.noticeDeadline)],
    [
      "Onboarding",
      c.onboardingDays
        ? `${c.onboardingDays} days, check-ins ${c.checkinsPerDay === 2 ? "twice a day" : "daily"}${c.checkinDays === "weekdays" ? " on weekdays" : ""}`
        : "no check-ins",
    ],
    ["Channel", `${channelRef(c.channel, c.channelName)} · ${c.timeZone}`],
  ]);
}

/** Reply to `list`. */
export function renderList(contracts: Contract[], reminders: Reminder[]): Reply {
  if (!contracts.length)
    return {
      text: "No contracts yet.",
      blocks: [
        section("No contracts yet. Add one to get reminded before its notice deadline."),
        context("Example: `/cc-contract add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d`"),
        ...[formButton("Add a contract", "contract", "add")].filter(present).map((b) => actions([b])),
      ],
      visibility: "ephemeral",
    };
  const sorted = [...contracts].sort((a, b) => a.noticeDeadline.localeCompare(b.noticeDeadline));
  const blocks: KnownBlock[] = [header(`Contracts (${contracts.length})`)];
  let failures = 0;
  const byContract = remindersByContract(reminders);
  for (const c of sorted) {
    const { next, failures: failed } = byContract.get(c.id) ?? { failures: [] };
    failures += failed.length;
    const lines = [
      `*${esc(c.vendor)}*: renews ${dateOf(c.renews)}, notice by *${dateOf(c.noticeDeadline)}* (${formatTerm(c.notice)}) · ${channelRef(c.channel, c.channelName)}`,
      next ? `Next reminder: ${reminderLine(next)}` : "No reminders left to post.",
      retryLine(next),
      ...failureLines(failed),
    ].filter(present);
    blocks.push(section(lines.join("\n"), commandButton("Show", "contract", `show ${c.vendor}`)));
  }
  const summary = `${contracts.length} contract${contracts.length === 1 ? "" : "s"}${failures ? `, ${failures} reminder${failures === 1 ? "" : "s"} could not be posted` : ""}.`;
  return { text: summary, blocks: fitMessage(blocks), visibility: "ephemeral" };
}

/** Reply to `show <vendor>`. */
export function renderShow(c: Contract, reminders: Reminder[]): Reply {
  const mine = reminders
    .filter((r) => r.contractId === c.id)
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const upcoming = mine.filter((r) => r.state === "pending" || r.state === "posting");
  const failed = mine.filter((r) => r.state === "failed");
  const done = mine.filter((r) => ["posted", "reviewed", "snoozed"].includes(r.state));
  const blocks: KnownBlock[] = [header(`Contract: ${c.vendor}`), contractFields(c)];
  if (failed.length) blocks.push(section(failureLines(failed).join("\n")));
  // Ten lines and a "more" line: the section stays phone-sized.
  const shown = upcoming.slice(0, 10).map((r) => `• ${reminderLine(r)}`);
  if (upcoming.length > shown.length) shown.push(`…and ${upcoming.length - shown.length} more.`);
  blocks.push(section(`*Upcoming reminders (${upcoming.length})*\n${shown.join("\n") || "None."}`));
  if (done.length)
    blocks.push(
      context(
        `${done.length} posted so far; ${done.filter((r) => r.state === "reviewed").length} marked reviewed.`,
      ),
    );
  blocks.push(divider());
  blocks.push(
    actions(
      [
        commandButton("Remove contract", "contract", `remove ${c.vendor}`, "danger"),
        commandButton("All contracts", "contract", "list"),
      ].filter(present),
    ),
  );
  return {
    text: `${esc(c.vendor)}: notice deadline ${dateOf(c.noticeDeadline)}, ${upcoming.length} reminders to come.`,
    blocks: fitMessage(blocks),
    visibility: "ephemeral",
  };
}

/** First reply to `remove`: ask before deleting. */
/** `/cc-contract edit`: what changed and what happened to the reminders. */
export function renderEdited(
  c: Contract,
  out: { changed: string[]; cancelled: number; added: number },
  reminders: Reminder[],
): Reply {
  const pending = reminders.filter((r) => r.contractId === c.id && r.state === "pending");
  const next = nextFor(reminders, c.id);
  const head = out.changed.length
    ? `:white_check_mark: Contract with *${esc(c.vendor)}* updated: ${out.changed.map((k) => `\`${k}\``).join(", ")} changed.`
    : `Contract with *${esc(c.vendor)}*: nothing changed (the values given are the ones saved).`;
  const plan =
    out.cancelled || out.added
      ? `Reminders re-planned: ${out.added} added, ${out.cancelled} no longer needed (cancelled); reminders already posted are not sent again.`
      : "The reminders stay as they were.";
  const blocks: KnownBlock[] = [
    section(head),
    contractFields(c),
    section(
      [`${plan} ${pending.length} pending.`, next ? `Next: ${reminderLine(next)}.` : ""]
        .filter(Boolean)
        .join("\n"),
    ),
  ];
  return {
    text: `Contract with ${esc(c.vendor)} ${out.changed.length ? "updated" : "unchanged"}: ${pending.length} reminders pending.`,
    blocks,
    visibility: "ephemeral",
  };
}

export function renderRemoveConfirm(c: Contract, pending: number): Reply {
  const text = `Remove the contract with ${esc(c.vendor)} and cancel its ${pending} pending reminder${pending === 1 ? "" : "s"}?`;
  return {
    text,
    blocks: [
      section(`:warning: ${text.replace(c.vendor, `*${esc(c.vendor)}*`)}`),
      actions(
        [
          commandButton("Remove", "contract", `remove ${c.vendor} confirm=yes`, "danger"),
          commandButton("Keep it", "contract", `show ${c.vendor}`),
        ].filter(present),
      ),
    ],
    visibility: "ephemeral",
    private: true,
  };
}

export function renderRemoved(c: Contract, cancelled: number): Reply {
  const text = `Removed the contract with ${esc(c.vendor)}; ${cancelled} pending reminder${cancelled === 1 ? "" : "s"} cancelled.`;
  return {
    text,
    blocks: [section(`:white_check_mark: ${text.replace(c.vendor, `*${esc(c.vendor)}*`)}`)],
    visibility: "ephemeral",
  };
}

export function renderReminderAdded(c: Contract, r: Reminder, notes: string[] = []): Reply {
  const text = `One-off reminder about ${esc(c.vendor)} set for ${when(r)} in ${channelRef(r.channel)}.`;
  return {
    text,
    blocks: [
      section(`:white_check_mark: ${text}`),
      ...(r.note ? [context(`Note: ${esc(r.note)}`)] : []),
      ...notes.map((n) => context(esc(n))),
    ],
    visibility: "ephemeral",
  };
}

export function renderContractHelp(): Reply {
  const lines = [
    '`/cc-contract add vendor=Acme start=2027-01-15 renews=2028-01-15 notice=60d channel=#cx-ops`: save a contract and plan its reminders. Optional: `onboarding=14d` (check-ins after the start, `0` for none), `checkins=2x` (twice a day); check-ins skip weekends unless `checkins=daily-7` (or `2x-7`). Dates: YYYY-MM-DD, with a time if you like (`2027-01-15T10:00`), or phrases in quotes such as `start="next Monday"`, `renews="in 12 months"`. `notice`: `60d`, `8w`, `3mo` (months; `m` is minutes), `1y`.',
    "`/cc-contract list`: every contract with its next reminder and any reminder that could not be posted.",
    "`/cc-contract show Acme`: one contract and its reminders.",
    "`/cc-contract edit Acme notice=90d renews=2028-03-01`: change a contract (start, renews, notice, channel, onboarding, checkins); its pending reminders are re-planned, and nothing already posted is sent again.",
    "`/cc-contract remind Acme 2027-03-01 check the March invoice`: a one-off reminder.",
    "`/cc-contract remove Acme`: delete a contract and cancel its reminders (asks first).",
  ];
  return {
    text: "How to use /cc-contract",
    blocks: [
      header("Contracts and review reminders"),
      section(
        "I post reminders 30 and 7 days before each notice deadline (renewal minus notice), on the deadline itself, and onboarding check-ins after the start, at 09:00 in your time zone unless you give a time.",
      ),
      section(lines.map((l) => `• ${l}`).join("\n")),
      ...[formButton("Add a contract", "contract", "add")].filter(present).map((b) => actions([b])),
    ],
    visibility: "ephemeral",
  };
}
