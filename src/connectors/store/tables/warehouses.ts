import { queryRows, type Queryable } from "../../../db/query-rows.js";

/** The store's `warehouse` table, as mutations read it in their transaction (its list and lookups are the warehouse reader's). */

/** The codes of warehouses by id. */
export async function warehouseCodes(tx: Queryable, warehouseIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; code: string }>(tx, `SELECT id, code FROM warehouse WHERE id = ANY($1::uuid[])`, [warehouseIds]);
  return new Map(rows.map((w) => [w.id, w.code]));
}

/** The id of the warehouse with this code; undefined when there is none. */
export async function idByCode(tx: Queryable, code: string): Promise<string | undefined> {
  return (await queryRows<{ id: string }>(tx, `SELECT id FROM warehouse WHERE code = $1`, [code]))[0]?.id;
}
