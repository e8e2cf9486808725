import pg from "pg";

/** An exclusive lock on a table, held by a transaction of the test's own, that makes every statement on it wait. */
export interface TableLock {
  /** Pids of the backends whose statement matching `like` waits for this lock. */
  waiting(like: string): Promise<number[]>;
  /** Rows of `sql` run from outside the locking transaction (which would see one snapshot of the statistics views). */
  observe<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  release(): Promise<void>;
}

/** Locks `table` in the database at `databaseUrl` until {@link TableLock.release}. */
export async function lockTable(databaseUrl: string, table: string): Promise<TableLock> {
  const locker = new pg.Client({ connectionString: databaseUrl });
  await locker.connect();
  await locker.query(`BEGIN; LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  const observe = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const observer = new pg.Client({ connectionString: databaseUrl });
    await observer.connect();
    try {
      return (await observer.query<T>(sql, params)).rows;
    } finally {
      await observer.end();
    }
  };
  return {
    observe,
    waiting: async (like) =>
      (await observe<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`, [like])).map((row) => row.pid),
    release: async () => {
      await locker.query(`ROLLBACK`);
      await locker.end();
    },
  };
}

/** Waits until `condition` gives a truthy value (checked every 50 ms, at most 10 s), failing with `what`. */
export async function until<T>(condition: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await condition();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}
