import { queryCount, queryRow, queryRows, type Queryable } from "../../../db/query-rows.js";

/**
 * The store's `account` and `customer_group` tables: every statement the
 * writers run on them. Each function takes the caller's transaction first.
 */

/** A new `account` row. */
export interface NewAccountRow {
  id: string;
  code: string;
  name: string;
  email: string;
  phone: string | null;
  customerGroupId: string | null;
  paymentTerms: string;
  passwordHash: string | null;
}

/** Changes to an account's row; null leaves a column as it is. */
export interface AccountChanges {
  name: string | null;
  email: string | null;
  phone: string | null;
  paymentTerms: string | null;
  customerGroupId: string | null;
}

/** What an invoice needs of its account. */
export interface AccountBillingRow {
  code: string;
  payment_terms: string;
  currency_code: string;
}

/** The unique constraint an account's e-mail breaks when another account has it. */
export const EMAIL_CONSTRAINT = "account_email_key";

/** The id of the customer group with this code; null when there is none. */
export async function customerGroupIdByCode(tx: Queryable, code: string): Promise<string | null> {
  return (await queryRow<{ id: string }>(tx, `SELECT id FROM customer_group WHERE code = $1`, [code]))?.id ?? null;
}

/** Inserts an account; false (and nothing stored) when its id, code or e-mail is taken. */
export async function insert(tx: Queryable, account: NewAccountRow): Promise<boolean> {
  const inserted = await queryRows<{ id: string }>(
    tx,
    `INSERT INTO account (id, code, name, email, phone, customer_group_id, payment_terms, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
    [account.id, account.code, account.name, account.email, account.phone, account.customerGroupId, account.paymentTerms, account.passwordHash],
  );
  return inserted.length > 0;
}

/** Records the command that carries a new account to the other systems. */
export async function setLastCommand(tx: Queryable, accountId: string, commandId: string): Promise<void> {
  await queryCount(tx, `UPDATE account SET last_command_id = $2 WHERE id = $1`, [accountId, commandId]);
}

/** Records the command that carries a change of the account (or its ship-tos), and when it changed. */
export async function setLastChangeCommand(tx: Queryable, accountId: string, commandId: string): Promise<void> {
  await queryCount(tx, `UPDATE account SET last_command_id = $2, updated_at = now() WHERE id = $1`, [accountId, commandId]);
}

/**
 * Locks a live account's row for the rest of the transaction; false when it is
 * missing or deleted. Every command of an account's stream takes this lock
 * first, so its commands commit (and are delivered) in the order they were
 * numbered, and ship-to changes do not deadlock.
 */
export async function lockLive(tx: Queryable, accountId: string): Promise<boolean> {
  return (await queryRows<{ "?column?": number }>(tx, `SELECT 1 FROM account WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`, [accountId])).length > 0;
}

/** True when an account other than `accountId` has this e-mail (case-insensitive). */
export async function emailTakenByOther(tx: Queryable, email: string, accountId: string): Promise<boolean> {
  return (await queryRow<{ "?column?": number }>(tx, `SELECT 1 FROM account WHERE lower(email) = lower($1) AND id <> $2`, [email, accountId])) !== undefined;
}

/**
 * Applies changes to a live account and returns its code; undefined when it is
 * missing or deleted. Throws the database's error (constraint
 * {@link EMAIL_CONSTRAINT}) when another account took the e-mail meanwhile.
 */
export async function update(tx: Queryable, accountId: string, changes: AccountChanges): Promise<string | undefined> {
  const row = await queryRow<{ code: string }>(
    tx,
    `UPDATE account SET name = coalesce($2, name), email = coalesce($3, email), phone = coalesce($4, phone),
             payment_terms = coalesce($5, payment_terms), customer_group_id = coalesce($6, customer_group_id)
           WHERE id = $1 AND deleted_at IS NULL RETURNING code`,
    [accountId, changes.name, changes.email, changes.phone, changes.paymentTerms, changes.customerGroupId],
  );
  return row?.code;
}

/**
 * Overwrites a live account's name, e-mail and phone with a backend's record
 * (a null phone clears it: the backend's record is the truth for the fields it
 * sends); payment terms and customer group stay. Returns its code; undefined
 * when it is missing or deleted. Unlike {@link update}, nothing is kept by
 * passing null.
 */
export async function replaceContact(tx: Queryable, accountId: string, contact: { name: string; email: string; phone: string | null }): Promise<string | undefined> {
  const row = await queryRow<{ code: string }>(
    tx,
    `UPDATE account SET name = $2, email = $3, phone = $4 WHERE id = $1 AND deleted_at IS NULL RETURNING code`,
    [accountId, contact.name, contact.email, contact.phone],
  );
  return row?.code;
}

/** Marks a live account deleted and returns its code; undefined when it is missing or already deleted. */
export async function markDeleted(tx: Queryable, accountId: string): Promise<string | undefined> {
  return (await queryRow<{ code: string }>(tx, `UPDATE account SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING code`, [accountId]))?.code;
}

/** The code, payment terms and currency of an account, for billing it. */
export async function billingOf(tx: Queryable, accountId: string): Promise<AccountBillingRow | undefined> {
  return queryRow<AccountBillingRow>(tx, `SELECT code, payment_terms, currency_code FROM account WHERE id = $1`, [accountId]);
}

/** The id of the live account with this code; undefined when there is none (or it was deleted). */
export async function liveIdByCode(tx: Queryable, code: string): Promise<string | undefined> {
  return (await queryRow<{ id: string }>(tx, `SELECT id FROM account WHERE code = $1 AND deleted_at IS NULL`, [code]))?.id;
}

/** True when an account with this code exists, deleted or not. */
export async function codeTaken(tx: Queryable, code: string): Promise<boolean> {
  return (await queryRow<{ "?column?": number }>(tx, `SELECT 1 FROM account WHERE code = $1`, [code])) !== undefined;
}

/** Marks an account as last written by a backend's (`connector`) change, now. */
export async function markSynced(tx: Queryable, accountId: string, connector: string): Promise<void> {
  await queryCount(tx, `UPDATE account SET synced_from = $2, synced_at = clock_timestamp(), updated_at = now() WHERE id = $1`, [accountId, connector]);
}
