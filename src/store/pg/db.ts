import pg from "pg";

/** One statement's rows. */
export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * What the PostgreSQL store needs of a database: statements, and transactions on one connection.
 * Implemented over a `pg` pool here, and over PGlite in the tests (no server needed).
 */
export interface Db extends Sql {
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Deadlocks and serialization failures are retried: the whole transaction runs again. */
const RETRYABLE = new Set(["40P01", "40001"]);

export function poolDb(url: string, opts: { schema?: string; max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    // Each test file (or tenant) may live in its own schema.
    ...(opts.schema ? { options: `-c search_path=${opts.schema}` } : {}),
  });
  // An idle connection that dies (server restart) must not crash the process.
  pool.on("error", () => undefined);
  let closing: Promise<void> | undefined;
  return {
    query: (text, params) => pool.query(text, params as unknown[]) as never,
    async transaction(work) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const result = await work({ query: (t, p) => client.query(t, p as unknown[]) as never });
          await client.query("COMMIT");
          return result;
        } catch (err) {
          await client.query("ROLLBACK").catch(() => undefined);
          if (attempt < 5 && RETRYABLE.has((err as { code?: string }).code ?? "")) continue;
          throw err;
        } finally {
          client.release();
        }
      }
    },
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}

/** A single-connection database (PGlite): every statement and transaction in turn. */
export function serialDb(conn: {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Several statements in one string (PGlite's query takes one). */
  exec?(text: string): Promise<Array<{ rows: unknown[] }>>;
  close?(): Promise<void>;
}): Db {
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  };
  const q: Sql["query"] = async (text, params) => {
    if (params === undefined && conn.exec) {
      const all = await conn.exec(text);
      return { rows: (all[all.length - 1]?.rows ?? []) as never[] };
    }
    return conn.query(text, params) as never;
  };
  return {
    query: (text, params) => exclusive(() => q(text, params)),
    transaction: (work) =>
      exclusive(async () => {
        await q("BEGIN");
        try {
          const result = await work({ query: q });
          await q("COMMIT");
          return result;
        } catch (err) {
          await q("ROLLBACK").catch(() => undefined);
          throw err;
        }
      }),
    close: async () => {
      await chain;
      await conn.close?.();
    },
  };
}
