/**
 * The reference the store answers for an entity it applied a command to (an
 * order's number, an account's code…), read from whichever table holds it.
 */
import { queryRow, type Queryable } from "../../../db/query-rows.js";

/** Where an aggregate's reference is kept: a store table (as SQL names it) and its column. */
export interface ReferenceColumn {
  table: string;
  column: string;
}

/** The entity's reference as text; undefined when no row of `table` has that id. */
export async function referenceOf(tx: Queryable, where: ReferenceColumn, id: string): Promise<string | undefined> {
  const row = await queryRow<{ reference: unknown }>(tx, `SELECT ${where.column} AS reference FROM ${where.table} WHERE id = $1::uuid`, [id]);
  return row ? String(row.reference) : undefined;
}
