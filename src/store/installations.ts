export interface InstallationRecord {
  id: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  sealed: string;
  installedAt: string;
  uninstalledAt?: string;
}
export interface InstallationRecords {
  get(id: string): Promise<InstallationRecord | undefined>;
  put(rec: InstallationRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(): Promise<InstallationRecord[]>;
}
