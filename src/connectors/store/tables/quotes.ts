/**
 * The store's `quote` and `quote_line` tables: every statement on them, each
 * run in the caller's transaction (`tx`).
 */
import { queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/** Takes the next quote number (`QT-…`) from its sequence. */
export async function nextNumber(tx: Queryable): Promise<string> {
  const row = await queryRow<{ number: string }>(tx, `SELECT 'QT-' || nextval('quote_number_seq') AS number`);
  return row!.number;
}

/** A quote as it is first stored: `OPEN`, valid for `validDays` days from today. */
export interface NewQuoteRow {
  id: string;
  number: string;
  accountKey: string;
  currencyCode: string;
  total: string;
  validDays: number;
}

/** Stores a new `OPEN` quote (its lines follow with {@link insertLine}). */
export async function insert(tx: Queryable, quote: NewQuoteRow): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO quote (id, number, account_id, status, currency_code, total, valid_until) VALUES ($1, $2, $3, 'OPEN', $4, $5, current_date + $6::int)`,
    [quote.id, quote.number, quote.accountKey, quote.currencyCode, quote.total, quote.validDays],
  );
}

/** A quote line as it is stored. */
export interface NewQuoteLineRow {
  lineNumber: number;
  productKey: string;
  sku: string;
  quantity: number;
  unit: string;
  unitPrice: string;
  lineTotal: string;
}

/** Stores one line of a quote (one statement per line, in line order). */
export async function insertLine(tx: Queryable, quoteId: string, line: NewQuoteLineRow): Promise<void> {
  await queryRows(
    tx,
    `INSERT INTO quote_line (quote_id, line_number, product_id, sku, quantity, unit, unit_price, line_total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [quoteId, line.lineNumber, line.productKey, line.sku, line.quantity, line.unit, line.unitPrice, line.lineTotal],
  );
}

/** Records the quote's latest outbox command. */
export async function setLastCommand(tx: Queryable, quoteId: string, commandId: string): Promise<void> {
  await queryRows(tx, `UPDATE quote SET last_command_id = $2 WHERE id = $1`, [quoteId, commandId]);
}

/** What decides whether a quote can become an order, locked until the transaction ends. */
export interface LockedQuoteRow {
  status: string;
  number: string;
  /** The last day it is valid (`YYYY-MM-DD`). */
  valid_until: string;
  converted_order_id: string | null;
}

/** Locks a quote (`FOR UPDATE`) and returns its status, number and validity; undefined when it does not exist. */
export function lockForUpdate(tx: Queryable, quoteId: string): Promise<LockedQuoteRow | undefined> {
  return queryRow<LockedQuoteRow>(tx, `SELECT status, number, valid_until::text AS valid_until, converted_order_id FROM quote WHERE id = $1 FOR UPDATE`, [quoteId]);
}

/** Marks a quote `CONVERTED` into the order, with the command that carries that order. */
export async function markConverted(tx: Queryable, quoteId: string, orderId: string, commandId: string): Promise<void> {
  await queryRows(tx, `UPDATE quote SET status = 'CONVERTED', converted_order_id = $2, last_command_id = $3 WHERE id = $1`, [quoteId, orderId, commandId]);
}
