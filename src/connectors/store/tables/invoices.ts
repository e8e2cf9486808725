import { queryCount, queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/**
 * The store's `invoice`, `invoice_line` and `invoice_payment` tables: every
 * statement the writers run on them. Each function takes the caller's transaction first.
 */

/** A new `invoice` row; its due date defaults to today plus the account's terms. */
export interface NewInvoiceRow {
  id: string;
  number: string;
  accountId: string;
  orderId: string | null;
  status: string;
  currencyCode: string;
  total: string;
  amountPaid: string;
  /** An ISO date, or null for today plus {@link NewInvoiceRow.termsDays}. */
  dueDate: string | null;
  termsDays: number;
}

/** A new `invoice_line` row. */
export interface NewInvoiceLineRow {
  invoiceId: string;
  lineNumber: number;
  productId: string | null;
  sku: string | null;
  description: string;
  quantity: number;
  unitPrice: string;
  lineTotal: string;
}

/** A new `invoice_payment` row. */
export interface NewInvoicePaymentRow {
  invoiceId: string;
  amount: string;
  method: string;
  reference: string | null;
}

/** What recording a payment needs of an invoice (amounts as decimal strings). */
export interface InvoiceBalanceRow {
  status: string;
  number: string;
  total: string;
  amount_paid: string;
}

/** The number of the order's invoice that is not void; undefined when it has none. */
export async function liveNumberOfOrder(tx: Queryable, orderId: string): Promise<string | undefined> {
  return (await queryRow<{ number: string }>(tx, `SELECT number FROM invoice WHERE order_id = $1 AND status <> 'VOID' LIMIT 1`, [orderId]))?.number;
}

/** Takes the next invoice number (`INV-…`) from its sequence. */
export async function nextNumber(tx: Queryable): Promise<string> {
  return (await queryRow<{ number: string }>(tx, `SELECT 'INV-' || nextval('invoice_number_seq') AS number`))!.number;
}

/** Inserts an invoice (its lines and payments follow). */
export async function insert(tx: Queryable, invoice: NewInvoiceRow): Promise<void> {
  await queryCount(
    tx,
    `INSERT INTO invoice (id, number, account_id, order_id, status, currency_code, total, amount_paid, due_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::date, current_date + $10::int))`,
    [invoice.id, invoice.number, invoice.accountId, invoice.orderId, invoice.status, invoice.currencyCode, invoice.total, invoice.amountPaid, invoice.dueDate, invoice.termsDays],
  );
}

/** Inserts one line of an invoice. */
export async function insertLine(tx: Queryable, line: NewInvoiceLineRow): Promise<void> {
  await queryCount(
    tx,
    `INSERT INTO invoice_line (invoice_id, line_number, product_id, sku, description, quantity, unit_price, line_total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [line.invoiceId, line.lineNumber, line.productId, line.sku, line.description, line.quantity, line.unitPrice, line.lineTotal],
  );
}

/** Inserts a payment received against an invoice. */
export async function insertPayment(tx: Queryable, payment: NewInvoicePaymentRow): Promise<void> {
  await queryCount(tx, `INSERT INTO invoice_payment (invoice_id, amount, method, reference) VALUES ($1, $2, $3, $4)`, [payment.invoiceId, payment.amount, payment.method, payment.reference]);
}

/** Locks an invoice's row and returns its status and amounts; undefined when there is none. */
export async function lockBalance(tx: Queryable, invoiceId: string): Promise<InvoiceBalanceRow | undefined> {
  return queryRow<InvoiceBalanceRow>(tx, `SELECT status, number, total, amount_paid FROM invoice WHERE id = $1 FOR UPDATE`, [invoiceId]);
}

/** Sets how much of an invoice is paid, and its status. */
export async function setPaid(tx: Queryable, invoiceId: string, amountPaid: string, status: string): Promise<void> {
  await queryCount(tx, `UPDATE invoice SET amount_paid = $2, status = $3 WHERE id = $1`, [invoiceId, amountPaid, status]);
}

/** Records the command that carries the invoice's latest change to the other systems. */
export async function setLastCommand(tx: Queryable, invoiceId: string, commandId: string): Promise<void> {
  await queryCount(tx, `UPDATE invoice SET last_command_id = $2 WHERE id = $1`, [invoiceId, commandId]);
}

// Statements on the order, warehouse and inventory tables that invoicing an
// order runs: they belong with those tables' own modules (orders, inventory).

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

/** The lines of an order not wholly cancelled, in order, with their product's name and the base units they take. */
export async function billableLinesOfOrder(tx: Queryable, orderId: string): Promise<BillableOrderLineRow[]> {
  return queryRows<BillableOrderLineRow>(
    tx,
    `SELECT l.product_id, l.sku, coalesce(p.name, l.sku) AS description, l.quantity - l.cancelled_quantity AS quantity, l.unit_price::text AS unit_price,
            l.warehouse_id, (l.quantity - l.cancelled_quantity) * coalesce(u.factor, 1) AS base_units, l.reserved_quantity
     FROM order_line l LEFT JOIN product p ON p.id = l.product_id LEFT JOIN product_unit u ON u.product_id = l.product_id AND u.code = l.unit
     WHERE l.order_id = $1 AND l.quantity > l.cancelled_quantity ORDER BY l.line_number`,
    [orderId],
  );
}

/** The codes of warehouses by id. */
export async function warehouseCodes(tx: Queryable, warehouseIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; code: string }>(tx, `SELECT id, code FROM warehouse WHERE id = ANY($1::uuid[])`, [warehouseIds]);
  return new Map(rows.map((w) => [w.id, w.code]));
}

/** Goods leave a warehouse: stock on hand goes down by `units`, and what was reserved for them is released (neither below zero). */
export async function shipFromStock(tx: Queryable, productId: string, warehouseId: string, units: number, reserved: number): Promise<void> {
  await queryCount(
    tx,
    `UPDATE inventory_level SET on_hand = greatest(on_hand - $3, 0), reserved = greatest(reserved - $4, 0), updated_at = now() WHERE product_id = $1 AND warehouse_id = $2`,
    [productId, warehouseId, units, reserved],
  );
}

/** An invoiced order's lines reserve nothing any more. */
export async function releaseOrderReservations(tx: Queryable, orderId: string): Promise<void> {
  await queryCount(tx, `UPDATE order_line SET reserved_quantity = 0 WHERE order_id = $1`, [orderId]);
}
