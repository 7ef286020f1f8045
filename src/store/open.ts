import type { Store } from "./store.ts";

export interface StoreConfig {
  dbPath: string;
  /** DATABASE_URL: PostgreSQL instead of the file. */
  databaseUrl?: string | undefined;
  /** REMINDER_CLAIM_LEASE_SECONDS (PostgreSQL): how long a claimed reminder is another process's. */
  reminderLeaseSeconds?: number | undefined;
}

/** Open the configured store: PostgreSQL when DATABASE_URL is set, else the file at DB_PATH. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) {
    // Imported only when chosen, so the file store never loads the PostgreSQL client.
    const { PgStore } = await import("./pg-store.ts");
    return PgStore.connect(config.databaseUrl, { leaseSeconds: config.reminderLeaseSeconds });
  }
  // Imported when first opened: a command that needs no database (a CLI estimate) never loads lowdb.
  const { FileStore } = await import("./file-store.ts");
  return FileStore.open(config.dbPath);
}
