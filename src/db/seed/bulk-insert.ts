import type { EntityManager } from "typeorm";

/** Postgres accepts at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/**
 * Inserts many rows with multi-row `INSERT … VALUES` statements, as few as the
 * parameter limit allows. Objects and arrays meant for jsonb columns must be
 * passed already `JSON.stringify`-ed.
 */
export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(", ")})`);
    await manager.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
  }
}
