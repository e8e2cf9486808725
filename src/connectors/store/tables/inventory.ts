/**
 * The store's `inventory_level` table (stock per product and warehouse): every
 * statement on it, each run in the caller's transaction (`tx`).
 */
import { queryCount, queryRows, type Queryable } from "../../../db/query-rows.js";

/** A stock row named by product and warehouse; rows with a null key are skipped. */
export interface StockRef {
  productKey: string | null;
  warehouseKey: string | null;
}

/**
 * Locks the stock rows a mutation is about to change, all at once and in one
 * order (product, then warehouse), so that two carts naming the same products
 * in different orders wait for each other instead of deadlocking.
 */
export async function lockLevels(tx: Queryable, rows: readonly StockRef[]): Promise<void> {
  const pairs = rows.filter((r): r is { productKey: string; warehouseKey: string } => r.productKey !== null && r.warehouseKey !== null);
  if (pairs.length === 0) return;
  await queryRows(
    tx,
    `SELECT 1 FROM inventory_level
     WHERE (product_id, warehouse_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
     ORDER BY product_id, warehouse_id FOR UPDATE`,
    [pairs.map((p) => p.productKey), pairs.map((p) => p.warehouseKey)],
  );
}

/**
 * Holds `quantity` base units of a product in a warehouse when that many are
 * available (on hand less reserved); false, and nothing held, otherwise.
 */
export async function reserveIfAvailable(tx: Queryable, productKey: string, warehouseKey: string, quantity: number): Promise<boolean> {
  const held = await queryRows(
    tx,
    `UPDATE inventory_level SET reserved = reserved + $3, updated_at = now()
     WHERE product_id = $1::uuid AND warehouse_id = $2::uuid AND on_hand - reserved >= $3 RETURNING 1`,
    [productKey, warehouseKey, quantity],
  );
  return held.length > 0;
}

/** Gives back `release` base units an order line held in its warehouse (never below zero reserved). */
export async function releaseForOrderLine(tx: Queryable, orderId: string, lineNumber: number, release: number): Promise<void> {
  await queryRows(
    tx,
    `UPDATE inventory_level il SET reserved = greatest(il.reserved - $3, 0), updated_at = now() FROM order_line l
           WHERE l.order_id = $1 AND l.line_number = $2 AND il.product_id = l.product_id AND il.warehouse_id = l.warehouse_id`,
    [orderId, lineNumber, release],
  );
}

/** Gives back every unit a stock reservation's lines held (never below zero reserved). */
export async function releaseForReservation(tx: Queryable, reservationId: string): Promise<void> {
  await queryRows(
    tx,
    `UPDATE inventory_level il SET reserved = greatest(il.reserved - l.quantity, 0), updated_at = now()
     FROM stock_reservation_line l WHERE l.reservation_id = $1 AND il.product_id = l.product_id AND il.warehouse_id = l.warehouse_id`,
    [reservationId],
  );
}

/** A product's stock in a warehouse as `inventorySet` sets it. */
export interface LevelRow {
  productKey: string;
  warehouseKey: string;
  onHand: number;
  restockDate: string | null;
}

/** Sets the quantity on hand and restock date of a product in a warehouse (a new row when there is none); reservations stay. */
export async function upsertOnHand(tx: Queryable, level: LevelRow): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, restock_date) VALUES ($1, $2, $3, $4)
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, restock_date = EXCLUDED.restock_date, updated_at = now()`,
    [level.productKey, level.warehouseKey, level.onHand, level.restockDate],
  );
}

/** Goods leave a warehouse: stock on hand goes down by `units`, and what was reserved for them is released (neither below zero). */
export async function shipFromStock(tx: Queryable, productId: string, warehouseId: string, units: number, reserved: number): Promise<void> {
  await queryCount(
    tx,
    `UPDATE inventory_level SET on_hand = greatest(on_hand - $3, 0), reserved = greatest(reserved - $4, 0), updated_at = now() WHERE product_id = $1 AND warehouse_id = $2`,
    [productId, warehouseId, units, reserved],
  );
}

/**
 * {@link upsertOnHand} for a level a backend (`connector`) reported: the row is
 * marked synced from there, as of `syncedAt` (when the backend's level was so).
 */
export async function upsertSynced(tx: Queryable, level: LevelRow, connector: string, syncedAt: Date): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO inventory_level (product_id, warehouse_id, on_hand, restock_date, synced_from, synced_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (product_id, warehouse_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, restock_date = EXCLUDED.restock_date,
         synced_from = EXCLUDED.synced_from, synced_at = EXCLUDED.synced_at, updated_at = now()`,
    [level.productKey, level.warehouseKey, level.onHand, level.restockDate, connector, syncedAt],
  );
}

/** When a level was last synced from `connector` (null: never, or last set by someone else). */
export async function syncedAt(tx: Queryable, productKey: string, warehouseKey: string, connector: string): Promise<Date | null> {
  const [row] = await queryRows<{ synced_at: Date | null }>(
    tx,
    `SELECT synced_at FROM inventory_level WHERE product_id = $1 AND warehouse_id = $2 AND synced_from = $3`,
    [productKey, warehouseKey, connector],
  );
  return row?.synced_at ?? null;
}

/**
 * A backend (`connector`) no longer sells a product (as of `syncedAt`): no
 * stock of it is left on hand anywhere (reservations stay), and every level of
 * it is marked synced from there then (an older level report is stale).
 * Returns the warehouses whose stock changed, with their codes.
 */
export async function emptyEverywhere(tx: Queryable, productKey: string, connector: string, syncedAt: Date): Promise<Array<{ warehouse_id: string; code: string }>> {
  const rows = await queryRows<{ warehouse_id: string; code: string; had: number }>(
    tx,
    `WITH prior AS (SELECT warehouse_id, on_hand FROM inventory_level WHERE product_id = $1 FOR UPDATE)
     UPDATE inventory_level il SET on_hand = 0, restock_date = NULL, synced_from = $2, synced_at = $3, updated_at = now()
       FROM prior p, warehouse w WHERE il.product_id = $1 AND il.warehouse_id = p.warehouse_id AND w.id = il.warehouse_id
     RETURNING il.warehouse_id, w.code, p.on_hand AS had`,
    [productKey, connector, syncedAt],
  );
  return rows.filter((r) => Number(r.had) !== 0).map(({ warehouse_id, code }) => ({ warehouse_id, code }));
}
