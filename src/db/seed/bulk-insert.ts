import type { EntityManager } from "typeorm";

/** Rows per statement: large enough to be fast, small enough to stay far below Postgres' 65,535 parameters. */
const ROWS_PER_STATEMENT = 1000;
const MAX_PARAMS = 60_000;

/**
 * Inserts rows with multi-row `INSERT … VALUES` statements of up to 1000 rows.
 * `table` and `columns` are trusted identifiers (quote them where needed);
 * values are always bound as parameters. Objects and arrays meant for jsonb
 * columns must be passed already `JSON.stringify`-ed. Returns the row count.
 */
export async function insertRows(manager: EntityManager, table: string, columns: readonly string[], rows: readonly unknown[][]): Promise<number> {
  const perStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      if (row.length !== columns.length) throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
      return `(${row.map((value) => `$${params.push(value)}`).join(", ")})`;
    });
    await manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
  }
  return rows.length;
}
