import type { HomeView, KnownBlock } from "@slack/types";
import { COMMANDS } from "../commands/registry.ts";
import { slashName } from "../commands/types.ts";
import type { WorkspaceData } from "../store/schema.ts";
import { actions, context, divider, header, section } from "./blocks.ts";
import { formButton } from "./buttons.ts";
import { LIMITS } from "./limits.ts";

const present = <T>(v: T | undefined): v is T => v !== undefined;

/** The App Home dashboard of one workspace. */
export function renderHome(data: WorkspaceData, opts: { now: Date }): HomeView {
  const blocks: KnownBlock[] = [
    header("Switchboard"),
    section(
      "Plan, price and run an outsourced customer-service center: estimates in seconds, advice with reasons, " +
        "vendor quotes side by side, and contract reviews you won't forget.",
    ),
    actions(
      [
        formButton("Estimate costs", "estimate"),
        formButton("Get advice", "advise"),
        formButton("Add a vendor", "vendor", "add"),
        formButton("Add a contract", "contract", "add"),
      ].filter(present),
    ),
    divider(),
  ];

  if (data.profile && Object.keys(data.profile).length) {
    const facts = Object.entries(data.profile)
      .slice(0, 12)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`)
      .join("  ");
    blocks.push(section(`*Your saved profile*\n${facts}`));
  } else {
    blocks.push(section("*Your profile*\nNo profile saved yet. Describe your team with `/cc-advise`."));
  }
  if (data.lastEstimate) {
    blocks.push(
      section(`*Last estimate* (${data.lastEstimate.at.slice(0, 10)})\n${data.lastEstimate.summary}`),
    );
  }
  blocks.push(
    section(
      `*Vendors:* ${data.vendors.length} saved · *Contracts:* ${data.contracts.length} · *Reminders pending:* ${
        data.reminders.filter((r) => (r as { state?: string }).state === "pending").length
      }`,
    ),
  );
  blocks.push(divider(), section("*Commands*"));
  blocks.push(
    context(...COMMANDS.slice(0, LIMITS.contextElements).map((c) => `\`${slashName(c)}\` ${c.summary}`)),
    context(`Updated ${opts.now.toISOString().slice(0, 16).replace("T", " ")} UTC`),
  );
  return { type: "home", blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
