import type { KnownBlock } from "@slack/types";
import { UserInputError } from "../core/errors.ts";
import { dashboardFor } from "../core/home/dashboard.ts";
import { renderHome } from "../render/home.ts";
import { HOME_META } from "./catalog.ts";
import type { CommandSpec } from "./types.ts";

/**
 * The App Home dashboard as a reply, for the console and the CLI: a newcomer sees what the Home tab
 * shows before installing the app. In Slack the Home tab itself does this.
 */
export const homeCommand: CommandSpec = {
  ...HOME_META,
  async run(text, ctx) {
    if (text.trim()) throw new UserInputError("home takes nothing after it: type `home` alone.");
    const dashboard = await dashboardFor(await (await ctx.store()).read(ctx.workspace));
    const view = renderHome(dashboard, { now: ctx.now() });
    const summary = `Vendors: ${dashboard.vendors.total}, contracts: ${dashboard.contracts.total}${dashboard.profile ? ", profile saved" : ", no profile yet"}.`;
    return {
      result: dashboard,
      reply: { text: summary, blocks: view.blocks as KnownBlock[], visibility: "ephemeral" },
    };
  },
};
