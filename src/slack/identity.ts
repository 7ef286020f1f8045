import { webApi } from "@slack/bolt";
import type { OwnTeam } from "./team-gate.ts";
import { webFetch } from "./web-fetch.ts";

export interface BotIdentity extends OwnTeam {
  botId?: string | undefined;
  botUserId?: string | undefined;
}

export class TokenRefusedError extends Error {
  constructor(reason: string) {
    super(
      `Slack refused SLACK_BOT_TOKEN (${reason}). Check the token on the app's "OAuth & Permissions" page.`,
    );
    this.name = "TokenRefusedError";
  }
}

/**
 * Which workspace (or org) the bot token belongs to, from one auth.test at start-up. Bolt is handed
 * the bot ids it returns, so it makes no second call.
 */
export async function identifyBot(
  token: string,
  opts: { slackApiUrl?: string | undefined; retryConfig?: { retries: number } | undefined },
): Promise<BotIdentity> {
  const client = new webApi.WebClient(token, {
    fetch: webFetch,
    ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}),
    ...(opts.retryConfig ? { retryConfig: opts.retryConfig } : {}),
  });
  let res: Awaited<ReturnType<typeof client.auth.test>>;
  try {
    res = await client.auth.test();
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code) throw new TokenRefusedError(code);
    throw err;
  }
  const teamId = typeof res.team_id === "string" ? res.team_id : undefined;
  const enterpriseId =
    typeof res.enterprise_id === "string" && res.enterprise_id ? res.enterprise_id : undefined;
  const isEnterpriseInstall = res.is_enterprise_install === true;
  if (!teamId && !(isEnterpriseInstall && enterpriseId))
    throw new TokenRefusedError("auth.test named no team");
  return {
    teamId: teamId ?? "",
    enterpriseId,
    isEnterpriseInstall,
    botId: typeof res.bot_id === "string" ? res.bot_id : undefined,
    botUserId: typeof res.user_id === "string" ? res.user_id : undefined,
  };
}
