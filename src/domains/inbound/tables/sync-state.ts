import { queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

// Statements on `sync_state` (one row per connector and domain), and the advisory lock of one sync.

/** A sync's stored state, as `Query.connectors` shows it. */
export interface SyncStateRow {
  connector: string;
  domain: string;
  cursor: string | null;
  /** When the run under way started; null when no run holds the sync's lock (a crashed run's mark is not shown). */
  running_since: Date | null;
  last_run_at: Date | null;
  last_success_at: Date | null;
  /** bigint, as pg returns it. */
  items_applied: string;
  errors: number;
  last_error: string | null;
}

/** The advisory lock key of one connector's sync of one domain (text, hashed by PostgreSQL). */
function lockKeyOf(connector: string, domain: string): string {
  return `sync\n${connector}\n${domain}`;
}

/**
 * Takes the session-level advisory lock of a sync on `session` (a connection
 * the caller keeps for the whole run): false when another run (in any process)
 * holds it. The lock goes with the connection if the process dies.
 */
export async function tryLock(session: Queryable, connector: string, domain: string): Promise<boolean> {
  const row = await queryRow<{ locked: boolean }>(session, `SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [lockKeyOf(connector, domain)]);
  return row?.locked === true;
}

/** Releases the lock taken by {@link tryLock} on the same connection. */
export async function unlock(session: Queryable, connector: string, domain: string): Promise<void> {
  await queryRows(session, `SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [lockKeyOf(connector, domain)]);
}

/**
 * Marks a run begun and answers the cursor it starts from. A run after a
 * failed or interrupted one resumes it (its item count goes on); after a
 * successful one, the count starts again from zero.
 */
export async function beginRun(tx: Queryable, connector: string, domain: string): Promise<{ cursor: string | null; itemsApplied: number }> {
  const row = await queryRow<{ cursor: string | null; items_applied: string }>(
    tx,
    `INSERT INTO sync_state AS s (connector, domain, running_since, last_run_at) VALUES ($1, $2, clock_timestamp(), clock_timestamp())
     ON CONFLICT (connector, domain) DO UPDATE SET
       running_since = EXCLUDED.running_since,
       last_run_at = EXCLUDED.last_run_at,
       items_applied = CASE WHEN s.last_run_at IS NOT NULL AND (s.last_success_at IS NULL OR s.last_success_at < s.last_run_at) THEN s.items_applied ELSE 0 END
     RETURNING cursor, items_applied`,
    [connector, domain],
  );
  return { cursor: row!.cursor, itemsApplied: Number(row!.items_applied) };
}

/** Stores where the run got to after a page, and the items it applied. */
export async function recordPage(tx: Queryable, connector: string, domain: string, cursor: string | null, itemsApplied: number): Promise<void> {
  await queryRows(tx, `UPDATE sync_state SET cursor = $3, items_applied = items_applied + $4 WHERE connector = $1 AND domain = $2`, [connector, domain, cursor, itemsApplied]);
}

/** Marks a run ended: a success clears the error count; a failure (`error`) counts and keeps it, and the cursor stays where it got to. */
export async function finishRun(tx: Queryable, connector: string, domain: string, error: string | null): Promise<void> {
  await queryRows(
    tx,
    error === null
      ? `UPDATE sync_state SET running_since = NULL, last_success_at = clock_timestamp(), errors = 0, last_error = NULL WHERE connector = $1 AND domain = $2`
      : `UPDATE sync_state SET running_since = NULL, errors = errors + 1, last_error = left($3, 2000) WHERE connector = $1 AND domain = $2`,
    error === null ? [connector, domain] : [connector, domain, error],
  );
}

/** Marks a run that was asked to stop (Ctrl-C, shutdown) ended: not a failure, so the error count and last error stay as they were. */
export async function stopRun(tx: Queryable, connector: string, domain: string): Promise<void> {
  await queryRows(tx, `UPDATE sync_state SET running_since = NULL WHERE connector = $1 AND domain = $2`, [connector, domain]);
}

/**
 * The syncs of the given connectors, in one statement; `running_since` only
 * where a run holds the sync's lock now (a run that crashed left its mark but
 * not its lock).
 */
export function readSyncStates(db: Queryable, connectors: readonly string[]): Promise<SyncStateRow[]> {
  return queryRows<SyncStateRow>(
    db,
    `SELECT s.connector, s.domain, s.cursor, s.last_run_at, s.last_success_at, s.items_applied, s.errors, s.last_error,
            CASE WHEN EXISTS (
              SELECT 1 FROM pg_locks l
              WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                AND l.classid::bigint = ((k.key >> 32) & 4294967295) AND l.objid::bigint = (k.key & 4294967295)
            ) THEN s.running_since END AS running_since
     FROM sync_state s
     CROSS JOIN LATERAL (SELECT hashtextextended('sync' || chr(10) || s.connector || chr(10) || s.domain, 0) AS key) k
     WHERE s.connector = ANY($1::text[])
     ORDER BY s.connector, s.domain`,
    [connectors],
  );
}
