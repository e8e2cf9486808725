import { queryCount, queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/**
 * The store's `payment_method` table (payment providers' tokens saved on an
 * account): every statement the writers run on it. Each function takes the
 * caller's transaction first.
 */

/** A new `payment_method` row: a provider's token, never a card number. */
export interface NewPaymentMethodRow {
  accountId: string;
  provider: string;
  token: string;
  brand: string | null;
  last4: string | null;
  expiryMonth: number | null;
  expiryYear: number | null;
}

/** Inserts a payment method and returns its id. */
export async function insert(tx: Queryable, method: NewPaymentMethodRow): Promise<string> {
  const row = await queryRow<{ id: string }>(
    tx,
    `INSERT INTO payment_method (account_id, provider, token, brand, last4, expiry_month, expiry_year) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [method.accountId, method.provider, method.token, method.brand, method.last4, method.expiryMonth, method.expiryYear],
  );
  return row!.id;
}

/** Records the command that carries a new payment method to the other systems. */
export async function setLastCommand(tx: Queryable, paymentMethodId: string, commandId: string): Promise<void> {
  await queryCount(tx, `UPDATE payment_method SET last_command_id = $2 WHERE id = $1`, [paymentMethodId, commandId]);
}

/** Marks a payment method removed; false when it already was. */
export async function markRemoved(tx: Queryable, paymentMethodId: string): Promise<boolean> {
  return (await queryRows<{ id: string }>(tx, `UPDATE payment_method SET removed_at = now() WHERE id = $1 AND removed_at IS NULL RETURNING id`, [paymentMethodId])).length > 0;
}

/** The stored id of a payment method saved (not removed) on this account; undefined when there is none. */
export async function savedIdOnAccount(tx: Queryable, paymentMethodId: string, accountId: string): Promise<string | undefined> {
  return (await queryRow<{ id: string }>(tx, `SELECT id FROM payment_method WHERE id = $1 AND account_id = $2 AND removed_at IS NULL`, [paymentMethodId, accountId]))?.id;
}
