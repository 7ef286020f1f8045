import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../deps.ts";

export const UNINSTALL_EVENTS = ["app_uninstalled", "tokens_revoked"] as const;

/**
 * When a workspace (or an org) removes the app, or revokes its bot token, its reminders are held from
 * the next tick. Multi-workspace mode: its installation goes (a tombstone stays) and its data is
 * deleted once DATA_RETENTION_DAYS have passed, unless it installs the app again first.
 */
export function registerUninstallEvents(app: App, deps: ListenerDeps): void {
  const uninstall = deps.uninstall;
  if (!uninstall) return;
  const forget = async (context: {
    teamId?: string;
    enterpriseId?: string;
    isEnterpriseInstall?: boolean;
  }) => {
    const query = {
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
    };
    await uninstall(query);
  };
  app.event("app_uninstalled", async ({ context }) => {
    await forget(context);
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    // Only the bot token matters: a revoked user token leaves the installation working.
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(context);
  });
}
