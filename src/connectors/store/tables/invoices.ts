import { queryCount, queryRow, type Queryable } from "../../../db/query-rows.js";

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

/** The id of the invoice with this number; undefined when there is none. */
export async function idByNumber(tx: Queryable, number: string): Promise<string | undefined> {
  return (await queryRow<{ id: string }>(tx, `SELECT id FROM invoice WHERE number = $1`, [number]))?.id;
}

/** What a backend may change of an invoice it reports again. */
export interface InvoiceChangesRow {
  orderId: string | null;
  status: string;
  total: string;
  dueDate: string;
}

/** Sets an invoice's status, total and due date as a backend reports them (an order link given stays; none keeps the one it had). */
export async function updateReported(tx: Queryable, invoiceId: string, changes: InvoiceChangesRow): Promise<void> {
  await queryCount(
    tx,
    `UPDATE invoice SET order_id = coalesce($2, order_id), status = $3, total = $4::numeric, due_date = $5::date WHERE id = $1`,
    [invoiceId, changes.orderId, changes.status, changes.total, changes.dueDate],
  );
}
