import type { EntityManager } from "typeorm";

/**
 * Locks the stock rows a mutation is about to change, all at once and in one
 * order (product, then warehouse), so that two carts naming the same products
 * in different orders wait for each other instead of deadlocking.
 */
export async function lockInventoryRows(manager: EntityManager, rows: ReadonlyArray<{ productKey: string | null; warehouseKey: string | null }>): Promise<void> {
  const pairs = rows.filter((r): r is { productKey: string; warehouseKey: string } => r.productKey !== null && r.warehouseKey !== null);
  if (pairs.length === 0) return;
  await manager.query(
    `SELECT 1 FROM inventory_level
     WHERE (product_id, warehouse_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
     ORDER BY product_id, warehouse_id FOR UPDATE`,
    [pairs.map((p) => p.productKey), pairs.map((p) => p.warehouseKey)],
  );
}
