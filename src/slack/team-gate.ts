import type { AnyMiddlewareArgs, App } from "@slack/bolt";
import { installationCovers, type WorkspaceKey } from "../core/workspace.ts";
import type { Logger } from "../logger.ts";
import { workspaceOf } from "./context.ts";

/** The workspace (or Enterprise Grid org) the single bot token belongs to, from auth.test. */
export interface OwnTeam {
  teamId: string;
  enterpriseId?: string | undefined;
  /** An org-wide install: the token serves every workspace of the enterprise. */
  isEnterpriseInstall: boolean;
}

/** True when a request from `ws` is one the single bot token may act for. */
export const servesWorkspace = (own: OwnTeam, ws: WorkspaceKey): boolean => installationCovers(own, ws);

export const FOREIGN_TEAM =
  "Switchboard is installed for another Slack workspace, so it did nothing here and saved nothing. Ask an admin of this workspace to install Switchboard here.";

type Args = AnyMiddlewareArgs & {
  ack?: (response?: unknown) => Promise<void>;
  respond?: (message: unknown) => Promise<unknown>;
  next: () => Promise<void>;
};

/**
 * A global middleware, registered before every other: in single-workspace mode the one bot token
 * answers for its own workspace only. A request from any other team is answered with a short note
 * (or, for an event, a log line) and reaches no listener, so it writes nothing and no Web API call is
 * made with a token that is not that team's.
 */
export function registerTeamGate(app: App, logger: Logger, own: OwnTeam): void {
  app.use(async (raw) => {
    const args = raw as unknown as Args;
    const ws = workspaceOf(args.body);
    // No workspace in the payload: the listeners refuse it themselves.
    if (!ws || servesWorkspace(own, ws)) return args.next();
    const body = args.body as { type?: string; command?: string; event?: { type?: unknown } };
    const what =
      typeof body.command === "string"
        ? `command ${body.command.slice(0, 40)}`
        : body.event
          ? `event ${String(body.event.type).slice(0, 40)}`
          : `${String(body.type ?? "request").slice(0, 40)}`;
    logger.warn(
      `ignored a ${what} from team ${ws.teamId.slice(0, 20)}${ws.enterpriseId ? ` (enterprise ${ws.enterpriseId.slice(0, 20)})` : ""}: this app serves team ${own.teamId}`,
    );
    const ack = args.ack ?? (async () => {});
    if (typeof body.command === "string") {
      await ack({ response_type: "ephemeral", text: FOREIGN_TEAM });
      return;
    }
    switch (body.type) {
      case "view_submission":
        await ack({
          response_action: "update",
          view: {
            type: "modal",
            title: { type: "plain_text", text: "Switchboard" },
            close: { type: "plain_text", text: "Close" },
            blocks: [{ type: "section", text: { type: "mrkdwn", text: FOREIGN_TEAM } }],
          },
        });
        return;
      case "block_suggestion":
        await ack({ options: [] });
        return;
      default:
        await ack();
        // The response_url needs no token: the note reaches the person without acting for their team.
        if (args.respond)
          await args
            .respond({ response_type: "ephemeral", replace_original: false, text: FOREIGN_TEAM })
            .catch((err: unknown) => logger.warn("could not tell a user from another team", err));
    }
  });
}
