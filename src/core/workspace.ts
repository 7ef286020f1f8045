/** A Slack workspace, the unit that owns data. Enterprise Grid workspaces also carry an enterprise id. */
export interface WorkspaceKey {
  teamId: string;
  enterpriseId?: string | undefined;
}

/** The workspace used by the local console and the CLI: one shared local team. */
export const LOCAL_WORKSPACE: WorkspaceKey = { teamId: "T_LOCAL" };

/** Storage key of a workspace. Team ids are unique within an enterprise, so both parts are kept. */
export const workspaceId = (ws: WorkspaceKey): string =>
  ws.enterpriseId ? `${ws.enterpriseId}:${ws.teamId}` : ws.teamId;

/** The workspace a storage key stands for (the inverse of workspaceId). */
export const parseWorkspaceId = (id: string): WorkspaceKey => {
  const at = id.indexOf(":");
  return at < 0 ? { teamId: id } : { enterpriseId: id.slice(0, at), teamId: id.slice(at + 1) };
};

/** Who an installation is: one team's, or an org-wide one serving every workspace of its enterprise. */
export interface InstallationOwner {
  isEnterpriseInstall: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}

/** Whether an installation (its bot token) acts for this workspace. */
export const installationCovers = (owner: InstallationOwner, ws: WorkspaceKey): boolean =>
  owner.isEnterpriseInstall
    ? owner.enterpriseId !== undefined && ws.enterpriseId === owner.enterpriseId
    : owner.teamId !== undefined && ws.teamId === owner.teamId;
