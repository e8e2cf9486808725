import type { DataSource, EntityManager } from "typeorm";

/** Where a statement runs: the data source (any pool connection) or a transaction's entity manager. */
export type Queryable = DataSource | EntityManager;

/**
 * Runs one parameterised statement and returns its rows typed as `T`: the one
 * place a row's shape is asserted. Works for `SELECT`, `INSERT … RETURNING`
 * and `UPDATE`/`DELETE … RETURNING` alike (TypeORM's Postgres driver answers
 * `[rows, affectedCount]` for the last two; this unwraps it). `T` must match
 * the statement's column names and pg's decoding (numeric and bigint come back
 * as strings).
 */
export async function queryRows<T extends object>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const result = (await db.query(sql, params as unknown[])) as unknown[];
  const rows = result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number" ? result[0] : result;
  return rows as T[];
}

/** {@link queryRows} for a statement that yields at most one row: that row, or undefined. */
export async function queryRow<T extends object>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
  return (await queryRows<T>(db, sql, params))[0];
}

/** Runs a statement and returns how many rows it touched (`UPDATE`/`DELETE` without `RETURNING`, or with it). */
export async function queryCount(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<number> {
  const result = (await db.query(sql, params as unknown[])) as unknown[];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number") return result[1];
  return result.length;
}
