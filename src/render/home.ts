import type { HomeView, KnownBlock } from "@slack/types";
import { COMMANDS } from "../commands/registry.ts";
import { slashName } from "../commands/types.ts";
import { formatInt } from "../core/format/number.ts";
import type { Dashboard } from "../core/home/dashboard.ts";
import { own } from "../core/read/lookup.ts";
import { actions, context, divider, header, section } from "./blocks.ts";
import { commandButton, formButton } from "./buttons.ts";
import { LIMITS } from "./limits.ts";

const present = <T>(v: T | undefined): v is T => v !== undefined;
/** Rows shown per list before "Show all": keeps the Home tab well inside 100 blocks. */
export const HOME_ROWS = 5;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const money = (x: number | null | undefined) =>
  x === null || x === undefined ? "no price" : `$${formatInt(x)}/mo`;
const SEVERITY: Record<string, string> = {
  must: ":red_circle: Must",
  should: ":large_orange_circle: Should",
  consider: ":white_circle: Consider",
};

/** The App Home dashboard of one workspace. */
export function renderHome(d: Dashboard, opts: { now: Date }): HomeView {
  const blocks: KnownBlock[] = [
    header("Switchboard"),
    section(
      "Plan, price and run an outsourced customer-service center: estimates in seconds, advice with reasons, " +
        "vendor quotes side by side, and contract reviews you won't forget.",
    ),
    actions(
      [
        formButton("Estimate costs", "estimate"),
        // Calls, chats or e-mails, Erlang C or A (patience), agents for a target or figures at N agents.
        formButton("Size a team", "staffing"),
        formButton("Get advice", "advise"),
        formButton("Add a vendor", "vendor", "add"),
        formButton("Add a contract", "contract", "add"),
      ].filter(present),
    ),
    divider(),
  ];

  // Profile and its top recommendations.
  if (d.profile) {
    blocks.push(section(`*Your profile*\n\`${esc(d.profile.facts)}\``));
    const lines = d.profile.top.map((r) => `${own(SEVERITY, r.severity) ?? r.severity} · *${esc(r.title)}*`);
    if (lines.length)
      blocks.push(
        section(
          `*Top recommendations* (${d.profile.musts} must${d.profile.musts === 1 ? "" : "s"} in all)\n${lines.join("\n")}`,
        ),
      );
    blocks.push(
      actions(
        [commandButton("All advice", "advise", "update"), formButton("Edit profile", "advise")].filter(
          present,
        ),
      ),
    );
  } else {
    blocks.push(
      section(
        "*Your profile*\nNo profile saved yet. Describe your team with `/cc-advise` to get advice with reasons.",
      ),
    );
  }

  // Last estimate.
  if (d.lastEstimate) {
    blocks.push(
      divider(),
      section(`*Last estimate* (${d.lastEstimate.at.slice(0, 10)})\n${esc(d.lastEstimate.summary)}`),
    );
    const again = commandButton("Open it", "estimate", d.lastEstimate.text);
    if (again) blocks.push(actions([again]));
  }

  // Vendors, ranked when a volume is saved.
  blocks.push(divider());
  if (d.vendors.total === 0) {
    blocks.push(section("*Vendors*\nNo quotes yet. The guide recommends getting at least three."));
  } else {
    const head = d.vendors.volume
      ? `*Vendors* (${d.vendors.total}, ranked for ${formatInt(d.vendors.volume)} contacts a month)`
      : `*Vendors* (${d.vendors.total}; save a volume with \`/cc-advise\` to rank them)`;
    const rows = d.vendors.rows
      .slice(0, HOME_ROWS)
      .map((v) =>
        v.rank !== undefined
          ? `${v.rank}. *${esc(v.name)}* · ${money(v.monthlyCost)}${v.failsMusts ? " · :warning: fails a must" : ""}`
          : `• *${esc(v.name)}*`,
      );
    blocks.push(section(`${head}\n${rows.join("\n")}`));
    blocks.push(
      actions(
        [
          d.vendors.total > HOME_ROWS
            ? commandButton(`Show all ${d.vendors.total}`, "vendor", "list")
            : undefined,
          d.vendors.volume ? commandButton("Compare", "vendor", "compare") : undefined,
        ].filter(present),
      ),
    );
  }

  // Contracts with their next reminder.
  blocks.push(divider());
  if (d.contracts.total === 0) {
    blocks.push(section("*Contracts*\nNone yet. Add one to be reminded before its notice deadline."));
  } else {
    const rows = d.contracts.rows.slice(0, HOME_ROWS).map((c) => {
      const next = c.next
        ? `next reminder ${c.next.dueAt.slice(0, 16).replace("T", " ")} UTC (${c.next.kind})`
        : "no reminder pending";
      const failed = c.failures ? ` · :warning: ${c.failures} could not be posted` : "";
      return `• *${esc(c.vendor)}*: notice by ${c.noticeDeadline}, renews ${c.renews} · ${next}${failed}`;
    });
    blocks.push(section(`*Contracts* (${d.contracts.total})\n${rows.join("\n")}`));
    if (d.contracts.total > HOME_ROWS) {
      const all = commandButton(`Show all ${d.contracts.total}`, "contract", "list");
      if (all) blocks.push(actions([all]));
    }
  }

  blocks.push(
    divider(),
    context(
      ...COMMANDS.slice(0, LIMITS.contextElements - 1).map((c) => `\`${slashName(c)}\``),
      `Updated ${opts.now.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    ),
  );
  // Empty actions blocks are invalid in Slack.
  const valid = blocks.filter((b) => b.type !== "actions" || b.elements.length > 0);
  return { type: "home", blocks: valid.slice(0, LIMITS.viewBlocks) };
}
