/**
 * The rows of an `UPDATE … RETURNING` / `DELETE … RETURNING` run through
 * TypeORM's `query()`: its Postgres driver answers `[rows, affectedCount]` for
 * those, and plain rows for `SELECT` and `INSERT`.
 */
export function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (rows.length === 2 && Array.isArray(rows[0]) && typeof rows[1] === "number" ? rows[0] : rows) as T[];
}
