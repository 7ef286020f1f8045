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
