import type { ClientBase } from "pg";
import type { DataSource, EntityManager } from "typeorm";

/**
 * Where a statement runs: the data source (any pool connection), a TypeORM
 * transaction's entity manager, or a `pg` client holding a transaction (the relay's).
 * Table modules take one of these as their first argument, the caller's transaction.
 */
export type Queryable = DataSource | EntityManager | Pick<ClientBase, "query">;

/** The rows and affected-row count of a statement, whatever ran it. */
async function run(db: Queryable, sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; count: number }> {
  const result = (await (db.query as (sql: string, params: unknown[]) => Promise<unknown>).call(db, sql, [...params])) as unknown;
  // pg answers a QueryResult.
  if (!Array.isArray(result)) {
    const { rows, rowCount } = result as { rows: unknown[]; rowCount: number | null };
    return { rows, count: rowCount ?? rows.length };
  }
  // TypeORM's Postgres driver answers `[rows, affectedCount]` for UPDATE/DELETE, plain rows otherwise.
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") return { rows: result[0] as unknown[], count: result[1] };
  return { rows: result, count: result.length };
}

/**
 * Runs one parameterised statement and returns its rows typed as `T`: the one
 * place a row's shape is asserted. Works for `SELECT`, `INSERT … RETURNING`
 * and `UPDATE`/`DELETE … RETURNING` alike. `T` must match the statement's
 * column names and pg's decoding (numeric and bigint come back as strings).
 */
export async function queryRows<T extends object>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  return (await run(db, sql, params)).rows as T[];
}

/** {@link queryRows} for a statement that yields at most one row: that row, or undefined. */
export async function queryRow<T extends object>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
  return (await queryRows<T>(db, sql, params))[0];
}

/** Runs a statement and returns how many rows it touched (`UPDATE`/`DELETE`, with or without `RETURNING`). */
export async function queryCount(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<number> {
  return (await run(db, sql, params)).count;
}
