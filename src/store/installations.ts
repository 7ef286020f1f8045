import type { Db } from "./pg/db.ts";

/** One OAuth installation; `sealed` is the encrypted token bundle, opaque to the store. */
export interface InstallationRecord {
  id: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  sealed: string;
  installedAt: string;
  uninstalledAt?: string;
}

/** Where installations are kept: a file of its own, or the `installations` table in PostgreSQL. */
export interface InstallationRecords {
  get(id: string): Promise<InstallationRecord | undefined>;
  put(rec: InstallationRecord): Promise<void>;
  delete(id: string): Promise<boolean>;
  list(): Promise<InstallationRecord[]>;
}

interface Row {
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  body: { isEnterpriseInstall?: boolean; sealed?: string; installedAt?: string; uninstalledAt?: string };
}

const fromRow = (r: Row): InstallationRecord => ({
  id: r.id,
  ...(r.team_id ? { teamId: r.team_id } : {}),
  ...(r.enterprise_id ? { enterpriseId: r.enterprise_id } : {}),
  isEnterpriseInstall: r.body.isEnterpriseInstall === true,
  sealed: String(r.body.sealed ?? ""),
  installedAt: String(r.body.installedAt ?? ""),
  ...(r.body.uninstalledAt ? { uninstalledAt: r.body.uninstalledAt } : {}),
});

/** Installations in the `installations` table (created by the store's migrations). */
export class PgInstallationRecords implements InstallationRecords {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<InstallationRecord | undefined> {
    const { rows } = await this.db.query<Row>(
      "SELECT id, team_id, enterprise_id, body FROM installations WHERE id = $1",
      [id],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async put(rec: InstallationRecord): Promise<void> {
    const body = {
      isEnterpriseInstall: rec.isEnterpriseInstall,
      sealed: rec.sealed,
      installedAt: rec.installedAt,
      ...(rec.uninstalledAt ? { uninstalledAt: rec.uninstalledAt } : {}),
    };
    await this.db.query(
      `INSERT INTO installations (id, team_id, enterprise_id, body, updated_at) VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (id) DO UPDATE SET team_id = EXCLUDED.team_id, enterprise_id = EXCLUDED.enterprise_id,
         body = EXCLUDED.body, updated_at = now()`,
      [rec.id, rec.teamId ?? null, rec.enterpriseId ?? null, JSON.stringify(body)],
    );
  }

  async delete(id: string): Promise<boolean> {
    const { rows } = await this.db.query("DELETE FROM installations WHERE id = $1 RETURNING id", [id]);
    return rows.length > 0;
  }

  async list(): Promise<InstallationRecord[]> {
    const { rows } = await this.db.query<Row>(
      "SELECT id, team_id, enterprise_id, body FROM installations ORDER BY id",
    );
    return rows.map(fromRow);
  }
}
