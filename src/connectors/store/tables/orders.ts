/**
 * The store's `order` and `order_line` tables: every statement on them, each
 * run in the caller's transaction (`tx`).
 */
import { queryCount, queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/** Takes the next order number (`SO-…`) from its sequence. */
export async function nextNumber(tx: Queryable): Promise<string> {
  const row = await queryRow<{ number: string }>(tx, `SELECT 'SO-' || nextval('order_number_seq') AS number`);
  return row!.number;
}

/** An order as it is first stored: `PENDING`, without tax or shipping. */
export interface NewOrderRow {
  id: string;
  number: string;
  accountKey: string;
  shipToKey: string | null;
  kind: string;
  currencyCode: string;
  /** Subtotal and total (they are equal when the order is stored). */
  total: string;
  poNumber: string | null;
  notes: string | null;
  paymentMethodKey: string | null;
}

/** Stores a new `PENDING` order (its lines follow with {@link insertLine}). */
export async function insert(tx: Queryable, order: NewOrderRow): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO "order" (id, number, account_id, ship_to_id, kind, status, currency_code, subtotal, tax_total, shipping_total, total, po_number, notes, payment_method_id)
     VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $7, 0, 0, $7, $8, $9, $10)`,
    [order.id, order.number, order.accountKey, order.shipToKey, order.kind, order.currencyCode, order.total, order.poNumber, order.notes, order.paymentMethodKey],
  );
}

/** A line as it is first stored. */
export interface NewOrderLineRow {
  lineNumber: number;
  productKey: string;
  sku: string;
  quantity: number;
  unit: string;
  unitPrice: string;
  lineTotal: string;
  warehouseKey: string | null;
  /** Base units held in the line's warehouse for it. */
  reservedQuantity: number;
}

/** Stores one line of an order (one statement per line, in line order). */
export async function insertLine(tx: Queryable, orderId: string, line: NewOrderLineRow): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO order_line (order_id, line_number, product_id, sku, quantity, unit, unit_price, line_total, warehouse_id, reserved_quantity)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [orderId, line.lineNumber, line.productKey, line.sku, line.quantity, line.unit, line.unitPrice, line.lineTotal, line.warehouseKey, line.reservedQuantity],
  );
}

/** Records the order's latest outbox command. */
export async function setLastCommand(tx: Queryable, orderId: string, commandId: string): Promise<void> {
  await queryRows(tx, `UPDATE "order" SET last_command_id = $2 WHERE id = $1`, [orderId, commandId]);
}

/** The status and number of an order, locked until the transaction ends. */
export interface LockedOrderRow {
  status: string;
  number: string;
}

/** Locks an order (`FOR UPDATE`) and returns its status and number; undefined when it does not exist. */
export function lockForUpdate(tx: Queryable, orderId: string): Promise<LockedOrderRow | undefined> {
  return queryRow<LockedOrderRow>(tx, `SELECT status, number FROM "order" WHERE id = $1 FOR UPDATE`, [orderId]);
}

/** The quantities of a line that decide what can still be cancelled. */
export interface CancellableLineRow {
  line_number: number;
  quantity: number;
  cancelled_quantity: number;
  returned_quantity: number;
  reserved_quantity: number;
  unit_price: string;
}

/** Every line of an order with its cancelled and reserved quantities, by line number. */
export function cancellableLinesOf(tx: Queryable, orderId: string): Promise<CancellableLineRow[]> {
  return queryRows<CancellableLineRow>(
    tx,
    `SELECT line_number, quantity, cancelled_quantity, returned_quantity, reserved_quantity, unit_price FROM order_line WHERE order_id = $1 ORDER BY line_number`,
    [orderId],
  );
}

/** Where a line's stock is kept: its product and warehouse (either may be null). */
export interface LineStockRow {
  product_id: string | null;
  warehouse_id: string | null;
}

/** The product and warehouse of every line of an order (to lock their stock rows). */
export function stockOfLines(tx: Queryable, orderId: string): Promise<LineStockRow[]> {
  return queryRows<LineStockRow>(tx, `SELECT product_id, warehouse_id FROM order_line WHERE order_id = $1`, [orderId]);
}

/** Adds `quantity` to a line's cancelled quantity and takes `release` base units off what it reserves. */
export async function cancelLineQuantity(tx: Queryable, orderId: string, lineNumber: number, quantity: number, release: number): Promise<void> {
  await queryRows(
    tx,
    `UPDATE order_line SET cancelled_quantity = cancelled_quantity + $3, reserved_quantity = reserved_quantity - $4 WHERE order_id = $1 AND line_number = $2`,
    [orderId, lineNumber, quantity, release],
  );
}

/** Marks the order `CANCELLED` once every line is cancelled in full (else only touches `updated_at`); returns its status. */
export async function closeIfAllCancelled(tx: Queryable, orderId: string): Promise<string> {
  const row = await queryRow<{ status: string }>(
    tx,
    `UPDATE "order" SET updated_at = now(),
         status = CASE WHEN NOT EXISTS (SELECT 1 FROM order_line WHERE order_id = $1 AND cancelled_quantity < quantity) THEN 'CANCELLED' ELSE status END
       WHERE id = $1 RETURNING status`,
    [orderId],
  );
  return row!.status;
}

/** The quantities of a line that decide what can still be returned. */
export interface ReturnableLineRow {
  line_number: number;
  sku: string;
  quantity: number;
  cancelled_quantity: number;
  returned_quantity: number;
  shipped_quantity: number;
}

/** Every line of an order with its cancelled, returned and shipped quantities, by line number. */
export function returnableLinesOf(tx: Queryable, orderId: string): Promise<ReturnableLineRow[]> {
  return queryRows<ReturnableLineRow>(
    tx,
    `SELECT line_number, sku, quantity, cancelled_quantity, returned_quantity, shipped_quantity FROM order_line WHERE order_id = $1 ORDER BY line_number`,
    [orderId],
  );
}

/** Adds `quantity` to a line's returned quantity. */
export async function returnLineQuantity(tx: Queryable, orderId: string, lineNumber: number, quantity: number): Promise<void> {
  await queryRows(tx, `UPDATE order_line SET returned_quantity = returned_quantity + $3 WHERE order_id = $1 AND line_number = $2`, [orderId, lineNumber, quantity]);
}

/** Marks the order `RETURNED` once everything ordered and not cancelled is returned (else only touches `updated_at`); returns its status. */
export async function closeIfAllReturned(tx: Queryable, orderId: string): Promise<string> {
  const row = await queryRow<{ status: string }>(
    tx,
    `UPDATE "order" SET status = CASE WHEN NOT EXISTS (SELECT 1 FROM order_line WHERE order_id = $1 AND returned_quantity < quantity - cancelled_quantity) THEN 'RETURNED' ELSE status END, updated_at = now()
     WHERE id = $1 RETURNING status`,
    [orderId],
  );
  return row!.status;
}

/** Confirms a `PENDING` order as `OPEN` (the store applying its order-creating command); false when it was not `PENDING`. */
export async function confirmPending(tx: Queryable, orderId: string): Promise<boolean> {
  return (await queryCount(tx, `UPDATE "order" SET status = 'OPEN', updated_at = now() WHERE id = $1::uuid AND status = 'PENDING'`, [orderId])) > 0;
}

/** Stores the number a backend gave the order (the ERP's), unless it is already that. */
export async function setExternalNumber(tx: Queryable, orderId: string, externalNumber: string): Promise<string | null> {
  const rows = await queryRows<{ number: string }>(
    tx,
    `UPDATE "order" SET external_number = $2, updated_at = now() WHERE id = $1::uuid AND external_number IS DISTINCT FROM $2 RETURNING number`,
    [orderId, externalNumber],
  );
  return rows[0]?.number ?? null;
}

/** An order as invoicing it needs it. */
export interface OrderToBillRow {
  account_id: string;
  number: string;
  status: string;
}

/** An open line of an order, as it is billed. */
export interface BillableOrderLineRow {
  product_id: string | null;
  sku: string | null;
  /** The product's name, else the SKU (null when the line has neither). */
  description: string | null;
  quantity: number;
  unit_price: string;
  warehouse_id: string | null;
  base_units: number;
  reserved_quantity: number;
}

/** Locks an order's row for invoicing it; undefined when there is none. */
export async function lockOrderToBill(tx: Queryable, orderId: string): Promise<OrderToBillRow | undefined> {
  return queryRow<OrderToBillRow>(tx, `SELECT account_id, number, status FROM "order" WHERE id = $1 FOR UPDATE`, [orderId]);
}

/** The lines of an order not wholly cancelled, in order, with their product's name and the base units still to leave stock (shipments took theirs). */
export async function billableLinesOfOrder(tx: Queryable, orderId: string): Promise<BillableOrderLineRow[]> {
  return queryRows<BillableOrderLineRow>(
    tx,
    `SELECT l.product_id, l.sku, coalesce(p.name, l.sku) AS description, l.quantity - l.cancelled_quantity AS quantity, l.unit_price::text AS unit_price,
            l.warehouse_id, (l.quantity - l.cancelled_quantity - l.shipped_quantity) * coalesce(u.factor, 1) AS base_units, l.reserved_quantity
     FROM order_line l LEFT JOIN product p ON p.id = l.product_id LEFT JOIN product_unit u ON u.product_id = l.product_id AND u.code = l.unit
     WHERE l.order_id = $1 AND l.quantity > l.cancelled_quantity ORDER BY l.line_number`,
    [orderId],
  );
}

/** An invoiced order's lines reserve nothing any more. */
export async function releaseOrderReservations(tx: Queryable, orderId: string): Promise<void> {
  await queryCount(tx, `UPDATE order_line SET reserved_quantity = 0 WHERE order_id = $1`, [orderId]);
}

/** Sets an order's status (the lifecycle has checked the move). */
export async function setStatus(tx: Queryable, orderId: string, status: string): Promise<void> {
  await queryRows(tx, `UPDATE "order" SET status = $2, updated_at = now() WHERE id = $1`, [orderId, status]);
}

/** The quantities of a line that decide what can still ship, and where its stock is. */
export interface ShippableLineRow {
  line_number: number;
  sku: string;
  quantity: number;
  cancelled_quantity: number;
  shipped_quantity: number;
  returned_quantity: number;
  reserved_quantity: number;
  product_id: string | null;
  warehouse_id: string | null;
  /** Base units in one unit of the line (1 when the unit is unknown). */
  factor: number;
}

/** Every line of an order with its shipped, cancelled and reserved quantities, by line number. */
export function shippableLinesOf(tx: Queryable, orderId: string): Promise<ShippableLineRow[]> {
  return queryRows<ShippableLineRow>(
    tx,
    `SELECT l.line_number, l.sku, l.quantity, l.cancelled_quantity, l.shipped_quantity, l.returned_quantity, l.reserved_quantity, l.product_id, l.warehouse_id,
            coalesce(u.factor, 1)::int AS factor
     FROM order_line l LEFT JOIN product_unit u ON u.product_id = l.product_id AND u.code = l.unit
     WHERE l.order_id = $1 ORDER BY l.line_number`,
    [orderId],
  );
}

/** Adds `quantity` to a line's shipped quantity and takes `release` base units off what it reserves. */
export async function shipLineQuantity(tx: Queryable, orderId: string, lineNumber: number, quantity: number, release: number): Promise<void> {
  await queryRows(
    tx,
    `UPDATE order_line SET shipped_quantity = shipped_quantity + $3, reserved_quantity = greatest(reserved_quantity - $4, 0) WHERE order_id = $1 AND line_number = $2`,
    [orderId, lineNumber, quantity, release],
  );
}

/** The id and number of the order with our number or, when no number is given, the backend's (external) number; undefined when none has it. */
export async function findByReference(tx: Queryable, ref: { number?: string; externalNumber?: string }): Promise<{ id: string; number: string } | undefined> {
  return ref.number !== undefined
    ? queryRow<{ id: string; number: string }>(tx, `SELECT id, number FROM "order" WHERE number = $1`, [ref.number])
    : queryRow<{ id: string; number: string }>(tx, `SELECT id, number FROM "order" WHERE external_number = $1 ORDER BY created_at LIMIT 1`, [ref.externalNumber]);
}
