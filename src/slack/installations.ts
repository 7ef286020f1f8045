import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import { parseWorkspaceId } from "../core/workspace.ts";
import type { Logger } from "../logger.ts";
import type { InstallationRecord, InstallationRecords } from "../store/installations.ts";
import { seal, unseal } from "./seal.ts";

export class InstallationKeyError extends Error {
  constructor(path: string, ids: string[]) {
    super(
      `SLACK_INSTALLATION_KEY does not open ${ids.length} of the installations in ${path} (${ids
        .slice(0, 5)
        .join(
          ", ",
        )}${ids.length > 5 ? ", …" : ""}). Start with the key they were saved with; the file was left untouched.`,
    );
    this.name = "InstallationKeyError";
  }
}

export interface InstallationKeyParts {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/** Org-wide installs are keyed by enterprise id, the rest by team id (Slack's own advice). */
export const installationIdOf = (q: InstallationKeyParts): string | undefined =>
  q.isEnterpriseInstall && q.enterpriseId ? q.enterpriseId : q.teamId;

const live = (rec: InstallationRecord | undefined): rec is InstallationRecord =>
  rec !== undefined && rec.uninstalledAt === undefined && rec.sealed !== "";

/**
 * Bolt's installationStore over InstallationRecords: each installation is kept whole, as JSON sealed
 * with the installation key (bound to its record id). An uninstall keeps a tombstone (no tokens, the
 * time of the uninstall) so the retention purge knows when the workspace's data is due for deletion.
 */
export class SealedInstallations implements InstallationStore {
  constructor(
    private readonly records: InstallationRecords,
    private readonly key: Buffer,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const id = installationIdOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    if (!id) throw new Error("an installation with neither a team nor an enterprise id");
    // A reinstall replaces the tombstone: the workspace's data is no longer due for deletion.
    await this.records.put({
      id,
      ...(installation.team?.id ? { teamId: installation.team.id } : {}),
      ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
      sealed: seal(JSON.stringify(installation), this.key, id),
      installedAt: this.now().toISOString(),
    });
    this.logger.info(`installed in ${installation.isEnterpriseInstall ? "enterprise" : "team"} ${id}`);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
    const id = installationIdOf(query);
    let rec = id ? await this.records.get(id) : undefined;
    let recId = id;
    // A workspace of an org that installed the app org-wide, named by a payload that does not say so.
    if (!live(rec) && !query.isEnterpriseInstall && query.enterpriseId) {
      const org = await this.records.get(query.enterpriseId);
      if (org?.isEnterpriseInstall) [rec, recId] = [org, query.enterpriseId];
    }
    if (!recId || !live(rec)) throw new Error(`Switchboard is not installed in ${id ?? "this workspace"}`);
    return JSON.parse(unseal(rec.sealed, this.key, recId)) as Installation<"v1" | "v2", boolean>;
  }

  /** Bolt's deleteInstallation: the tokens go, a tombstone stays (see `uninstall`). */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.uninstall(query);
  }

  /** Forget the tokens of an installation and note when it was uninstalled. False when none was live. */
  async uninstall(query: InstallationKeyParts): Promise<boolean> {
    const id = installationIdOf(query);
    const rec = id ? await this.records.get(id) : undefined;
    if (!id || !live(rec)) return false;
    const { sealed: _tokens, ...rest } = rec;
    await this.records.put({ ...rest, sealed: "", uninstalledAt: this.now().toISOString() });
    this.logger.info(`uninstalled from ${id}: its reminders are held and its data is kept until purged`);
    return true;
  }

  /** Ids of live installations this key cannot open (a wrong SLACK_INSTALLATION_KEY, or tampering). */
  async unreadable(): Promise<string[]> {
    const bad: string[] = [];
    for (const rec of await this.records.list()) {
      if (!live(rec)) continue;
      try {
        unseal(rec.sealed, this.key, rec.id);
      } catch {
        bad.push(rec.id);
      }
    }
    return bad;
  }

  /**
   * The bot token that acts for a workspace (by storage id): its own installation, else its
   * enterprise's org-wide one; undefined when neither is installed.
   */
  async botTokenFor(workspaceId: string): Promise<string | undefined> {
    const ws = parseWorkspaceId(workspaceId);
    // The team's own installation first; the enterprise's record is read only when that gives no token.
    for (const id of ws.enterpriseId ? [ws.teamId, ws.enterpriseId] : [ws.teamId]) {
      const rec = await this.records.get(id);
      if (!live(rec) || rec.isEnterpriseInstall !== (id === ws.enterpriseId)) continue;
      try {
        const installation = JSON.parse(unseal(rec.sealed, this.key, id)) as Installation;
        if (installation.bot?.token) return installation.bot.token;
      } catch (err) {
        this.logger.error(`the installation of ${id} cannot be read`, err);
      }
    }
    return undefined;
  }
}
